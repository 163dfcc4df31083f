"""What every roster dialog shares: fields with inline errors, validation as the user
types, and a save that runs the composition check first.

A dialog never blocks: the page opens it with ``open()``, tests fill its widgets and call
``accept()`` (or click OK). ``accept()`` runs the dialog's change (service calls) in one
write through the composition guard (``app.services.composition_guard.guarded``); when the
change would leave the committee non-compliant the service refuses with the findings, the
write rolls back, and the warning bar asks first, inline; "Save anyway" runs it again with
``force``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.errors import UserError
from app.services.composition_guard import Breach, Change, CompositionBreach, guarded
from app.ui.i18n import current_language, error_text, field_error_text
from app.ui.pages.base import named, secondary_label
from app.ui.widgets import WarningBar, error_label

EARLIEST = QDate(1900, 1, 1)


def date_edit(name: str, day: date) -> QDateEdit:
    edit = named(QDateEdit(), name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(EARLIEST)
    edit.setDate(QDate(day))
    return edit


def date_of(edit: QDateEdit) -> date:
    return edit.date().toPython()  # type: ignore[no-any-return]


def field_cell(widget: QWidget, error: QLabel) -> QWidget:
    """The field with its error label right under it."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    column.addWidget(error)
    return cell


def new_form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return form


class GuardedDialog(QDialog):
    """Base of the roster dialogs.

    Subclasses create their fields, register each with ``field(key, widget)`` (``key`` as
    the service names it, so its ValidationError lands there), call ``finish_layout`` and
    implement ``problems`` (field → message, checked on every edit), ``change`` (the service
    calls, as one function of a session) and optionally ``check_dates``.
    """

    def __init__(
        self,
        ctx: AppContext,
        committee_id: int,
        as_of: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.committee_id = committee_id
        self._as_of = as_of  # the day the secretary looks at (the composition panel's)
        self.errors: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        self._touched: set[str] = set()
        self._attempted = False
        self._pending: Change | None = None
        self.form_error = error_label("form_error")
        self.warning = WarningBar(self)
        self.warning.confirmed.connect(self._save_anyway)
        self.warning.cancelled.connect(self._cancel_pending)
        self.missing = named(secondary_label(), "missing")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(ok, QPushButton)
        self.ok_button = named(ok, "ok")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # --- for subclasses -------------------------------------------------------------------

    def field(self, key: str, widget: QWidget) -> QWidget:
        """Register ``widget`` as field ``key``; returns the widget with its error label."""
        self.widgets[key] = widget
        self.errors[key] = error_label("error_" + key)
        return field_cell(widget, self.errors[key])

    def touch(self, key: str) -> None:
        self._touched.add(key)
        self.revalidate()

    def finish_layout(self, body: QWidget | QVBoxLayout) -> None:
        layout = QVBoxLayout(self)
        if isinstance(body, QWidget):
            layout.addWidget(body, 1)
        else:
            layout.addLayout(body, 1)
        layout.addWidget(self.form_error)
        layout.addWidget(self.warning)
        bottom = QVBoxLayout()
        bottom.addWidget(self.missing)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.revalidate()

    def problems(self) -> dict[str, str]:
        raise NotImplementedError

    def required_missing(self) -> dict[str, str]:
        """Problems that only say a required field is still empty: hidden until the field
        is touched (or OK pressed), and listed beside the OK button instead."""
        return {}

    def change(self) -> Change[object]:
        """The dialog's service calls, as one function of (session, actor)."""
        raise NotImplementedError

    def check_dates(self) -> Iterable[date]:
        """Dates besides the composition panel's on which the change must not break the
        committee (e.g. the day after a seat ends)."""
        return ()

    # --- validation -----------------------------------------------------------------------

    def revalidate(self) -> bool:
        """Show the current problems next to their fields; enable OK only when none."""
        if self._pending is not None:  # the user edits again: the pending save is void
            self._pending = None
            self.warning.hide()
        self.form_error.hide()
        problems = self.problems()
        missing = self.required_missing()
        for key, label in self.errors.items():
            text = problems.get(key)
            if text is None and key in missing and (key in self._touched or self._attempted):
                text = self.tr("This is required.")
            label.setText(text or "")
            label.setVisible(bool(text))
        if missing:
            self.missing.setText(
                self.tr("Still needed: {fields}").format(
                    fields=self.tr(", ").join(missing.values())
                )
            )
        self.missing.setVisible(bool(missing))
        valid = not problems and not missing
        self.ok_button.setEnabled(valid)
        return valid

    def show_error(self, exc: UserError) -> None:
        """A service's refusal, on the field it names (else above the buttons)."""
        key = getattr(exc, "field", None)
        label = self.errors.get(key) if isinstance(key, str) else None
        if label is None:
            self.form_error.setText(error_text(exc))
            self.form_error.show()
        else:
            label.setText(field_error_text(exc))
            label.show()

    # --- saving ---------------------------------------------------------------------------

    def accept(self) -> None:
        """Save (checking the composition first) and close; stays open on any problem."""
        self._attempted = True
        if not self.revalidate():
            return
        change = self.change()
        try:
            result = self._write(change, force=False)
        except CompositionBreach as breach:
            self._pending = change
            self.warning.warn(self.breach_text(list(breach.breaches)))
            self.ok_button.setEnabled(False)
            return
        except UserError as exc:
            self.show_error(exc)
            return
        self.saved(result)
        super().accept()

    def saved(self, result: object) -> None:
        """The change was written; ``result`` is what it returned."""

    def _write(self, change: Change[object], *, force: bool) -> object:
        days = {self._as_of(), *self.check_dates()}
        return self.ctx.write(guarded, change, committee_id=self.committee_id, on=days, force=force)

    def breach_text(self, breaches: list[Breach]) -> str:
        lines = []
        for breach in breaches:
            lines.append(
                self.tr("Saving this leaves the committee non-compliant on {date}:").format(
                    date=breach.day.isoformat()
                )
            )
            lines.extend(f"• {f.message_in(current_language())}" for f in breach.findings)
        return "\n".join(lines)

    def pending_save(self) -> bool:
        return self._pending is not None

    def _save_anyway(self) -> None:
        change = self._pending
        if change is None:
            return
        try:
            result = self._write(change, force=True)
        except UserError as exc:
            self._cancel_pending()
            self.warning.hide()
            self.show_error(exc)
            return
        self.saved(result)
        self._pending = None
        self.warning.hide()
        super().accept()

    def _cancel_pending(self) -> None:
        self._pending = None
        self.ok_button.setEnabled(not self.problems() and not self.required_missing())
