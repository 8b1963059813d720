//! Using the map: comparing two roles on the six questions, finding the roles nearest to one,
//! and the reverse crosswalk from a profile to the roles that fit it.
//!
//! The paper's map exists to bridge silos ("Do peer mentors have the same background as
//! community health workers? Why recruit one rather than the other?"); these functions answer
//! such questions from the lexicon's profiles.
//!
//! It takes the lexicon's roles (`data`) and stands beside the title's path, not on it.

use crate::data::entry::Role;
use crate::data::lexicon::Lexicon;
use crate::model::{Dimension, Facet, Lang, Profile};

/// How two roles compare on one of the six questions.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionComparison {
    dimension: Dimension,
    shared: Vec<&'static str>,
    only_a: Vec<&'static str>,
    only_b: Vec<&'static str>,
}

impl DimensionComparison {
    fn new(dimension: Dimension, a: &Profile, b: &Profile) -> Self {
        let (ca, cb) = (a.codes(dimension), b.codes(dimension));
        DimensionComparison {
            dimension,
            shared: ca.iter().copied().filter(|c| cb.contains(c)).collect(),
            only_a: ca.iter().copied().filter(|c| !cb.contains(c)).collect(),
            only_b: cb.iter().copied().filter(|c| !ca.contains(c)).collect(),
        }
    }

    /// The question.
    pub fn dimension(&self) -> Dimension {
        self.dimension
    }

    /// The values both roles hold, in the map's order.
    pub fn shared(&self) -> &[&'static str] {
        &self.shared
    }

    /// The values only the first role holds.
    pub fn only_a(&self) -> &[&'static str] {
        &self.only_a
    }

    /// The values only the second role holds.
    pub fn only_b(&self) -> &[&'static str] {
        &self.only_b
    }

    /// Jaccard similarity: shared values over all values either holds; 1 when neither holds
    /// any.
    pub fn similarity(&self) -> f64 {
        let union = self.shared.len() + self.only_a.len() + self.only_b.len();
        if union == 0 {
            1.0
        } else {
            self.shared.len() as f64 / union as f64
        }
    }

    /// Whether both roles hold exactly the same values.
    pub fn is_same(&self) -> bool {
        self.only_a.is_empty() && self.only_b.is_empty()
    }
}

/// Two peer roles side by side on the six questions.
#[derive(Clone, Debug)]
pub struct Comparison<'a> {
    a: &'a Role,
    b: &'a Role,
    dimensions: Vec<DimensionComparison>,
}

impl<'a> Comparison<'a> {
    /// The first role.
    pub fn a(&self) -> &'a Role {
        self.a
    }

    /// The second role.
    pub fn b(&self) -> &'a Role {
        self.b
    }

    /// The six questions, in the map's order.
    pub fn dimensions(&self) -> &[DimensionComparison] {
        &self.dimensions
    }

    /// The comparison on one question.
    pub fn dimension(&self, dimension: Dimension) -> &DimensionComparison {
        &self.dimensions[dimension.index()]
    }

    /// The mean of the six per-question similarities, in [0, 1].
    pub fn similarity(&self) -> f64 {
        self.dimensions
            .iter()
            .map(DimensionComparison::similarity)
            .sum::<f64>()
            / self.dimensions.len() as f64
    }

    /// One sentence saying how the two roles differ on a facet's two questions, in `lang`:
    /// "Peers' pathways — relations: only Peer mentor: lived experience; only Community health
    /// worker: social identity and geographic community; status: …".
    pub fn sentence(&self, facet: Facet, lang: Lang) -> String {
        let clauses: Vec<String> = self
            .dimensions
            .iter()
            .filter(|d| d.dimension.facet() == facet)
            .map(|d| self.clause(d, lang))
            .collect();
        let separator = if lang == Lang::Fr { " ; " } else { "; " };
        format!("{} — {}.", facet.label(lang), clauses.join(separator))
    }

    fn clause(&self, d: &DimensionComparison, lang: Lang) -> String {
        let values = |codes: &[&str]| -> String {
            let labels: Vec<String> = codes
                .iter()
                .map(|c| d.dimension.value_label(c, lang).unwrap_or(c).to_lowercase())
                .collect();
            join_words(&labels, lang)
        };
        let colon = if lang == Lang::Fr { " :" } else { ":" };
        let question = d.dimension.label(lang).to_lowercase();
        if d.is_same() {
            return match lang {
                Lang::En => format!("{question}{colon} the same ({})", values(&d.shared)),
                Lang::Fr => format!(
                    "{question}{colon} aucune différence ({})",
                    values(&d.shared)
                ),
            };
        }
        let mut parts = Vec::new();
        if !d.shared.is_empty() {
            parts.push(match lang {
                Lang::En => format!("both {}", values(&d.shared)),
                Lang::Fr => format!("tous deux {}", values(&d.shared)),
            });
        }
        let (a, b) = (self.a.label(lang), self.b.label(lang));
        for (label, only) in [(a, &d.only_a), (b, &d.only_b)] {
            if !only.is_empty() {
                parts.push(match lang {
                    Lang::En => format!("only {label}{colon} {}", values(only)),
                    Lang::Fr => format!("seulement {label}{colon} {}", values(only)),
                });
            }
        }
        format!("{question}{colon} {}", parts.join(", "))
    }
}

