"""Polarity and denial: what a content asserts, and whether it asserts or denies it.

A claim's polarity is read from the dependency parse, from negations and denials that
*scope over its main predicate*, never from a word anywhere in it:

- the main predicate is found (the content's root), then followed down through the verbs
  and adjectives that govern it ("is about to resign", "is preparing to send": ``resign``,
  ``send``); a negation attached to any node of that path ("is not resigning", "does not
  plan to send") or an implicative negative verb with an infinitive ("failed to finish",
  "refused to resign") makes the proposition negative; so does a subject or object
  determined by "no" ("no threats were made") or a negative pronoun ("nobody", "nothing");
  two negations cancel ("denied that it had no plans" asserts the plans);
- words elsewhere do not count: "failed a drug test" (no infinitive) is a positive
  assertion about a failure; a "never" inside a quoted title or a "No" inside a proper
  name ("No Frills said") negates nothing; a negation inside a relative clause or an
  adverbial clause does not reach the main predicate;
- **denial frames** (the lexicon below) take a complement that is the denied claim:
  "denied that X", "denied reports that X", "dismissed claims that X", "refuted media
  reports that X", "it is not true that X", "reports that X are false / premature / fake",
  "there is no evidence that X", "has no plans to X". The proposition is then X, with
  negative polarity, and ``frame`` names the entry. A denial of a negation asserts.

The proposition also carries the keys that claims are joined by across articles
(``sayso.graph.cluster``): the predicate's lemma, its subject's cross-article key (a
first-person subject is the speaker: "I am not resigning", said by Hudak, is about Hudak),
and its direct object's lemma.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from sayso.model import Entity, Proposition, TextSpan

# -- the denial lexicon ----------------------------------------------------------------------
# Cue verbs whose complement is denied whatever it is: "denied that X", "denied the report",
# "debunked the rumour", "ruled out sending troops".
DENIAL_VERBS = frozenset("deny refute debunk rebut disprove repudiate disavow".split()) | {
    "rule out",
    "shoot down",
}
# Cue verbs that deny only a clause or a claim noun: "rejected reports that X" denies X,
# "rejected the proposal" does not deny a proposition.
DENIAL_VERBS_OF_CLAIMS = frozenset(
    "reject dismiss dispute contradict discount downplay question challenge".split()
) | {"play down", "brush off", "brush aside", "push back", "pour cold water on"}
# Nouns that carry a claim as their complement ("reports that X", "claims of X").
CLAIM_NOUNS = frozenset(
    """
    report claim rumour rumor allegation suggestion speculation story assertion accusation
    charge idea notion talk news account contention insinuation
    """.split()
)
# Predicates that call a claim untrue: "the reports are false", "X is fake news".
UNTRUE_PREDICATES = frozenset(
    """
    false untrue fake baseless unfounded groundless premature wrong incorrect inaccurate
    nonsense fabricated bogus hoax fiction lie lies rubbish misleading erroneous mistaken
    invented speculative absurd ridiculous
    """.split()
)
# "true" under a negation: "it is not true that X", "the report is not accurate".
TRUE_PREDICATES = frozenset("true accurate correct right".split())
# "no evidence that X", "no truth to reports that X", "no plans to X": the noun's
# complement is what is denied.
NEGATABLE_NOUNS = frozenset(
    """
    evidence truth basis sign indication proof plan plans intention intent desire reason
    question chance way suggestion
    """.split()
)
# Implicative verbs whose infinitive did not / will not happen.
IMPLICATIVE_NEGATIVES = frozenset("fail refuse decline neglect".split())
NEGATIVE_PRONOUNS = frozenset("nobody nothing none noone".split())
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "them", "it"})
# Control and raising words the main predicate is followed down through.
_DOWN = {"xcomp", "acomp", "oprd", "ccomp"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
_QUOTES = frozenset("\"“”‘’«»'")
# "who asked not to be named": a request for anonymity, not a claim.
ANONYMITY_VERBS = frozenset("name identify quote cite".split())
MAX_DEPTH = 6


def read_proposition(
    span: Span,
    *,
    cue_lemma: str | None = None,
    cue: TextSpan | None = None,
    speaker_key: str | None = None,
    entities: Sequence[Entity] = (),
    by_name: bool = False,
) -> Proposition | None:
    """The proposition of ``span`` (a content or a sentence) and its polarity.

    ``cue_lemma`` is the reporting cue's lemma ("deny": the proposition is denied) and
    ``cue`` its words, shown as what negated it;
    ``speaker_key`` the cross-article key of the speaker, for a first-person subject.
    ``entities`` key the subject by their mentions' offsets, or with ``by_name`` (a
    headline, parsed apart from the article) by name. ``None`` for a span with no predicate.
    """
    root = _main(span)
    if root is None:
        return None
    sign = 1
    words: list[Token] = []
    frame: str | None = None
    lemma = (cue_lemma or "").lower()
    denied_by: TextSpan | None = None
    if lemma in DENIAL_VERBS or lemma in DENIAL_VERBS_OF_CLAIMS:
        inner = _claim_inside(root, span)
        if inner is not None or lemma in DENIAL_VERBS or root.pos_ in {"VERB", "AUX"}:
            sign, frame, denied_by = -1, lemma, cue
            root = inner or root
    else:
        framed = _denial_frame(root, span)
        if framed is not None:
            root, frame, words = framed
            sign = -1
        else:
            inner = _claim_inside(root, span)
            root = inner or root
    if _asks_anonymity(root):
        return Proposition(text=_text(span, span), frame="anonymity")
    predicate, negations, object_lemma = _walk(root, span)
    if negations:
        sign = -sign
        words = words + negations
        if frame is None:
            frame = "negation"
        elif sign > 0:
            frame = f"{frame}+negation"  # a denied negation asserts
    subject = _subject(root, span)
    clause = _clause_span(root, span)
    return Proposition(
        text=_text(span, clause),
        polarity="negative" if sign < 0 else "positive",
        negated_by=(_words(span.doc, words) or denied_by) if sign < 0 or words else None,
        frame=frame,
        predicate=predicate.lemma_.lower() if predicate is not None else None,
        subject=_words(span.doc, [subject]) if subject is not None else None,
        subject_key=(
            _subject_key(subject, speaker_key, entities, by_name) if subject is not None else None
        ),
        object=object_lemma,
    )


def _main(span: Span) -> Token | None:
    """The first token of ``span`` whose head lies outside it (its root)."""
    for token in span:
        if token.is_punct or token.is_space:
            continue
        if token.head.i == token.i or not (span.start <= token.head.i < span.end):
            return token
    return None


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


def _clausal_child(token: Token, span: Span) -> Token | None:
    """A "that"-clause, infinitive or "of"-phrase complement of ``token`` within ``span``."""
    for child in token.children:
        if not _inside(child, span):
            continue
        if child.dep_ in {"acl", "ccomp", "advcl", "relcl", "appos"} and child.pos_ in {
            "VERB",
            "AUX",
        }:
            if child.dep_ == "relcl" and not any(c.lower_ == "that" and c.dep_ in {"mark"}
                                                  for c in child.children):  # fmt: skip
                continue
            return child
        if child.dep_ == "prep" and child.lower_ in {"of", "about", "that", "to"}:
            for grandchild in child.children:
                if grandchild.dep_ in {"pcomp", "pobj"} and _inside(grandchild, span):
                    return grandchild
    return None


def _claim_inside(root: Token, span: Span) -> Token | None:
    """ "reports that X", "claims of X", "the rumour that X": X's predicate."""
    if root.lemma_.lower() in CLAIM_NOUNS and root.pos_ in {"NOUN", "PROPN"}:
        return _clausal_child(root, span)
    # "denied a claim that X": the object of the content's verb is a claim noun
    for child in root.children:
        if child.dep_ in {"dobj", "nsubj", "nsubjpass"} and child.lemma_.lower() in CLAIM_NOUNS:
            inner = _clausal_child(child, span)
            if inner is not None and root.lemma_.lower() in {"be", "have"}:
                return inner
    return None


