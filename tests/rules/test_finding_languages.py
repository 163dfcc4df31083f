"""One evaluation, rendered in either language: findings hold a message key and plain
parameters, and ``message_in``/``citation_in``/``as_json`` render them in the caller's
language. The expected texts are fixed: they are what the engine printed when it rendered
each evaluation in one language (before findings became language-neutral)."""

from __future__ import annotations

from typing import Any

from app.rules.evaluate import Finding
from tests.rules.builders import (
    check_meeting,
    check_roster,
    compliant_members,
    everyone,
    meeting_doc,
    member,
    roster_doc,
)

MEASURES_ZH = "《涉及人的生命科学和医学研究伦理审查办法》（国卫科教发〔2023〕4号）"
MEASURES_EN = (
    "Measures for Ethical Review of Life Science and Medical Research Involving Humans "
    "(NHC et al., 2023, No. 4)"
)
GUIDE_ZH = "《涉及人的临床研究伦理审查委员会建设指南》"
GUIDE_EN = "Guide for Building Ethics Review Committees for Clinical Research Involving Humans"
SOP_ZH = "本委员会标准操作规程（SOP）"
SOP_EN = "The committee's standard operating procedures (SOP)"


def _demo_like_roster() -> dict[str, Any]:
    """The nine members of the builders, with a gap and each kind of term: no lawyer, one
    term ended (not counted), one open, one longer than five years; a minority region and
    an SOP that asks for a statistician (a rule the profile does not have)."""
    members = compliant_members()
    by_id = {m["id"]: m for m in members}
    by_id["m5"]["expertise"] = ["other"]
    by_id["m9"]["term_end"] = "2026-03-31"
    del by_id["m3"]["term_end"]
    by_id["m8"]["term_start"] = "2020-01-01"
    by_id["m7"]["minority"] = True
    return roster_doc(
        "cn-2023", members, minority_region=True, sop={"required_expertise": ["statistics"]}
    )


def _term(name: str, start: str, end: str) -> tuple[str, str]:
    return (
        f"任期不超过 5 年：{name} 的任期 {start} 至 {end}",
        f"A term of at most 5 years: {name}'s term {start} to {end}",
    )


def _runs(name: str) -> tuple[str, str]:
    return (
        f"委员任期未届满：{name} 的任期至 2027-12-31",
        f"The member's term has not ended: {name}'s term runs to 2027-12-31",
    )


# (check, member, Chinese message, English message) of every finding, in order.
ROSTER: list[tuple[str, str | None, str, str]] = [
    (
        "min_members",
        None,
        "委员不少于 7 人：计入委员 8 人",
        "At least 7 members: 8 counted members",
    ),
    (
        "required_expertise:biomedicine",
        None,
        "有生命科学或医学领域的委员：符合：王芳、李建国、张敏 等 4 人",
        "A member from life sciences or medicine: met by 王芳, 李建国, 张敏 and 1 more",
    ),
    (
        "required_expertise:bioethics",
        None,
        "有生命伦理学领域的委员：符合：赵丽",
        "A bioethics member: met by 赵丽",
    ),
    (
        "required_expertise:law",
        None,
        "有法学领域的委员：计入的 8 名委员中没有",
        "A law member: none of the 8 counted members",
    ),
    (
        "lay_member",
        None,
        "有非本机构的社会人士：符合：周婷",
        "A lay member not of the institution: met by 周婷",
    ),
    (
        "gender_diversity",
        None,
        "有不同性别的委员：女 4 人，男 4 人",
        "Members of both genders: 4 female, 4 male",
    ),
    (
        "minority_member",
        None,
        "民族地区考虑少数民族委员：符合：吴刚",
        "A minority member in an ethnic-minority region: met by 吴刚",
    ),
    ("chair", None, "设主任委员一人：主任委员 1 人", "Exactly one chair: 1 chairs"),
    ("term_length", "m1", *_term("王芳", "2024-01-01", "2027-12-31")),
    ("term_length", "m2", *_term("李建国", "2024-01-01", "2027-12-31")),
    ("term_length", "m4", *_term("赵丽", "2024-01-01", "2027-12-31")),
    ("term_length", "m5", *_term("黄磊", "2024-01-01", "2027-12-31")),
    ("term_length", "m6", *_term("周婷", "2024-01-01", "2027-12-31")),
    ("term_length", "m7", *_term("吴刚", "2024-01-01", "2027-12-31")),
    (
        "term_length",
        "m8",
        "任期不超过 5 年：陈静 的任期 2020-01-01 至 2027-12-31，超过 5 年",
        "A term of at most 5 years: 陈静's term 2020-01-01 to 2027-12-31 is longer than 5 years",
    ),
    ("term_length", "m9", *_term("杨帆", "2024-01-01", "2026-03-31")),
    ("term_expired", "m1", *_runs("王芳")),
    ("term_expired", "m2", *_runs("李建国")),
    (
        "term_expired",
        "m3",
        "委员任期未届满：张敏 的任期未设结束日期",
        "The member's term has not ended: 张敏's term has no end date",
    ),
    ("term_expired", "m4", *_runs("赵丽")),
    ("term_expired", "m5", *_runs("黄磊")),
    ("term_expired", "m6", *_runs("周婷")),
    ("term_expired", "m7", *_runs("吴刚")),
    ("term_expired", "m8", *_runs("陈静")),
    (
        "term_expired",
        "m9",
        "委员任期未届满：杨帆 的任期已于 2026-03-31 届满，不计入",
        "The member's term has not ended: 杨帆's term ended on 2026-03-31; not counted",
    ),
    (
        "required_expertise:statistics",
        None,
        "有统计学领域的委员（SOP 要求）：计入的 8 名委员中没有",
        "A statistics member (required by the SOP): none of the 8 counted members",
    ),
]


