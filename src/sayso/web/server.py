"""Running the app: ``sayso serve`` (uvicorn, 127.0.0.1 by default) and a server in a
thread for tests and screenshots."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

from sayso.web.app import create_app

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` serves this machine only: localhost, 127.0.0.0/8, ::1."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def local_hosts(host: str) -> list[str] | None:
    """The Host headers a server bound to a loopback address accepts (a DNS-rebinding
    guard): the loopback names and the bound address itself; None (any) otherwise."""
    if not is_loopback(host):
        return None
    return sorted({*LOOPBACK, host.strip("[]").lower()})


def serve(
    store_url: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    allow_submit: bool = False,
    show_file_names: bool = False,
    log_level: str = "info",
    cache_seconds: float = 1.0,
) -> None:
    app = create_app(
        store_url,
        allow_submit,
        allowed_hosts=local_hosts(host),
        cache_seconds=cache_seconds,
        show_file_names=show_file_names,
    )
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        server_header=False,
        proxy_headers=False,
    )


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


@contextmanager
def running(app: FastAPI, host: str = "127.0.0.1", port: int | None = None) -> Iterator[str]:
    """Serve ``app`` from a thread on a free loopback port; yields its base URL."""
    port = port or free_port(host)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="sayso-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the web server did not start on {host}:{port}")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