def _denial_frame(root: Token, span: Span) -> tuple[Token, str, list[Token]] | None:
    """A content that denies a claim in its own words: "reports that X are false", "it is
    not true that X", "there is no evidence that X", "has no plans to X"."""
    children = [c for c in root.children if _inside(c, span)]
    for child in children:
        lemma = child.lemma_.lower()
        # "... are false", "... is fake news", "... was premature"
        predicative = child.dep_ in {"acomp", "attr", "oprd"}
        word = lemma if lemma in UNTRUE_PREDICATES else None
        if predicative and word is None and child.pos_ in {"NOUN", "PROPN"}:
            word = next(
                (
                    m.lower_
                    for m in child.children
                    if m.dep_ in {"amod", "compound"} and m.lower_ in UNTRUE_PREDICATES
                ),
                None,
            )
        negated = [c for c in root.children if c.dep_ == "neg"]
        if predicative and lemma in TRUE_PREDICATES and negated:
            word = "not " + lemma
        if predicative and word is not None:
            claim = _complement_of_subject(root, span)
            if claim is None:
                claim = _clausal_child(child, span) or _extraposed(root, span)
            extra = negated if word.startswith("not ") else []
            target = claim if claim is not None else root
            if claim is None and word.startswith("not "):
                return None
            return target, word, sorted([*extra, child], key=lambda t: t.i)
        # "there is no evidence that X", "has no plans to X"
        if child.dep_ in {"attr", "dobj", "nsubj"} and lemma in NEGATABLE_NOUNS:
            det = [d for d in child.children if d.dep_ == "det" and d.lower_ == "no"]
            if det:
                claim = _clausal_child(child, span)
                if claim is not None:
                    name = f"no {lemma} {'that' if lemma not in {'plan', 'plans'} else 'to'}"
                    return claim, name, [det[0], child]
    return None


