"""How the setup screen and the dashboard name the core's ids: roles, expertise categories,
declaration kinds, and the values of SOP overrides, in the UI language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_ROLES = {
    "chair": QT_TRANSLATE_NOOP("Vocabulary", "chair"),
    "vice_chair": QT_TRANSLATE_NOOP("Vocabulary", "vice-chair"),
    "member": QT_TRANSLATE_NOOP("Vocabulary", "member"),
    "alternate": QT_TRANSLATE_NOOP("Vocabulary", "alternate"),
    "secretary": QT_TRANSLATE_NOOP("Vocabulary", "secretary"),
}
_EXPERTISE = {
    "medicine": QT_TRANSLATE_NOOP("Vocabulary", "medicine"),
    "life_science": QT_TRANSLATE_NOOP("Vocabulary", "life science"),
    "pharmacy": QT_TRANSLATE_NOOP("Vocabulary", "pharmacy"),
    "nursing": QT_TRANSLATE_NOOP("Vocabulary", "nursing"),
    "statistics": QT_TRANSLATE_NOOP("Vocabulary", "statistics"),
    "bioethics": QT_TRANSLATE_NOOP("Vocabulary", "bioethics"),
    "law": QT_TRANSLATE_NOOP("Vocabulary", "law"),
    "sociology": QT_TRANSLATE_NOOP("Vocabulary", "sociology"),
    "lay": QT_TRANSLATE_NOOP("Vocabulary", "lay person"),
    "other": QT_TRANSLATE_NOOP("Vocabulary", "other"),
    "biomedicine": QT_TRANSLATE_NOOP("Vocabulary", "any biomedical field"),
    "law_or_ethics": QT_TRANSLATE_NOOP("Vocabulary", "law or ethics"),
}
_DECLARATIONS = {
    "confidentiality": QT_TRANSLATE_NOOP("Vocabulary", "confidentiality undertaking"),
    "conflict_of_interest": QT_TRANSLATE_NOOP("Vocabulary", "conflict-of-interest declaration"),
}
_THRESHOLDS = {
    ("more_than_half", "all_members"): QT_TRANSLATE_NOOP(
        "Vocabulary", "more than half of all members"
    ),
    ("more_than_half", "present"): QT_TRANSLATE_NOOP(
        "Vocabulary", "more than half of the members present"
    ),
    ("two_thirds", "all_members"): QT_TRANSLATE_NOOP("Vocabulary", "two thirds of all members"),
    ("two_thirds", "present"): QT_TRANSLATE_NOOP("Vocabulary", "two thirds of the members present"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Vocabulary", text)


def role_name(role: str) -> str:
    return _tr(_ROLES[role]) if role in _ROLES else role


def expertise_name(category: str) -> str:
    return _tr(_EXPERTISE[category]) if category in _EXPERTISE else category


def expertise_names(categories: Iterable[str]) -> str:
    separator = QCoreApplication.translate("Vocabulary", ", ")
    return separator.join(expertise_name(c) for c in categories)


def declaration_name(kind: str) -> str:
    return _tr(_DECLARATIONS[kind]) if kind in _DECLARATIONS else kind


def threshold_text(base: str, fraction: str) -> str:
    text = _THRESHOLDS.get((fraction, base))
    return _tr(text) if text else f"{fraction} / {base}"


def sop_value_text(key: str, value: Any) -> str:
    """An SOP override's value (or the profile's value of it) in words."""
    translate = QCoreApplication.translate
    if key == "remote_counts":
        if value:
            return translate("Vocabulary", "remote attendance counts")
        return translate("Vocabulary", "remote attendance does not count")
    if key == "quorum_min_present":
        if not value:
            return translate("Vocabulary", "no fixed minimum")
        return translate("Vocabulary", "at least {count} present").format(count=value)
    if key in ("threshold_base", "threshold_fraction") and isinstance(value, dict):
        return threshold_text(str(value["base"]), str(value["fraction"]))
    if key == "threshold_base":
        if value == "all_members":
            return translate("Vocabulary", "of all members")
        return translate("Vocabulary", "of the members present")
    if key == "threshold_fraction":
        if value == "more_than_half":
            return translate("Vocabulary", "more than half")
        return translate("Vocabulary", "two thirds")
    if key == "required_expertise":
        if not value:
            return translate("Vocabulary", "none beyond the profile")
        return expertise_names(value)
    if key == "continuing_review_months":
        if not value:
            return translate("Vocabulary", "no interval set")
        return translate("Vocabulary", "every {months} months").format(months=value)
    if key == "named_votes":
        if value:
            return translate("Vocabulary", "votes recorded by name")
        return translate("Vocabulary", "votes not recorded by name")
    return str(value)
