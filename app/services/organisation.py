"""Institutions and committees: setup, regulatory profile and SOP overrides, terms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.models import (
    Committee,
    CommitteeProfile,
    CommitteeTerm,
    Institution,
    NumberSeries,
)
from app.rules import DEFAULT_PROFILE, check_profile_id, check_sop_overrides
from app.services import audit
from app.services import validation as v
from app.services.actors import Actor
from app.services.numbering import check_pattern
from app.services.permissions import require

if TYPE_CHECKING:  # the settings screen's values (that module reads this one's defaults)
    from app.services.queries.setup import ProfileEntry, SetupChanges, TermEntry

DEFAULT_ACCEPTANCE_PATTERN = "SL-{yyyy}-{seq:03d}"
DEFAULT_LETTER_PATTERN = "PJ-{yyyy}-{seq:03d}"

_INSTITUTION_FIELDS = ("name_zh", "name_en", "address")
_COMMITTEE_FIELDS = ("name_zh", "name_en", "filing_number", "filing_authority", "timezone")


def _institution_values(changes: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if "name_zh" in changes:
        values["name_zh"] = v.text("name_zh", changes["name_zh"], required=True)
    if "name_en" in changes:
        values["name_en"] = v.text("name_en", changes["name_en"])
    if "address" in changes:
        values["address"] = v.text("address", changes["address"], max_length=500)
    return values


def _unique_institution_name(session: Session, name: str, own_id: int | None = None) -> None:
    found = session.scalar(select(Institution.id).where(Institution.name_zh == name))
    if found is not None and found != own_id:
        raise v.invalid(
            "name_zh", f"an institution named {name!r} exists already", f"已有名为“{name}”的机构"
        )


def create_institution(
    session: Session, actor: Actor, *, name_zh: str, name_en: str = "", address: str = ""
) -> Institution:
    require(actor, "institution.edit")
    values = _institution_values({"name_zh": name_zh, "name_en": name_en, "address": address})
    _unique_institution_name(session, values["name_zh"])
    institution = Institution(**values)
    session.add(institution)
    audit.record_change(
        session, actor, "institution.create", "institution", _id(session, institution), after=values
    )
    return institution


def edit_institution(
    session: Session, actor: Actor, institution_id: int, **changes: Any
) -> Institution:
    require(actor, "institution.edit")
    institution = v.get(session, Institution, "institution_id", institution_id)
    v.known_keys(changes, _INSTITUTION_FIELDS)
    values = _institution_values(changes)
    if "name_zh" in values:
        _unique_institution_name(session, values["name_zh"], institution.id)
    before = audit.snapshot(institution, values)
    for key, value in values.items():
        setattr(institution, key, value)
    audit.record_change(
        session,
        actor,
        "institution.edit",
        "institution",
        institution.id,
        before=before,
        after=values,
    )
    return institution


def _committee_values(changes: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if "name_zh" in changes:
        values["name_zh"] = v.text("name_zh", changes["name_zh"], required=True)
    for key in ("name_en", "filing_number", "filing_authority"):
        if key in changes:
            values[key] = v.text(key, changes[key])
    if "timezone" in changes:
        values["timezone"] = check_timezone(changes["timezone"])
    return values


def check_timezone(value: Any) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = v.text("timezone", value, required=True, max_length=64)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise v.invalid(
            "timezone", f"{name!r} is not a known time zone", f"{name!r} 不是已知的时区"
        ) from exc
    return name


def create_committee(
    session: Session,
    actor: Actor,
    *,
    institution_id: int,
    name_zh: str,
    name_en: str = "",
    filing_number: str = "",
    filing_authority: str = "",
    timezone: str = "Asia/Shanghai",
    profile_id: str = DEFAULT_PROFILE,
    effective_from: date,
    acceptance_pattern: str = DEFAULT_ACCEPTANCE_PATTERN,
    letter_pattern: str = DEFAULT_LETTER_PATTERN,
) -> Committee:
    """A committee with its first profile (from ``effective_from``) and its two series."""
    require(actor, "committee.edit")
    institution = v.get(session, Institution, "institution_id", institution_id)
    values = _committee_values(
        {
            "name_zh": name_zh,
            "name_en": name_en,
            "filing_number": filing_number,
            "filing_authority": filing_authority,
            "timezone": timezone,
        }
    )
    profile = check_profile_id("profile_id", profile_id)
    start = v.parse_date("effective_from", effective_from)
    patterns = {
        "acceptance": check_pattern("acceptance_pattern", acceptance_pattern),
        "letter": check_pattern("letter_pattern", letter_pattern),
    }
    _unique_committee_name(session, institution.id, values["name_zh"])
    committee = Committee(institution_id=institution.id, **values)
    session.add(committee)
    session.flush()
    session.add(
        CommitteeProfile(
            committee_id=committee.id, effective_from=start, profile_id=profile, sop_overrides={}
        )
    )
    for kind, pattern in patterns.items():
        session.add(NumberSeries(committee_id=committee.id, kind=kind, pattern=pattern))
    audit.record_change(
        session,
        actor,
        "committee.create",
        "committee",
        committee.id,
        after={
            **values,
            "profile_id": profile,
            "effective_from": start,
            **{f"{k}_pattern": p for k, p in patterns.items()},
        },
        context={"institution_id": institution.id},
    )
    return committee


def _unique_committee_name(
    session: Session, institution_id: int, name: str, own_id: int | None = None
) -> None:
    found = session.scalar(
        select(Committee.id).where(
            Committee.institution_id == institution_id, Committee.name_zh == name
        )
    )
    if found is not None and found != own_id:
        raise v.invalid(
            "name_zh",
            f"this institution has a committee named {name!r} already",
            f"本机构已有名为“{name}”的委员会",
        )


def edit_committee(session: Session, actor: Actor, committee_id: int, **changes: Any) -> Committee:
    require(actor, "committee.edit")
    committee = v.get(session, Committee, "committee_id", committee_id)
    v.known_keys(changes, _COMMITTEE_FIELDS)
    values = _committee_values(changes)
    if "name_zh" in values:
        _unique_committee_name(session, committee.institution_id, values["name_zh"], committee.id)
    before = audit.snapshot(committee, values)
    for key, value in values.items():
        setattr(committee, key, value)
    audit.record_change(
        session, actor, "committee.edit", "committee", committee.id, before=before, after=values
    )
    return committee


def set_number_pattern(
    session: Session, actor: Actor, committee_id: int, kind: str, pattern: str
) -> NumberSeries:
    require(actor, "committee.edit")
    committee = v.get(session, Committee, "committee_id", committee_id)
    v.choice("kind", kind, ("acceptance", "letter"))
    checked = check_pattern("pattern", pattern)
    series = session.scalar(
        select(NumberSeries).where(
            NumberSeries.committee_id == committee.id, NumberSeries.kind == kind
        )
    )
    before = {"pattern": series.pattern} if series is not None else None
    if series is None:
        series = NumberSeries(committee_id=committee.id, kind=kind, pattern=checked)
        session.add(series)
    else:
        series.pattern = checked
    audit.record_change(
        session,
        actor,
        "committee.number_pattern",
        "committee",
        committee.id,
        before=before,
        after={"pattern": checked},
        context={"kind": kind},
    )
    return series


def set_profile(
    session: Session,
    actor: Actor,
    committee_id: int,
    *,
    profile_id: str,
    effective_from: date,
    sop_overrides: dict[str, Any] | None = None,
    note: str = "",
) -> CommitteeProfile:
    """Apply ``profile_id`` with ``sop_overrides`` from ``effective_from`` on.

    Earlier entries stay as history: decisions taken before the date keep the rules they
    were taken under. Setting again for the same date replaces that date's entry.
    """
    require(actor, "committee.profile")
    committee = v.get(session, Committee, "committee_id", committee_id)
    profile = check_profile_id("profile_id", profile_id)
    start = v.parse_date("effective_from", effective_from)
    overrides = check_sop_overrides("sop_overrides", sop_overrides or {}, profile)
    note_text = v.long_text("note", note)
    entry = session.scalar(
        select(CommitteeProfile).where(
            CommitteeProfile.committee_id == committee.id, CommitteeProfile.effective_from == start
        )
    )
    after = {"profile_id": profile, "sop_overrides": overrides, "note": note_text}
    before = None
    if entry is None:
        entry = CommitteeProfile(committee_id=committee.id, effective_from=start)
        session.add(entry)
    else:
        before = {
            "profile_id": entry.profile_id,
            "sop_overrides": dict(entry.sop_overrides or {}),
            "note": entry.note,
        }
    entry.profile_id = profile
    entry.sop_overrides = overrides
    entry.note = note_text
    audit.record_change(
        session,
        actor,
        "committee.profile",
        "committee",
        committee.id,
        before=before,
        after=after,
        context={"effective_from": start},
    )
    return entry


@dataclass(frozen=True)
class ProfileInForce:
    """A committee's profile entry: the profile and SOP overrides applied from a date on."""

    profile_id: str
    effective_from: date
    sop_overrides: dict[str, Any]
    note: str