fn join_words(words: &[String], lang: Lang) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let and = if lang == Lang::Fr { "et" } else { "and" };
            format!("{} {and} {last}", init.join(", "))
        }
    }
}

/// Compares two peer roles on the six questions; `None` when either is a not-peer entry
/// (it has no profile).
///
/// ```
/// use peermap::{compare, Dimension, Lexicon};
///
/// let lexicon = Lexicon::embedded();
/// let (a, b) = (lexicon.get("peer-mentor").unwrap(), lexicon.get("community-health-worker").unwrap());
/// let comparison = compare(a, b).unwrap();
/// // Peer mentors connect through lived experience; community health workers through the
/// // community they belong to.
/// assert!(comparison.dimension(Dimension::Relations).only_a().contains(&"lived-experience"));
/// assert!(comparison.similarity() > 0.0 && comparison.similarity() < 1.0);
/// println!("{}", comparison.sentence(peermap::Facet::Pathways, peermap::Lang::En));
/// ```
pub fn compare<'a>(a: &'a Role, b: &'a Role) -> Option<Comparison<'a>> {
    let (pa, pb) = (a.profile()?, b.profile()?);
    Some(Comparison {
        a,
        b,
        dimensions: Dimension::ALL
            .iter()
            .map(|d| DimensionComparison::new(*d, pa, pb))
            .collect(),
    })
}

/// The peer roles nearest to `role` on the map, most similar first (ties by id); the role
/// itself is left out. Empty for a not-peer entry.
pub fn similar<'a>(lexicon: &'a Lexicon, role: &Role) -> Vec<(&'a Role, f64)> {
    let mut out: Vec<(&Role, f64)> = lexicon
        .roles()
        .iter()
        .filter(|other| other.id() != role.id())
        .filter_map(|other| Some((other, compare(role, other)?.similarity())))
        .collect();
    out.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.id().cmp(y.0.id())));
    out
}

/// A profile to look for: some values on some of the six questions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    wanted: Vec<(Dimension, &'static str)>,
}

impl Query {
    /// An empty query.
    pub fn new() -> Query {
        Query::default()
    }

    /// Asks for `value` (a code name, e.g. `navigation`) on `dimension`.
    ///
    /// # Errors
    ///
    /// When `value` is not a value of `dimension`; the message lists the values.
    pub fn with(mut self, dimension: Dimension, value: &str) -> Result<Query, String> {
        let Some(code) = dimension.value_codes().iter().find(|c| **c == value) else {
            return Err(format!(
                "\"{value}\" is not a value of {dimension}; expected one of: {}",
                dimension.value_codes().join(", ")
            ));
        };
        if !self.wanted.contains(&(dimension, code)) {
            self.wanted.push((dimension, code));
        }
        Ok(self)
    }

    /// The values asked for.
    pub fn wanted(&self) -> &[(Dimension, &'static str)] {
        &self.wanted
    }
}

/// A role that holds some of the values a [`Query`] asked for.
#[derive(Clone, Debug)]
pub struct Found<'a> {
    role: &'a Role,
    held: Vec<(Dimension, &'static str)>,
    missing: Vec<(Dimension, &'static str)>,
}

impl<'a> Found<'a> {
    /// The role.
    pub fn role(&self) -> &'a Role {
        self.role
    }

    /// The asked values it holds.
    pub fn held(&self) -> &[(Dimension, &'static str)] {
        &self.held
    }

    /// The asked values it does not hold.
    pub fn missing(&self) -> &[(Dimension, &'static str)] {
        &self.missing
    }

    /// Whether it holds every asked value.
    pub fn fits(&self) -> bool {
        self.missing.is_empty()
    }
}

/// The reverse crosswalk: the peer roles whose profile holds some of the asked values, those
/// holding the most first; among equals, those holding the fewest other values on the asked
/// questions (the most focused), then by id. Roles holding none are left out.
///
/// ```
/// use peermap::{find, Dimension, Lexicon, Query};
///
/// let query = Query::new()
///     .with(Dimension::Functions, "navigation").unwrap()
///     .with(Dimension::Affiliations, "clinical-organization").unwrap();
/// let found = find(Lexicon::embedded(), &query);
/// assert!(found[0].fits());
/// assert!(found.iter().any(|f| f.role().id() == "patient-navigator"));
/// ```
pub fn find<'a>(lexicon: &'a Lexicon, query: &Query) -> Vec<Found<'a>> {
    let mut out: Vec<Found<'a>> = lexicon
        .roles()
        .iter()
        .filter_map(|role| {
            let profile = role.profile()?;
            let (held, missing): (Vec<_>, Vec<_>) = query
                .wanted
                .iter()
                .partition(|(d, v)| profile.codes(*d).contains(v));
            (!held.is_empty()).then_some(Found {
                role,
                held,
                missing,
            })
        })
        .collect();
    let extra = |found: &Found<'_>| -> usize {
        let profile = found.role.profile().expect("found roles have a profile");
        let mut asked: Vec<Dimension> = query.wanted.iter().map(|(d, _)| *d).collect();
        asked.sort();
        asked.dedup();
        asked.iter().map(|d| profile.codes(*d).len()).sum::<usize>() - found.held.len()
    };
    out.sort_by(|x, y| {
        y.held
            .len()
            .cmp(&x.held.len())
            .then_with(|| extra(x).cmp(&extra(y)))
            .then_with(|| x.role.id().cmp(y.role.id()))
    });
    out
}
