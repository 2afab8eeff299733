"""What the claim graph knows of each attribution: its role, who it comes from and through
whom, whether it asserts or denies, and which entities and events it names.

Read from the typed analysis (a stored record is read back with :mod:`sayso.serial`, any
schema from ``sayso/1``), so the graph works on any stored article without running the NLP
again.

Roles:

- ``telling``: a claim of its own, clustered with the other tellings of its proposition;
- ``carrier``: an attribution whose content is mostly a claim told inside it ("According to
  the MP, his sources claim X"): the inner claim is the telling, and the carrier's speaker
  is one link of its chain;
- ``attitude``: a belief or wish reported inside someone's claim ("Goncharenko claims that
  France wants to create a coalition"): France wants nothing on the record, the telling is
  Goncharenko's;
- ``empty``: no words to compare (or a request for anonymity: "asked not to be named").

Every telling has a **kind**: ``attribution`` (someone's say-so) or ``own_voice`` (what
the article states without attributing it: its headline, standfirst, lead, or a sentence
stating an event, ``sayso.nlp.meaning.voice``); an own-voice telling's source is the
publisher, and its chain is empty.

Polarity comes from the proposition the NLP read from the parse
(``sayso.nlp.meaning.polarity``): a denial's telling is the denied claim ("denied reports
that she was about to resign": "she was about to resign", negative), so it is embedded and
keyed as that claim and joins its cluster as a contradiction. Analyses stored before
propositions existed fall back to the cue and certainty.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sayso.graph.blocking import blocking_keys
from sayso.model import (
    Analysis,
    Attribution,
    Entity,
    EntityType,
    Event,
    Proposition,
    Statement,
)
from sayso.nlp.lexicon import BELIEF_VERBS, INTENTION_VERBS, SPEECH_VERBS, WANT_CUE_VERBS
from sayso.serial import load_analysis

ATTITUDE_CUES = (BELIEF_VERBS | INTENTION_VERBS | WANT_CUE_VERBS) - SPEECH_VERBS
# Cues whose speaker says the content is not so: "X denied that Y", "X dismissed reports
# that Y", "X ruled out Y". The content itself is then what is denied.
DENIAL_CUES = frozenset(
    """
    deny dismiss reject refute rebut disavow dispute contradict debunk disprove discount
    downplay repudiate
    """.split()
) | {"rule out", "play down", "brush off", "push back"}
# Words in a content that call something else untrue: "the reports were false".
_DENIAL_WORDS = re.compile(
    r"\b(false|untrue|baseless|unfounded|fake|nonsense|fabricat\w*|misinterpret\w*|"
    r"no truth|not true|no basis|groundless|disinformation)\b",
    re.IGNORECASE,
)
CARRIER_COVER = 0.6  # share of a content that inner claims must cover to make it a carrier
MIN_WORDS = 3
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Voice:
    """One speaker in a chain of say-so."""

    name: str  # the resolved entity, or the words on the page
    key: str  # who it is across articles (see :func:`voice_key`)
    anonymous: bool
    group: bool
    cue: str | None
    attribution_id: str
    uncertain: bool = False  # resolved below LOW_CONFIDENCE: counted as unknown
    resolution: str | None = None  # Source.resolution: named|resolved|anonymous|group|unresolved

    @property
    def known(self) -> str:
        """How the score counts this speaker: ``named``, ``anonymous``, ``group`` or
        ``unknown`` (unresolved, below the confidence floor, or nobody named)."""
        if self.anonymous:
            return "anonymous"
        if self.uncertain or self.key.startswith(("unnamed@", "mention:")):
            return "unknown"
        if self.resolution == "unresolved":
            return "unknown"
        if self.group:
            return "group"
        return "named"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "key": self.key,
            "anonymous": self.anonymous,
            "group": self.group,
            "cue": self.cue,
            "attribution_id": self.attribution_id,
            "uncertain": self.uncertain,
            "resolution": self.resolution,
            "known": self.known,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Voice:
        return cls(
            name=data["name"],
            key=data["key"],
            anonymous=bool(data.get("anonymous")),
            group=bool(data.get("group")),
            cue=data.get("cue"),
            attribution_id=data["attribution_id"],
            uncertain=bool(data.get("uncertain")),
            resolution=data.get("resolution"),
        )


@dataclass(slots=True)
class ClaimFacts:
    """One attribution as the graph sees it."""

    attribution_id: str
    role: str
    content: str
    telling_id: str | None = None  # for carriers and attitudes: the telling they stand for
    chain: list[Voice] = field(default_factory=list)  # outermost first; last: the origin
    polarity: int = 1
    denial: str | None = None
    entities: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    kind: str = "attribution"  # attribution|own_voice
    claim: str = ""  # the proposition's words: what is embedded (the content if none)
    keys: list[str] = field(default_factory=list)  # blocking keys (sayso.graph.blocking)
    statement: str | None = None  # own voice: headline, standfirst, lead or event

    @property
    def origin(self) -> Voice | None:
        return self.chain[-1] if self.chain else None

    @property
    def text(self) -> str:
        """What the clusterer compares: the proposition, else the content."""
        return self.claim or self.content


def normal_name(name: str) -> str:
    words = _SPACE.sub(" ", name.strip().lower())
    return re.sub(r"^(the|a|an|his|her|their|its) ", "", words)


def _voice(a: Attribution, entities: dict[str, Entity], above: str) -> Voice:
    """The speaker of attribution ``a``; ``above`` is the key of the voice it is told by."""
    source = a.source
    cue = a.cue.lemma if a.cue else None
    entity = entities.get(source.entity_id or "") if source else None
    said = source.entity if source else None  # the resolved entity's name
    words = source.text if source else None
    name = said or (entity.name if entity else None) or words or ""
    anonymous = source is not None and source.anonymous
    uncertain = source is not None and source.uncertain
    if not name:
        key = f"unnamed@{above}"  # "it was claimed": nobody to tell apart
    elif uncertain and not anonymous:
        # A speaker the resolver is unsure of counts as unknown, not as a named source:
        # keyed by the words on the page and whoever reports them, like an unresolved "he".
        key = f"mention:{normal_name(words or name)}@{above}"
    elif anonymous:
        # Unnamed sources are the same only when reached through the same teller.
        key = f"anon:{normal_name(name)}@{above}"
    elif entity is not None and entity.canonical:
        key = entity.canonical
    elif said:
        key = f"name:{normal_name(name)}"
    else:
        key = f"mention:{normal_name(name)}@{above}"  # an unresolved "he"
    return Voice(
        name=name or "(unnamed)",
        key=key,
        anonymous=anonymous,
        group=source is not None and source.group,
        cue=cue,
        attribution_id=a.id,
        uncertain=uncertain,
        resolution=str(source.resolution) if source else None,
    )


def _polarity(a: Attribution) -> tuple[int, str | None]:
    """1 when the attribution asserts its content, -1 when it denies it, and why."""
    if a.proposition is not None:
        return _proposition_polarity(a.proposition)
    cue = a.cue
    denying_cue = cue is not None and cue.lemma.lower() in DENIAL_CUES
    certainty = a.certainty
    negative = certainty is not None and (
        certainty.polarity == "negative" or certainty.value == "negated"
    )
    expression = certainty.expression if certainty is not None else None
    words = expression.text if negative and expression is not None else None
    marker = _DENIAL_WORDS.search(a.content.text)
    if marker and not negative:
        negative, words = True, marker.group(0)
    if denying_cue and negative:
        return 1, None  # "denied that it had no plans": two negations
    if cue is not None and denying_cue:
        return -1, cue.text
    return (-1, words or "negated") if negative else (1, None)


def _proposition_polarity(proposition: Proposition) -> tuple[int, str | None]:
    """Read from the parse: negative when a negation or denial scopes over the predicate."""
    if proposition.polarity != "negative":
        return 1, None
    words = proposition.negated_by.text if proposition.negated_by else None
    return -1, words or proposition.frame or "negated"


def _covered(a: Attribution, children: list[Attribution]) -> float:
    """How much of ``a``'s content the contents of ``children`` cover (0 to 1)."""
    start, end = a.content.start, a.content.end
    if end <= start:
        return 0.0
    marked: set[int] = set()
    for child in children:
        marked.update(range(max(start, child.content.start), min(end, child.content.end)))
    return len(marked) / (end - start)


