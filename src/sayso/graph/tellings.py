"""What the claim graph knows of each attribution: its role, who it comes from and through
whom, whether it asserts or denies, and which entities and events it names.

Read from the analysis JSON as stored (``sayso/2``; every field optional), so the graph
works on any stored article without running the NLP again.

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
from dataclasses import dataclass, field
from typing import Any

from sayso.graph.blocking import blocking_keys
from sayso.model import LOW_CONFIDENCE
from sayso.nlp.lexicon import BELIEF_VERBS, INTENTION_VERBS, SPEECH_VERBS, WANT_CUE_VERBS

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


def _voice(a: dict[str, Any], entities: dict[str, dict], above: str) -> Voice:
    """The speaker of attribution ``a``; ``above`` is the key of the voice it is told by."""
    source = a.get("source") or {}
    cue = (a.get("cue") or {}).get("lemma")
    entity = entities.get(source.get("entity_id") or "") or {}
    name = source.get("entity") or entity.get("name") or source.get("text") or ""
    anonymous = bool(source.get("anonymous"))
    confidence = source.get("confidence")
    uncertain = isinstance(confidence, int | float) and confidence < LOW_CONFIDENCE
    if not name:
        key = f"unnamed@{above}"  # "it was claimed": nobody to tell apart
    elif uncertain and not anonymous:
        # A speaker the resolver is unsure of counts as unknown, not as a named source:
        # keyed by the words on the page and whoever reports them, like an unresolved "he".
        key = f"mention:{normal_name(source.get('text') or name)}@{above}"
    elif anonymous:
        # Unnamed sources are the same only when reached through the same teller.
        key = f"anon:{normal_name(name)}@{above}"
    elif entity.get("canonical"):
        key = entity["canonical"]
    elif source.get("entity"):
        key = f"name:{normal_name(name)}"
    else:
        key = f"mention:{normal_name(name)}@{above}"  # an unresolved "he"
    return Voice(
        name=name or "(unnamed)",
        key=key,
        anonymous=anonymous,
        group=bool(source.get("group")),
        cue=cue,
        attribution_id=str(a.get("id")),
        uncertain=uncertain,
        resolution=source.get("resolution") or ("named" if source.get("entity") else None),
    )


def _polarity(a: dict[str, Any]) -> tuple[int, str | None]:
    """1 when the attribution asserts its content, -1 when it denies it, and why."""
    proposition = a.get("proposition")
    if isinstance(proposition, dict):
        return _proposition_polarity(proposition)
    cue = a.get("cue") or {}
    denying_cue = (cue.get("lemma") or "").lower() in DENIAL_CUES
    certainty = a.get("certainty") or {}
    negative = certainty.get("polarity") == "negative" or certainty.get("value") == "negated"
    words = (certainty.get("expression") or {}).get("text") if negative else None
    marker = _DENIAL_WORDS.search((a.get("content") or {}).get("text") or "")
    if marker and not negative:
        negative, words = True, marker.group(0)
    if denying_cue and negative:
        return 1, None  # "denied that it had no plans": two negations
    if denying_cue:
        return -1, cue.get("text")
    return (-1, words or "negated") if negative else (1, None)


def _proposition_polarity(proposition: dict[str, Any]) -> tuple[int, str | None]:
    """Read from the parse: negative when a negation or denial scopes over the predicate."""
    if proposition.get("polarity") != "negative":
        return 1, None
    words = (proposition.get("negated_by") or {}).get("text")
    return -1, words or proposition.get("frame") or "negated"


def _covered(a: dict[str, Any], children: list[dict[str, Any]]) -> float:
    """How much of ``a``'s content the contents of ``children`` cover (0 to 1)."""
    content = a.get("content") or {}
    start, end = content.get("start", 0), content.get("end", 0)
    if end <= start:
        return 0.0
    marked: set[int] = set()
    for child in children:
        inner = child.get("content") or {}
        marked.update(range(max(start, inner.get("start", 0)), min(end, inner.get("end", 0))))
    return len(marked) / (end - start)


def _content_entities(a: dict[str, Any], entities: list[dict[str, Any]]) -> list[str]:
    spans = (a.get("content") or {}).get("spans") or []
    found: list[str] = []
    for entity in entities:
        key = entity.get("canonical") or f"name:{normal_name(entity.get('name') or '')}"
        if entity.get("type") == "ANONYMOUS" or key in found:
            continue
        if any(s <= m[0] and m[1] <= e for m in entity.get("mentions") or [] for s, e in spans):
            found.append(key)
    return sorted(found)


def event_signature(event: dict[str, Any]) -> str:
    """``TYPE:actors>recipients`` with the participants' country or IGO codes."""
    actors = sorted({a.get("code") for a in event.get("actors") or [] if a.get("code")})
    recipients = sorted({r.get("code") for r in event.get("recipients") or [] if r.get("code")})
    return f"{event.get('type')}:{','.join(actors)}>{','.join(recipients)}"


