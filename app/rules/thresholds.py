"""The vote threshold arithmetic (DESIGN.md section 5)."""

from __future__ import annotations


def more_than_half(n: int) -> int:
    """More than half of n: ⌊n/2⌋ + 1."""
    return n // 2 + 1


def two_thirds(n: int) -> int:
    """Two thirds or more of n (三分之二以上): ⌈2n/3⌉."""
    return -(-2 * n // 3)


FRACTIONS = {"more_than_half": more_than_half, "two_thirds": two_thirds}
BASE_RANK = {"present": 0, "all_members": 1}
FRACTION_RANK = {"more_than_half": 0, "two_thirds": 1}


def threshold(base: str, fraction: str, all_members: int, present: int) -> int:
    """Votes a decision needs. Never fewer than one: with nobody to count, ⌈2·0/3⌉ = 0 would
    let an empty tally decide (for every n ≥ 1 the formulas are DESIGN.md's unchanged)."""
    n = all_members if base == "all_members" else present
    return max(1, FRACTIONS[fraction](n))


def at_least_as_strict(base: str, fraction: str, than_base: str, than_fraction: str) -> bool:
    """Whether (base, fraction) needs at least as many votes as the other for every
    committee (N ≥ P ≥ 0): each part is monotone, so both parts must be."""
    return (
        BASE_RANK[base] >= BASE_RANK[than_base]
        and FRACTION_RANK[fraction] >= FRACTION_RANK[than_fraction]
    )
