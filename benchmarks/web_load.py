"""Load test of ``sayso serve`` on loopback: N concurrent clients for S seconds, each asking
for a random page or API answer as soon as its last one came back; it stops by itself.

    .venv/bin/python benchmarks/web_load.py --clients 200 --seconds 60
    .venv/bin/python benchmarks/web_load.py --clients 200 --seconds 60 --submitters 40

With ``--submitters N`` the server runs with ``--allow-submit`` and N more clients submit
articles (``POST /api/analyze``, stored: sample texts made new by a suffix) one after the
other for the same time. A submission answered 200 or 201 is accepted; 503 with a
``Retry-After`` is the queue saying it is full, and the client waits that long (at most
2 s) and submits again: not an error; anything else is an error. Reads and submissions are
counted apart: the read latencies are those of the page and API clients only.

Without ``--db`` the bundled sample is ingested first (``sayso demo``) into a temporary
store. A real ``sayso serve`` process answers; the clients (httpx, asyncio) run in this
process. Every answer must be a 200: anything else, or a request over ``--timeout``, is an
error. Prints requests, errors, requests/s and latency percentiles as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

START_TIMEOUT = 120.0


@dataclass(slots=True)
class Result:
    latencies: list[float] = field(default_factory=list)  # seconds, answered requests
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    targets: int = 0  # distinct URLs asked for
    submissions: Submissions | None = None

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return 0.0
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    def to_dict(self, clients: int) -> dict[str, object]:
        requests = len(self.latencies) + len(self.errors)
        return {
            "clients": clients,
            "urls": self.targets,
            "seconds": round(self.seconds, 1),
            "requests": requests,
            "errors": len(self.errors),
            "first_errors": self.errors[:5],
            "requests_per_s": round(requests / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": round(self.percentile(50) * 1000, 1),
            "p95_ms": round(self.percentile(95) * 1000, 1),
            "p99_ms": round(self.percentile(99) * 1000, 1),
            "max_ms": round(max(self.latencies, default=0.0) * 1000, 1),
        }


def targets(base: str) -> list[str]:
    """A mix of pages and API answers over what the store holds, each answering 200.

    A stored id the routes refuse (a hand-made hostile one) is left out of the load; a
    server error already here is a failure."""
    with httpx.Client(base_url=base, timeout=30) as client:
        paths = _candidates(client)
        answers = {path: client.get(path).status_code for path in dict.fromkeys(paths)}
    if any(status >= 500 for status in answers.values()):
        raise RuntimeError(f"server errors before the load: {answers}")
    return [path for path, status in answers.items() if status == 200]


def _candidates(client: httpx.Client) -> list[str]:
    articles = client.get("/api/articles", params={"limit": 20}).json()["items"]
    claims = client.get("/api/claims", params={"limit": 20}).json()["items"]
    paths = ["/", "/claims", "/search?q=said", "/api/claims?limit=20", "/api/sources"]
    paths += ["/api/articles?limit=20", "/api/search?q=troops", "/static/css/sayso.css"]
    paths += ["/api/claims/facets", "/claims?q=said&sort=speaker&limit=50"]
    for article in articles[:10]:
        paths += [f"/article/{article['id']}", f"/api/articles/{article['id']}"]
    for claim in claims[:10]:
        claim_id = quote(claim["attribution_id"], safe="")
        paths.append(f"/article/{claim['article_id']}/claim/{claim_id}")
        api = f"/api/articles/{claim['article_id']}/claims/{claim_id}"
        paths += [api, f"{api}/trace"]
        if claim.get("speaker"):
            name = quote(claim["speaker"], safe="")
            paths += [f"/entity/{name}", f"/api/entities/{name}", f"/claims?speaker={name}"]
            paths += [f"/network/{name}", f"/api/claims/export?speaker={name}"]
    return paths


async def _client(base: str, paths: list[str], until: float, timeout: float, out: Result) -> None:
    rng = random.Random()
    async with httpx.AsyncClient(base_url=base, timeout=timeout) as client:
        while time.monotonic() < until:
            path = rng.choice(paths)
            started = time.monotonic()
            try:
                response = await client.get(path)
            except httpx.HTTPError as error:
                out.errors.append(f"{path}: {type(error).__name__} {error}")
                continue
            if response.status_code != 200:
                out.errors.append(f"{path}: HTTP {response.status_code}")
            else:
                out.latencies.append(time.monotonic() - started)


@dataclass(slots=True)
class Submissions:
    accepted: list[float] = field(default_factory=list)  # seconds, 200/201
    deferred: int = 0  # 503 with Retry-After
    errors: list[str] = field(default_factory=list)

    def to_dict(self, submitters: int) -> dict[str, object]:
        ordered = sorted(self.accepted)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else 0.0
        return {
            "submitters": submitters,
            "accepted": len(self.accepted),
            "deferred_503": self.deferred,
            "errors": len(self.errors),
            "first_errors": self.errors[:5],
            "accepted_p95_ms": round(p95 * 1000, 1),
        }


def _texts() -> list[str]:
    from sayso.data import sample_articles

    return [article.text for article in sample_articles()]


async def _submitter(
    base: str, texts: list[str], until: float, timeout: float, out: Submissions, number: int
) -> None:
    rng = random.Random(number)
    async with httpx.AsyncClient(base_url=base, timeout=timeout) as client:
        sent = 0
        while time.monotonic() < until:
            text = f"{rng.choice(texts)}\n\n(Submission {number}-{sent}.)"
            sent += 1
            started = time.monotonic()
            try:
                response = await client.post("/api/analyze", json={"text": text, "store": True})
            except httpx.HTTPError as error:
                out.errors.append(f"submit: {type(error).__name__} {error}")
                continue
            if response.status_code in (200, 201):
                out.accepted.append(time.monotonic() - started)
            elif response.status_code == 503 and response.headers.get("retry-after"):
                out.deferred += 1
                wait = min(2.0, float(response.headers["retry-after"]))
                await asyncio.sleep(min(wait, max(0.0, until - time.monotonic())))
            else:
                out.errors.append(f"submit: HTTP {response.status_code} {response.text[:200]}")


async def load(
    base: str, clients: int, seconds: float, timeout: float = 30.0, submitters: int = 0
) -> Result:
    """``clients`` clients asking ``base`` for ``seconds`` (and ``submitters`` submitting);
    a bound on the whole of it."""
    paths = targets(base)
    out = Result(targets=len(paths))
    out.submissions = Submissions()
    texts = _texts() if submitters else []
    started = time.monotonic()
    until = started + seconds
    tasks = [_client(base, paths, until, timeout, out) for _ in range(clients)]
    tasks += [
        _submitter(base, texts, until, timeout * 4, out.submissions, n) for n in range(submitters)
    ]
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + 4 * timeout + 10)
    out.seconds = time.monotonic() - started
    return out


def run_load(
    base: str, clients: int, seconds: float, timeout: float = 30.0, submitters: int = 0
) -> Result:
    """:func:`load` in a thread of its own, so that it runs where an event loop already
    does (pytest with Playwright's sync API has one in the main thread)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        job = load(base, clients, seconds, timeout, submitters)
        return pool.submit(asyncio.run, job).result()


@contextmanager
def serving(
    db: str, port: int, *, allow_submit: bool = False, cache_seconds: float | None = None
) -> Iterator[str]:
    """A ``sayso serve`` process over ``db``; its base URL, once it answers."""
    command = [sys.executable, "-m", "sayso.cli", "serve", "--db", db, "--port", str(port)]
    if cache_seconds is not None:
        command += ["--cache-seconds", str(cache_seconds)]
    if allow_submit:
        command.append("--allow-submit")
    server = subprocess.Popen(
        [*command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(server, base)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_up(server: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            httpx.get(f"{base}/api/articles?limit=1", timeout=5).raise_for_status()
            return
        except httpx.HTTPError:
            if server.poll() is not None:
                raise RuntimeError(f"sayso serve ended: {server.stderr.read()}") from None
            if time.monotonic() > deadline:
                raise RuntimeError("sayso serve did not start") from None
            time.sleep(0.2)


def sample_store(directory: Path) -> str:
    """A store holding the bundled sample, linked (as ``scripts/demo.sh`` makes it)."""
    url = f"sqlite:///{directory / 'sample.db'}"
    command = [sys.executable, "-m", "sayso.cli", "demo", "--db", url]
    subprocess.run(command, check=True, capture_output=True, timeout=1800)
    return url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--timeout", type=float, default=30.0, help="per request, seconds")
    parser.add_argument("--db", help="a store to serve (default: the sample, ingested)")
    parser.add_argument("--submitters", type=int, default=0, help="clients submitting articles")
    parser.add_argument("--cache-seconds", type=float, help="the server's (default: its own)")
    args = parser.parse_args()
    from sayso.web.server import free_port

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="sayso-load-") as tmp:
        db = args.db or sample_store(Path(tmp))
        serve = {"allow_submit": args.submitters > 0, "cache_seconds": args.cache_seconds}
        with serving(db, free_port(), **serve) as base:
            result = run_load(base, args.clients, args.seconds, args.timeout, args.submitters)
    report = result.to_dict(args.clients)
    report["load_average_before_after"] = [round(load_before[0], 2), round(os.getloadavg()[0], 2)]
    if result.submissions is not None and args.submitters:
        report["submissions"] = result.submissions.to_dict(args.submitters)
    print(json.dumps(report, indent=2))
    failed = result.errors or (result.submissions is not None and result.submissions.errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
