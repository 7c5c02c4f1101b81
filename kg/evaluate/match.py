"""Matching gold entries to extracted ones: the text rule (Jaccard ≥ 0.5 or containment) and one-to-one assignment."""

from __future__ import annotations

import math

from kg.text import compact

THRESHOLD = 0.5


def similarity(a: str, b: str) -> float:
    """1.0 when one normalized text contains the other, else the Jaccard index of their character sets."""
    a, b = compact(a), compact(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb)


def texts_match(a: str, b: str) -> bool:
    return similarity(a, b) >= THRESHOLD


def jaccard(a: str, b: str) -> float:
    sa, sb = set(compact(a)), set(compact(b))
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def assign(n_rows: int, n_cols: int, edges: dict[tuple[int, int], float]) -> dict[int, int]:
    """Rows matched one-to-one to columns along `edges`: the most pairs, then the greatest total weight.

    Hungarian method on a square-ish cost matrix; each edge weighs more than any set of weights
    could add up to, so the number of pairs always wins over their quality.
    """
    if not edges:
        return {}
    flip = n_rows > n_cols
    if flip:
        n_rows, n_cols = n_cols, n_rows
        edges = {(j, i): w for (i, j), w in edges.items()}
    bonus = n_rows + 1.0
    cost = [[-(bonus + edges[i, j]) if (i, j) in edges else 0.0 for j in range(n_cols)] for i in range(n_rows)]
    u, v = [0.0] * (n_rows + 1), [0.0] * (n_cols + 1)
    owner, way = [0] * (n_cols + 1), [0] * (n_cols + 1)
    for row in range(1, n_rows + 1):
        owner[0], col0 = row, 0
        least, used = [math.inf] * (n_cols + 1), [False] * (n_cols + 1)
        while True:
            used[col0] = True
            row0, delta, col1 = owner[col0], math.inf, 0
            for col in range(1, n_cols + 1):
                if not used[col]:
                    reduced = cost[row0 - 1][col - 1] - u[row0] - v[col]
                    if reduced < least[col]:
                        least[col], way[col] = reduced, col0
                    if least[col] < delta:
                        delta, col1 = least[col], col
            for col in range(n_cols + 1):
                if used[col]:
                    u[owner[col]] += delta
                    v[col] -= delta
                else:
                    least[col] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:
            col1 = way[col0]
            owner[col0] = owner[col1]
            col0 = col1
    pairs = {owner[col] - 1: col - 1 for col in range(1, n_cols + 1) if owner[col]}
    pairs = {i: j for i, j in pairs.items() if (i, j) in edges}
    return {j: i for i, j in pairs.items()} if flip else pairs


def match_texts(gold: list[str], found: list[str]) -> dict[int, int]:
    """Gold index → extracted index for text items under the Jaccard-or-containment rule."""
    edges = {
        (i, j): jaccard(g, f) for i, g in enumerate(gold) for j, f in enumerate(found) if texts_match(g, f)
    }
    return assign(len(gold), len(found), edges)
