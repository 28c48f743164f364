"""Compare two prepared names: token similarity, best-pair alignment, weighted score.

Pure functions. `compare_names` aligns query tokens with candidate tokens (each used
once, best pairs first, joined/split words allowed), weights every token by its rarity on
the loaded lists, and returns the score together with the pairs that produced it, so the
explanation is the computation itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from clearance.match.fold import fold, skeleton
from clearance.match.prepare import Name

__all__ = [
    "NameComparison",
    "TokenPair",
    "allowed_edits",
    "compare_names",
    "score_ceiling",
    "token_similarity",
]


SHORT_EDIT_SIMILARITY = {2: 0.3, 3: 0.4, 4: 0.6}


def allowed_edits(length: int) -> int:
    """Edits tolerated in a token of this length: none in short words, more in long ones."""
    if length <= 3:
        return 0
    if length <= 7:
        return 1
    if length <= 11:
        return 2
    return 3


def _edit_similarity(a: str, b: str) -> float:
    length = max(len(a), len(b))
    if length <= 4:
        # one edit in a short word is as often another name (huan/quan): weak evidence
        if length >= 2 and OSA.distance(a, b, score_cutoff=1) <= 1:
            return SHORT_EDIT_SIMILARITY[length]
        return 0.0
    budget = allowed_edits(length)
    dist = OSA.distance(a, b)
    if dist > budget:
        return max(0.0, 0.9 - 1.5 * dist / length) if dist <= budget + 1 else 0.0
    return min(0.95, 1.0 - 0.9 * dist / length)


@lru_cache(maxsize=1 << 20)
def token_similarity(a: str, fa: str, b: str, fb: str) -> float:
    """Similarity in [0, 1] of two tokens (raw a, b; folded fa, fb).

    Exact 1.0; same folded spelling 0.95 (when the raw spellings are within a few edits);
    within the length-aware edit budget (optimal string alignment: a transposition is one
    edit), 1 - 0.9 x edits/length (0.5 for four letters); an unvocalised token (Arabic
    script: "mhmd") equal to the other's consonant skeleton 0.8; numbers match exactly (or
    0.8 for one slip in five or more digits).
    """
    if a == b:
        return 1.0
    if a.isdigit() and b.isdigit():  # numbers: exact, or one slip in a long one
        long_slip = min(len(a), len(b)) >= 5 and OSA.distance(a, b, score_cutoff=1) <= 1
        return 0.8 if long_slip else 0.0
    curated = fold(a) != fa or fold(b) != fb  # a given-name group from name_variants.yml
    if fa == fb and curated:
        return 0.95
    if fa == fb or _edit_similarity(fa, fb) > 0.0:
        # folds are trusted only while the spellings themselves stay close (not rui/rouji)
        length = max(len(a), len(b))
        if OSA.distance(a, b) > (max(1, length // 3) if length <= 6 else length // 2):
            fa, fb = a, b
        elif fa == fb:
            return 0.95
    best = max(_edit_similarity(a, b), 0.95 * _edit_similarity(fa, fb))
    if best < 0.8 and min(len(fa), len(fb)) >= 2:
        sa, sb = skeleton(fa), skeleton(fb)
        # an unvocalised token (no vowel after its first letter) against a vocalised one;
        # short skeletons ("nr" ~ Nur) count only when the vowels are all that differ
        if sa == sb and (sa == fa or sb == fb) and fa != fb and (
                len(sa) >= 3 or abs(len(fa) - len(fb)) == 1):
            best = max(best, 0.8 if len(sa) >= 3 else 0.7)
    return best


@dataclass
class TokenPair:
    """Query token(s) aligned with candidate token(s), their similarity and weight."""

    query: str
    candidate: str
    similarity: float
    weight: float


@dataclass
class NameComparison:
    """Score of one query name against one candidate name, with its working."""

    score: float
    pairs: list[TokenPair] = field(default_factory=list)
    unmatched_query: list[str] = field(default_factory=list)
    unmatched_candidate: list[str] = field(default_factory=list)
    strongest: float = 0.0  # the largest weight among matched tokens
    distinct_leftover: bool = False  # an unmatched token that is not a generic word

    def explain(self) -> str:
        parts = [f"{p.query}~{p.candidate} ({p.similarity:.2f}, w={p.weight:.2f})"
                 for p in self.pairs]
        if self.unmatched_query:
            parts.append("query only: " + " ".join(self.unmatched_query))
        if self.unmatched_candidate:
            parts.append("list only: " + " ".join(self.unmatched_candidate))
        return "; ".join(parts)


Weigher = Callable[[str, bool], float]
JOIN_MIN = 0.85
INITIAL_SIMILARITY = 0.7  # "J." for "Jean": agrees, but says less than the full name
JOIN_WORTH = 0.5  # skip looking for joined words when even a perfect join scores below this
COMMON_WEIGHT = 0.25  # at or below: a generic or very common word


_PATRONYMIC = re.compile(r"(ovich|evich|ovitch|evitch|ovic|evic|ovna|evna|ichna|ogly|oglu|kyzy|qizi)$")


def is_patronymic(token: str) -> bool:
    """Russian/Ukrainian/Turkic father's-name forms: Vladimirovich, Ivanovna, Aliyev ogly."""
    return len(token) >= 6 and _PATRONYMIC.search(token) is not None


