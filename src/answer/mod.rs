//! The answer: its type (verdict, role, score, candidates, qualifiers, evidence, the other
//! occupation, the explanation), how it is assembled from what `resolve` decided, and the
//! sentences of its explanation. The last stage of a title's path.

pub(crate) mod assemble;
pub(crate) mod explain;
pub(crate) mod types;
