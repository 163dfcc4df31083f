"""SOP overrides (DESIGN.md section 4): a committee's written procedures may make any rule
stricter, and may relax only what the profile leaves to the SOP (``sop.relaxable``) or what
rests on unverified evidence. Every relaxation is reported beside the rule it departs from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.vocabulary import REQUIRABLE_EXPERTISE
from app.errors import ValidationError
from app.rules.profiles import SOP_KEYS, Profile, Rule
from app.rules.thresholds import at_least_as_strict

# How Chinese messages name the overrides (as the settings dialog labels them), the
# threshold's parts and the evidence levels.
SOP_LABELS_ZH = {
    "remote_counts": "远程参会",
    "quorum_min_present": "法定人数",
    "threshold_base": "计票基数",
    "threshold_fraction": "通过所需票数",
    "required_expertise": "另需专业领域",
    "continuing_review_months": "跟踪审查间隔",
    "named_votes": "表决方式",
}
_BASE_ZH = {"all_members": "全体委员", "present": "出席委员"}
_FRACTION_ZH = {"more_than_half": "过半数", "two_thirds": "三分之二以上"}
_EVIDENCE_ZH = {
    "verified": "已与官方文本核对",
    "corroborated": "有二手资料佐证",
    "unverified": "尚未核实",
}


def override_label_zh(key: str) -> str:
    """How a Chinese message names the override ``key``: 'SOP 调整项“法定人数”'."""
    label = SOP_LABELS_ZH.get(key)
    return f"SOP 调整项“{label}”" if label else f"SOP 调整项 {key}"


def _invalid(key: str, message: str, zh: str) -> ValidationError:
    return ValidationError(f"sop.{key}", message, zh=zh, zh_field=override_label_zh(key))


def _rule_text_zh(rule: Rule) -> str:
    try:
        return rule.message.zh.format(**rule.params)
    except (KeyError, IndexError, ValueError):
        return rule.message.zh


class SopRefused(ValidationError):
    """An override relaxes a rule the profile does not leave to the SOP. The Chinese
    message names the rule by its id and its Chinese requirement."""

    def __init__(self, key: str, rule: Rule, detail: str, detail_zh: str) -> None:
        self.rule = rule
        evidence = _EVIDENCE_ZH.get(rule.evidence, rule.evidence)
        super().__init__(
            f"sop.{key}",
            f"{detail}, which relaxes rule {rule.id} ({rule.message.en}); "
            f"the profile does not leave this to the SOP and its evidence is {rule.evidence}",
            zh=f"{detail_zh}，放宽了规则 {rule.id}（{_rule_text_zh(rule)}）；"
            f"适用法规未将此项交由 SOP 规定，且该规则{evidence}",
            zh_field=override_label_zh(key),
        )


@dataclass(frozen=True)
class Relaxation:
    override: str
    value: Any
    profile_value: Any
    rule: Rule


@dataclass(frozen=True)
class Parameters:
    """The profile's parameters with the SOP applied."""

    remote_counts: bool
    quorum_min_present: int
    threshold_base: str
    threshold_fraction: str
    extra_expertise: tuple[str, ...]
    continuing_review_months: int
    named_votes: bool
    relaxations: tuple[Relaxation, ...] = field(default_factory=tuple)


def _quorum_count_rule(profile: Profile) -> Rule:
    return next(q for q in profile.quorum if q.check == "quorum_count")


def _may_relax(profile: Profile, key: str, rule: Rule) -> bool:
    return key in profile.sop_relaxable or rule.evidence == "unverified"


