"""One vocabulary: every domain code with its Chinese and English name, defined once.

The schema's CHECK constraints, the services' messages, the roster files, the rules engine
and every screen read their codes and names from here; nothing else names a role, an
expertise category or a status. A ``Term`` is a code with its names; a ``Vocabulary`` is an
ordered set of terms (the order is the one lists and menus show) that reads as the tuple of
its codes.

English names are written as labels ("Vice-chair"); ``Term.in_sentence`` gives the form
for the middle of a sentence ("vice-chair"). Chinese has one form.

Adding a code here is a schema change when a model checks it (``app.models`` builds its
CHECK constraints from these codes): it needs a migration.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from app.errors import is_chinese


@dataclass(frozen=True)
class Term:
    """A code and its names. ``aliases`` are other words a file may use for it (matched
    like the names: case-insensitively, spaces and hyphens as underscores)."""

    code: str
    en: str
    zh: str
    aliases: tuple[str, ...] = field(default=(), compare=False)

    def name(self, lang: str) -> str:
        """The name in ``lang`` (``zh``, ``zh_CN`` … or anything else for English)."""
        return self.zh if is_chinese(lang) else self.en

    def in_sentence(self, lang: str) -> str:
        """The name as it reads inside a sentence: English starts lower-case."""
        if is_chinese(lang):
            return self.zh
        return self.en[:1].lower() + self.en[1:]

    def both(self) -> str:
        """Both names, Chinese first: ``女/Female`` (for messages read in either language)."""
        return f"{self.zh}/{self.en}"


def word_key(text: str) -> str:
    """How a word from a file is matched: NFC, case-folded, spaces and hyphens as ``_``."""
    return re.sub(r"[\s\-]+", "_", unicodedata.normalize("NFC", text).strip().casefold())


class Vocabulary(Sequence[str]):
    """An ordered set of terms of one kind (``kind`` names it in messages).

    It reads as the tuple of its codes (``in``, iteration, ``index``, ``len``, ``join`` all
    see codes, as the schema and the files do); ``terms`` and ``term(code)`` give the
    names."""

    def __init__(self, kind: str, *terms: Term) -> None:
        self.kind = kind
        self.terms: tuple[Term, ...] = tuple(terms)
        self._by_code = {t.code: t for t in terms}
        if len(self._by_code) != len(self.terms):
            raise ValueError(f"{kind}: a code is defined twice")  # a bug in this module
        self.codes: tuple[str, ...] = tuple(t.code for t in terms)
        words: dict[str, str] = {}
        for term in terms:
            for word in (term.code, term.en, term.zh, *term.aliases):
                words.setdefault(word_key(word), term.code)
        self._words = words

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return self.codes[index]

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __repr__(self) -> str:
        return f"Vocabulary({self.kind!r}, {self.codes})"

    def term(self, code: str) -> Term:
        """The term of ``code``; KeyError for a code this vocabulary does not have."""
        return self._by_code[code]

    def name(self, code: str, lang: str) -> str:
        """The name of ``code`` in ``lang``; an unknown code is shown as it is."""
        term = self._by_code.get(code)
        return term.name(lang) if term else code

    def in_sentence(self, code: str, lang: str) -> str:
        term = self._by_code.get(code)
        return term.in_sentence(lang) if term else code

    def names(self, codes: Iterable[str], lang: str) -> str:
        """Several names joined as a list is written in ``lang``: 医学、法学 / Medicine, Law."""
        return list_separator(lang).join(self.name(c, lang) for c in codes)

    def code_of(self, word: str) -> str | None:
        """The code a word of a file means (its code, a name in either language or an
        alias), or None."""
        return self._words.get(word_key(word))

    def ordered(self, codes: Iterable[str]) -> tuple[str, ...]:
        """``codes`` in this vocabulary's order (unknown codes dropped)."""
        wanted = set(codes)
        return tuple(c for c in self.codes if c in wanted)

    def listing(self, lang: str) -> str:
        """Every name, for a message that says what is allowed: 女、男、其他 / Female, Male,
        Other."""
        return self.names(self.codes, lang)


def list_separator(lang: str) -> str:
    return "、" if is_chinese(lang) else ", "


# --- people and seats ----------------------------------------------------------------------

GENDERS = Vocabulary(
    "gender",
    Term("female", "Female", "女", ("f",)),
    Term("male", "Male", "男", ("m",)),
    Term("other", "Other", "其他"),
)

