"""Checks shared by the services. Each raises ValidationError naming the field, with the
reason in English and Chinese and the field's Chinese name from ``FIELD_LABELS_ZH``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError

T = TypeVar("T")

# The Chinese name of each field id the services check (what the Chinese UI and CLI call the
# field in a message; the English message names it by its id).
FIELD_LABELS_ZH: dict[str, str] = {
    # institutions and committees
    "institution_id": "机构",
    "committee_id": "委员会",
    "name_zh": "中文名称",
    "name_en": "英文名称",
    "address": "地址",
    "filing_number": "备案号",
    "filing_authority": "备案机关",
    "timezone": "时区",
    "profile_id": "适用法规",
    "effective_from": "生效日期",
    "sop_overrides": "SOP 调整项",
    "acceptance_pattern": "受理号格式",
    "letter_pattern": "批件号格式",
    "pattern": "编号格式",
    "acceptance": "受理号",
    "letter": "批件号",
    "number": "届次",
    "start_date": "开始日期",
    "end_date": "结束日期",
    "appointment_document": "聘任文件",
    "note": "备注",
    "kind": "类型",
    # people and memberships
    "person_id": "人员",
    "gender": "性别",
    "minority": "少数民族",
    "consent_publish": "同意公开",
    "ethnicity": "民族",
    "title": "职称",
    "degrees": "学位",
    "profession": "专业",
    "employer": "工作单位",
    "email": "电子邮件",
    "phone": "电话",
    "membership_id": "任职记录",
    "roles": "职务",
    "expertise": "专业领域",
    "affiliated": "本机构",
    "voting": "表决权",
    "scientist": "医药专业背景",
    "term_start": "任期开始日期",
    "term_end": "任期结束日期",
    "alternate_for_id": "候补对应委员",
    "ended_on": "离任日期",
    "reason": "原因",
    # training, declarations, consultants
    "course": "课程名称",
    "taken_on": "培训日期",
    "hours": "学时",
    "expires_on": "到期日期",
    "scope": "适用范围",
    "signed_on": "签署日期",
    "valid_until": "有效期截止日",
    "meeting_id": "会议",
    "project_id": "项目",
    "interests": "利益关系",
    "coi_declared_on": "利益冲突声明日期",
    "confidentiality_signed_on": "保密承诺签署日期",
    # attachments
    "owner_type": "所属对象类型",
    "owner_id": "所属对象",
    "filename": "文件名",
    "content": "文件内容",
    "path": "文件",
    "media_type": "文件格式",
    "document_type": "文件类别",
    "version_label": "版本号",
    "version_date": "版本日期",
    # projects and submissions
    "title_zh": "中文题目",
    "title_en": "英文题目",
    "protocol_code": "方案编号",
    "principal_investigator": "主要研究者",
    "team": "研究团队",
    "department": "科室",
    "sponsor": "申办方",
    "project_type": "项目类型",
    "risk_level": "风险等级",
    "multicentre_role": "多中心角色",
    "status": "状态",
    "approval_from": "批准有效期起始日",
    "approval_until": "批准有效期截止日",
    "stem_cell": "干细胞研究信息",
    "cell_type": "细胞类型",
    "cell_source": "细胞来源",
    "embryonic": "胚胎干细胞",
    "within_14_days": "14 天内",
    "no_reproductive_implantation": "不用于生殖目的植入",
    "no_species_mixing": "不进行种间嵌合",
    "no_trade": "不进行买卖",
    "donor_consent": "捐赠者知情同意",
    "institution_filing_number": "机构备案号",
    "project_filing_number": "项目备案号",
    "academic_committee_approved_on": "学术委员会批准日期",
    "submission_id": "送审",
    "received_on": "受理日期",
    "review_path": "审查方式",
    "exempt_basis": "免除审查依据",
    "fee_receipt": "审查费收据",
    "summary": "摘要",
    "answers_decision_id": "所答复的审查决定",
    "occurred_on": "发生日期",
    "deadline": "补正期限",
    # checks and imports
    "as_of": "核查日期",
    "today": "当天日期",
    "within_days": "天数",
    "import": "导入",
}

# Chinese names of the tables a record id may name (NotFound).
_TABLES_ZH = {
    "institution": "机构",
    "committee": "委员会",
    "committee_term": "届次",
    "person": "人员",
    "membership": "任职记录",
    "consultant_engagement": "独立顾问聘任",
    "training": "培训记录",
    "declaration": "声明",
    "project": "项目",
    "submission": "送审",
    "meeting": "会议",
    "agenda_item": "议题",
    "decision": "审查决定",
    "letter": "批件",
    "site_visit": "现场访查",
    "complaint": "投诉",
}


def field_label(field: str) -> str:
    """The Chinese name of ``field``; a dotted field joins its parts' names with ``·``; a
    part without a name (an unknown key the user typed) is shown as it is."""
    return "·".join(FIELD_LABELS_ZH.get(part, part) for part in field.split("."))


def invalid(field: str, message: str, zh: str) -> ValidationError:
    """A ValidationError of ``field`` with the English and Chinese reason; the Chinese
    message names the field by ``field_label``."""
    return ValidationError(field, message, zh=zh, zh_field=field_label(field))


def _zh_list(values: Iterable[object]) -> str:
    return "、".join(str(x) for x in values)


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Control characters other than tab and newline have no place in names or notes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(field: str, value: Any, *, required: bool = False, max_length: int = 200) -> str:
    """Normalised text: NFC, stripped, no control characters, not longer than allowed."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise invalid(field, "must be text", "必须是文本")
    value = unicodedata.normalize("NFC", value).strip()
    if _CONTROL.search(value):
        raise invalid(field, "contains control characters", "含有控制字符")
    if required and not value:
        raise invalid(field, "is required", "必须填写")
    if len(value) > max_length:
        raise invalid(
            field, f"is longer than {max_length} characters", f"不能超过 {max_length} 个字符"
        )
    return value


