"""Nearest neighbours among the tellings' content vectors: exact while the store is small, an
HNSW graph (faiss) once it is large.

Vectors are L2-normalised, so the inner product is the cosine. Exact search costs a pass
over every vector per query; HNSW (Malkov & Yashunin) costs about log n, at a small loss of
recall that the clustering tolerates (it only needs the few nearest tellings).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from sayso.extras import require

HNSW_FROM = 4096  # vectors; below this an exact flat index is as fast and exact
HNSW_LINKS = 32  # neighbours per node (faiss's M)
HNSW_BUILD = 80  # efConstruction
HNSW_SEARCH = 96  # efSearch: candidates examined per query


def _faiss() -> Any:  # faiss has no type hints
    require("graph", "the claim graph's nearest-neighbour index")
    import faiss

    # One thread: the store's linking is sequential, and the machines are small.
    faiss.omp_set_num_threads(1)
    return faiss


class VectorIndex:
    """Inner-product search over row vectors; ``labels`` are the caller's row numbers."""

    def __init__(self, dimensions: int, expected: int = 0) -> None:
        faiss = _faiss()
        self.dimensions = dimensions
        self.approximate = expected >= HNSW_FROM
        if self.approximate:
            index = faiss.IndexHNSWFlat(dimensions, HNSW_LINKS, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = HNSW_BUILD
            index.hnsw.efSearch = HNSW_SEARCH
        else:
            index = faiss.IndexFlatIP(dimensions)
        self._index = index

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def add(self, vectors: np.ndarray) -> None:
        if len(vectors):
            self._index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    def search(self, vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """For each row of ``vectors``: the cosines and row numbers of its ``k`` nearest
        (row number -1 where there are fewer than ``k``)."""
        queries = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dimensions)
        if len(self) == 0:
            empty = np.full((len(queries), k), -1, dtype=np.int64)
            return np.zeros((len(queries), k), dtype=np.float32), empty
        return self._index.search(queries, k)
