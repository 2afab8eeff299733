"""Modal expressions: what makes a content probable, possible or negated, and an event
planned, intended, possible, unlikely, denied or conditional.

Both readings walk the dependency parse. Certainty walks *down* from a content's main
predicate ("is preparing" -> "to send"); an event's modality walks *up* from the event's
predicate through the verbs, adjectives and nouns that govern it ("no plans" -> "to
send"), stopping at the cue that reports it. The first expression found decides, and the
words of that expression are kept so a reader can see why.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from sayso.model import CertaintyValue, Modality

# Modal auxiliaries.
MODAL_AUX: dict[str, Modality] = {
    "may": Modality.POSSIBLE,
    "might": Modality.POSSIBLE,
    "could": Modality.POSSIBLE,
    "would": Modality.CONDITIONAL,
    "should": Modality.HYPOTHETICAL,
    "must": Modality.PROBABLE,
    "will": Modality.PLANNED,
    "shall": Modality.PLANNED,
    "'ll": Modality.PLANNED,
    "’ll": Modality.PLANNED,
}
# Verbs that govern an infinitive or gerund event ("preparing to send", "wants to create").
GOVERNING_VERBS: dict[str, Modality] = {
    **dict.fromkeys(
        "prepare plan schedule arrange organise organize set expect mean".split(),
        Modality.PLANNED,
    ),
    **dict.fromkeys(
        "want intend aim seek wish hope try attempt strive decide resolve desire need".split(),
        Modality.INTENDED,
    ),
    **dict.fromkeys(
        "consider weigh mull contemplate discuss explore study examine debate envisage".split(),
        Modality.POSSIBLE,
    ),
    **dict.fromkeys("agree promise pledge vow commit offer undertake".split(), Modality.PLANNED),
    **dict.fromkeys(
        "ask urge demand call request appeal press order instruct invite encourage".split(),
        Modality.HYPOTHETICAL,
    ),
    **dict.fromkeys("threaten warn".split(), Modality.CONDITIONAL),
    **dict.fromkeys("refuse decline reject deny rule".split(), Modality.DENIED),
    **dict.fromkeys("fail".split(), Modality.DENIED),
}
# Adjectives in "is X to ...": "is unlikely to join", "is ready to send".
GOVERNING_ADJECTIVES: dict[str, Modality] = {
    **dict.fromkeys("likely probable".split(), Modality.PROBABLE),
    **dict.fromkeys("unlikely improbable".split(), Modality.UNLIKELY),
    **dict.fromkeys("possible able".split(), Modality.POSSIBLE),
    **dict.fromkeys("ready willing prepared determined eager keen".split(), Modality.INTENDED),
    **dict.fromkeys("set due poised".split(), Modality.PLANNED),
    **dict.fromkeys("unwilling reluctant unable".split(), Modality.DENIED),
}
# Nouns with an infinitive or "of": "plans to send", "the possibility of ... being sent".
GOVERNING_NOUNS: dict[str, Modality] = {
    **dict.fromkeys("plan plans preparation decision schedule".split(), Modality.PLANNED),
    **dict.fromkeys(
        "intention intent desire wish aim goal bid attempt effort readiness willingness".split(),
        Modality.INTENDED,
    ),
    **dict.fromkeys(
        "possibility option prospect chance risk idea talk discussion".split(), Modality.POSSIBLE
    ),
    **dict.fromkeys("proposal call demand request appeal".split(), Modality.HYPOTHETICAL),
    **dict.fromkeys("threat warning ultimatum".split(), Modality.CONDITIONAL),
    **dict.fromkeys("refusal".split(), Modality.DENIED),
}
# Adjectives on an event noun: "a possible deployment", "the planned withdrawal".
EVENT_NOUN_MODIFIERS: dict[str, Modality] = {
    **dict.fromkeys("possible potential hypothetical".split(), Modality.POSSIBLE),
    **dict.fromkeys(
        "planned proposed future upcoming forthcoming scheduled".split(), Modality.PLANNED
    ),
    **dict.fromkeys("likely probable".split(), Modality.PROBABLE),
}
ADVERBS: dict[str, Modality] = {
    **dict.fromkeys("perhaps maybe possibly potentially conceivably".split(), Modality.POSSIBLE),
    **dict.fromkeys("probably likely presumably".split(), Modality.PROBABLE),
    "never": Modality.DENIED,
}
# Certainty boosters: they decide "certain" and are shown as its expression.
BOOSTERS = frozenset(
    "already certainly definitely clearly undoubtedly surely indeed obviously".split()
)
# "cannot exclude", "not rule out": a negated exclusion is a possibility.
EXCLUSION_VERBS = frozenset({"exclude", "rule", "dismiss", "discount"})
# "no plans to", "no intention of", "no evidence that": negated with the noun.
NEGATABLE_NOUNS = frozenset(
    "plan plans intention intent evidence sign indication reason desire wish proof".split()
)
UNCERTAIN_PREDICATES = frozenset("unclear uncertain doubtful doubt wonder unknown".split())
PERCEPTION_VERBS = frozenset({"seem", "appear", "look", "sound"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})

_CERTAINTY = {
    Modality.POSSIBLE: CertaintyValue.POSSIBLE,
    Modality.PROBABLE: CertaintyValue.PROBABLE,
    Modality.PLANNED: CertaintyValue.PROBABLE,
    Modality.INTENDED: CertaintyValue.PROBABLE,
    Modality.CONDITIONAL: CertaintyValue.PROBABLE,
    Modality.HYPOTHETICAL: CertaintyValue.POSSIBLE,
    Modality.UNLIKELY: CertaintyValue.PROBABLE,
    Modality.DENIED: CertaintyValue.NEGATED,
}


@dataclass(slots=True)
class Marker:
    """A modal expression: what it means and the words it is made of."""

    modality: Modality
    tokens: list[Token]
    negated: bool = False


def local_marker(token: Token) -> Marker | None:
    """The modal expression carried by ``token`` itself and its auxiliaries, if any."""
    children = list(token.children)
    negation = [c for c in children if c.dep_ == "neg" or c.lower_ in {"never"}]
    auxes = [c for c in children if c.dep_ in {"aux", "auxpass"} and c.i < token.i]
    lemma = token.lemma_.lower()
    if lemma in EXCLUSION_VERBS and negation:
        return Marker(Modality.POSSIBLE, sorted([*auxes, *negation, token], key=lambda t: t.i))
    for aux in auxes:
        modal = MODAL_AUX.get(aux.lower_)
        if aux.lower_ in {"ca", "can", "wo"} and negation:
            modal = Modality.DENIED  # "cannot", "won't"
        if modal is not None:
            words = sorted([aux, *negation, token], key=lambda t: t.i)
            if negation and modal is not Modality.POSSIBLE:
                modal = Modality.DENIED  # "will not accept", "would not attack"
            return Marker(modal, words, negated=bool(negation))
    if negation:
        words = sorted([*auxes, *negation, token], key=lambda t: t.i)
        return Marker(Modality.DENIED, words, negated=True)
    for child in children:
        if child.dep_ == "det" and child.lower_ == "no" and lemma in NEGATABLE_NOUNS:
            return Marker(Modality.DENIED, [child, token], negated=True)
        if child.dep_ == "advmod" and child.lower_ in ADVERBS:
            return Marker(ADVERBS[child.lower_], [child], negated=child.lower_ == "never")
    return None


def governing_marker(token: Token, governed: Token) -> Marker | None:
    """The modality a governing word gives the event ``governed`` below it."""
    lemma = token.lemma_.lower()
    marker = local_marker(token)
    if token.pos_ in {"VERB", "AUX"} and lemma in GOVERNING_VERBS:
        meaning = GOVERNING_VERBS[lemma]
        if lemma == "rule" and not any(c.lower_ == "out" for c in token.children):
            meaning = Modality.ACTUAL
        if meaning is not Modality.ACTUAL:
            words = [t for t in token.children if t.dep_ in {"aux", "neg"} and t.i < token.i]
            own = Marker(meaning, sorted([*words, token], key=lambda t: t.i))
            return _combine(own, marker)
    adjective = lemma if lemma in GOVERNING_ADJECTIVES else token.lower_
    if adjective in GOVERNING_ADJECTIVES and (token.pos_ == "ADJ" or token.dep_ == "acomp"):
        return _combine(Marker(GOVERNING_ADJECTIVES[adjective], [token]), marker)
    if token.pos_ in {"NOUN", "PROPN"} and lemma in GOVERNING_NOUNS:
        return _combine(Marker(GOVERNING_NOUNS[lemma], [token]), marker)
    return marker


def _combine(own: Marker, local: Marker | None) -> Marker:
    """ "did not plan to", "no plans to": a negated governor denies the event."""
    if local is None or local.modality is own.modality:
        return own
    if local.negated and own.modality is Modality.POSSIBLE and local.modality is Modality.DENIED:
        return Marker(Modality.DENIED, sorted({*own.tokens, *local.tokens}, key=lambda t: t.i))
    if local.negated:
        return Marker(Modality.DENIED, sorted({*own.tokens, *local.tokens}, key=lambda t: t.i),
                      negated=True)  # fmt: skip
    if local.modality in {Modality.POSSIBLE, Modality.CONDITIONAL, Modality.PROBABLE}:
        return Marker(local.modality, sorted({*own.tokens, *local.tokens}, key=lambda t: t.i))
    return own


def certainty_of(marker: Marker | None) -> tuple[CertaintyValue, str]:
    """(value, polarity) on the FactBank-like scale for a content's deciding marker."""
    if marker is None:
        return CertaintyValue.CERTAIN, "positive"
    if marker.modality is Modality.UNLIKELY:
        return CertaintyValue.PROBABLE, "negative"
    if marker.modality is Modality.DENIED:
        return CertaintyValue.NEGATED, "negative"
    if marker.modality is Modality.ACTUAL:
        return CertaintyValue.CERTAIN, "positive"
    value = _CERTAINTY.get(marker.modality, CertaintyValue.CERTAIN)
    if marker.modality is Modality.PLANNED and marker.tokens[0].lower_ in {"will", "shall"}:
        value = CertaintyValue.CERTAIN
    return value, "negative" if marker.negated else "positive"


def factbank(value: CertaintyValue, polarity: str) -> str:
    sign = "-" if polarity == "negative" else "+"
    return {
        CertaintyValue.CERTAIN: "CT" + sign,
        CertaintyValue.NEGATED: "CT-",
        CertaintyValue.PROBABLE: "PR" + sign,
        CertaintyValue.POSSIBLE: "PS" + sign,
        CertaintyValue.UNCERTAIN: "Uu",
    }[value]
