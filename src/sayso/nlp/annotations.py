"""What sayso's components leave on a Doc, and how an analysis is read back from it.

A processed Doc carries sayso's results in two spaCy-native forms, both serialisable with
the Doc (``Doc.to_bytes``, ``DocBin(store_user_data=True)``, ``nlp.pipe(n_process=2)``):

- **records**: Doc extensions holding the JSON form of the data model (``sayso.model``,
  schema ``sayso/3``): plain dicts, lists, strings and numbers, which msgpack writes as they
  are. ``doc._.sayso_attributions``, ``sayso_entities``, ``sayso_times``, ``sayso_events``,
  ``sayso_statements`` (what the article states in its own voice);
  ``doc._.sayso_quotes`` (the quotations, ``[start, end]`` character offsets) and
  ``doc._.sayso_published`` (the publication date the times are resolved against, set
  before the pipeline runs).
- **spans** in ``doc.spans``, for displaCy, ``Span`` methods and spaCy's scorers, each span
  expanded to the tokens it touches: ``sayso_cues``, ``sayso_sources``, ``sayso_contents``
  (one span per piece of a split quote), ``sayso_entities`` (every mention),
  ``sayso_times`` and ``sayso_events`` (each mention's trigger). A span's ``id_`` is the id
  of its record (attribution ``a3``, entity ``e2``, event ``v1``); its ``label_`` the kind
  (``DIRECT``, ``NAMED``, ``PERSON``, ``DATE``, ``MOBILIZE``); its ``kb_id_`` the identity
  it resolves to (a source's entity id, an entity's canonical key, a time's value).

The records are what counts: they keep exact character offsets where a span had to grow
to whole tokens, and :func:`to_analysis` reads the typed :class:`~sayso.model.Analysis`
from them.

Between components of one process, the typed objects the records were written from are
kept aside (:func:`annotations`), in a table keyed weakly by the Doc, with the attribution
candidates the speaker resolver reads: nothing but records is stored on the Doc, and no
component pays for turning records back into objects. A Doc that comes from elsewhere (a
DocBin, another process, ``doc.copy()``) is read from its records, and its candidates are
found again (:func:`attribution_candidates`).
"""

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, is_dataclass
from typing import Any

from spacy.tokens import Doc, Span

from sayso.model import (
    Analysis,
    Article,
    Attribution,
    Entity,
    Event,
    InputWarning,
    RemovedPiece,
    Statement,
    TimeExpression,
    article_id,
)
from sayso.nlp.candidates import Candidate
from sayso.serial import load_analysis, record
from sayso.serial import records as serial_records

# Doc extensions: the records.
ATTRIBUTIONS = "sayso_attributions"
ENTITIES = "sayso_entities"
TIMES = "sayso_times"
EVENTS = "sayso_events"
STATEMENTS = "sayso_statements"
QUOTES = "sayso_quotes"
PUBLISHED = "sayso_published"
DOC_EXTENSIONS = (ATTRIBUTIONS, ENTITIES, TIMES, EVENTS, STATEMENTS, QUOTES, PUBLISHED)
# Span extension (a getter, not stored): the article entity a span mentions.
SPAN_ENTITY = "sayso_entity"

# Span groups (doc.spans).
CUES = "sayso_cues"
SOURCES = "sayso_sources"
CONTENTS = "sayso_contents"
ENTITY_MENTIONS = "sayso_entities"
TIME_SPANS = "sayso_times"
EVENT_TRIGGERS = "sayso_events"
SPAN_GROUPS = (CUES, SOURCES, CONTENTS, ENTITY_MENTIONS, TIME_SPANS, EVENT_TRIGGERS)

Record = dict[str, Any]


class ExtensionTaken(RuntimeError):
    """Another library registered one of sayso's extension names with another meaning."""


def register_extensions() -> None:
    """Register sayso's Doc and Span extensions. A name some other library registered
    differently is an error, not a silent skip: sayso would read that library's values."""
    for name in DOC_EXTENSIONS:
        _claim(Doc, name, (None, None, None, None), default=None)
    _claim(Span, SPAN_ENTITY, (None, None, _span_entity, None), getter=_span_entity)


def _claim(cls: type[Doc] | type[Span], name: str, wanted: tuple[Any, ...], **how: Any) -> None:
    if not cls.has_extension(name):
        cls.set_extension(name, **how)
        return
    if not _same_extension(cls.get_extension(name), wanted):
        raise ExtensionTaken(
            f"{cls.__name__}._.{name} is already registered, not by sayso; sayso writes its "
            f"results there. Remove the other registration ({cls.__name__}.remove_extension"
            f"({name!r})) before importing sayso.nlp."
        )


