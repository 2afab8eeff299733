"""What the stance classifier sees of a (claim, text) pair.

The text is analysed by sayso's pipeline like any article; its tellings (attributions,
and statements in the publisher's own voice) are read as the claim graph reads them
(``sayso.graph.tellings``). The telling that matches the claim best — nearest in meaning
(all-MiniLM-L6-v2), with a bonus for the same predicate and object — is the *evidence*;
the graph's rule (``sayso.graph.stance``) gives a first stance from it. The features are
that rule's answer and how it was reached (own voice or attributed, polarity against the
claim's own polarity, the denial frame, the reporter's stance of the cue, the certainty),
whether anything in the text denies or hedges and how near the root of its sentence
(Ferreira & Vlachos's root distance), whether the text asks a question, how much of the
claim it repeats, its embedding, and the words it adds to the claim (a bag of lower-case
words, as in Ferreira & Vlachos 2016).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.tokens import Doc

from sayso.graph.relations import TellingView
from sayso.graph.stance import stance_of_tellings
from sayso.graph.tellings import ClaimFacts, claim_facts
from sayso.model import Analysis

# Words that keep a headline at a distance from what it reports (Emergent's "observing").
HEDGES = frozenset(
    """
    reportedly allegedly apparently supposedly purportedly reports report reported claims
    claim claimed rumor rumour rumors rumours rumoured rumored may might could possibly
    suggests suggest allegations alleged sources source believed speculation unconfirmed
    """.split()
)
# Words that call something untrue (Emergent's "against").
REFUTERS = frozenset(
    """
    fake hoax false debunk debunked debunks deny denies denied not no never untrue myth
    rumor rumour nonsense fabricated satire satirical bogus doubt doubts doubtful refute
    refutes refuted dismisses dismissed rejects rejected baseless
    """.split()
)
_WORD = re.compile(r"[a-z][a-z']+")
MATCH_BONUS = 0.1


@dataclass(slots=True)
class Pair:
    """A (claim, text) pair with what was read of the text."""

    claim: str
    text: str
    facts: list[ClaimFacts] = field(default_factory=list)
    stances: dict[str, str] = field(default_factory=dict)  # attribution id -> cue stance
    certainties: dict[str, str] = field(default_factory=dict)
    cues: dict[str, str] = field(default_factory=dict)
    claim_keys: tuple[str | None, str | None] = (None, None)  # predicate, object
    claim_polarity: int = 1  # "Apple Watch battery doesn't last a day" is a negative claim
    depths: dict[str, int] = field(default_factory=dict)  # hedge/refuting word -> depth


def read_pair(
    claim: str, text: str, analysis: Analysis, claim_keys: tuple, claim_polarity: int = 1
) -> Pair:
    """The tellings of an analysed text."""
    pair = Pair(claim=claim, text=text, claim_keys=claim_keys, claim_polarity=claim_polarity)
    facts = claim_facts(analysis)
    pair.facts = [f for f in facts if f.role in ("telling", "carrier", "attitude")]
    for a in analysis.attributions:
        pair.stances[a.id] = str(a.stance.value) if a.stance else "neutral"
        pair.certainties[a.id] = str(a.certainty.value) if a.certainty else "certain"
        pair.cues[a.id] = a.cue.text if a.cue else ""
    return pair


def view(pair: Pair, facts: ClaimFacts) -> TellingView:
    return TellingView(
        article_id="text",
        attribution_id=facts.attribution_id,
        content=facts.text,
        cue=pair.cues.get(facts.attribution_id),
        polarity=facts.polarity,
        denial=facts.denial,
        chain=facts.chain,
        publisher=None,
        published=None,
        title=None,
        url=None,
        root="text",
        stance=pair.stances.get(facts.attribution_id),
        certainty=pair.certainties.get(facts.attribution_id),
        kind=facts.kind,
    )


def best_match(
    pair: Pair, claim_vector: np.ndarray, vectors: Sequence[np.ndarray]
) -> tuple[int | None, float]:
    """The telling that matches the claim best, and its cosine."""
    best: tuple[float, int] | None = None
    predicate, obj = pair.claim_keys
    for i, (facts, vector) in enumerate(zip(pair.facts, vectors, strict=True)):
        cosine = float(vector @ claim_vector)
        score = cosine + MATCH_BONUS * sum(shares(facts.keys, predicate, obj))
        if best is None or score > best[0]:
            best = (score, i)
    if best is None:
        return None, 0.0
    return best[1], float(vectors[best[1]] @ claim_vector)


def shares(keys: Sequence[str], predicate: str | None, obj: str | None) -> tuple[bool, bool]:
    """Whether blocking ``keys`` have the claim's predicate, and its object."""
    preds = {k.split("|")[0].split(":")[1] if k.startswith("po:") else k.rsplit("|", 1)[1]
             for k in keys if k.startswith(("sp:", "po:"))}  # fmt: skip
    objs = {k.rsplit("|", 1)[1] for k in keys if k.startswith("po:")}
    return bool(predicate and predicate in preds), bool(obj and obj in objs)