def _entries(committee_id: int) -> Any:
    t = CommitteeProfile.__table__.c
    return select(t.profile_id, t.effective_from, t.sop_overrides, t.note).where(
        t.committee_id == committee_id
    )


def _entry(row: Any) -> ProfileInForce | None:
    if row is None:
        return None
    return ProfileInForce(
        row.profile_id, row.effective_from, dict(row.sop_overrides or {}), row.note
    )


def profile_on(session: Session, committee_id: int, on: date) -> ProfileInForce | None:
    """The profile entry in force on ``on`` (the latest that started on or before it). A
    Core query: the dashboard reads it before anything needs the ORM's mappers."""
    t = CommitteeProfile.__table__.c
    query = _entries(committee_id).where(t.effective_from <= on)
    return _entry(session.execute(query.order_by(t.effective_from.desc()).limit(1)).first())


def first_profile(session: Session, committee_id: int) -> ProfileInForce | None:
    """The committee's earliest profile entry (what applies before it, for want of any)."""
    t = CommitteeProfile.__table__.c
    query = _entries(committee_id).order_by(t.effective_from).limit(1)
    return _entry(session.execute(query).first())


def profile_changes(session: Session, committee_id: int) -> list[date]:
    """The days the committee's profile entries take effect."""
    t = CommitteeProfile.__table__.c
    return list(session.scalars(select(t.effective_from).where(t.committee_id == committee_id)))


