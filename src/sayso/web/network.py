"""Who cites whom across the store: for a person or organisation, the speakers whose words
it passes on ("Goncharenko wrote that sources close to Macron said…": Goncharenko cites
the sources) and the speakers and outlets that pass its words on (RT cites Goncharenko).

Read from the claim graph's chains (``graph_claims.chain``, written by ``sayso link``):
each attribution's chain lists its voices outermost first, so in a chain ``A → B`` the
voice ``A`` cites ``B``, and the article's publisher cites the outermost voice. Each
citation is counted once, on the attribution whose own speaker is the cited voice (a
longer chain repeats its outer links). The entity is every stored entity its name stands
for (:mod:`sayso.store.matching`), the same rule as the speaker filter.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select, tuple_
from sqlalchemy.engine import Connection

from sayso.graph.tellings import normal_name
from sayso.store import Store
from sayso.store.matching import EntityQuery
from sayso.store.schema import articles, attributions, entities, graph_articles, graph_claims

EXAMPLES = 3  # claims shown for each link


@dataclass(slots=True)
class Link:
    """One party the entity cites, or that cites it, and how often."""

    key: str
    name: str
    kind: str  # speaker or publisher
    anonymous: bool = False
    claims: int = 0
    articles: set[str] = field(default_factory=set)
    examples: list[tuple[str, str, str]] = field(default_factory=list)  # article, claim, words
    names: Counter[str] = field(default_factory=Counter)

    def add(self, name: str, article_id: str, attribution_id: str) -> None:
        self.claims += 1
        self.names[name] += 1
        self.articles.add(article_id)
        if len(self.examples) < EXAMPLES:
            self.examples.append((article_id, attribution_id, ""))

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "kind": self.kind,
            "anonymous": self.anonymous,
            "claims": self.claims,
            "articles": len(self.articles),
            "examples": [
                {"article_id": a, "attribution_id": c, "content": words}
                for a, c, words in self.examples
            ],
        }


@dataclass(slots=True)
class Network:
    """The entity's citations across the store, both ways."""

    name: str
    keys: list[str]
    claims: int = 0  # the entity's own claims in the graph
    cites: list[Link] = field(default_factory=list)
    cited_by: list[Link] = field(default_factory=list)
    linked_articles: int = 0
    pending_articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "keys": self.keys,
            "claims": self.claims,
            "cites": [link.to_dict() for link in self.cites],
            "cited_by": [link.to_dict() for link in self.cited_by],
            "linked_articles": self.linked_articles,
            "pending_articles": self.pending_articles,
        }


def voice_keys(conn: Connection, name: str) -> list[str]:
    """The keys the claim graph gives the voices of the entity ``name`` stands for
    (``sayso.graph.tellings``): the canonical key, or ``name:`` and the name for an entity
    without one; and for unnamed sources, keyed by whoever quotes them, the start of
    their key (``anon:sources close to macron@``), which ends in ``@``."""
    who = EntityQuery.parse(conn, name)
    rows = conn.execute(
        select(entities.c.name, entities.c.canonical).where(who.condition(entities)).distinct()
    )
    keys: set[str] = set()
    for entity, canonical in rows:
        keys.add(canonical or f"name:{normal_name(entity)}")
        keys.add(f"anon:{normal_name(entity)}@")
    return sorted(keys)


class _Keys:
    """Whether a voice key is one of the entity's: equal, or starting with an ``@`` key."""

    def __init__(self, keys: list[str]) -> None:
        self.exact = {k for k in keys if not k.endswith("@")}
        self.prefixes = tuple(k for k in keys if k.endswith("@"))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self.exact or key.startswith(self.prefixes))


