"""Where a reported content lies around its cue: after it, before it, or both.

"X said (that) Y", "X wrote: Y", "Y, X wrote", "“Y,” said X", "“A,” he said, “B.”" and
"Berlin sees X as Y". Each function returns the content pieces and the rule that found them,
or ``None``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from sayso.nlp.candidates import CueCategory, cue_range
from sayso.nlp.lexicon import (
    BELIEF_VERBS,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    INFINITIVE_CUE_VERBS,
    NEEDS_THAT_CLAUSE,
    OBJECT_CUE_VERBS,
    OBJECT_PREPOSITIONS,
    PHYSICAL_SENSE_VERBS,
    PHYSICAL_TARGETS,
    PREP_CUE_VERBS,
    SPEECH_VERBS,
)
from sayso.nlp.phrases import NounPhrase, skip_left
from sayso.nlp.quotes import Quote
from sayso.nlp.text import QuoteIndex, finish_content, opens_quote, text_of, view_of

OBJECT_TAKING = frozenset(
    {
        "tell",
        "inform",
        "warn",
        "assure",
        "remind",
        "advise",
        "convince",
        "ask",
        "urge",
        "promise",
        "caution",
        "brief",
    }
)
SUBORDINATORS = frozenset(
    {
        "after",
        "before",
        "when",
        "while",
        "if",
        "because",
        "although",
        "though",
        "since",
        "as",
        "once",
        "until",
        "unless",
        "whether",
    }
)
FOLLOW_CUES = frozenset(
    {
        "adding",
        "saying",
        "noting",
        "arguing",
        "insisting",
        "explaining",
        "warning",
        "claiming",
        "stressing",
        "according",
    }
)
SEPARATORS = frozenset({",", "—", "–", "--"})
SEE_AS_VERBS = frozenset({"see", "view", "regard", "describe", "consider", "portray", "brand"})


# --- content after the cue: "X said (that) Y", "X wrote: Y" -----------------------------


def content_after(
    doc: Doc, cue: Token, source: NounPhrase | None, quotes: QuoteIndex, category: CueCategory
) -> tuple[list[tuple[int, int]], str] | None:
    sent = cue.sent
    start = _content_start_after(doc, cue, category)
    if start is None:
        return _relative_content(doc, cue, sent, quotes)
    token = doc[start]
    if token.text == ":":
        start += 1
        while start < sent.end and doc[start].is_space:
            start += 1
        if start >= sent.end:
            return _paragraphs_after_colon(doc, token, quotes)
        token = doc[start]
    quote = quotes.starting_at(token.idx)
    if quote is not None and not _clause_goes_on(text_of(doc), quote, sent):
        return [quotes.inner(quote), *quotes.continuations(quote)], "after-quote"
    end = content_end(doc, start, sent, quotes)
    end = min(end, _clause_stop(doc, cue, start, sent, quotes))
    pieces = finish_content(view_of(doc), token.idx, end)
    if pieces is None:
        return None
    return [pieces], "after"


_RELATIVES = frozenset({"which", "that", "who", "whom", "what", "whose"})


def _relative_content(
    doc: Doc, cue: Token, sent: Span, quotes: QuoteIndex
) -> tuple[list[tuple[int, int]], str] | None:
    """ "a wall, which he said Mexico should pay for", "an event that Carson says led him
    to Christ": the relative pronoun stands in the reported clause before the reporting
    one; the content is the pronoun and the rest of that clause."""
    if cue.lemma_.lower() not in SPEECH_VERBS | BELIEF_VERBS:
        return None
    clause = next((c for c in cue.children if c.dep_ in {"ccomp", "xcomp"} and c.i > cue.i), None)
    if clause is None or clause.left_edge.i >= cue.i:
        return None
    pronoun = clause.left_edge
    if pronoun.lower_ not in _RELATIVES or pronoun.tag_ not in {"WDT", "WP", "WP$"}:
        return None
    after = cue_range(cue)[1]
    while after < sent.end and doc[after].lower_ == "that" and doc[after].dep_ == "mark":
        after += 1
    if after >= sent.end or after > clause.i:
        return None
    end = min(_char_end(clause.right_edge), content_end(doc, after, sent, quotes))
    rest = finish_content(view_of(doc), doc[after].idx, end)
    if rest is None:
        return None
    return [(pronoun.idx, pronoun.idx + len(pronoun.text)), rest], "relative"


def _char_end(token: Token) -> int:
    return token.idx + len(token.text)


_BULLETS = frozenset("-–—•*·▪►")
_NUMBERED = re.compile(r"\(?\d{1,2}[.)]\s")


def _paragraphs_after_colon(
    doc: Doc, colon: Token, quotes: QuoteIndex
) -> tuple[list[tuple[int, int]], str] | None:
    """ "President Obama also said:" closing its paragraph: the content is what follows —
    a quotation, one paragraph, or a list, each of whose items is a claim of its own
    (rule "list": one attribution per item)."""
    text, view = text_of(doc), view_of(doc)
    lines = _following_lines(text, colon.idx + 1)
    if not lines:
        return None
    first_start, first_end = lines[0]
    quote = quotes.starting_at(first_start)
    if quote is not None:
        return [quotes.inner(quote), *quotes.continuations(quote)], "after-quote"
    items = []
    for line_start, line_end in lines:
        marker = _list_marker(text, line_start, line_end)
        if marker is None:
            break
        piece = finish_content(view, line_start + marker, line_end)
        if piece is not None:
            items.append(piece)
    if items:
        return items, "list"
    piece = finish_content(view, first_start, first_end)
    return ([piece], "after-paragraph") if piece is not None else None


def _following_lines(text: str, start: int, limit: int = 12) -> list[tuple[int, int]]:
    """The non-empty lines after ``start`` (which ends a line), as (start, end) offsets."""
    newline = text.find("\n", start)
    if newline < 0 or text[start:newline].strip():
        return []
    lines: list[tuple[int, int]] = []
    position = newline + 1
    while position < len(text) and len(lines) < limit:
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[position:end]
        if line.strip():
            lead = len(line) - len(line.lstrip())
            lines.append((position + lead, position + len(line.rstrip())))
        elif lines and not _list_marker(text, *lines[-1]):
            break
        position = end + 1
    return lines


def _list_marker(text: str, start: int, end: int) -> int | None:
    """Length of the bullet or number opening a list item, or ``None``."""
    if text[start] in _BULLETS and start + 1 < end and text[start + 1].isspace():
        return 2
    match = _NUMBERED.match(text, start, end)
    return match.end() - start if match else None


def _clause_stop(doc: Doc, cue: Token, start: int, sent: Span, quotes: QuoteIndex) -> int:
    """ "Sanders said he would take a look, referring to the bill": the reported clause
    ends where its subtree does, when what follows a comma or dash hangs on the cue (or
    on nothing inside the clause) rather than on the clause itself."""
    clauses = [c for c in cue.children if c.dep_ in {"ccomp", "xcomp"} and c.i >= start]
    if not clauses:
        return sent.end_char
    last = max(c.right_edge.i for c in clauses)
    i = last + 1
    while i < sent.end and (doc[i].is_quote or doc[i].is_space):
        i += 1
    if i >= sent.end - 1 or doc[i].text not in SEPARATORS:
        return sent.end_char
    following = doc[i + 1]
    if following.is_quote or quotes.containing(following.idx) is not None:
        return sent.end_char
    inside = range(clauses[0].left_edge.i, last + 1)
    if any(t.head.i in inside for t in doc[i + 1 : sent.end]):
        return sent.end_char
    return doc[i].idx


def _clause_goes_on(text: str, quote: Quote, sent: Span) -> bool:
    """'He said "zero" voters would follow': the quotation is only part of the clause."""
    if not quote.closed or quote.end >= sent.end_char:
        return False
    rest = text[quote.end : sent.end_char]
    return any(ch.isalnum() for ch in rest) and not rest.lstrip().startswith((",", ";", "—"))


def _content_start_after(doc: Doc, cue: Token, category: CueCategory) -> int | None:
    lemma = cue.lemma_.lower()
    after_cue = cue_range(cue)[1]
    clauses = [c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i]
    if lemma in INFINITIVE_CUE_VERBS:
        clauses += [
            c
            for c in cue.children
            if c.dep_ == "xcomp" and c.i > cue.i and any(a.lower_ == "to" for a in c.children)
        ]
    if lemma in SPEECH_VERBS:
        # "He said legalizing it could put ...": the parser often reads the clause as xcomp.
        clauses += [c for c in cue.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]
    explicit = _explicit_opening(doc, after_cue, cue.sent)
    if lemma == "say" and after_cue < len(doc) and doc[after_cue].lower_ in {"yes", "no", "so"}:
        return after_cue  # "75 percent said yes", "half said so"
    if lemma in NEEDS_THAT_CLAUSE:
        return explicit
    if explicit is not None:
        return explicit
    if clauses:
        start = min(c.left_edge.i for c in clauses)
        return start if start >= after_cue else None
    return None


def _explicit_opening(doc: Doc, start: int, sent: Span) -> int | None:
    """A "that"/"whether" complementiser or a colon after the cue's adjuncts ("told
    reporters on Monday that"), or a quotation right after the cue ("said, “...”") or
    after its object and a comma ("telling the crowd, “I'm a negotiator”")."""
    i = start
    while i < sent.end and (doc[i].is_space or doc[i].text == ","):
        i += 1
    if i < sent.end and opens_quote(doc[i]):
        return i
    budget = 14
    while i < sent.end and budget > 0:
        token = doc[i]
        lower = token.lower_
        if lower in {"that", "whether"} or (lower == "if" and token.dep_ == "mark"):
            return i
        if token.text == ":":
            return i
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "acl"}:
            return None
        if token.text in {";", "."}:
            return None
        if opens_quote(token):
            return i if doc[i - 1].text in {",", ":"} else None
        budget -= 1
        i += 1
    return None


def content_end(doc: Doc, start: int, sent: Span, quotes: QuoteIndex) -> int:
    """Where content that starts at token ``start`` ends: at the sentence end, or before
    a trailing ", according to ..." / ", adding ..." that opens a new attribution, or at
    the end of a quotation that runs on past the sentence."""
    end_char = sent.end_char
    for i in range(start + 1, sent.end - 1):
        token = doc[i]
        if token.text in {",", ";"} and (
            _follow_cue(doc[i + 1])
            or _new_report(doc, i, sent)
            or _governing_report(doc, i, start, sent)
        ):
            end_char = token.idx
            break
        if token.lower_ in {"and", "but"} and (
            recoordinated_report(doc[i + 1]) is not None
            or _coordinated_with_cue(doc, i, start)
            or (_new_report(doc, i, sent) and (has_verb(doc, start, i) or doc[i - 1].is_quote))
        ):
            end_char = (
                doc[i - 1].idx + len(doc[i - 1].text) if doc[i - 1].text != "," else doc[i - 1].idx
            )
            break
    enclosing = quotes.containing(doc[start].idx)
    if enclosing is not None and enclosing.start < doc[start].idx:
        # A cue inside a quotation: its content ends where the quotation does.
        return min(end_char, enclosing.inner_end)
    return quotes.reaching_past(doc[start].idx, end_char)


_REPORT_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _follow_cue(token: Token) -> bool:
    """ ", adding ...", ", telling reporters that ...": a participle of a speech verb after
    a comma opens a report of its own, which PolNeAR annotates apart."""
    if token.lower_ in FOLLOW_CUES:
        return True
    return token.tag_ == "VBG" and token.lemma_.lower() in SPEECH_VERBS


def _coordinated_with_cue(doc: Doc, conjunction: int, start: int) -> bool:
    """ "He called on the US to attack the oil and proposed a safe zone", "said that he
    would pray but did not suggest it would be Trump": a finite verb coordinated with
    something before the content (the cue) ends the content; it is the speaker's next act,
    not part of what was reported."""
    i = conjunction + 1
    while i < len(doc) and i - conjunction <= 4 and doc[i].pos_ in {"ADV", "AUX", "PART"}:
        i += 1
    if i >= len(doc):
        return False
    verb = doc[i]
    if verb.pos_ != "VERB" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False
    finite = verb.tag_ in _REPORT_TAGS or (
        verb.tag_ == "VB" and any(t.lower_ in _DO for t in doc[conjunction + 1 : i])
    )
    if not finite:
        return False
    if verb.dep_ == "conj" and verb.head.i < start:
        return True
    # The parser often hangs the second verb inside the content; a subjectless verb of
    # saying after "and"/"but" is still the speaker's own ("but did not suggest").
    return verb.lemma_.lower() in SPEECH_VERBS


_DO = frozenset({"did", "does", "do"})


def recoordinated_report(verb: Token) -> Token | None:
    """ "Scholz said the pact was historic and urged members to back it": the parser hangs
    "urged" on "was", but a subjectless speech verb in the same tense as the report that
    governs the clause goes with that report. Returns the governing report, if so."""
    if (
        verb.dep_ != "conj"
        or verb.tag_ not in _REPORT_TAGS
        or verb.lemma_.lower() not in SPEECH_VERBS
        or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    ):
        return None
    clause = verb.head
    report = clause.head
    if clause.dep_ != "ccomp" or report.lemma_.lower() not in SPEECH_VERBS:
        return None
    return report if report.tag_ == verb.tag_ else None


_NP_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PART"})


def _new_report(doc: Doc, comma: int, sent: Span) -> bool:
    """ "..., John said none were added": a new source and speech verb after a comma start
    an attribution of their own, which the parser often hangs inside the previous one."""
    first = comma + 1
    while first < sent.end and doc[first].is_quote:
        first += 1  # 'she would “support the nominee,” while ...'
    if first < sent.end and doc[first].lower_ in {"while", "but", "and", "whereas"}:
        first += 1  # "..., while Collins and Gohmert suggested they would ..."
    i = first
    while (
        i < sent.end
        and i - first <= 10
        and (doc[i].pos_ in _NP_POS or (doc[i].lower_ == "and" and doc[i - 1].pos_ == "PROPN"))
    ):
        i += 1
    if i == first or i >= sent.end:
        return False
    verb = doc[i]
    if doc[i].lower_ in {"also", "then", "later"} and i + 1 < sent.end:
        verb = doc[i + 1]
    followed = verb.i + 1 < sent.end and doc[verb.i + 1].text not in {",", ".", ";"}
    return verb.tag_ in _REPORT_TAGS and verb.lemma_.lower() in SPEECH_VERBS and followed


def _governing_report(doc: Doc, comma: int, start: int, sent: Span) -> bool:
    """ "France wants to send troops, the MP wrote.": the content of an inner cue stops
    before the trailing reporting clause that governs it."""
    for verb in doc[comma + 1 : min(sent.end, comma + 8)]:
        if verb.lemma_.lower() in SPEECH_VERBS and verb.tag_ in _REPORT_TAGS:
            return verb in doc[start].ancestors
    return False


# --- content before the cue: "Y, X wrote", "“Y,” said X" ------------------------------


def reporting_clause_start(doc: Doc, cue: Token, source: NounPhrase | None) -> int:
    """Where the reporting clause starts: at its source when the source comes first, with
    the noun a named source stands in apposition to ("the Foreign Secretary, David Lammy,
    said"), else at the cue."""
    if source is None or source.start >= cue.i:
        return cue.i
    head = doc[source.head]
    noun = head.head
    if (
        head.dep_ == "appos"
        and noun.i < source.start
        and doc[source.start - 1].text == ","
        and noun.dep_ in {"nsubj", "nsubjpass"}
        and noun.head.i == cue.i
    ):
        return min(source.start, noun.left_edge.i)
    return source.start


def content_before(
    doc: Doc, cue: Token, source: NounPhrase | None, quotes: QuoteIndex, category: CueCategory
) -> tuple[list[tuple[int, int]], str] | None:
    sent = cue.sent
    if cue.tag_ in {"VBG", "VBN", "TO"}:
        return None
    if category is CueCategory.ATTITUDE and not _quote_before(doc, cue, source, quotes):
        return None  # “...,” he mocks: only a quotation comes before a stance verb
    if cue.lemma_.lower() in INFINITIVE_CUE_VERBS - SPEECH_VERBS:
        return None
    if _takes_object(cue):
        return None
    clause_start = reporting_clause_start(doc, cue, source)
    sep = skip_left(doc, clause_start - 1, sent.start)
    while sep >= sent.start and doc[sep].is_space:
        sep -= 1
    if sep < sent.start and not quotes.ending_before(doc[clause_start].idx):
        return None
    quote = quotes.ending_before(doc[clause_start].idx)
    if quote is not None:
        pieces = [*quotes.continued_from(quote), _lead_in(doc, sent, quote, quotes)]
        pieces += _split_quote_tail(doc, cue, sent, quotes)
        return pieces, "before-quote"
    if sep < sent.start or doc[sep].text not in SEPARATORS:
        return None
    first = sent.start
    while first < sep and (doc[first].is_space or doc[first].text in SEPARATORS):
        first += 1
    if doc[first].lower_ in SUBORDINATORS and not _main_clause_after(doc, first, sep):
        return None
    piece = finish_content(view_of(doc), doc[first].idx, doc[sep].idx)
    tail = _parenthetical_tail(doc, cue, sent, quotes, first, sep)
    if piece is not None and tail is not None:
        return [piece, tail], "parenthetical"
    if piece is None or not has_verb(doc, first, sep):
        return None
    return [piece, *_quote_after_clause(doc, cue, quotes)], "before"


def _lead_in(doc: Doc, sent: Span, quote: Quote, quotes: QuoteIndex) -> tuple[int, int]:
    """'in doing so he “made a strategic mistake,” Lichtman said': a quotation that ends
    a sentence begun in the writer's words is reported with those words, which PolNeAR
    counts as content too. A lead-in that reports, or holds a quotation, stays out."""
    inner = quotes.inner(quote)
    first = sent.start
    while first < sent.end and (doc[first].is_space or doc[first].is_punct):
        first += 1
    if first >= sent.end or doc[first].idx >= quote.start or quotes.continued_from(quote):
        return inner
    lead = doc.char_span(doc[first].idx, quote.start, alignment_mode="contract")
    if lead is None or not len(lead) or _quote_between(quotes, lead.start_char, quote.start):
        return inner
    if lead[-1].text in {":", ";", "—", "–", "--", "-"} or any(
        t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" for t in lead
    ):
        return inner
    if not has_verb(doc, lead.start, lead.end) and not any(t.is_alpha for t in lead):
        return inner
    return finish_content(view_of(doc), lead.start_char, inner[1]) or inner


def _quote_between(quotes: QuoteIndex, start: int, end: int) -> bool:
    """Whether a quotation other than the one at ``end`` reaches into ``start:end``, by
    two look-ups (a scan of every quotation per candidate made the work quadratic)."""
    following = quotes.next_after(start)
    return quotes.containing(start) is not None or (following is not None and following.start < end)


def _quote_after_clause(doc: Doc, cue: Token, quotes: QuoteIndex) -> list[tuple[int, int]]:
    """ "The company had no comment, he added; “We are looking into it.”": a quotation
    that follows the reporting clause across a semicolon, colon or dash goes on with the
    content before it."""
    end = cue_range(cue)[1]
    after = quotes.next_after(doc[end - 1].idx)
    if after is None:
        return []
    between = text_of(doc)[doc[end - 1].idx + len(doc[end - 1].text) : after.start]
    if "\n" in between or between.strip() not in {";", ":", "—", "–", "--"}:
        return []
    return [quotes.inner(after), *quotes.continuations(after)]


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _main_clause_after(doc: Doc, first: int, sep: int) -> bool:
    """ "While he is third in the polls, a strong showing could help him, veterans said":
    a fronted subordinate clause or phrase, then a main clause of its own before the
    reporting clause, which is the content. "When asked about it, he said nothing" has
    none."""
    opener = doc[first]
    fronted = opener if opener.dep_ == "prep" else opener.head
    inside = {t.i for t in fronted.subtree} if fronted.i != first else {first}
    if opener.dep_ == "prep" or fronted.i >= sep:
        inside = {t.i for t in opener.subtree} | {first}
    comma = next((i for i in range(max(inside), sep) if doc[i].text == ","), None)
    if comma is not None and any(
        t.tag_ in _FINITE or (t.pos_ == "AUX" and t.tag_ != "TO")
        for t in doc[comma + 1 : sep]
        if t.i not in inside
    ):
        return True
    return _surface_main_clause(doc, first, sep)


def _surface_main_clause(doc: Doc, first: int, sep: int) -> bool:
    """The same by the order of words, where the parser hung the main clause inside the
    fronted one: after one of its commas, a noun phrase and then a finite verb ("As Trump
    prepared to speak, a girl outside the venue was pepper-sprayed, police said")."""
    for comma in range(first + 1, sep):
        if doc[comma].text != ",":
            continue
        i = comma + 1
        while (
            i < sep
            and i - comma <= 12
            and (doc[i].pos_ in _NP_POS or doc[i].pos_ == "ADP" or doc[i].tag_ == "HYPH")
        ):
            i += 1
        nominal = any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in doc[comma + 1 : i])
        if nominal and i < sep and (doc[i].tag_ in _FINITE or doc[i].pos_ == "AUX"):
            return True
    return False


