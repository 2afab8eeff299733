"""From a parsed document to its attributions: find cues, run frames, tidy the result."""

from __future__ import annotations

from dataclasses import replace

from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from sayso.model import Attribution, AttributionKind, Content, Cue, Source, TextSpan
from sayso.model import Resolution as SourceResolution
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
from sayso.nlp.lexicon import NOUN_CUES, PASSIVE_AS_VERBS, PASSIVE_CUE_VERBS
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
    found = set(positions_with_lower(doc, ("according", "in", ":")))
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
    covered = [c for c in found]
    for quote in quotes.quotes:
        if any(c.covers(quote.inner_start) for c in covered):
            continue
        if not _starts_paragraph(text_of(doc), quote.start) or not _ends_paragraph(
            text_of(doc), quote.end
        ):
            continue
        previous = _previous_direct(text_of(doc), quotes.view, covered, quote.start)
        if previous is None:
            continue
        inner = quotes.inner(quote)
        candidate = Candidate(
            cue=None,
            lemma="",
            category=CueCategory.NONE,
            source=previous.source,
            content=[inner, *quotes.continuations(quote)],
            rule="implicit-quote",
            # A run of quote paragraphs all continue the first speaker's attribution.
            implicit_from=(
                previous.implicit_from
                if previous.implicit_from is not None
                else found.index(previous)
            ),
        )
        extra.append(candidate)
        covered.append(candidate)
    return extra


def _starts_paragraph(text: str, char: int) -> bool:
    line_start = text.rfind("\n", 0, char) + 1
    return not text[line_start:char].strip()


def _ends_paragraph(text: str, char: int) -> bool:
    line_end = text.find("\n", char)
    rest = text[char : line_end if line_end >= 0 else len(text)]
    return not rest.strip(" .,")


def _previous_direct(text: str, view: str, found: list[Candidate], char: int) -> Candidate | None:
    """The quoted attribution in the paragraph just before ``char``, if any."""
    para_start = text.rfind("\n", 0, char)
    prev_para_start = text.rfind("\n\n", 0, max(para_start - 1, 0))
    window = (prev_para_start, para_start)
    best = None
    for candidate in found:
        if candidate.source is None or not (window[0] <= candidate.content_end <= window[1]):
            continue
        if best is None or candidate.content_end > best.content_end:
            best = candidate
    if best is None:
        return None
    quoted = any(view[s - 1 : s] == OPEN for s, _ in best.content)
    return best if quoted else None


def _deduplicate(found: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for candidate in found:
        if any(_same(candidate, other) for other in kept):
            continue
        kept.append(candidate)
    return kept


def _same(a: Candidate, b: Candidate) -> bool:
    if a.rule == "list" and b.rule == "list":
        return a.content == b.content
    return (a.cue is not None and a.cue == b.cue) or a.content == b.content


# --- from candidates to attributions -----------------------------------------------------


def build_attributions(
    doc: Doc, candidates: list[Candidate], resolutions: list[Resolution | None]
) -> list[Attribution]:
    """Order the candidates, give them ids, nest them and decide their kinds."""
    order = sorted(range(len(candidates)), key=lambda i: _start_of(doc, candidates[i]))
    ids = {index: f"a{rank + 1}" for rank, index in enumerate(order)}
    parents = _acyclic({index: _parent(doc, candidates, index) for index in order}, candidates)
    attributions = []
    for index in order:
        candidate = candidates[index]
        resolution = resolutions[index]
        parent = parents[index]
        attributions.append(
            Attribution(
                id=ids[index],
                kind=_kind(doc, candidates, index, parents),
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


def _parent(doc: Doc, candidates: list[Candidate], index: int) -> int | None:
    """The innermost other attribution whose content holds this one's cue and source."""
    candidate = candidates[index]
    anchors = []
    if candidate.cue is not None:
        anchors.append(doc[candidate.cue[0]].idx)
    if candidate.source is not None and candidate.implicit_from is None:
        anchors.append(candidate.source.shown(doc).start_char)
    if not anchors:
        return None
    best, best_size = None, None
    low, high = min(anchors), max(anchors)
    for other_index, other in enumerate(candidates):
        if other_index == index or not other.content_start <= low <= high < other.content_end:
            continue
        if not all(other.covers(a) for a in anchors):
            continue
        if not _inside(doc, other, candidate, anchors[0]):
            continue
        size = sum(end - start for start, end in other.content)
        if best_size is None or size < best_size:
            best, best_size = other_index, size
    return best


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
    doc: Doc, candidates: list[Candidate], index: int, parents: dict[int, int | None]
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
    inner = [
        span
        for child_index, parent in parents.items()
        if parent == index and candidates[child_index].category in _SPEAKING
        for span in candidates[child_index].content
    ]
    for start, end in candidate.content:
        for offset in quotes.marks_in(start, end):
            if not any(s - 1 <= offset <= e for s, e in inner):
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