def _citations(finding: Finding) -> tuple[str, str]:
    if finding.rule == "SOP-EXPERTISE":
        return SOP_ZH, SOP_EN
    if finding.rule == "CN-GUIDE-QUORUM":
        return GUIDE_ZH, GUIDE_EN
    return MEASURES_ZH, MEASURES_EN


def test_one_roster_evaluation_renders_in_chinese_and_in_english() -> None:
    result = check_roster(_demo_like_roster())  # evaluated once, in no language
    assert not result.ok
    rendered = [
        (f.check, f.member, f.message_in("zh"), f.message_in("en")) for f in result.findings
    ]
    assert rendered == ROSTER
    for f in result.findings:
        assert (f.citation_in("zh"), f.citation_in("en")) == _citations(f)
        # every Chinese spelling of the language is Chinese; anything else is English
        assert f.message_in("zh_CN") == f.message_in("zh")
        assert f.citation_in("zh_CN") == f.citation_in("zh")
        assert f.message_in("en_GB") == f.message_in("en")


def test_as_json_is_the_check_commands_object_in_the_language_asked() -> None:
    result = check_roster(_demo_like_roster())
    law = next(f for f in result.findings if f.check == "required_expertise:law")
    assert law.as_json("zh_CN") == {
        "check": "required_expertise:law",
        "ok": False,
        "severity": "error",
        "rule": law.rule,
        "message": "有法学领域的委员：计入的 8 名委员中没有",
        "citation": MEASURES_ZH,
        "evidence": law.evidence,
    }
    expired = next(f for f in result.findings if f.check == "term_expired" and not f.ok)
    assert expired.as_json("en") == {
        "check": "term_expired",
        "ok": False,
        "severity": "warning",
        "rule": expired.rule,
        "message": "The member's term has not ended: 杨帆's term ended on 2026-03-31; not counted",
        "citation": MEASURES_EN,
        "evidence": expired.evidence,
        "member": "m9",
    }


def test_findings_hold_no_text_of_either_language() -> None:
    result = check_roster(_demo_like_roster())
    assert not hasattr(result.findings[0], "message")
    assert not hasattr(result.findings[0], "citation")
    biomedicine = next(f for f in result.findings if f.check == "required_expertise:biomedicine")
    assert (biomedicine.detail, dict(biomedicine.params)) == (
        "found",
        {"names": ("王芳", "李建国", "张敏", "陈静")},
    )
    hash(biomedicine)  # still a value


def _meeting() -> dict[str, Any]:
    members = [
        *compliant_members(),
        member("c1", "孙悦", "female", ["law"], False, role="consultant"),
    ]
    votes = {
        "m1": "approve",
        "m2": "approve",
        "m3": "approve",
        "m4": "disapprove",
        "m5": "disapprove",
        "m6": "disapprove",
        "m7": "abstain",
        "m8": "abstain",
        "m9": "approve",  # recused
        "c1": "approve",  # a consultant
    }
    scientists_only = {m: "absent" for m in ("m4", "m5", "m6", "m7")}
    return meeting_doc(
        "cn-2023",
        everyone(members=members),
        [
            {"id": "split", "recused": ["m9"], "votes": votes},
            {"id": "silent", "attendance": {"m8": "absent"}, "votes": {}},
            {"id": "inquorate", "attendance": scientists_only, "votes": {"m4": "approve"}},
        ],
        members=members,
    )


QUORUM_COUNT = (
    "到会委员超过全体委员半数：全体委员 9 人，到会 8 人，需 5 人",
    "More than half of all members present: 8 of 9 members present; 5 needed",
)
SCIENTISTS = (
    "到会委员中有医药专业委员：符合：王芳、李建国、张敏 等 4 人",
    "A scientific (medical) member present: met by 王芳, 李建国, 张敏 and 1 more",
)
NONSCIENTISTS = (
    "到会委员中有非医药专业委员：符合：赵丽、黄磊、周婷 等 4 人",
    "A non-scientific member present: met by 赵丽, 黄磊, 周婷 and 1 more",
)
NON_AFFILIATED = (
    "到会委员中有非本机构委员：符合：赵丽、黄磊、周婷 等 4 人",
    "A member not of the institution present: met by 赵丽, 黄磊, 周婷 and 1 more",
)

