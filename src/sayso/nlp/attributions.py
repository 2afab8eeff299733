"""From a parsed document to its attributions: find cues, run frames, tidy the result."""

from __future__ import annotations

import bisect
import heapq
import itertools
from collections.abc import Callable
from dataclasses import replace

from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from sayso.model import Attribution, AttributionKind, Content, Cue, Source, TextSpan
from sayso.model import Resolution as SourceResolution
from sayso.nlp.adjectives import adjective_frame
from sayso.nlp.candidates import PARTICLE_HEADS, Candidate, CueCategory
from sayso.nlp.carriers import in_document_frame
from sayso.nlp.columns import (
    positions_with_lemma,
    positions_with_lower,
    positions_with_pos,
    positions_with_tag,
)
from sayso.nlp.drafts import Resolution
from sayso.nlp.frames import according_to_frame, colon_frame, cue_category, verb_frame
from sayso.nlp.guards import in_idiom
from sayso.nlp.headlines import headline_positions, headline_verb_frame, is_headline_line
from sayso.nlp.intervals import holders
from sayso.nlp.lexicon import ADJECTIVE_CUES, NOUN_CUES, PASSIVE_AS_VERBS, PASSIVE_CUE_VERBS
from sayso.nlp.nouns import noun_frame
from sayso.nlp.quotes import OPEN
from sayso.nlp.text import QuoteIndex, quote_index, text_of
from sayso.nlp.transcripts import transcript_candidates

# Quoted words inside a nested report of speech belong to the inner speaker; inside a
# nested belief or intention they are still the outer speaker's words.
_SPEAKING = {CueCategory.SPEECH, CueCategory.ACCORDING_TO, CueCategory.COLON}
_PASSIVE_CUES = PASSIVE_CUE_VERBS | PASSIVE_AS_VERBS


def find_candidates(doc: Doc, quotes: QuoteIndex) -> list[Candidate]:
    """Every attribution the frames can read in ``doc``, before nesting and kinds."""
    found, turn_marks = transcript_candidates(doc)
    for i in _possible_cues(doc):
        if i in turn_marks or in_idiom(doc, i):
            continue
        token = doc[i]
        candidate = _frame_for(doc, token, quotes)
        if candidate is not None and candidate.content and not _asked(token):
            found.extend(_items(candidate))
    found.extend(_implicit_continuations(doc, found, quotes))
    return _deduplicate(found)


def _items(candidate: Candidate) -> list[Candidate]:
    """A reported list ("Obama also said:" and four bullets) is one claim per item."""
    if candidate.rule != "list":
        return [candidate]
    return [replace(candidate, content=[piece]) for piece in candidate.content]


def _possible_cues(doc: Doc) -> list[int]:
    """The tokens :func:`_frame_for` can read a frame at, in order: the others it would
    turn down on their words, lemma, tag or part of speech."""
    found = set(positions_with_lower(doc, ("according", "in", ":", *ADJECTIVE_CUES)))
    nouns = set(positions_with_pos(doc, (NOUN,)))
    found.update(nouns.intersection(positions_with_lemma(doc, NOUN_CUES.__contains__)))
    verbal = set(positions_with_pos(doc, (VERB, AUX)))
    verbal.update(positions_with_tag(doc, prefix="VB"))
    verb_cues = positions_with_lemma(doc, _is_verb_cue)
    found.update(verbal.intersection(verb_cues))
    found.update(i for i in nouns.intersection(verb_cues) if _predicate_noun(doc[i]))
    found.update(headline_positions(doc))
    return sorted(found)


def _predicate_noun(token: Token) -> bool:
    """ "The new regulations state that ...": a cue verb the tagger read as a noun, with a
    subject and a clause of its own."""
    deps = {c.dep_ for c in token.children}
    return "nsubj" in deps and "ccomp" in deps


def _is_verb_cue(lemma: str) -> bool:
    return cue_category(lemma) is not None or lemma in _PASSIVE_CUES or lemma in PARTICLE_HEADS


def _frame_for(doc: Doc, token: Token, quotes: QuoteIndex) -> Candidate | None:
    lower = token.lower_
    if lower == "according":
        return according_to_frame(doc, token, quotes)
    if token.text == ":":
        return colon_frame(doc, token, quotes)
    if lower == "in":
        return in_document_frame(doc, token, quotes)
    if token.pos_ == "NOUN" and token.lemma_.lower() in NOUN_CUES and not _predicate_noun(token):
        return noun_frame(doc, token)
    if (token.pos_ == "ADJ" or token.tag_ == "VBN") and token.lower_ in ADJECTIVE_CUES:
        return adjective_frame(doc, token)
    verbal = token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB") or _predicate_noun(token)
    found = None
    if verbal and _is_verb_cue(token.lemma_.lower()):
        found = verb_frame(doc, token, quotes)
    if found is None and token.is_title and is_headline_line(doc, token):
        found = headline_verb_frame(doc, token)
    return found


