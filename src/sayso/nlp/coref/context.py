"""Positions of one Doc the ranker reads again and again: the sentence and paragraph of
every token, and the quotations, computed once per article from token columns."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

from sayso.nlp.text import text_of

_BREAK = re.compile(r"\n\s*")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(slots=True)
class DocContext:
    doc: Doc
    sent: list[int]  # token -> sentence number
    para: list[int]  # token -> paragraph number
    idx: list[int]  # token -> character offset
    quote_starts: list[int]
    quote_ends: list[int]
    sent_starts: list[int]  # sentence number -> its first token
    subjects: list[int]  # sentence number -> the subject token of its root, or -1

    @classmethod
    def of(cls, doc: Doc, quotes: list[tuple[int, int]] | None = None) -> DocContext:
        idx = doc.to_array(IDX)
        starts = doc.to_array(SENT_START)
        sent = (np.cumsum(starts == 1) - 1).clip(min=0) if len(doc) else starts
        breaks = [m.end() for m in _BREAK.finditer(text_of(doc))]
        para = np.searchsorted(np.asarray(breaks, dtype=np.int64), idx, side="right")
        spans = sorted(quotes or [])
        sent_starts: list[int] = []
        subjects: list[int] = []
        for sentence in doc.sents:
            sent_starts.append(sentence.start)
            root = sentence.root
            subject = next((c.i for c in root.children if c.dep_ in _SUBJECTS), -1)
            subjects.append(subject)
        return cls(
            doc,
            sent.tolist(),
            para.tolist(),
            idx.tolist(),
            [s for s, _ in spans],
            [e for _, e in spans],
            sent_starts,
            subjects,
        )

    def quote_at(self, char: int) -> tuple[int, int] | None:
        """The quotation holding character ``char``, if any."""
        position = bisect_right(self.quote_starts, char) - 1
        if position >= 0 and char < self.quote_ends[position]:
            return self.quote_starts[position], self.quote_ends[position]
        return None
