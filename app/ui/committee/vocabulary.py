"""Names the roster shows for the core's closed vocabularies (roles, expertise, gender,
declaration kinds and scopes, evidence levels), in the UI language.

The core keeps ids (``app.models.vocab``); the UI translates them here, once, so every
table, filter and dialog of the committee page says the same thing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.vocabulary import DECLARATION_KINDS, DECLARATION_SCOPES, EXPERTISE, GENDERS, ROLES

CONTEXT = "RosterVocabulary"

_ROLES = {
    "chair": QT_TRANSLATE_NOOP("RosterVocabulary", "Chair"),
    "vice_chair": QT_TRANSLATE_NOOP("RosterVocabulary", "Vice-chair"),
    "member": QT_TRANSLATE_NOOP("RosterVocabulary", "Member"),
    "alternate": QT_TRANSLATE_NOOP("RosterVocabulary", "Alternate"),
    "secretary": QT_TRANSLATE_NOOP("RosterVocabulary", "Secretary"),
}
_EXPERTISE = {
    "medicine": QT_TRANSLATE_NOOP("RosterVocabulary", "Medicine"),
    "life_science": QT_TRANSLATE_NOOP("RosterVocabulary", "Life science"),
    "pharmacy": QT_TRANSLATE_NOOP("RosterVocabulary", "Pharmacy"),
    "nursing": QT_TRANSLATE_NOOP("RosterVocabulary", "Nursing"),
    "statistics": QT_TRANSLATE_NOOP("RosterVocabulary", "Statistics"),
    "bioethics": QT_TRANSLATE_NOOP("RosterVocabulary", "Bioethics"),
    "law": QT_TRANSLATE_NOOP("RosterVocabulary", "Law"),
    "sociology": QT_TRANSLATE_NOOP("RosterVocabulary", "Sociology"),
    "lay": QT_TRANSLATE_NOOP("RosterVocabulary", "Lay person"),
    "other": QT_TRANSLATE_NOOP("RosterVocabulary", "Other"),
}
_GENDERS = {
    "female": QT_TRANSLATE_NOOP("RosterVocabulary", "Female"),
    "male": QT_TRANSLATE_NOOP("RosterVocabulary", "Male"),
    "other": QT_TRANSLATE_NOOP("RosterVocabulary", "Other gender"),
}
_DECLARATION_KINDS = {
    "confidentiality": QT_TRANSLATE_NOOP("RosterVocabulary", "Confidentiality"),
    "conflict_of_interest": QT_TRANSLATE_NOOP("RosterVocabulary", "Conflict of interest"),
}
_DECLARATION_SCOPES = {
    "standing": QT_TRANSLATE_NOOP("RosterVocabulary", "Standing"),
    "meeting": QT_TRANSLATE_NOOP("RosterVocabulary", "One meeting"),
    "project": QT_TRANSLATE_NOOP("RosterVocabulary", "One project"),
}
_EVIDENCE = {
    "verified": QT_TRANSLATE_NOOP("RosterVocabulary", "verified against the official text"),
    "corroborated": QT_TRANSLATE_NOOP("RosterVocabulary", "corroborated by secondary sources"),
    "unverified": QT_TRANSLATE_NOOP("RosterVocabulary", "unverified"),
}

assert set(_ROLES) == set(ROLES) and set(_EXPERTISE) == set(EXPERTISE)
assert set(_GENDERS) == set(GENDERS) and set(_DECLARATION_KINDS) == set(DECLARATION_KINDS)
assert set(_DECLARATION_SCOPES) == set(DECLARATION_SCOPES)


def _pick(table: dict[str, str], key: str) -> str:
    text = table.get(key)
    return QCoreApplication.translate(CONTEXT, text) if text else key


def role_name(role: str) -> str:
    return _pick(_ROLES, role)


def expertise_name(category: str) -> str:
    return _pick(_EXPERTISE, category)


def gender_name(gender: str) -> str:
    return _pick(_GENDERS, gender)


def declaration_kind_name(kind: str) -> str:
    return _pick(_DECLARATION_KINDS, kind)


def declaration_scope_name(scope: str) -> str:
    return _pick(_DECLARATION_SCOPES, scope)


def evidence_name(evidence: str) -> str:
    return _pick(_EVIDENCE, evidence)