def _asked(cue: Token) -> bool:
    """A cue in a question put to "you" asserts nothing ("Do you think the plan will work?",
    an interviewer's "Why did you decide to run?"). Questions about a third party stay:
    "Did Trump say Mexico would pay?" still reports what he is taken to have said, and
    PolNeAR annotates it. "X asked: …" and "Why?” he asked." end their sentence with the
    report, not with the question mark."""
    if cue.lower_ == "according" or cue.text == ":" or not _ends_with_question(cue.sent):
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == "you" for c in cue.children)


def _ends_with_question(sent: Span) -> bool:
    for token in reversed(sent):
        if token.is_space or token.is_quote or token.text in {")", "]"}:
            continue
        return token.text == "?"
    return False


def _implicit_continuations(
    doc: Doc, found: list[Candidate], quotes: QuoteIndex
) -> list[Candidate]:
    """A paragraph that is nothing but a quotation, right after a quoted speaker, carries
    on that speaker's words."""
    extra: list[Candidate] = []
    text = text_of(doc)
    held = holders([c.content for c in found], (q.inner_start for q in quotes.quotes))
    previous = _Previous(found)
    added: _Added = _Added()  # the spans of the continuations made so far
    position = _first_equal(found)
    for quote in quotes.quotes:
        if held.get(quote.inner_start) or added.holds(quote.inner_start):
            continue
        if not _starts_paragraph(text, quote.start) or not _ends_paragraph(text, quote.end):
            continue
        before = previous.direct(text, quotes.view, quote.start)
        if before is None:
            continue
        inner = quotes.inner(quote)
        candidate = Candidate(
            cue=None,
            lemma="",
            category=CueCategory.NONE,
            source=before.source,
            content=[inner, *quotes.continuations(quote)],
            rule="implicit-quote",
            # A run of quote paragraphs all continue the first speaker's attribution.
            implicit_from=(
                before.implicit_from if before.implicit_from is not None else position(before)
            ),
        )
        extra.append(candidate)
        added.add(candidate.content)
        previous.add(candidate)
    return extra


def _first_equal(found: list[Candidate]) -> Callable[[Candidate], int]:
    """``found.index``: the first candidate equal to this one, found among the few with the
    same cue and content rather than by comparing with every candidate."""
    buckets: dict[tuple, list[int]] = {}
    for i, candidate in enumerate(found):
        buckets.setdefault(_signature(candidate), []).append(i)

    def index(candidate: Candidate) -> int:
        for i in buckets.get(_signature(candidate), []):
            if found[i] is candidate or found[i] == candidate:
                return i
        return found.index(candidate)

    return index


def _signature(candidate: Candidate) -> tuple:
    return (candidate.cue, tuple(tuple(span) for span in candidate.content), candidate.rule)


class _Added:
    """Spans added while the quotes are read in order: does one hold this point? (Each
    holds points at or after the quote that made it, so a sweep in step with the quotes
    answers in amortised constant time; out of order, it looks at them all.)"""

    def __init__(self) -> None:
        self.waiting: list[tuple[int, int]] = []  # heap by start
        self.open: list[int] = []  # heap of the ends of spans started at or before `last`
        self.all: list[tuple[int, int]] = []
        self.last = -1

    def add(self, spans: list[tuple[int, int]]) -> None:
        for span in spans:
            heapq.heappush(self.waiting, span)
            self.all.append(span)

    def holds(self, point: int) -> bool:
        if point < self.last:
            return any(start <= point < end for start, end in self.all)
        self.last = point
        while self.waiting and self.waiting[0][0] <= point:
            heapq.heappush(self.open, heapq.heappop(self.waiting)[1])
        while self.open and self.open[0] <= point:
            heapq.heappop(self.open)
        return bool(self.open)


def _starts_paragraph(text: str, char: int) -> bool:
    line_start = text.rfind("\n", 0, char) + 1
    return not text[line_start:char].strip()


def _ends_paragraph(text: str, char: int) -> bool:
    line_end = text.find("\n", char)
    rest = text[char : line_end if line_end >= 0 else len(text)]
    return not rest.strip(" .,")


