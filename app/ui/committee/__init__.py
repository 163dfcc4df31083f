"""The committee page (the secretary's first screen): roster, composition check, training,
declarations and consultants. ``CommitteeRosterPage`` is imported when first asked for, so a
window that opens on another page does not load this one."""

from __future__ import annotations

from typing import Any

__all__ = ["CommitteeRosterPage"]


def __getattr__(name: str) -> Any:
    if name == "CommitteeRosterPage":
        from app.ui.committee.page import CommitteeRosterPage

        return CommitteeRosterPage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