def resolve(profile: Profile, overrides: Mapping[str, Any] | None) -> Parameters:
    """Apply ``overrides`` to ``profile``; raise ValidationError (SopRefused for a refused
    relaxation) naming the override."""
    sop = dict(overrides or {})
    for key in sop:
        if key not in SOP_KEYS:
            raise _invalid(
                key,
                f"is not an SOP override (known: {', '.join(SOP_KEYS)})",
                f"不是可用的 SOP 调整项（可用：{'、'.join(SOP_KEYS)}）",
            )
    relaxations: list[Relaxation] = []

    def relaxed(
        key: str, value: Any, profile_value: Any, rule: Rule, detail: str, detail_zh: str
    ) -> None:
        if not _may_relax(profile, key, rule):
            raise SopRefused(key, rule, detail, detail_zh)
        relaxations.append(Relaxation(key, value, profile_value, rule))

    remote = bool(profile.attendance.params["remote_counts"])
    if "remote_counts" in sop:
        value = sop["remote_counts"]
        if not isinstance(value, bool):
            raise _invalid("remote_counts", "must be true or false", "必须为 true 或 false")
        if value and not remote:
            relaxed(
                "remote_counts",
                value,
                remote,
                profile.attendance,
                "counting remote attendance",
                "将远程参会的委员计入出席人数",
            )
        remote = value

    count_rule = _quorum_count_rule(profile)
    min_present = int(count_rule.params["min_present"])
    if "quorum_min_present" in sop:
        value = sop["quorum_min_present"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise _invalid(
                "quorum_min_present",
                "must be a whole number of at least 0",
                "必须是不小于 0 的整数",
            )
        if value < min_present:
            relaxed(
                "quorum_min_present",
                value,
                min_present,
                count_rule,
                f"a quorum of {value} present instead of {min_present}",
                f"法定人数定为出席 {value} 人（适用法规要求 {min_present} 人）",
            )
        min_present = value

    base = str(profile.vote.params["base"])
    fraction = str(profile.vote.params["fraction"])
    new_base = sop.get("threshold_base", base)
    new_fraction = sop.get("threshold_fraction", fraction)
    if new_base not in ("all_members", "present"):
        raise _invalid(
            "threshold_base", "must be all_members or present", "必须为 all_members 或 present"
        )
    if new_fraction not in ("more_than_half", "two_thirds"):
        raise _invalid(
            "threshold_fraction",
            "must be more_than_half or two_thirds",
            "必须为 more_than_half 或 two_thirds",
        )
    if not at_least_as_strict(new_base, new_fraction, base, fraction):
        key = "threshold_base" if new_base != base else "threshold_fraction"
        relaxed(
            key,
            {"base": new_base, "fraction": new_fraction},
            {"base": base, "fraction": fraction},
            profile.vote,
            f"a threshold of {new_fraction} of {new_base}",
            f"通过标准定为{_BASE_ZH[new_base]}{_FRACTION_ZH[new_fraction]}",
        )

    extra: tuple[str, ...] = ()
    if "required_expertise" in sop:
        value = sop["required_expertise"]
        allowed = REQUIRABLE_EXPERTISE.codes
        if not isinstance(value, list) or not value or any(v not in allowed for v in value):
            raise _invalid(
                "required_expertise",
                f"must be a list of categories or groups ({', '.join(allowed)})",
                f"必须是专业领域或领域组的列表（可选：{'、'.join(allowed)}）",
            )
        extra = tuple(dict.fromkeys(value))

    months = int(profile.continuing_review.params["max_months"])
    if "continuing_review_months" in sop:
        value = sop["continuing_review_months"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise _invalid(
                "continuing_review_months",
                "must be a whole number of months, at least 1",
                "必须是不少于 1 的整数（月数）",
            )
        if months and value > months:
            relaxed(
                "continuing_review_months",
                value,
                months,
                profile.continuing_review,
                f"continuing review every {value} months instead of {months}",
                f"每 {value} 个月跟踪审查一次（适用法规要求不超过 {months} 个月）",
            )
        months = value

    named = sop.get("named_votes", False)
    if not isinstance(named, bool):
        raise _invalid("named_votes", "must be true or false", "必须为 true 或 false")

    return Parameters(
        remote_counts=remote,
        quorum_min_present=min_present,
        threshold_base=new_base,
        threshold_fraction=new_fraction,
        extra_expertise=extra,
        continuing_review_months=months,
        named_votes=named,
        relaxations=tuple(relaxations),
    )
