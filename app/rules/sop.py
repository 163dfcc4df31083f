"""SOP overrides (DESIGN.md section 4): a committee's written procedures may make any rule
stricter, and may relax only what the profile leaves to the SOP (``sop.relaxable``) or what
rests on unverified evidence. Every relaxation is reported beside the rule it departs from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.errors import ValidationError
from app.rules.profiles import EXPERTISE, GROUPS, SOP_KEYS, Profile, Rule
from app.rules.thresholds import at_least_as_strict


class SopRefused(ValidationError):
    """An override relaxes a rule the profile does not leave to the SOP."""

    def __init__(self, key: str, rule: Rule, detail: str) -> None:
        self.rule = rule
        super().__init__(
            f"sop.{key}",
            f"{detail}, which relaxes rule {rule.id} ({rule.message.en}); "
            f"the profile does not leave this to the SOP and its evidence is {rule.evidence}",
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
            raise ValidationError(
                f"sop.{key}", f"is not an SOP override (known: {', '.join(SOP_KEYS)})"
            )
    relaxations: list[Relaxation] = []

    def relaxed(key: str, value: Any, profile_value: Any, rule: Rule, detail: str) -> None:
        if not _may_relax(profile, key, rule):
            raise SopRefused(key, rule, detail)
        relaxations.append(Relaxation(key, value, profile_value, rule))

    remote = bool(profile.attendance.params["remote_counts"])
    if "remote_counts" in sop:
        value = sop["remote_counts"]
        if not isinstance(value, bool):
            raise ValidationError("sop.remote_counts", "must be true or false")
        if value and not remote:
            relaxed(
                "remote_counts", value, remote, profile.attendance, "counting remote attendance"
            )
        remote = value

    count_rule = _quorum_count_rule(profile)
    min_present = int(count_rule.params["min_present"])
    if "quorum_min_present" in sop:
        value = sop["quorum_min_present"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError("sop.quorum_min_present", "must be a whole number of at least 0")
        if value < min_present:
            relaxed(
                "quorum_min_present",
                value,
                min_present,
                count_rule,
                f"a quorum of {value} present instead of {min_present}",
            )
        min_present = value

    base = str(profile.vote.params["base"])
    fraction = str(profile.vote.params["fraction"])
    new_base = sop.get("threshold_base", base)
    new_fraction = sop.get("threshold_fraction", fraction)
    if new_base not in ("all_members", "present"):
        raise ValidationError("sop.threshold_base", "must be all_members or present")
    if new_fraction not in ("more_than_half", "two_thirds"):
        raise ValidationError("sop.threshold_fraction", "must be more_than_half or two_thirds")
    if not at_least_as_strict(new_base, new_fraction, base, fraction):
        key = "threshold_base" if new_base != base else "threshold_fraction"
        relaxed(
            key,
            {"base": new_base, "fraction": new_fraction},
            {"base": base, "fraction": fraction},
            profile.vote,
            f"a threshold of {new_fraction} of {new_base}",
        )

    extra: tuple[str, ...] = ()
    if "required_expertise" in sop:
        value = sop["required_expertise"]
        allowed = (*EXPERTISE, *GROUPS)
        if not isinstance(value, list) or not value or any(v not in allowed for v in value):
            raise ValidationError(
                "sop.required_expertise",
                f"must be a list of categories or groups ({', '.join(allowed)})",
            )
        extra = tuple(dict.fromkeys(value))

    months = int(profile.continuing_review.params["max_months"])
    if "continuing_review_months" in sop:
        value = sop["continuing_review_months"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(
                "sop.continuing_review_months", "must be a whole number of months, at least 1"
            )
        if months and value > months:
            relaxed(
                "continuing_review_months",
                value,
                months,
                profile.continuing_review,
                f"continuing review every {value} months instead of {months}",
            )
        months = value

    named = sop.get("named_votes", False)
    if not isinstance(named, bool):
        raise ValidationError("sop.named_votes", "must be true or false")

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
