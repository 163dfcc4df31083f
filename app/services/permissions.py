"""The one permission table: which role may do what.

Until accounts exist in a data dir every action runs as ``SYSTEM`` (an admin).
"""

from __future__ import annotations

from app.errors import UserError
from app.services.context import Actor

PERMISSIONS: dict[str, frozenset[str]] = {
    "institution.edit": frozenset({"admin", "secretary"}),
    "committee.edit": frozenset({"admin", "secretary"}),
    "committee.profile": frozenset({"admin", "secretary"}),
    "roster.edit": frozenset({"admin", "secretary"}),
    "person.edit": frozenset({"admin", "secretary"}),
    "training.edit": frozenset({"admin", "secretary"}),
    "declaration.edit": frozenset({"admin", "secretary", "chair", "member"}),
    "attachment.add": frozenset({"admin", "secretary", "chair"}),
    "project.edit": frozenset({"admin", "secretary"}),
    "submission.edit": frozenset({"admin", "secretary"}),
    "settings.edit": frozenset({"admin"}),
}


class PermissionDenied(UserError):
    def __init__(self, actor: Actor, action: str) -> None:
        self.actor = actor
        self.action = action
        super().__init__(f"{actor.username} ({actor.role}) may not do {action}")


def require(actor: Actor, action: str) -> None:
    allowed = PERMISSIONS.get(action)
    if allowed is None:
        raise KeyError(f"unknown permission {action!r}")  # a bug, not a user error
    if actor.role not in allowed:
        raise PermissionDenied(actor, action)
