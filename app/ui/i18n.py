"""The UI language and the Qt translators that give it.

English is the source language of every string in ``app/ui``; Chinese comes from
``resources/i18n/ethicsdesk_zh_CN.qm``, compiled from the ``.ts`` file next to it:

    .venv/bin/pyside6-lupdate $(find app/ui -name '*.py' | sort)
        -locations none -no-obsolete -ts resources/i18n/ethicsdesk_zh_CN.ts
    (translate the new entries, e.g. with pyside6-linguist, then)
    .venv/bin/pyside6-lrelease resources/i18n/ethicsdesk_zh_CN.ts
        -qm resources/i18n/ethicsdesk_zh_CN.qm

(each command on one line; lupdate given only the folder finds no Python files.)
The compiled ``.qm`` is committed, so installing EthicsDesk never needs the Qt tools;
tests/ui/test_ui_translations.py checks that it matches its source and is complete.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.errors import FieldError, ResourceMissing, UserError
from app.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")

# The translators in use; kept referenced (Qt does not own them) and removed on a change.
_installed: list[QTranslator] = []
_language = "en"


def resolve_language(lang: str | None) -> str:
    """``zh_CN`` or ``en`` for an option value; None means the system locale."""
    name = (lang or QLocale.system().name()).replace("-", "_")
    return "zh_CN" if name.lower().startswith("zh") else "en"


def install_translators(app: QCoreApplication, lang: str | None) -> str:
    """Make ``lang`` the language of every widget created from now on; returns it resolved.

    Raises ResourceMissing when the shipped translation cannot be read (a broken install).
    """
    language = resolve_language(lang)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "zh_CN":
        QLocale.setDefault(QLocale("zh_CN"))
        ours = QTranslator(app)
        path = resource_path("i18n", "ethicsdesk_zh_CN.qm")
        if not ours.load(str(path)):
            raise ResourceMissing(
                "i18n/ethicsdesk_zh_CN.qm", "cannot be read", zh="无法读取，安装不完整"
            )
        # Qt's own strings (standard buttons, context menus); optional.
        qt_base = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_base.load("qtbase_zh_CN", qt_dir):
            _installed.append(qt_base)
        else:
            log.info("Qt's own Chinese translation was not found in %s", qt_dir)
        _installed.append(ours)
    else:
        QLocale.setDefault(QLocale("en_US"))
    for translator in _installed:
        app.installTranslator(translator)
    global _language
    _language = language
    return language


def current_language() -> str:
    """The language installed last (``zh_CN`` or ``en``): the one ``tr()`` answers in."""
    return _language


def error_text(exc: BaseException) -> str:
    """What the UI shows for ``exc`` in its language: a UserError's own text in that
    language (its field named in words), anything else as it is."""
    if isinstance(exc, UserError):
        return exc.localized(_language)
    return str(exc)


def field_error_text(exc: BaseException) -> str:
    """The reason of a field's error without the field, in the UI language, for a screen
    that shows it beside the field; other errors as ``error_text``."""
    if isinstance(exc, FieldError):
        return exc.localized_message(_language)
    return error_text(exc)