def _content_entities(spans: Sequence[tuple[int, int]], entities: list[Entity]) -> list[str]:
    found: list[str] = []
    for entity in entities:
        key = entity.canonical or f"name:{normal_name(entity.name)}"
        if entity.type == EntityType.ANONYMOUS or key in found:
            continue
        if any(s <= m[0] and m[1] <= e for m in entity.mentions for s, e in spans):
            found.append(key)
    return sorted(found)


def event_signature(event: Event) -> str:
    """``TYPE:actors>recipients`` with the participants' country or IGO codes."""
    actors = sorted({a.code for a in event.actors if a.code})
    recipients = sorted({r.code for r in event.recipients if r.code})
    return f"{event.type}:{','.join(actors)}>{','.join(recipients)}"


def claim_facts(
    analysis: Analysis | Mapping[str, Any], titles: Sequence[Statement] = ()
) -> list[ClaimFacts]:
    """Every attribution of an analysis (or of its stored record), in order, as the graph
    sees it, then what the article states in its own voice (``titles``: headline and
    standfirst statements read apart)."""
    if not isinstance(analysis, Analysis):
        analysis = load_analysis(analysis)
    attributions = analysis.attributions
    by_id = {a.id: a for a in attributions}
    entities = {e.id: e for e in analysis.entities}
    events = {e.id: e for e in analysis.events}
    publisher = "pub:" + normal_name(analysis.article.publisher or "")
    roles = _roles(attributions)
    facts = []
    for a in attributions:
        role, telling = roles[a.id]
        polarity, denial = _polarity(a)
        facts.append(
            ClaimFacts(
                attribution_id=a.id,
                role=role,
                content=a.content.text,
                telling_id=telling,
                chain=_chain(a, by_id, entities, publisher),
                polarity=polarity,
                denial=denial,
                entities=_content_entities(a.content.spans, analysis.entities),
                events=sorted({event_signature(events[v]) for v in a.events if v in events}),
            )
        )
        _proposition_facts(facts[-1], a.proposition)
    for statement in [*titles, *analysis.statements]:
        facts.append(_own_voice(statement, analysis.entities, events, publisher))
    return facts


