"""Load test of ``sayso serve`` on loopback: N concurrent clients for S seconds, each asking
for a random page or API answer as soon as its last one came back; it stops by itself.

    .venv/bin/python benchmarks/web_load.py --clients 200 --seconds 60

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


async def load(base: str, clients: int, seconds: float, timeout: float = 30.0) -> Result:
    """``clients`` clients asking ``base`` for ``seconds``; a bound on the whole of it."""
    paths = targets(base)
    out = Result(targets=len(paths))
    started = time.monotonic()
    until = started + seconds
    tasks = [_client(base, paths, until, timeout, out) for _ in range(clients)]
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + timeout + 10)
    out.seconds = time.monotonic() - started
    return out


def run_load(base: str, clients: int, seconds: float, timeout: float = 30.0) -> Result:
    """:func:`load` in a thread of its own, so that it runs where an event loop already
    does (pytest with Playwright's sync API has one in the main thread)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, load(base, clients, seconds, timeout)).result()


@contextmanager
def serving(db: str, port: int) -> Iterator[str]:
    """A ``sayso serve`` process over ``db``; its base URL, once it answers."""
    command = [sys.executable, "-m", "sayso.cli", "serve", "--db", db, "--port", str(port)]
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
    args = parser.parse_args()
    from sayso.web.server import free_port

    with tempfile.TemporaryDirectory(prefix="sayso-load-") as tmp:
        db = args.db or sample_store(Path(tmp))
        with serving(db, free_port()) as base:
            result = run_load(base, args.clients, args.seconds, args.timeout)
    print(json.dumps(result.to_dict(args.clients), indent=2))
    return 0 if not result.errors else 1


if __name__ == "__main__":
    sys.exit(main())
