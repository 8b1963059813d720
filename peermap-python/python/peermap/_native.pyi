from typing import Any, List, Optional

LEXICON_VERSION: str
__version__: str

class NativeCrosswalk:
    def __init__(
        self,
        lexicon_dirs: Optional[List[str]] = ...,
        decisions: Optional[List[str]] = ...,
        lang: Optional[str] = ...,
        region: Optional[str] = ...,
        threshold: Optional[float] = ...,
        closed_world: bool = ...,
        fields: Optional[List[str]] = ...,
    ) -> None: ...
    def classify_json(self, title: str) -> str: ...
    def column_names(self) -> List[str]: ...
    def classify_arrow(self, chunks: List[Any], not_a_string: List[List[int]]) -> List[Any]: ...
