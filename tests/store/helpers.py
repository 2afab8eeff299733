"""Analyses built by hand for store tests: exact control, no NLP."""

from __future__ import annotations

from sayso.analyze import article_id
from sayso.model import (
    Analysis,
    Article,
    Attribution,
    AttributionKind,
    Content,
    Cue,
    Entity,
    EntityType,
    Source,
)
from sayso.serial import record


def claim_text(speaker: str, cue: str, content: str) -> str:
    return f"{speaker} {cue} that {content}."


def make_analysis(
    claims: list[tuple[str, str, str]],
    *,
    filler: str = "",
    publisher: str | None = "Example News",
    published: str | None = "2024-03-21",
    title: str | None = "A title",
    url: str | None = None,
    nested: dict[int, int] | None = None,
) -> Analysis:
    """One article whose sentences are ``SPEAKER CUE that CONTENT.``, with exact spans."""
    text = filler
    attributions, entities = [], {}
    for index, (speaker, cue, content) in enumerate(claims):
        if text:
            text += "\n\n"
        start = len(text)
        sentence = claim_text(speaker, cue, content)
        text += sentence
        s_start, s_end = start, start + len(speaker)
        c_start = s_end + 1
        c_end = c_start + len(cue)
        t_start = c_end + len(" that ")
        t_end = t_start + len(content)
        entity = entities.setdefault(
            speaker, Entity(id=f"e{len(entities) + 1}", name=speaker, type=EntityType.PERSON)
        )
        entity.mentions.append((s_start, s_end))
        attributions.append(
            Attribution(
                id=f"a{index + 1}",
                kind=AttributionKind.INDIRECT,
                source=Source(s_start, s_end, speaker, entity=speaker, entity_id=entity.id),
                cue=Cue(c_start, c_end, cue, cue),
                content=Content(spans=((t_start, t_end),), text=content),
            )
        )
        for name, other in entities.items():
            at = content.find(name)
            if at >= 0 and other is not entity:
                other.mentions.append((t_start + at, t_start + at + len(name)))
    for inner, outer in (nested or {}).items():
        attributions[inner].nested_in = attributions[outer].id
    article = Article(
        id=article_id(text),
        text=text,
        url=url,
        title=title,
        publisher=publisher,
        published=published,
    )
    return Analysis(article=article, attributions=attributions, entities=list(entities.values()))


LONG_STORY = " ".join(
    f"Paragraph {i} of the wire report describes the {word} talks between the delegations "
    f"in the capital, where officials met for the {i}th time this year."
    for i, word in enumerate(
        [
            "border",
            "trade",
            "energy",
            "water",
            "fishing",
            "customs",
            "grain",
            "transit",
            "visa",
            "railway",
            "port",
            "pipeline",
            "tariff",
            "airspace",
            "bridge",
            "harbour",
        ]
    )
)


def insert_as_of(engine, analysis: Analysis) -> None:
    """Store ``analysis`` the way an older sayso did: only the columns the database's
    current (older) schema has, so a test can then migrate it forward."""
    from sqlalchemy import inspect, text

    from sayso.store.neardup import content_hash, normalised_hash
    from sayso.store.rows import article_row, attribution_rows, entity_rows, removed_rows

    data = record(analysis)
    body = analysis.article.text
    hashes = {"content_hash": content_hash(body), "norm_hash": normalised_hash(body)}
    entity_list, mention_list = entity_rows(data)
    tables = (
        ("articles", [article_row(data, **hashes)]),
        ("removed", removed_rows(data)),
        ("entities", entity_list),
        ("mentions", mention_list),
        ("attributions", attribution_rows(data)),
    )
    inspector = inspect(engine)
    with engine.begin() as conn:
        for table, rows in tables:
            have = {c["name"] for c in inspector.get_columns(table)}
            for row in rows:
                kept = {k: v for k, v in row.items() if k in have}
                names = ", ".join(f'"{k}"' for k in kept)
                values = ", ".join(f":{k}" for k in kept)
                conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({values})"), kept)
