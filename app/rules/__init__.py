"""Regulatory profiles and their evaluation: pure Python, no ORM, no Qt.

- ``profiles``: the TOML profile files of ``resources/rules`` and their schema;
- ``facts``: the plain facts rules are evaluated on;
- ``sop``: a committee's SOP overrides, stricter or (where allowed) relaxed;
- ``evaluate``: composition, quorum, ballots and outcomes (DESIGN.md section 5);
- ``files``: the roster and meeting JSON files of the ``check`` command.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.errors import ValidationError

# The profile the files default to (DESIGN.md section 4). Which profiles exist is the folder's
# business: ``app.rules.profiles.profile_ids()``.
DEFAULT_PROFILE = "cn-2023"


def check_profile_id(field: str, profile_id: Any) -> str:
    """``profile_id`` if it names a profile file of ``resources/rules``."""
    from app.rules.profiles import profile_ids

    known = profile_ids()
    if profile_id not in known:
        raise ValidationError(
            field,
            f"unknown regulatory profile {profile_id!r} (known: {', '.join(known)})",
            zh=f"未知的适用法规 {profile_id!r}（可用：{'、'.join(known)}）",
            zh_field="适用法规",
        )
    return str(profile_id)


def check_sop_overrides(field: str, overrides: Any, profile_id: str) -> dict[str, Any]:
    """Validate SOP overrides against the profile: stricter is always allowed; a relaxation
    only where the profile allows it (a refused one names the rule)."""
    from app.rules.profiles import load_profile
    from app.rules.sop import resolve

    if not isinstance(overrides, Mapping):
        raise ValidationError(
            field,
            "must be a mapping of override names to values",
            zh="必须是调整项名称到取值的键值表",
            zh_field="SOP 调整项",
        )
    try:
        resolve(load_profile(profile_id), overrides)
    except ValidationError as exc:
        # resolve() names the override as sop.<key>; the service's field is ``field``.
        name = exc.field.removeprefix("sop.")
        raise ValidationError(
            f"{field}.{name}", exc.message, zh=exc.zh_message, zh_field=exc.zh_field
        ) from exc
    return dict(overrides)