def long_text(field: str, value: Any, *, required: bool = False) -> str:
    return text(field, value, required=required, max_length=20_000)


def choice(field: str, value: Any, allowed: Collection[str]) -> str:
    if value not in allowed:
        raise invalid(
            field,
            f"must be one of {', '.join(allowed)} (got {value!r})",
            f"须为以下值之一：{_zh_list(allowed)}（实际为 {value!r}）",
        )
    return str(value)


def choices(
    field: str, values: Any, allowed: Collection[str], *, required: bool = True
) -> list[str]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise invalid(field, "must be a list", "必须是列表")
    result: list[str] = []
    for value in values:
        choice(field, value, allowed)
        if value not in result:
            result.append(value)
    if required and not result:
        raise invalid(field, "needs at least one value", "至少需要选择一项")
    return result


def flag(field: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise invalid(field, "must be true or false", "必须为 true 或 false")
    return value


def optional_flag(field: str, value: Any) -> bool | None:
    return None if value is None else flag(field, value)


def parse_date(field: str, value: Any) -> date:
    """A date from a ``date`` or a ``YYYY-MM-DD`` string."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
        raise invalid(field, f"{value!r} is not a real date", f"{value!r} 不是有效的日期")
    raise invalid(
        field,
        f"must be a date in YYYY-MM-DD form (got {value!r})",
        f"必须是 YYYY-MM-DD 格式的日期（实际为 {value!r}）",
    )


def optional_date(field: str, value: Any) -> date | None:
    if value is None or value == "":
        return None
    return parse_date(field, value)


def date_order(
    later_field: str,
    later: date | None,
    earlier_field: str,
    earlier: date | None,
    *,
    earlier_zh: str | None = None,
) -> None:
    """``later`` is not before ``earlier``; ``earlier_zh`` names ``earlier_field`` in Chinese
    when it is not a field id of ``FIELD_LABELS_ZH``."""
    if later is not None and earlier is not None and later < earlier:
        raise invalid(
            later_field,
            f"is before {earlier_field} ({later} < {earlier})",
            f"不能早于{earlier_zh or field_label(earlier_field)}（{later} < {earlier}）",
        )


def whole_number(field: str, value: Any, *, minimum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid(field, "must be a whole number", "必须是整数")
    if minimum is not None and value < minimum:
        raise invalid(field, f"must be at least {minimum}", f"不能小于 {minimum}")
    return value


def known_keys(changes: Mapping[str, Any], allowed: Collection[str]) -> None:
    for key in changes:
        if key not in allowed:
            raise invalid(key, "is not a field that can be changed here", "不是此处可修改的字段")


def get(session: Session, model: type[T], field: str, ident: Any) -> T:
    """The row ``ident`` of ``model``, or NotFound naming ``field``."""
    if isinstance(ident, bool) or not isinstance(ident, int):
        raise invalid(field, "must be a record id", "必须是记录编号")
    row = session.get(model, ident)
    if row is None:
        table = getattr(model, "__tablename__", "record")
        raise NotFound(
            field,
            f"no {table} with id {ident}",
            zh=f"找不到编号为 {ident} 的{_TABLES_ZH.get(table, '记录')}",
            zh_field=field_label(field),
        )
    return row