def _same_extension(found: tuple[Any, ...], wanted: tuple[Any, ...]) -> bool:
    # A getter is the same when it is the same function, even of a reloaded module.
    def key(part: Any) -> Any:
        return (part.__module__, part.__qualname__) if callable(part) else part

    return [key(p) for p in found] == [key(p) for p in wanted]


def _span_entity(span: Span) -> Entity | None:
    """``span._.sayso_entity``: the article entity this span mentions, if any."""
    from sayso.canon.entities import MentionIndex

    return MentionIndex(annotations(span.doc).entities).at(span.start_char, span.end_char)


# -- the typed objects behind the records ---------------------------------------------------


@dataclass(slots=True, eq=False)
class Annotations:
    """The typed objects a Doc's records were written from (or read back into).

    Never holds the Doc itself (the table that keeps these is keyed weakly by the Doc).
    """

    attributions: list[Attribution] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)  # the publisher's own voice
    # The candidates ``attributions`` were built from; None when they are not known here.
    candidates: list[Candidate] | None = None
    # The record lists last written: while the Doc holds these very lists, the objects
    # above are what they say.
    written: tuple[object, ...] = ()


_KEPT: weakref.WeakKeyDictionary[Doc, Annotations] = weakref.WeakKeyDictionary()


def _records(doc: Doc) -> tuple[object, ...]:
    return (
        doc._.sayso_attributions,
        doc._.sayso_entities,
        doc._.sayso_times,
        doc._.sayso_events,
        doc._.sayso_statements,
    )


def annotations(doc: Doc) -> Annotations:
    """The typed objects of ``doc``'s records: those the components wrote them from, else
    read from the records (an empty set for a Doc sayso has not processed)."""
    kept = _KEPT.get(doc)
    if kept is not None and _same_lists(kept.written, _records(doc)):
        return kept
    data = load_analysis(
        {
            "article": {"id": "", "text": doc.text},
            "attributions": doc._.sayso_attributions or [],
            "entities": doc._.sayso_entities or [],
            "times": doc._.sayso_times or [],
            "events": doc._.sayso_events or [],
            "statements": doc._.sayso_statements or [],
        }
    )
    found = Annotations(data.attributions, data.entities, data.times, data.events, data.statements)
    found.written = _records(doc)
    _KEPT[doc] = found
    return found