def _proposition_facts(facts: ClaimFacts, proposition: Proposition | None) -> None:
    """The proposition's words and keys; "asked not to be named" is no claim."""
    if proposition is None:
        facts.keys = blocking_keys(None, None, None, facts.events)
        return
    if proposition.frame == "anonymity":
        facts.role = "empty"
    text = proposition.text.text
    if len(_WORD.findall(text)) >= MIN_WORDS:
        facts.claim = text
    facts.keys = blocking_keys(
        proposition.subject_key, proposition.predicate, proposition.object, facts.events
    )


def _own_voice(
    statement: Statement, entities: list[Entity], events: dict[str, Event], publisher: str
) -> ClaimFacts:
    proposition = statement.proposition
    text = proposition.text.text
    start, end = proposition.text.start, proposition.text.end
    in_body = statement.kind in {"lead", "event"}
    asserted = sorted(
        {
            event_signature(e)
            for e in events.values()
            if in_body and e.attribution is None and start <= e.trigger.start < end
        }
    )
    polarity, denial = _proposition_polarity(proposition)
    found = _content_entities([(start, end)] if in_body else [], entities)
    if proposition.subject_key and proposition.subject_key not in found:
        found = sorted([*found, proposition.subject_key])
    return ClaimFacts(
        attribution_id=statement.id,
        role="telling" if len(_WORD.findall(text)) >= MIN_WORDS else "empty",
        content=text,
        chain=[],
        polarity=polarity,
        denial=denial,
        entities=found,
        events=asserted,
        kind="own_voice",
        claim=text,
        keys=blocking_keys(
            proposition.subject_key, proposition.predicate, proposition.object, asserted
        ),
        statement=statement.kind,
    )


def _is_attitude(a: Attribution) -> bool:
    lemma = a.cue.lemma.lower() if a.cue else ""
    return a.nested_in is not None and lemma in ATTITUDE_CUES


def _roles(attributions: list[Attribution]) -> dict[str, tuple[str, str | None]]:
    children: dict[str, list[Attribution]] = {}
    for a in attributions:
        if a.nested_in is not None and not _is_attitude(a):
            children.setdefault(a.nested_in, []).append(a)
    roles: dict[str, tuple[str, str | None]] = {}
    for a in attributions:
        inner = children.get(a.id, [])
        if _is_attitude(a):
            roles[a.id] = ("attitude", a.nested_in)
        elif inner and _covered(a, inner) >= CARRIER_COVER:
            widest = max(inner, key=lambda c: len(c.content.text))
            roles[a.id] = ("carrier", widest.id)
        elif len(_WORD.findall(a.content.text)) < MIN_WORDS:
            roles[a.id] = ("empty", None)
        else:
            roles[a.id] = ("telling", None)
    return {aid: (role, _resolve(roles, aid)) for aid, (role, _) in roles.items()}


def _resolve(roles: dict[str, tuple[str, str | None]], aid: str) -> str | None:
    """Follow a carrier down, or an attitude up, to the telling it stands for."""
    role, target = roles[aid]
    seen = {aid}
    while target in roles and target not in seen and roles[target][0] in ("carrier", "attitude"):
        seen.add(target)
        target = roles[target][1]
    return target if role in ("carrier", "attitude") else None


def _chain(
    a: Attribution, by_id: dict[str, Attribution], entities: dict[str, Entity], publisher: str
) -> list[Voice]:
    """The voices from the outermost teller down to ``a``'s speaker; a speaker quoting
    themselves ("I can already say…", Goncharenko wrote) is one voice, not two."""
    path: list[Attribution] = []
    seen: set[str] = set()
    current: Attribution | None = a
    while current is not None and current.id not in seen:
        seen.add(current.id)
        if current is a or not _is_attitude(current):
            path.append(current)
        current = by_id.get(current.nested_in) if current.nested_in is not None else None
    voices: list[Voice] = []
    for item in reversed(path):
        voice = _voice(item, entities, voices[-1].key if voices else publisher)
        if voices and voices[-1].key == voice.key:
            continue
        voices.append(voice)
    return voices
