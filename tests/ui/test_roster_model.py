"""The committee page's table models on their own: every one passes qtmodeltester; the
roster reads in pages, sorts dates as dates and names in pinyin order, searches one- and
two-character Chinese, and judges training and declarations on the day it is read."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from sqlalchemy import select

from app.db import Database
from app.models import Committee, Membership, Person
from app.services import organisation, roster
from app.services.composition import check_composition
from app.services.consultants import engage_consultant
from app.services.actors import SYSTEM
from app.services.demo import build_demo
from app.ui.committee.composition_panel import (
    COL_STATUS,
    FINDING_ROLE,
    FindingsFilter,
    FindingsModel,
)
from app.ui.committee.records_model import (
    ConsultantModel,
    DeclarationModel,
    TrainingModel,
    load_consultants,
    load_declarations,
    load_training,
)
from app.ui.committee.roster_model import (
    COL_DECLARATIONS,
    COL_NAME,
    COL_ROLES,
    COL_TERM,
    COL_TRAINING,
    COLUMN_COUNT,
    MEMBERSHIP_ID_ROLE,
    SORT_ROLE,
    RosterFilterProxy,
    RosterModel,
)
from app.ui.i18n import install_translators
from tests.helpers import TODAY


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
    model = RosterModel(database)
    for key, value in options.items():
        setattr(model, key, value)
    model.load(committee_id, TODAY)
    return model


# --- qtmodeltester on every model ------------------------------------------------------


def test_roster_model_and_its_proxy_pass_the_model_tester(
    qtmodeltester, database: Database, demo: int
):
    model = roster_with(database, demo, page_size=5)
    qtmodeltester.check(model)
    model.fetch_all()
    qtmodeltester.check(model)
    proxy = RosterFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_search("医")
    proxy.sort(COL_TERM, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_roster_model_passes_while_it_changes(qtmodeltester, database: Database, demo: int):
    model = roster_with(database, demo, page_size=4)
    proxy = RosterFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_NAME)
    qtmodeltester.check(proxy)  # keeps watching the signals of what follows
    while model.canFetchMore():
        model.fetchMore()
    # The testers (Qt's and pytest-qt's port) call fetchMore() from their own modelReset
    # handler while they still count the reset as in flight, so they report any model that
    # resets with more to fetch (QSqlQueryModel too). Resets below read everything at once.
    model.page_size = 100
    model.set_show_history(True)
    proxy.set_role("member")
    proxy.set_status("current")
    proxy.set_search("明湖")
    model.load(None, TODAY)
    assert proxy.rowCount() == 0


def test_findings_models_pass_the_model_tester(qtmodeltester, database: Database, demo: int):
    with database.session_scope() as s:
        result = check_composition(s, demo, TODAY + timedelta(days=60))
    model = FindingsModel()
    model.set_result(result)
    qtmodeltester.check(model)
    proxy = FindingsFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_show_member_passes(True)
    model.set_result(None)
    assert proxy.rowCount() == 0


def test_record_models_pass_the_model_tester(qtmodeltester, database: Database, demo: int):
    with database.session_scope() as s:
        person_id = s.scalar(select(Person.id).where(Person.name_zh == "王芳"))
        assert person_id is not None
        training = load_training(s, person_id)
        declarations = load_declarations(s, person_id, demo)
        consultants = load_consultants(s, demo)
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


def test_dates_sort_as_dates_and_names_in_pinyin_order(
    qapp: QCoreApplication, database: Database, demo: int
):
    model = roster_with(database, demo)
    proxy = RosterFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_TERM, Qt.SortOrder.AscendingOrder)
    assert names(proxy)[0] == "孙悦"  # the term that ends first
    keys = [proxy.index(r, COL_TERM).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert keys == sorted(keys) and isinstance(keys[0][0], date)
    proxy.sort(COL_TRAINING, Qt.SortOrder.AscendingOrder)
    assert names(proxy)[0] == "孙悦"  # her training expires soonest
    proxy.sort(COL_ROLES, Qt.SortOrder.AscendingOrder)
    assert names(proxy)[0] == "王芳" and names(proxy)[-1] == "林晓"

    install_translators(qapp, "zh_CN")  # type: ignore[arg-type]
    assert QLocale().name() == "zh_CN"
    pinyin = RosterFilterProxy()
    pinyin.setSourceModel(model)
    pinyin.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert names(pinyin)[:3] == ["陈静", "郭强", "胡波"]  # chen, guo, hu
    assert names(pinyin)[-1] == "朱琳"  # zhu


def test_search_matches_one_and_two_chinese_characters(database: Database, demo: int):
    model = roster_with(database, demo)
    proxy = RosterFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("法")  # one character: 医事法律
    assert names(proxy) == ["黄磊"]
    proxy.set_search("药学")  # two characters: 临床药学
    assert names(proxy) == ["张敏"]
    proxy.set_search("明湖大学 哲学")  # every word must match
    assert names(proxy) == ["赵丽"]
    proxy.set_search("LIU YANG")
    assert names(proxy) == ["刘洋"]
    proxy.set_search("")
    assert proxy.rowCount() == 17


def test_filters_by_role_and_by_current_or_ended(database: Database, demo: int):
    with database.session_scope() as s:
        seat = s.scalar(select(Membership.id).join(Person).where(Person.name_zh == "胡波"))
        assert seat is not None
        roster.end_membership(s, SYSTEM, seat, ended_on=TODAY)
    model = roster_with(database, demo)
    assert "胡波" not in names(model)  # ended today: not on the current roster
    model.set_show_history(True)
    assert names(model)[-1] == "胡波"
    proxy = RosterFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_status("ended")
    assert names(proxy) == ["胡波"]
    proxy.set_status("current")
    assert proxy.rowCount() == 16
    proxy.set_role("vice_chair")
    assert names(proxy) == ["李建国"]
    with pytest.raises(ValueError):
        proxy.set_status("former")


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
    assert "Confidentiality: on file" in model.index(by_name["甲"], COL_DECLARATIONS).data(
        Qt.ItemDataRole.ToolTipRole
    )


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