def _same_lists(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def _keep(doc: Doc, kept: Annotations) -> None:
    kept.written = _records(doc)
    _KEPT[doc] = kept


def attribution_candidates(doc: Doc) -> list[Candidate]:
    """The attribution candidates of ``doc`` (processed by ``sayso_attributions``): those
    the component found, or found again from the Doc's tokens, which it left as they were
    when it read them."""
    kept = annotations(doc)
    if kept.candidates is None:
        from sayso.nlp.attributions import find_candidates
        from sayso.nlp.text import QuoteIndex, text_of

        kept.candidates = find_candidates(doc, QuoteIndex(text_of(doc)))
    return kept.candidates


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """The quotations ``sayso_attributions`` found, as ``(start, end)`` character offsets."""
    return [(int(start), int(end)) for start, end in doc._.sayso_quotes or []]


# -- writing ---------------------------------------------------------------------------------


def write_attributions(doc: Doc, kept: Annotations, fields: Sequence[str] = ()) -> None:
    """Write ``kept.attributions`` to the Doc: all of it, or (``fields``) only those fields
    of records that are already there for the same attributions."""
    records: list[Record] | None = doc._.sayso_attributions
    if fields and records is not None and _same_ids(records, kept.attributions):
        for record, attribution in zip(records, kept.attributions, strict=True):
            for name in fields:
                record[name] = _plain(getattr(attribution, name))
        if "source" in fields:
            doc.spans[SOURCES] = _source_spans(doc, kept.attributions)
    else:
        doc._.sayso_attributions = serial_records(kept.attributions)
        doc.spans[CUES] = _cue_spans(doc, kept.attributions)
        doc.spans[SOURCES] = _source_spans(doc, kept.attributions)
        doc.spans[CONTENTS] = _content_spans(doc, kept.attributions)
    _keep(doc, kept)


def write_entities(doc: Doc, kept: Annotations, fields: Sequence[str] = ()) -> None:
    """Write ``kept.entities`` to the Doc: all of it, or (``fields``) only those fields of
    records that are already there for the same entities."""
    records: list[Record] | None = doc._.sayso_entities
    if fields and records is not None and _same_ids(records, kept.entities):
        for record, entity in zip(records, kept.entities, strict=True):
            for name in fields:
                record[name] = _plain(getattr(entity, name))
    else:
        doc._.sayso_entities = serial_records(kept.entities)
    if not fields or {"type", "canonical", "mentions"} & set(fields):
        doc.spans[ENTITY_MENTIONS] = _entity_spans(doc, kept.entities)
    _keep(doc, kept)


def write_times(doc: Doc, kept: Annotations) -> None:
    doc._.sayso_times = serial_records(kept.times)
    spans = ((t.start, t.end, t.type.upper(), "", t.value or "") for t in kept.times)
    doc.spans[TIME_SPANS] = _spans(doc, spans)
    _keep(doc, kept)


def write_events(doc: Doc, kept: Annotations) -> None:
    doc._.sayso_events = serial_records(kept.events)
    doc.spans[EVENT_TRIGGERS] = _spans(doc, _event_triggers(kept.events))
    _keep(doc, kept)


def write_statements(doc: Doc, kept: Annotations) -> None:
    doc._.sayso_statements = serial_records(kept.statements)
    _keep(doc, kept)


def _same_ids(records: list[Record], items: Sequence[Attribution | Entity]) -> bool:
    return len(records) == len(items) and all(
        r.get("id") == item.id for r, item in zip(records, items, strict=True)
    )


def _plain(value: Any) -> Any:
    """A field's record form, as :func:`sayso.serial.record` writes it in a whole record."""
    if is_dataclass(value):
        return record(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


SpanSpec = tuple[int, int, str, str, str]  # start, end, label, id, kb_id


def _spans(doc: Doc, specs: Iterable[SpanSpec]) -> list[Span]:
    """Spans over the tokens each character range touches (none for a range of no token)."""
    found: list[Span] = []
    strings = doc.vocab.strings
    hashes: dict[str, int] = {}  # each string hashed once (a Span given str hashes them again)
    for start, end, *names in specs:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        label, span_id, kb_id = (
            hashes[n] if n in hashes else hashes.setdefault(n, strings.add(n)) for n in names
        )
        found.append(Span(doc, span.start, span.end, label=label, kb_id=kb_id, span_id=span_id))
    return found


def _cue_spans(doc: Doc, attributions: list[Attribution]) -> list[Span]:
    return _spans(
        doc,
        (
            (a.cue.start, a.cue.end, a.kind.upper(), a.id, "")
            for a in attributions
            if a.cue is not None
        ),
    )


def _source_spans(doc: Doc, attributions: list[Attribution]) -> list[Span]:
    specs = (
        (s.start, s.end, s.resolution.upper(), a.id, s.entity_id or "")
        for a in attributions
        if (s := a.source) is not None
    )
    return _spans(doc, specs)


def _content_spans(doc: Doc, attributions: list[Attribution]) -> list[Span]:
    specs = (
        (start, end, a.kind.upper(), a.id, "")
        for a in attributions
        for start, end in a.content.spans
    )
    return _spans(doc, specs)


def _entity_spans(doc: Doc, entities: list[Entity]) -> list[Span]:
    specs = (
        (start, end, e.type, e.id, e.canonical or "") for e in entities for start, end in e.mentions
    )
    return _spans(doc, sorted(specs))


def _event_triggers(events: list[Event]) -> Iterable[SpanSpec]:
    for event in events:
        pieces = [(m.start, m.end) for m in event.mentions] or [
            (event.trigger.start, event.trigger.end)
        ]
        for start, end in pieces:
            yield start, end, event.type, event.id, ""


# -- reading ---------------------------------------------------------------------------------


def to_analysis(
    doc: Doc,
    article: Article | None = None,
    removed: Iterable[RemovedPiece] = (),
    warnings: Iterable[InputWarning] = (),
) -> Analysis:
    """The analysis of a Doc processed by sayso's components: its records as the typed
    model. ``article`` defaults to the Doc's text (with its id); ``removed`` and
    ``warnings`` are what the cleaner found before the Doc was made."""
    kept = annotations(doc)
    return Analysis(
        article=article or Article(id=article_id(doc.text), text=doc.text),
        removed=list(removed),
        attributions=list(kept.attributions),
        entities=list(kept.entities),
        events=list(kept.events),
        times=list(kept.times),
        warnings=list(warnings),
        statements=list(kept.statements),
    )


def published_date(doc: Doc) -> str | None:
    return doc._.sayso_published


def set_published(doc: Doc, published: str | None) -> None:
    """The publication date (ISO) relative times are resolved against."""
    doc._.sayso_published = published


register_extensions()
