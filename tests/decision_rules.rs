//! terminology.md §3, §4 and §6, as tests: every false friend is refused, every ambiguous head
//! follows its decision rule (with its cue, the role; without, `ambiguous`), and every acronym
//! collision is handled, with a region hint where the collision is regional.

use peermap::{classify, Crosswalk, Verdict};

const PEER: Verdict = Verdict::PeerRole;
const AMBIGUOUS: Verdict = Verdict::Ambiguous;
const NOT_PEER: Verdict = Verdict::NotPeer;
const UNKNOWN: Verdict = Verdict::Unknown;

/// (title, verdict, role or not-peer entry); the role is not checked for `ambiguous`.
const RULES: &[(&str, Verdict, Option<&str>)] = &[
    ("Navigator", AMBIGUOUS, None),
    ("Navigatrice", AMBIGUOUS, None),
    ("Peer Navigator", PEER, Some("peer-navigator")),
    ("Pair navigateur", PEER, Some("peer-navigator")),
    (
        "Aboriginal Patient Navigator",
        PEER,
        Some("indigenous-patient-navigator"),
    ),
    (
        "Navigateur autochtone",
        PEER,
        Some("indigenous-patient-navigator"),
    ),
    ("Nurse Navigator", NOT_PEER, Some("nurse-navigator")),
    ("Infirmière navigatrice", NOT_PEER, Some("nurse-navigator")),
    ("Recovery Navigator", PEER, Some("peer-recovery-coach")),
    ("Patient Navigator", PEER, Some("patient-navigator")),
    ("Mentor", AMBIGUOUS, None),
    ("Mentor Mother", PEER, Some("mentor-mother")),
    ("Peer Mentor", PEER, Some("peer-mentor")),
    ("Support Worker", AMBIGUOUS, None),
    ("Peer Support Worker", PEER, Some("peer-support-worker")),
    ("Outreach Worker", AMBIGUOUS, None),
    (
        "Harm Reduction Outreach Worker",
        PEER,
        Some("harm-reduction-peer-worker"),
    ),
    ("Health Advocate", AMBIGUOUS, None),
    ("Family Peer Advocate", PEER, Some("family-peer-supporter")),
    ("Youth Peer Advocate", PEER, Some("youth-peer-supporter")),
    (
        "Patient Advocate",
        NOT_PEER,
        Some("hospital-patient-advocate"),
    ),
    ("Health Coach", NOT_PEER, Some("health-coach")),
    ("Wellness Coach", NOT_PEER, Some("health-coach")),
    ("Recovery Coach", PEER, Some("peer-recovery-coach")),
    ("Peer Counselor", PEER, Some("peer-counsellor")),
    ("Counsellor", AMBIGUOUS, None),
    (
        "Licensed Professional Counselor",
        NOT_PEER,
        Some("counsellor"),
    ),
    (
        "Aboriginal Liaison Officer",
        PEER,
        Some("indigenous-patient-navigator"),
    ),
    (
        "Agent de liaison autochtone",
        PEER,
        Some("indigenous-patient-navigator"),
    ),
    ("Accompagnateur", AMBIGUOUS, None),
    (
        "Patient accompagnateur",
        PEER,
        Some("patient-peer-companion"),
    ),
    (
        "Accompagnante à la naissance",
        PEER,
        Some("community-doula"),
    ),
    (
        "Accompagnateur en sécurisation culturelle",
        PEER,
        Some("indigenous-patient-navigator"),
    ),
    ("Pair animateur", PEER, Some("peer-group-facilitator")),
    ("Animateur de GEM", AMBIGUOUS, None),
    (
        "Animateur communautaire",
        NOT_PEER,
        Some("community-animator"),
    ),
    ("Médiateur", AMBIGUOUS, None),
    (
        "Médiateur de santé pair",
        PEER,
        Some("peer-health-mediator"),
    ),
    (
        "Médiateur en santé",
        PEER,
        Some("community-health-mediator"),
    ),
    (
        "Médiateur sanitaire",
        PEER,
        Some("community-health-mediator"),
    ),
    ("Adulte-relais", PEER, Some("community-health-mediator")),
    ("Médiateur interculturel", PEER, Some("health-broker")),
    (
        "Médiateur hospitalier",
        NOT_PEER,
        Some("hospital-patient-advocate"),
    ),
    ("Médiateur familial", NOT_PEER, Some("conflict-mediator")),
    ("Intervenant pair", PEER, Some("peer-support-worker")),
    (
        "Intervenant de milieu",
        PEER,
        Some("street-outreach-worker"),
    ),
    ("Intervenant de rue", PEER, Some("street-outreach-worker")),
    (
        "Intervenant communautaire",
        NOT_PEER,
        Some("psychosocial-worker"),
    ),
    ("Intervenant pivot", NOT_PEER, Some("case-manager")),
    (
        "Intervenant pivot auprès des patients autochtones",
        PEER,
        Some("indigenous-patient-navigator"),
    ),
    ("Patient partenaire", AMBIGUOUS, None),
    ("Patient expert", AMBIGUOUS, None),
    ("Patient ressource", AMBIGUOUS, None),
    ("Pair aidant", PEER, Some("peer-support-worker")),
    ("Parrain", AMBIGUOUS, None),
    ("Parrain AA", PEER, Some("mutual-aid-sponsor")),
    (
        "Marraine d'allaitement",
        PEER,
        Some("breastfeeding-peer-counsellor"),
    ),
    ("Bénévole", UNKNOWN, None),
    ("Volunteer", UNKNOWN, None),
    ("Doula", AMBIGUOUS, None),
    ("Community Doula", PEER, Some("community-doula")),
    ("Doula communautaire", PEER, Some("community-doula")),
    ("Interprète", NOT_PEER, Some("interpreter")),
    (
        "Interprète accompagnatrice",
        PEER,
        Some("indigenous-patient-navigator"),
    ),
    ("Agent de santé", AMBIGUOUS, None),
    (
        "Agent de santé communautaire",
        PEER,
        Some("community-health-worker"),
    ),
    ("Matrone", PEER, Some("community-health-volunteer")),
    (
        "Lived Experience Practitioner",
        PEER,
        Some("peer-support-worker"),
    ),
    (
        "Lived Experience Advisor",
        PEER,
        Some("expert-by-experience"),
    ),
    ("Proche aidant", NOT_PEER, Some("family-caregiver")),
    ("Aidant proche", NOT_PEER, Some("family-caregiver")),
    ("Aidant naturel", NOT_PEER, Some("family-caregiver")),
    ("Pair aidant famille", PEER, Some("family-peer-supporter")),
    ("Carer Peer Worker", PEER, Some("family-peer-supporter")),
    ("Peer Reviewer", NOT_PEER, Some("peer-reviewer")),
    ("Évaluateur par les pairs", NOT_PEER, Some("peer-reviewer")),
    (
        "Personal Support Worker",
        NOT_PEER,
        Some("personal-support-worker"),
    ),
    (
        "Préposée aux bénéficiaires",
        NOT_PEER,
        Some("personal-support-worker"),
    ),
    ("Aide-soignante", NOT_PEER, Some("personal-support-worker")),
    (
        "Infirmière pivot en oncologie",
        NOT_PEER,
        Some("nurse-navigator"),
    ),
    ("Health Educator", NOT_PEER, Some("health-educator")),
    ("CHES", NOT_PEER, Some("health-educator")),
    (
        "Éducatrice spécialisée",
        NOT_PEER,
        Some("specialized-educator"),
    ),
    ("Éducateur de rue", NOT_PEER, Some("street-educator")),
    ("Travailleur de rue", PEER, Some("street-outreach-worker")),
    ("Social Worker", NOT_PEER, Some("social-worker")),
    ("Travailleuse sociale", NOT_PEER, Some("social-worker")),
    (
        "Assistante de service social",
        NOT_PEER,
        Some("social-worker"),
    ),
    (
        "Community Health Nurse",
        NOT_PEER,
        Some("community-health-nurse"),
    ),
    (
        "Infirmière en santé communautaire",
        NOT_PEER,
        Some("community-health-nurse"),
    ),
    ("Case Manager", NOT_PEER, Some("case-manager")),
    ("Gestionnaire de cas", NOT_PEER, Some("case-manager")),
    ("Peer Case Manager", PEER, Some("peer-support-worker")),
    ("Ombudsman", NOT_PEER, Some("hospital-patient-advocate")),
    (
        "Commissaire aux plaintes et à la qualité des services",
        NOT_PEER,
        Some("hospital-patient-advocate"),
    ),
    ("Lady Health Visitor", NOT_PEER, Some("lady-health-visitor")),
    ("Lady Health Worker", PEER, Some("lady-health-worker")),
    (
        "Health Extension Officer",
        NOT_PEER,
        Some("health-extension-officer"),
    ),
    (
        "Health Extension Worker",
        PEER,
        Some("health-extension-worker"),
    ),
    (
        "Consultante en lactation",
        NOT_PEER,
        Some("lactation-consultant"),
    ),
    ("IBCLC", NOT_PEER, Some("lactation-consultant")),
    ("Sage-femme", NOT_PEER, Some("midwife")),
    ("Midwife", NOT_PEER, Some("midwife")),
    ("PSW", AMBIGUOUS, None),
    ("PSW – NHS mental health", PEER, Some("peer-support-worker")),
    ("CPS", UNKNOWN, None),
    ("CHR", AMBIGUOUS, None),
    ("APN", AMBIGUOUS, None),
    ("MSP", AMBIGUOUS, None),
    ("PA", AMBIGUOUS, None),
    ("AC", AMBIGUOUS, None),
    ("ASC", PEER, Some("community-health-worker")),
    ("RECO", PEER, Some("community-health-volunteer")),
    ("LHW", PEER, Some("lady-health-worker")),
    ("LHV", NOT_PEER, Some("lady-health-visitor")),
    ("HEW", PEER, Some("health-extension-worker")),
    ("HEO", NOT_PEER, Some("health-extension-officer")),
    ("IPO", NOT_PEER, Some("nurse-navigator")),
    ("PAB", NOT_PEER, Some("personal-support-worker")),
    ("FPA", PEER, Some("family-peer-supporter")),
    ("YPA", PEER, Some("youth-peer-supporter")),
    ("PN", AMBIGUOUS, None),
];