def _parenthetical_tail(
    doc: Doc, cue: Token, sent: Span, quotes: QuoteIndex, first: int, sep: int
) -> tuple[int, int] | None:
    """ "This campaign, he says, is different": the reporting clause sits inside its
    content, which resumes after the comma that closes the clause."""
    comma = next(
        (i for i in range(cue.i + 1, min(cue.i + 9, sent.end)) if doc[i].text in SEPARATORS),
        None,
    )
    if comma is None or has_verb(doc, cue.i + 1, comma) or comma + 1 >= sent.end:
        return None
    start = comma + 1
    if doc[start].lower_ in FOLLOW_CUES or not has_verb(doc, start, sent.end):
        return None
    before_finite = any(t.tag_ in _FINITE for t in doc[first:sep])
    if before_finite and _has_subject(doc, start, sent.end):
        return None
    return finish_content(view_of(doc), doc[start].idx, content_end(doc, start, sent, quotes))


def _has_subject(doc: Doc, start: int, end: int) -> bool:
    """Whether the clause in ``start:end`` opens with its own subject before its verb."""
    for token in doc[start:end]:
        if token.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"}:
            return True
        if token.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _quote_before(doc: Doc, cue: Token, source: NounPhrase | None, quotes: QuoteIndex) -> bool:
    clause_start = reporting_clause_start(doc, cue, source)
    return quotes.ending_before(doc[clause_start].idx) is not None


