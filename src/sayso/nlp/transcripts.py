"""Transcripts and Q&As: every answer attributed to who gives it.

An interview printed as turns — ``NAME:`` lines, or ``Q:``/``A:`` (also ``Q.``/``A.``) —
reports each turn's words as its speaker's, down to the paragraphs that carry a turn on
without a label of their own. Who the labels are comes from the introduction ("Jane Doe,
the mayor, spoke to LA Weekly", "In an interview with The Times, Senator John Smith ..."):
``A`` is the interviewee, ``Q`` the interviewer, and a label ("DOE", "LA WEEKLY") is the
person or outlet the introduction names with that word. A turn that only asks questions
asserts nothing and is not an attribution (as :func:`sayso.nlp.attributions._asked` for
questions put to "you").

The source's mention is the label; its phrase for speaker resolution is the introduction's
mention of the same person (see :class:`~sayso.nlp.phrases.NounPhrase.mention`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from sayso.nlp.candidates import Candidate, CueCategory
from sayso.nlp.phrases import NounPhrase, head_of
from sayso.nlp.text import finish_content, text_of, view_of

# A label opening a line: "Q:", "A.", "DOE:", "Jane Doe:", "LA WEEKLY:", "Mr. Smith:".
_LABEL = re.compile(
    r"(?P<label>[QA]|(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s)?[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3})"
    r"\s?(?P<mark>:|(?<=\b[QA])\.)\s+(?=\S)"
)
_MIN_TURNS = 3  # a headline "Zimbabwe coup: ..." or one "Poll: ..." line is not a transcript
_INTERVIEW_WORDS = frozenset(
    "interview interviewed interviewing spoke speaks talked talks sat conversation "
    "q&a chat chatted asked".split()
)


@dataclass(frozen=True, slots=True)
class Turn:
    label: tuple[int, int]  # characters of the label's words
    mark: tuple[int, int]  # the colon or full stop after the label
    lines: tuple[tuple[int, int], ...]  # each paragraph of the turn, label excluded

    def words(self, text: str) -> str:
        return text[self.label[0] : self.label[1]]


def transcript_candidates(doc: Doc) -> tuple[list[Candidate], set[int]]:
    """The attributions of the turns of a transcript in ``doc``, and the tokens of the
    turns' marks (which the colon frame must then leave alone)."""
    text = text_of(doc)
    turns = find_turns(text)
    if not _is_transcript(text, turns):
        return [], set()
    intro_end = turns[0].label[0]
    questioners = _questioners(text, turns)
    found: list[Candidate] = []
    used: set[int] = set()
    for turn in turns:
        cue = doc.char_span(*turn.mark, alignment_mode="expand")
        label = doc.char_span(*turn.label, alignment_mode="expand")
        if cue is None or label is None or not len(cue):
            continue
        used.update(t.i for t in cue)
        words = turn.words(text)
        if words in questioners and _only_questions(text, turn):
            continue  # the interviewer's question asserts nothing
        pieces = [p for p in (finish_content(view_of(doc), s, e) for s, e in turn.lines) if p]
        if not pieces:
            continue
        source = _source(doc, label, words, intro_end, interviewer=words in questioners)
        found.append(
            Candidate(
                cue=(cue.start, cue.end),
                lemma=":",
                category=CueCategory.COLON,
                source=source,
                content=pieces,
                rule="transcript",
            )
        )
    return found, used


def find_turns(text: str) -> list[Turn]:
    """Every line opening with a speaker's label, with the paragraphs that carry it on."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    turns: list[Turn] = []
    current: list[tuple[int, int]] = []
    label = mark = None
    for start, end in lines:
        lead = start + len(text[start:end]) - len(text[start:end].lstrip())
        match = _LABEL.match(text, lead, end)
        if match is not None and _plausible_label(match.group("label")):
            if label is not None and mark is not None:
                turns.append(Turn(label, mark, tuple(current)))
            label = match.span("label")
            mark = match.span("mark")
            current = [(match.end(), _rstrip(text, match.end(), end))]
        elif label is not None and mark is not None:
            line = text[lead:end].strip()
            if _stage_direction(line):
                continue  # "(BEGIN VIDEO CLIP.)": the transcript's own note, not speech
            if _breaks_turn(line):
                turns.append(Turn(label, mark, tuple(current)))
                label = mark = None
                continue
            current.append((lead, _rstrip(text, lead, end)))
    if label is not None and mark is not None:
        turns.append(Turn(label, mark, tuple(current)))
    return turns


def _stage_direction(line: str) -> bool:
    return line[:1] in "([" and line.rstrip(".")[-1:] in ")]"


def _breaks_turn(line: str) -> bool:
    """A rule ("___", "***") or a heading in capitals ends the turn before it."""
    letters = [ch for ch in line if ch.isalpha()]
    return not letters or (len(letters) > 3 and all(ch.isupper() for ch in letters))


def _plausible_label(label: str) -> bool:
    """A speaker's label is a name or Q/A, not the first words of a sentence."""
    if label in {"Q", "A"}:
        return True
    words = label.split()
    return len(words) <= 4 and not any(w.lower() in _NOT_NAMES for w in words)


