"""How the screens name the core's codes: in the UI language, from the one vocabulary
(``app.domain.vocabulary``); and the sentences that describe SOP overrides' values, which
are the UI's own (translated through Qt)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.vocabulary import FIELDS, REQUIRABLE_EXPERTISE, Vocabulary, list_separator
from app.ui.i18n import current_language


def name(vocabulary: Vocabulary, code: str) -> str:
    """The name of ``code`` in the UI language (an unknown code as it is)."""
    return vocabulary.name(code, current_language())


def in_sentence(vocabulary: Vocabulary, code: str) -> str:
    """The name as it reads inside a sentence of the UI language."""
    return vocabulary.in_sentence(code, current_language())


def names(vocabulary: Vocabulary, codes: Iterable[str]) -> str:
    """Several names as a list in the UI language: 医学、法学 / Medicine, Law."""
    return vocabulary.names(codes, current_language())


def field_name(field_id: str) -> str:
    """A field's name in the UI language (column headers, labels)."""
    return FIELDS.name(field_id, current_language())


def separator() -> str:
    return list_separator(current_language())


def expertise_names(categories: Iterable[str]) -> str:
    """Expertise categories or groups, as a list in sentence form."""
    return separator().join(in_sentence(REQUIRABLE_EXPERTISE, c) for c in categories)


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