def _takes_object(cue: Token) -> bool:
    """A cue with a direct object describes an act ("Smith wrote a letter"), except where
    the object is the addressee ("told reporters")."""
    if cue.lemma_.lower() in OBJECT_TAKING:
        return False
    return any(c.dep_ == "dobj" and c.i > cue.i and c.pos_ != "PRON" for c in cue.children)


def has_verb(doc: Doc, start: int, end: int) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} for t in doc[start:end])


def _split_quote_tail(
    doc: Doc, cue: Token, sent: Span, quotes: QuoteIndex
) -> list[tuple[int, int]]:
    """The second half of a quote split by its reporting clause: “A,” he said, “B.”"""
    after = quotes.next_after(cue.idx)
    if after is None:
        return []
    between = text_of(doc)[cue.idx + len(cue.text) : after.start]
    if "\n" in between:
        return []
    gap = doc.char_span(cue.idx, after.start, alignment_mode="expand")
    if gap is not None and any(
        (t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS) or t.lower_ in FOLLOW_CUES
        for t in gap
        if t.i != cue.i
    ):
        # “A,” she said, adding, “B.”: the second quotation is the added words' own.
        return []
    if _next_sentence_quote(sent, after) and not quotes.any_in(cue.idx, after.start):
        return [quotes.inner(after), *quotes.continuations(after)]
    if len(between) > 80:
        return []
    if not between.strip(" ,.;—–\t") or _only_adjuncts(gap):
        return [quotes.inner(after), *quotes.continuations(after)]
    return []


