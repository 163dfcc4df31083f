"""The committee page's table models on their own: every one passes qtmodeltester; the
roster reads in pages (keyset), and searches, filters and sorts in its query — so a search
with a page of five finds the seventeenth member, names sort by pinyin whatever the UI
language, dates as dates — and judges training and declarations on the day it is read."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from sqlalchemy import select

from app.context import AppContext
from app.db import Database
from app.models import Committee, Membership, Person
from app.services import organisation, roster
from app.services.actors import SYSTEM
from app.services.composition import check_composition
from app.services.consultants import engage_consultant
from app.services.queries.records import consultants_of, declarations_of, training_of
from app.ui.committee.composition_panel import (
    COL_STATUS,
    FINDING_ROLE,
    FindingsModel,
)
from app.ui.committee.records_model import (
    ConsultantModel,
    DeclarationModel,
    TrainingModel,
)
from app.ui.committee.roster_model import (
    COL_DECLARATIONS,
    COL_NAME,
    COL_ROLES,
    COL_TERM,
    COL_TRAINING,
    COLUMN_COUNT,
    MEMBERSHIP_ID_ROLE,
    RosterModel,
)
from app.ui.i18n import install_translators
from tests.helpers import TODAY, build_demo


@pytest.fixture
def demo(database: Database) -> int:
    build_demo(database, TODAY)
    with database.session_scope() as s:
        committee_id = s.scalar(select(Committee.id).where(Committee.name_zh == "医学伦理委员会"))
        assert committee_id is not None
        return committee_id


def names(model: object, rows: int | None = None) -> list[str]:
    count = model.rowCount() if rows is None else rows  # type: ignore[attr-defined]
    return [model.index(r, COL_NAME).data() for r in range(count)]  # type: ignore[attr-defined]


def roster_with(database: Database, committee_id: int, **options: object) -> RosterModel:
    model = RosterModel(AppContext(database, clock=lambda: TODAY))
    for key, value in options.items():
        setattr(model, key, value)
    model.load(committee_id, TODAY)
    return model


# --- qtmodeltester on every model ------------------------------------------------------


def test_roster_model_passes_the_model_tester(qtmodeltester, database: Database, demo: int):
    model = roster_with(database, demo, page_size=5)
    qtmodeltester.check(model)
    model.fetch_all()
    qtmodeltester.check(model)
    # The testers call fetchMore() from their own modelReset handler while they still count
    # the reset as in flight (see below): the resets of a new query read everything at once.
    model.page_size = 100
    model.set_search("医")
    model.sort(COL_TERM, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_roster_model_passes_while_it_changes(qtmodeltester, database: Database, demo: int):
    model = roster_with(database, demo, page_size=4)
    model.sort(COL_NAME)
    qtmodeltester.check(model)  # keeps watching the signals of what follows
    while model.canFetchMore():
        model.fetchMore()
    # The testers (Qt's and pytest-qt's port) call fetchMore() from their own modelReset
    # handler while they still count the reset as in flight, so they report any model that
    # resets with more to fetch (QSqlQueryModel too). Resets below read everything at once.
    model.page_size = 100
    model.set_show_history(True)
    model.set_role("member")
    model.set_status("current")
    model.set_search("明湖")
    model.load(None, TODAY)
    assert model.rowCount() == 0


def test_findings_models_pass_the_model_tester(qtmodeltester, database: Database, demo: int):
    with database.session_scope() as s:
        result = check_composition(s, demo, TODAY + timedelta(days=60))
    model = FindingsModel()
    model.set_result(result)
    qtmodeltester.check(model)
    folded = model.rowCount()
    model.set_show_member_passes(True)
    assert model.rowCount() == model.total > folded
    model.set_result(None)
    assert model.rowCount() == 0


def test_record_models_pass_the_model_tester(qtmodeltester, database: Database, demo: int):
    with database.read_scope() as s:
        person_id = s.scalar(select(Person.id).where(Person.name_zh == "王芳"))
        assert person_id is not None
        training = training_of(s, person_id)
        declarations = declarations_of(s, person_id, demo)
        consultants = consultants_of(s, demo)
    assert len(training) == 1 and len(declarations) == 2 and len(consultants) == 1
    for model, records in (
        (TrainingModel(), training),
        (DeclarationModel(), declarations),
        (ConsultantModel(), consultants),
    ):
        model.set_records(records, TODAY)
        qtmodeltester.check(model)


# --- the roster model --------------------------------------------------------------------


def test_the_roster_reads_in_pages(database: Database, demo: int):
    model = roster_with(database, demo, page_size=5)
    assert model.total == 17 and model.rowCount() == 5
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 10
    model.fetch_all()
    assert model.rowCount() == 17 and not model.canFetchMore()
    ids = [model.index(r, 0).data(MEMBERSHIP_ID_ROLE) for r in range(17)]
    assert len(set(ids)) == 17  # no row twice across pages
    # role order: the chair first, then the vice-chair, members, the alternate, the secretary
    assert names(model)[:2] == ["王芳", "李建国"]
    assert names(model)[-2:] == ["郭强", "林晓"]


def test_headers_and_columns(database: Database, demo: int):
    model = roster_with(database, demo)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(COLUMN_COUNT)]
    assert headers == [
        "Name",
        "Roles",
        "Expertise",
        "Affiliation",
        "Gender",
        "Title / profession",
        "Term",
        "Training",
        "Declarations",
    ]
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "朱琳")
    texts = [model.index(row, c).data() for c in range(COLUMN_COUNT)]
    start = TODAY - timedelta(days=700)
    assert texts[:6] == ["朱琳", "Member", "Bioethics", "External", "Female", "副教授 · 医学伦理学"]
    assert texts[6].startswith(start.isoformat() + " – ")
    assert texts[8] == "On file"
    assert "Zhu Lin" in model.index(row, COL_NAME).data(Qt.ItemDataRole.ToolTipRole)


def names_of(model: RosterModel) -> list[str]:
    model.fetch_all()
    return names(model)


def test_sorting_is_the_query_s_dates_as_dates_and_names_by_pinyin(
    qapp: QCoreApplication, database: Database, demo: int
):
    model = roster_with(database, demo, page_size=5)  # more than three pages
    model.sort(COL_TERM, Qt.SortOrder.AscendingOrder)
    assert names(model)[0] == "孙悦"  # the term that ends first, though read in one page
    model.sort(COL_TRAINING, Qt.SortOrder.AscendingOrder)
    assert names(model)[0] == "孙悦"  # her training expires soonest
    model.sort(COL_ROLES, Qt.SortOrder.AscendingOrder)
    assert names_of(model)[0] == "王芳" and names(model)[-1] == "林晓"
    model.sort(COL_ROLES, Qt.SortOrder.DescendingOrder)
    assert names(model)[0] == "林晓"
    # by pinyin, in the English UI as in the Chinese one: chen, guo, hu … zhu
    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    by_name = names_of(model)
    assert by_name[:3] == ["陈静", "郭强", "胡波"] and by_name[-1] == "朱琳"
    install_translators(qapp, "zh_CN")  # type: ignore[arg-type]
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert names_of(model) == list(reversed(by_name))


def test_a_search_beyond_the_pages_read_finds_the_member(database: Database, demo: int):
    model = roster_with(database, demo, page_size=5)
    assert model.rowCount() == 5 and model.total == 17
    last = model.ctx.read(
        lambda s: s.scalar(
            select(Person.name_zh)
            .join(Membership, Membership.person_id == Person.id)
            .where(Membership.committee_id == demo)
            .order_by(Membership.id.desc())
        )
    )
    assert last not in names(model)  # the 17th member is not in the first page …
    model.set_search(last)
    assert names(model) == [last]  # … and the search finds her all the same
    assert model.total == 1


def test_search_matches_one_and_two_chinese_characters(database: Database, demo: int):
    model = roster_with(database, demo, page_size=5)
    model.set_search("法")  # one character: 医事法律
    assert names_of(model) == ["黄磊"]
    model.set_search("药学")  # two characters: 临床药学
    assert names_of(model) == ["张敏"]
    model.set_search("明湖大学 哲学")  # every word must match
    assert names_of(model) == ["赵丽"]
    model.set_search("LIU YANG")
    assert names_of(model) == ["刘洋"]
    model.set_search("生命伦理")  # an expertise, in Chinese
    assert sorted(names_of(model)) == sorted(["赵丽", "朱琳"])
    model.set_search("100%_")  # LIKE's wild cards are text
    assert names_of(model) == []
    model.set_search("")
    assert model.total == 17


def test_filters_by_role_and_by_current_or_ended(database: Database, demo: int):
    with database.session_scope() as s:
        seat = s.scalar(select(Membership.id).join(Person).where(Person.name_zh == "胡波"))
        assert seat is not None
        roster.end_membership(s, SYSTEM, seat, ended_on=TODAY - timedelta(days=1))
    model = roster_with(database, demo)
    assert "胡波" not in names(model)  # ended yesterday: not on the current roster
    model.set_show_history(True)
    assert names(model)[-1] == "胡波"
    model.set_status("ended")
    assert names(model) == ["胡波"]
    model.set_status("current")
    assert model.rowCount() == 16
    model.set_role("vice_chair")
    assert names(model) == ["李建国"]
    with pytest.raises(ValueError):
        model.set_status("former")


def test_a_membership_ended_today_is_listed_today_and_history_tomorrow(
    database: Database, demo: int
):
    with database.session_scope() as s:
        seat = s.scalar(select(Membership.id).join(Person).where(Person.name_zh == "胡波"))
        assert seat is not None
        roster.end_membership(s, SYSTEM, seat, ended_on=TODAY)
    today = roster_with(database, demo)
    assert "胡波" in names(today)
    tomorrow = RosterModel(AppContext(database, clock=lambda: TODAY + timedelta(days=1)))
    tomorrow.load(demo, TODAY + timedelta(days=1))
    assert "胡波" not in names(tomorrow)
    tomorrow.set_show_history(True)
    assert names(tomorrow)[-1] == "胡波"


def test_training_and_declaration_states_on_the_day(database: Database):
    with database.session_scope() as s:
        institution = organisation.create_institution(s, SYSTEM, name_zh="明湖医院")
        committee = organisation.create_committee(
            s,
            SYSTEM,
            institution_id=institution.id,
            name_zh="伦理委员会",
            effective_from=date(2024, 1, 1),
        )
        committee_id = committee.id
        states = {}
        for name, expiry in (
            ("甲", None),  # no training at all
            ("乙", TODAY - timedelta(days=1)),
            ("丙", TODAY + timedelta(days=90)),
            ("丁", TODAY + timedelta(days=91)),
            ("戊", "never"),
        ):
            person = roster.create_person(s, SYSTEM, name_zh=name, gender="female")
            roster.add_membership(
                s,
                SYSTEM,
                committee_id=committee_id,
                person_id=person.id,
                roles=["member"],
                expertise=["lay"],
                affiliated=False,
                term_start=date(2024, 1, 1),
            )
            if expiry is not None:
                roster.add_training(
                    s,
                    SYSTEM,
                    person_id=person.id,
                    course="GCP",
                    taken_on=date(2024, 1, 1),
                    expires_on=None if expiry == "never" else expiry,
                )
            states[name] = person.id
        roster.add_declaration(
            s,
            SYSTEM,
            person_id=states["甲"],
            committee_id=committee_id,
            kind="confidentiality",
            scope="standing",
            signed_on=date(2024, 1, 1),
        )
        roster.add_declaration(
            s,
            SYSTEM,
            person_id=states["乙"],
            committee_id=committee_id,
            kind="conflict_of_interest",
            scope="standing",
            signed_on=date(2024, 1, 1),
            valid_until=TODAY - timedelta(days=1),  # run out
        )
        consultant = roster.create_person(s, SYSTEM, name_zh="何伟", gender="male")
        engage_consultant(
            s, SYSTEM, committee_id=committee_id, person_id=consultant.id, start_date=TODAY
        )
    model = roster_with(database, committee_id)
    rows = {model.row(r).name_zh: model.row(r) for r in range(model.rowCount())}
    assert set(rows) == {"甲", "乙", "丙", "丁", "戊"}  # the consultant is not a member
    assert {n: r.training_state for n, r in rows.items()} == {
        "甲": "none",
        "乙": "expired",
        "丙": "expiring",
        "丁": "valid",
        "戊": "valid",
    }
    by_name = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    assert model.index(by_name["甲"], COL_TRAINING).data() == "None"
    assert model.index(by_name["戊"], COL_TRAINING).data() == "No expiry"
    assert model.index(by_name["乙"], COL_TRAINING).data(Qt.ItemDataRole.ToolTipRole) == (
        f"Training expired on {(TODAY - timedelta(days=1)).isoformat()}."
    )
    assert model.index(by_name["甲"], COL_DECLARATIONS).data() == "No COI"
    assert model.index(by_name["乙"], COL_DECLARATIONS).data() == "None"
    assert model.index(by_name["丙"], COL_DECLARATIONS).data() == "None"
    assert "Confidentiality undertaking: on file" in model.index(
        by_name["甲"], COL_DECLARATIONS
    ).data(Qt.ItemDataRole.ToolTipRole)


def test_findings_put_failures_first(database: Database, demo: int):
    with database.session_scope() as s:
        result = check_composition(s, demo, TODAY + timedelta(days=60))
    model = FindingsModel()
    model.set_result(result)
    first = model.index(0, COL_STATUS)
    assert first.data() == "Warning"  # 孙悦's term has run out by then
    assert first.data(FINDING_ROLE).check == "term_expired"
    marks = [model.index(r, COL_STATUS).data() for r in range(model.rowCount())]
    assert marks == sorted(marks, key=["Fails", "Warning", "Pass"].index)
