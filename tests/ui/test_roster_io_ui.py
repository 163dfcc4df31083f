"""Roster import and export from the Roster menu: the preview with every row's problems,
Import only for a clean file, nothing written otherwise; JSON and CSV exports."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db import Database
from app.models import Committee, Institution, Membership
from app.services import organisation, roster
from app.services.actors import SYSTEM
from app.services.roster_io import export_roster_json
from app.ui.main_window import MainWindow
from app.ui.roster_io import FixedChooser, ImportPreviewDialog, PreviewModel
from tests.helpers import TODAY, make_committee, make_member, table_counts

OpenWindow = Callable[..., MainWindow]

HEADER = "name,gender,role,expertise,affiliated,minority,term_start,term_end,profession\n"


def click(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def cells(model: PreviewModel, row: int) -> dict[str, str]:
    return {
        str(model.headerData(c, Qt.Orientation.Horizontal)): model.index(row, c).data()
        for c in range(model.columnCount())
    }


def open_preview(qtbot: QtBot, window: MainWindow, path: Path) -> ImportPreviewDialog:
    """Import through the menu, the file dialog answered with ``path``; the preview opens
    when the file has been checked against the committee (on a worker)."""
    transfer = window.roster_transfer
    transfer.chooser = FixedChooser(path)
    window.import_action.trigger()
    qtbot.waitUntil(lambda: transfer.dialog is not None, timeout=20_000)
    dialog = transfer.dialog
    # shown with open(): window-modal, but the call returned at once (never exec())
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    return dialog


def memberships(database: Database, committee_id: int) -> int:
    with database.session_scope() as s:
        found = s.scalars(select(Membership).where(Membership.committee_id == committee_id))
        return len(found.all())


def test_a_csv_with_a_bad_row_shows_its_line_and_cannot_be_imported(
    qtbot: QtBot, open_window: OpenWindow, database: Database, tmp_path: Path
):
    make_committee(database)
    path = tmp_path / "roster.csv"
    path.write_text(
        HEADER
        + "王芳,female,chair,medicine,yes,no,2024-01-01,2028-12-31,主任医师\n"
        + "李强,robot,member,law,no,no,2024-01-01,2028-12-31,律师\n",
        "utf-8",
    )
    window = open_window(today=lambda: TODAY)
    before = table_counts(database)
    dialog = open_preview(qtbot, window, path)

    assert dialog.summary.text().startswith("1 of 2 rows have problems")
    assert not dialog.import_button.isEnabled()
    model = dialog.model
    assert cells(model, 0)["Line"] == "2" and cells(model, 0)["Status"] == "ready"
    bad = cells(model, 1)
    assert bad["Line"] == "3"
    assert bad["Name"] == "李强" and bad["Gender"] == "robot"
    assert "性别/gender" in bad["Status"]
    tooltip = model.index(1, PreviewModel.COL_PROBLEMS).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("line 3: 性别/gender")
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None

    dialog.confirm()  # even asked directly, a file with problems is not imported
    assert not dialog.running()
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        click(qtbot, dialog.cancel_button)
    assert table_counts(database) == before


def test_a_file_error_is_shown_and_nothing_can_be_imported(
    qtbot: QtBot, open_window: OpenWindow, database: Database, tmp_path: Path
):
    make_committee(database)
    path = tmp_path / "roster.csv"
    path.write_text("name,colour\n王芳,blue\n", "utf-8")
    window = open_window(today=lambda: TODAY)
    dialog = open_preview(qtbot, window, path)
    assert dialog.file_errors.isVisible()
    assert "line 1: column 2: unknown column 'colour'" in dialog.file_errors.text()
    assert dialog.table.isHidden()
    assert not dialog.import_button.isEnabled()


def test_a_clean_gb18030_csv_imports_on_confirm(
    qtbot: QtBot, open_window: OpenWindow, database: Database, tmp_path: Path
):
    committee_id = make_committee(database)
    path = tmp_path / "委员名单.csv"
    path.write_bytes(
        (
            "姓名,性别,角色,专业领域,本机构,任期开始,任期结束,职称,替补对象\r\n"
            "王芳,女,主任委员,医学,是,2024-01-01,2028-12-31,主任医师,\r\n"
            "李强,男,委员,法学；社会学,否,2024-01-01,2028-12-31,律师,\r\n"
            "赵磊,男,候补委员,法学,否,2024-01-01,2028-12-31,,李强\r\n"
        ).encode("gb18030")
    )
    with pytest.raises(UnicodeDecodeError):  # so the GB18030 fallback is what reads it
        path.read_bytes().decode("utf-8")
    window = open_window(today=lambda: TODAY)
    dialog = open_preview(qtbot, window, path)
    assert dialog.preview.ok
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Import 3 members"
    assert dialog.summary.text().startswith("All 3 rows are ready.")
    assert cells(dialog.model, 1)["Expertise"] == "法学；社会学"

    with qtbot.waitSignal(dialog.imported, timeout=20_000) as imported:
        click(qtbot, dialog.import_button)
    assert len(imported.args[0]) == 3
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    with database.session_scope() as s:
        seats = s.scalars(select(Membership).where(Membership.committee_id == committee_id)).all()
        by_name = {m.person.name_zh: m for m in seats}
        assert set(by_name) == {"王芳", "李强", "赵磊"}
        assert by_name["王芳"].roles == {"chair"}
        assert by_name["李强"].expertise == ["law", "sociology"]
        assert by_name["赵磊"].alternate_for_id == by_name["李强"].id
    assert "3 members were imported" in window.statusBar().currentMessage()


def comparable(document: dict[str, Any]) -> list[tuple[Any, ...]]:
    """A roster file's members without their ids (alternates name their member)."""
    names = {m["id"]: m["name"] for m in document["members"]}
    return sorted(
        (
            m["name"],
            m["gender"],
            m["role"],
            tuple(m["expertise"]),
            m["affiliated"],
            m["minority"],
            m["term_start"],
            m.get("term_end"),
            m.get("profession", ""),
            names.get(m.get("alternate_for", "")),
        )
        for m in document["members"]
    )