def _extra(weight: float) -> float:
    """Penalty mass of a token only one side has: half for generic words ("Group", "The")."""
    return weight * 0.5 if weight <= COMMON_WEIGHT else weight


def _join_pass(
    left: Name, right: Name, free_l: set[int], free_r: set[int]
) -> list[tuple[list[int], int, float]]:
    """Free left tokens that, run together, equal one free right token.

    Runs are adjacent triples, or any ordered pair (people's names are reordered before
    being run together: "MayraGALAVIZ" for "GALAVIZ, Mayra"). Compared raw and folded:
    folding rules see different letter groups across the seam.
    """
    found: list[tuple[list[int], int, float]] = []
    n = len(left.folded)
    if len(free_l) < 2:
        return found
    lens = [len(t) for t in left.tokens]
    lens_f = [len(t) for t in left.folded]

    def bounds() -> tuple[int, int, set[str], set[str]]:
        """Shortest possible run (raw, folded) and the letters a run can start with."""
        return (sum(sorted(lens[a] for a in free_l)[:2]),
                sum(sorted(lens_f[a] for a in free_l)[:2]),
                {left.tokens[a][:1] for a in free_l}, {left.folded[a][:1] for a in free_l})

    shortest, shortest_f, starts, starts_f = bounds()
    for j in sorted(free_r):
        target, target_raw = right.folded[j], right.tokens[j]
        # quick rejections, same outcome as the loop below: a run needs two free tokens
        # whose lengths fit the joined word, and a first token that starts it
        if ((shortest - len(target_raw) > 2 and shortest_f - len(target) > 2)
                or (target_raw[:1] not in starts and target[:1] not in starts_f)):
            continue
        runs: list[list[int]] = []
        for a in sorted(free_l):
            # a run must begin where the joined word begins
            if target_raw[:1] != left.tokens[a][:1] and target[:1] != left.folded[a][:1]:
                continue
            if a + 2 < n and a + 1 in free_l and a + 2 in free_l:
                runs.append([a, a + 1, a + 2])
            if len(free_l) <= 5:
                runs += [[a, b] for b in sorted(free_l) if b != a]
            elif a + 1 in free_l:
                runs.append([a, a + 1])
        for run in runs:
            size = sum(lens[i] for i in run)
            size_f = sum(lens_f[i] for i in run)
            if abs(size - len(target_raw)) > 2 and abs(size_f - len(target)) > 2:
                continue
            joined = "".join(left.folded[i] for i in run)
            joined_raw = "".join(left.tokens[i] for i in run)
            sim = max(Levenshtein.normalized_similarity(joined, target),
                      Levenshtein.normalized_similarity(joined_raw, target_raw))
            if sim >= JOIN_MIN:
                found.append((run, j, 0.95 * sim))
                free_l.difference_update(run)
                free_r.discard(j)
                break
        if len(free_l) < 2:
            break
        if found and found[-1][1] == j:
            shortest, shortest_f, starts, starts_f = bounds()
    return found