def word_depths(doc: Doc) -> dict[str, int]:
    """How far below its sentence's root each hedging or refuting word sits (the nearest
    occurrence): "Israel *denies*…" (0) governs the headline, "…says the man who *denied*
    nothing" does not (Ferreira & Vlachos's root-distance features)."""
    found: dict[str, int] = {}
    for token in doc:
        lower = token.lower_
        if lower not in HEDGES and lower not in REFUTERS:
            continue
        depth, node = 0, token
        while node.head.i != node.i and depth < 8:
            node, depth = node.head, depth + 1
        kind = "refute" if lower in REFUTERS else "hedge"
        found[kind] = min(found.get(kind, depth), depth)
    return found


def features(
    pair: Pair, match: int | None, cosine: float, text_vector: np.ndarray | None = None
) -> tuple[dict[str, float], str, dict]:
    """The classifier's features, the rule's stance and the evidence it rests on."""
    row: dict[str, float] = {"bias": 1.0}
    if text_vector is not None:
        # The text's own embedding: how a headline is worded ("Report: …", "… claims")
        # beyond single words.
        for i, value in enumerate(text_vector):
            row[f"e{i}"] = float(value)
    for kind, depth in pair.depths.items():
        row[f"{kind}_depth={min(depth, 3)}"] = 1.0
    if pair.claim_polarity < 0:
        row["claim_negative"] = 1.0
    words = _WORD.findall(pair.text.lower())
    claimed = set(_WORD.findall(pair.claim.lower()))
    # The words that carry a stance are those the text adds to the claim ("denies",
    # "report:", "hoax"); the claim's own words name the topic and do not carry over to
    # other claims (held out by claim: +2 points of macro-F1 on Emergent).
    for word in set(words) - claimed:
        row[f"w={word}"] = 1.0
    row["claim_cover"] = len(claimed & set(words)) / max(1, len(claimed))
    hedges = [w for w in words if w in HEDGES]
    refuters = [w for w in words if w in REFUTERS]
    if hedges:
        row["hedge"] = 1.0
    if refuters:
        row["refute"] = 1.0
    if "?" in pair.text:
        row["question"] = 1.0
    if any(f.polarity < 0 for f in pair.facts):
        row["any_negative"] = 1.0
    if any(f.kind == "attribution" for f in pair.facts):
        row["any_attribution"] = 1.0
    evidence: dict[str, Any] = {}
    if match is None:
        stance = "for" if not refuters else "against"
        row["no_telling"] = 1.0
    else:
        facts = pair.facts[match]
        telling = view(pair, facts)
        stance, evidence = stance_of_tellings([telling], pair.claim_polarity)
        row[f"match.kind={facts.kind}"] = 1.0
        row[f"match.polarity={facts.polarity}"] = 1.0
        row[f"match.role={facts.role}"] = 1.0
        same_predicate, same_object = shares(facts.keys, *pair.claim_keys)
        if same_predicate:
            row["match.predicate"] = 1.0
        if same_object:
            row["match.object"] = 1.0
        if facts.kind == "attribution":
            row[f"match.cue_stance={telling.stance}"] = 1.0
            row[f"match.certainty={telling.certainty}"] = 1.0
            origin = facts.origin
            row[f"match.source={origin.known if origin else 'unknown'}"] = 1.0
        if facts.denial:
            row["match.denial"] = 1.0
        evidence = {**evidence, "cosine": round(cosine, 3)}
    row[f"rule={stance}"] = 1.0
    row["cosine"] = cosine
    row[f"rule={stance}&cos>0.5"] = 1.0 if cosine > 0.5 else 0.0
    return row, stance, evidence
