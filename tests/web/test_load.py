"""A short load test of a real ``sayso serve`` process (benchmarks/web_load.py runs the
long one): 20 clients for 5 s on loopback, no error, and the latency reported."""

from __future__ import annotations

import pytest

from benchmarks.web_load import run_load, serving
from sayso.web.server import free_port


@pytest.mark.slow
def test_twenty_clients_for_five_seconds_without_an_error(web_store):
    with serving(web_store.url, free_port()) as base:
        result = run_load(base, clients=20, seconds=5, timeout=30)
    report = result.to_dict(20)
    print(report)
    assert report["errors"] == 0, report["first_errors"]
    assert report["urls"] >= 15  # pages and API answers about every stored article
    assert report["requests"] >= 50  # answered, not stalled
    assert 5 <= report["seconds"] < 60  # it stopped by itself
