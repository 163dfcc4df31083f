"""Projects (研究项目) with their stem-cell details, and submissions (送审) with their events.

Registering a submission takes its acceptance number from the committee's series in the
same transaction, so a failed registration gives the number back.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.vocabulary import (
    ANSWERING_KINDS,
    MULTICENTRE_ROLES,
    PROJECT_STATUSES,
    PROJECT_TYPES,
    REVIEW_PATHS,
    RISK_LEVELS,
    SUBMISSION_EVENT_KINDS,
    SUBMISSION_KINDS,
    SUBMISSION_STATUSES,
)
from app.models import (
    Committee,
    Decision,
    Project,
    StemCellDetail,
    Submission,
    SubmissionAnswer,
    SubmissionEvent,
)
from app.services import audit
from app.services import validation as v
from app.services.actors import Actor
from app.services.numbering import take_number
from app.services.permissions import require

PROJECT_FIELDS = (
    "title_zh",
    "title_en",
    "protocol_code",
    "principal_investigator",
    "team",
    "department",
    "sponsor",
    "project_type",
    "risk_level",
    "multicentre_role",
    "status",
    "approval_from",
    "approval_until",
    "stem_cell",
)
STEM_CELL_FIELDS = (
    "cell_type",
    "cell_source",
    "embryonic",
    "within_14_days",
    "no_reproductive_implantation",
    "no_species_mixing",
    "no_trade",
    "donor_consent",
    "institution_filing_number",
    "project_filing_number",
    "academic_committee_approved_on",
)


def _stem_cell_values(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise v.invalid(
            "stem_cell", "must be a mapping of stem-cell details", "必须是干细胞研究信息的键值表"
        )
    for key in raw:
        if key not in STEM_CELL_FIELDS:
            raise v.invalid(
                f"stem_cell.{key}", "is not a stem-cell detail", "不是干细胞研究信息的字段"
            )
    values: dict[str, Any] = {}
    for key in ("cell_type", "cell_source", "institution_filing_number", "project_filing_number"):
        if key in raw:
            values[key] = v.text(f"stem_cell.{key}", raw[key])
    if "embryonic" in raw:
        values["embryonic"] = v.flag("stem_cell.embryonic", raw["embryonic"])
    for key in (
        "within_14_days",
        "no_reproductive_implantation",
        "no_species_mixing",
        "no_trade",
        "donor_consent",
    ):
        if key in raw:
            values[key] = v.optional_flag(f"stem_cell.{key}", raw[key])
    if "academic_committee_approved_on" in raw:
        values["academic_committee_approved_on"] = v.optional_date(
            "stem_cell.academic_committee_approved_on", raw["academic_committee_approved_on"]
        )
    return values


def _project_values(changes: dict[str, Any], current: Project | None) -> dict[str, Any]:
    v.known_keys(changes, PROJECT_FIELDS)
    values: dict[str, Any] = {}
    if "title_zh" in changes:
        values["title_zh"] = v.text("title_zh", changes["title_zh"], required=True, max_length=500)
    if "title_en" in changes:
        values["title_en"] = v.text("title_en", changes["title_en"], max_length=500)
    if "principal_investigator" in changes:
        values["principal_investigator"] = v.text(
            "principal_investigator",
            changes["principal_investigator"],
            required=True,
            max_length=100,
        )
    for key in ("protocol_code", "department", "sponsor"):
        if key in changes:
            values[key] = v.text(key, changes[key])
    if "team" in changes:
        values["team"] = v.long_text("team", changes["team"])
    for key, allowed in (
        ("project_type", PROJECT_TYPES),
        ("risk_level", RISK_LEVELS),
        ("multicentre_role", MULTICENTRE_ROLES),
        ("status", PROJECT_STATUSES),
    ):
        if key in changes:
            values[key] = v.choice(key, changes[key], allowed)
    for key in ("approval_from", "approval_until"):
        if key in changes:
            values[key] = v.optional_date(key, changes[key])
    v.date_order(
        "approval_until",
        values.get("approval_until", current.approval_until if current else None),
        "approval_from",
        values.get("approval_from", current.approval_from if current else None),
    )
    if "stem_cell" in changes and changes["stem_cell"] is not None:
        values["stem_cell"] = _stem_cell_values(changes["stem_cell"])
    project_type = values.get("project_type", current.project_type if current else None)
    if values.get("stem_cell") and project_type != "stem_cell":
        raise v.invalid(
            "stem_cell",
            "only a stem-cell project has stem-cell details",
            "只有干细胞研究项目才有干细胞研究信息",
        )
    return values


def _apply_project(project: Project, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if key == "stem_cell":
            if project.stem_cell is None:
                project.stem_cell = StemCellDetail()
            for field, item in value.items():
                setattr(project.stem_cell, field, item)
        else:
            setattr(project, key, value)


def create_project(
    session: Session,
    actor: Actor,
    *,
    committee_id: int,
    title_zh: str,
    principal_investigator: str,
    project_type: str,
    **fields: Any,
) -> Project:
    require(actor, "project.edit")
    committee = v.get(session, Committee, "committee_id", committee_id)
    values = _project_values(
        {
            "title_zh": title_zh,
            "principal_investigator": principal_investigator,
            "project_type": project_type,
            **fields,
        },
        None,
    )
    if project_type == "stem_cell" and "stem_cell" not in values:
        values["stem_cell"] = {}
    project = Project(committee_id=committee.id)
    _apply_project(project, values)
    session.add(project)
    session.flush()
    audit.record_change(
        session,
        actor,
        "project.create",
        "project",
        project.id,
        after=values,
        context={"committee_id": committee.id},
    )
    return project


def edit_project(session: Session, actor: Actor, project_id: int, **changes: Any) -> Project:
    require(actor, "project.edit")
    project = v.get(session, Project, "project_id", project_id)
    values = _project_values(changes, project)
    if (
        values.get("project_type", project.project_type) != "stem_cell"
        and project.stem_cell is not None
    ):
        raise v.invalid(
            "project_type",
            "a project with stem-cell details stays a stem-cell project",
            "已有干细胞研究信息的项目不能改为其他类型",
        )
    before = audit.snapshot(project, [k for k in values if k != "stem_cell"])
    if "stem_cell" in values:
        detail = project.stem_cell
        before["stem_cell"] = (
            None if detail is None else {f: getattr(detail, f) for f in values["stem_cell"]}
        )
    _apply_project(project, values)
    audit.record_change(
        session, actor, "project.edit", "project", project.id, before=before, after=values
    )
    return project


def register_submission(
    session: Session,
    actor: Actor,
    *,
    project_id: int,
    kind: str,
    received_on: date,
    review_path: str | None = None,
    exempt_basis: str = "",
    fee_receipt: str = "",
    summary: str = "",
    answers_decision_id: int | None = None,
) -> Submission:
    """Register (受理) a submission and give it the next acceptance number."""
    require(actor, "submission.edit")
    project = v.get(session, Project, "project_id", project_id)
    v.choice("kind", kind, SUBMISSION_KINDS)
    received = v.parse_date("received_on", received_on)
    path = None if review_path is None else v.choice("review_path", review_path, REVIEW_PATHS)
    basis = v.long_text("exempt_basis", exempt_basis)
    if path == "exempt" and not basis:
        raise v.invalid(
            "exempt_basis", "an exempt review needs its legal basis", "免除审查须写明法规依据"
        )
    receipt = v.text("fee_receipt", fee_receipt, max_length=100)
    text = v.long_text("summary", summary)
    answered: Decision | None = None
    if kind in ANSWERING_KINDS:
        answered = v.get(session, Decision, "answers_decision_id", answers_decision_id)
        decided_submission = session.get(Submission, answered.submission_id)
        if decided_submission is None or decided_submission.project_id != project.id:
            raise v.invalid(
                "answers_decision_id",
                "names a decision on another project",
                "所指审查决定属于其他项目",
            )
    elif answers_decision_id is not None:
        raise v.invalid(
            "answers_decision_id",
            f"a {kind} submission answers no decision",
            f"“{SUBMISSION_KINDS.name(kind, 'zh')}”送审不答复审查决定（只有复审和申诉才需指明）",
        )
    number = take_number(session, project.committee_id, "acceptance", received)
    submission = Submission(
        project_id=project.id,
        committee_id=project.committee_id,
        kind=kind,
        acceptance_number=number,
        received_on=received,
        review_path=path,
        exempt_basis=basis,
        fee_receipt=receipt,
        summary=text,
        status="received",
    )
    if answered is not None:
        submission.answers = [SubmissionAnswer(decision_id=answered.id)]
    session.add(submission)
    session.flush()
    session.add(SubmissionEvent(submission_id=submission.id, kind="received", occurred_on=received))
    audit.record_change(
        session,
        actor,
        "submission.register",
        "submission",
        submission.id,
        context={"project_id": project.id},
        after={
            "kind": kind,
            "acceptance_number": number,
            "received_on": received,
            "review_path": path,
            "exempt_basis": basis,
            "fee_receipt": receipt,
            "summary": text,
            "answers_decision_id": answered.id if answered else None,
        },
    )
    return submission


# Which event may follow which status, and the status it leads to.
_TRANSITIONS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "returned_for_completion": (("received",), "returned"),
    "resubmitted": (("returned",), "received"),
    "accepted": (("received",), "accepted"),
    "withdrawn": (("received", "returned", "accepted", "under_review"), "withdrawn"),
    "note": (("received", "returned", "accepted", "under_review", "decided", "withdrawn"), None),
}


def add_submission_event(
    session: Session,
    actor: Actor,
    submission_id: int,
    *,
    kind: str,
    occurred_on: date,
    deadline: date | None = None,
    note: str = "",
) -> SubmissionEvent:
    """Record what happened to a submission. Returning it for completion (补正) needs a
    deadline: the review clock stops until it is resubmitted."""
    require(actor, "submission.edit")
    submission = v.get(session, Submission, "submission_id", submission_id)
    v.choice("kind", kind, tuple(k for k in SUBMISSION_EVENT_KINDS if k != "received"))
    when = v.parse_date("occurred_on", occurred_on)
    v.date_order("occurred_on", when, "received_on", submission.received_on)
    last = session.scalar(
        select(SubmissionEvent.occurred_on)
        .where(SubmissionEvent.submission_id == submission.id)
        .order_by(SubmissionEvent.occurred_on.desc())
        .limit(1)
    )
    v.date_order(
        "occurred_on", when, "the submission's last event", last, earlier_zh="该送审的上一事件"
    )
    due = v.optional_date("deadline", deadline)
    if kind == "returned_for_completion" and due is None:
        raise v.invalid(
            "deadline",
            "returning a submission for completion needs a deadline",
            "退回补正须设定补正期限",
        )
    if kind != "returned_for_completion" and due is not None:
        raise v.invalid(
            "deadline", "only a return for completion has a deadline", "只有退回补正才设定期限"
        )
    v.date_order("deadline", due, "occurred_on", when)
    text = v.long_text("note", note)
    allowed_from, new_status = _TRANSITIONS[kind]
    if submission.status not in allowed_from:
        raise v.invalid(
            "kind",
            f"a submission that is {submission.status} cannot be {kind}",
            f"处于“{SUBMISSION_STATUSES.name(submission.status, 'zh')}”状态的送审"
            f"不能记录“{SUBMISSION_EVENT_KINDS.name(kind, 'zh')}”",
        )
    status_before, accepted_before = submission.status, submission.accepted_on
    event = SubmissionEvent(
        submission_id=submission.id, kind=kind, occurred_on=when, deadline=due, note=text
    )
    session.add(event)
    if new_status is not None:
        submission.status = new_status
    if kind == "accepted":
        submission.accepted_on = when
    session.flush()
    audit.record_change(
        session,
        actor,
        "submission.event",
        "submission",
        submission.id,
        before={"status": status_before, "accepted_on": accepted_before},
        after={"status": submission.status, "accepted_on": submission.accepted_on},
        context={
            "event_id": event.id,
            "kind": kind,
            "occurred_on": when,
            "deadline": due,
            "note": text,
        },
    )
    return event