MEETING: dict[str, list[tuple[str, str | None, str, str]]] = {
    "split": [
        ("quorum_count", None, *QUORUM_COUNT),
        ("quorum_scientist", None, *SCIENTISTS),
        ("quorum_nonscientist", None, *NONSCIENTISTS),
        ("quorum_non_affiliated", None, *NON_AFFILIATED),
        (
            "quorum_gender",
            None,
            "到会委员中有不同性别的委员：女 4 人，男 4 人",
            "Members of both genders present: 4 female, 4 male",
        ),
        (
            "recused_vote",
            "m9",
            "杨帆 已回避，其投票不计",
            "杨帆 is recused; the ballot is not counted",
        ),
        (
            "consultant_vote",
            "c1",
            "孙悦 是独立顾问，其投票不计",
            "孙悦 is a consultant; the ballot is not counted",
        ),
        (
            "vote_threshold",
            None,
            "决定须经超过全体委员二分之一同意：未作出决定：没有任何意见达到 5 票"
            "（abstain 2, approve 3, disapprove 3）",
            "A decision needs more than half of all members: no decision: no code reached "
            "5 votes (abstain 2, approve 3, disapprove 3)",
        ),
    ],
    "silent": [
        ("quorum_count", None, *QUORUM_COUNT),
        ("quorum_scientist", None, *SCIENTISTS),
        ("quorum_nonscientist", None, *NONSCIENTISTS),
        ("quorum_non_affiliated", None, *NON_AFFILIATED),
        (
            "quorum_gender",
            None,
            "到会委员中有不同性别的委员：女 5 人，男 3 人",
            "Members of both genders present: 5 female, 3 male",
        ),
        (
            "vote_threshold",
            None,
            "决定须经超过全体委员二分之一同意：未作出决定：没有任何意见达到 5 票（无有效票）",
            "A decision needs more than half of all members: no decision: no code reached "
            "5 votes (no valid ballots)",
        ),
    ],
    "inquorate": [
        (
            "quorum_count",
            None,
            "到会委员超过全体委员半数：全体委员 9 人，到会 5 人，需 5 人",
            "More than half of all members present: 5 of 9 members present; 5 needed",
        ),
        (
            "quorum_scientist",
            None,
            "到会委员中有医药专业委员：符合：王芳、李建国、张敏 等 5 人",
            "A scientific (medical) member present: met by 王芳, 李建国, 张敏 and 2 more",
        ),
        (
            "quorum_nonscientist",
            None,
            "到会委员中有非医药专业委员：到会的 5 人中没有",
            "A non-scientific member present: none of the 5 present",
        ),
        (
            "quorum_non_affiliated",
            None,
            "到会委员中有非本机构委员：到会的 5 人中没有",
            "A member not of the institution present: none of the 5 present",
        ),
        (
            "quorum_gender",
            None,
            "到会委员中有不同性别的委员：女 3 人，男 2 人",
            "Members of both genders present: 3 female, 2 male",
        ),
        (
            "ineligible_vote",
            "m4",
            "赵丽 在本议题没有表决席位，其投票不计",
            "赵丽 holds no voting seat for this item; the ballot is not counted",
        ),
    ],
}


def test_one_meeting_evaluation_renders_in_chinese_and_in_english() -> None:
    result = check_meeting(_meeting())  # evaluated once, in no language
    assert [(i.id, i.counts, i.threshold, i.outcome) for i in result.items] == [
        ("split", {"abstain": 2, "approve": 3, "disapprove": 3}, 5, None),
        ("silent", {}, 5, None),
        ("inquorate", {}, 5, None),
    ]
    for item in result.items:
        rendered = [
            (f.check, f.member, f.message_in("zh"), f.message_in("en")) for f in item.findings
        ]
        assert rendered == MEETING[item.id], item.id
        for f in item.findings:
            assert (f.citation_in("zh_CN"), f.citation_in("en")) == _citations(f)


def test_a_ballot_finding_says_what_happened_to_the_ballot_without_the_requirement() -> None:
    split = check_meeting(_meeting()).items[0]
    consultant = next(f for f in split.findings if f.check == "consultant_vote")
    assert consultant.as_json("en") == {
        "check": "consultant_vote",
        "ok": False,
        "severity": "warning",
        "rule": "CN23-CONS-1",
        "message": "孙悦 is a consultant; the ballot is not counted",
        "citation": MEASURES_EN,
        "evidence": consultant.evidence,
        "member": "c1",
    }
    assert consultant.as_json("zh")["message"] == "孙悦 是独立顾问，其投票不计"
    decision = next(f for f in split.findings if f.check == "vote_threshold")
    assert dict(decision.params) == {
        "threshold": 5,
        "counts": (("abstain", 2), ("approve", 3), ("disapprove", 3)),
    }
