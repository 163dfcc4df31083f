"""Regulatory profiles and their evaluation: pure Python, no ORM, no Qt.

This package grows with the rules-engine issue; for now it knows the shipped profile ids
and the shape of SOP overrides (DESIGN.md section 5), so that committees can record them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.errors import ValidationError

DEFAULT_PROFILE = "cn-2023"
PROFILE_IDS = (
    "cn-2023",
    "cn-2016",
    "cn-gcp-2020",
    "cn-most-2023",
    "ich-e6",
    "us-45cfr46",
    "us-21cfr56",
    "who-2011",
)

_EXPERTISE_TERMS = (
    "medicine",
    "life_science",
    "pharmacy",
    "nursing",
    "statistics",
    "bioethics",
    "law",
    "sociology",
    "lay",
    "other",
    "biomedicine",
    "law_or_ethics",
)


def check_profile_id(field: str, profile_id: Any) -> str:
    if profile_id not in PROFILE_IDS:
        raise ValidationError(
            field, f"unknown regulatory profile {profile_id!r} (known: {', '.join(PROFILE_IDS)})"
        )
    return str(profile_id)


def check_sop_overrides(field: str, overrides: Any) -> dict[str, Any]:
    """Check the shape of SOP overrides; whether the profile allows each is the rules
    engine's question (a later issue)."""
    if not isinstance(overrides, Mapping):
        raise ValidationError(field, "must be a mapping of override names to values")
    result: dict[str, Any] = {}
    for key, value in overrides.items():
        where = f"{field}.{key}"
        if key in ("remote_counts", "named_votes"):
            if not isinstance(value, bool):
                raise ValidationError(where, "must be true or false")
        elif key in ("quorum_min_present", "continuing_review_months"):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValidationError(where, "must be a whole number of at least 1")
        elif key == "threshold_base":
            if value not in ("all_members", "present"):
                raise ValidationError(where, "must be all_members or present")
        elif key == "threshold_fraction":
            if value not in ("more_than_half", "two_thirds"):
                raise ValidationError(where, "must be more_than_half or two_thirds")
        elif key == "required_expertise":
            if not isinstance(value, list) or any(v not in _EXPERTISE_TERMS for v in value):
                raise ValidationError(where, "must be a list of expertise categories or groups")
        else:
            raise ValidationError(where, "is not a known SOP override")
        result[key] = value
    return result
