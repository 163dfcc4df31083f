"""Quorum and votes per item (DESIGN.md section 5), written from the regulations: presence,
alternates, recusals, ballots, thresholds, outcomes and SOP overrides."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.rules.files import BadFile
from app.rules.profiles import load_profile
from app.rules.sop import SopRefused, resolve
from app.rules.thresholds import more_than_half, threshold, two_thirds
from tests.rules.builders import (
    ALL_PROFILES,
    CN,
    US,
    check_meeting,
    compliant_members,
    meeting_doc,
    member,
)

# Five present who meet every category rule of every profile: medicine F and M (affiliated),
# bioethics M, law F and lay M (none affiliated).
QUORATE = ("m1", "m2", "m4", "m5", "m6")


def attending(*present: str, **others: str) -> dict[str, str]:
    return {**dict.fromkeys(present, "present"), **others}


def item(ident: str = "I-1", **fields: Any) -> dict[str, Any]:
    return {"id": ident, **fields}


def only(result: Any) -> Any:
    (single,) = result.items
    return single


def failing(item_result: Any) -> set[str]:
    return {f.check for f in item_result.findings if not f.ok}


def quorum_checks(profile: str) -> set[str]:
    return {r.vocabulary_check for r in load_profile(profile).quorum}


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_quorum_met_and_lost_by_one_person(profile: str) -> None:
    met = only(check_meeting(meeting_doc(profile, attending(*QUORATE), [item(kind="report")])))
    assert met.quorum and met.present == 5 and failing(met) == set()
    assert {f.check for f in met.findings} == quorum_checks(profile)
    assert all(f.severity == "error" for f in met.findings)
    lost = only(
        check_meeting(meeting_doc(profile, attending(*QUORATE[:-2], "m6"), [item(kind="report")]))
    )
    assert not lost.quorum and lost.present == 4
    assert failing(lost) == {"quorum_count"}


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_quorum_lost_by_a_recusal(profile: str) -> None:
    result = check_meeting(meeting_doc(profile, attending(*QUORATE), [item(recused=["m2"])]))
    lost = only(result)
    assert not lost.quorum and lost.present == 4 and failing(lost) == {"quorum_count"}


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_quorum_lost_when_someone_leaves_for_one_item(profile: str) -> None:
    doc = meeting_doc(
        profile,
        attending(*QUORATE),
        [item("I-1"), item("I-2", attendance={"m2": "absent"}), item("I-3")],
    )
    first, second, third = check_meeting(doc).items
    assert first.quorum and third.quorum
    assert not second.quorum and second.present == 4


@pytest.mark.parametrize("profile", US)
def test_recused_nonscientist_leaves_a_us_meeting_without_quorum(profile: str) -> None:
    # Six of nine present, the bioethicist the only non-scientist among them.
    doc = meeting_doc(
        profile,
        attending("m1", "m2", "m3", "m4", "m8", "m9"),
        [item("I-1"), item("I-2", recused=["m4"])],
    )
    before, after = check_meeting(doc).items
    assert before.quorum
    assert after.present == 5 and 2 * after.present > 9  # still a majority …
    assert not after.quorum and failing(after) == {"quorum_nonscientist"}  # … but no non-scientist


def _with_alternate() -> list[dict[str, Any]]:
    return [
        *compliant_members(),
        member("a1", "郭强", "male", ["medicine"], True, role="alternate", alternate_for="m2"),
    ]


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_alternate_takes_an_absent_members_seat(profile: str) -> None:
    members = _with_alternate()
    attendance = attending("m1", "a1", "m4", "m5", "m6", m2="absent")
    votes = {"m1": "approve", "a1": "approve", "m4": "approve", "m5": "approve", "m6": "approve"}
    result = only(check_meeting(meeting_doc(profile, attendance, [item(votes=votes)], members)))
    assert result.quorum and result.present == 5
    assert "a1" in result.seats
    assert result.counts == {"approve": 5}


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_alternate_whose_member_is_present_holds_no_seat(profile: str) -> None:
    members = _with_alternate()
    attendance = attending(*QUORATE, a1="present")
    votes = {"m1": "approve", "a1": "approve"}
    result = only(check_meeting(meeting_doc(profile, attendance, [item(votes=votes)], members)))
    assert result.present == 5 and "a1" not in result.seats
    assert [
        (f.check, f.member) for f in result.findings if not f.ok and f.check.endswith("_vote")
    ] == [("ineligible_vote", "a1")]
    assert result.counts == {"approve": 1}


def test_alternate_and_member_both_voting_is_a_duplicate() -> None:
    members = _with_alternate()
    attendance = attending(*QUORATE, a1="present")
    result = only(
        check_meeting(
            meeting_doc(
                "us-45cfr46",
                attendance,
                [item(votes={"m2": "approve", "a1": "disapprove"})],
                members,
            )
        )
    )
    duplicate = [f for f in result.findings if f.check == "duplicate_vote"]
    assert [(f.member, f.ok, f.severity) for f in duplicate] == [("a1", False, "warning")]
    assert result.counts == {"approve": 1}


def test_alternate_does_not_sit_for_a_recused_member() -> None:
    members = _with_alternate()
    attendance = attending("m1", "a1", "m4", "m5", "m6", "m3", m2="present")
    result = only(
        check_meeting(meeting_doc("cn-2023", attendance, [item(recused=["m2"])], members))
    )
    assert "a1" not in result.seats and result.present == 5


def test_first_alternate_in_roster_order_takes_the_seat() -> None:
    members = [
        *_with_alternate(),
        member("a2", "第二替补", "female", ["law"], False, role="alternate", alternate_for="m2"),
    ]
    attendance = attending("m1", "a2", "a1", "m4", "m5", "m6")
    result = only(check_meeting(meeting_doc("cn-2023", attendance, [item()], members)))
    assert "a1" in result.seats and "a2" not in result.seats and result.present == 5


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_remote_members_count_and_excused_members_do_not(profile: str) -> None:
    remote = attending("m1", "m4", "m5", "m6", m2="remote")
    assert only(check_meeting(meeting_doc(profile, remote, [item()]))).quorum
    excused = attending("m1", "m4", "m5", "m6", m2="excused")
    assert not only(check_meeting(meeting_doc(profile, excused, [item()]))).quorum


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_sop_can_stop_remote_attendance_counting(profile: str) -> None:
    remote = attending("m1", "m4", "m5", "m6", m2="remote")
    result = check_meeting(meeting_doc(profile, remote, [item()], sop={"remote_counts": False}))
    assert not only(result).quorum and result.relaxations == ()


def _ballots_doc(profile: str) -> dict[str, Any]:
    members = [
        *compliant_members(),
        member("c1", "何伟", "male", ["medicine"], False, role="consultant"),
        member("s1", "林晓", "female", ["other"], True, role="secretary"),
    ]
    attendance = attending(*QUORATE, "m3", "c1", "s1", m9="absent")
    votes = {
        "m1": "approve",
        "m2": "approve",
        "m4": "approve",
        "m5": "approve",
        "m6": "approve",
        "m3": "disapprove",  # recused
        "c1": "approve",  # consultant
        "s1": "approve",  # secretary
        "m9": "approve",  # absent
    }
    return meeting_doc(profile, attendance, [item(recused=["m3"], votes=votes)], members)


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_ineligible_ballots_are_left_out_with_warnings(profile: str) -> None:
    result = only(check_meeting(_ballots_doc(profile)))
    left_out = {(f.check, f.member) for f in result.findings if f.check.endswith("_vote")}
    assert left_out == {
        ("recused_vote", "m3"),
        ("consultant_vote", "c1"),
        ("ineligible_vote", "s1"),
        ("ineligible_vote", "m9"),
    }
    assert all(
        not f.ok and f.severity == "warning" for f in result.findings if f.check.endswith("_vote")
    )
    assert result.counts == {"approve": 5}


def test_all_members_rule_and_present_majority_rule_decide_differently() -> None:
    # Nine members, five present, four approve and one abstains.
    votes = {"m1": "approve", "m2": "approve", "m4": "approve", "m5": "approve", "m6": "abstain"}
    for profile in CN:
        cn = only(check_meeting(meeting_doc(profile, attending(*QUORATE), [item(votes=votes)])))
        assert (cn.threshold, cn.outcome) == (5, None)  # more than half of all nine
        assert "vote_threshold" in failing(cn)
    for profile in US:
        us = only(check_meeting(meeting_doc(profile, attending(*QUORATE), [item(votes=votes)])))
        assert (us.threshold, us.outcome) == (3, "approve")  # more than half of the five present
        assert us.counts == {"abstain": 1, "approve": 4}


@pytest.mark.parametrize(
    ("present", "approvals", "outcome"),
    [
        (6, 4, "approve"),
        (6, 3, None),
        (7, 5, "approve"),
        (7, 4, None),
        (9, 6, "approve"),
        (9, 5, None),
    ],
)
def test_two_thirds_of_present_at_its_boundary(
    present: int, approvals: int, outcome: str | None
) -> None:
    ids = [f"m{i}" for i in (1, 2, 4, 5, 6, 3, 7, 8, 9)][:present]
    votes = {ident: ("approve" if n < approvals else "disapprove") for n, ident in enumerate(ids)}
    result = only(check_meeting(meeting_doc("cn-most-2023", attending(*ids), [item(votes=votes)])))
    assert result.quorum and result.threshold == two_thirds(present)
    assert result.outcome == outcome


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_no_decision_when_no_code_reaches_the_threshold(profile: str) -> None:
    present = ("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9")
    votes = {
        "m1": "approve",
        "m2": "approve",
        "m3": "approve",
        "m4": "disapprove",
        "m5": "disapprove",
        "m6": "disapprove",
        "m7": "abstain",
        "m8": "abstain",
    }
    result = only(check_meeting(meeting_doc(profile, attending(*present), [item(votes=votes)])))
    assert result.quorum and result.outcome is None
    decision = [f for f in result.findings if f.check == "vote_threshold"]
    assert [(f.ok, f.severity) for f in decision] == [(False, "error")]
    assert str(result.threshold) in decision[0].message_in("en")


def test_no_quorum_no_outcome_and_no_threshold_finding() -> None:
    votes = {"m1": "approve", "m2": "approve", "m4": "approve"}
    result = only(
        check_meeting(meeting_doc("us-45cfr46", attending("m1", "m2", "m4"), [item(votes=votes)]))
    )
    assert not result.quorum and result.outcome is None
    assert "vote_threshold" not in {f.check for f in result.findings}


def test_report_items_are_listed_without_votes() -> None:
    doc = meeting_doc(
        "cn-2023",
        attending(*QUORATE),
        [item("R-1", kind="report"), item("V-1", votes={m: "approve" for m in QUORATE})],
    )
    result = check_meeting(doc)
    report, review = result.items
    assert (report.kind, report.counts, report.outcome) == ("report", {}, None)
    assert report.quorum and {f.check for f in report.findings} == quorum_checks("cn-2023")
    assert review.outcome == "approve"  # five of nine is more than half of all members
    only_report = check_meeting(
        meeting_doc("cn-2023", attending(*QUORATE), [item("R-1", kind="report")])
    )
    assert only_report.all_decided


def test_a_vote_on_a_report_item_is_bad_input() -> None:
    with pytest.raises(BadFile, match="R-1: votes: a report item is not voted on"):
        check_meeting(
            meeting_doc(
                "cn-2023",
                attending(*QUORATE),
                [item("R-1", kind="report", votes={"m1": "approve"})],
            )
        )


@pytest.mark.parametrize("choice", ["acknowledge", "exempt", "yes", "continue_later"])
def test_outcomes_that_are_not_ballots_are_bad_input(choice: str) -> None:
    with pytest.raises(BadFile, match="m1"):
        check_meeting(meeting_doc("us-45cfr46", attending(*QUORATE), [item(votes={"m1": choice})]))


def test_continue_is_a_ballot_only_where_the_profile_has_it() -> None:
    votes = {m: "continue" for m in ("m1", "m2", "m3", "m4", "m5", "m6")}
    cn = only(
        check_meeting(
            meeting_doc(
                "cn-2023", attending("m1", "m2", "m3", "m4", "m5", "m6"), [item(votes=votes)]
            )
        )
    )
    assert cn.outcome == "continue"
    with pytest.raises(BadFile, match="continue"):
        check_meeting(
            meeting_doc("us-45cfr46", attending(*QUORATE), [item(votes={"m1": "continue"})])
        )


# --- SOP overrides ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "sop"),
    [
        ("cn-2023", {"quorum_min_present": 6}),
        ("cn-2023", {"threshold_fraction": "two_thirds"}),
        ("us-45cfr46", {"threshold_base": "all_members"}),
        ("us-45cfr46", {"remote_counts": False, "named_votes": True}),
        ("ich-e6", {"quorum_min_present": 5}),
        ("who-2011", {"quorum_min_present": 7, "continuing_review_months": 6}),
        ("cn-most-2023", {"required_expertise": ["sociology"]}),
    ],
)
def test_stricter_overrides_are_accepted_without_relaxation(
    profile: str, sop: dict[str, Any]
) -> None:
    params = resolve(load_profile(profile), sop)
    assert params.relaxations == ()


def test_stricter_quorum_override_changes_the_outcome() -> None:
    doc = meeting_doc("us-45cfr46", attending(*QUORATE), [item()], sop={"quorum_min_present": 6})
    result = only(check_meeting(doc))
    assert not result.quorum and failing(result) == {"quorum_count"}


@pytest.mark.parametrize(
    ("profile", "sop", "rule"),
    [
        ("cn-2023", {"threshold_base": "present"}, "CN23-VOTE-1"),
        ("us-45cfr46", {"continuing_review_months": 24}, "US"),
        (
            "us-21cfr56",
            {
                "threshold_fraction": "more_than_half",
                "threshold_base": "present",
                "quorum_min_present": 0,
            },
            None,
        ),
        ("who-2011", {"quorum_min_present": 3}, "WHO"),
        ("cn-most-2023", {"threshold_fraction": "more_than_half"}, "MOST"),
    ],
)
def test_relaxing_what_the_profile_keeps_is_refused_naming_the_rule(
    profile: str, sop: dict[str, Any], rule: str | None
) -> None:
    loaded = load_profile(profile)
    if rule is None:  # the same as the profile: nothing to refuse
        assert resolve(loaded, sop).relaxations == ()
        return
    with pytest.raises(SopRefused) as caught:
        resolve(loaded, sop)
    assert caught.value.field.startswith("sop.")
    assert caught.value.rule.id.startswith(rule)
    assert caught.value.rule.id in str(caught.value)


@pytest.mark.parametrize(
    ("profile", "sop", "override"),
    [
        (
            "ich-e6",
            {
                "threshold_fraction": "more_than_half",
                "threshold_base": "present",
                "quorum_min_present": 3,
            },
            None,
        ),
        ("cn-gcp-2020", {"threshold_base": "present"}, "threshold_base"),
        ("who-2011", {"threshold_base": "present", "threshold_fraction": "more_than_half"}, None),
    ],
)
def test_relaxing_what_the_profile_leaves_to_the_sop_is_shown(
    profile: str, sop: dict[str, Any], override: str | None
) -> None:
    params = resolve(load_profile(profile), sop)
    assert [r.override for r in params.relaxations] == ([override] if override else [])
    for relaxation in params.relaxations:
        assert relaxation.rule.id == load_profile(profile).vote.id


def test_relaxed_threshold_changes_the_outcome_and_is_reported() -> None:
    votes = {"m1": "approve", "m2": "approve", "m4": "approve", "m5": "approve", "m6": "abstain"}
    doc = meeting_doc(
        "cn-gcp-2020", attending(*QUORATE), [item(votes=votes)], sop={"threshold_base": "present"}
    )
    result = check_meeting(doc)
    assert only(result).outcome == "approve" and only(result).threshold == 3
    assert [(r.override, r.rule.id) for r in result.relaxations] == [
        ("threshold_base", load_profile("cn-gcp-2020").vote.id)
    ]


@pytest.mark.parametrize(
    "sop",
    [
        {"votes_by_email": True},
        {"quorum_min_present": "five"},
        {"threshold_base": "everyone"},
        {"required_expertise": ["astrology"]},
    ],
)
def test_malformed_overrides_name_the_override(sop: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as caught:
        resolve(load_profile("cn-2023"), sop)
    assert caught.value.field == f"sop.{next(iter(sop))}"


# --- the arithmetic, for every committee ------------------------------------------------------


def test_thresholds_by_formula() -> None:
    assert [more_than_half(n) for n in range(8)] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert [two_thirds(n) for n in range(10)] == [0, 1, 2, 2, 3, 4, 4, 5, 6, 6]


BASES = ("all_members", "present")
FRACTIONS = ("more_than_half", "two_thirds")


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(ALL_PROFILES),
    st.sampled_from(BASES),
    st.sampled_from(FRACTIONS),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_a_stricter_override_never_needs_fewer_votes(
    profile: str, base: str, fraction: str, n: int, p: int
) -> None:
    loaded = load_profile(profile)
    sop = {"threshold_base": base, "threshold_fraction": fraction}
    total, present = max(n, p), min(n, p)
    try:
        params = resolve(loaded, sop)
    except SopRefused:
        return  # a relaxation the profile keeps: refused, so never applied
    if params.relaxations:
        return  # a relaxation the profile allows, shown beside its rule
    profile_needs = threshold(
        loaded.vote.params["base"], loaded.vote.params["fraction"], total, present
    )
    assert (
        threshold(params.threshold_base, params.threshold_fraction, total, present) >= profile_needs
    )


ATTENDANCE = st.sampled_from(("present", "remote", "absent", "excused"))
CHOICES = st.sampled_from(("approve", "disapprove", "abstain", "approve_with_modifications"))


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(ALL_PROFILES),
    st.lists(ATTENDANCE, min_size=9, max_size=9),
    st.lists(st.one_of(st.none(), CHOICES), min_size=9, max_size=9),
    st.lists(st.booleans(), min_size=9, max_size=9),
)
def test_tally_never_exceeds_the_seats_present(
    profile: str, statuses: list[str], choices: list[str | None], recused: list[bool]
) -> None:
    ids = [m["id"] for m in compliant_members()]
    votes = {i: c for i, c in zip(ids, choices, strict=True) if c is not None}
    doc = meeting_doc(
        profile,
        dict(zip(ids, statuses, strict=True)),
        [item(votes=votes, recused=[i for i, r in zip(ids, recused, strict=True) if r])],
    )
    result = only(check_meeting(doc))
    assert sum(result.counts.values()) <= result.present == result.eligible_voters
    if result.outcome is not None:
        assert result.quorum and result.counts[result.outcome] >= result.threshold


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(ALL_PROFILES),
    st.lists(st.one_of(st.none(), CHOICES), min_size=9, max_size=9),
)
def test_another_approving_ballot_never_undoes_an_approval(
    profile: str, choices: list[str | None]
) -> None:
    ids = [m["id"] for m in compliant_members()]
    votes = {i: c for i, c in zip(ids, choices, strict=True) if c is not None}
    before = only(check_meeting(meeting_doc(profile, attending(*ids), [item(votes=votes)])))
    if before.outcome != "approve":
        return
    for ident in ids:
        if votes.get(ident) != "approve":
            more = {**votes, ident: "approve"}
            after = only(check_meeting(meeting_doc(profile, attending(*ids), [item(votes=more)])))
            assert after.outcome == "approve"
