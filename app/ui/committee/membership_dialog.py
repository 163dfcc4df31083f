"""Adding, editing and ending a membership.

``MembershipForm`` lays out the person's and the seat's fields; ``MembershipDialog`` fills
it from the roster's read models, checks it as the user types and saves through the one
service of the action (``roster.save_member``), after the composition check.
``EndMembershipDialog`` ends a seat with a date and a reason; the membership stays in the
history.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.vocabulary import EXPERTISE, GENDERS, ROLES
from app.services import roster
from app.services.composition_guard import Change
from app.services.queries.roster import (
    PersonChoice,
    SeatChoice,
    ending_form,
    member_form,
    person_choices,
    seat_choices,
)
from app.ui.committee.dialog_base import GuardedDialog, date_edit, date_of, new_form
from app.ui.pages.base import named, secondary_label
from app.ui.vocabulary import name, separator

PERSON_TEXT_FIELDS = (
    "name_zh",
    "name_en",
    "title",
    "profession",
    "employer",
    "degrees",
    "email",
    "phone",
)
TEXT_LIMITS = {
    "name_zh": 100,
    "name_en": 100,
    "title": 100,
    "profession": 100,
    "employer": 200,
    "degrees": 100,
    "email": 200,
    "phone": 50,
    "ethnicity": 50,
}
TERM_YEARS = 5  # the default term: five years, the longest the CN profiles allow


def default_term_end(start: date) -> date:
    """The last day of a five-year term starting on ``start``."""
    try:
        anniversary = start.replace(year=start.year + TERM_YEARS)
    except ValueError:  # 29 February
        anniversary = date(start.year + TERM_YEARS, 3, 1)
    return anniversary - timedelta(days=1)


class MembershipForm(QWidget):
    """The fields of a person and of their seat (layout only; no logic); the dates start
    at ``today``."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = named(QComboBox(), "person")
        self.name_zh = named(QLineEdit(), "name_zh")
        self.name_zh.setPlaceholderText(self.tr("e.g. 王芳"))
        self.name_en = named(QLineEdit(), "name_en")
        self.name_en.setPlaceholderText(self.tr("e.g. Wang Fang"))
        self.gender = named(QComboBox(), "gender")
        for gender in GENDERS:
            self.gender.addItem(name(GENDERS, gender), gender)
        self.gender.setCurrentIndex(-1)
        self.gender.setPlaceholderText(self.tr("Choose…"))
        self.title = named(QLineEdit(), "title")
        self.title.setPlaceholderText(self.tr("e.g. 主任医师"))
        self.profession = named(QLineEdit(), "profession")
        self.profession.setPlaceholderText(self.tr("e.g. 肿瘤内科"))
        self.employer = named(QLineEdit(), "employer")
        self.degrees = named(QLineEdit(), "degrees")
        self.email = named(QLineEdit(), "email")
        self.phone = named(QLineEdit(), "phone")
        self.ethnicity = named(QLineEdit(), "ethnicity")
        self.ethnicity.setPlaceholderText(self.tr("e.g. 汉族"))
        self.minority = named(QCheckBox(self.tr("Ethnic minority")), "minority")
        self.consent_publish = named(
            QCheckBox(self.tr("Agrees to publish name, profession and affiliation")),
            "consent_publish",
        )
        for key, limit in TEXT_LIMITS.items():
            line = getattr(self, key)
            assert isinstance(line, QLineEdit)
            line.setMaxLength(limit)

        self.roles = {role: named(QCheckBox(name(ROLES, role)), f"role_{role}") for role in ROLES}
        self.expertise = {
            category: named(QCheckBox(name(EXPERTISE, category)), f"expertise_{category}")
            for category in EXPERTISE
        }
        self.affiliated = named(
            QCheckBox(self.tr("Works for the institution, or is family of someone who does")),
            "affiliated",
        )
        self.voting = named(QCheckBox(self.tr("Votes")), "voting")
        self.voting.setChecked(True)
        self.term_start = date_edit("term_start", today)
        self.term_end = date_edit("term_end", today)
        self.open_ended = named(QCheckBox(self.tr("No end date")), "open_ended")
        self.alternate_for = named(QComboBox(), "alternate_for")
        self.alternate_for.setPlaceholderText(self.tr("Choose the member…"))

        self.roles_box = QWidget()
        grid = QGridLayout(self.roles_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(self.roles.values()):
            grid.addWidget(box, i // 3, i % 3)
        self.expertise_box = QWidget()
        grid = QGridLayout(self.expertise_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for i, box in enumerate(self.expertise.values()):
            grid.addWidget(box, i // 2, i % 2)
        self.term_end_box = QWidget()
        row = QHBoxLayout(self.term_end_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.term_end)
        row.addWidget(self.open_ended)
        row.addStretch(1)
        self.minority_box = QWidget()
        row = QHBoxLayout(self.minority_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.ethnicity, 1)
        row.addWidget(self.minority)

        self.person_group = named(QGroupBox(self.tr("Person")), "person_group")
        self.seat_group = named(QGroupBox(self.tr("Seat on the committee")), "seat_group")
        self.person_form = new_form()
        self.seat_form = new_form()
        self.person_group.setLayout(self.person_form)
        self.seat_group.setLayout(self.seat_form)
        self.person_hint = named(secondary_label(), "person_hint")

        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(self.person_group, 1)
        columns.addWidget(self.seat_group, 1)


class MembershipDialog(GuardedDialog):
    """Add a member (``membership_id`` None) or edit a current membership.

    In add mode the person is new, or chosen from the people who hold no current seat
    (a former member is seated again with their history kept).
    """

    def __init__(
        self,
        ctx: AppContext,
        committee_id: int,
        as_of: Callable[[], date],
        membership_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, committee_id, as_of, parent)
        self.setWindowTitle(
            self.tr("Add a member") if membership_id is None else self.tr("Edit membership")
        )
        self.setObjectName("membership_dialog")
        today = ctx.today()
        self.today = today
        self.membership_id = membership_id
        self.saved_person_id: int | None = None
        self.saved_membership_id: int | None = None
        self._voting_touched = membership_id is not None
        self._original_person: dict[str, Any] = {}
        self._original_seat: dict[str, Any] = {}

        self.seats: list[SeatChoice] = [
            c
            for c in ctx.read(seat_choices, committee_id, today)
            if c.membership_id != membership_id
        ]
        self.people: list[PersonChoice] = (
            [] if membership_id is not None else ctx.read(person_choices, committee_id, today)
        )
        self.person_id: int | None = None
        if membership_id is not None:
            found = ctx.read(member_form, committee_id, membership_id)
            self.person_id = found.person_id
            self._original_person = dict(found.person)
            self._original_seat = dict(found.seat)

        self.form = form = MembershipForm(today, self)
        form.person.addItem(self.tr("A new person"), None)
        for choice in self.people:
            label = choice.values["name_zh"]
            if choice.values["employer"]:
                label += f" — {choice.values['employer']}"
            form.person.addItem(label, choice.person_id)
        for seat in self.seats:
            form.alternate_for.addItem(
                f"{seat.name} ({name(ROLES, seat.role)})", seat.membership_id
            )
        form.alternate_for.setCurrentIndex(-1)

        pf = form.person_form
        if membership_id is None:
            pf.addRow(self.tr("Person"), self.field("person_id", form.person))
        pf.addRow(self.tr("Name (Chinese) *"), self.field("name_zh", form.name_zh))
        pf.addRow(self.tr("Name (English)"), self.field("name_en", form.name_en))
        pf.addRow(self.tr("Gender *"), self.field("gender", form.gender))
        pf.addRow(self.tr("Title"), self.field("title", form.title))
        pf.addRow(self.tr("Profession"), self.field("profession", form.profession))
        pf.addRow(self.tr("Employer"), self.field("employer", form.employer))
        pf.addRow(self.tr("Degrees"), self.field("degrees", form.degrees))
        pf.addRow(self.tr("E-mail"), self.field("email", form.email))
        pf.addRow(self.tr("Phone"), self.field("phone", form.phone))
        pf.addRow(self.tr("Ethnicity"), self.field("ethnicity", form.minority_box))
        pf.addRow("", self.field("consent_publish", form.consent_publish))
        sf = form.seat_form
        sf.addRow(self.tr("Roles *"), self.field("roles", form.roles_box))
        sf.addRow(self.tr("Alternate for"), self.field("alternate_for_id", form.alternate_for))
        sf.addRow(self.tr("Expertise *"), self.field("expertise", form.expertise_box))
        sf.addRow("", self.field("affiliated", form.affiliated))
        sf.addRow("", self.field("voting", form.voting))
        sf.addRow(self.tr("Term starts"), self.field("term_start", form.term_start))
        sf.addRow(self.tr("Term ends"), self.field("term_end", form.term_end_box))

        if membership_id is None:
            form.term_start.setDate(QDate(today))
            form.term_end.setDate(QDate(default_term_end(today)))
        else:
            self._fill_person(self._original_person)
            self._fill_seat(self._original_seat)
        self.ok_button.setText(self.tr("Add member") if membership_id is None else self.tr("Save"))
        self._wire()
        self.finish_layout(form)
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))

    # --- filling ---------------------------------------------------------------------------

    def _fill_person(self, values: dict[str, Any]) -> None:
        form = self.form
        for key in (*PERSON_TEXT_FIELDS, "ethnicity"):
            line = getattr(form, key)
            line.setText(values.get(key, ""))
        form.gender.setCurrentIndex(form.gender.findData(values.get("gender")))
        form.minority.setChecked(bool(values.get("minority")))
        form.consent_publish.setChecked(bool(values.get("consent_publish")))

    def _fill_seat(self, seat: dict[str, Any]) -> None:
        form = self.form
        for role, box in form.roles.items():
            box.setChecked(role in seat["roles"])
        for category, box in form.expertise.items():
            box.setChecked(category in seat["expertise"])
        form.affiliated.setChecked(seat["affiliated"])
        form.voting.setChecked(seat["voting"])
        form.term_start.setDate(QDate(seat["term_start"]))
        if seat["term_end"] is None:
            form.open_ended.setChecked(True)
            form.term_end.setDate(QDate(default_term_end(seat["term_start"])))
        else:
            form.term_end.setDate(QDate(seat["term_end"]))
        form.alternate_for.setCurrentIndex(form.alternate_for.findData(seat["alternate_for_id"]))

    def _wire(self) -> None:
        form = self.form
        for key in (*PERSON_TEXT_FIELDS, "ethnicity"):
            line: QLineEdit = getattr(form, key)
            field = "ethnicity" if key == "ethnicity" else key
            line.textChanged.connect(lambda _t, f=field: self.touch(f))
        form.gender.currentIndexChanged.connect(lambda _i: self.touch("gender"))
        form.minority.toggled.connect(lambda _c: self.touch("ethnicity"))
        form.consent_publish.toggled.connect(lambda _c: self.touch("consent_publish"))
        for box in form.roles.values():
            box.toggled.connect(self._roles_changed)
        for box in form.expertise.values():
            box.toggled.connect(lambda _c: self.touch("expertise"))
        form.affiliated.toggled.connect(lambda _c: self.touch("affiliated"))
        form.voting.clicked.connect(self._voting_clicked)
        form.voting.toggled.connect(lambda _c: self.revalidate())
        form.term_start.dateChanged.connect(lambda _d: self.touch("term_start"))
        form.term_end.dateChanged.connect(lambda _d: self.touch("term_end"))
        form.open_ended.toggled.connect(self._open_ended_changed)
        form.alternate_for.currentIndexChanged.connect(lambda _i: self.touch("alternate_for_id"))
        form.person.currentIndexChanged.connect(self._person_chosen)
        self._roles_changed()
        self._open_ended_changed(form.open_ended.isChecked())

    def _person_chosen(self, _index: int) -> None:
        person_id = self.form.person.currentData()
        choice = next((p for p in self.people if p.person_id == person_id), None)
        self.person_id = person_id
        self._original_person = dict(choice.values) if choice else {}
        self._fill_person(choice.values if choice else {"gender": None})
        self.touch("person_id")

    def _roles_changed(self, _checked: bool = False) -> None:
        roles = self.chosen_roles()
        is_alternate = "alternate" in roles
        self.form.alternate_for.setEnabled(is_alternate)
        if not self._voting_touched and roles:
            # A secretary who is not also a member does not vote; say so before the user must.
            self.form.voting.setChecked(set(roles) != {"secretary"})
        if roles:
            self._touched.add("roles")
        self.revalidate()

    def _voting_clicked(self, _checked: bool) -> None:
        self._voting_touched = True

    def _open_ended_changed(self, checked: bool) -> None:
        self.form.term_end.setEnabled(not checked)
        self.revalidate()

    # --- values ------------------------------------------------------------------------------

    def chosen_roles(self) -> list[str]:
        return [role for role, box in self.form.roles.items() if box.isChecked()]

    def chosen_expertise(self) -> list[str]:
        return [c for c, box in self.form.expertise.items() if box.isChecked()]

    def person_values(self) -> dict[str, Any]:
        form = self.form
        values: dict[str, Any] = {
            key: getattr(form, key).text().strip() for key in (*PERSON_TEXT_FIELDS, "ethnicity")
        }
        values["gender"] = form.gender.currentData()
        values["minority"] = form.minority.isChecked()
        values["consent_publish"] = form.consent_publish.isChecked()
        return values

    def seat_values(self) -> dict[str, Any]:
        form = self.form
        roles = self.chosen_roles()
        return {
            "roles": sorted(roles),
            "expertise": self.chosen_expertise(),
            "affiliated": form.affiliated.isChecked(),
            "voting": form.voting.isChecked(),
            "term_start": date_of(form.term_start),
            "term_end": None if form.open_ended.isChecked() else date_of(form.term_end),
            "alternate_for_id": (
                form.alternate_for.currentData() if "alternate" in roles else None
            ),
        }

    # --- validation -----------------------------------------------------------------------

    def required_missing(self) -> dict[str, str]:
        missing: dict[str, str] = {}
        person = self.person_values()
        if not person["name_zh"]:
            missing["name_zh"] = self.tr("the name in Chinese")
        if person["gender"] is None:
            missing["gender"] = self.tr("the gender")
        if not self.chosen_roles():
            missing["roles"] = self.tr("a role")
        if not self.chosen_expertise():
            missing["expertise"] = self.tr("an area of expertise")
        return missing

    def problems(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        seat = self.seat_values()
        roles = set(seat["roles"])
        if seat["term_end"] is not None and seat["term_end"] < seat["term_start"]:
            problems["term_end"] = self.tr("The term cannot end before it starts.")
        if "alternate" in roles and seat["alternate_for_id"] is None:
            problems["alternate_for_id"] = (
                self.tr("An alternate sits for a member: choose the member.")
                if self.seats
                else self.tr("An alternate sits for a member, and the committee has none yet.")
            )
        if roles == {"secretary"} and seat["voting"]:
            problems["voting"] = self.tr("A secretary who is not also a member does not vote.")
        return problems

    def check_dates(self) -> Iterable[date]:
        seat = self.seat_values()
        days = []
        if seat["term_end"] is not None and seat["term_end"] != self._original_seat.get("term_end"):
            days.append(seat["term_end"] + timedelta(days=1))
        if self.membership_id is None or seat["term_start"] != self._original_seat["term_start"]:
            days.append(seat["term_start"])  # the first day the seat counts
        return days

    # --- saving -----------------------------------------------------------------------------

    def change(self) -> Change[object]:
        person = self.person_values()
        seat = self.seat_values()
        person_id = self.person_id
        membership_id = self.membership_id
        committee_id = self.committee_id
        person_changes = {k: v for k, v in person.items() if self._original_person.get(k) != v}
        seat_changes = {k: v for k, v in seat.items() if self._original_seat.get(k) != v}

        def save(session: Any, actor: Any) -> tuple[int, int]:
            membership = roster.save_member(
                session,
                actor,
                committee_id=committee_id,
                person=person if person_id is None else person_changes,
                seat=seat if membership_id is None else seat_changes,
                person_id=person_id,
                membership_id=membership_id,
            )
            return membership.person_id, membership.id

        return save

    def saved(self, result: object) -> None:
        assert isinstance(result, tuple)
        self.saved_person_id, self.saved_membership_id = result


class EndMembershipDialog(GuardedDialog):
    """End a current membership on a date, with a reason. The seat's last day is that date
    (dates are inclusive); from the next day the member no longer counts."""

    def __init__(
        self,
        ctx: AppContext,
        committee_id: int,
        as_of: Callable[[], date],
        membership_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, committee_id, as_of, parent)
        self.setWindowTitle(self.tr("End membership"))
        self.setObjectName("end_membership_dialog")
        self.membership_id = membership_id
        found = ctx.read(ending_form, membership_id)
        self.name = found.name
        self.term_start = found.term_start
        roles = [name(ROLES, r) for r in found.roles]
        today = ctx.today()

        intro = named(QLabel(), "intro")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setText(
            self.tr(
                "{name} ({roles}) leaves the committee. The membership stays in the history "
                "with its dates and the reason."
            ).format(name=self.name, roles=separator().join(roles))
        )
        self.ended_on: QDateEdit = date_edit("ended_on", max(today, self.term_start))
        self.ended_on.setMinimumDate(QDate(self.term_start))
        self.reason = named(QLineEdit(), "reason")
        self.reason.setPlaceholderText(self.tr("e.g. resigned, term not renewed, moved away"))
        form = new_form()
        form.addRow(self.tr("Last day on the committee"), self.field("ended_on", self.ended_on))
        form.addRow(self.tr("Reason"), self.field("reason", self.reason))
        body = QVBoxLayout()
        body.addWidget(intro)
        body.addLayout(form)
        self.ok_button.setText(self.tr("End membership"))
        self.ended_on.dateChanged.connect(lambda _d: self.touch("ended_on"))
        self.reason.textChanged.connect(lambda _t: self.touch("reason"))
        self.finish_layout(body)
        self.setMinimumWidth(460)

    def problems(self) -> dict[str, str]:
        if date_of(self.ended_on) < self.term_start:
            return {"ended_on": self.tr("The membership cannot end before its term starts.")}
        return {}

    def check_dates(self) -> Iterable[date]:
        return (date_of(self.ended_on) + timedelta(days=1),)

    def change(self) -> Change[object]:
        return partial(
            roster.end_membership,
            membership_id=self.membership_id,
            ended_on=date_of(self.ended_on),
            reason=self.reason.text().strip(),
        )