# Roles of a membership, in DESIGN.md's precedence: a membership with several roles is
# written (in a roster file, in a list) with the first it holds.
ROLES = Vocabulary(
    "role",
    Term("chair", "Chair", "主任委员"),
    Term("vice_chair", "Vice-chair", "副主任委员"),
    Term("member", "Member", "委员"),
    Term("alternate", "Alternate", "候补委员", ("替补委员",)),
    Term("secretary", "Secretary", "秘书"),
)
ROLE_PRECEDENCE = ROLES.codes
# An outside expert is engaged, never seated; roster files may still name one.
CONSULTANT = Term("consultant", "Consultant", "独立顾问", ("顾问",))
FILE_ROLES = Vocabulary("role", *ROLES.terms, CONSULTANT)

EXPERTISE = Vocabulary(
    "expertise",
    Term("medicine", "Medicine", "医学"),
    Term("life_science", "Life sciences", "生命科学", ("life_sciences", "life science")),
    Term("pharmacy", "Pharmacy", "药学"),
    Term("nursing", "Nursing", "护理", ("护理学",)),
    Term("statistics", "Statistics", "统计学"),
    Term("bioethics", "Bioethics", "生命伦理学", ("伦理学", "ethics")),
    Term("law", "Law", "法学", ("法律",)),
    Term("sociology", "Sociology", "社会学"),
    Term("lay", "Lay person", "社会人士", ("非专业人士", "lay")),
    Term("other", "Other", "其他"),
)
# Groups of categories that requirements may name (DESIGN.md section 5).
EXPERTISE_GROUPS = Vocabulary(
    "expertise group",
    Term("biomedicine", "Biomedicine", "生物医学"),
    Term("law_or_ethics", "Law or ethics", "法学或伦理学"),
)
GROUP_MEMBERS: dict[str, tuple[str, ...]] = {
    "biomedicine": ("medicine", "life_science", "pharmacy", "nursing"),
    "law_or_ethics": ("law", "bioethics"),
}
# A member is a scientist when any expertise is one of these (unless said otherwise).
SCIENTIFIC_EXPERTISE = ("medicine", "life_science", "pharmacy", "nursing", "statistics")
# Everything a requirement may name: a category or a group.
REQUIRABLE_EXPERTISE = Vocabulary("expertise", *EXPERTISE.terms, *EXPERTISE_GROUPS.terms)

AFFILIATION = Vocabulary(
    "affiliation",
    Term("affiliated", "Affiliated", "本机构", ("internal", "是", "yes")),
    Term("external", "External", "非本机构", ("not affiliated", "否", "no")),
)
DECLARATION_KINDS = Vocabulary(
    "declaration",
    Term("confidentiality", "Confidentiality undertaking", "保密承诺"),
    Term("conflict_of_interest", "Conflict-of-interest declaration", "利益冲突声明"),
)
DECLARATION_SCOPES = Vocabulary(
    "declaration scope",
    Term("standing", "Standing", "长期有效"),
    Term("meeting", "One meeting", "单次会议"),
    Term("project", "One project", "单个项目"),
)
USER_ROLES = Vocabulary(
    "account role",
    Term("admin", "Administrator", "管理员"),
    Term("secretary", "Secretary", "秘书"),
    Term("chair", "Chair", "主任委员"),
    Term("member", "Member", "委员"),
    Term("viewer", "Viewer", "只读用户"),
)

# --- the committee -------------------------------------------------------------------------

NUMBER_SERIES_KINDS = Vocabulary(
    "number series",
    Term("acceptance", "Acceptance number", "受理号"),
    Term("letter", "Letter number", "批件号"),
)
EVIDENCE = Vocabulary(
    "evidence",
    Term("verified", "Verified against the official text", "已与官方文本核对"),
    Term("corroborated", "Corroborated by secondary sources", "有二手资料佐证"),
    Term("unverified", "Unverified", "尚未核实"),
)
SEVERITIES = Vocabulary(
    "severity",
    Term("error", "Error", "错误"),
    Term("warning", "Warning", "警告"),
)

# --- projects and submissions ------------------------------------------------------------------