def add_term(
    session: Session,
    actor: Actor,
    committee_id: int,
    *,
    number: int,
    start_date: date,
    end_date: date | None = None,
    appointment_document: str = "",
) -> CommitteeTerm:
    """Record a term of the committee (换届: 第N届)."""
    require(actor, "committee.edit")
    committee = v.get(session, Committee, "committee_id", committee_id)
    n = v.whole_number("number", number, minimum=1)
    start = v.parse_date("start_date", start_date)
    end = v.optional_date("end_date", end_date)
    v.date_order("end_date", end, "start_date", start)
    document = v.text("appointment_document", appointment_document)
    if session.scalar(
        select(CommitteeTerm.id).where(
            CommitteeTerm.committee_id == committee.id, CommitteeTerm.number == n
        )
    ):
        raise v.invalid("number", f"term {n} is recorded already", f"第{n}届已有记录")
    term = CommitteeTerm(
        committee_id=committee.id,
        number=n,
        start_date=start,
        end_date=end,
        appointment_document=document,
    )
    session.add(term)
    audit.record_change(
        session,
        actor,
        "committee.term",
        "committee_term",
        _id(session, term),
        after={
            "number": n,
            "start_date": start,
            "end_date": end,
            "appointment_document": document,
        },
        context={"committee_id": committee.id},
    )
    return term


def _id(session: Session, row: Any) -> int:
    session.flush()
    return int(row.id)


# --- the settings screen's actions ------------------------------------------------------------


class SettingRefused(ValidationError):
    """A change of the settings screen was refused; ``field`` is prefixed with the step that
    writes it (``institution.name_zh``, ``acceptance.pattern``, ``term.number``,
    ``profile.sop_overrides.quorum_min_present``), so the screen shows it under its field.
    ``term_number`` names the term a refused term change was about."""

    def __init__(self, step: str, error: ValidationError, term_number: int | None = None) -> None:
        super().__init__(
            f"{step}.{error.field}", error.message, zh=error.zh_message, zh_field=error.zh_field
        )
        self.step = step
        self.error = error
        self.term_number = term_number


# create_committee names some fields differently from the steps that show them
_CREATE_STEPS = {
    "acceptance_pattern": ("acceptance", "pattern"),
    "letter_pattern": ("letter", "pattern"),
    "profile_id": ("profile", "profile_id"),
    "effective_from": ("profile", "effective_from"),
}


