"""Short texts the UI shows for core values: profile titles and names in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Titles of the shipped regulatory profiles, for choosing one. The profile files will carry
# their own bilingual titles (DESIGN.md section 4); until they do, these name them.
_PROFILE_TITLES = {
    "cn-2023": QT_TRANSLATE_NOOP(
        "Profiles", "China: Measures for Ethical Review of Life Science and Medical Research (2023)"
    ),
    "cn-2016": QT_TRANSLATE_NOOP(
        "Profiles", "China: Measures for Ethical Review of Biomedical Research (2016, Order No. 11)"
    ),
    "cn-gcp-2020": QT_TRANSLATE_NOOP(
        "Profiles", "China: Good Clinical Practice for Drug Clinical Trials (2020)"
    ),
    "cn-most-2023": QT_TRANSLATE_NOOP(
        "Profiles", "China: Measures for Science and Technology Ethics Review (2023)"
    ),
    "ich-e6": QT_TRANSLATE_NOOP("Profiles", "ICH E6 Good Clinical Practice"),
    "us-45cfr46": QT_TRANSLATE_NOOP("Profiles", "United States: Common Rule (45 CFR 46)"),
    "us-21cfr56": QT_TRANSLATE_NOOP(
        "Profiles", "United States: FDA institutional review boards (21 CFR 56)"
    ),
    "who-2011": QT_TRANSLATE_NOOP(
        "Profiles", "WHO: Standards and Operational Guidance for Ethics Review (2011)"
    ),
}


def profile_title(profile_id: str) -> str:
    """The profile's title in the UI language; an unknown id is shown as it is."""
    source = _PROFILE_TITLES.get(profile_id)
    if source is None:
        return profile_id
    return QCoreApplication.translate("Profiles", source)


def display_name(name_zh: str, name_en: str, lang: str) -> str:
    """The name to show first: English in an English UI when there is one, else Chinese."""
    if lang == "en" and name_en:
        return name_en
    return name_zh


def other_name(name_zh: str, name_en: str, lang: str) -> str:
    """The name in the other language, or "" when there is none (or it is the same)."""
    first = display_name(name_zh, name_en, lang)
    second = name_zh if first == name_en else name_en
    return "" if second == first else second
