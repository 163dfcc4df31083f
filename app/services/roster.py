"""People and their memberships of a committee: add, edit, end; training; declarations.

The rules a seat follows (term order, alternates, who votes) are ``app.domain.membership``'s;
"holds a seat" is ``app.domain.seats``'. Every change is audited with its values before and
after (``audit.record_change``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import membership as rules
from app.domain.names import sort_key
from app.domain.vocabulary import (
    DECLARATION_KINDS,
    DECLARATION_SCOPES,
    EXPERTISE,
    GENDERS,
    ROLES,
)
from app.models import (
    Committee,
    Declaration,
    Meeting,
    Membership,
    MembershipExpertise,
    MembershipRole,
    Person,
    Project,
    Training,
)
from app.services import attachments, audit
from app.services import validation as v
from app.services.actors import Actor
from app.services.permissions import require

_PERSON_TEXT = {
    "name_en": 100,
    "ethnicity": 50,
    "title": 100,
    "degrees": 100,
    "profession": 100,
    "employer": 200,
    "email": 200,
    "phone": 50,
}
PERSON_FIELDS = ("name_zh", "gender", "minority", "consent_publish", *_PERSON_TEXT)
SIGNED_DECLARATION = "signed_declaration"  # the document type of a declaration's signed file
MEMBERSHIP_FIELDS = (
    "roles",
    "expertise",
    "affiliated",
    "voting",
    "scientist",
    "term_start",
    "term_end",
    "alternate_for_id",
)


# --- people ---------------------------------------------------------------------------


def _person_values(changes: dict[str, Any]) -> dict[str, Any]:
    v.known_keys(changes, PERSON_FIELDS)
    values: dict[str, Any] = {}
    if "name_zh" in changes:
        values["name_zh"] = v.text("name_zh", changes["name_zh"], required=True, max_length=100)
    if "gender" in changes:
        values["gender"] = v.choice("gender", changes["gender"], GENDERS)
    for key in ("minority", "consent_publish"):
        if key in changes:
            values[key] = v.flag(key, changes[key])
    for key, limit in _PERSON_TEXT.items():
        if key in changes:
            values[key] = v.text(key, changes[key], max_length=limit)
    if values.get("email") and "@" not in values["email"]:
        raise v.invalid("email", "is not an e-mail address", "不是有效的电子邮件地址")
    return values


def create_person(
    session: Session, actor: Actor, *, name_zh: str, gender: str, **fields: Any
) -> Person:
    require(actor, "person.edit")
    values = _person_values({"name_zh": name_zh, "gender": gender, **fields})
    person = Person(**values, name_sort=sort_key(values["name_zh"]))
    session.add(person)
    session.flush()
    audit.record_change(session, actor, "person.create", "person", person.id, after=values)
    return person


def edit_person(
    session: Session, actor: Actor, person_id: int, *, reason: str = "", **changes: Any
) -> Person:
    """Change a person's details; ``reason`` says why (a correction should)."""
    require(actor, "person.edit")
    person = v.get(session, Person, "person_id", person_id)
    values = _person_values(changes)
    why = v.long_text("reason", reason)
    before = audit.snapshot(person, values)
    for key, value in values.items():
        setattr(person, key, value)
    if "name_zh" in values:
        person.name_sort = sort_key(values["name_zh"])
    audit.record_change(
        session, actor, "person.edit", "person", person.id, before=before, after=values, reason=why
    )
    return person


# --- memberships ----------------------------------------------------------------------


def _membership_values(
    session: Session, committee_id: int, changes: dict[str, Any], current: Membership | None
) -> dict[str, Any]:
    v.known_keys(changes, MEMBERSHIP_FIELDS)
    values: dict[str, Any] = {}
    if "roles" in changes:
        values["roles"] = list(ROLES.ordered(v.choices("roles", changes["roles"], ROLES)))
    if "expertise" in changes:
        chosen = v.choices("expertise", changes["expertise"], EXPERTISE)
        values["expertise"] = list(EXPERTISE.ordered(chosen))
    for key in ("affiliated", "voting"):
        if key in changes:
            values[key] = v.flag(key, changes[key])
    if "scientist" in changes:
        values["scientist"] = v.optional_flag("scientist", changes["scientist"])
    if "term_start" in changes:
        values["term_start"] = v.parse_date("term_start", changes["term_start"])
    if "term_end" in changes:
        values["term_end"] = v.optional_date("term_end", changes["term_end"])
    if "alternate_for_id" in changes:
        values["alternate_for_id"] = changes["alternate_for_id"]

    roles_after = values.get("roles", sorted(current.roles) if current else [])
    start = values.get("term_start", current.term_start if current else None)
    end = values.get("term_end", current.term_end if current else None)
    rules.check_term(start, end)
    if current is not None and current.ended_on is not None:
        v.date_order("term_start", current.ended_on, "ended_on", start)

    alternate_for = values.get("alternate_for_id", current.alternate_for_id if current else None)
    rules.check_alternate(roles_after, alternate_for)
    if alternate_for is not None:
        seat = v.get(session, Membership, "alternate_for_id", alternate_for)
        if seat.committee_id != committee_id:
            raise v.invalid(
                "alternate_for_id", "names a member of another committee", "所指委员属于其他委员会"
            )
        rules.check_seat_for(seat.roles, same_seat=current is not None and seat.id == current.id)
    rules.check_voting(roles_after, values.get("voting", current.voting if current else True))
    return values