def _step(step: str, error: ValidationError) -> SettingRefused:
    if step == "create":
        where, field = _CREATE_STEPS.get(error.field, ("committee", error.field))
        renamed = ValidationError(
            field, error.message, zh=error.zh_message, zh_field=error.zh_field
        )
        return SettingRefused(where, renamed)
    return SettingRefused(step, error)


def _terms(session: Session, actor: Actor, committee_id: int, terms: list[TermEntry]) -> None:
    for term in terms:
        try:
            add_term(
                session,
                actor,
                committee_id,
                number=term.number,
                start_date=term.start_date,
                end_date=term.end_date,
                appointment_document=term.appointment_document,
            )
        except ValidationError as exc:
            raise SettingRefused("term", exc, term.number) from exc


def _profile(session: Session, actor: Actor, committee_id: int, entry: ProfileEntry) -> None:
    try:
        set_profile(
            session,
            actor,
            committee_id,
            profile_id=entry.profile_id,
            effective_from=entry.effective_from,
            sop_overrides=entry.sop_overrides,
            note=entry.note,
        )
    except ValidationError as exc:
        raise _step("profile", exc) from exc


def save_settings(
    session: Session, actor: Actor, committee_id: int, institution_id: int, changes: SetupChanges
) -> None:
    """The settings screen's Save: the institution, its logo and seal, the committee, its
    number patterns, new terms and a new profile entry, in one transaction. A refusal raises
    SettingRefused naming its step; the caller's transaction then rolls back, so nothing
    at all is written."""
    from app.services import attachments

    try:
        if changes.institution:
            edit_institution(session, actor, institution_id, **changes.institution)
    except ValidationError as exc:
        raise _step("institution", exc) from exc
    for kind, path in changes.images.items():
        try:
            attachments.attach_path(
                session,
                actor,
                path=path,
                owner_type="institution",
                owner_id=institution_id,
                document_type=kind,
            )
        except ValidationError as exc:
            raise _step(kind, exc) from exc
    try:
        if changes.committee:
            edit_committee(session, actor, committee_id, **changes.committee)
    except ValidationError as exc:
        raise _step("committee", exc) from exc
    for kind, pattern in changes.patterns.items():
        try:
            set_number_pattern(session, actor, committee_id, kind, pattern)
        except ValidationError as exc:
            raise _step(kind, exc) from exc
    _terms(session, actor, committee_id, changes.terms)
    if changes.profile is not None:
        _profile(session, actor, committee_id, changes.profile)


def create_committee_with_settings(
    session: Session,
    actor: Actor,
    *,
    institution_id: int,
    committee: dict[str, Any],
    patterns: dict[str, str],
    profile: ProfileEntry,
    terms: list[TermEntry],
) -> int:
    """The settings screen's "Create the committee": the committee with its profile entry
    (overrides and note included), number patterns and terms; its id."""
    try:
        created = create_committee(
            session,
            actor,
            institution_id=institution_id,
            **committee,
            profile_id=profile.profile_id,
            effective_from=profile.effective_from,
            acceptance_pattern=patterns["acceptance"],
            letter_pattern=patterns["letter"],
        )
    except ValidationError as exc:
        raise _step("create", exc) from exc
    if profile.sop_overrides or profile.note:
        _profile(session, actor, created.id, profile)
    _terms(session, actor, created.id, terms)
    return int(created.id)


def set_up_committee(
    session: Session,
    actor: Actor,
    *,
    institution_name_zh: str,
    institution_name_en: str,
    committee_name_zh: str,
    committee_name_en: str,
    profile_id: str,
    effective_from: date,
    timezone: str | None = None,
) -> int:
    """First start: a new institution and its first committee, in one action; the
    committee's id. A refusal names its step (``institution.name_zh``,
    ``committee.profile_id``)."""
    try:
        institution = create_institution(
            session, actor, name_zh=institution_name_zh, name_en=institution_name_en
        )
    except ValidationError as exc:
        raise _step("institution", exc) from exc
    try:
        committee = create_committee(
            session,
            actor,
            institution_id=institution.id,
            name_zh=committee_name_zh,
            name_en=committee_name_en,
            profile_id=profile_id,
            effective_from=effective_from,
            **({"timezone": timezone} if timezone else {}),
        )
    except ValidationError as exc:
        raise _step("committee", exc) from exc
    return int(committee.id)
