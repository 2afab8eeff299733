"""Keep spaCy from importing torch.

thinc (spaCy's machine-learning layer) imports torch at start-up whenever it is installed,
to offer it as a backend. sayso's spaCy pipeline never uses it, but torch is installed for
the claim graph's sentence embeddings, and importing it costs seconds: at every command,
in every ingest worker. So thinc is loaded while ``import torch`` fails, and torch is left
importable afterwards: the embedder (``sayso.graph.embed``) imports it when it loads its
model. When torch was already imported before sayso, nothing is changed.
"""

from __future__ import annotations

import sys


def load_thinc_without_torch() -> None:
    if "torch" in sys.modules or "thinc.compat" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" now fails
    try:
        import thinc.compat  # noqa: F401
    finally:
        if sys.modules.get("torch", False) is None:
            del sys.modules["torch"]


load_thinc_without_torch()
