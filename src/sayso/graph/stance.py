"""The stance of an article toward a claim: ``for`` (it asserts it), ``against`` (it denies
or debunks it, or reports a denial) or ``observing`` (it reports that someone claims it,
taking no side) — the three labels of Emergent (Ferreira & Vlachos 2016).

Within the claim graph an article's stance is read from its tellings of the claim, in this
order (the publisher's own words weigh most):

1. a telling in the publisher's **own voice** (headline, standfirst, lead, a sentence that
   states the event): asserting is ``for``, denying ``against``;
2. a telling that **denies** the claim (a denial cue, a negation over its predicate, "no
   evidence that", "false"), whoever says it: ``against`` — "Israel denies causing Gaza
   floods" reports a denial and is, for a reader, against the claim;
3. an attributed assertion with an **endorsing** cue ("confirmed", "revealed", "admitted"):
   ``for``, the reporter commits to it;
4. any other attributed assertion: ``observing``.

``sayso stance`` (``sayso.stance``) applies the same reading to any text, after finding the
telling that matches the claim, and a classifier trained on Emergent decides between the
three from it and the headline's words.
"""

from __future__ import annotations

from typing import Any

from sayso.graph.relations import TellingView

FOR, AGAINST, OBSERVING = "for", "against", "observing"
STANCES = (FOR, AGAINST, OBSERVING)


def stance_of_tellings(told: list[TellingView], polarity: int = 1) -> tuple[str, dict[str, Any]]:
    """An article's stance toward the claim as ``polarity`` tells it (1: the claim is the
    assertion; -1: the claim is its denial), and the telling that decided it."""
    ordered = sorted(told, key=_precedence)
    decisive = ordered[0]
    agrees = decisive.polarity == polarity
    if decisive.own_voice:
        stance = FOR if agrees else AGAINST
        said = "states" if agrees else "denies"
        why = f"the publisher {said} it in its own voice ({decisive.statement})"
    elif not agrees:
        stance = AGAINST
        who = decisive.origin.name if decisive.origin else "an unnamed source"
        why = f"it reports a denial by {who}"
    elif decisive.stance == "endorsing":
        stance = FOR
        why = f"it endorses the report (“{decisive.cue}”)"
    else:
        stance = OBSERVING
        who = decisive.origin.name if decisive.origin else "an unnamed source"
        why = f"it reports that {who} says so"
    return stance, {
        "why": why,
        "attribution_id": decisive.attribution_id,
        "kind": decisive.kind,
        "content": decisive.content,
        "cue": decisive.cue,
        "polarity": "denies" if decisive.polarity < 0 else "asserts",
        "negated_by": decisive.denial,
        "reporter_stance": decisive.stance,
    }


def _precedence(telling: TellingView) -> tuple[int, int, str]:
    if telling.own_voice:
        rank = 0 if telling.statement in ("headline", "standfirst", "lead") else 1
    elif telling.polarity < 0:
        rank = 2
    elif telling.stance == "endorsing":
        rank = 3
    else:
        rank = 4
    return rank, telling.depth, telling.attribution_id
