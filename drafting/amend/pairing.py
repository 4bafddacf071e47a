"""Pairing provisions of two versions: which old provision became which new one.

Works on any sequence of items that offer what `Alignable` names, so `amend` can use it at article
level across a whole document and again inside each pair of articles. Pairs are found in passes,
each only over what the earlier passes left:

1. the same trusted GUID (a stable id carried over from an earlier version);
2. the same normalised content (exact-hash lookup), then the same heading, unique on both sides,
   over reasonably similar content — cheap anchors that leave only small gaps between them;
3. between anchors: gaps too large for a sequence alignment are first narrowed by pairing similar
   provisions near the diagonal (order mostly holds inside a gap); then each gap gets a weighted
   sequence alignment that prefers similar content and, among equals, the same number;
4. similar content anywhere (rapidfuzz, best scores first): moved and reworded provisions.

The longest in-order chain of pairs (a longest increasing subsequence) is the backbone; a pair
off it is a move.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Protocol, Sequence

import numpy as np  # rapidfuzz's bulk scoring (cdist) returns numpy arrays
from rapidfuzz import fuzz, process

SIMILAR = 70.0  # content similarity (0–100) that pairs provisions anywhere in the document
SIMILAR_SAME_NUM = 50.0  # ... and between anchors, when they also keep their number
SAME_NUM_BONUS = 3.0  # between equally likely partners, the one that kept its number wins
MAX_GAP_CELLS = 400  # sequence alignment of a gap is quadratic: larger gaps are narrowed first
MAX_FUZZY_CELLS = 1_000_000  # moved provisions are looked for among at most ~1,000 × 1,000 leftovers
BAND = 16  # in a large gap, old provisions are compared with new ones within about this many places


class Alignable(Protocol):
    @property
    def cls(self) -> str: ...  # only items of one class pair up
    @property
    def num(self) -> str: ...  # normalised number
    @property
    def key(self) -> str: ...  # normalised content without the own number (exact matching)
    @property
    def guid(self) -> str: ...  # a trusted stable id, or ""
    @property
    def role(self) -> str: ...
    @property
    def heading(self) -> str: ...  # normalised heading, or ""
    @property
    def text(self) -> str: ...  # normalised plain text (similarity)
    @property
    def head(self) -> str: ...  # normalised own heading + intro (similarity), or ""


@dataclass(slots=True)
class Pair:
    i: int
    j: int
    how: str  # "guid", "text", "heading", "sequence", "similarity"
    score: float  # content similarity, 0–100


def similarity(a: str, b: str) -> float:
    """0–100: token-set overlap tempered by plain edit ratio (a short text is not 'equal' to a long
    one that merely contains its words)."""
    if not a and not b:
        return 100.0
    if not a or not b:
        return 0.0
    return (fuzz.token_set_ratio(a, b) + fuzz.ratio(a, b)) / 2


def item_similarity(a: Alignable, b: Alignable) -> float:
    """Content similarity; for provisions with children, the heading and intro weigh as much as
    the whole (an article that only gained a paragraph is still plainly the same article)."""
    full = similarity(a.text, b.text)
    if a.head or b.head:
        return (full + similarity(a.head, b.head)) / 2
    return full


def _matrix(a: Sequence[Alignable], b: Sequence[Alignable]) -> np.ndarray:
    """`_item_similarity` of every pair (rows a, columns b), computed by rapidfuzz in bulk;
    items of different classes never pair (0)."""
    full = _scores([x.text for x in a], [y.text for y in b])
    head_a, head_b = [x.head for x in a], [y.head for y in b]
    # Where neither side has more than its own text (a leaf), head and whole are one: no second pass.
    own_a = np.array([x.head != x.text for x in a])[:, None]
    own_b = np.array([y.head != y.text for y in b])[None, :]
    if own_a.any() or own_b.any():
        has = (np.array([bool(h) for h in head_a])[:, None] | np.array([bool(h) for h in head_b])[None, :])
        full = np.where(has & (own_a | own_b), (full + _scores(head_a, head_b)) / 2, full)
    cls_a, cls_b = [x.cls for x in a], [y.cls for y in b]
    if len(set(cls_a) | set(cls_b)) > 1:
        full = np.where(np.array(cls_a, dtype=object)[:, None] == np.array(cls_b, dtype=object)[None, :], full, 0.0)
    return full


def _scores(a: list[str], b: list[str]) -> np.ndarray:
    """`similarity` of every pair of texts, in bulk."""
    workers = -1 if len(a) * len(b) >= 20_000 else 1  # threads pay off only on large matrices
    m1 = process.cdist(a, b, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=workers)
    m2 = process.cdist(a, b, scorer=fuzz.ratio, dtype=np.float32, workers=workers)
    out = (m1 + m2) / 2
    empty_a = np.array([not t for t in a])[:, None]
    empty_b = np.array([not t for t in b])[None, :]
    out[empty_a & empty_b] = 100.0
    out[empty_a ^ empty_b] = 0.0
    return out


# ---------------------------------------------------------------- alignment

def align(a: Sequence[Alignable], b: Sequence[Alignable]) -> tuple[list[Pair], set[int]]:
    """Pairs (i, j) and the set of old indices whose pair is off the in-order backbone (moves)."""
    pa: dict[int, Pair] = {}
    used_b: set[int] = set()

    def add(i: int, j: int, how: str, score: float) -> None:
        pa[i] = Pair(i, j, how, score)
        used_b.add(j)

    # 1. stable ids
    by_guid: dict[str, int] = {}
    dup: set[str] = set()
    for j, item in enumerate(b):
        if item.guid:
            if item.guid in by_guid:
                dup.add(item.guid)
            by_guid[item.guid] = j
    for i, item in enumerate(a):
        j = by_guid.get(item.guid, -1) if item.guid and item.guid not in dup else -1
        if j >= 0 and j not in used_b and b[j].cls == item.cls:
            add(i, j, "guid", similarity(item.text, b[j].text) if item.key != b[j].key else 100.0)

    # 2. identical content (same class); among duplicates prefer the same number, else reading order
    by_key: dict[tuple[str, str], list[int]] = {}
    for j, item in enumerate(b):
        if j not in used_b:
            by_key.setdefault((item.cls, item.key), []).append(j)
    for i, item in enumerate(a):
        if i in pa:
            continue
        candidates = by_key.get((item.cls, item.key))
        if not candidates:
            continue
        pick = next((j for j in candidates if b[j].num == item.num), candidates[0])
        candidates.remove(pick)
        add(i, pick, "text", 100.0)

    # 2b. the same heading, unique on both sides, over reasonably similar content (headings
    #     rarely change when the text does: a cheap anchor that keeps the gaps small)
    heads_a: dict[tuple[str, str], list[int]] = {}
    heads_b: dict[tuple[str, str], list[int]] = {}
    for items, heads, taken in ((a, heads_a, pa), (b, heads_b, used_b)):
        for k, item in enumerate(items):
            if k not in taken and item.role == "tree" and item.heading:
                heads.setdefault((item.cls, item.heading), []).append(k)
    for key, found in heads_a.items():
        other = heads_b.get(key)
        if len(found) == 1 and other and len(other) == 1:
            score = item_similarity(a[found[0]], b[other[0]])
            if score >= SIMILAR_SAME_NUM:
                add(found[0], other[0], "heading", score)

    # 3. between anchors: a gap too large for a sequence alignment is first narrowed by pairing
    #    similar provisions near the diagonal (order mostly holds inside a gap) …
    for (i0, i1), (j0, j1) in list(_gaps(pa, a, len(b))):
        rows = [i for i in range(i0, i1) if i not in pa]
        cols = [j for j in range(j0, j1) if j not in used_b]
        if len(rows) * len(cols) > MAX_GAP_CELLS:
            for i, j, score in _band(a, b, rows, cols):
                if i not in pa and j not in used_b:
                    add(i, j, "similarity", score)
    #    … then each gap gets a weighted sequence alignment (a provision rewritten in place).
    for (i0, i1), (j0, j1) in list(_gaps(pa, a, len(b))):
        rows = [i for i in range(i0, i1) if i not in pa]
        cols = [j for j in range(j0, j1) if j not in used_b]
        if rows and cols and len(rows) * len(cols) <= MAX_GAP_CELLS:
            for i, j, score in _sequence(a, b, rows, cols):
                add(i, j, "sequence", score)

    # 4. similar content anywhere (moved provisions), best scores first
    rows = [i for i in range(len(a)) if i not in pa]
    cols = [j for j in range(len(b)) if j not in used_b]
    if rows and cols and len(rows) * len(cols) <= MAX_FUZZY_CELLS:
        matrix = _matrix([a[i] for i in rows], [b[j] for j in cols])
        xs, ys = np.nonzero(matrix >= SIMILAR)
        for score, x, y in sorted(zip(matrix[xs, ys].tolist(), xs.tolist(), ys.tolist()), reverse=True):
            if rows[x] not in pa and cols[y] not in used_b:
                add(rows[x], cols[y], "similarity", score)

    pairs = sorted(pa.values(), key=lambda p: p.i)
    backbone = _chain([p.j for p in pairs], [_weight(a[p.i], p) for p in pairs])
    moved = {pairs[k].i for k in range(len(pairs)) if k not in backbone}
    return pairs, moved


def _weight(item: Alignable, pair: Pair) -> float:
    # A heading that now starts a chapter one article earlier is what moved, not the article:
    # provisions weigh more than division headings in the in-order backbone. Between equally
    # heavy explanations, the provision displaced farther is the one that moved (a hair's weight).
    base = 1.0 if item.role == "tree" else 0.5
    return base - 1e-7 * abs(pair.j - pair.i)


def _gaps(pa: dict[int, Pair], a: Sequence[Alignable], m: int) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """Ranges between consecutive in-order anchors: ((old from, old to), (new from, new to))."""
    n = len(a)
    pairs = sorted(pa.values(), key=lambda p: p.i)
    keep = _chain([p.j for p in pairs], [_weight(a[p.i], p) for p in pairs])
    pi = pj = 0
    for k in sorted(keep):
        p = pairs[k]
        if p.i > pi and p.j > pj:
            yield (pi, p.i), (pj, p.j)
        pi, pj = p.i + 1, p.j + 1
    if pi < n and pj < m:
        yield (pi, n), (pj, m)


def _sequence(a: Sequence[Alignable], b: Sequence[Alignable], rows: list[int], cols: list[int]) -> list[tuple[int, int, float]]:
    """Monotone alignment of one gap maximising total similarity (pairs must be plausible)."""
    single = len(rows) == 1 and len(cols) == 1
    sims = _matrix([a[i] for i in rows], [b[j] for j in cols]).tolist()
    n, m = len(rows), len(cols)
    sc = [[0.0] * m for _ in range(n)]
    for x in range(n):
        for y in range(m):
            if a[rows[x]].cls != b[cols[y]].cls:
                continue
            s, same_num = sims[x][y], a[rows[x]].num == b[cols[y]].num
            # Alone in its gap with its number kept, a provision is the same one rewritten.
            if s >= SIMILAR or (same_num and (s >= SIMILAR_SAME_NUM or single)):
                sc[x][y] = max(s, 1.0) + (SAME_NUM_BONUS if same_num else 0.0)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(n - 1, -1, -1):
        for y in range(m - 1, -1, -1):
            take = best[x + 1][y + 1] + sc[x][y] if sc[x][y] > 0 else -1.0
            best[x][y] = max(best[x + 1][y], best[x][y + 1], take)
    out = []
    x = y = 0
    while x < n and y < m:
        if sc[x][y] > 0 and best[x][y] == best[x + 1][y + 1] + sc[x][y]:
            out.append((rows[x], cols[y], sims[x][y]))
            x, y = x + 1, y + 1
        elif best[x][y] == best[x + 1][y]:
            x += 1
        else:
            y += 1
    return out


def _band(a: Sequence[Alignable], b: Sequence[Alignable], rows: list[int], cols: list[int]) -> list[tuple[int, int, float]]:
    """Similar pairs (edit ratio ≥ SIMILAR) near the diagonal of a large gap, best first: blocks of
    old provisions against the stretch of new ones where they would fall if the order held."""
    n, m = len(rows), len(cols)
    found: list[tuple[float, int, int, float]] = []
    for start in range(0, n, BAND):
        block = rows[start:start + BAND]
        lo = max(0, start * m // n - BAND)
        hi = min(m, (start + len(block)) * m // n + BAND)
        window = cols[lo:hi]
        if not window:
            continue
        # Plain edit ratio only: a third of the cost of the full measure, and this is only narrowing.
        matrix = process.cdist([a[i].text for i in block], [b[j].text for j in window], scorer=fuzz.ratio,
                               dtype=np.float32, workers=1)
        cls_ok = np.array([a[i].cls for i in block], dtype=object)[:, None] == np.array([b[j].cls for j in window], dtype=object)[None, :]
        xs, ys = np.nonzero((matrix >= SIMILAR) & cls_ok)
        for x, y, score in zip(xs.tolist(), ys.tolist(), matrix[xs, ys].tolist()):
            bonus = SAME_NUM_BONUS if a[block[x]].num == b[window[y]].num else 0.0
            found.append((score + bonus, block[x], window[y], score))
    found.sort(reverse=True)
    return [(i, j, score) for _, i, j, score in found]


def _chain(values: list[int], weights: list[float]) -> set[int]:
    """Positions of the heaviest strictly increasing subsequence of `values` (a weighted longest
    increasing subsequence, O(n log n) with a Fenwick tree of prefix maxima over the values)."""
    if not values:
        return set()
    ranks = {v: r + 1 for r, v in enumerate(sorted(set(values)))}
    size = len(ranks)
    tree_best = [0.0] * (size + 1)
    tree_at = [-1] * (size + 1)
    best = [0.0] * len(values)
    prev = [-1] * len(values)
    for idx, v in enumerate(values):
        r = ranks[v] - 1  # best chain ending below v
        top, at = 0.0, -1
        while r > 0:
            if tree_best[r] > top:
                top, at = tree_best[r], tree_at[r]
            r -= r & -r
        best[idx] = top + weights[idx]
        prev[idx] = at
        r = ranks[v]
        while r <= size:
            if best[idx] > tree_best[r]:
                tree_best[r], tree_at[r] = best[idx], idx
            r += r & -r
    out: set[int] = set()
    idx = max(range(len(values)), key=best.__getitem__)
    while idx >= 0:
        out.add(idx)
        idx = prev[idx]
    return out
