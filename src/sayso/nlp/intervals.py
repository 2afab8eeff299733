"""Which spans hold a point, for every point at once: what keeps the extractor near-linear
in the number of quotes, lines and attributions.

Asking every attribution whether it holds each cue, predicate or quote is quadratic: an
article with 10,000 quotation marks took 96 s and 1.4 GB that way (issue 21). These answer
the same questions with one sweep over the sorted span ends.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

Span = tuple[int, int]  # [start, end)


def holders(owners: Sequence[Iterable[Span]], points: Iterable[int]) -> dict[int, list[int]]:
    """For each point, the owners (indices into ``owners``, ascending) with a span
    ``start <= point < end``. Time: sorting the ends and the points, plus the answers."""
    events: list[tuple[int, int, int]] = []  # (position, kind, owner): end 0, start 1, query 2
    for owner, spans in enumerate(owners):
        for start, end in spans:
            if start < end:
                events.append((start, 1, owner))
                events.append((end, 0, owner))
    for point in set(points):
        events.append((point, 2, -1))
    events.sort()
    active: Counter[int] = Counter()
    found: dict[int, list[int]] = {}
    for position, kind, owner in events:
        if kind == 0:
            active[owner] -= 1
            if not active[owner]:
                del active[owner]
        elif kind == 1:
            active[owner] += 1
        else:
            found[position] = sorted(active)
    return found


def first_owner(owners: Sequence[Iterable[Span]], order: Sequence[int], length: int) -> list[int]:
    """For each position below ``length``, the first owner in ``order`` holding it (-1:
    none). Each position is written once: the next free position after a written one is
    found by path-halving jumps, so the time is the text's length plus the spans."""
    result = [-1] * length
    jump = list(range(length + 1))  # jump[i]: a position >= i that may be free

    def free(i: int) -> int:
        while jump[i] != i:
            jump[i] = jump[jump[i]]
            i = jump[i]
        return i

    for owner in order:
        for start, end in owners[owner]:
            start, end = max(0, start), min(length, end)
            i = free(start) if start < end else end
            while i < end:
                result[i] = owner
                jump[i] = i + 1
                i = free(i + 1)
    return result
