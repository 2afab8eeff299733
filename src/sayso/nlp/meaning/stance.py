"""The reporter's stance, as the cue shows it: neutral, distancing, endorsing or emphatic.

The lexicon follows news-writing guidance on attribution verbs (wire style guides warn
that "claimed" casts doubt, that "noted", "pointed out", "revealed" and "admitted" present
the content as fact, and that "warned" or "slammed" add force) and FactBank's treatment
of factive predicates. A cue not in the lexicon is neutral: most cues are.
"""

from __future__ import annotations

from sayso.model import Commitment, Stance

# The reporter keeps away from the content: the speaker says so, the reporter does not.
DISTANCING = frozenset(
    """
    claim allege insist maintain contend purport profess speculate charge accuse rumour
    rumor boast brag
    """.split()
)
# The reporter presents the content as true: factive or endorsing verbs.
ENDORSING = frozenset(
    """
    reveal confirm admit acknowledge concede disclose note point explain demonstrate show
    prove establish recognise recognize realise realize discover find learn know uncover
    """.split()
)
# Forceful speech: the content is true or not, but said with emphasis or alarm.
EMPHATIC = frozenset(
    """
    warn slam blast decry condemn denounce lash thunder stress emphasise emphasize
    underline underscore urge demand vow threaten exclaim shout scream rage criticise
    criticize berate rebuke castigate
    """.split()
)
# Multi-word cues, by their full lower-case text.
PHRASES: dict[str, Stance] = {
    "pointed out": Stance.ENDORSING,
    "point out": Stance.ENDORSING,
    "points out": Stance.ENDORSING,
    "hit out": Stance.EMPHATIC,
    "lashed out": Stance.EMPHATIC,
    "according to": Stance.NEUTRAL,
    "is expected": Stance.NEUTRAL,
    "is believed": Stance.NEUTRAL,
    "was claimed": Stance.DISTANCING,
    "is claimed": Stance.DISTANCING,
    "was alleged": Stance.DISTANCING,
    "is alleged": Stance.DISTANCING,
    "is said": Stance.NEUTRAL,
}
# Adverbs next to the cue that override it: "allegedly said" distances.
DISTANCING_ADVERBS = frozenset({"allegedly", "reportedly", "purportedly", "supposedly"})
ENDORSING_ADVERBS = frozenset({"rightly", "correctly", "accurately"})

COMMITMENT = {
    Stance.NEUTRAL: Commitment.UNCOMMITTED,
    Stance.EMPHATIC: Commitment.UNCOMMITTED,
    Stance.DISTANCING: Commitment.DISTANCED,
    Stance.ENDORSING: Commitment.COMMITTED,
}


def stance_of(
    cue_text: str | None, lemma: str | None, adverbs: set[str] | None = None
) -> tuple[Stance, str | None]:
    """The stance of a cue (its words and lemma) and the lexicon entry that decided it."""
    if adverbs:
        if adverbs & DISTANCING_ADVERBS:
            return Stance.DISTANCING, sorted(adverbs & DISTANCING_ADVERBS)[0]
        if adverbs & ENDORSING_ADVERBS:
            return Stance.ENDORSING, sorted(adverbs & ENDORSING_ADVERBS)[0]
    if cue_text is None:
        return Stance.NEUTRAL, None
    text = " ".join(cue_text.lower().split())
    if text in PHRASES:
        return PHRASES[text], text
    key = (lemma or text).lower().split()[0] if (lemma or text).strip() else ""
    for stance, words in (
        (Stance.DISTANCING, DISTANCING),
        (Stance.ENDORSING, ENDORSING),
        (Stance.EMPHATIC, EMPHATIC),
    ):
        if key in words:
            return stance, key
    return Stance.NEUTRAL, key or None
