"""Every service: the happy path writes what it says and one audit event; bad input is
rejected with a message naming the field, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from app.db import Database
from app.errors import NotFound, UserError, ValidationError
from app.models import (
    Attachment,
    AuditEvent,
    Blob,
    Committee,
    CommitteeProfile,
    Decision,
    Meeting,
    Membership,
    NumberSeries,
    Submission,
    SubmissionEvent,
)
from app.services import attachments, consultants, dossiers, organisation, roster
from app.services.actors import SYSTEM, Actor
from app.services.permissions import PermissionDenied
from tests.helpers import make_committee, make_member, table_counts


@dataclass
class World:
    db: Database
    committee: int
    other_committee: int
    person: int
    member: int
    alternate_target: int
    project: int
    submission: int
    meeting: int
    alternate: int
    other_meeting: int
    other_project: int
    other_decision: int


@pytest.fixture
def world(database: Database) -> World:
    committee = make_committee(database)
    member = make_member(database, committee, "王芳", roles=("chair",))
    target = make_member(database, committee, "徐明", gender="male")
    with database.session_scope() as s:
        inst = s.get(Committee, committee)
        assert inst is not None
        other = organisation.create_committee(
            s,
            SYSTEM,
            institution_id=inst.institution_id,
            name_zh="药物临床试验伦理委员会",
            effective_from=date(2024, 1, 1),
            profile_id="cn-gcp-2020",
        )
        person = roster.create_person(s, SYSTEM, name_zh="郭强", gender="male")
        project = dossiers.create_project(
            s,
            SYSTEM,
            committee_id=committee,
            title_zh="一项观察性研究",
            principal_investigator="李医生",
            project_type="observational",
        )
        submission = dossiers.register_submission(
            s, SYSTEM, project_id=project.id, kind="initial", received_on=date(2026, 3, 1)
        )
        meeting = Meeting(committee_id=committee, number="2026-01", held_on=date(2026, 3, 10))
        other_meeting = Meeting(committee_id=other.id, number="2026-01", held_on=date(2026, 3, 11))
        s.add_all([meeting, other_meeting])
        stand_in = roster.create_person(s, SYSTEM, name_zh="替补甲", gender="female")
        alternate = roster.add_membership(
            s,
            SYSTEM,
            committee_id=committee,
            person_id=stand_in.id,
            roles=["alternate"],
            expertise=["medicine"],
            affiliated=True,
            term_start=date(2024, 1, 1),
            alternate_for_id=target,
        )
        second = dossiers.create_project(
            s,
            SYSTEM,
            committee_id=committee,
            title_zh="另一项研究",
            principal_investigator="张医生",
            project_type="drug_trial",
        )
        decided = dossiers.register_submission(
            s, SYSTEM, project_id=second.id, kind="initial", received_on=date(2026, 2, 1)
        )
        decision = Decision(
            submission_id=decided.id,
            code="disapprove",
            decided_on=date(2026, 2, 20),
            profile_id="cn-2023",
        )
        s.add(decision)
        s.flush()
        return World(
            database,
            committee,
            other.id,
            person.id,
            member,
            target,
            project.id,
            submission.id,
            meeting.id,
            alternate.id,
            other_meeting.id,
            second.id,
            decision.id,
        )


def _audit_actions(db: Database) -> list[str]:
    with db.session_scope() as s:
        return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


# --- bad input: each case names the field, and nothing is written -----------------------

Call = Callable[[Any, World], object]

BAD_INPUT: list[tuple[str, Call, str]] = [
    (
        "institution empty name",
        lambda s, w: organisation.create_institution(s, SYSTEM, name_zh="  "),
        "name_zh",
    ),
    (
        "institution duplicate name",
        lambda s, w: organisation.create_institution(s, SYSTEM, name_zh="测试医院"),
        "name_zh",
    ),
    (
        "institution control characters",
        lambda s, w: organisation.create_institution(s, SYSTEM, name_zh="医院\x00"),
        "name_zh",
    ),
    (
        "institution name too long",
        lambda s, w: organisation.create_institution(s, SYSTEM, name_zh="医" * 201),
        "name_zh",
    ),
    (
        "institution edit unknown field",
        lambda s, w: organisation.edit_institution(s, SYSTEM, 1, colour="red"),
        "colour",
    ),
    (
        "institution edit missing",
        lambda s, w: organisation.edit_institution(s, SYSTEM, 999, name_en="x"),
        "institution_id",
    ),
    (
        "committee unknown profile",
        lambda s, w: organisation.create_committee(
            s,
            SYSTEM,
            institution_id=1,
            name_zh="新委员会",
            profile_id="cn-1999",
            effective_from=date(2026, 1, 1),
        ),
        "profile_id",
    ),
    (
        "committee bad date",
        lambda s, w: organisation.create_committee(
            s, SYSTEM, institution_id=1, name_zh="新委员会", effective_from="2026-02-30"
        ),
        "effective_from",
    ),
    (
        "committee bad pattern",
        lambda s, w: organisation.create_committee(
            s,
            SYSTEM,
            institution_id=1,
            name_zh="新委员会",
            effective_from=date(2026, 1, 1),
            acceptance_pattern="KY-{yyyy}",
        ),
        "acceptance_pattern",
    ),
    (
        "committee pattern code",
        lambda s, w: organisation.create_committee(
            s,
            SYSTEM,
            institution_id=1,
            name_zh="新委员会",
            effective_from=date(2026, 1, 1),
            letter_pattern="{seq.__class__}",
        ),
        "letter_pattern",
    ),
    (
        "committee duplicate name",
        lambda s, w: organisation.create_committee(
            s, SYSTEM, institution_id=1, name_zh="伦理委员会", effective_from=date(2026, 1, 1)
        ),
        "name_zh",
    ),
    (
        "committee missing institution",
        lambda s, w: organisation.create_committee(
            s, SYSTEM, institution_id=42, name_zh="新", effective_from=date(2026, 1, 1)
        ),
        "institution_id",
    ),
    (
        "committee bad timezone",
        lambda s, w: organisation.edit_committee(s, SYSTEM, w.committee, timezone="Mars/Base"),
        "timezone",
    ),
    (
        "profile unknown",
        lambda s, w: organisation.set_profile(
            s, SYSTEM, w.committee, profile_id="xx", effective_from=date(2026, 1, 1)
        ),
        "profile_id",
    ),
    (
        "profile bad override",
        lambda s, w: organisation.set_profile(
            s,
            SYSTEM,
            w.committee,
            profile_id="cn-2023",
            effective_from=date(2026, 1, 1),
            sop_overrides={"quorum_min_present": -1},
        ),
        "sop_overrides.quorum_min_present",
    ),
    (
        "profile relaxation the profile keeps",
        lambda s, w: organisation.set_profile(
            s,
            SYSTEM,
            w.committee,
            profile_id="cn-2023",
            effective_from=date(2026, 1, 1),
            sop_overrides={"threshold_base": "present"},
        ),
        "sop_overrides.threshold_base",
    ),
    (
        "profile unknown override",
        lambda s, w: organisation.set_profile(
            s,
            SYSTEM,
            w.committee,
            profile_id="cn-2023",
            effective_from=date(2026, 1, 1),
            sop_overrides={"votes_by_email": True},
        ),
        "sop_overrides.votes_by_email",
    ),
    (
        "term end before start",
        lambda s, w: organisation.add_term(
            s, SYSTEM, w.committee, number=1, start_date=date(2026, 1, 1), end_date=date(2025, 1, 1)
        ),
        "end_date",
    ),
    (
        "term number zero",
        lambda s, w: organisation.add_term(
            s, SYSTEM, w.committee, number=0, start_date=date(2026, 1, 1)
        ),
        "number",
    ),
    (
        "person bad gender",
        lambda s, w: roster.create_person(s, SYSTEM, name_zh="某人", gender="f"),
        "gender",
    ),
    (
        "person bad email",
        lambda s, w: roster.create_person(s, SYSTEM, name_zh="某人", gender="male", email="nobody"),
        "email",
    ),
    (
        "person unknown field",
        lambda s, w: roster.edit_person(s, SYSTEM, w.person, shoe_size=42),
        "shoe_size",
    ),
    (
        "membership unknown role",
        lambda s, w: roster.add_membership(
            s,
            SYSTEM,
            committee_id=w.committee,
            person_id=w.person,
            roles=["king"],
            expertise=["law"],
            affiliated=False,
            term_start=date(2026, 1, 1),
        ),
        "roles",
    ),
    (
        "membership no expertise",
        lambda s, w: roster.add_membership(
            s,
            SYSTEM,
            committee_id=w.committee,
            person_id=w.person,
            roles=["member"],
            expertise=[],
            affiliated=False,
            term_start=date(2026, 1, 1),
        ),
        "expertise",
    ),
    (
        "membership term order",
        lambda s, w: roster.add_membership(
            s,
            SYSTEM,
            committee_id=w.committee,
            person_id=w.person,
            roles=["member"],
            expertise=["law"],
            affiliated=False,
            term_start=date(2026, 1, 1),
            term_end=date(2025, 12, 31),
        ),
        "term_end",
    ),
    (
        "membership wrong date form",
        lambda s, w: roster.add_membership(
            s,
            SYSTEM,
            committee_id=w.committee,
            person_id=w.person,
            roles=["member"],
            expertise=["law"],
            affiliated=False,
            term_start="01/02/2026",
        ),
        "term_start",
    ),
    (
        "membership alternate without seat",
        lambda s, w: roster.add_membership(
            s,
            SYSTEM,
            committee_id=w.committee,
            person_id=w.person,
            roles=["alternate"],
            expertise=["medicine"],
            affiliated=True,
            term_start=date(2026, 1, 1),
        ),
        "alternate_for_id",
    ),
    (
        "membership seat for non-alternate",
        lambda s, w: roster.add_membership(
            s,
            SYSTEM,
            committee_id=w.committee,
            person_id=w.person,
            roles=["member"],
            expertise=["medicine"],
            affiliated=True,
            term_start=date(2026, 1, 1),
            alternate_for_id=w.alternate_target,
        ),
        "alternate_for_id",
    ),
    (
        "membership seat on other committee",
        lambda s, w: roster.add_membership(
            s,
            SYSTEM,
            committee_id=w.other_committee,
            person_id=w.person,
            roles=["alternate"],
            expertise=["medicine"],
            affiliated=True,
            term_start=date(2026, 1, 1),
            alternate_for_id=w.alternate_target,
        ),
        "alternate_for_id",
    ),
    (
        "membership voting secretary",
        lambda s, w: roster.add_membership(
            s,
            SYSTEM,
            committee_id=w.committee,
            person_id=w.person,
            roles=["secretary"],
            expertise=["other"],
            affiliated=True,
            term_start=date(2026, 1, 1),
            voting=True,
        ),
        "voting",
    ),
    (
        "membership affiliated not bool",
        lambda s, w: roster.add_membership(
            s,
            SYSTEM,
            committee_id=w.committee,
            person_id=w.person,
            roles=["member"],
            expertise=["law"],
            affiliated="yes",
            term_start=date(2026, 1, 1),
        ),
        "affiliated",
    ),
    (
        "membership missing person",
        lambda s, w: roster.add_membership(
            s,
            SYSTEM,
            committee_id=w.committee,
            person_id=999,
            roles=["member"],
            expertise=["law"],
            affiliated=False,
            term_start=date(2026, 1, 1),
        ),
        "person_id",
    ),
    (
        "membership second current seat",
        lambda s, w: roster.add_membership(
            s,
            SYSTEM,
            committee_id=w.committee,
            person_id=1,
            roles=["member"],
            expertise=["law"],
            affiliated=False,
            term_start=date(2026, 1, 1),
        ),
        "person_id",
    ),
    (
        "membership edit bad expertise",
        lambda s, w: roster.edit_membership(s, SYSTEM, w.member, expertise=["astrology"]),
        "expertise",
    ),
    (
        "membership end before start",
        lambda s, w: roster.end_membership(s, SYSTEM, w.member, ended_on=date(2023, 1, 1)),
        "ended_on",
    ),
    (
        "training negative hours",
        lambda s, w: roster.add_training(
            s, SYSTEM, person_id=w.person, course="GCP", taken_on=date(2026, 1, 1), hours=-1
        ),
        "hours",
    ),
    (
        "training hours not a number",
        lambda s, w: roster.add_training(
            s, SYSTEM, person_id=w.person, course="GCP", taken_on=date(2026, 1, 1), hours="eight"
        ),
        "hours",
    ),
    (
        "training expiry before course",
        lambda s, w: roster.add_training(
            s,
            SYSTEM,
            person_id=w.person,
            course="GCP",
            taken_on=date(2026, 1, 1),
            expires_on=date(2025, 1, 1),
        ),
        "expires_on",
    ),
    (
        "training no course",
        lambda s, w: roster.add_training(
            s, SYSTEM, person_id=w.person, course="", taken_on=date(2026, 1, 1)
        ),
        "course",
    ),
    (
        "declaration bad kind",
        lambda s, w: roster.add_declaration(
            s,
            SYSTEM,
            person_id=w.person,
            committee_id=w.committee,
            kind="loyalty",
            scope="standing",
            signed_on=date(2026, 1, 1),
        ),
        "kind",
    ),
    (
        "declaration meeting scope without meeting",
        lambda s, w: roster.add_declaration(
            s,
            SYSTEM,
            person_id=w.person,
            committee_id=w.committee,
            kind="confidentiality",
            scope="meeting",
            signed_on=date(2026, 1, 1),
        ),
        "meeting_id",
    ),
    (
        "declaration standing with project",
        lambda s, w: roster.add_declaration(
            s,
            SYSTEM,
            person_id=w.person,
            committee_id=w.committee,
            kind="confidentiality",
            scope="standing",
            signed_on=date(2026, 1, 1),
            project_id=w.project,
        ),
        "project_id",
    ),
    (
        "declaration project of other committee",
        lambda s, w: roster.add_declaration(
            s,
            SYSTEM,
            person_id=w.person,
            committee_id=w.other_committee,
            kind="conflict_of_interest",
            scope="project",
            signed_on=date(2026, 1, 1),
            project_id=w.project,
        ),
        "project_id",
    ),
    (
        "attachment too large",
        lambda s, w: attachments.attach_file(
            s,
            SYSTEM,
            owner_type="project",
            owner_id=w.project,
            filename="big.pdf",
            content=b"\0" * (attachments.MAX_ATTACHMENT_BYTES + 1),
        ),
        "content",
    ),
    (
        "attachment unknown owner type",
        lambda s, w: attachments.attach_file(
            s, SYSTEM, owner_type="spaceship", owner_id=1, filename="a.pdf", content=b"x"
        ),
        "owner_type",
    ),
    (
        "attachment missing owner",
        lambda s, w: attachments.attach_file(
            s, SYSTEM, owner_type="project", owner_id=999, filename="a.pdf", content=b"x"
        ),
        "owner_id",
    ),
    (
        "attachment empty name",
        lambda s, w: attachments.attach_file(
            s, SYSTEM, owner_type="project", owner_id=w.project, filename="../", content=b"x"
        ),
        "filename",
    ),
    (
        "project empty title",
        lambda s, w: dossiers.create_project(
            s,
            SYSTEM,
            committee_id=w.committee,
            title_zh="",
            principal_investigator="李",
            project_type="observational",
        ),
        "title_zh",
    ),
    (
        "project bad type",
        lambda s, w: dossiers.create_project(
            s,
            SYSTEM,
            committee_id=w.committee,
            title_zh="题目",
            principal_investigator="李",
            project_type="astrology",
        ),
        "project_type",
    ),
    (
        "project approval order",
        lambda s, w: dossiers.create_project(
            s,
            SYSTEM,
            committee_id=w.committee,
            title_zh="题目",
            principal_investigator="李",
            project_type="observational",
            approval_from=date(2026, 5, 1),
            approval_until=date(2026, 4, 1),
        ),
        "approval_until",
    ),
    (
        "project stem-cell detail on drug trial",
        lambda s, w: dossiers.create_project(
            s,
            SYSTEM,
            committee_id=w.committee,
            title_zh="题目",
            principal_investigator="李",
            project_type="drug_trial",
            stem_cell={"embryonic": True},
        ),
        "stem_cell",
    ),
    (
        "project unknown stem-cell key",
        lambda s, w: dossiers.create_project(
            s,
            SYSTEM,
            committee_id=w.committee,
            title_zh="题目",
            principal_investigator="李",
            project_type="stem_cell",
            stem_cell={"colour": "red"},
        ),
        "stem_cell.colour",
    ),
    (
        "project edit bad status",
        lambda s, w: dossiers.edit_project(s, SYSTEM, w.project, status="finished"),
        "status",
    ),
    (
        "submission bad kind",
        lambda s, w: dossiers.register_submission(
            s, SYSTEM, project_id=w.project, kind="wish", received_on=date(2026, 1, 1)
        ),
        "kind",
    ),
    (
        "submission exempt without basis",
        lambda s, w: dossiers.register_submission(
            s,
            SYSTEM,
            project_id=w.project,
            kind="initial",
            received_on=date(2026, 1, 1),
            review_path="exempt",
        ),
        "exempt_basis",
    ),
    (
        "submission appeal without decision",
        lambda s, w: dossiers.register_submission(
            s, SYSTEM, project_id=w.project, kind="appeal", received_on=date(2026, 1, 1)
        ),
        "answers_decision_id",
    ),
    (
        "submission bad date",
        lambda s, w: dossiers.register_submission(
            s, SYSTEM, project_id=w.project, kind="initial", received_on="2026-13-01"
        ),
        "received_on",
    ),
    (
        "event return without deadline",
        lambda s, w: dossiers.add_submission_event(
            s, SYSTEM, w.submission, kind="returned_for_completion", occurred_on=date(2026, 3, 2)
        ),
        "deadline",
    ),
    (
        "event before receipt",
        lambda s, w: dossiers.add_submission_event(
            s, SYSTEM, w.submission, kind="accepted", occurred_on=date(2026, 2, 1)
        ),
        "occurred_on",
    ),
    (
        "event resubmit without return",
        lambda s, w: dossiers.add_submission_event(
            s, SYSTEM, w.submission, kind="resubmitted", occurred_on=date(2026, 3, 2)
        ),
        "kind",
    ),
    (
        "event deadline before event",
        lambda s, w: dossiers.add_submission_event(
            s,
            SYSTEM,
            w.submission,
            kind="returned_for_completion",
            occurred_on=date(2026, 3, 5),
            deadline=date(2026, 3, 4),
        ),
        "deadline",
    ),
    (
        "consultant bad expertise",
        lambda s, w: consultants.engage_consultant(
            s,
            SYSTEM,
            committee_id=w.committee,
            person_id=w.person,
            start_date=date(2026, 1, 1),
            expertise="magic",
        ),
        "expertise",
    ),
    (
        "consultant end before start",
        lambda s, w: consultants.engage_consultant(
            s,
            SYSTEM,
            committee_id=w.committee,
            person_id=w.person,
            start_date=date(2026, 1, 1),
            end_date=date(2025, 1, 1),
        ),
        "end_date",
    ),
    (
        "membership alternate for an alternate",
        lambda s, w: roster.add_membership(
            s,
            SYSTEM,
            committee_id=w.committee,
            person_id=w.person,
            roles=["alternate"],
            expertise=["medicine"],
            affiliated=True,
            term_start=date(2026, 1, 1),
            alternate_for_id=w.alternate,
        ),
        "alternate_for_id",
    ),
    (
        "appeal of a decision on another project",
        lambda s, w: dossiers.register_submission(
            s,
            SYSTEM,
            project_id=w.project,
            kind="appeal",
            received_on=date(2026, 3, 1),
            answers_decision_id=w.other_decision,
        ),
        "answers_decision_id",
    ),
    (
        "declaration meeting of other committee",
        lambda s, w: roster.add_declaration(
            s,
            SYSTEM,
            person_id=w.person,
            committee_id=w.committee,
            kind="confidentiality",
            scope="meeting",
            meeting_id=w.other_meeting,
            signed_on=date(2026, 3, 1),
        ),
        "meeting_id",
    ),
    (
        "consultant project of other committee",
        lambda s, w: consultants.engage_consultant(
            s,
            SYSTEM,
            committee_id=w.other_committee,
            person_id=w.person,
            start_date=date(2026, 1, 1),
            project_id=w.project,
        ),
        "project_id",
    ),
]


@pytest.mark.parametrize(
    ("call", "field"), [(c, f) for _, c, f in BAD_INPUT], ids=[n for n, _, _ in BAD_INPUT]
)
def test_bad_input_names_the_field_and_writes_nothing(world: World, call: Call, field: str) -> None:
    before = table_counts(world.db)
    with pytest.raises((ValidationError, NotFound)) as caught, world.db.session_scope() as s:
        call(s, world)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")
    assert table_counts(world.db) == before


def test_viewer_may_not_edit_the_roster(world: World) -> None:
    before = table_counts(world.db)
    with pytest.raises(PermissionDenied), world.db.session_scope() as s:
        roster.create_person(s, Actor("guest", "viewer"), name_zh="某人", gender="male")
    assert table_counts(world.db) == before


# --- happy paths ---------------------------------------------------------------------


def test_create_committee_sets_first_profile_and_number_series(world: World) -> None:
    with world.db.session_scope() as s:
        profiles = s.scalars(
            select(CommitteeProfile).where(CommitteeProfile.committee_id == world.committee)
        ).all()
        assert [(p.profile_id, p.effective_from) for p in profiles] == [
            ("cn-2023", date(2024, 1, 1))
        ]
        kinds = s.scalars(
            select(NumberSeries.kind).where(NumberSeries.committee_id == world.committee)
        ).all()
        assert sorted(kinds) == ["acceptance", "letter"]


def test_profile_history_keeps_earlier_entries(world: World) -> None:
    with world.db.session_scope() as s:
        organisation.set_profile(
            s,
            SYSTEM,
            world.committee,
            profile_id="us-45cfr46",
            effective_from=date(2026, 6, 1),
            sop_overrides={"remote_counts": False, "quorum_min_present": 6},
        )
    with world.db.session_scope() as s:
        early = organisation.profile_on(s, world.committee, date(2026, 5, 31))
        late = organisation.profile_on(s, world.committee, date(2026, 6, 1))
        assert early is not None and early.profile_id == "cn-2023"
        assert late is not None and late.profile_id == "us-45cfr46"
        assert late.sop_overrides == {"remote_counts": False, "quorum_min_present": 6}
        assert organisation.profile_on(s, world.committee, date(2023, 12, 31)) is None
    assert _audit_actions(world.db)[-1] == "committee.profile"


def test_membership_roles_are_a_set_and_end_keeps_history(world: World) -> None:
    with world.db.session_scope() as s:
        roster.edit_membership(
            s, SYSTEM, world.member, roles=["secretary", "chair", "member", "chair"]
        )
    with world.db.session_scope() as s:
        m = s.get(Membership, world.member)
        assert (
            m is not None
            and m.roles == {"chair", "member", "secretary"}
            and m.primary_role == "chair"
        )
        roster.end_membership(s, SYSTEM, world.member, ended_on=date(2026, 6, 30), reason="调离")
    with world.db.session_scope() as s:
        m = s.get(Membership, world.member)
        assert m is not None
        assert (m.ended_on, m.term_end, m.end_reason) == (
            date(2026, 6, 30),
            date(2026, 6, 30),
            "调离",
        )
    with pytest.raises(ValidationError) as caught, world.db.session_scope() as s:
        roster.edit_membership(s, SYSTEM, world.member, voting=False)
    assert caught.value.field == "membership_id"


def test_alternate_sits_for_a_member(world: World) -> None:
    with world.db.session_scope() as s:
        alt = roster.add_membership(
            s,
            SYSTEM,
            committee_id=world.committee,
            person_id=world.person,
            roles=["alternate"],
            expertise=["medicine"],
            affiliated=True,
            term_start=date(2026, 1, 1),
            alternate_for_id=world.alternate_target,
        )
        assert alt.alternate_for is not None and alt.alternate_for.id == world.alternate_target
        assert alt.voting is True


def test_secretary_alone_does_not_vote_by_default(world: World) -> None:
    with world.db.session_scope() as s:
        sec = roster.add_membership(
            s,
            SYSTEM,
            committee_id=world.committee,
            person_id=world.person,
            roles=["secretary"],
            expertise=["other"],
            affiliated=True,
            term_start=date(2026, 1, 1),
        )
        assert sec.voting is False


def test_acceptance_numbers_are_gap_free_per_year(world: World) -> None:
    with world.db.session_scope() as s:
        numbers = [
            dossiers.register_submission(
                s, SYSTEM, project_id=world.project, kind="amendment", received_on=date(2026, 4, d)
            ).acceptance_number
            for d in (1, 2)
        ]
        next_year = dossiers.register_submission(
            s, SYSTEM, project_id=world.project, kind="continuing", received_on=date(2027, 1, 5)
        )
    assert numbers == ["SL-2026-003", "SL-2026-004"]
    assert next_year.acceptance_number == "SL-2027-001"


def test_failed_registration_gives_its_number_back(world: World) -> None:
    with pytest.raises(RuntimeError), world.db.session_scope() as s:
        dossiers.register_submission(
            s, SYSTEM, project_id=world.project, kind="amendment", received_on=date(2026, 4, 1)
        )
        raise RuntimeError("the disk filled up before the commit")
    with world.db.session_scope() as s:
        again = dossiers.register_submission(
            s, SYSTEM, project_id=world.project, kind="amendment", received_on=date(2026, 4, 1)
        )
        assert again.acceptance_number == "SL-2026-003"


def test_submission_events_move_the_status(world: World) -> None:
    with world.db.session_scope() as s:
        dossiers.add_submission_event(
            s,
            SYSTEM,
            world.submission,
            kind="returned_for_completion",
            occurred_on=date(2026, 3, 2),
            deadline=date(2026, 3, 16),
            note="缺知情同意书",
        )
        dossiers.add_submission_event(
            s, SYSTEM, world.submission, kind="resubmitted", occurred_on=date(2026, 3, 9)
        )
        dossiers.add_submission_event(
            s, SYSTEM, world.submission, kind="accepted", occurred_on=date(2026, 3, 10)
        )
    with world.db.session_scope() as s:
        sub = s.get(Submission, world.submission)
        assert sub is not None and (sub.status, sub.accepted_on) == ("accepted", date(2026, 3, 10))
        kinds = s.scalars(
            select(SubmissionEvent.kind)
            .where(SubmissionEvent.submission_id == world.submission)
            .order_by(SubmissionEvent.id)
        ).all()
        assert kinds == ["received", "returned_for_completion", "resubmitted", "accepted"]


def test_stem_cell_project_keeps_its_details(world: World) -> None:
    with world.db.session_scope() as s:
        project = dossiers.create_project(
            s,
            SYSTEM,
            committee_id=world.committee,
            title_zh="间充质干细胞治疗膝骨关节炎",
            principal_investigator="刘洋",
            project_type="stem_cell",
            stem_cell={
                "cell_type": "间充质干细胞",
                "embryonic": False,
                "donor_consent": True,
                "institution_filing_number": "JG-001",
                "project_filing_number": "XM-002",
            },
        )
        pid = project.id
    with world.db.session_scope() as s:
        project = dossiers.edit_project(
            s, SYSTEM, pid, stem_cell={"academic_committee_approved_on": "2026-02-01"}
        )
        detail = project.stem_cell
        assert detail is not None
        assert (
            detail.cell_type,
            detail.institution_filing_number,
            detail.academic_committee_approved_on,
        ) == ("间充质干细胞", "JG-001", date(2026, 2, 1))
    with pytest.raises(ValidationError) as caught, world.db.session_scope() as s:
        dossiers.edit_project(s, SYSTEM, pid, project_type="drug_trial")
    assert caught.value.field == "project_type"


def test_attachments_are_stored_once_by_content(world: World) -> None:
    with world.db.session_scope() as s:
        a = attachments.attach_file(
            s,
            SYSTEM,
            owner_type="project",
            owner_id=world.project,
            filename="C:\\docs\\方案 v2.pdf",
            content=b"%PDF-1.4 protocol",
            document_type="protocol",
            version_label="v2",
            version_date=date(2026, 2, 1),
        )
        b = attachments.attach_file(
            s,
            SYSTEM,
            owner_type="submission",
            owner_id=world.submission,
            filename="../../etc/方案.pdf",
            content=b"%PDF-1.4 protocol",
        )
        assert a.filename == "方案 v2.pdf" and b.filename == "方案.pdf"
        assert a.media_type == "application/pdf"
        assert a.blob_sha256 == b.blob_sha256
    with world.db.session_scope() as s:
        assert len(s.scalars(select(Blob)).all()) == 1
        assert len(s.scalars(select(Attachment)).all()) == 2
        assert [x.id for x in attachments.attachments_of(s, "project", world.project)] == [a.id]


def test_attach_path_checks_size_before_reading(world: World, tmp_path) -> None:
    big = tmp_path / "scan.pdf"
    with big.open("wb") as handle:
        handle.truncate(attachments.MAX_ATTACHMENT_BYTES + 1)
    before = table_counts(world.db)
    with pytest.raises(ValidationError) as caught, world.db.session_scope() as s:
        attachments.attach_path(s, SYSTEM, path=big, owner_type="project", owner_id=world.project)
    assert caught.value.field == "path" and "MiB" in str(caught.value)
    assert table_counts(world.db) == before


def test_declaration_and_training_are_recorded(world: World) -> None:
    with world.db.session_scope() as s:
        d = roster.add_declaration(
            s,
            SYSTEM,
            person_id=world.person,
            committee_id=world.committee,
            kind="conflict_of_interest",
            scope="meeting",
            meeting_id=world.meeting,
            signed_on=date(2026, 3, 10),
            interests="持有申办方股票",
        )
        t = roster.add_training(
            s,
            SYSTEM,
            person_id=world.person,
            course="GCP 培训",
            taken_on=date(2026, 1, 5),
            hours="7.5",
            expires_on=date(2029, 1, 5),
        )
        assert (d.scope, d.meeting_id) == ("meeting", world.meeting)
        assert str(t.hours) == "7.5"
    assert _audit_actions(world.db)[-2:] == ["declaration.add", "training.add"]


def test_every_service_call_appends_exactly_one_event(world: World) -> None:
    before = len(_audit_actions(world.db))
    with world.db.session_scope() as s:
        organisation.edit_committee(s, SYSTEM, world.committee, filing_number="备-2026-01")
    assert len(_audit_actions(world.db)) == before + 1


def test_user_errors_are_user_errors() -> None:
    assert issubclass(ValidationError, UserError) and issubclass(NotFound, UserError)
