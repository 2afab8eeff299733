"""kill -9 campaign: ``sayso ingest`` killed at random points, then run again until it
finishes; the store must end up exactly as after one uninterrupted run.

    python -m fuzz.crash --runs 20 --db sqlite
    python -m fuzz.crash --runs 20 --db postgresql://sayso@127.0.0.1:54343/sayso_test

Each run starts from an empty store and kills the ingest one to three times before letting
it finish. A kill lands either at a random SQL statement or commit of the baseline run (so
inside the schema migration, inside an article's transaction, at a commit, during linking)
or after a random delay (startup, analysis, the embedding model loading). After each kill
the store is checked (SQLite integrity, no half-created schema); at the end its fingerprint
is compared with the uninterrupted run's. The child process is this module in ``child``
mode: it counts statements through a SQLAlchemy event and SIGKILLs itself at the chosen one.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine

KILL_AT = "SAYSO_CRASH_KILL_AT"  # the statement (1-based) at which the child kills itself
LOG = "SAYSO_CRASH_LOG"  # where the child writes its statement count, or what it was doing
MAX_PAGES = "SAYSO_CRASH_MAX_PAGES"  # a SQLite page limit: a disk that fills up
# Articles per linking transaction: small, so that a kill during linking lands between
# committed batches too, and the next run must go on from there.
LINK_BATCH = "SAYSO_CRASH_LINK_BATCH"
N_ARTICLES = 12
SCORE_TOLERANCE = 1e-3


# -- the dataset and the fingerprint -------------------------------------------------------


def write_dataset(path: Path, n_articles: int = N_ARTICLES) -> Path:
    """Sample articles, a near-duplicate of the first, a bad line and a record with no text."""
    sample = resources.files("sayso.data") / "sample" / "wikinews.jsonl"
    records = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines()]
    chosen = records[:n_articles]
    copy = dict(chosen[0], id="copy", text="UPDATED: " + chosen[0]["text"] + "\n\nMore soon.")
    lines = [json.dumps(r) for r in chosen[:6]]
    lines += [json.dumps(copy), "{not json", json.dumps({"id": "empty", "text": " "})]
    lines += [json.dumps(r) for r in chosen[6:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


_ARTICLE_QUERIES = {
    "articles": "SELECT id, content_hash, norm_hash, duplicate_of, title, published, "
    "input FROM articles",
    "attributions": "SELECT article_id, id, kind, source_entity, source_text, cue, "
    "content, content_spans, nested_in FROM attributions",
    "entities": "SELECT article_id, id, name, type, roles FROM entities",
    "mentions": 'SELECT article_id, entity_id, seq, start, "end" FROM mentions',
    "removed": 'SELECT article_id, seq, kind, start, "end" FROM removed',
    "bands": "SELECT band, key, article_id FROM minhash_bands",
    "failures": "SELECT item, input, error FROM failures",
}
# Cluster ids are surrogate keys (a PostgreSQL sequence skips the ids of a rolled-back
# batch), so a cluster is named by its first member.
_GRAPH_CLAIMS = (
    "SELECT article_id, attribution_id, role, cluster_id, telling_id, polarity, denial, "
    "origin_key, origin_name, origin_anonymous, depth, chain, entities, events, score "
    "FROM graph_claims"
)
_GRAPH_EVENTS = (
    "SELECT article_id, event_id, cluster_id, type, action, predicate, trigger, codes, day, "
    "probability FROM graph_events"
)


def fingerprint(url: str, *, graph: bool = True) -> dict[str, Any]:
    """Everything an ingest run decides, without timestamps or surrogate keys."""
    engine = create_engine(_driver_url(url))
    try:
        with engine.connect() as conn:
            result: dict[str, Any] = {
                name: sorted(tuple(row) for row in conn.execute(text(sql)))
                for name, sql in _ARTICLE_QUERIES.items()
            }
            result["distinct texts"] = conn.execute(
                text("SELECT count(DISTINCT norm_hash) FROM articles")
            ).scalar_one()
            if graph:
                result["linked"] = sorted(
                    conn.execute(text("SELECT article_id FROM graph_articles")).scalars()
                )
                result["claims"] = _clustered(conn.execute(text(_GRAPH_CLAIMS)), 3, 14)
                result["events"] = _clustered(conn.execute(text(_GRAPH_EVENTS)), 2, 9)
    finally:
        engine.dispose()
    return result


def _clustered(rows: Any, cluster_at: int, score_at: int) -> dict[str, Any]:
    """Rows with each cluster named by its first member, and their scores apart."""
    rows = [list(row) for row in rows]
    first: dict[Any, tuple] = {}
    for row in sorted(rows, key=lambda r: (r[0], r[1])):
        if row[cluster_at] is not None:
            first.setdefault(row[cluster_at], (row[0], row[1]))
    scores = {}
    for row in rows:
        row[cluster_at] = first.get(row[cluster_at])
        scores[f"{row[0]}/{row[1]}"] = row.pop(score_at)
    return {"rows": sorted((tuple(str(v) for v in row) for row in rows), key=str), "scores": scores}


def differences(found: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """The parts of two fingerprints that differ. A resumed linking run reads the vectors
    back as stored (float16) where an uninterrupted one had them in memory, so scores may
    differ in the fourth decimal: they are compared within ``SCORE_TOLERANCE``."""
    differ = []
    for key in sorted(set(found) | set(expected)):
        a, b = found.get(key), expected.get(key)
        if isinstance(a, dict) and isinstance(b, dict) and "scores" in a:
            if a["rows"] != b["rows"] or not _close(a["scores"], b["scores"]):
                differ.append(key)
        elif a != b:
            differ.append(key)
    return differ


def _close(a: dict[str, float | None], b: dict[str, float | None]) -> bool:
    if a.keys() != b.keys():
        return False
    return all(
        (a[k] is None) == (b[k] is None) and abs((a[k] or 0.0) - (b[k] or 0.0)) <= SCORE_TOLERANCE
        for k in a
    )


def _driver_url(url: str) -> str:
    from sayso.store import normalise_url

    return normalise_url(url).render_as_string(hide_password=False)


# -- the child: sayso with a kill switch ---------------------------------------------------


def child(argv: list[str]) -> None:
    """Run ``sayso ARGV``, killing itself at statement $SAYSO_CRASH_KILL_AT (0: never).

    $SAYSO_CRASH_LOG holds the phase the run is in (and, after a kill at a statement, that
    statement); on a normal exit, ``LOG.count`` holds the number of statements run."""
    kill_at = int(os.environ.get(KILL_AT, "0"))
    log = Path(os.environ[LOG]) if os.environ.get(LOG) else None
    count, phase, started = [0], ["startup"], time.monotonic()
    marks: dict[str, tuple[int, float]] = {}

    def note(what: str) -> None:
        phase[0] = what
        marks[what] = (count[0], time.monotonic() - started)
        if log is not None:
            log.write_text(what, encoding="utf-8")

    def tick(sql: str) -> None:
        count[0] += 1
        if count[0] == kill_at:
            if log is not None:
                log.write_text(f"{phase[0]}\n{sql[:120]}", encoding="utf-8")
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(Engine, "before_cursor_execute", lambda _c, _u, sql, *_a: tick(sql))
    event.listen(Engine, "commit", lambda _c: tick("COMMIT"))
    if os.environ.get(MAX_PAGES):
        event.listen(Engine, "connect", _page_limit(int(os.environ[MAX_PAGES])))
    _watch_phases(note)
    if log is not None and not kill_at:
        counted = log.with_suffix(".count")
        marks["end"] = (0, 0.0)

        def write_counts() -> None:
            marks["end"] = (count[0], time.monotonic() - started)
            counted.write_text(json.dumps(marks), encoding="utf-8")

        atexit.register(write_counts)
    from sayso.cli import main

    note("startup")
    sys.argv = ["sayso", *argv]
    main()


def _watch_phases(note: Any) -> None:
    """Note when the schema migration and the linking start and end."""
    import sayso.graph.build as link
    import sayso.store.store as store

    upgrade, link_store = store.upgrade, link.link_store

    def migrating(*args: Any, **kwargs: Any) -> Any:
        note("schema migration")
        upgrade(*args, **kwargs)
        note("ingest")

    def linking(*args: Any, **kwargs: Any) -> Any:
        note("linking")
        report = link_store(*args, **kwargs)
        note("after linking")
        return report

    store.upgrade, link.link_store = migrating, linking
    if os.environ.get(LINK_BATCH):
        link.BATCH = int(os.environ[LINK_BATCH])


def _page_limit(pages: int) -> Any:
    def limit(dbapi_connection: Any, _record: Any) -> None:
        if type(dbapi_connection).__module__.startswith("sqlite3"):
            dbapi_connection.execute(f"PRAGMA max_page_count={int(pages)}")

    return limit


def child_command(argv: list[str]) -> list[str]:
    return [sys.executable, "-m", "fuzz.crash", "child", *argv]


def child_env(**extra: str) -> dict[str, str]:
    root = str(Path(__file__).resolve().parents[1])
    path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "NO_COLOR": "1", LINK_BATCH: "4", **extra}


# -- the campaign --------------------------------------------------------------------------


@dataclass(slots=True)
class Baseline:
    fingerprint: dict[str, Any]
    marks: dict[str, tuple[int, float]]  # phase: (statements run, seconds) when it began

    @property
    def statements(self) -> int:
        return self.marks["end"][0]

    @property
    def seconds(self) -> float:
        return self.marks["end"][1]

    def statement_in(self, phase: str, rng: random.Random) -> int:
        """A random statement of ``phase`` (its range in the uninterrupted run)."""
        order = sorted(self.marks.values())
        first = self.marks[phase][0]
        last = next((n for n, _ in order if n > first), self.statements)
        return rng.randint(first + 1, max(first + 1, last))


@dataclass(slots=True)
class Tally:
    runs: int = 0
    kills: int = 0
    identical: int = 0
    lost_articles: int = 0
    broken: list[str] = field(default_factory=list)  # what went wrong, run by run
    phases: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        return {
            "runs": self.runs,
            "kills": self.kills,
            "identical": self.identical,
            "lost_articles": self.lost_articles,
            "broken": self.broken,
            "kills_by_phase": dict(sorted(self.phases.items())),
        }


class Campaign:
    def __init__(
        self, db: str, workdir: Path, rng: random.Random, link: bool = True, max_kills: int = 3
    ) -> None:
        self.db = db
        self.max_kills = max_kills
        self.workdir = workdir
        self.rng = rng
        self.link = link
        self.dataset = write_dataset(workdir / "articles.jsonl")
        self.log = workdir / "child.log"
        # Kills aimed at each phase alike, and some at any time (startup and anytime by
        # delay, the others at a statement of the phase).
        self.targets = ["startup", "schema migration", "ingest", "anytime"]
        self.targets += ["linking"] if link else []

    def command(self, url: str) -> list[str]:
        argv = ["ingest", str(self.dataset), "--db", url, "--batch-size", "1", "--no-progress"]
        return child_command(argv if self.link else [*argv, "--no-link"])

    def finish(self, url: str) -> tuple[int, str]:
        """Run to the end: the exit status and the output."""
        self.log.unlink(missing_ok=True)
        done = subprocess.run(
            self.command(url),
            env=child_env(**{LOG: str(self.log)}),
            capture_output=True,
            text=True,
            timeout=900,
        )
        return done.returncode, done.stdout + done.stderr

    def baseline(self) -> Baseline:
        with fresh_store(self.db, self.workdir) as url:
            status, output = self.finish(url)
            if status != 1:  # the two bad records, nothing else
                raise RuntimeError(f"the uninterrupted run ended with {status}: {output}")
            marks = json.loads(self.log.with_suffix(".count").read_text(encoding="utf-8"))
            prints = fingerprint(url, graph=self.link)
        return Baseline(prints, {k: tuple(v) for k, v in marks.items()})

    def kill_once(self, url: str, base: Baseline) -> str:
        """Start the ingest and kill it at a random point; the phase it was killed in."""
        self.log.unlink(missing_ok=True)
        target = self.rng.choice(self.targets)
        timed = target in ("startup", "anytime")
        at = 0 if timed else base.statement_in(target, self.rng)
        process = subprocess.Popen(
            self.command(url),
            env=child_env(**{KILL_AT: str(at), LOG: str(self.log)}),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not at:  # startup: before the migration; anytime: mostly analysing
            until = base.marks["schema migration"][1] if target == "startup" else base.seconds
            try:
                process.wait(timeout=self.rng.uniform(0, until))
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
        process.wait(timeout=900)
        if process.returncode != -signal.SIGKILL:
            return "finished before the kill"
        return kill_phase(self.log.read_text(encoding="utf-8") if self.log.exists() else "")

    def run(self, base: Baseline, tally: Tally) -> None:
        with fresh_store(self.db, self.workdir) as url:
            for _ in range(self.rng.randint(1, self.max_kills)):
                phase = self.kill_once(url, base)
                tally.phases[phase] += 1
                tally.kills += phase != "finished before the kill"
                tally.broken += [f"run {tally.runs + 1}: {p}" for p in check_store(url)]
            status, output = self.finish(url)
            tally.runs += 1
            prints = fingerprint(url, graph=self.link)
            lost = set(base.fingerprint["articles"]) - set(prints["articles"])
            tally.lost_articles += len(lost)
            differs = differences(prints, base.fingerprint)
            if status == 1 and not differs:
                tally.identical += 1
            else:
                tally.broken.append(f"run {tally.runs}: exit {status}, {differs} differ: {output}")


def kill_phase(log: str) -> str:
    """Where a run was killed, from what its log says: the phase and the statement."""
    phase, _, sql = log.partition("\n")
    if phase != "ingest":
        return phase or "startup"
    words = sql.strip().upper()
    if words.startswith(("INSERT", "DELETE", "UPDATE", "COMMIT")):
        return "ingest: inside an article's transaction"
    return "ingest: analysing, between transactions" if not words else "ingest: a read"


def check_store(url: str) -> list[str]:
    """What is wrong with a store a kill left: corruption, or a half-created schema."""
    problems = []
    engine = create_engine(_driver_url(url))
    try:
        tables = set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                verdict = conn.execute(text("PRAGMA integrity_check")).scalar_one()
                if verdict != "ok":
                    problems.append(f"integrity_check: {verdict}")
            if tables and "alembic_version" not in tables:
                problems.append(f"half-created schema: {sorted(tables)} without alembic_version")
            elif tables and not conn.execute(text("SELECT * FROM alembic_version")).first():
                problems.append("half-created schema: no revision in alembic_version")
    finally:
        engine.dispose()
    return problems


@contextmanager
def fresh_store(db: str, workdir: Path) -> Iterator[str]:
    """An empty store: a new SQLite file, or a new database on the PostgreSQL server."""
    if db == "sqlite":
        path = workdir / f"store-{uuid.uuid4().hex[:8]}.db"
        yield f"sqlite:///{path}"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    from sayso.store import normalise_url

    server = normalise_url(db)
    name = f"sayso_crash_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def campaign(
    db: str, runs: int, seed: int | None = None, *, link: bool = True, max_kills: int = 3
) -> dict[str, Any]:
    """Run the campaign; a report of runs, kills, identical stores and lost articles."""
    seed = random.randrange(2**32) if seed is None else seed
    with tempfile.TemporaryDirectory(prefix="sayso-crash-") as tmp:
        work = Campaign(db, Path(tmp), random.Random(seed), link=link, max_kills=max_kills)
        base = work.baseline()
        tally = Tally()
        for _ in range(runs):
            work.run(base, tally)
    return {
        "backend": "sqlite" if db == "sqlite" else "postgresql",
        "seed": seed,
        "baseline_statements": base.statements,
        "baseline_seconds": round(base.seconds, 1),
        **tally.to_dict(),
    }


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["child"]:
        child(args[1:])
        return 0
    parser = argparse.ArgumentParser(prog="python -m fuzz.crash", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", default="sqlite", help="sqlite, or a PostgreSQL server URL")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--max-kills", type=int, default=3, help="kills per run, at most")
    parser.add_argument("--no-link", dest="link", action="store_false")
    options = parser.parse_args(args)
    report = campaign(
        options.db, options.runs, options.seed, link=options.link, max_kills=options.max_kills
    )
    print(json.dumps(report, indent=2))
    return 0 if report["identical"] == report["runs"] and not report["broken"] else 1


if __name__ == "__main__":
    sys.exit(main())
