from typing import Any, Dict, List, Optional, Sequence

import pyarrow

LEXICON_VERSION: str
__version__: str

class Answer:
    input: str
    verdict: str
    role: Optional[str]
    lineage: List[str]
    label: Optional[str]
    traditions: List[str]
    score: float
    method: Optional[str]
    matched: Optional[str]
    lang: Optional[str]
    candidates: List[Dict[str, Any]]
    qualifiers: Dict[str, Any]
    profile: Dict[str, List[str]]
    evidence: Dict[str, List[Dict[str, str]]]
    reason: Optional[str]
    occupation: Optional[Dict[str, Any]]
    decision: Optional[str]
    truncated: bool
    lexicon_version: str
    explanation: str
    def __init__(self, fields: Dict[str, Any]) -> None: ...
    def to_dict(self) -> Dict[str, Any]: ...

class Crosswalk:
    def __init__(
        self,
        lexicon_dirs: Optional[Sequence[str]] = ...,
        decisions: Optional[Sequence[str]] = ...,
        lang: Optional[str] = ...,
        region: Optional[str] = ...,
        threshold: Optional[float] = ...,
        closed_world: bool = ...,
        fields: Optional[Sequence[str]] = ...,
    ) -> None: ...
    def classify(self, title: str) -> Answer: ...
    def column_names(self) -> List[str]: ...
    def classify_batch(self, values: Any) -> Any: ...

def classify(title: str, lang: Optional[str] = ..., region: Optional[str] = ...) -> Answer: ...
def classify_batch(values: Any, **options: Any) -> Any: ...
