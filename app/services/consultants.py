"""Consultant engagements (独立顾问): outside experts who advise and never vote."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.domain.vocabulary import EXPERTISE
from app.models import Committee, ConsultantEngagement, Person, Project, Submission
from app.services import audit
from app.services import validation as v
from app.services.actors import Actor
from app.services.permissions import require


def engage_consultant(
    session: Session,
    actor: Actor,
    *,
    committee_id: int,
    person_id: int,
    start_date: date,
    end_date: date | None = None,
    project_id: int | None = None,
    submission_id: int | None = None,
    expertise: str = "other",
    coi_declared_on: date | None = None,
    confidentiality_signed_on: date | None = None,
    note: str = "",
) -> ConsultantEngagement:
    require(actor, "roster.edit")
    committee = v.get(session, Committee, "committee_id", committee_id)
    person = v.get(session, Person, "person_id", person_id)
    start = v.parse_date("start_date", start_date)
    end = v.optional_date("end_date", end_date)
    v.date_order("end_date", end, "start_date", start)
    if project_id is not None:
        project = v.get(session, Project, "project_id", project_id)
        if project.committee_id != committee.id:
            raise v.invalid(
                "project_id", "names a project of another committee", "所指项目属于其他委员会"
            )
    if submission_id is not None:
        submission = v.get(session, Submission, "submission_id", submission_id)
        if submission.committee_id != committee.id:
            raise v.invalid(
                "submission_id",
                "names a submission of another committee",
                "所指送审属于其他委员会",
            )
    area = v.choice("expertise", expertise, EXPERTISE)
    coi = v.optional_date("coi_declared_on", coi_declared_on)
    conf = v.optional_date("confidentiality_signed_on", confidentiality_signed_on)
    text = v.long_text("note", note)
    engagement = ConsultantEngagement(
        committee_id=committee.id,
        person_id=person.id,
        project_id=project_id,
        submission_id=submission_id,
        start_date=start,
        end_date=end,
        expertise=area,
        coi_declared_on=coi,
        confidentiality_signed_on=conf,
        note=text,
    )
    session.add(engagement)
    session.flush()
    audit.record_change(
        session,
        actor,
        "consultant.engage",
        "consultant_engagement",
        engagement.id,
        context={"committee_id": committee.id, "person_id": person.id},
        after={
            "project_id": project_id,
            "submission_id": submission_id,
            "start_date": start,
            "end_date": end,
            "expertise": area,
            "coi_declared_on": coi,
            "confidentiality_signed_on": conf,
            "note": text,
        },
    )
    return engagement
