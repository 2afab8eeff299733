"""Noun phrases around a cue: the source mention, its appositions and roles.

The small English model often misattaches a reporting clause ("Y, X wrote" parsed with
"X" as a conjunct of the content), so each helper reads the dependency tree when it is
plausible and falls back on the surface order of part-of-speech tags when it is not.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sayso.nlp.lexicon import CUE_ADVERBS, RELATIVE_PRONOUNS, ROLE_NOUNS

NOMINAL_POS = frozenset({"PROPN", "NOUN", "PRON", "NUM"})
NP_INNER_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PRON", "PART"})
NP_LINKERS = frozenset({"of", "for", "to", "at", "from", "in", "with", "on", "close", "near"})
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})
_TRIM_PUNCT = frozenset(",;:—–-()[]\"“”‘’'«»")


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """A source mention: ``start``/``end`` are token indices; ``role`` an apposition."""

    start: int
    end: int
    head: int
    role: tuple[int, int] | None = None
    # The words the text uses where they are not the phrase itself: a relative pronoun
    # ("who") whose antecedent is ``start:end``. PolNeAR and the speaker gold mark "who".
    mention: tuple[int, int] | None = None

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]

    def shown(self, doc: Doc) -> Span:
        """The source as the text gives it: the relative pronoun, else the phrase."""
        if self.mention is not None:
            return doc[self.mention[0] : self.mention[1]]
        return self.span(doc)


def is_nominal(token: Token) -> bool:
    return token.pos_ in NOMINAL_POS or (token.pos_ == "ADJ" and token.ent_type_ in NAME_ENTS)


def is_name(tokens: Span) -> bool:
    """Whether ``tokens`` is a proper name or a pronoun rather than a description."""
    if len(tokens) == 1 and tokens[0].pos_ == "PRON":
        return True
    if is_description(tokens):
        return False
    return any(t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG"} for t in tokens)


def is_description(tokens: Span) -> bool:
    """ "a senior Ukrainian MP", "the head of ...": a role or common noun phrase."""
    if not len(tokens):
        return False
    if tokens[0].lower_ in {"a", "an"}:
        return True
    return any(
        (t.pos_ == "NOUN" or t.lower_ in ROLE_NOUNS or t.lemma_.lower() in ROLE_NOUNS)
        and t.ent_type_ != "PERSON"
        for t in tokens
    )


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Shrink a token range so that it neither starts nor ends with punctuation or space."""
    while start < end and (
        doc[start].is_space or doc[start].text in _TRIM_PUNCT or _date_before_name(doc, start, end)
    ):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _TRIM_PUNCT):
        end -= 1
    return start, end


def _date_before_name(doc: Doc, start: int, end: int) -> bool:
    """ "Friday" of "On Friday Ford announced", which the parser may hang on the subject."""
    if doc[start].ent_type_ not in {"DATE", "TIME"}:
        return False
    following = start + 1
    while following < end and doc[following].ent_type_ in {"DATE", "TIME"}:
        following += 1
    return following < end and doc[following].pos_ == "PROPN"


def skip_left(doc: Doc, i: int, floor: int) -> int:
    """From token ``i`` leftwards, skip adverbs and auxiliaries standing before a cue."""
    while i >= floor and (
        doc[i].is_space
        or doc[i].lower_ in CUE_ADVERBS
        or (doc[i].pos_ in {"AUX", "ADV"} and doc[i].lower_ not in {"not", "n't", "never"})
    ):
        i -= 1
    return i


