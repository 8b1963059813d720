//! `peermap lexicon export`: every variant of the lexicon as one CSV row, for other tools.

use crate::cli::{ExportArgs, LangArg};
use crate::setup;
use crate::table::Sink;

/// `peermap lexicon export`: every variant as a CSV row.
pub fn run(args: &ExportArgs) -> anyhow::Result<()> {
    let crosswalk = setup::crosswalk_for_lexicon(&args.lexicon, LangArg::En)?;
    let sink = match &args.output {
        Some(path) => Sink::file(path)?,
        None => Sink::stdout(),
    };
    let mut out = csv::Writer::from_writer(sink);
    out.write_record([
        "entry",
        "kind",
        "label",
        "text",
        "lang",
        "regions",
        "ambiguous",
        "acronym",
        "status",
    ])?;
    for role in crosswalk.lexicon().roles() {
        for v in role.variants() {
            let regions: Vec<&str> = v.regions().iter().map(|r| r.as_str()).collect();
            out.write_record([
                role.id(),
                role.kind().as_str(),
                role.label(peermap::Lang::En),
                v.text(),
                v.lang().as_str(),
                &regions.join(";"),
                if v.is_ambiguous() { "true" } else { "false" },
                if v.is_acronym() { "true" } else { "false" },
                match v.status() {
                    peermap::VariantStatus::Verified => "verified",
                    peermap::VariantStatus::Derived => "derived",
                    peermap::VariantStatus::Unverified => "unverified",
                },
            ])?;
        }
    }
    out.into_inner().map_err(|e| e.into_error())?.finish()
}
