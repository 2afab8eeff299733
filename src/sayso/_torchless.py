"""Keep spaCy from importing torch.

thinc (spaCy's machine-learning layer) imports torch at start-up whenever it is installed,
to offer it as a backend. sayso's spaCy pipeline never uses it, but torch is installed with
the claim graph's extra (``sayso[graph]``) for its sentence embeddings, and importing it
costs seconds: at every command, in every ingest worker. So ``thinc.compat`` is executed
while ``import torch`` fails, and torch is left importable afterwards: the embedder
(``sayso.graph.embed``) imports it when it loads its model. When torch was already imported
before thinc, nothing is changed; without torch installed there is nothing to do.

``import sayso`` installs a finder that does this when (and if) ``thinc.compat`` is first
imported, by whichever module imports spaCy first; importing sayso itself loads neither.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

THINC_COMPAT = "thinc.compat"


class ThincWithoutTorch(importlib.abc.MetaPathFinder):
    """Makes ``import torch`` fail while ``thinc.compat`` runs; then steps aside."""

    def __init__(self) -> None:
        self.blocking = False

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname == "torch" or fullname.startswith("torch."):
            if self.blocking:
                raise ModuleNotFoundError("torch is kept from thinc (sayso._torchless)")
            return None
        if fullname != THINC_COMPAT:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _BlockingLoader(spec.loader, self)
        return spec


class _BlockingLoader(importlib.abc.Loader):
    def __init__(self, loader: importlib.abc.Loader, finder: ThincWithoutTorch) -> None:
        self.loader = loader
        self.finder = finder

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.finder.blocking = "torch" not in sys.modules
        try:
            self.loader.exec_module(module)
        finally:
            self.finder.blocking = False
            uninstall()


def install() -> None:
    """Keep torch from thinc at its first import (no-op once thinc is loaded)."""
    if THINC_COMPAT in sys.modules or any(isinstance(f, ThincWithoutTorch) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, ThincWithoutTorch())


def uninstall() -> None:
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, ThincWithoutTorch)]


def load_thinc_without_torch() -> None:
    """Import thinc now, without torch (what the finder does at thinc's first import)."""
    install()
    import thinc.compat  # noqa: F401


install()