def _complement_of_subject(root: Token, span: Span) -> Token | None:
    """ "Reports that X were premature": X."""
    for child in root.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.lemma_.lower() in CLAIM_NOUNS:
            return _clausal_child(child, span)
    return None


def _extraposed(root: Token, span: Span) -> Token | None:
    """ "It is not true that X": X (extraposed after an expletive subject)."""
    if not any(c.dep_ in {"expl", "nsubj"} and c.lower_ == "it" for c in root.children):
        return None
    return next(
        (c for c in root.children if c.dep_ in {"ccomp", "advcl"} and _inside(c, span)), None
    )


def _asks_anonymity(root: Token) -> bool:
    """ "(asked) not to be named", "not to be identified"."""
    return (
        root.lemma_.lower() in ANONYMITY_VERBS
        and root.tag_ == "VBN"
        and any(c.dep_ == "neg" for c in root.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children)
    )


def _walk(root: Token, span: Span) -> tuple[Token | None, list[Token], str | None]:
    """Follow the main predicate down through control and raising words; the negations
    that scope over it, the lowest predicate, and the lemma of its direct object."""
    node = root
    negations: list[Token] = []
    for _ in range(MAX_DEPTH):
        negations += _negations_of(node, span)
        lemma = node.lemma_.lower()
        lower = _governed(node, span)
        if lemma in IMPLICATIVE_NEGATIVES and lower is not None and lower.dep_ == "xcomp":
            negations.append(node)
        if lower is None:
            break
        node = lower
    # The object, or the subject of a passive ("the crossing would be closed": crossing).
    obj = next(
        (c for c in node.children if c.dep_ in {"dobj", "attr"} and _inside(c, span)), None
    ) or next((c for c in node.children if c.dep_ == "nsubjpass" and _inside(c, span)), None)
    if obj is not None and obj.pos_ == "PRON":
        obj = None
    predicate = node if node.pos_ in {"VERB", "AUX", "ADJ", "NOUN", "PROPN"} else root
    if predicate.lemma_.lower() == "be":
        complement = next(
            (c for c in predicate.children if c.dep_ in {"acomp", "attr"} and _inside(c, span)),
            None,
        )
        if complement is not None:
            predicate, obj = complement, None
    return predicate, negations, obj.lemma_.lower() if obj is not None else None


