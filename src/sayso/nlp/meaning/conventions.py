"""PLOVER's coding conventions on top of the act itself, and merging the clauses that
tell one event within an article."""

from __future__ import annotations

from sayso.model import Event, EventArgument, Modality
from sayso.nlp.meaning.clauses import Coded
from sayso.nlp.meaning.event_lexicon import CONTEXTS, COOPERATIVE, TYPE_CONTEXTS
from sayso.nlp.meaning.modality import Marker

HARMFUL = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})

RETREATING = frozenset({"AGREE", "RETREAT", "CONCEDE"})

FUTURE_MODALS = frozenset({"will", "would", "shall", "'ll", "’ll", "wo"})

_PROMISED = frozenset({Modality.PLANNED, Modality.CONDITIONAL, Modality.INTENDED})

_IRREALIS = frozenset({"planned", "intended", "possible", "probable", "hypothetical"})


def plover_type(
    action: str,
    modality: Modality,
    marker: Marker | None,
    condition: object,
    actors: list[EventArgument],
) -> str:
    """PLOVER's conventions on top of the act itself: promised or planned cooperation is
    AGREE; an announced future retreat is CONCEDE; a harmful act announced with "will",
    "would" or a condition is a THREATEN; cooperation refused ("will not accept") is
    REJECT; a military exercise by several actors is COOPERATE."""
    future = marker is not None and any(t.lower_ in FUTURE_MODALS for t in marker.tokens)
    if action == "MOBILIZE" and len({a.code or a.text for a in actors}) > 1:
        return "COOPERATE"
    if modality is Modality.DENIED and future and action in COOPERATIVE | RETREATING:
        return "REJECT"
    if action in HARMFUL and (condition is not None or (future and modality in _PROMISED)):
        return "THREATEN"
    if modality in {Modality.PLANNED, Modality.INTENDED}:
        if action in COOPERATIVE:
            return "AGREE"
        if action == "RETREAT":
            return "CONCEDE"
    return action


def contexts_of(coded: Coded) -> list[str]:
    found = []
    if coded.theme_class in CONTEXTS:
        found.append(CONTEXTS[coded.theme_class])
    default = TYPE_CONTEXTS.get(coded.sense.type)
    if default and default not in found:
        found.append(default)
    return found


def unique(recipients: list[EventArgument], actors: list[EventArgument]) -> list[EventArgument]:
    seen = {(a.entity_id or a.text) for a in actors}
    kept = []
    for recipient in recipients:
        key = recipient.entity_id or recipient.text
        if key not in seen:
            seen.add(key)
            kept.append(recipient)
    return kept


def merge_events(events: list[Event]) -> list[Event]:
    """One event per happening within the article (see the module docstring)."""
    merged: list[Event] = []
    # Only events of one act, actors and last source can be the same event: looking among
    # those alone keeps this linear in the events (it was quadratic: issue 21).
    by_key: dict[tuple, list[Event]] = {}
    for event in events:
        key = _merge_key(event)
        target = next((m for m in by_key.get(key, ()) if same_event(m, event)), None)
        if target is None:
            merged.append(event)
            if key is not None:
                by_key.setdefault(key, []).append(event)
            continue
        target.mentions.extend(event.mentions)
        known = {r.entity_id or r.code or r.text for r in target.recipients}
        target.recipients += [
            r for r in event.recipients if (r.entity_id or r.code or r.text) not in known
        ]
        target.location = target.location or event.location
        target.quantity = target.quantity or event.quantity
        target.time = target.time or event.time
    return merged


def _merge_key(event: Event) -> tuple | None:
    """What :func:`same_event` requires two events to share (none of it changes when
    another event is merged into one); None for an event it never merges."""
    if not event.actors or event.attribution is None:
        return None
    actors = frozenset(x.entity_id or x.text for x in event.actors)
    irrealis = str(event.modality) in _IRREALIS
    modality = None if irrealis else event.modality
    return event.action, actors, (event.according_to[-1:] or [None])[0], irrealis, modality


def same_event(a: Event, b: Event) -> bool:
    if a.action != b.action or not a.actors or not b.actors:
        return False
    if {x.entity_id or x.text for x in a.actors} != {x.entity_id or x.text for x in b.actors}:
        return False
    if (a.according_to[-1:] or [None]) != (b.according_to[-1:] or [None]):
        return False
    if a.attribution is None or b.attribution is None:
        return False
    same_class = (str(a.modality) in _IRREALIS) == (str(b.modality) in _IRREALIS)
    return same_class and (str(a.modality) in _IRREALIS or a.modality == b.modality)
