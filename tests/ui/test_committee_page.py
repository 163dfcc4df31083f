"""The committee page driven as a secretary drives it: the roster, the member dialog that
validates as she types, the composition panel beside it, the warning before a change that
leaves the committee non-compliant, training, declarations and consultants."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.context import AppContext
from app.db import Database
from app.errors import ValidationError
from app.models import Attachment, Committee, Declaration, Meeting, Membership, Person, Training
from app.services import organisation, roster
from app.services.actors import SYSTEM
from app.services.queries.overview import load_overview
from app.ui.committee import CommitteeRosterPage
from app.ui.committee.composition_panel import FINDING_ROLE
from app.ui.committee.membership_dialog import EndMembershipDialog, MembershipDialog
from app.ui.committee.person_records import DeclarationDialog, TrainingDialog
from app.ui.committee.roster_model import COL_NAME, COL_TERM, ROW_ROLE
from app.ui.main_window import MainWindow
from app.ui.pages.base import PageContext
from tests.helpers import TODAY, build_demo, table_counts

OpenPage = Callable[..., CommitteeRosterPage]


# --- helpers ---------------------------------------------------------------------------


def context_for(db: Database, committee_id: int | None, lang: str = "en") -> PageContext:
    with db.read_scope() as session:
        overview = load_overview(session, TODAY)
    return PageContext(
        overview=overview,
        committee=overview.committee(committee_id),
        lang=lang,
        database="test",
    )


@pytest.fixture
def open_page(qtbot: QtBot, database: Database) -> Iterator[OpenPage]:
    def open_(committee_id: int | None, lang: str = "en") -> CommitteeRosterPage:
        page = CommitteeRosterPage(AppContext(database, lang=lang, clock=lambda: TODAY))
        qtbot.addWidget(page)
        page.resize(1300, 820)
        page.refresh(context_for(database, committee_id, lang))
        page.show()
        qtbot.waitExposed(page)
        return page

    yield open_


def empty_committee(db: Database, profile_id: str = "cn-2023") -> int:
    with db.session_scope() as s:
        institution = organisation.create_institution(
            s, SYSTEM, name_zh="明湖医院", name_en="Minghu Hospital"
        )
        committee = organisation.create_committee(
            s,
            SYSTEM,
            institution_id=institution.id,
            name_zh="医学伦理委员会",
            name_en="Medical Ethics Committee",
            profile_id=profile_id,
            effective_from=date(2024, 1, 1),
        )
        return committee.id


def demo_committee(db: Database) -> int:
    build_demo(db, TODAY)
    with db.session_scope() as s:
        committee_id = s.scalar(select(Committee.id).where(Committee.name_zh == "医学伦理委员会"))
        assert committee_id is not None
        return committee_id


def type_into(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    """Type as a user would: ASCII by key presses, Chinese as an input method commits it."""
    line.setFocus()
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(line, event)
    assert text in line.text()


def click(qtbot: QtBot, widget: QWidget) -> None:
    """Click as a user does: a check box on its box (its row may be wider than its text)."""
    if isinstance(widget, QCheckBox):
        pos = QPoint(8, widget.height() // 2)
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def shown_names(page: CommitteeRosterPage) -> list[str]:
    return [page.model.index(r, COL_NAME).data() for r in range(page.model.rowCount())]


def select_name(page: CommitteeRosterPage, name: str) -> None:
    for r in range(page.model.rowCount()):
        if page.model.index(r, COL_NAME).data() == name:
            page.view.table.selectionModel().setCurrentIndex(
                page.model.index(r, COL_NAME),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            return
    raise AssertionError(f"{name} is not shown: {shown_names(page)}")


def checks(page: CommitteeRosterPage) -> dict[str, bool]:
    """Visible findings of the panel: check (member findings with the member) → ok."""
    out = {}
    for finding in page.view.panel.visible_findings():
        key = finding.check if finding.member is None else f"{finding.check}@{finding.member}"
        out[key] = finding.ok
    return out


def fill_member(
    qtbot: QtBot,
    dialog: MembershipDialog,
    *,
    name: str,
    gender: str,
    roles: tuple[str, ...],
    expertise: tuple[str, ...],
    affiliated: bool,
    name_en: str = "",
    profession: str = "",
) -> None:
    form = dialog.form
    type_into(qtbot, form.name_zh, name)
    if name_en:
        type_into(qtbot, form.name_en, name_en)
    if profession:
        type_into(qtbot, form.profession, profession)
    form.gender.setCurrentIndex(form.gender.findData(gender))
    for role in roles:
        click(qtbot, form.roles[role])
    for category in expertise:
        click(qtbot, form.expertise[category])
    if affiliated != form.affiliated.isChecked():
        click(qtbot, form.affiliated)


def add_through_dialog(qtbot: QtBot, page: CommitteeRosterPage, **member: object) -> None:
    click(qtbot, page.view.add_button)
    dialog = page.dialog
    assert isinstance(dialog, MembershipDialog) and dialog.isVisible()
    fill_member(qtbot, dialog, **member)  # type: ignore[arg-type]
    assert dialog.ok_button.isEnabled(), dialog.missing.text()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.ok_button)
    assert page.dialog is None or page.dialog is not dialog


COMPLIANT_CN = (
    dict(name="王芳", gender="female", roles=("chair",), expertise=("medicine",), affiliated=True),
    dict(name="李强", gender="male", roles=("member",), expertise=("pharmacy",), affiliated=True),
    dict(
        name="赵丽", gender="female", roles=("member",), expertise=("bioethics",), affiliated=False
    ),
    dict(name="黄磊", gender="male", roles=("member",), expertise=("law",), affiliated=False),
    dict(name="周婷", gender="female", roles=("member",), expertise=("lay",), affiliated=False),
    dict(name="陈静", gender="female", roles=("member",), expertise=("nursing",), affiliated=True),
    dict(name="杨帆", gender="male", roles=("member",), expertise=("statistics",), affiliated=True),
)
# One more than the minimum of 7, so that one member may leave without breaking min_members.
EIGHTH = dict(
    name="徐明", gender="male", roles=("member",), expertise=("medicine",), affiliated=True
)


def seat(db: Database, committee_id: int, member: dict) -> int:
    with db.session_scope() as s:
        person = roster.create_person(s, SYSTEM, name_zh=member["name"], gender=member["gender"])
        membership = roster.add_membership(
            s,
            SYSTEM,
            committee_id=committee_id,
            person_id=person.id,
            roles=list(member["roles"]),
            expertise=list(member["expertise"]),
            affiliated=member["affiliated"],
            term_start=date(2024, 1, 1),
            term_end=date(2028, 12, 31),
        )
        return membership.id


def compliant_committee(db: Database) -> dict[str, int]:
    committee_id = empty_committee(db)
    seats = {m["name"]: seat(db, committee_id, m) for m in (*COMPLIANT_CN, EIGHTH)}
    seats["committee"] = committee_id
    return seats


# --- the page ----------------------------------------------------------------------------


def test_without_a_committee_the_page_offers_to_set_one_up(open_page: OpenPage):
    page = open_page(None)
    assert page.state.heading.text() == "No committee yet"
    assert page.state.action.isVisible() and page.state.action.text() == "Set up a committee"
    assert page.view.isHidden()


def test_the_page_heads_the_roster_with_the_committee(open_page: OpenPage, database: Database):
    committee_id = empty_committee(database)
    page = open_page(committee_id)
    assert page.state.heading.text() == "Medical Ethics Committee"
    assert "Minghu Hospital" in page.state.body.text()
    assert "China: 2023 Measures" in page.state.body.text()
    assert page.state.action.isHidden()
    assert page.view.isVisible() and page.view.table.isVisible() and page.view.panel.isVisible()
    assert page.model.rowCount() == 0
    assert page.view.count.text() == "0 memberships"
    assert not page.view.panel.result.ok  # an empty committee is not lawful
    assert not checks(page)["min_members"]


def test_adding_members_through_the_dialog_until_the_committee_is_compliant(
    qtbot: QtBot, open_page: OpenPage, database: Database
):
    committee_id = empty_committee(database)
    page = open_page(committee_id)
    panel = page.view.panel
    for number, member in enumerate(COMPLIANT_CN, start=1):
        assert not panel.result.ok
        add_through_dialog(qtbot, page, **member)
        assert page.model.rowCount() == number
        assert member["name"] in shown_names(page)
        # the new member is selected, and their records are shown below
        selected = page.selected_row()
        assert selected is not None and selected.name_zh == member["name"]
    assert panel.result.ok
    assert panel.result.profile == "cn-2023"
    assert all(checks(page).values())
    assert {"min_members", "required_expertise:law", "lay_member", "chair"} <= set(checks(page))
    assert panel.summary.text().startswith("Compliant with China: 2023 Measures")
    with database.session_scope() as s:
        assert len(s.scalars(select(Membership)).all()) == 7
        chair = s.scalars(select(Person).where(Person.name_zh == "王芳")).one()
        assert chair.memberships[0].roles == {"chair"}
        assert chair.memberships[0].term_start == TODAY
        assert chair.memberships[0].term_end == date(2031, 11, 25)  # five years


def test_the_dialog_validates_as_the_user_types(
    qtbot: QtBot, open_page: OpenPage, database: Database
):
    seats = compliant_committee(database)
    page = open_page(seats["committee"])
    click(qtbot, page.view.add_button)
    dialog = page.dialog
    assert isinstance(dialog, MembershipDialog)
    form = dialog.form
    # nothing typed yet: OK waits, and says what it waits for, without scolding
    assert not dialog.ok_button.isEnabled()
    assert dialog.missing.isVisible() and "the name in Chinese" in dialog.missing.text()
    assert dialog.errors["name_zh"].isHidden()
    # typing then erasing the name shows the message at the field
    type_into(qtbot, form.name_zh, "abc")
    form.name_zh.clear()
    assert dialog.errors["name_zh"].isVisible()
    type_into(qtbot, form.name_zh, "孙悦")
    assert dialog.errors["name_zh"].isHidden()
    form.gender.setCurrentIndex(form.gender.findData("female"))
    click(qtbot, form.expertise["medicine"])
    click(qtbot, form.roles["member"])
    assert dialog.ok_button.isEnabled() and dialog.missing.isHidden()

    # the term may not end before it starts
    form.term_end.setDate(QDate(TODAY - timedelta(days=1)))
    assert dialog.errors["term_end"].isVisible()
    assert "cannot end before it starts" in dialog.errors["term_end"].text()
    assert not dialog.ok_button.isEnabled()
    click(qtbot, form.open_ended)  # no end date at all
    assert dialog.errors["term_end"].isHidden() and dialog.ok_button.isEnabled()

    # an alternate needs the seat it sits for
    click(qtbot, form.roles["member"])
    click(qtbot, form.roles["alternate"])
    assert form.alternate_for.isEnabled()
    assert dialog.errors["alternate_for_id"].isVisible()
    assert not dialog.ok_button.isEnabled()
    form.alternate_for.setCurrentIndex(form.alternate_for.findData(seats["王芳"]))
    assert dialog.errors["alternate_for_id"].isHidden() and dialog.ok_button.isEnabled()

    # a secretary who is only a secretary: voting is switched off for her …
    click(qtbot, form.roles["alternate"])
    click(qtbot, form.roles["secretary"])
    assert not form.alternate_for.isEnabled()
    assert not form.voting.isChecked() and dialog.ok_button.isEnabled()
    # … and turning it on is refused next to the box
    click(qtbot, form.voting)
    assert dialog.errors["voting"].isVisible()
    assert "does not vote" in dialog.errors["voting"].text()
    assert not dialog.ok_button.isEnabled()
    click(qtbot, form.roles["member"])  # a secretary who is also a member votes
    assert dialog.errors["voting"].isHidden() and dialog.ok_button.isEnabled()

    before = table_counts(database)
    dialog.reject()
    assert table_counts(database) == before


def test_a_service_refusal_is_shown_on_the_field_it_names(
    qtbot: QtBot, open_page: OpenPage, database: Database, monkeypatch: pytest.MonkeyPatch
):
    committee_id = empty_committee(database)
    page = open_page(committee_id)
    click(qtbot, page.view.add_button)
    dialog = page.dialog
    assert isinstance(dialog, MembershipDialog)
    fill_member(
        qtbot,
        dialog,
        name="王芳",
        gender="female",
        roles=("chair",),
        expertise=("medicine",),
        affiliated=True,
    )
    type_into(qtbot, dialog.form.employer, "明湖医院")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ValidationError("employer", "names an institution that does not exist")

    monkeypatch.setattr(roster, "add_membership", refuse)
    before = table_counts(database)
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.errors["employer"].isVisible()
    assert dialog.errors["employer"].text() == "names an institution that does not exist"
    assert table_counts(database) == before  # the person created first was rolled back


def test_editing_a_member_changes_the_row(qtbot: QtBot, open_page: OpenPage, database: Database):
    seats = compliant_committee(database)
    page = open_page(seats["committee"])
    select_name(page, "黄磊")
    page.view.table.setFocus()
    qtbot.keyClick(page.view.table, Qt.Key.Key_Return)  # Enter edits
    dialog = page.dialog
    assert isinstance(dialog, MembershipDialog) and dialog.membership_id == seats["黄磊"]
    assert dialog.form.name_zh.text() == "黄磊"
    assert dialog.form.expertise["law"].isChecked()
    type_into(qtbot, dialog.form.profession, "律师")
    click(qtbot, dialog.form.expertise["bioethics"])
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.ok_button)
    row = page.selected_row()
    assert row is not None and row.name_zh == "黄磊"
    assert row.profession == "律师" and row.expertise == ("bioethics", "law")
    with database.session_scope() as s:
        membership = s.get(Membership, seats["黄磊"])
        assert membership is not None and membership.expertise == ["bioethics", "law"]


def test_double_click_edits_and_delete_ends(qtbot: QtBot, open_page: OpenPage, database: Database):
    seats = compliant_committee(database)
    page = open_page(seats["committee"])
    select_name(page, "周婷")
    table = page.view.table
    rect = table.visualRect(table.currentIndex())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert isinstance(page.dialog, MembershipDialog)
    assert page.dialog.membership_id == seats["周婷"]
    page.dialog.reject()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert isinstance(page.dialog, EndMembershipDialog)
    assert page.dialog.membership_id == seats["周婷"]
    page.dialog.reject()


def test_ending_the_law_expert_warns_first_and_then_the_law_rule_fails(
    qtbot: QtBot, open_page: OpenPage, database: Database
):
    seats = compliant_committee(database)
    page = open_page(seats["committee"])
    panel = page.view.panel
    assert panel.result.ok
    select_name(page, "黄磊")
    click(qtbot, page.view.end_button)
    dialog = page.dialog
    assert isinstance(dialog, EndMembershipDialog)
    assert dialog.ended_on.date() == QDate(TODAY)
    type_into(qtbot, dialog.reason, "resigned")
    counts = table_counts(database)

    click(qtbot, dialog.ok_button)
    # the warning, inline: from the day after his last day the committee has no lawyer
    assert dialog.isVisible() and dialog.warning.isVisible()
    text = dialog.warning.message.text()
    assert (TODAY + timedelta(days=1)).isoformat() in text
    assert "law" in text.lower()
    assert dialog.pending_save() and not dialog.ok_button.isEnabled()
    assert table_counts(database) == counts  # rolled back: nothing is written yet

    click(qtbot, dialog.warning.cancel)  # think again …
    assert dialog.warning.isHidden() and dialog.ok_button.isEnabled()
    assert table_counts(database) == counts
    click(qtbot, dialog.ok_button)  # … and decide to go ahead
    assert dialog.warning.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.warning.save_anyway)

    with database.session_scope() as s:
        ended = s.get(Membership, seats["黄磊"])
        assert ended is not None and ended.ended_on == TODAY and ended.end_reason == "resigned"
    # ended today: today is his last day on the committee — listed and counted today …
    assert "黄磊" in shown_names(page)
    row = next(r for r in page.model.rows() if r.name_zh == "黄磊")
    assert not row.ended and row.ended_on == TODAY
    assert panel.result.ok
    # … and from tomorrow history: not listed, not counted
    tomorrow = CommitteeRosterPage(AppContext(database, clock=lambda: TODAY + timedelta(days=1)))
    tomorrow.refresh(context_for(database, seats["committee"]))
    assert "黄磊" not in shown_names(tomorrow)
    panel.as_of.setDate(QDate(TODAY + timedelta(days=1)))
    assert not panel.result.ok
    assert checks(page)["required_expertise:law"] is False
    assert panel.summary.text().startswith("Not compliant with China: 2023 Measures")
    assert panel.visible_findings()[0].check == "required_expertise:law"  # failures first


def test_a_change_that_breaks_nothing_is_saved_without_a_warning(
    qtbot: QtBot, open_page: OpenPage, database: Database
):
    seats = compliant_committee(database)
    page = open_page(seats["committee"])
    select_name(page, "杨帆")  # statistics: nobody's only expert of a required field
    click(qtbot, page.view.end_button)
    dialog = page.dialog
    assert isinstance(dialog, EndMembershipDialog)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.ok_button)
    assert "杨帆" in shown_names(page)  # his last day is today: he is still listed
    with database.read_scope() as s:
        assert s.get(Membership, seats["杨帆"]).ended_on == TODAY  # type: ignore[union-attr]


def test_switching_the_profile_to_the_common_rule_changes_the_panel(
    open_page: OpenPage, database: Database
):
    seats = compliant_committee(database)
    page = open_page(seats["committee"])
    cn = checks(page)
    assert "lay_member" in cn and "chair" in cn and "scientist_member" not in cn
    with database.session_scope() as s:
        organisation.set_profile(
            s, SYSTEM, seats["committee"], profile_id="us-45cfr46", effective_from=TODAY
        )
    page.refresh(context_for(database, seats["committee"]))
    us = checks(page)
    assert {"scientist_member", "nonscientist_member", "single_profession"} <= set(us)
    assert "lay_member" not in us and "chair" not in us
    assert page.view.panel.result.profile == "us-45cfr46"
    assert "US: Common Rule (45 CFR 46)" in page.state.body.text()
    assert page.view.panel.result.ok


def test_the_as_of_date_catches_an_expiring_term(
    qtbot: QtBot, open_page: OpenPage, database: Database
):
    committee_id = demo_committee(database)
    page = open_page(committee_id)
    panel = page.view.panel
    assert panel.as_of_date() == TODAY  # no meeting planned: today
    assert panel.result.ok and all(checks(page).values())
    with database.session_scope() as s:
        sun_yue = s.scalar(select(Membership.id).join(Person).where(Person.name_zh == "孙悦"))
    # the roster flags the term ending within 90 days
    select_name(page, "孙悦")
    row = page.selected_row()
    assert row is not None and row.term_state == "expiring"
    term = page.model.index(page.view.table.currentIndex().row(), COL_TERM)
    assert "ends in 45 days" in term.data(Qt.ItemDataRole.ToolTipRole)

    panel.as_of.setDate(QDate(TODAY + timedelta(days=46)))
    found = checks(page)
    assert found[f"term_expired@{sun_yue}"] is False
    expired = next(f for f in panel.visible_findings() if f.check == "term_expired")
    assert "孙悦" in expired.message_in(panel.lang) and expired.severity == "warning"
    minimum = next(f for f in panel.visible_findings() if f.check == "min_members")
    assert "14 counted members" in minimum.message_in(panel.lang)  # she no longer counts
    assert "1 warning(s)" in panel.summary.text()
    click(qtbot, panel.today_button)
    assert panel.as_of_date() == TODAY and all(checks(page).values())


def test_the_as_of_date_starts_at_the_next_planned_meeting(
    qtbot: QtBot, open_page: OpenPage, database: Database
):
    committee_id = demo_committee(database)
    with database.session_scope() as s:
        s.add(Meeting(committee_id=committee_id, number="2027-01", held_on=TODAY + timedelta(50)))
    page = open_page(committee_id)
    panel = page.view.panel
    assert panel.as_of_date() == TODAY + timedelta(days=50)
    assert panel.as_of_hint.text() == f"Next meeting: {(TODAY + timedelta(days=50)).isoformat()}"
    assert not all(checks(page).values())  # 孙悦's term has run out by then
    click(qtbot, panel.today_button)
    assert all(checks(page).values())
    click(qtbot, panel.meeting_button)
    assert panel.as_of_date() == TODAY + timedelta(days=50)
    # the date the secretary chose stays when the page is drawn again
    click(qtbot, panel.today_button)
    page.refresh(context_for(database, committee_id))
    assert panel.as_of_date() == TODAY


def test_a_finding_shows_its_citation_on_hover_and_its_rule_on_click(
    qtbot: QtBot, open_page: OpenPage, database: Database
):
    committee_id = demo_committee(database)
    page = open_page(committee_id)
    panel = page.view.panel
    table = panel.table
    for row in range(panel.model.rowCount()):
        finding = panel.model.index(row, 0).data(FINDING_ROLE)
        if finding.check == "min_members":
            break
    index = panel.model.index(row, 1)
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert finding.citation_in(panel.lang) in tooltip and "Evidence: unverified" in tooltip
    assert panel.model.index(row, 0).data() == "Pass"
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    detail = panel.detail.toPlainText()
    assert "CN23-COMP-2" in detail and finding.citation_in(panel.lang) in detail
    assert "Quote:" in detail and "no fewer than 7 members" in detail
    assert "Check against the official text." in detail
    assert panel.select_check("required_expertise:law")
    detail = panel.detail.toPlainText()
    assert "CN23-COMP-1" in detail and "corroborated" in detail
    assert "Check against the official text." not in detail


def test_member_passes_are_folded_away_until_asked_for(
    qtbot: QtBot, open_page: OpenPage, database: Database
):
    committee_id = demo_committee(database)
    page = open_page(committee_id)
    panel = page.view.panel
    folded = panel.model.rowCount()
    assert all(f.member is None for f in panel.visible_findings())
    click(qtbot, panel.show_member_passes)
    assert panel.model.rowCount() == panel.model.total > folded
    assert sum(f.check == "term_expired" for f in panel.visible_findings()) == 17


def test_sop_relaxations_are_shown_beside_the_rule(open_page: OpenPage, database: Database):
    committee_id = empty_committee(database, "cn-gcp-2020")
    with database.session_scope() as s:
        organisation.set_profile(
            s,
            SYSTEM,
            committee_id,
            profile_id="cn-gcp-2020",
            effective_from=date(2024, 1, 1),
            sop_overrides={"continuing_review_months": 24},
        )
    page = open_page(committee_id)
    relaxations = page.view.panel.relaxations
    assert relaxations.isVisible()
    assert "GCP20-TRACK-1" in relaxations.text()
    assert "every 24 months (the profile: every 12 months)" in relaxations.text()
    assert "{" not in relaxations.text()


def test_a_one_or_two_character_chinese_search_filters_the_roster(
    qtbot: QtBot, open_page: OpenPage, database: Database
):
    committee_id = demo_committee(database)
    page = open_page(committee_id)
    assert page.model.rowCount() == 17
    type_into(qtbot, page.view.search, "儿科")  # two characters: the profession
    assert sorted(shown_names(page)) == sorted(["徐明", "郭强"])
    assert page.view.count.text() == "2 of 17 memberships shown"
    page.view.search.clear()
    type_into(qtbot, page.view.search, "护")  # one character: 主任护师, 护理部
    assert shown_names(page) == ["陈静"]
    page.view.search.clear()
    type_into(qtbot, page.view.search, "律师")  # an employer (律师事务所) and a title
    assert shown_names(page) == ["黄磊"]
    page.view.search.clear()
    type_into(qtbot, page.view.search, "wang")  # the English name, any case
    assert shown_names(page) == ["王芳"]
    page.view.search.clear()
    type_into(qtbot, page.view.search, "statistics")  # expertise
    assert shown_names(page) == ["杨帆"]
    page.view.search.clear()
    assert page.model.rowCount() == 17 and page.view.count.text() == "17 memberships"


def test_the_role_filter(open_page: OpenPage, database: Database):
    committee_id = demo_committee(database)
    page = open_page(committee_id)
    combo = page.view.role_filter
    combo.setCurrentIndex(combo.findData("alternate"))
    assert shown_names(page) == ["郭强"]
    row = page.model.index(0, 0).data(ROW_ROLE)
    assert page.model.index(0, 1).data() == "Alternate (徐明)"
    assert page.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "Alternate for 徐明"
    assert row.alternate_for == "徐明"
    combo.setCurrentIndex(combo.findData("secretary"))
    assert shown_names(page) == ["林晓"]
    combo.setCurrentIndex(0)
    assert page.model.rowCount() == 17


def test_show_history_lists_ended_memberships(
    qtbot: QtBot, open_page: OpenPage, database: Database
):
    committee_id = demo_committee(database)
    with database.session_scope() as s:
        seat_id = s.scalar(select(Membership.id).join(Person).where(Person.name_zh == "吴刚"))
        assert seat_id is not None
        roster.end_membership(
            s, SYSTEM, seat_id, ended_on=TODAY - timedelta(days=10), reason="moved away"
        )
    page = open_page(committee_id)
    assert "吴刚" not in shown_names(page) and page.model.rowCount() == 16
    assert page.view.status.isHidden()
    click(qtbot, page.view.history)
    assert page.view.history.isChecked() and page.view.status.isVisible()
    assert page.model.rowCount() == 17
    assert shown_names(page)[-1] == "吴刚"  # history after the current seats
    select_name(page, "吴刚")
    row = page.selected_row()
    assert row is not None and row.ended
    term = page.model.index(page.view.table.currentIndex().row(), COL_TERM)
    assert term.data().endswith("ended")
    assert "moved away" in term.data(Qt.ItemDataRole.ToolTipRole)
    # history cannot be edited or ended again
    assert not page.view.edit_button.isEnabled() and not page.view.end_button.isEnabled()
    assert page.edit_member() is None
    page.view.status.setCurrentIndex(page.view.status.findData("ended"))
    assert shown_names(page) == ["吴刚"]
    page.view.status.setCurrentIndex(page.view.status.findData("current"))
    assert page.model.rowCount() == 16
    click(qtbot, page.view.history)
    assert page.model.rowCount() == 16 and page.view.status.isHidden()


def test_a_former_member_is_seated_again_with_history_kept(
    qtbot: QtBot, open_page: OpenPage, database: Database
):
    seats = compliant_committee(database)
    with database.session_scope() as s:
        roster.end_membership(s, SYSTEM, seats["周婷"], ended_on=TODAY - timedelta(days=1))
    page = open_page(seats["committee"])
    click(qtbot, page.view.add_button)
    dialog = page.dialog
    assert isinstance(dialog, MembershipDialog)
    combo = dialog.form.person
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith("周婷"))
    combo.setCurrentIndex(index)
    assert dialog.form.name_zh.text() == "周婷"
    assert dialog.form.gender.currentData() == "female"
    click(qtbot, dialog.form.roles["member"])
    click(qtbot, dialog.form.expertise["lay"])
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.ok_button)
    with database.session_scope() as s:
        person = s.scalars(select(Person).where(Person.name_zh == "周婷")).one()
        assert len(person.memberships) == 2
        assert len(s.scalars(select(Person)).all()) == len(COMPLIANT_CN) + 1


def test_training_and_declarations_of_the_chosen_member(
    qtbot: QtBot, open_page: OpenPage, database: Database, tmp_path: Path
):
    seats = compliant_committee(database)
    page = open_page(seats["committee"])
    select_name(page, "赵丽")
    records = page.view.records
    assert records.heading.text() == "Training and declarations of 赵丽"
    assert records.training_model.rowCount() == 0
    row = page.selected_row()
    assert row is not None and row.training_state == "none"

    click(qtbot, records.add_training)
    dialog = records.dialog
    assert isinstance(dialog, TrainingDialog)
    assert not dialog.ok_button.isEnabled()  # the course is required
    type_into(qtbot, dialog.course, "GCP training")
    dialog.hours.setValue(8)
    dialog.taken_on.setDate(QDate(TODAY - timedelta(days=30)))
    dialog.expires_on.setDate(QDate(TODAY - timedelta(days=31)))
    assert dialog.errors["expires_on"].isVisible() and not dialog.ok_button.isEnabled()
    dialog.expires_on.setDate(QDate(TODAY + timedelta(days=60)))
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.ok_button)
    assert records.training_model.rowCount() == 1
    assert records.training.model().index(0, 0).data() == "GCP training"
    row = page.selected_row()
    assert row is not None and row.name_zh == "赵丽" and row.training_state == "expiring"

    signed = tmp_path / "保密承诺-赵丽.pdf"
    signed.write_bytes(b"%PDF-1.4 signed")
    click(qtbot, records.add_declaration)
    dialog = records.dialog
    assert isinstance(dialog, DeclarationDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("confidentiality"))
    dialog.scope.setCurrentIndex(dialog.scope.findData("meeting"))
    assert dialog.errors["meeting_id"].isVisible()  # no meeting yet
    assert not dialog.ok_button.isEnabled()
    dialog.scope.setCurrentIndex(dialog.scope.findData("standing"))
    dialog.file_path.setText(str(tmp_path / "missing.pdf"))
    assert dialog.errors["path"].isVisible()
    dialog.file_path.setText(str(signed))
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        click(qtbot, dialog.ok_button)
    model = records.declaration_model
    assert model.rowCount() == 1
    assert model.record(0).files == ("保密承诺-赵丽.pdf",)
    row = page.selected_row()
    assert row is not None and row.declarations == frozenset({"confidentiality"})
    with database.session_scope() as s:
        declaration = s.scalars(select(Declaration)).one()
        attachment = s.scalars(select(Attachment)).one()
        assert (attachment.owner_type, attachment.owner_id) == ("declaration", declaration.id)
        assert s.scalars(select(Training)).one().course == "GCP training"

    # a file signed later is attached to the declaration chosen in the list
    later = tmp_path / "signed-again.pdf"
    later.write_bytes(b"%PDF-1.4 again")
    records.declarations.selectRow(0)
    assert records.attach.isEnabled()
    assert records.attach_file(later)
    assert model.record(0).files == ("保密承诺-赵丽.pdf", "signed-again.pdf")


def test_consultants_are_listed_apart(open_page: OpenPage, database: Database):
    committee_id = demo_committee(database)
    page = open_page(committee_id)
    assert "何伟" not in shown_names(page)
    model = page.view.consultant_model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "何伟 (He Wei)"
    assert model.index(0, model.COL_DECLARATIONS).data() == (
        "confidentiality undertaking, conflict-of-interest declaration"
    )
    assert page.view.tabs.tabText(1) == "Consultants (1)"


def test_the_main_window_shows_the_roster_on_its_committee_page(
    qtbot: QtBot, database: Database, open_window: Callable[..., MainWindow]
):
    demo_committee(database)
    window = open_window(today=lambda: TODAY)
    window.show_page("committee")
    page = window.page("committee")
    assert isinstance(page, CommitteeRosterPage)
    assert page.view.isVisible() and page.model.rowCount() == 17
    assert page.view.panel.result.ok


def test_a_member_added_on_the_committee_page_counts_on_the_dashboard(
    qtbot: QtBot, database: Database, open_window: Callable[..., MainWindow]
):
    committee_id = empty_committee(database)
    window = open_window(today=lambda: TODAY)
    assert window.overview.committee(committee_id).voting_members == 0
    window.show_page("committee")
    page = window.page("committee")
    assert isinstance(page, CommitteeRosterPage)
    add_through_dialog(qtbot, page, **COMPLIANT_CN[0])
    assert window.overview.committee(committee_id).voting_members == 1


def test_the_page_in_chinese(open_page: OpenPage, database: Database):
    from app.ui.i18n import install_translators

    install_translators(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    committee_id = demo_committee(database)
    page = open_page(committee_id, "zh_CN")
    assert page.state.heading.text() == "医学伦理委员会"
    message = next(f for f in page.view.panel.visible_findings() if f.check == "min_members")
    assert "计入委员 15 人" in message.message_in(page.view.panel.lang)


def test_drawn_again_the_page_keeps_the_choice_and_another_committee_starts_afresh(
    qtbot: QtBot, open_page: OpenPage, database: Database
):
    seats = compliant_committee(database)
    with database.session_scope() as s:
        institution_id = s.get(Committee, seats["committee"]).institution_id  # type: ignore[union-attr]
        other = organisation.create_committee(
            s,
            SYSTEM,
            institution_id=institution_id,
            name_zh="药物临床试验伦理委员会",
            effective_from=date(2024, 1, 1),
        ).id
    page = open_page(seats["committee"])
    select_name(page, "赵丽")
    type_into(qtbot, page.view.search, "赵")
    page.refresh(context_for(database, seats["committee"]))
    assert page.view.search.text() == "赵" and shown_names(page) == ["赵丽"]
    assert page.selected_row().name_zh == "赵丽"  # type: ignore[union-attr]
    page.refresh(context_for(database, other))
    assert page.view.search.text() == "" and page.model.rowCount() == 0
    assert page.state.heading.text() == "药物临床试验伦理委员会"