def _governed(node: Token, span: Span) -> Token | None:
    """The verb or adjective ``node`` governs as a control, raising or aspect word:
    "preparing to send", "about to resign", "going to", "unlikely to join"."""
    for child in node.children:
        if not _inside(child, span):
            continue
        if child.dep_ == "xcomp" or (child.dep_ in {"acomp", "oprd"} and _has_xcomp(child, span)):
            return child
        # "is about to resign": spaCy hangs "about" (and "set", "due") between the two.
        if child.dep_ in {"advmod", "prep", "acomp"} and child.lower_ in {"about", "set", "due"}:
            verb = next((g for g in child.children if g.dep_ in {"xcomp", "pcomp"}), None)
            if verb is not None and _inside(verb, span):
                return verb
    if node.lemma_.lower() == "be" or node.pos_ == "ADJ":
        return next((c for c in node.children if c.dep_ == "xcomp" and _inside(c, span)), None)
    return None


def _has_xcomp(token: Token, span: Span) -> bool:
    return any(c.dep_ == "xcomp" and _inside(c, span) for c in token.children)


def _negations_of(node: Token, span: Span) -> list[Token]:
    """Negations that scope over ``node``: its own "not"/"never", a "no" on its subject or
    object, a negative pronoun as its subject or object. A word inside a quoted title or a
    proper name negates nothing."""
    found = []
    for child in node.children:
        candidate: Token | None
        dep = child.dep_
        if dep == "neg" or (dep == "advmod" and child.lower_ == "never"):
            candidate = child
        elif dep in {"nsubj", "nsubjpass", "dobj", "attr"}:
            if child.lower_ in NEGATIVE_PRONOUNS or (
                child.lower_ == "one" and any(d.lower_ == "no" for d in child.children)
            ):
                candidate = child
            else:
                candidate = next(
                    (d for d in child.children if d.dep_ == "det" and d.lower_ == "no"), None
                )
        else:
            continue
        # Checked only for the few candidates: reading names and quotes costs more.
        if candidate is not None and _inside(candidate, span) and not _in_name(candidate, span):
            found.append(candidate)
    return found


def _in_name(token: Token, span: Span) -> bool:
    """A token that belongs to a proper name or a quoted title, not to the clause."""
    if token.ent_type_ and token.ent_type_ not in {"CARDINAL", "ORDINAL", "QUANTITY"}:
        return True
    # A capitalised "No" inside a sentence, on a capitalised noun: "said No Frills would".
    named_head = token.head.pos_ == "PROPN" or token.head.text[:1].isupper()
    if token.text[:1].isupper() and not token.is_sent_start and named_head:
        return True
    return _quoted_inside(token, span)


def _quoted_inside(token: Token, span: Span) -> bool:
    """Inside quotation marks that open and close within the sentence, around a few
    title-cased words ("Never Let Me Go"): a title, not the speaker's negation."""
    doc = token.doc
    opening = None
    for t in doc[span.start : token.i]:
        if t.text in _QUOTES or (t.text[:1] in _QUOTES and len(t.text) <= 2):
            opening = None if opening is not None else t
    if opening is None:
        return False
    closing = next((t for t in doc[token.i + 1 : span.end] if t.text in _QUOTES), None)
    if closing is None:
        return False
    inner = [t for t in doc[opening.i + 1 : closing.i] if t.is_alpha]
    return 0 < len(inner) <= 8 and all(t.text[:1].isupper() or len(t) <= 3 for t in inner)