def claim_facts(
    data: dict[str, Any], titles: list[dict[str, Any]] | None = None
) -> list[ClaimFacts]:
    """Every attribution of a stored analysis, in order, as the graph sees it, then what
    the article states in its own voice (``titles``: headline and standfirst statements
    read apart, as :class:`~sayso.model.Statement` dicts)."""
    attributions = [a for a in data.get("attributions") or [] if isinstance(a, dict)]
    by_id = {str(a.get("id")): a for a in attributions}
    entity_list = [e for e in data.get("entities") or [] if isinstance(e, dict)]
    entities = {str(e.get("id")): e for e in entity_list}
    events = {str(e.get("id")): e for e in data.get("events") or [] if isinstance(e, dict)}
    publisher = "pub:" + normal_name((data.get("article") or {}).get("publisher") or "")
    roles = _roles(attributions, by_id)
    facts = []
    for a in attributions:
        aid = str(a.get("id"))
        role, telling = roles[aid]
        polarity, denial = _polarity(a)
        facts.append(
            ClaimFacts(
                attribution_id=aid,
                role=role,
                content=(a.get("content") or {}).get("text") or "",
                telling_id=telling,
                chain=_chain(a, by_id, entities, publisher),
                polarity=polarity,
                denial=denial,
                entities=_content_entities(a, entity_list),
                events=sorted(
                    {event_signature(events[v]) for v in a.get("events") or [] if v in events}
                ),
            )
        )
        _proposition_facts(facts[-1], a.get("proposition"))
    statements = [s for s in data.get("statements") or [] if isinstance(s, dict)]
    for statement in [*(titles or []), *statements]:
        facts.append(_own_voice(statement, entity_list, events, publisher))
    return facts


def _proposition_facts(facts: ClaimFacts, proposition: Any) -> None:
    """The proposition's words and keys; "asked not to be named" is no claim."""
    if not isinstance(proposition, dict):
        facts.keys = blocking_keys(None, None, None, facts.events)
        return
    if proposition.get("frame") == "anonymity":
        facts.role = "empty"
    text = (proposition.get("text") or {}).get("text") or ""
    if len(_WORD.findall(text)) >= MIN_WORDS:
        facts.claim = text
    facts.keys = blocking_keys(
        proposition.get("subject_key"),
        proposition.get("predicate"),
        proposition.get("object"),
        facts.events,
    )


def _own_voice(
    statement: dict[str, Any],
    entities: list[dict[str, Any]],
    events: dict[str, dict[str, Any]],
    publisher: str,
) -> ClaimFacts:
    proposition = statement.get("proposition") or {}
    span = proposition.get("text") or {}
    text = span.get("text") or ""
    start, end = span.get("start", 0), span.get("end", 0)
    in_body = statement.get("kind") in {"lead", "event"}
    pseudo = {"content": {"spans": [[start, end]] if in_body else []}}
    asserted = sorted(
        {
            event_signature(e)
            for e in events.values()
            if in_body
            and e.get("attribution") is None
            and start <= (e.get("trigger") or {}).get("start", -1) < end
        }
    )
    polarity, denial = _proposition_polarity(proposition)
    found = _content_entities(pseudo, entities)
    if proposition.get("subject_key") and proposition["subject_key"] not in found:
        found = sorted([*found, proposition["subject_key"]])
    return ClaimFacts(
        attribution_id=str(statement.get("id")),
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
            proposition.get("subject_key"),
            proposition.get("predicate"),
            proposition.get("object"),
            asserted,
        ),
        statement=statement.get("kind"),
    )


def _is_attitude(a: dict[str, Any]) -> bool:
    lemma = ((a.get("cue") or {}).get("lemma") or "").lower()
    return a.get("nested_in") is not None and lemma in ATTITUDE_CUES


def _roles(
    attributions: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]
) -> dict[str, tuple[str, str | None]]:
    children: dict[str, list[dict[str, Any]]] = {}
    for a in attributions:
        if a.get("nested_in") is not None and not _is_attitude(a):
            children.setdefault(str(a["nested_in"]), []).append(a)
    roles: dict[str, tuple[str, str | None]] = {}
    for a in attributions:
        aid = str(a.get("id"))
        inner = children.get(aid, [])
        text = (a.get("content") or {}).get("text") or ""
        if _is_attitude(a):
            roles[aid] = ("attitude", str(a.get("nested_in")))
        elif inner and _covered(a, inner) >= CARRIER_COVER:
            widest = max(inner, key=lambda c: len((c.get("content") or {}).get("text") or ""))
            roles[aid] = ("carrier", str(widest.get("id")))
        elif len(_WORD.findall(text)) < MIN_WORDS:
            roles[aid] = ("empty", None)
        else:
            roles[aid] = ("telling", None)
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
    a: dict[str, Any],
    by_id: dict[str, dict[str, Any]],
    entities: dict[str, dict],
    publisher: str,
) -> list[Voice]:
    """The voices from the outermost teller down to ``a``'s speaker; a speaker quoting
    themselves ("I can already say…", Goncharenko wrote) is one voice, not two."""
    path, seen = [], set()
    current: dict[str, Any] | None = a
    while current is not None and str(current.get("id")) not in seen:
        seen.add(str(current.get("id")))
        if current is a or not _is_attitude(current):
            path.append(current)
        current = by_id.get(str(current.get("nested_in")))
    voices: list[Voice] = []
    for item in reversed(path):
        voice = _voice(item, entities, voices[-1].key if voices else publisher)
        if voices and voices[-1].key == voice.key:
            continue
        voices.append(voice)
    return voices