class _Previous:
    """The candidates with a source, by where their content ends: the quoted attribution
    of the paragraph before a point is a binary search away."""

    def __init__(self, found: list[Candidate]) -> None:
        self.keys: list[tuple[int, int]] = []  # (content end, order added)
        self.items: list[Candidate] = []
        for candidate in found:
            self.add(candidate)

    def add(self, candidate: Candidate) -> None:
        if candidate.source is None:
            return
        key = (candidate.content_end, len(self.items))
        self.items.append(candidate)
        self.keys.insert(bisect.bisect(self.keys, key), key)

    def direct(self, text: str, view: str, char: int) -> Candidate | None:
        """The quoted attribution in the paragraph just before ``char``, if any: of those
        whose content ends in that paragraph, the one ending last (the first of equals)."""
        para_start = text.rfind("\n", 0, char)
        prev_para_start = text.rfind("\n\n", 0, max(para_start - 1, 0))
        at = bisect.bisect(self.keys, (para_start, len(self.items))) - 1
        if at < 0 or self.keys[at][0] < prev_para_start:
            return None
        end = self.keys[at][0]
        best = self.items[self.keys[bisect.bisect_left(self.keys, (end, -1))][1]]
        quoted = any(view[s - 1 : s] == OPEN for s, _ in best.content)
        return best if quoted else None


def _deduplicate(found: list[Candidate]) -> list[Candidate]:
    """The first candidate of each cue and of each content; the items of a reported list
    share their cue and are only the same when their contents are."""
    kept: list[Candidate] = []
    cues: set[tuple[int, int]] = set()  # every kept cue
    single_cues: set[tuple[int, int]] = set()  # the kept cues of candidates not list items
    contents: set[tuple[tuple[int, int], ...]] = set()
    for candidate in found:
        content = tuple((start, end) for start, end in candidate.content)
        taken = single_cues if candidate.rule == "list" else cues
        if (candidate.cue is not None and candidate.cue in taken) or content in contents:
            continue
        kept.append(candidate)
        if candidate.cue is not None:
            cues.add(candidate.cue)
            if candidate.rule != "list":
                single_cues.add(candidate.cue)
        contents.add(content)
    return kept


# --- from candidates to attributions -----------------------------------------------------


def build_attributions(
    doc: Doc, candidates: list[Candidate], resolutions: list[Resolution | None]
) -> list[Attribution]:
    """Order the candidates, give them ids, nest them and decide their kinds."""
    order = sorted(range(len(candidates)), key=lambda i: _start_of(doc, candidates[i]))
    ids = {index: f"a{rank + 1}" for rank, index in enumerate(order)}
    parents = _acyclic(_parents(doc, candidates, order), candidates)
    children: dict[int, list[int]] = {}
    for child, parent in parents.items():
        if parent is not None:
            children.setdefault(parent, []).append(child)
    attributions = []
    for index in order:
        candidate = candidates[index]
        resolution = resolutions[index]
        parent = parents[index]
        attributions.append(
            Attribution(
                id=ids[index],
                kind=_kind(doc, candidates, index, children.get(index, [])),
                source=_source(doc, candidate, resolution),
                cue=_cue(doc, candidate),
                content=Content(
                    spans=tuple(candidate.content),
                    text=Content.joined(text_of(doc), tuple(candidate.content)),
                ),
                nested_in=ids[parent] if parent is not None else None,
                channel=_text_span(doc, candidate.channel),
                when=_text_span(doc, candidate.when),
            )
        )
    return attributions


def _acyclic(parents: dict[int, int | None], candidates: list[Candidate]) -> dict[int, int | None]:
    """Two attributions that hold each other's cue: the one with the wider content is
    the outer one."""
    for index, parent in list(parents.items()):
        if parent is not None and parents.get(parent) == index:
            width = {
                i: candidates[i].content_end - candidates[i].content_start for i in (index, parent)
            }
            outer = index if width[index] >= width[parent] else parent
            parents[outer] = None
    return parents


def _start_of(doc: Doc, candidate: Candidate) -> int:
    starts = [candidate.content_start]
    if candidate.cue is not None:
        starts.append(doc[candidate.cue[0]].idx)
    if candidate.source is not None and candidate.implicit_from is None:
        starts.append(candidate.source.shown(doc).start_char)
    return min(starts)


def _anchors(doc: Doc, candidate: Candidate) -> list[int]:
    anchors = []
    if candidate.cue is not None:
        anchors.append(doc[candidate.cue[0]].idx)
    if candidate.source is not None and candidate.implicit_from is None:
        anchors.append(candidate.source.shown(doc).start_char)
    return anchors


