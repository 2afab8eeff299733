"""The intermediate record the extractor builds before it becomes an :class:`Attribution`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from sayso.nlp.phrases import NounPhrase


class CueCategory(StrEnum):
    SPEECH = "speech"
    BELIEF = "belief"
    INTENTION = "intention"
    ACCORDING_TO = "according_to"
    COLON = "colon"
    NONE = "none"


@dataclass(slots=True)
class Candidate:
    """A cue with its source and content, in token and character offsets."""

    cue: tuple[int, int] | None  # token range of the cue words
    lemma: str
    category: CueCategory
    source: NounPhrase | None
    content: list[tuple[int, int]]  # character ranges, in order
    rule: str  # which frame produced it, for debugging and error analysis
    channel: tuple[int, int] | None = None  # token range
    when: tuple[int, int] | None = None  # token range
    implicit_from: int | None = None  # index of the candidate whose speaker it continues
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def content_start(self) -> int:
        return self.content[0][0]

    @property
    def content_end(self) -> int:
        return self.content[-1][1]

    def covers(self, char: int) -> bool:
        return any(start <= char < end for start, end in self.content)