def _next_sentence_quote(sent: Span, quote: Quote) -> bool:
    """“A,” said X, a broker who represents sellers. “B.”: a quotation that makes up the
    whole next sentence, with no reporting clause of its own, carries on the same words."""
    doc = sent.doc
    if (
        text_of(doc)[sent.end_char : quote.start].strip()
        or "\n" in text_of(doc)[sent.end_char : quote.start]
    ):
        return False
    if not quote.closed or text_of(doc)[quote.inner_end - 1 : quote.inner_end] not in {
        ".",
        "?",
        "!",
    }:
        return False
    rest = doc.char_span(quote.end, len(text_of(doc)), alignment_mode="expand")
    if rest is None or not len(rest):
        return True
    following = rest[0].sent
    return not any(
        t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB"
        for t in following
        if t.idx >= quote.end
    )


def _only_adjuncts(gap: Span | None) -> bool:
    if gap is None:
        return False
    return not any(t.pos_ in {"VERB", "AUX"} for t in gap[1:]) and len(gap) <= 12


# --- "As Menendez pointed out, X", "X, as Smith noted" ----------------------------------


def content_as_clause(
    doc: Doc, cue: Token, source: NounPhrase | None, quotes: QuoteIndex, category: CueCategory
) -> tuple[list[tuple[int, int]], str] | None:
    """A reporting clause opened by "as" comments on the main clause it hangs from: the
    main clause, without the "as" clause, is the content."""
    if cue.dep_ != "advcl" or category not in {CueCategory.SPEECH, CueCategory.BELIEF}:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < cue.i for c in cue.children):
        return None
    if any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in cue.children):
        return None  # "as he said goodbye", "as she told them to leave"
    main = cue.head
    if main.pos_ not in {"VERB", "AUX"}:
        return None
    sent = cue.sent
    skip = {t.i for t in cue.subtree}
    kept = [
        t.i
        for t in main.subtree
        if t.i not in skip and sent.start <= t.i < sent.end and t.dep_ != "cc"
    ]
    pieces = []
    for first, last in _runs(kept):
        piece = finish_content(view_of(doc), doc[first].idx, _char_end(doc[last]))
        if piece is not None and any(ch.isalnum() for ch in text_of(doc)[piece[0] : piece[1]]):
            pieces.append(piece)
    if not pieces or not has_verb(doc, kept[0], kept[-1] + 1):
        return None
    return (pieces, "as-clause") if pieces else None


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted token positions, as (first, last) pairs."""
    runs: list[tuple[int, int]] = []
    for i in positions:
        if runs and i == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


# --- "Berlin sees X as Y" ---------------------------------------------------------------


def see_as(
    doc: Doc, cue: Token, source: NounPhrase | None, quotes: QuoteIndex, category: CueCategory
) -> tuple[list[tuple[int, int]], str] | None:
    if cue.lemma_.lower() not in SEE_AS_VERBS or source is None:
        return None
    obj = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i]
    heads = [cue, *obj[:1]]
    as_pp = [
        c
        for h in heads
        for c in h.children
        if c.lower_ == "as" and c.dep_ == "prep" and c.i > cue.i
    ]
    if not obj or not as_pp:
        return None
    start = obj[0].left_edge.i
    end = as_pp[0].right_edge.i + 1
    for conj in (c for c in cue.children if c.dep_ == "conj" and c.i > end):
        end = conj.right_edge.i + 1
    piece = finish_content(view_of(doc), doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    return ([piece], "see-as") if piece else None


# --- "endorsed Clinton", "criticized Rubio for ...", "referred to X" ------------------------

OBJECT_DEPS = frozenset({"dobj", "dative", "oprd", "ccomp", "xcomp", "attr", "acomp"})
_TIME_ENTS = frozenset({"DATE", "TIME"})


def content_object(
    doc: Doc, cue: Token, source: NounPhrase | None, quotes: QuoteIndex, category: CueCategory
) -> tuple[list[tuple[int, int]], str] | None:
    """The object of a stance or evaluation verb and the complements that go with it."""
    lemma = cue.lemma_.lower()
    if cue.tag_ == "VBN" and cue.dep_ in {"acl", "amod"}:
        return None  # "a party called Anti-Prom" names a thing; nobody says anything
    takes_object = lemma in OBJECT_CUE_VERBS or _evidence_finding(doc, lemma, source)
    preps = PREP_CUE_VERBS.get(lemma, frozenset())
    if any(c.dep_ == "prt" and c.lower_ not in preps for c in cue.children):
        return None  # "called off the projects", "backed down"
    if takes_object:
        preps = preps | OBJECT_PREPOSITIONS
    after = cue_range(cue)[1]
    parts = [c for c in cue.children if c.i >= after and _is_complement(c, takes_object, preps)]
    if cue_range(cue)[1] > cue.i + 1 and doc[cue.i + 1].lower_ in preps:
        # "called for", "pointed to": the parser read the preposition as a particle.
        parts += [c for c in doc[cue.i + 1].children if c.dep_ in {"pobj", "pcomp"}]
    if not parts or all(c.dep_ in {"ccomp", "xcomp", "acomp"} for c in parts):
        return None
    if lemma in PHYSICAL_SENSE_VERBS and any(_physical_target(c) for c in parts):
        return None
    start = min(c.left_edge.i for c in parts)
    last = doc[max(c.right_edge.i for c in parts)]
    end = min(last.idx + len(last.text), cue.sent.end_char)
    piece = finish_content(view_of(doc), doc[start].idx, end)
    return ([piece], "object") if piece else None


def _evidence_finding(doc: Doc, lemma: str, source: NounPhrase | None) -> bool:
    return (
        lemma in EVIDENCE_VERBS and source is not None and doc[source.head].lower_ in EVIDENCE_NOUNS
    )


def _physical_target(child: Token) -> bool:
    return child.dep_ == "dobj" and (
        child.ent_type_ in {"GPE", "LOC", "FAC"} or child.lemma_.lower() in PHYSICAL_TARGETS
    )


def _is_complement(child: Token, takes_object: bool, preps: frozenset[str]) -> bool:
    if child.dep_ == "prep":
        if child.lower_ not in preps:
            return False
        return not any(t.ent_type_ in _TIME_ENTS for t in child.subtree)
    return takes_object and child.dep_ in OBJECT_DEPS


# --- "the race has seemed to take on ..." ------------------------------------------------


def content_raising(doc: Doc, cue: Token) -> list[tuple[int, int]] | None:
    """Subject and complement of "seem"/"appear": an impression without a source."""
    subject = next((c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    complement = [c for c in cue.children if c.dep_ in {"xcomp", "acomp", "oprd", "attr"}]
    if subject is None or not complement or subject.lower_ in {"it", "there"}:
        return None
    if subject.i > cue.i or complement[0].i < cue.i:
        return None
    pieces = [
        finish_content(view_of(doc), subject.left_edge.idx, _end(subject.right_edge)),
        finish_content(view_of(doc), complement[0].left_edge.idx, _end(complement[-1].right_edge)),
    ]
    found = [p for p in pieces if p is not None]
    return found if len(found) == 2 else None


def _end(token: Token) -> int:
    return token.idx + len(token.text)
