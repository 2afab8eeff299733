"""Entity pages and the speaker and entity filters on a store of N articles: median and p95
milliseconds of the real web app's answers, next to the substring queries they replaced,
measured side by side in one run.

    .venv/bin/python benchmarks/entity_pages.py --articles 10000

The store (a temporary SQLite file, or ``--db postgresql://…``, an empty database, analysed
after the fill as autovacuum would) is filled without the NLP:
each article has ten claims "NAME said that … NAME2 …", whose speakers are drawn from 2,000
people with a long tail (a few speak in thousands of articles, most in a handful), some
groups named after a person ("Donald Trump's doctors"), and contents that mention another
person half the time; entities carry the canonical keys the linker gives them
(``sayso.canon.names.person_key``). Every answer is asked for through the app in process
(``TestClient``: routing, queries, templates, no network), ``--repeat`` times for each of
four people: the most frequent speaker, one at the 90th percentile, a median one, and a
bare surname. The old way — names matched as substrings by correlated ``EXISTS`` over every
attribution, as before migration 0004 — is timed on the same store for the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi.testclient import TestClient
from sqlalchemy import and_, exists, func, literal, or_, select

from sayso.analyze import article_id
from sayso.canon.names import person_key
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
from sayso.store import open_store
from sayso.store.schema import articles, attributions, entities, mentions
from sayso.web import create_app

PER_ARTICLE = 10
PEOPLE = 2000
GIVEN = """Anna Boris Carla Daniel Elena Farid Greta Hugo Irina Jamal Karin Luis Maria Nikolai
Olga Pavel Quentin Rosa Sergei Tomas Ursula Viktor Wanda Xavier Yusuf Zofia Ahmed Beatriz
Chen Dmitri""".split()
SURNAMES = """Abbott Baptiste Castellanos Drummond Eriksen Fontaine Gallagher Hoffmann Ivanova
Jablonski Kowalczyk Lindqvist Moreau Novak Okafor Petrov Quintero Rasmussen Schneider Takahashi
Underwood Varga Whitfield Xu Yilmaz Zielinski Adeyemi Brennan Carvalho Dubois Esposito Fischer
Grigoryan Haddad Iglesias Jansen Kovacs Laurent Mendes Nakamura Oliveira Papadopoulos Rossi
Sandoval Tanaka Uchenna Vasquez Weber Yamamoto Zhang Albrecht Bianchi Costa Delgado Engel
Ferreira Gonzalez Horvat Ionescu Jovanovic Kaplan Lopez Marino Nielsen Ortega Pereira
Romano Suzuki Torres Urban Volkov Wagner""".split()


def people(rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < PEOPLE:
        names.add(f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}")
    return sorted(names)


def build(index: int, claims: list[tuple[str, str, str | None]]) -> Analysis:
    """An article of claims (speaker, entity type, a person the content mentions)."""
    text, found, attributions_ = f"Story {index}.", {}, []
    for n, (speaker, kind, mentioned) in enumerate(claims, 1):
        start = len(text) + 2
        content = f"the plan number {index * PER_ARTICLE + n} would go ahead"
        if mentioned:
            content = f"{mentioned} backed the plan number {index * PER_ARTICLE + n}"
        text += f"\n\n{speaker} said that {content}."
        speaker_entity = found.setdefault(speaker, _entity(len(found) + 1, speaker, kind))
        speaker_entity.mentions.append((start, start + len(speaker)))
        c_start = start + len(speaker) + len(" said that ")
        if mentioned:
            other = found.setdefault(mentioned, _entity(len(found) + 1, mentioned, "PERSON"))
            other.mentions.append((c_start, c_start + len(mentioned)))
        attributions_.append(
            Attribution(
                id=f"a{n}",
                kind=AttributionKind.INDIRECT,
                source=Source(
                    start,
                    start + len(speaker),
                    speaker,
                    entity=speaker,
                    entity_id=speaker_entity.id,
                    group=kind == "GROUP",
                ),
                cue=Cue(start + len(speaker) + 1, start + len(speaker) + 5, "said", "say"),
                content=Content(((c_start, c_start + len(content)),), content),
            )
        )
    day = f"20{18 + index % 7}-{1 + index % 12:02d}-{1 + index % 28:02d}"
    article = Article(
        id=article_id(text), text=text, publisher=f"Outlet {index % 40}", published=day
    )
    return Analysis(article=article, attributions=attributions_, entities=list(found.values()))


def _entity(n: int, name: str, kind: str) -> Entity:
    canonical = person_key(name) if kind == "PERSON" else "group:" + name.lower().replace(" ", "-")
    return Entity(id=f"e{n}", name=name, type=EntityType(kind), canonical=canonical)


def fill(url: str, n_articles: int, seed: int = 19, *, dry: bool = False) -> Counter[str]:
    """Fill the store (or with ``dry``, only draw the same speakers again)."""
    rng = random.Random(seed)
    names = people(rng)
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(names))]  # a long tail
    spoke: Counter[str] = Counter()
    with open_store(url) as store:
        for index in range(n_articles):
            claims = []
            for _ in range(PER_ARTICLE):
                speaker = rng.choices(names, weights)[0]
                kind = "PERSON"
                if rng.random() < 0.05:  # "Maria Novak's doctors": a group, not Maria Novak
                    speaker, kind = f"{speaker}'s {rng.choice(['doctors', 'aides'])}", "GROUP"
                mentioned = rng.choices(names, weights)[0] if rng.random() < 0.5 else None
                if mentioned == speaker:
                    mentioned = None
                claims.append((speaker, kind, mentioned))
                if kind == "PERSON":
                    spoke[speaker] += 1
            if not dry:
                store.add(build(index, claims))
    return spoke


def old_said(conn: Any, name: str, limit: int = 20) -> tuple[int, list[Any]]:
    """What the entity page did before migration 0004: entities by name or by the keys of
    same-named entities, in a correlated EXISTS over every attribution."""
    keys = [
        r[0]
        for r in conn.execute(
            select(entities.c.canonical)
            .where(func.lower(entities.c.name) == name.lower(), entities.c.canonical.is_not(None))
            .distinct()
        )
    ]
    speaker = entities.alias("speaker")
    match = or_(func.lower(speaker.c.name) == name.lower(), speaker.c.canonical.in_(keys))
    said = exists(
        select(literal(1)).where(
            speaker.c.article_id == attributions.c.article_id,
            speaker.c.id == attributions.c.source_entity_id,
            match,
        )
    )
    return _count_and_page(conn, said, limit)


def _count_and_page(conn: Any, condition: Any, limit: int) -> tuple[int, list[Any]]:
    base = (
        select(attributions.c.pk)
        .select_from(attributions.join(articles, articles.c.id == attributions.c.article_id))
        .where(articles.c.duplicate_of.is_(None), condition)
    )
    total = conn.execute(select(func.count()).select_from(base.subquery())).scalar_one()
    page = conn.execute(base.order_by(articles.c.published_day.desc()).limit(limit)).all()
    return total, page


def old_entity_filter(conn: Any, name: str, limit: int = 20) -> tuple[int, list[Any]]:
    """``?entity=`` before: a mention of an entity whose name contains the words."""
    mentioned = exists(
        select(literal(1))
        .select_from(
            mentions.join(
                entities,
                and_(
                    entities.c.article_id == mentions.c.article_id,
                    entities.c.id == mentions.c.entity_id,
                ),
            )
        )
        .where(
            mentions.c.article_id == attributions.c.article_id,
            mentions.c.start >= attributions.c.content_start,
            mentions.c.end <= attributions.c.content_end,
            func.lower(entities.c.name).contains(name.lower(), autoescape=True),
        )
    )
    return _count_and_page(conn, mentioned, limit)


def timed(calls: list[Any], repeat: int) -> dict[str, float]:
    """Median and p95 of wall-clock and CPU milliseconds over every call, ``repeat`` times
    each after one warm-up call. CPU time is this process's (the app and SQLite run in it):
    on a shared machine it moves less than the wall clock."""
    walls, cpus = [], []
    for call in calls:
        call()
        for _ in range(repeat):
            started, cpu = time.perf_counter(), time.process_time()
            call()
            walls.append((time.perf_counter() - started) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
    walls.sort()
    return {
        "requests": len(walls),
        "median_ms": round(statistics.median(walls), 1),
        "p95_ms": round(walls[min(len(walls) - 1, int(0.95 * len(walls)))], 1),
        "median_cpu_ms": round(statistics.median(cpus), 1),
    }


ENDPOINTS = {
    "entity page": "/entity/{}",
    "entity API": "/api/entities/{}",
    "/claims?entity=": "/claims?entity={}",
    "/api/claims?entity=": "/api/claims?entity={}",
    "/api/claims?speaker=": "/api/claims?speaker={}",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=30, help="speakers timed, drawn at random")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", help="a PostgreSQL URL (an empty database) instead of SQLite")
    parser.add_argument(
        "--keep", type=Path, help="a SQLite file to fill once and reuse on later runs"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "entities.db"
        url = args.db or f"sqlite:///{path}"
        started = time.monotonic()
        reuse = args.keep is not None and args.keep.exists()
        spoke = fill(url, args.articles, dry=reuse)
        filled = time.monotonic() - started
        if url.startswith("postgresql"):
            # What autovacuum does within a minute of a large ingest: the planner's
            # statistics (without them it joins every article to every claim).
            with open_store(url) as store, store.engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
                conn.commit()
        rng = random.Random(7)
        ranked = [name for name, _ in spoke.most_common()]
        # An analyst clicks any name: drawn uniformly from the people who speak, plus a
        # bare surname; the three most frequent speakers are timed apart.
        sample = rng.sample(ranked[3:], min(args.sample, len(ranked) - 3))
        sample.append(rng.choice(ranked).split()[-1].lower())
        heaviest = ranked[:3]
        app = create_app(url)
        results: dict[str, Any] = {}
        with TestClient(app) as client:
            store = app.state.sayso.store

            def get(path: str) -> Any:
                def call() -> None:
                    response = client.get(path)
                    assert response.status_code == 200, (path, response.status_code)

                return call

            for label, names in (("sample", sample), ("three most frequent", heaviest)):
                row: dict[str, Any] = {
                    "speakers": len(names),
                    "claims per speaker (median)": statistics.median(
                        store.count_claims(speaker=name) for name in names
                    ),
                }
                for endpoint, pattern in ENDPOINTS.items():
                    calls = [get(pattern.format(quote(name, safe=""))) for name in names]
                    row[endpoint] = timed(calls, args.repeat)
                # The queries they replaced, on the same store, for the ratio.
                before = names[:10]
                with store.engine.connect() as conn:
                    row["before: said (EXISTS)"] = timed(
                        [lambda n=name: old_said(conn, n) for name in before], 1
                    )
                    row["before: ?entity= (substring)"] = timed(
                        [lambda n=name: old_entity_filter(conn, n) for name in before], 1
                    )
                results[label] = row
            results["/claims, no filter (facets)"] = timed([get("/claims")], args.repeat * 5)
            n_claims = store.count_claims()
        app.state.sayso.store.close()
    print(
        json.dumps(
            {
                "articles": args.articles,
                "claims": n_claims,
                "backend": url.split(":", 1)[0],
                "filled_s": round(filled, 1),
                "machine": f"{platform.processor() or platform.machine()}, "
                f"{os.cpu_count()} cores, Python {platform.python_version()}, "
                f"load average {os.getloadavg()[0]:.1f}",
                "results": results,
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
