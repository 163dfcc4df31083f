"""Composition on a date, for every profile: a compliant roster, each composition rule
failing alone, terms, and what never counts (DESIGN.md section 5)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.rules.profiles import load_profile
from tests.rules.builders import (
    ALL_PROFILES,
    CN,
    check_roster,
    compliant_members,
    failing,
    member,
    roster_doc,
)

Members = list[dict[str, Any]]


def _where(members: Members, test: Callable[[dict[str, Any]], bool], **changes: Any) -> Members:
    for m in members:
        if test(m):
            m.update(changes)
    return members


def _drop(members: Members, *ids: str) -> Members:
    return [m for m in members if m["id"] not in ids]


def _min_members(profile: str) -> tuple[Members, dict[str, Any]]:
    minimum = {"cn-2023": 7, "cn-2016": 7, "cn-gcp-2020": 7, "cn-most-2023": 7}.get(profile, 5)
    members = compliant_members()
    if minimum == 7:  # keep one of every kind every rule needs: six members
        return _drop(members, "m3", "m8", "m9"), {}
    return [
        member("a", "Ann", "female", ["medicine"], True, role="chair"),
        member("b", "Bo", "male", ["bioethics"], False),
        member("c", "Cy", "female", ["law"], False),
        member("d", "Di", "male", ["lay"], False),
    ], {}


def _expertise(category: str) -> Callable[[str], tuple[Members, dict[str, Any]]]:
    providers = {
        "biomedicine": ("medicine", "life_science", "pharmacy", "nursing"),
        "law": ("law",),
        "bioethics": ("bioethics",),
        "sociology": ("sociology",),
        "law_or_ethics": ("law", "bioethics"),
    }[category]
    replacement = ["statistics"] if category == "biomedicine" else ["other"]

    def build(profile: str) -> tuple[Members, dict[str, Any]]:
        members = compliant_members()
        return _where(members, lambda m: m["expertise"][0] in providers, expertise=replacement), {}

    return build


MUTATIONS: dict[str, Callable[[str], tuple[Members, dict[str, Any]]]] = {
    "min_members": _min_members,
    "required_expertise:biomedicine": _expertise("biomedicine"),
    "required_expertise:law": _expertise("law"),
    "required_expertise:bioethics": _expertise("bioethics"),
    "required_expertise:sociology": _expertise("sociology"),
    "required_expertise:law_or_ethics": _expertise("law_or_ethics"),
    "lay_member": lambda p: (
        _where(compliant_members(), lambda m: m["expertise"] == ["lay"], affiliated=True),
        {},
    ),
    "non_affiliated_member": lambda p: (
        _where(compliant_members(), lambda m: True, affiliated=True),
        {},
    ),
    "nonscientist_member": lambda p: (
        _where(
            compliant_members(),
            lambda m: m["expertise"][0] in ("bioethics", "law", "lay", "sociology"),
            scientist=True,
        ),
        {},
    ),
    "scientist_member": lambda p: (
        _where(compliant_members(), lambda m: True, scientist=False),
        {},
    ),
    "gender_diversity": lambda p: (
        _where(compliant_members(), lambda m: True, gender="female"),
        {},
    ),
    "single_profession": lambda p: (
        [
            member(
                f"s{i}",
                f"S{i}",
                "female" if i % 2 else "male",
                ["law"],
                i % 2 == 0,
                role="chair" if i == 0 else "member",
                scientist=i < 3,
            )
            for i in range(6)
        ],
        {},
    ),
    "minority_member": lambda p: (compliant_members(), {"minority_region": True}),
    "chair": lambda p: (_where(compliant_members(), lambda m: m["id"] == "m2", role="chair"), {}),
    "term_length": lambda p: (
        _where(
            compliant_members(),
            lambda m: m["id"] == "m8",
            term_start="2022-01-01",
            term_end="2027-01-01",
        ),
        {},
    ),
    "term_expired": lambda p: (
        _where(compliant_members(), lambda m: m["id"] == "m8", term_end="2026-05-31"),
        {},
    ),
}


def _composition_checks(profile: str) -> list[str]:
    return [r.vocabulary_check for r in load_profile(profile).composition]


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_compliant_roster_passes_every_check(profile: str) -> None:
    result = check_roster(roster_doc(profile))
    assert result.ok
    assert failing(result) == set()
    reported = {f.check for f in result.findings}
    expected = set(_composition_checks(profile)) - {"minority_member"}  # only in minority regions
    assert reported == expected


CASES = [(p, c) for p in ALL_PROFILES for c in _composition_checks(p)]


@pytest.mark.parametrize(("profile", "check"), CASES, ids=[f"{p}-{c}" for p, c in CASES])
def test_each_composition_rule_fails_alone(profile: str, check: str) -> None:
    members, top = MUTATIONS[check](profile)
    result = check_roster(roster_doc(profile, members, **top))
    assert failing(result) == {check}
    finding = next(f for f in result.findings if f.check == check and not f.ok)
    rule = next(r for r in load_profile(profile).composition if r.vocabulary_check == check)
    assert (finding.severity, finding.rule) == (rule.severity, rule.id)
    assert finding.citation_in("en") and finding.message_in("en")
    assert result.ok is (rule.severity != "error")


def test_minority_member_counts_in_a_minority_region() -> None:
    members = _where(compliant_members(), lambda m: m["id"] == "m9", minority=True)
    result = check_roster(roster_doc("cn-2023", members, minority_region=True))
    minority = [f for f in result.findings if f.check == "minority_member"]
    assert [(f.ok, f.severity) for f in minority] == [(True, "warning")]


@pytest.mark.parametrize("profile", CN)
def test_expired_term_does_not_count_and_is_warned(profile: str) -> None:
    # The only law member's term ended the day before: law fails, with a term_expired warning.
    members = _where(compliant_members(), lambda m: m["id"] == "m5", term_end="2026-05-31")
    result = check_roster(roster_doc(profile, members))
    assert failing(result) == {"required_expertise:law", "term_expired"}
    expired = [f for f in result.findings if f.check == "term_expired" and not f.ok]
    assert [f.member for f in expired] == ["m5"] and expired[0].severity == "warning"
    # On the last day of the term it still counts.
    assert check_roster(roster_doc(profile, members, as_of="2026-05-31")).ok


def test_term_not_yet_started_is_left_out_silently() -> None:
    members = _where(
        compliant_members(),
        lambda m: m["id"] == "m5",
        term_start="2026-07-01",
        term_end="2030-06-30",
    )
    result = check_roster(roster_doc("cn-2023", members))
    assert failing(result) == {"required_expertise:law"}


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        ("2024-01-01", "2028-12-31", True),
        ("2024-01-01", "2029-01-01", False),  # on the fifth anniversary: too long
        ("2024-02-29", "2029-02-28", True),
        ("2024-02-29", "2029-03-01", False),  # 29 Feb's anniversary in a common year is 1 March
    ],
)
def test_term_length_boundary(start: str, end: str, ok: bool) -> None:
    members = _where(compliant_members(), lambda m: m["id"] == "m8", term_start=start, term_end=end)
    result = check_roster(roster_doc("cn-2023", members, as_of="2026-06-01"))
    lengths = {f.member: f.ok for f in result.findings if f.check == "term_length"}
    assert lengths["m8"] is ok


@pytest.mark.parametrize(
    "extra",
    [
        member("c1", "顾问", "male", ["law"], False, role="consultant"),
        member("s1", "秘书", "male", ["law"], False, role="secretary"),
        member("x1", "候补", "male", ["law"], False, role="alternate", alternate_for="m1"),
        member("v1", "不投票", "male", ["law"], False, voting=False),
    ],
    ids=["consultant", "secretary", "alternate", "non-voting"],
)
def test_who_never_counts_toward_composition(extra: dict[str, Any]) -> None:
    members = _where(compliant_members(), lambda m: m["id"] == "m5", expertise=["other"])
    result = check_roster(roster_doc("cn-2023", [*members, extra]))
    assert "required_expertise:law" in failing(result)


def test_counted_members_are_in_the_message() -> None:
    result = check_roster(roster_doc("cn-2023"))
    minimum = next(f for f in result.findings if f.check == "min_members")
    assert "9 counted members" in minimum.message_in("en")


def test_findings_are_bilingual() -> None:
    result = check_roster(roster_doc("cn-2023", _expertise("law")("cn-2023")[0]))
    law = next(f for f in result.findings if f.check == "required_expertise:law")
    assert "法学" in law.message_in("zh_CN")
    assert "《涉及人的生命科学和医学研究伦理审查办法》" in law.citation_in("zh_CN")


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_sop_required_expertise_adds_a_check(profile: str) -> None:
    members = _where(
        compliant_members(), lambda m: m["expertise"] == ["statistics"], expertise=["nursing"]
    )
    result = check_roster(roster_doc(profile, members, sop={"required_expertise": ["statistics"]}))
    assert "required_expertise:statistics" in failing(result)
    assert result.ok is False