PROJECT_TYPES = Vocabulary(
    "project type",
    Term("drug_trial", "Drug trial", "药物临床试验"),
    Term("device_trial", "Device trial", "医疗器械临床试验"),
    Term("stem_cell", "Stem-cell clinical research", "干细胞临床研究"),
    Term("investigator_initiated", "Investigator-initiated study", "研究者发起的研究"),
    Term("observational", "Observational study", "观察性研究"),
    Term("biobank", "Biobank", "生物样本库"),
    Term("other", "Other", "其他"),
)
RISK_LEVELS = Vocabulary(
    "risk level",
    Term("minimal", "Minimal risk", "极低风险"),
    Term("low", "Low risk", "低风险"),
    Term("moderate", "Moderate risk", "中等风险"),
    Term("high", "High risk", "高风险"),
)
MULTICENTRE_ROLES = Vocabulary(
    "multicentre role",
    Term("single_site", "Single site", "单中心"),
    Term("lead", "Lead site", "牵头单位"),
    Term("participating", "Participating site", "参与单位"),
)
PROJECT_STATUSES = Vocabulary(
    "project status",
    Term("not_started", "Not started", "未启动"),
    Term("ongoing", "Ongoing", "进行中"),
    Term("suspended", "Suspended", "已暂停"),
    Term("terminated", "Terminated", "已终止"),
    Term("closed", "Closed", "已结题"),
    Term("approval_expired", "Approval expired", "批准已过期"),
)
SUBMISSION_KINDS = Vocabulary(
    "submission kind",
    Term("initial", "Initial review", "初始审查"),
    Term("amendment", "Amendment", "修正案审查"),
    Term("continuing", "Continuing review", "跟踪审查"),
    Term("sae", "Serious adverse event", "严重不良事件报告"),
    Term("deviation", "Protocol deviation", "方案偏离报告"),
    Term("suspension", "Suspension", "暂停研究报告"),
    Term("termination", "Termination", "终止研究报告"),
    Term("closure", "Closure", "结题报告"),
    Term("re_review", "Re-review", "复审"),
    Term("appeal", "Appeal", "申诉"),
)
# Submission kinds that answer a prior decision and must name it.
ANSWERING_KINDS = ("re_review", "appeal")
REVIEW_PATHS = Vocabulary(
    "review path",
    Term("full_board", "Full board", "会议审查"),
    Term("expedited", "Expedited", "简易程序"),
    Term("exempt", "Exempt", "免除审查"),
)
SUBMISSION_STATUSES = Vocabulary(
    "submission status",
    Term("received", "Received", "已接收"),
    Term("returned", "Returned for completion", "退回补正"),
    Term("accepted", "Accepted", "已受理"),
    Term("under_review", "Under review", "审查中"),
    Term("decided", "Decided", "已决定"),
    Term("withdrawn", "Withdrawn", "已撤回"),
)
SUBMISSION_EVENT_KINDS = Vocabulary(
    "submission event",
    Term("received", "Received", "接收"),
    Term("returned_for_completion", "Returned for completion", "退回补正"),
    Term("resubmitted", "Resubmitted", "重新提交"),
    Term("accepted", "Accepted", "受理"),
    Term("withdrawn", "Withdrawn", "撤回"),
    Term("note", "Note", "备注"),
)

# --- reviews, meetings, letters --------------------------------------------------------------

ASSIGNMENT_ROLES = Vocabulary(
    "reviewer role",
    Term("primary", "Primary reviewer", "主审委员"),
    Term("secondary", "Secondary reviewer", "副审委员"),
)
WORKSHEET_STATUSES = Vocabulary(
    "worksheet status",
    Term("draft", "Draft", "草稿"),
    Term("submitted", "Submitted", "已提交"),
)
MEETING_STATUSES = Vocabulary(
    "meeting status",
    Term("planned", "Planned", "已计划"),
    Term("agenda_closed", "Agenda closed", "议程已确定"),
    Term("in_session", "In session", "会议进行中"),
    Term("adjourned", "Adjourned", "已散会"),
    Term("minutes_approved", "Minutes approved", "纪要已批准"),
)
AGENDA_ITEM_KINDS = Vocabulary(
    "agenda item",
    Term("review", "Review item", "审查议题"),
    Term("report", "Report item", "报告议题"),
)
ATTENDANCE_STATUSES = Vocabulary(
    "attendance",
    Term("present", "Present", "出席"),
    Term("remote", "Remote", "远程出席"),
    Term("absent", "Absent", "缺席"),
    Term("excused", "Excused", "请假"),
)
LETTER_STATUSES = Vocabulary(
    "letter status",
    Term("draft", "Draft", "草稿"),
    Term("approved", "Approved", "已批准"),
    Term("issued", "Issued", "已签发"),
)
DOCUMENT_LANGUAGES = Vocabulary(
    "document language",
    Term("zh_CN", "Chinese", "中文"),
    Term("en", "English", "英文"),
    Term("bilingual", "Chinese and English", "中英双语"),
)
# The languages of the application itself (its windows and its command line).
UI_LANGUAGES = Vocabulary(
    "language",
    Term("zh_CN", "Chinese (Simplified)", "简体中文", ("zh", "chinese", "中文")),
    Term("en", "English", "英文", ("english", "英语")),
)