def _subject(root: Token, span: Span) -> Token | None:
    node: Token | None = root
    for _ in range(MAX_DEPTH):
        if node is None:
            return None
        subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject
        if node.dep_ in {"xcomp", "acomp"} and node.head.i != node.i:
            node = node.head  # "is preparing to send": the subject of "preparing"
            continue
        return None
    return None


def _subject_key(
    subject: Token, speaker_key: str | None, entities: Sequence[Entity], by_name: bool
) -> str | None:
    lower = subject.lower_
    if lower in FIRST_PERSON:
        return speaker_key if lower in {"i", "me"} else None
    left = _left_of(subject)
    start, end = left.idx, subject.idx + len(subject.text)
    # A span's text, not ``doc.text``: spaCy rebuilds the whole text on every access.
    words = subject.doc[left.i : subject.i + 1].text.lower().split()
    if not by_name:
        return _MentionIndex.of(entities).first_over(start, end)
    for entity in entities:
        key = entity.canonical
        if not key or entity.type == "ANONYMOUS":
            continue
        name = entity.name.lower().split()
        if name and words and (words[-1] == name[-1] or words == name):
            return key
    return None


class _MentionIndex:
    """The keyed entities' mentions sorted by start, so that the entity whose mention
    overlaps a subject is found in a few steps, not by walking every mention of the article
    for every proposition (that walk made the analysis quadratic in the sentences:
    tests/nlp/test_linear.py). Kept for the last entity list asked about: every
    proposition of a document asks about the same one."""

    _last: tuple[Sequence[Entity], int, _MentionIndex] | None = None

    def __init__(self, entities: Sequence[Entity]) -> None:
        found = sorted(
            (s, e, order, entity.canonical)
            for order, entity in enumerate(entities)
            if entity.canonical and entity.type != "ANONYMOUS"
            for s, e in entity.mentions
        )
        self.mentions = found
        self.starts = [m[0] for m in found]
        self.longest = max((e - s for s, e, _, _ in found), default=0)

    @classmethod
    def of(cls, entities: Sequence[Entity]) -> _MentionIndex:
        last = cls._last
        if last is not None and last[0] is entities and last[1] == len(entities):
            return last[2]
        index = cls(entities)
        cls._last = (entities, len(entities), index)
        return index

    def first_over(self, start: int, end: int) -> str | None:
        """The key of the first entity (in the list's order) with a mention overlapping
        ``[start, end)``."""
        best: tuple[int, str] | None = None
        i = bisect_left(self.starts, end) - 1
        # A mention starting before start - longest ends before start: none further back.
        while i >= 0 and self.mentions[i][0] >= start - self.longest:
            s, e, order, key = self.mentions[i]
            if (s <= start < e or start <= s < end) and (best is None or order < best[0]):
                best = (order, key)
            i -= 1
        return best[1] if best else None


def _left_of(token: Token) -> Token:
    """The first word of a noun with its compounds and names ("Petra Hudak")."""
    for child in token.lefts:
        if child.dep_ in {"compound", "amod", "poss"} or child.ent_type_:
            return child
    return token


def _clause_span(root: Token, span: Span) -> Span:
    """The clause headed by ``root``, within ``span``, without a leading "that"."""
    start = max(root.left_edge.i, span.start)
    end = min(root.right_edge.i + 1, span.end)
    doc = span.doc
    while start < end and (doc[start].lower_ in {"that", "whether", "if"} or doc[start].is_punct):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end] if end > start else span


def _text(span: Span, clause: Span) -> TextSpan:
    return TextSpan(start=clause.start_char, end=clause.end_char, text=clause.text)


def _words(doc: Doc, words: list[Token]) -> TextSpan | None:
    if not words:
        return None
    first, last = min(t.i for t in words), max(t.i for t in words)
    piece = doc[first : last + 1]
    return TextSpan(start=piece.start_char, end=piece.end_char, text=piece.text)
