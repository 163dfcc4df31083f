"""Committee settings driven as a user: names, images, number patterns, terms, profile and
SOP overrides checked live; several committees and the switcher."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QFrame, QLabel, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.context import AppContext
from app.db import Database
from app.models import (
    Attachment,
    AuditEvent,
    Committee,
    CommitteeProfile,
    CommitteeTerm,
    Institution,
    NumberSeries,
)
from app.services import organisation
from app.services.actors import SYSTEM
from app.ui.main_window import MainWindow
from app.ui.pages.workspace import SettingsPage
from app.ui.roster_io import FixedChooser
from app.ui.setup import CommitteeSettingsDialog
from app.ui.setup.models import ProfileHistoryModel, TermsModel
from tests.helpers import TODAY, make_committee, table_counts

OpenWindow = Callable[..., MainWindow]


def type_text(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    """Replace the line's text as a user would: select all, then type (Chinese as an input
    method commits it)."""
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(line, event)
    assert line.text() == text


def open_settings(
    qtbot: QtBot,
    database: Database,
    committee_id: int,
    lang: str = "en",
    **options: object,
) -> CommitteeSettingsDialog:
    ctx = AppContext(database, lang=lang, clock=lambda: TODAY)
    dialog = CommitteeSettingsDialog(ctx, committee_id=committee_id, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def audit_actions(database: Database) -> list[str]:
    with database.session_scope() as s:
        return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


# --- opening --------------------------------------------------------------------------------


def test_settings_open_without_blocking_from_the_switcher_and_the_settings_page(
    qtbot: QtBot, open_window: OpenWindow, database: Database
):
    make_committee(database)
    window = open_window(today=lambda: TODAY)
    assert window.committee_bar.isVisible()
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.heading.text() == "Ethics Committee"
    assert dialog.committee.name_zh.text() == "伦理委员会"
    click(qtbot, dialog.close_button)
    assert window.settings_dialog is None

    window.show_page("settings")
    page = window.page("settings")
    assert isinstance(page, SettingsPage)
    assert page.state.action.text() == "Committee settings…"
    click(qtbot, page.state.action)
    assert window.settings_dialog is not None and window.settings_dialog.isVisible()


def test_without_a_committee_there_is_no_switcher_and_the_actions_are_off(
    open_window: OpenWindow,
):
    window = open_window()
    assert window.committee_bar.isHidden()
    assert not window.settings_action.isEnabled()
    assert not window.import_action.isEnabled()
    assert window.open_committee_settings() is None
    assert window.dashboard.showing_welcome()


# --- names --------------------------------------------------------------------------------


def test_names_are_edited_and_saved_with_an_audit_event(
    qtbot: QtBot, open_window: OpenWindow, database: Database
):
    committee_id = make_committee(database)
    window = open_window(today=lambda: TODAY)
    dialog = window.open_committee_settings()
    assert dialog is not None
    dialog.tabs.setCurrentIndex(1)
    type_text(qtbot, dialog.committee.name_en, "Research Ethics Committee")
    type_text(qtbot, dialog.committee.filing_number, "HK-IRB-2026-01")
    type_text(qtbot, dialog.committee.filing_authority, "华康市卫生健康委员会")
    dialog.tabs.setCurrentIndex(0)
    type_text(qtbot, dialog.institution.address, "Lakeside Road 88")
    before = audit_actions(database)

    click(qtbot, dialog.save_button)

    assert dialog.errors_shown() == {}
    assert dialog.status.text() == "Saved."
    with database.session_scope() as s:
        committee = s.get(Committee, committee_id)
        assert committee is not None
        assert (committee.name_en, committee.filing_number, committee.filing_authority) == (
            "Research Ethics Committee",
            "HK-IRB-2026-01",
            "华康市卫生健康委员会",
        )
        assert committee.institution.address == "Lakeside Road 88"
    after = audit_actions(database)
    assert after[len(before) :] == ["institution.edit", "committee.edit"]
    assert window.windowTitle() == "EthicsDesk — Research Ethics Committee"
    assert window.switcher.currentText() == "Research Ethics Committee"

    click(qtbot, dialog.save_button)  # nothing changed since: nothing written
    assert dialog.status.text() == "Nothing has changed."
    assert audit_actions(database) == after


def test_an_empty_chinese_name_is_refused_inline(qtbot: QtBot, database: Database):
    committee_id = make_committee(database)
    dialog = open_settings(qtbot, database, committee_id)
    before = table_counts(database)
    dialog.tabs.setCurrentIndex(1)
    type_text(qtbot, dialog.committee.name_zh, "")
    click(qtbot, dialog.save_button)
    assert dialog.errors_shown() == {"committee.name_zh": "Enter the committee's name in Chinese."}
    assert table_counts(database) == before


def test_a_name_the_service_refuses_is_shown_under_its_field_and_nothing_is_written(
    qtbot: QtBot, database: Database
):
    committee_id = make_committee(database)
    with database.session_scope() as s:
        institution_id = s.scalars(select(Institution.id)).one()
        organisation.create_committee(
            s, SYSTEM, institution_id=institution_id, name_zh="药物伦理委员会", effective_from=TODAY
        )
    dialog = open_settings(qtbot, database, committee_id)
    before = table_counts(database)
    type_text(qtbot, dialog.institution.name_en, "Renamed Hospital")
    dialog.tabs.setCurrentIndex(1)
    type_text(qtbot, dialog.committee.name_zh, "药物伦理委员会")
    click(qtbot, dialog.save_button)
    errors = dialog.errors_shown()
    assert list(errors) == ["committee.name_zh"]
    assert "already" in errors["committee.name_zh"]
    assert dialog.tabs.currentIndex() == 1
    # the institution's new name, saved first in the same transaction, was rolled back
    assert table_counts(database) == before
    with database.session_scope() as s:
        assert s.scalars(select(Institution.name_en)).one() == "Test Hospital"


# --- number series ------------------------------------------------------------------------


def test_a_pattern_shows_its_first_number_as_it_is_typed(qtbot: QtBot, database: Database):
    committee_id = make_committee(database)
    dialog = open_settings(qtbot, database, committee_id)
    dialog.tabs.setCurrentIndex(2)
    numbers = dialog.numbers
    assert numbers.previews["acceptance"].text() == ("The first number of 2026 will be SL-2026-001")
    type_text(qtbot, numbers.patterns["acceptance"], "KY-{yyyy}-{seq:03d}")
    assert numbers.previews["acceptance"].isVisible()
    assert numbers.previews["acceptance"].text() == "The first number of 2026 will be KY-2026-001"
    click(qtbot, dialog.save_button)
    assert dialog.errors_shown() == {}
    with database.session_scope() as s:
        pattern = s.scalar(
            select(NumberSeries.pattern).where(
                NumberSeries.committee_id == committee_id, NumberSeries.kind == "acceptance"
            )
        )
    assert pattern == "KY-{yyyy}-{seq:03d}"
    assert "committee.number_pattern" in audit_actions(database)


def test_a_bad_number_pattern_is_refused_inline_and_nothing_is_written(
    qtbot: QtBot, database: Database
):
    committee_id = make_committee(database)
    dialog = open_settings(qtbot, database, committee_id)
    before = table_counts(database)
    dialog.tabs.setCurrentIndex(1)
    type_text(qtbot, dialog.committee.name_en, "Renamed Committee")
    dialog.tabs.setCurrentIndex(2)
    letter = dialog.numbers.patterns["letter"]
    type_text(qtbot, letter, "PJ-{yyyy}")
    error = dialog.numbers.errors["letter.pattern"]
    assert error.isVisible()  # live, before saving
    assert "{seq}" in error.text()
    assert dialog.numbers.previews["letter"].isHidden()

    dialog.tabs.setCurrentIndex(0)
    click(qtbot, dialog.save_button)

    assert dialog.tabs.currentIndex() == 2
    assert list(dialog.errors_shown()) == ["letter.pattern"]
    assert dialog.errors_shown()["letter.pattern"] == (
        "This pattern cannot be used: it must contain {seq} exactly once."
    )
    assert table_counts(database) == before
    with database.session_scope() as s:
        committee = s.get(Committee, committee_id)
        assert committee is not None and committee.name_en == "Ethics Committee"


# --- terms ------------------------------------------------------------------------------------


def test_terms_are_listed_added_and_written_on_save(qtbot: QtBot, database: Database):
    committee_id = make_committee(database)
    with database.session_scope() as s:
        organisation.add_term(
            s,
            SYSTEM,
            committee_id,
            number=2,
            start_date=date(2021, 1, 1),
            end_date=date(2025, 12, 31),
            appointment_document="华医发〔2021〕3号",
        )
    dialog = open_settings(qtbot, database, committee_id)
    dialog.tabs.setCurrentIndex(3)
    terms = dialog.terms
    assert terms.model.rowCount() == 1
    assert terms.model.index(0, TermsModel.COL_NUMBER).data() == "Term 2"
    # the form suggests the next term, starting the day after the last one ended
    assert terms.number.value() == 3
    assert terms.start.date().toString("yyyy-MM-dd") == "2026-01-01"
    assert terms.end.date().toString("yyyy-MM-dd") == "2030-12-31"
    type_text(qtbot, terms.document, "华医发〔2026〕1号")
    click(qtbot, terms.add_button)
    assert terms.model.rowCount() == 2
    assert terms.model.index(1, TermsModel.COL_STATE).data() == "not saved yet"
    with database.session_scope() as s:
        assert len(s.scalars(select(CommitteeTerm)).all()) == 1  # not yet

    terms.number.setValue(2)
    click(qtbot, terms.add_button)
    assert terms.errors["term.number"].text() == "Term 2 is in the list already."
    assert terms.model.rowCount() == 2

    click(qtbot, dialog.save_button)
    assert dialog.errors_shown() == {}
    with database.session_scope() as s:
        saved = s.scalars(select(CommitteeTerm).order_by(CommitteeTerm.number)).all()
        assert [(t.number, t.start_date, t.end_date, t.appointment_document) for t in saved] == [
            (2, date(2021, 1, 1), date(2025, 12, 31), "华医发〔2021〕3号"),
            (3, date(2026, 1, 1), date(2030, 12, 31), "华医发〔2026〕1号"),
        ]
    assert dialog.terms.model.index(1, TermsModel.COL_STATE).data() == "saved"


# --- images ----------------------------------------------------------------------------------


def write_png(path: Path, width: int = 240, height: int = 120) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d4e89"))
    assert image.save(str(path), "PNG")
    return path


def test_a_logo_is_chosen_shown_as_a_thumbnail_and_attached_on_save(
    qtbot: QtBot, database: Database, tmp_path: Path
):
    committee_id = make_committee(database)
    logo = write_png(tmp_path / "logo.png")
    dialog = open_settings(qtbot, database, committee_id, chooser=FixedChooser(logo))
    picker = dialog.institution.logo
    assert picker.thumbnail.text() == "No image"
    click(qtbot, picker.choose_button)
    assert picker.pending == logo
    assert not picker.thumbnail.pixmap().isNull()
    assert "logo.png" in picker.filename.text()
    with database.session_scope() as s:
        assert s.scalars(select(Attachment)).all() == []

    click(qtbot, dialog.save_button)

    assert dialog.errors_shown() == {}
    with database.session_scope() as s:
        attachment = s.scalars(select(Attachment)).one()
        assert (attachment.owner_type, attachment.document_type, attachment.filename) == (
            "institution",
            "logo",
            "logo.png",
        )
    # read back from the database
    assert dialog.institution.logo.pending is None
    assert dialog.institution.logo.filename.text() == "logo.png"
    assert not dialog.institution.logo.thumbnail.pixmap().isNull()
    assert dialog.institution.seal.thumbnail.text() == "No image"


def test_a_file_that_is_not_an_image_is_refused(qtbot: QtBot, database: Database, tmp_path: Path):
    committee_id = make_committee(database)
    text = tmp_path / "seal.png"
    text.write_text("not an image", "utf-8")
    dialog = open_settings(qtbot, database, committee_id, chooser=FixedChooser(text))
    picker = dialog.institution.seal
    click(qtbot, picker.choose_button)
    assert picker.pending is None
    assert picker.error.isVisible()
    assert picker.error.text() == "seal.png is not a PNG or JPEG image."


# --- regulatory profile and SOP overrides ----------------------------------------------------


def override(dialog: CommitteeSettingsDialog, key: str) -> tuple[object, QLabel]:
    row = dialog.profile.rows[key]
    row.enabled.setChecked(True)
    return row.editor, row.note


def test_a_refused_sop_override_names_the_rule_and_nothing_is_written(
    qtbot: QtBot, database: Database
):
    committee_id = make_committee(database)  # cn-2023
    dialog = open_settings(qtbot, database, committee_id)
    dialog.tabs.setCurrentIndex(4)
    before = table_counts(database)
    row = dialog.profile.rows["continuing_review_months"]
    click(qtbot, row.enabled)
    assert row.editor.isEnabled()
    assert isinstance(row.editor, QSpinBox)
    row.editor.setValue(24)

    assert row.note.isVisible()
    text = row.note.text()
    assert text.startswith("Not allowed: this relaxes rule CN23-TRACK-1")
    assert "Continuing review at least every 12 months" in text
    assert row.profile_value.text() == "profile: every 12 months (CN23-TRACK-1)"

    click(qtbot, dialog.save_button)
    assert "profile.sop_overrides.continuing_review_months" in dialog.errors_shown()
    assert table_counts(database) == before

    row.editor.setValue(6)  # stricter is always allowed
    assert row.note.isHidden()
    click(qtbot, dialog.save_button)
    assert dialog.errors_shown() == {}
    with database.session_scope() as s:
        entry = s.scalar(select(CommitteeProfile).where(CommitteeProfile.effective_from == TODAY))
        assert entry is not None
        assert (entry.profile_id, entry.sop_overrides) == (
            "cn-2023",
            {"continuing_review_months": 6},
        )


def test_an_allowed_relaxation_is_shown_beside_the_rule_it_departs_from(
    qtbot: QtBot, database: Database
):
    committee_id = make_committee(database)
    dialog = open_settings(qtbot, database, committee_id)
    dialog.tabs.setCurrentIndex(4)
    profile = dialog.profile
    choose(profile.profile, "cn-gcp-2020")
    assert profile.profile.currentText() == "Good Clinical Practice for Drug Clinical Trials (2020)"
    assert profile.profile_other.text() == "药物临床试验质量管理规范（2020） · cn-gcp-2020"
    row = profile.rows["threshold_base"]
    assert row.profile_value.text() == "profile: of all members (CN23-VOTE-1)"
    click(qtbot, row.enabled)
    assert isinstance(row.editor, QComboBox)
    choose(row.editor, "present")

    assert row.note.isVisible()
    assert row.note.text() == (
        "Relaxes rule CN23-VOTE-1 (Measures for Ethical Review of Life Science and Medical "
        "Research Involving Humans (NHC et al., 2023, No. 4)): the profile says more than half "
        "of all members; this SOP says more than half of the members present. The profile "
        "leaves this to the committee's SOP."
    )
    assert profile.verdict.ok
    # the note sits right under its override, in the same grid
    assert row.note.parentWidget() is row.editor.parentWidget()

    type_text(qtbot, profile.note, "SOP 4.0")
    click(qtbot, dialog.save_button)
    assert dialog.errors_shown() == {}
    with database.session_scope() as s:
        entries = s.scalars(
            select(CommitteeProfile).order_by(CommitteeProfile.effective_from)
        ).all()
        assert [(e.effective_from, e.profile_id, e.sop_overrides, e.note) for e in entries] == [
            (date(2024, 1, 1), "cn-2023", {}, ""),
            (TODAY, "cn-gcp-2020", {"threshold_base": "present"}, "SOP 4.0"),
        ]
    # reloaded: the relaxation in force is still shown beside its rule
    assert dialog.profile.rows["threshold_base"].note.isVisible()
    assert dialog.profile.history_model.rowCount() == 2


def test_profile_history_lists_the_entries_and_marks_the_one_in_force(
    qtbot: QtBot, database: Database
):
    committee_id = make_committee(database)
    with database.session_scope() as s:
        organisation.set_profile(
            s,
            SYSTEM,
            committee_id,
            profile_id="us-45cfr46",
            effective_from=date(2025, 7, 1),
            sop_overrides={"named_votes": True},
            note="FWA",
        )
        organisation.set_profile(
            s, SYSTEM, committee_id, profile_id="cn-2023", effective_from=date(2027, 1, 1)
        )
    dialog = open_settings(qtbot, database, committee_id)
    model = dialog.profile.history_model
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert rows == [
        ["2024-01-01", "China: 2023 Measures", "none", ""],
        ["2025-07-01 (in force)", "US: Common Rule (45 CFR 46)", "votes recorded by name", "FWA"],
        ["2027-01-01", "China: 2023 Measures", "none", ""],
    ]
    font = model.index(1, ProfileHistoryModel.COL_PROFILE).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    # the form starts from the entry in force today
    assert dialog.profile.profile_id() == "us-45cfr46"
    assert dialog.profile.overrides() == {"named_votes": True}
    assert "In force today: " in dialog.profile.in_force.text()
    assert "since 2025-07-01" in dialog.profile.in_force.text()


def test_models_pass_the_model_tester(qtmodeltester, qtbot: QtBot, database: Database):  # type: ignore[no-untyped-def]
    committee_id = make_committee(database)
    with database.session_scope() as s:
        organisation.add_term(s, SYSTEM, committee_id, number=1, start_date=date(2024, 1, 1))
    dialog = open_settings(qtbot, database, committee_id)
    qtmodeltester.check(dialog.terms.model)
    qtmodeltester.check(dialog.profile.history_model)


# --- several committees ----------------------------------------------------------------------


def test_a_new_committee_is_created_from_the_switcher_and_becomes_current(
    qtbot: QtBot, open_window: OpenWindow, database: Database
):
    make_committee(database)
    window = open_window(today=lambda: TODAY)
    window.new_committee_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None and dialog.setup.is_new
    assert dialog.heading.text() == "New committee"
    assert dialog.save_button.text() == "Create the committee"
    assert not dialog.tabs.isTabVisible(0)  # the institution is the current one's
    type_text(qtbot, dialog.committee.name_zh, "药物临床试验伦理委员会")
    type_text(qtbot, dialog.committee.name_en, "Drug Trial Ethics Committee")
    dialog.tabs.setCurrentIndex(4)
    choose(dialog.profile.profile, "cn-gcp-2020")
    dialog.tabs.setCurrentIndex(3)
    type_text(qtbot, dialog.terms.document, "华医发〔2026〕9号")
    click(qtbot, dialog.terms.add_button)

    click(qtbot, dialog.save_button)

    assert dialog.errors_shown() == {}
    with database.session_scope() as s:
        committee = s.scalars(select(Committee).where(Committee.name_zh.like("药物%"))).one()
        new_id = committee.id
        assert committee.institution.name_zh == "测试医院"
        assert [t.number for t in committee.terms] == [1]
        assert [(p.profile_id, p.effective_from) for p in committee.profiles] == [
            ("cn-gcp-2020", TODAY)
        ]
    assert window.committee_id == new_id
    assert window.windowTitle() == "EthicsDesk — Drug Trial Ethics Committee"
    assert [window.switcher.itemText(i) for i in range(window.switcher.count())] == [
        "Ethics Committee",
        "Drug Trial Ethics Committee",
    ]
    # the dialog carries on as the new committee's settings
    assert not dialog.setup.is_new
    assert dialog.save_button.text() == "Save"


def test_the_switcher_switches_the_window_title_and_the_pages(
    qtbot: QtBot, open_window: OpenWindow, database: Database
):
    with database.session_scope() as s:
        institution = organisation.create_institution(
            s, SYSTEM, name_zh="明湖医院", name_en="Minghu Hospital"
        )
        for zh, en in (("医学伦理委员会", "Medical Ethics"), ("药物伦理委员会", "Drug Trials")):
            organisation.create_committee(
                s,
                SYSTEM,
                institution_id=institution.id,
                name_zh=zh,
                name_en=en,
                effective_from=TODAY,
            )
    window = open_window(today=lambda: TODAY)
    switcher = window.switcher
    assert [switcher.itemText(i) for i in range(switcher.count())] == [
        "Medical Ethics",
        "Drug Trials",
    ]
    assert switcher.itemData(1, Qt.ItemDataRole.ToolTipRole) == "药物伦理委员会"
    assert window.windowTitle() == "EthicsDesk — Medical Ethics"
    switcher.setFocus()
    qtbot.keyClick(switcher, Qt.Key.Key_Down)
    assert switcher.currentText() == "Drug Trials"
    assert window.windowTitle() == "EthicsDesk — Drug Trials"
    cards = [
        f for f in window.dashboard.summary.findChildren(QFrame) if f.objectName().startswith("c")
    ]
    current = [c for c in cards if c.findChild(QLabel, "current") is not None]
    assert len(current) == 1
    assert current[0].findChild(QLabel, "title").text() == "Drug Trials"
    settings = window.page("settings")
    assert isinstance(settings, SettingsPage)
    assert "Drug Trials" in [label.text() for label in settings.findChildren(QLabel)]
    qtbot.keyClick(switcher, Qt.Key.Key_Up)
    assert window.windowTitle() == "EthicsDesk — Medical Ethics"


def test_in_chinese_the_switcher_lists_the_chinese_names(
    open_window: OpenWindow, database: Database
):
    make_committee(database)
    window = open_window(lang="zh_CN", today=lambda: TODAY)
    assert window.switcher.currentText() == "伦理委员会"
    assert window.switcher.itemData(0, Qt.ItemDataRole.ToolTipRole) == "Ethics Committee"


# --- closing with unsaved changes -------------------------------------------------------------


def test_closing_with_unsaved_changes_asks_inline_first(qtbot: QtBot, database: Database):
    committee_id = make_committee(database)
    dialog = open_settings(qtbot, database, committee_id)
    before = table_counts(database)
    type_text(qtbot, dialog.institution.name_en, "Another Name")
    click(qtbot, dialog.close_button)
    assert dialog.isVisible()
    assert dialog.discard_bar.isVisible()
    click(qtbot, dialog.keep_button)
    assert dialog.discard_bar.isHidden() and dialog.isVisible()
    assert dialog.institution.name_en.text() == "Another Name"
    click(qtbot, dialog.close_button)
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        click(qtbot, dialog.discard_button)
    assert not dialog.isVisible()
    assert table_counts(database) == before


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_dialog_opens_in_both_languages(qtbot: QtBot, database: Database, lang: str):
    from app.ui.i18n import install_translators

    install_translators(QApplication.instance(), lang)  # type: ignore[arg-type]
    committee_id = make_committee(database)
    dialog = open_settings(qtbot, database, committee_id, lang=lang)
    shown = dialog.profile.profile.currentText()
    assert shown == (
        "涉及人的生命科学和医学研究伦理审查办法（2023）"
        if lang == "zh_CN"
        else "Measures for Ethical Review of Life Science and Medical Research Involving "
        "Humans (2023)"
    )