def test_a_json_export_imported_into_a_new_committee_gives_the_same_roster(
    qtbot: QtBot, open_window: OpenWindow, database: Database, tmp_path: Path
):
    first = make_committee(database)
    make_member(database, first, "王芳", roles=("chair",))
    make_member(database, first, "李强", expertise=("law",), gender="male", affiliated=False)
    law = make_member(database, first, "周婷", expertise=("lay",), affiliated=False)
    with database.session_scope() as s:
        person = roster.create_person(s, SYSTEM, name_zh="赵磊", gender="male", profession="律师")
        roster.add_membership(
            s,
            SYSTEM,
            committee_id=first,
            person_id=person.id,
            roles=["alternate"],
            expertise=["lay"],
            affiliated=False,
            term_start=date(2024, 1, 1),
            term_end=date(2028, 12, 31),
            alternate_for_id=law,
        )
        institution_id = s.scalars(select(Institution.id)).one()
        second = organisation.create_committee(
            s, SYSTEM, institution_id=institution_id, name_zh="第二伦理委员会", effective_from=TODAY
        ).id
    window = open_window(today=lambda: TODAY)
    out = tmp_path / "exported.json"
    window.roster_transfer.chooser = FixedChooser(out)
    with qtbot.waitSignal(window.roster_transfer.exported, timeout=20_000):
        window.export_json_action.trigger()
    assert out.exists()
    assert window.statusBar().currentMessage() == f"Roster exported to {out}"
    exported = json.loads(out.read_text("utf-8"))
    assert len(exported["members"]) == 4

    window.refresh()
    window.set_committee(second)
    dialog = open_preview(qtbot, window, out)
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "Member"
    assert dialog.preview.ok, dialog.preview.errors
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        click(qtbot, dialog.import_button)
    with database.session_scope() as s:
        again = export_roster_json(s, second, TODAY)
        assert s.get(Committee, second) is not None
    assert comparable(again) == comparable(exported)
    assert memberships(database, second) == 4


def test_a_csv_export_is_utf8_with_a_bom_in_the_ui_language(
    qtbot: QtBot, open_window: OpenWindow, database: Database, tmp_path: Path
):
    committee_id = make_committee(database)
    make_member(database, committee_id, "王芳", roles=("chair",))
    window = open_window(lang="zh_CN", today=lambda: TODAY)
    out = tmp_path / "roster"  # no suffix: the format's is added
    with qtbot.waitSignal(window.roster_transfer.exported, timeout=20_000):
        path = window.roster_transfer.export_roster("csv", out)
    assert path == tmp_path / "roster.csv"
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("姓名,英文姓名,性别,民族,少数民族,职务,候补")
    assert text.splitlines()[1].startswith("王芳,,女,,否,主任委员,")


def test_a_suggested_file_name_names_the_committee_and_the_day(
    open_window: OpenWindow, database: Database, tmp_path: Path
):
    make_committee(database)
    window = open_window(today=lambda: TODAY)
    chooser = FixedChooser(None)  # the user cancels
    window.roster_transfer.chooser = chooser
    window.export_csv_action.trigger()
    assert chooser.asked == ["Export roster"]
    assert window.roster_transfer.suggested_name("csv", "Ethics Committee / 2") == (
        "Ethics Committee _ 2-roster-2026-11-26.csv"
    )


def test_an_unreadable_file_is_reported_and_nothing_opens(
    open_window: OpenWindow, database: Database, tmp_path: Path
):
    make_committee(database)
    window = open_window(today=lambda: TODAY)
    missing = tmp_path / "missing.csv"
    window.roster_transfer.import_roster(missing)
    assert window.roster_transfer.task is None and window.roster_transfer.dialog is None
    assert str(missing) in window.statusBar().currentMessage()


def test_the_preview_model_passes_the_model_tester(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qtmodeltester, open_window: OpenWindow, database: Database, tmp_path: Path
):
    make_committee(database)
    path = tmp_path / "roster.csv"
    path.write_text(
        HEADER + "王芳,female,chair,medicine,yes,no,2024-01-01,,\n李强,x,member,law,no,no,,,\n",
        "utf-8",
    )
    window = open_window(today=lambda: TODAY)
    transfer = window.roster_transfer
    transfer.import_roster(path)
    qtbot.waitUntil(lambda: transfer.dialog is not None, timeout=20_000)
    assert transfer.dialog is not None
    qtmodeltester.check(transfer.dialog.model)