# --- records ---------------------------------------------------------------------------------

# What records are, as messages name them ("no committee with id 3" / 找不到编号为 3 的委员会);
# also the owners an attachment may have.
ENTITIES = Vocabulary(
    "record",
    Term("institution", "Institution", "机构"),
    Term("committee", "Committee", "委员会"),
    Term("committee_term", "Committee term", "届次"),
    Term("person", "Person", "人员"),
    Term("membership", "Membership", "任职记录"),
    Term("consultant_engagement", "Consultant engagement", "独立顾问聘任"),
    Term("training", "Training record", "培训记录"),
    Term("declaration", "Declaration", "声明"),
    Term("project", "Project", "项目"),
    Term("submission", "Submission", "送审"),
    Term("meeting", "Meeting", "会议"),
    Term("agenda_item", "Agenda item", "议题"),
    Term("decision", "Decision", "审查决定"),
    Term("letter", "Letter", "批件"),
    Term("site_visit", "Site visit", "实地访查"),
    Term("complaint", "Complaint", "受试者抱怨"),
)
ATTACHMENT_OWNERS = ENTITIES.codes

# --- fields ----------------------------------------------------------------------------------

# The names of the fields users see: in the services' messages ("term_end: …" in English,
# which names the field by its code; "任期结束：…" in Chinese), in the roster file's columns
# and keys, and in the screens' column headers. A dotted field ("stem_cell.cell_type") is
# named part by part.
FIELDS = Vocabulary(
    "field",
    # institutions and committees
    Term("institution_id", "Institution", "机构"),
    Term("committee_id", "Committee", "委员会"),
    Term("name_zh", "Chinese name", "中文名称"),
    Term("name_en", "English name", "英文名称"),
    Term("address", "Address", "地址"),
    Term("filing_number", "Filing number", "备案号"),
    Term("filing_authority", "Filing authority", "备案机关"),
    Term("timezone", "Time zone", "时区"),
    Term("profile_id", "Regulatory profile", "适用法规"),
    Term("effective_from", "Applies from", "生效日期"),
    Term("sop_overrides", "SOP overrides", "SOP 调整项"),
    Term("acceptance_pattern", "Acceptance number pattern", "受理号格式"),
    Term("letter_pattern", "Letter number pattern", "批件号格式"),
    Term("pattern", "Number pattern", "编号格式"),
    Term("acceptance", "Acceptance number", "受理号"),
    Term("letter", "Letter number", "批件号"),
    Term("number", "Term number", "届次"),
    Term("start_date", "Start date", "开始日期"),
    Term("end_date", "End date", "结束日期"),
    Term("appointment_document", "Appointment document", "聘任文件"),
    Term("note", "Note", "备注"),
    Term("kind", "Kind", "类型"),
    # people and memberships (the roster's columns)
    Term("person_id", "Person", "人员"),
    Term("name", "Name", "姓名"),
    Term("gender", "Gender", "性别"),
    Term("ethnicity", "Ethnicity", "民族"),
    Term("minority", "Ethnic minority", "少数民族"),
    Term("title", "Title", "职称"),
    Term("profession", "Profession", "专业"),
    Term("degrees", "Degrees", "学位"),
    Term("employer", "Employer", "工作单位", ("单位",)),
    Term("email", "E-mail", "电子邮件", ("邮箱",)),
    Term("phone", "Phone", "电话"),
    Term("consent_publish", "Consents to publish", "同意公开"),
    Term("membership_id", "Membership", "任职记录"),
    Term("roles", "Roles", "职务"),
    Term("role", "Role", "职务", ("角色",)),
    Term("alternate_for", "Alternate for", "候补", ("替补对象", "候补对象")),
    Term("alternate_for_id", "Alternate for", "候补"),
    Term("expertise", "Expertise", "专业领域"),
    Term("affiliation", "Affiliation", "所属"),
    Term("affiliated", "Affiliated", "本机构"),
    Term("voting", "Votes", "表决权"),
    Term("scientist", "Scientist", "医药专业背景"),
    Term("term", "Term", "任期"),
    Term("term_start", "Term start", "任期开始"),
    Term("term_end", "Term end", "任期结束"),
    Term("ended_on", "Last day", "离任日期"),
    Term("reason", "Reason", "原因"),
    # training, declarations, consultants
    Term("training", "Training", "培训"),
    Term("declarations", "Declarations", "声明"),
    Term("course", "Course", "课程名称"),
    Term("taken_on", "Taken on", "培训日期"),
    Term("hours", "Hours", "学时"),
    Term("expires_on", "Expires on", "到期日期"),
    Term("scope", "Scope", "适用范围"),
    Term("signed_on", "Signed on", "签署日期"),
    Term("valid_until", "Valid until", "有效期截止日"),
    Term("meeting_id", "Meeting", "会议"),
    Term("project_id", "Project", "项目"),
    Term("interests", "Interests declared", "利益关系"),
    Term("coi_declared_on", "Conflict of interest declared on", "利益冲突声明日期"),
    Term("confidentiality_signed_on", "Confidentiality signed on", "保密承诺签署日期"),
    # attachments
    Term("owner_type", "Owner type", "所属对象类型"),
    Term("owner_id", "Owner", "所属对象"),
    Term("filename", "File name", "文件名"),
    Term("content", "Content", "文件内容"),
    Term("path", "File", "文件"),
    Term("media_type", "File format", "文件格式"),
    Term("document_type", "Document type", "文件类别"),
    Term("version_label", "Version", "版本号"),
    Term("version_date", "Version date", "版本日期"),
    # projects and submissions
    Term("title_zh", "Chinese title", "中文题目"),
    Term("title_en", "English title", "英文题目"),
    Term("protocol_code", "Protocol ID", "方案编号"),
    Term("principal_investigator", "Principal investigator", "主要研究者"),
    Term("team", "Research team", "研究团队"),
    Term("department", "Department", "科室"),
    Term("sponsor", "Sponsor", "申办方"),
    Term("project_type", "Project type", "项目类型"),
    Term("risk_level", "Risk level", "风险等级"),
    Term("multicentre_role", "Multicentre role", "多中心角色"),
    Term("status", "Status", "状态"),
    Term("approval_from", "Approved from", "批准有效期起始日"),
    Term("approval_until", "Approved until", "批准有效期截止日"),
    Term("stem_cell", "Stem-cell details", "干细胞研究信息"),
    Term("cell_type", "Cell type", "细胞类型"),
    Term("cell_source", "Cell source", "细胞来源"),
    Term("embryonic", "Embryonic stem cells", "胚胎干细胞"),
    Term("within_14_days", "Within 14 days", "14 天内"),
    Term("no_reproductive_implantation", "No reproductive implantation", "不用于生殖目的植入"),
    Term("no_species_mixing", "No mixing of species", "不进行种间嵌合"),
    Term("no_trade", "No trade", "不进行买卖"),
    Term("donor_consent", "Donor consent", "捐赠者知情同意"),
    Term("institution_filing_number", "Institution filing number", "机构备案号"),
    Term("project_filing_number", "Project filing number", "项目备案号"),
    Term("academic_committee_approved_on", "Academic committee approval", "学术委员会批准日期"),
    Term("submission_id", "Submission", "送审"),
    Term("received_on", "Received on", "受理日期"),
    Term("review_path", "Review path", "审查方式"),
    Term("exempt_basis", "Basis of the exemption", "免除审查依据"),
    Term("fee_receipt", "Fee receipt", "审查费收据"),
    Term("summary", "Summary", "摘要"),
    Term("answers_decision_id", "Decision answered", "所答复的审查决定"),
    Term("occurred_on", "Date", "发生日期"),
    Term("deadline", "Deadline", "补正期限"),
    # checks, files and imports
    Term("as_of", "As of", "核查日期"),
    Term("today", "Today", "当天日期"),
    Term("within_days", "Days", "天数"),
    Term("import", "Import", "导入"),
    Term("profile", "Regulatory profile", "适用法规"),
    Term("minority_region", "Minority region", "民族地区"),
    Term("sop", "SOP overrides", "SOP 调整项"),
    Term("members", "Members", "委员"),
    Term("attendance", "Attendance", "出席情况"),
    Term("items", "Items", "议题"),
    Term("id", "ID", "编号"),
    Term("recused", "Recused", "回避"),
    Term("votes", "Votes", "投票"),
)


def field_name(field_id: str, lang: str) -> str:
    """How a message in ``lang`` names a field: its name, part by part for a dotted field
    (``stem_cell.cell_type`` → 干细胞研究信息·细胞类型); a part without a name (a key the
    user typed) is shown as it is."""
    separator = "·" if is_chinese(lang) else "."
    return separator.join(FIELDS.name(part, lang) for part in field_id.split("."))
