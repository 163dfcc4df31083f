"""SOP overrides judged live by the rules engine, one note per override for the screen.

Each override is first resolved on its own (the two threshold keys together), so every
refused one is named at once, not only the first; then all of them together, which gives
the relaxations the profile allows, each with the rule it departs from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from app.errors import ValidationError, is_chinese
from app.rules.profiles import Profile, Rule, load_profile
from app.rules.sop import Parameters, SopRefused, resolve

NoteKind = Literal["refused", "invalid", "relaxed"]
THRESHOLD_KEYS = ("threshold_base", "threshold_fraction")


@dataclass(frozen=True)
class OverrideNote:
    """What the rules engine says about one override. ``detail`` is the engine's own text
    in English, ``detail_zh`` in Chinese (``detail_in`` picks); ``rule`` is the rule refused
    or relaxed; ``profile_value`` and ``value`` are the profile's and the SOP's values of a
    relaxation."""

    key: str
    kind: NoteKind
    detail: str
    rule: Rule | None = None
    profile_value: Any = None
    value: Any = None
    detail_zh: str = ""

    def detail_in(self, lang: str) -> str:
        return self.detail_zh if is_chinese(lang) and self.detail_zh else self.detail


@dataclass(frozen=True)
class SopVerdict:
    notes: dict[str, OverrideNote] = field(default_factory=dict)
    parameters: Parameters | None = None

    @property
    def ok(self) -> bool:
        return self.parameters is not None and not any(
            n.kind != "relaxed" for n in self.notes.values()
        )


def _groups(overrides: Mapping[str, Any]) -> list[dict[str, Any]]:
    threshold = {k: overrides[k] for k in THRESHOLD_KEYS if k in overrides}
    singles = [{k: v} for k, v in overrides.items() if k not in THRESHOLD_KEYS]
    return singles + ([threshold] if threshold else [])


def _refusal(profile: Profile, group: dict[str, Any]) -> OverrideNote | None:
    try:
        resolve(profile, group)
    except SopRefused as exc:
        return _note(exc, "refused", exc.rule)
    except ValidationError as exc:
        return _note(exc, "invalid", None)
    return None


def _note(exc: ValidationError, kind: NoteKind, rule: Rule | None) -> OverrideNote:
    return OverrideNote(
        exc.field.removeprefix("sop."),
        kind,
        exc.message,
        rule,
        detail_zh=exc.localized_message("zh"),
    )


def judge(profile_id: str, overrides: Mapping[str, Any]) -> SopVerdict:
    """The verdict on ``overrides`` under the profile ``profile_id`` (which must exist)."""
    profile = load_profile(profile_id)
    notes: dict[str, OverrideNote] = {}
    for group in _groups(overrides):
        note = _refusal(profile, group)
        if note is not None:
            notes[note.key] = note
    if notes:
        return SopVerdict(notes)
    try:
        parameters = resolve(profile, overrides)
    except ValidationError as exc:  # a combination refused though each part passed alone
        rule = exc.rule if isinstance(exc, SopRefused) else None
        note = _note(exc, "refused" if rule else "invalid", rule)
        return SopVerdict({note.key: note})
    for relaxation in parameters.relaxations:
        notes[relaxation.override] = OverrideNote(
            relaxation.override,
            "relaxed",
            "",
            relaxation.rule,
            relaxation.profile_value,
            relaxation.value,
        )
    return SopVerdict(notes, parameters)


def profile_values(profile: Profile) -> dict[str, Any]:
    """The profile's own value of each SOP override (what an override departs from)."""
    count_rule = next(q for q in profile.quorum if q.check == "quorum_count")
    return {
        "remote_counts": bool(profile.attendance.params["remote_counts"]),
        "quorum_min_present": int(count_rule.params["min_present"]),
        "threshold_base": str(profile.vote.params["base"]),
        "threshold_fraction": str(profile.vote.params["fraction"]),
        "required_expertise": [
            str(r.params["category"])
            for r in profile.composition
            if r.check == "required_expertise"
        ],
        "continuing_review_months": int(profile.continuing_review.params["max_months"]),
        "named_votes": False,
    }


def rule_of(profile: Profile, key: str) -> Rule | None:
    """The profile rule an override of ``key`` departs from (None: no single rule)."""
    if key == "remote_counts":
        return profile.attendance
    if key == "quorum_min_present":
        return next(q for q in profile.quorum if q.check == "quorum_count")
    if key in THRESHOLD_KEYS:
        return profile.vote
    if key == "continuing_review_months":
        return profile.continuing_review
    return None