#[test]
fn the_decision_rules_of_terminology_md_hold() {
    let mut misses = Vec::new();
    for (title, verdict, role) in RULES {
        let answer = classify(title);
        let role_ok = *verdict == AMBIGUOUS || answer.role() == *role;
        if answer.verdict() != *verdict || !role_ok {
            misses.push(format!(
                "{title:?}: expected {verdict} {role:?}, got {} {:?}",
                answer.verdict(),
                answer.role()
            ));
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn bare_heads_list_their_readings_as_candidates() {
    let candidates = |title: &str| -> Vec<String> {
        classify(title)
            .candidates()
            .iter()
            .map(|c| c.role().to_string())
            .collect()
    };
    assert_eq!(
        candidates("Navigator"),
        ["nurse-navigator", "patient-navigator", "peer-navigator"]
    );
    assert_eq!(
        candidates("PSW"),
        ["peer-support-worker", "personal-support-worker"]
    );
    assert!(candidates("Médiatrice").contains(&"community-health-mediator".to_string()));
    assert!(candidates("Médiatrice").contains(&"conflict-mediator".to_string()));
}

/// (title, region hint, verdict, role): collisions that a region resolves.
const REGIONAL: &[(&str, &str, Verdict, &str)] = &[
    ("PSW", "GB", PEER, "peer-support-worker"),
    ("PSW", "AU", PEER, "peer-support-worker"),
    ("PSW", "CA-ON", NOT_PEER, "personal-support-worker"),
    ("CHR", "US", PEER, "community-health-representative"),
    ("CHR", "FR", NOT_PEER, "health-facility"),
    ("AC", "MG", PEER, "community-health-worker"),
    ("AC", "CD", NOT_PEER, "community-animator"),
    ("APN", "CA", PEER, "indigenous-patient-navigator"),
    ("APN", "US", NOT_PEER, "advanced-practice-nurse"),
    ("Agent de santé", "HT", PEER, "community-health-worker"),
    ("Agent de santé", "SN", NOT_PEER, "health-agent"),
];

#[test]
fn a_region_hint_resolves_regional_collisions() {
    for (title, region, verdict, role) in REGIONAL {
        let crosswalk = Crosswalk::builder().region(region).build().unwrap();
        let answer = crosswalk.classify(title);
        assert_eq!(
            (answer.verdict(), answer.role()),
            (*verdict, Some(*role)),
            "{title} with --region {region}"
        );
        assert_eq!(
            classify(title).verdict(),
            AMBIGUOUS,
            "{title} without a region"
        );
    }
}

#[test]
fn a_region_never_hides_a_role_named_by_the_title() {
    let ontario = Crosswalk::builder().region("CA-ON").build().unwrap();
    assert_eq!(
        ontario.classify("Peer Support Worker").role(),
        Some("peer-support-worker")
    );
    let france = Crosswalk::builder().region("FR").build().unwrap();
    assert_eq!(
        france.classify("Community Health Representative").role(),
        Some("community-health-representative")
    );
}