_NOT_NAMES = frozenset("the a an this that update note editor's photo watch read".split())


def _is_transcript(text: str, turns: list[Turn]) -> bool:
    """A question and an answer ("Q:", "A:"), or a dialogue: at least two speakers with
    two turns each, whose turns are sentences. Lists of names with figures ("Clinton:
    1,769.") or with a line each ("Jeb Bush: ...", "Marco Rubio: ...") are not."""
    labels = [_speaker_key(t.words(text)) for t in turns]
    if set(labels) == {"Q", "A"}:
        return len(turns) >= 2  # "Q." and "A." say it is an interview
    if len(turns) < _MIN_TURNS:
        return False
    recurring = [label for label in set(labels) if labels.count(label) >= 2]
    if len(recurring) < 2:
        return False
    words = [len(text[t.lines[0][0] : t.lines[0][1]].split()) if t.lines else 0 for t in turns]
    return sum(words) / len(words) >= 4


def _speaker_key(label: str) -> str:
    """ "JAKE TAPPER" and "TAPPER", "OK Gov Fallin" and "FALLIN": one speaker."""
    return label.split()[-1].upper().strip(".")


def _questioners(text: str, turns: list[Turn]) -> set[str]:
    """The labels that ask: "Q", or a label whose turns all end in a question mark."""
    by_label: dict[str, list[Turn]] = {}
    for turn in turns:
        by_label.setdefault(turn.words(text), []).append(turn)
    asking = {label for label, own in by_label.items() if label == "Q"}
    if not asking:
        asking = {
            label
            for label, own in by_label.items()
            if label != "A" and all(_only_questions(text, t) for t in own)
        }
    return asking


def _only_questions(text: str, turn: Turn) -> bool:
    words = " ".join(text[s:e] for s, e in turn.lines).strip().rstrip("”\"’' )")
    return words.endswith("?")


def _source(doc: Doc, label: Span, words: str, intro_end: int, interviewer: bool) -> NounPhrase:
    """The label as the text's mention; for resolution, the introduction's mention of the
    same person or outlet (Q and A: the interviewer and the interviewee)."""
    shown = (label.start, label.end)
    named = _introduced(doc, words, intro_end, interviewer)
    if named is None:
        return NounPhrase(start=label.start, end=label.end, head=head_of(doc, *shown).i)
    return NounPhrase(start=named.start, end=named.end, head=named.root.i, mention=shown)


def _introduced(doc: Doc, words: str, intro_end: int, interviewer: bool) -> Span | None:
    entities = [e for e in doc.ents if e.end_char <= intro_end and e.label_ in _SPEAKERS]
    if not entities:
        return None
    if words in {"Q", "A"}:
        people = [e for e in entities if e.label_ == "PERSON"]
        outlets = [e for e in entities if e.label_ != "PERSON"]
        if interviewer or words == "Q":
            return outlets[0] if outlets else None
        interviewed = [e for e in people if _after_interview_word(doc, e)]
        found = interviewed or people
        return found[0] if found else None
    wanted = {w.lower().strip(".") for w in words.split()}
    for entity in entities:
        names = {t.lower_.strip(".") for t in entity}
        if wanted <= names or (len(wanted) == 1 and wanted & names):
            return entity
    return None


_SPEAKERS = frozenset({"PERSON", "ORG", "NORP"})


def _after_interview_word(doc: Doc, entity: Span) -> bool:
    """ "an interview with Senator John Smith", "spoke to Jane Doe": the one interviewed."""
    before = doc[max(entity.sent.start, entity.start - 4) : entity.start]
    return any(t.lower_ in {"with", "interviewed"} for t in before) or (
        any(t.lower_ in _INTERVIEW_WORDS for t in before) and entity.start > entity.sent.start + 1
    )


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