def _apply_membership(membership: Membership, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if key == "roles":
            membership.role_rows = [MembershipRole(role=r) for r in value]
        elif key == "expertise":
            membership.expertise_rows = [MembershipExpertise(category=c) for c in value]
        else:
            setattr(membership, key, value)


def add_membership(
    session: Session,
    actor: Actor,
    *,
    committee_id: int,
    person_id: int,
    roles: list[str],
    expertise: list[str],
    affiliated: bool,
    term_start: date,
    term_end: date | None = None,
    voting: bool | None = None,
    scientist: bool | None = None,
    alternate_for_id: int | None = None,
) -> Membership:
    """Seat a person on a committee. A non-voting secretary votes False by default."""
    require(actor, "roster.edit")
    committee = v.get(session, Committee, "committee_id", committee_id)
    person = v.get(session, Person, "person_id", person_id)
    if voting is None:
        voting = not (isinstance(roles, list) and set(roles) == {"secretary"})
    changes: dict[str, Any] = {
        "roles": roles,
        "expertise": expertise,
        "affiliated": affiliated,
        "voting": voting,
        "scientist": scientist,
        "term_start": term_start,
        "term_end": term_end,
        "alternate_for_id": alternate_for_id,
    }
    values = _membership_values(session, committee.id, changes, None)
    held = session.scalar(
        select(Membership.id).where(
            Membership.committee_id == committee.id,
            Membership.person_id == person.id,
            Membership.not_over_before(values["term_start"]),
        )
    )
    if held is not None:
        raise v.invalid(
            "person_id",
            f"{person.name_zh} already holds a current seat on this committee",
            f"{person.name_zh}已在本委员会任职",
        )
    membership = Membership(committee_id=committee.id, person_id=person.id)
    _apply_membership(membership, values)
    session.add(membership)
    session.flush()
    audit.record_change(
        session,
        actor,
        "membership.add",
        "membership",
        membership.id,
        after=values,
        context={"committee_id": committee.id, "person_id": person.id},
    )
    return membership


def edit_membership(
    session: Session, actor: Actor, membership_id: int, *, reason: str = "", **changes: Any
) -> Membership:
    """Change a current seat; ``reason`` says why (a correction should)."""
    require(actor, "roster.edit")
    membership = v.get(session, Membership, "membership_id", membership_id)
    if membership.ended_on is not None:
        raise v.invalid(
            "membership_id",
            "this membership has ended; add a new one instead",
            "此任职已终止，请新增一条任职记录",
        )
    values = _membership_values(session, membership.committee_id, changes, membership)
    why = v.long_text("reason", reason)
    before = audit.snapshot(membership, values)
    _apply_membership(membership, values)
    audit.record_change(
        session,
        actor,
        "membership.edit",
        "membership",
        membership.id,
        before=before,
        after=values,
        reason=why,
    )
    return membership


def end_membership(
    session: Session, actor: Actor, membership_id: int, *, ended_on: date, reason: str = ""
) -> Membership:
    """End a seat; the membership stays in the history with its end date and reason. The
    last day is ``ended_on`` (inclusive)."""
    require(actor, "roster.edit")
    membership = v.get(session, Membership, "membership_id", membership_id)
    if membership.ended_on is not None:
        raise v.invalid(
            "membership_id",
            f"this membership ended on {membership.ended_on}",
            f"此任职已于 {membership.ended_on} 终止",
        )
    end = v.parse_date("ended_on", ended_on)
    v.date_order("ended_on", end, "term_start", membership.term_start)
    why = v.long_text("reason", reason)
    after: dict[str, Any] = {"ended_on": end, "end_reason": why}
    if membership.term_end is None or membership.term_end > end:
        after["term_end"] = end
    before = audit.snapshot(membership, after)
    for key, value in after.items():
        setattr(membership, key, value)
    audit.record_change(
        session,
        actor,
        "membership.end",
        "membership",
        membership.id,
        before=before,
        after=after,
        reason=why,
    )
    return membership


def save_member(
    session: Session,
    actor: Actor,
    *,
    committee_id: int,
    person: dict[str, Any],
    seat: dict[str, Any],
    person_id: int | None = None,
    membership_id: int | None = None,
) -> Membership:
    """The member form's one action: a new person (``person_id`` None) or changes to one,
    then a new seat (``membership_id`` None) or changes to it. ``person`` and ``seat`` hold
    the form's fields; unchanged ones are left out of the audit events."""
    if person_id is None:
        target = create_person(session, actor, **person).id
    else:
        target = v.get(session, Person, "person_id", person_id).id
        edit_person(session, actor, target, **person)
    if membership_id is None:
        return add_membership(session, actor, committee_id=committee_id, person_id=target, **seat)
    membership = v.get(session, Membership, "membership_id", membership_id)
    if membership.committee_id != committee_id or membership.person_id != target:
        raise v.invalid(
            "membership_id",
            "is not this person's seat on this committee",
            "不是此人在本委员会的任职",
        )
    return edit_membership(session, actor, membership_id, **seat)


# --- training and declarations --------------------------------------------------------


def add_training(
    session: Session,
    actor: Actor,
    *,
    person_id: int,
    course: str,
    taken_on: date,
    hours: Decimal | float | int | str = 0,
    expires_on: date | None = None,
) -> Training:
    require(actor, "training.edit")
    person = v.get(session, Person, "person_id", person_id)
    name = v.text("course", course, required=True)
    taken = v.parse_date("taken_on", taken_on)
    expires = v.optional_date("expires_on", expires_on)
    v.date_order("expires_on", expires, "taken_on", taken)
    try:
        amount = Decimal(str(hours)) if not isinstance(hours, bool) else None
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount < 0 or amount > Decimal("9999"):
        raise v.invalid(
            "hours",
            f"must be a number of hours from 0 to 9999 (got {hours!r})",
            f"必须是 0 到 9999 之间的学时数（实际为 {hours!r}）",
        )
    amount = amount.quantize(Decimal("0.1"))
    training = Training(
        person_id=person.id, course=name, taken_on=taken, hours=amount, expires_on=expires
    )
    session.add(training)
    session.flush()
    audit.record_change(
        session,
        actor,
        "training.add",
        "training",
        training.id,
        after={"course": name, "taken_on": taken, "hours": amount, "expires_on": expires},
        context={"person_id": person.id},
    )
    return training


def add_declaration(
    session: Session,
    actor: Actor,
    *,
    person_id: int,
    committee_id: int,
    kind: str,
    scope: str,
    signed_on: date,
    meeting_id: int | None = None,
    project_id: int | None = None,
    valid_until: date | None = None,
    interests: str = "",
    signed_file: Path | None = None,
) -> Declaration:
    """A signed confidentiality or conflict-of-interest declaration, with the signed file
    attached in the same action when ``signed_file`` is given (later files:
    ``attachments.attach_path(owner_type="declaration", document_type=SIGNED_DECLARATION)``).
    """
    require(actor, "declaration.edit")
    person = v.get(session, Person, "person_id", person_id)
    committee = v.get(session, Committee, "committee_id", committee_id)
    v.choice("kind", kind, DECLARATION_KINDS)
    v.choice("scope", scope, DECLARATION_SCOPES)
    signed = v.parse_date("signed_on", signed_on)
    until = v.optional_date("valid_until", valid_until)
    v.date_order("valid_until", until, "signed_on", signed)
    text = v.long_text("interests", interests)
    if scope == "meeting":
        meeting = v.get(session, Meeting, "meeting_id", meeting_id)
        if meeting.committee_id != committee.id:
            raise v.invalid(
                "meeting_id", "names a meeting of another committee", "所指会议属于其他委员会"
            )
    elif meeting_id is not None:
        raise v.invalid(
            "meeting_id",
            f"a {scope} declaration names no meeting",
            f"适用范围为“{DECLARATION_SCOPES.name(scope, 'zh')}”的声明不应指定会议",
        )
    if scope == "project":
        project = v.get(session, Project, "project_id", project_id)
        if project.committee_id != committee.id:
            raise v.invalid(
                "project_id", "names a project of another committee", "所指项目属于其他委员会"
            )
    elif project_id is not None:
        raise v.invalid(
            "project_id",
            f"a {scope} declaration names no project",
            f"适用范围为“{DECLARATION_SCOPES.name(scope, 'zh')}”的声明不应指定项目",
        )
    declaration = Declaration(
        person_id=person.id,
        committee_id=committee.id,
        kind=kind,
        scope=scope,
        signed_on=signed,
        meeting_id=meeting_id,
        project_id=project_id,
        valid_until=until,
        interests=text,
    )
    session.add(declaration)
    session.flush()
    audit.record_change(
        session,
        actor,
        "declaration.add",
        "declaration",
        declaration.id,
        after={
            "kind": kind,
            "scope": scope,
            "signed_on": signed,
            "meeting_id": meeting_id,
            "project_id": project_id,
            "valid_until": until,
            "interests": text,
        },
        context={"person_id": person.id, "committee_id": committee.id},
    )
    if signed_file is not None:
        attachments.attach_path(
            session,
            actor,
            path=signed_file,
            owner_type="declaration",
            owner_id=declaration.id,
            document_type=SIGNED_DECLARATION,
        )
    return declaration
