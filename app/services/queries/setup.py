"""A committee's settings as the settings screen edits them (plain values), and the changes
it asks ``organisation.save_settings`` to write."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Attachment, Blob, Committee, Institution, NumberSeries
from app.services.organisation import (
    DEFAULT_ACCEPTANCE_PATTERN,
    DEFAULT_LETTER_PATTERN,
    profile_on,
)

IMAGE_KINDS = ("logo", "seal")


@dataclass(frozen=True)
class StoredImage:
    filename: str
    content: bytes


@dataclass(frozen=True)
class TermEntry:
    number: int
    start_date: date
    end_date: date | None
    appointment_document: str
    saved: bool = True  # False: added in the form, written on Save


@dataclass(frozen=True)
class ProfileEntry:
    effective_from: date
    profile_id: str
    sop_overrides: dict[str, Any]
    note: str


@dataclass(frozen=True)
class CommitteeSetup:
    """The institution and (unless ``committee_id`` is None: a new one) the committee."""

    institution_id: int
    institution_name_zh: str
    institution_name_en: str
    address: str
    images: dict[str, StoredImage | None]
    committee_id: int | None
    name_zh: str = ""
    name_en: str = ""
    filing_number: str = ""
    filing_authority: str = ""
    timezone: str = "Asia/Shanghai"
    patterns: dict[str, str] = field(
        default_factory=lambda: {
            "acceptance": DEFAULT_ACCEPTANCE_PATTERN,
            "letter": DEFAULT_LETTER_PATTERN,
        }
    )
    terms: tuple[TermEntry, ...] = ()
    profiles: tuple[ProfileEntry, ...] = ()  # history, oldest first
    profile_today: ProfileEntry | None = None  # the entry in force today (or the next one)

    @property
    def is_new(self) -> bool:
        return self.committee_id is None


@dataclass
class SetupChanges:
    """What Save writes; empty parts are left alone."""

    institution: dict[str, Any] = field(default_factory=dict)
    images: dict[str, Path] = field(default_factory=dict)
    committee: dict[str, Any] = field(default_factory=dict)
    patterns: dict[str, str] = field(default_factory=dict)
    terms: list[TermEntry] = field(default_factory=list)
    profile: ProfileEntry | None = None

    def empty(self) -> bool:
        return not (
            self.institution
            or self.images
            or self.committee
            or self.patterns
            or self.terms
            or self.profile
        )


def _images(session: Session, institution_id: int) -> dict[str, StoredImage | None]:
    found: dict[str, StoredImage | None] = dict.fromkeys(IMAGE_KINDS)
    rows = session.execute(
        select(Attachment.document_type, Attachment.filename, Blob.data)
        .join(Blob, Blob.sha256 == Attachment.blob_sha256)
        .where(
            Attachment.owner_type == "institution",
            Attachment.owner_id == institution_id,
            Attachment.document_type.in_(IMAGE_KINDS),
        )
        .order_by(Attachment.id)
    )
    for kind, filename, data in rows:
        found[kind] = StoredImage(filename, bytes(data))  # the latest one wins
    return found


def load_setup(session: Session, committee_id: int, today: date) -> CommitteeSetup:
    """The committee ``committee_id`` with its institution (LookupError if there is none)."""
    committee = session.get(Committee, committee_id)
    if committee is None:
        raise LookupError(f"no committee with id {committee_id}")
    institution = committee.institution
    patterns = {
        kind: pattern
        for kind, pattern in session.execute(
            select(NumberSeries.kind, NumberSeries.pattern).where(
                NumberSeries.committee_id == committee_id
            )
        )
    }
    profiles = tuple(
        ProfileEntry(p.effective_from, p.profile_id, dict(p.sop_overrides or {}), p.note)
        for p in committee.profiles
    )
    current = profile_on(session, committee_id, today)
    if current is not None:
        in_force: ProfileEntry | None = ProfileEntry(
            current.effective_from,
            current.profile_id,
            dict(current.sop_overrides or {}),
            current.note,
        )
    else:
        in_force = profiles[0] if profiles else None
    return CommitteeSetup(
        institution_id=institution.id,
        institution_name_zh=institution.name_zh,
        institution_name_en=institution.name_en,
        address=institution.address,
        images=_images(session, institution.id),
        committee_id=committee.id,
        name_zh=committee.name_zh,
        name_en=committee.name_en,
        filing_number=committee.filing_number,
        filing_authority=committee.filing_authority,
        timezone=committee.timezone,
        patterns={
            "acceptance": patterns.get("acceptance", DEFAULT_ACCEPTANCE_PATTERN),
            "letter": patterns.get("letter", DEFAULT_LETTER_PATTERN),
        },
        terms=tuple(
            TermEntry(t.number, t.start_date, t.end_date, t.appointment_document)
            for t in committee.terms
        ),
        profiles=profiles,
        profile_today=in_force,
    )


def new_committee_setup(
    session: Session, institution_id: int, timezone: str | None
) -> CommitteeSetup:
    """A blank committee of the institution ``institution_id``, in the time zone of its
    first committee (else ``timezone``, the computer's)."""
    institution = session.get(Institution, institution_id)
    if institution is None:
        raise LookupError(f"no institution with id {institution_id}")
    sibling = session.scalar(
        select(Committee.timezone)
        .where(Committee.institution_id == institution_id)
        .order_by(Committee.id)
        .limit(1)
    )
    timezone = sibling or timezone
    return CommitteeSetup(
        institution_id=institution.id,
        institution_name_zh=institution.name_zh,
        institution_name_en=institution.name_en,
        address=institution.address,
        images=_images(session, institution.id),
        committee_id=None,
        timezone=timezone or CommitteeSetup.timezone,
    )
