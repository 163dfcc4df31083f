"""The one permission table: which role may do what.

Until accounts exist in a data dir every action runs as ``SYSTEM`` (an admin).
"""

from __future__ import annotations

from app.errors import UserError
from app.services.actors import Actor

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


# How messages name roles and actions in Chinese.
ROLES_ZH = {
    "admin": "管理员",
    "secretary": "秘书",
    "chair": "主任委员",
    "member": "委员",
    "viewer": "只读用户",
}
ACTIONS_ZH = {
    "institution.edit": "编辑机构信息",
    "committee.edit": "编辑委员会信息",
    "committee.profile": "设定适用法规和 SOP 调整项",
    "roster.edit": "编辑委员名册",
    "person.edit": "编辑人员信息",
    "training.edit": "记录培训",
    "declaration.edit": "记录声明",
    "attachment.add": "添加附件",
    "project.edit": "编辑项目",
    "submission.edit": "登记送审",
    "settings.edit": "修改系统设置",
}


class PermissionDenied(UserError):
    def __init__(self, actor: Actor, action: str) -> None:
        self.actor = actor
        self.action = action
        role = ROLES_ZH.get(actor.role, actor.role)
        doing = ACTIONS_ZH.get(action, action)
        super().__init__(
            f"{actor.username} ({actor.role}) may not do {action}",
            zh=f"{actor.username}（{role}）无权{doing}（{action}）",
        )


def require(actor: Actor, action: str) -> None:
    allowed = PERMISSIONS.get(action)
    if allowed is None:
        raise KeyError(f"unknown permission {action!r}")  # a bug, not a user error
    if actor.role not in allowed:
        raise PermissionDenied(actor, action)