def entity_network(store: Store, name: str, *, limit: int = 25) -> Network | None:
    """Who ``name`` cites and who cites it, the most frequent first (``limit`` of each);
    None when no stored entity is ``name``."""
    with store.engine.connect() as conn:
        keys = voice_keys(conn, name)
        if not keys:
            return None
        network = Network(name=name, keys=keys)
        network.linked_articles = conn.execute(
            select(func.count()).select_from(graph_articles)
        ).scalar_one()
        network.pending_articles = (
            conn.execute(select(func.count()).select_from(articles)).scalar_one()
            - network.linked_articles
        )
        # The chains naming one of the keys (as JSON: the key's exact quoted form), read
        # precisely below; LIKE only narrows them down.
        wanted = or_(
            *(
                graph_claims.c.chain.contains('"key": ' + _quoted_start(key), autoescape=True)
                for key in keys
            )
        )
        statement = (
            select(
                graph_claims.c.article_id,
                graph_claims.c.attribution_id,
                graph_claims.c.chain,
                articles.c.publisher,
            )
            .select_from(graph_claims.join(articles, articles.c.id == graph_claims.c.article_id))
            .where(wanted)
            .order_by(graph_claims.c.article_id, graph_claims.c.attribution_id)
        )
        cites: dict[str, Link] = {}
        cited_by: dict[str, Link] = {}
        for row in conn.execute(statement):
            _read_chain(row, _Keys(keys), network, cites, cited_by)
        network.cites = _ranked(cites, limit)
        network.cited_by = _ranked(cited_by, limit)
        _fill_examples(conn, [*network.cites, *network.cited_by])
    return network


def _quoted_start(key: str) -> str:
    """How ``key`` starts in the stored JSON: quoted, and closed unless it is a prefix."""
    quoted = json.dumps(key, ensure_ascii=False)
    return quoted[:-1] if key.endswith("@") else quoted


def _read_chain(
    row: Any, keys: _Keys, network: Network, cites: dict[str, Link], cited_by: dict[str, Link]
) -> None:
    try:
        chain = json.loads(row.chain)
    except ValueError:
        return
    voices = [v for v in chain if isinstance(v, dict) and isinstance(v.get("key"), str)]
    for i, voice in enumerate(voices):
        if voice.get("attribution_id") != row.attribution_id:
            continue  # an outer link of a longer chain: counted on its own attribution
        if voice["key"] in keys:
            network.claims += 1
            # Who passes the entity's claim on: the voice above it, else the publisher.
            if i == 0:
                publisher = row.publisher or "(unknown publisher)"
                key = "pub:" + normal_name(publisher)
                link = cited_by.setdefault(key, Link(key, publisher, "publisher"))
                link.add(publisher, row.article_id, row.attribution_id)
            elif voices[i - 1]["key"] not in keys:
                above = voices[i - 1]
                link = cited_by.setdefault(above["key"], _speaker_link(above))
                link.add(str(above.get("name")), row.article_id, row.attribution_id)
        elif i > 0 and voices[i - 1]["key"] in keys:
            # The entity passes this voice's claim on.
            link = cites.setdefault(voice["key"], _speaker_link(voice))
            link.add(str(voice.get("name")), row.article_id, row.attribution_id)


def _fill_examples(conn: Connection, links: list[Link]) -> None:
    """The words of each example claim, in one query."""
    wanted = {(a, c) for link in links for a, c, _ in link.examples}
    if not wanted:
        return
    rows = conn.execute(
        select(attributions.c.article_id, attributions.c.id, attributions.c.content).where(
            tuple_(attributions.c.article_id, attributions.c.id).in_(sorted(wanted))
        )
    )
    words = {(a, c): content for a, c, content in rows}
    for link in links:
        link.examples = [(a, c, words.get((a, c), "")) for a, c, _ in link.examples]


def _speaker_link(voice: dict[str, Any]) -> Link:
    return Link(
        key=voice["key"],
        name=str(voice.get("name") or "(unnamed)"),
        kind="speaker",
        anonymous=bool(voice.get("anonymous")),
    )


def _ranked(links: dict[str, Link], limit: int) -> list[Link]:
    for link in links.values():
        if link.kind == "speaker" and link.names:
            link.name = link.names.most_common(1)[0][0]
    ranked = sorted(links.values(), key=lambda link: (-link.claims, link.name.lower()))
    return ranked[:limit]
