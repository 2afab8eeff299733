"""Near-duplicate detection: MinHash signatures of word shingles, banded for lookup.

A wire story re-published with a new headline, a changed sentence or a trimmed ending keeps
most of its word 5-grams. The MinHash of those shingles (datasketch) estimates the Jaccard
similarity of two articles. To find candidates without comparing against every stored
article, the signature is cut into bands (the banding datasketch's ``MinHashLSH`` chooses for
the threshold); articles that share one band key are candidates, and a candidate whose
estimated similarity reaches the threshold is a near-duplicate.

The band keys live in the database (``minhash_bands``) instead of an in-memory
``MinHashLSH``, so that every run, process and backend sees the same index and nothing has
to be rebuilt at start-up: this banding over SQL is written here on purpose.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

NUM_PERM = 128
THRESHOLD = 0.8
SHINGLE = 5
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Signature:
    hashvalues: np.ndarray

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype="<u8").copy())

    def similarity(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / NUM_PERM

    def band_keys(self) -> list[tuple[int, str]]:
        bands, rows = banding()
        keys = []
        for band in range(bands):
            chunk = self.hashvalues[band * rows : (band + 1) * rows].astype("<u8").tobytes()
            keys.append((band, hashlib.blake2b(chunk, digest_size=12).hexdigest()))
        return keys


@lru_cache(maxsize=1)
def banding() -> tuple[int, int]:
    """(bands, rows per band) that datasketch picks for ``THRESHOLD`` and ``NUM_PERM``."""
    from datasketch import MinHashLSH  # imported when first needed: it takes a while

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < size:
        return {" ".join(words).encode("utf-8", "surrogatepass")} if words else set()
    return {
        " ".join(words[i : i + size]).encode("utf-8", "surrogatepass")
        for i in range(len(words) - size + 1)
    }


def signature(text: str) -> Signature | None:
    """The MinHash of ``text``'s word shingles; None for a text with no words."""
    grams = shingles(text)
    if not grams:
        return None
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch(sorted(grams))
    return Signature(minhash.hashvalues.astype(np.uint64))


def normalised_hash(text: str) -> str:
    """SHA-256 of the text with case and whitespace folded: the same story re-extracted."""
    words = _WORD.findall(text.casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8", "surrogatepass")).hexdigest()


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
