//! The workforce report's words, in English or French.

use peermap::Lang;

/// The report's words in English or French.
pub struct Texts {
    lang: Lang,
    pub title: &'static str,
    pub lexicon: &'static str,
    pub source: &'static str,
    pub verdicts_title: &'static str,
    pub verdicts_note: &'static str,
    /// "{n} of them were decided by a person (a decisions file)."
    pub decided_note: &'static str,
    pub roles_title: &'static str,
    pub traditions_title: &'static str,
    pub traditions_note: &'static str,
    pub map_title: &'static str,
    pub map_note: &'static str,
    pub qualifiers_title: &'static str,
    pub domains: &'static str,
    pub populations: &'static str,
    pub settings: &'static str,
    pub review_title: &'static str,
    pub review_note: &'static str,
    pub candidates: &'static str,
    pub look_alike: &'static str,
    pub look_alikes: &'static str,
    pub other_occupations: &'static str,
    pub occupation: &'static str,
    pub title_column: &'static str,
    pub count_column: &'static str,
    pub nothing: &'static str,
}

impl Texts {
    pub fn new(lang: Lang) -> Texts {
        match lang {
            Lang::En => Texts {
                lang,
                title: "Peer workforce report",
                lexicon: "lexicon",
                source: "the six questions are those of Panaite et al. 2024, doi:10.1111/hex.14034",
                verdicts_title: "What the titles are",
                verdicts_note: "Share of all rows per verdict.",
                decided_note: "rows were answered by a person's decision (a decisions file given to classify); the titles to review below are those still undecided.",
                roles_title: "Peer roles",
                traditions_title: "Traditions",
                traditions_note: "A role may belong to more than one tradition, so the shares can add up to more than 100 %.",
                map_title: "The six questions of the map",
                map_note: "For the rows coded to a peer role: the share whose role typically holds each value (a role holds several values per question, so shares add up to more than 100 %).",
                qualifiers_title: "What the titles say besides the role",
                domains: "Domains",
                populations: "Populations",
                settings: "Settings",
                review_title: "Titles to review",
                review_note: "Most frequent first: fix the data, or propose lexicon entries for real peer titles (see CONTRIBUTING.md).",
                candidates: "Candidates",
                look_alike: "Look-alike",
                look_alikes: "Not a peer role: look-alike",
                other_occupations: "Not a peer role: another occupation",
                occupation: "Occupation",
                title_column: "Title",
                count_column: "Rows",
                nothing: "Nothing to show.",
            },
            Lang::Fr => Texts {
                lang,
                title: "Rapport sur les pairs de l'effectif",
                lexicon: "lexique",
                source: "les six questions sont celles de Panaite et al. 2024, doi:10.1111/hex.14034",
                verdicts_title: "Ce que sont les titres",
                verdicts_note: "Part de toutes les lignes par verdict.",
                decided_note: "lignes ont reçu la décision d'une personne (un fichier de décisions donné à classify) ; les titres à revoir plus bas sont ceux qui restent à décider.",
                roles_title: "Rôles de pairs",
                traditions_title: "Traditions",
                traditions_note: "Un rôle peut relever de plusieurs traditions : le total peut dépasser 100 %.",
                map_title: "Les six questions de la carte",
                map_note: "Pour les lignes codées à un rôle de pair : la part dont le rôle a habituellement chaque valeur (un rôle a plusieurs valeurs par question : le total dépasse 100 %).",
                qualifiers_title: "Ce que les titres disent en plus du rôle",
                domains: "Domaines",
                populations: "Populations",
                settings: "Milieux",
                review_title: "Titres à revoir",
                review_note: "Les plus fréquents d'abord : corrigez les données, ou proposez des entrées au lexique pour les vrais titres de pairs (voir CONTRIBUTING.md).",
                candidates: "Candidats",
                look_alike: "Titre semblable",
                look_alikes: "Pas un rôle de pair : titre semblable",
                other_occupations: "Pas un rôle de pair : une autre profession",
                occupation: "Profession",
                title_column: "Titre",
                count_column: "Lignes",
                nothing: "Rien à montrer.",
            },
        }
    }

    pub fn verdict(&self, verdict: &str) -> String {
        let (en, fr) = match verdict {
            "peer_role" => ("Peer role", "Rôle de pair"),
            "ambiguous" => ("Ambiguous", "Ambigu"),
            "not_peer" => ("Not a peer role", "Pas un rôle de pair"),
            "unknown" => ("Unknown", "Inconnu"),
            _ => ("Unreadable row", "Ligne illisible"),
        };
        match self.lang {
            Lang::En => en,
            Lang::Fr => fr,
        }
        .to_string()
    }

    pub fn rows(&self, n: u64) -> String {
        match self.lang {
            Lang::En => format!("{n} rows"),
            Lang::Fr => format!("{n} lignes"),
        }
    }

    pub fn of_peer_rows(&self, n: u64) -> String {
        match self.lang {
            Lang::En => format!("Of the {n} rows coded to a peer role."),
            Lang::Fr => format!("Sur les {n} lignes codées à un rôle de pair."),
        }
    }

    pub fn more_titles(&self, titles: usize, others: u64) -> String {
        match self.lang {
            Lang::En => format!("{titles} less frequent titles not shown; {others} rows beyond the titles tracked."),
            Lang::Fr => format!("{titles} titres moins fréquents non affichés ; {others} lignes au-delà des titres suivis."),
        }
    }
}
