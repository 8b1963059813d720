//! ISO 3166 regions, in which a title is in use and by which a region hint breaks ties.

use std::fmt;

use serde::Serialize;

use crate::support::error::ErrorKind;

/// An ISO 3166 region: a country (`CA`, `FR`, `GB`) or a subdivision (`CA-QC`, `CA-ON`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Region(String);

impl Region {
    /// Parses a region code; letters are upper-cased (`ca-qc` → `CA-QC`).
    pub fn parse(code: &str) -> Option<Region> {
        let upper = code.trim().to_ascii_uppercase();
        let (country, sub) = match upper.split_once('-') {
            Some((c, s)) => (c, Some(s)),
            None => (upper.as_str(), None),
        };
        let country_ok = ISO_COUNTRIES.binary_search(&country).is_ok();
        let sub_ok = sub.map_or(true, |s| {
            (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
        });
        (country_ok && sub_ok).then_some(Region(upper))
    }

    /// The code a contributor most likely meant by a common non-ISO shorthand: a Canadian
    /// province or territory alone (`QC` → `CA-QC`) or `UK` (→ `GB`); `None` otherwise.
    pub fn suggest(code: &str) -> Option<Region> {
        let upper = code.trim().to_ascii_uppercase();
        if upper == "UK" {
            return Region::parse("GB");
        }
        CANADIAN_SUBDIVISIONS
            .contains(&upper.as_str())
            .then(|| Region::parse(&format!("CA-{upper}")))
            .flatten()
    }

    /// The code, e.g. `CA-QC`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country part, e.g. `CA` for `CA-QC`.
    pub fn country(&self) -> &str {
        &self.0[..2]
    }

    /// Whether a title used in `self` is in use for someone in `hint`: the same code, or one
    /// inside the other (a subdivision implies its country).
    pub fn overlaps(&self, hint: &Region) -> bool {
        self == hint
            || (self.0.len() == 2 && hint.country() == self.0)
            || (hint.0.len() == 2 && self.country() == hint.0)
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Canada's provinces and territories, which contributors often write alone ("QC").
const CANADIAN_SUBDIVISIONS: &[&str] = &[
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
];

/// The error of a region code that is not ISO 3166, saying what to write instead.
pub(crate) fn bad_region(code: &str) -> ErrorKind {
    ErrorKind::BadRegion {
        code: code.to_string(),
        hint: region_hint(code),
    }
}

/// What to write instead of a region code that is not ISO 3166.
fn region_hint(region: &str) -> String {
    match Region::suggest(region) {
        Some(r) if r.as_str() == "GB" => "the ISO 3166 code of the United Kingdom is GB".to_string(),
        Some(r) => format!("a Canadian province is written with its country: {r}"),
        None => "use a country (CA, FR, GB, BE, CH, SN…) or a subdivision with its country (CA-QC, CA-ON)"
            .to_string(),
    }
}

/// The officially assigned ISO 3166-1 alpha-2 country codes (249), so that "UK" or "QC"
/// is caught: the codes are `GB` and `CA-QC`.
const ISO_COUNTRIES: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];