def _parents(doc: Doc, candidates: list[Candidate], order: list[int]) -> dict[int, int | None]:
    """Each candidate's parent: the innermost other attribution (smallest content, the
    first of equals) whose content holds its cue and its source. The candidates holding
    each anchor come from one sweep (:func:`holders`), not from asking all of them."""
    anchors = [_anchors(doc, c) for c in candidates]
    held = holders([c.content for c in candidates], (a for found in anchors for a in found))
    sizes = [sum(end - start for start, end in c.content) for c in candidates]
    parents: dict[int, int | None] = {}  # in ``order``: _acyclic reads them in that order
    for index in order:
        points = anchors[index]
        if not points:
            parents[index] = None
            continue
        common = set(held.get(points[0], ()))
        for point in points[1:]:
            common.intersection_update(held.get(point, ()))
        common.discard(index)
        # held is not enough: the inner report must be part of what the outer one reports
        common = {i for i in common if _inside(doc, candidates[i], candidates[index], points[0])}
        parents[index] = min(common, key=lambda i: (sizes[i], i)) if common else None
    return parents


# Contents given verbatim, whatever their syntax: what lies in them is the speaker's.
_VERBATIM = frozenset({"transcript", "list", "after-paragraph", "implicit-quote"})


def _inside(doc: Doc, outer: Candidate, inner: Candidate, anchor: int) -> bool:
    """Whether ``inner`` is part of what ``outer`` reports, not merely written within its
    span: it stands in the outer speaker's quoted words, or its cue hangs from the outer
    cue (or the outer cue from it) through the parse — a correspondent's own assessment
    after a president's vow, coordinated with it, is not nested in the vow."""
    if outer.rule in _VERBATIM or outer.cue is None or inner.cue is None:
        return True
    quote = quote_index(doc).containing(anchor)
    if quote is not None and outer.covers(quote.inner_start):
        return True
    inner_cue, outer_cue = doc[inner.cue[0]], doc[outer.cue[0]]
    if inner_cue.sent != outer_cue.sent:
        return False
    return _governs(outer_cue, inner_cue) or _governs(inner_cue, outer_cue)


def _governs(head: Token, token: Token) -> bool:
    """Whether ``head`` is reached from ``token`` going up the parse without crossing a
    coordination."""
    current = token
    while current.head.i != current.i and current.dep_ not in {"conj", "cc"}:
        current = current.head
        if current.i == head.i:
            return True
    return False


def _kind(
    doc: Doc, candidates: list[Candidate], index: int, children: list[int]
) -> AttributionKind:
    candidate = candidates[index]
    if candidate.cue is None:
        return AttributionKind.IMPLICIT
    if candidate.rule == "transcript":
        return AttributionKind.DIRECT  # a transcript gives the speaker's own words
    quotes = quote_index(doc)
    quoted = [quotes.is_quoted(start, end) for start, end in candidate.content]
    if all(quoted):
        return AttributionKind.DIRECT
    if any(quoted):
        return AttributionKind.MIXED  # "…, he added; “We are looking into it.”"
    inner = sorted(
        (s - 1, e)
        for child_index in children
        if candidates[child_index].category in _SPEAKING
        for s, e in candidates[child_index].content
    )
    reach = list(itertools.accumulate((e for _, e in inner), max))  # furthest end so far
    starts = [s for s, _ in inner]
    for start, end in candidate.content:
        for offset in quotes.marks_in(start, end):
            # inside a child's words when a child starting at or before it reaches it
            at = bisect.bisect_right(starts, offset) - 1
            if at < 0 or reach[at] < offset:
                return AttributionKind.MIXED
    return AttributionKind.INDIRECT


def _source(doc: Doc, candidate: Candidate, resolution: Resolution | None) -> Source | None:
    if candidate.source is None:
        return None
    span = candidate.source.shown(doc)
    entity = resolution.entity if resolution else None
    anonymous = bool(resolution and resolution.anonymous)
    group = bool(resolution and resolution.group)
    if entity is None:
        how = SourceResolution.UNRESOLVED
    elif anonymous:
        how = SourceResolution.ANONYMOUS
    elif group:
        how = SourceResolution.GROUP
    elif resolution is not None and resolution.named:
        how = SourceResolution.NAMED
    else:
        how = SourceResolution.RESOLVED
    confidence = resolution.confidence if resolution and entity is not None else None
    return Source(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        entity=entity.name if entity else None,
        entity_id=entity.id if entity else None,
        anonymous=anonymous,
        group=group,
        resolution=how,
        confidence=round(confidence, 3) if confidence is not None else None,
    )


def _cue(doc: Doc, candidate: Candidate) -> Cue | None:
    if candidate.cue is None:
        return None
    span = doc[candidate.cue[0] : candidate.cue[1]]
    return Cue(start=span.start_char, end=span.end_char, text=span.text, lemma=candidate.lemma)


def _text_span(doc: Doc, tokens: tuple[int, int] | None) -> TextSpan | None:
    if tokens is None:
        return None
    span = doc[tokens[0] : tokens[1]]
    return TextSpan(start=span.start_char, end=span.end_char, text=span.text)