def np_from_head(head: Token, limit_end: int | None = None) -> NounPhrase:
    """The mention headed by ``head``: its subtree without clauses, split at an apposition.

    Relative pronouns ("who") stand for the noun they attach to. Appositions become the
    role, and when the head is a description ("the head of ...") with a name in
    apposition ("Sergey Naryshkin"), the name becomes the mention.
    """
    doc = head.doc
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        head = head.head.head
    appos = [c for c in head.children if c.dep_ == "appos" and not _bracketed(c)]
    start, end = _core_extent(head, limit_end)
    role = None
    if appos:
        name_tokens = doc[appos[0].left_edge.i : appos[0].right_edge.i + 1]
        if is_name(name_tokens) and not is_name(doc[start:end]):
            role = (start, end)
            start, end = trim(doc, name_tokens.start, name_tokens.end)
            head = appos[0]
        else:
            role = trim(doc, appos[0].left_edge.i, appos[0].right_edge.i + 1)
    return NounPhrase(start=start, end=end, head=head.i, role=role)


def _bracketed(appos: Token) -> bool:
    """ "Harry M. Reid (D-Nev.)", "Mary Fallin (R-OK)": a bracketed apposition is a party
    and state, an age or an acronym, never the name that replaces the phrase it follows."""
    doc = appos.doc
    before = appos.left_edge.i - 1
    return before >= 0 and doc[before].text in {"(", "["}


def _core_extent(head: Token, limit_end: int | None) -> tuple[int, int]:
    doc = head.doc
    excluded = {"appos", "punct", "cc", "conj"} | CLAUSE_DEPS
    tokens = [head.i]
    for child in head.children:
        if child.dep_ in excluded and not (
            child.dep_ == "acl" and child.i > head.i and child.tag_ in {"VBN", "VBG", "JJ"}
        ):
            continue
        if child.dep_ == "conj" or child.dep_ == "cc":
            continue
        tokens.extend(t.i for t in child.subtree)
    start, end = min(tokens), max(tokens) + 1
    # Keep the span contiguous around the head; a stray child far away is a parse error.
    start = _contiguous_left(doc, head.i, start)
    if limit_end is not None:
        end = min(end, limit_end)
    return trim(doc, start, end)


def _contiguous_left(doc: Doc, head_i: int, start: int) -> int:
    i = head_i
    while i - 1 >= start and doc[i - 1].text not in {",", ";", ":"}:
        i -= 1
    return i


def np_run_before(doc: Doc, end: int, floor: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before token ``end`` (by part of speech)."""
    i = end - 1
    start = None
    while i >= floor:
        token = doc[i]
        if (
            (token.pos_ in NP_INNER_POS and token.text not in _TRIM_PUNCT)
            or (
                token.lower_ in NP_LINKERS
                and start is not None
                and i - 1 >= floor
                and doc[i - 1].pos_ in NP_INNER_POS | {"ADJ"}
            )
            or (
                token.lower_ in {"and", "&"}
                and start is not None
                and i - 1 >= floor
                and doc[i - 1].pos_ == "PROPN"
                and doc[start].pos_ == "PROPN"
            )
            or (token.text in {"-", "–"} and start is not None)
        ):
            start = i
        else:
            break
        i -= 1
    if start is None:
        return None
    return trim(doc, start, end)


def np_run_after(doc: Doc, start: int, ceiling: int) -> tuple[int, int] | None:
    """The noun phrase that starts at token ``start`` (by part of speech)."""
    i = start
    end = None
    while i < ceiling:
        token = doc[i]
        if token.pos_ in NP_INNER_POS and token.text not in _TRIM_PUNCT:
            end = i + 1
        elif (
            token.lower_ in NP_LINKERS
            and end is not None
            and i + 1 < ceiling
            and doc[i + 1].pos_ in NP_INNER_POS
        ):
            pass
        else:
            break
        i += 1
    if end is None:
        return None
    return trim(doc, start, end)


def head_of(doc: Doc, start: int, end: int) -> Token:
    """The syntactic head of a token range (the token whose head lies outside it)."""
    span = doc[start:end]
    heads = [t for t in span if not (start <= t.head.i < end) or t.head.i == t.i]
    if heads:
        nominal = [t for t in heads if is_nominal(t)]
        return (nominal or heads)[0]
    return span.root