def compare_names(
    query: Name,
    cand: Name,
    weigh: Weigher,
    query_extra_penalty: float = 1.0,
    cand_extra_penalty: float = 0.5,
    initials: bool = False,
    query_weights: Sequence[float] | None = None,
    cand_weights: Sequence[float] | None = None,
) -> NameComparison:
    """Align and score two names. Score = matched mass / (matched mass + penalties).

    Token weights come from `weigh`, or precomputed (`query_weights`, `cand_weights`) when
    the caller compares one query with many names.
    """
    q_w = query_weights if query_weights is not None else [
        weigh(f, lf) for f, lf in zip(query.folded, query.legal)]
    c_w = cand_weights if cand_weights is not None else [
        weigh(f, lf) for f, lf in zip(cand.folded, cand.legal)]
    candidates: list[tuple[float, int, int]] = []
    for i, (qt, qf) in enumerate(zip(query.tokens, query.folded)):
        for j, (ct, cf) in enumerate(zip(cand.tokens, cand.folded)):
            if query.legal[i] != cand.legal[j] and qt != ct:
                continue
            sim = token_similarity(qt, qf, ct, cf)
            if sim == 0.0 and initials and (len(qt) == 1 or len(ct) == 1) and qt[0] == ct[0]:
                sim = INITIAL_SIMILARITY
            if sim > 0.0:
                candidates.append((sim, i, j))
    candidates.sort(key=lambda x: (-x[0], x[1], x[2]))
    free_q = set(range(len(query.tokens)))
    free_c = set(range(len(cand.tokens)))
    result = NameComparison(score=0.0)
    matched = penalty = 0.0

    def take(sim: float, i: int, j: int) -> None:
        nonlocal matched, penalty
        free_q.discard(i)
        free_c.discard(j)
        w = (q_w[i] + c_w[j]) / 2.0
        matched += sim * w
        penalty += (1.0 - sim) * w
        if not query.legal[i]:
            result.strongest = max(result.strongest, w * sim)
        result.pairs.append(TokenPair(query.tokens[i], cand.tokens[j], sim, w))

    # sure pairs first, then words run together, then the remaining near pairs: a glued
    # "QiTechnology" must not be spent on "Technology" before "Qi" + "Technology" is tried
    for sim, i, j in candidates:
        if sim >= 0.95 and i in free_q and j in free_c:
            take(sim, i, j)
    free_mass = sum(q_w[i] for i in free_q) + sum(c_w[j] for j in free_c)
    reachable = (matched + free_mass) / (matched + free_mass + penalty + 1e-9)
    if free_q and free_c and reachable >= JOIN_WORTH:
        for run, j, sim in _join_pass(query, cand, free_q, free_c):
            w = (sum(q_w[i] for i in run) / len(run) + c_w[j]) / 2.0
            matched += sim * w
            penalty += (1.0 - sim) * w
            result.strongest = max(result.strongest, w * sim)
            result.pairs.append(TokenPair(" ".join(query.tokens[i] for i in run),
                                          cand.tokens[j], sim, w))
        for run, i, sim in _join_pass(cand, query, free_c, free_q):
            w = (sum(c_w[j] for j in run) / len(run) + q_w[i]) / 2.0
            matched += sim * w
            penalty += (1.0 - sim) * w
            result.strongest = max(result.strongest, w * sim)
            result.pairs.append(TokenPair(query.tokens[i],
                                          " ".join(cand.tokens[j] for j in run), sim, w))
    for sim, i, j in candidates:
        if sim < 0.95 and i in free_q and j in free_c:
            take(sim, i, j)
    # patronymics (people): one only the query gives is a middle name the list omits; two
    # different ones contradict each other (Ivanovich is not Viktorovich)
    q_patr = {i for i in free_q if initials and is_patronymic(query.tokens[i])}
    c_patr = {j for j in free_c if initials and is_patronymic(cand.tokens[j])}
    conflict = bool(q_patr and c_patr)
    for i in sorted(free_q):
        extra = cand_extra_penalty if i in q_patr and not conflict else query_extra_penalty
        penalty += extra * _extra(q_w[i])
        result.unmatched_query.append(query.tokens[i])
        result.distinct_leftover |= q_w[i] > COMMON_WEIGHT
    for j in sorted(free_c):
        extra = query_extra_penalty if j in c_patr and conflict else cand_extra_penalty
        penalty += extra * _extra(c_w[j])
        result.unmatched_candidate.append(cand.tokens[j])
        result.distinct_leftover |= c_w[j] > COMMON_WEIGHT
    result.score = matched / (matched + penalty) if matched > 0 else 0.0
    return result


def _may_pair(qt: str, qf: str, ql: bool, cand: Name, initials: bool) -> bool:
    """Whether `compare_names` could align this query token with any candidate token:
    a similar token, an initial, or a piece of a word one side runs together."""
    for ct, cf, cl in zip(cand.tokens, cand.folded, cand.legal):
        if (ql == cl or qt == ct) and token_similarity(qt, qf, ct, cf) > 0.0:
            return True
        if initials and (len(qt) == 1 or len(ct) == 1) and qt[0] == ct[0]:
            return True
    for ct, cf in zip(cand.tokens, cand.folded):
        if len(ct) == len(qt):
            continue
        if max(fuzz.partial_ratio(qf, cf), fuzz.partial_ratio(qt, ct)) >= 60:
            return True
    return False


def score_ceiling(
    query: Name,
    cand: Name,
    weigh: Weigher,
    query_extra_penalty: float = 1.0,
    cand_extra_penalty: float = 0.5,
    initials: bool = False,
) -> float:
    """An upper bound of `compare_names(query, cand, ...).score`, without aligning.

    Every query token that could pair with anything is counted as a perfect match at the
    largest weight a pair can have ((w + 1) / 2: weights are at most 1); only tokens that
    certainly stay unmatched cost their penalty. Monitoring uses it to drop candidate
    pairs that cannot reach the threshold before paying for the real comparison.
    """
    matched = penalty = 0.0
    for qt, qf, ql in zip(query.tokens, query.folded, query.legal):
        w = weigh(qf, ql)
        if _may_pair(qt, qf, ql, cand, initials):
            matched += (w + 1.0) / 2.0
            continue
        extra = query_extra_penalty
        if initials and is_patronymic(qt):
            extra = min(query_extra_penalty, cand_extra_penalty)
        penalty += extra * _extra(w)
    return matched / (matched + penalty) if matched > 0 else 0.0

