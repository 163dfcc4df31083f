"""Short texts the UI shows for core values: profile titles and names in the UI language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.errors import UserError
from app.rules.profiles import load_profile
from app.ui.i18n import current_language

log = logging.getLogger(__name__)

# Names and titles of the shipped regulatory profiles. Names are short enough for a combo
# box. Titles are the instruments' full names, used until every profile file (which carries
# its own bilingual title, DESIGN.md section 4) is shipped.
_PROFILES = {
    "cn-2023": (
        QT_TRANSLATE_NOOP("Profiles", "China: 2023 Measures"),
        QT_TRANSLATE_NOOP(
            "Profiles",
            "Measures for Ethical Review of Life Science and Medical Research Involving "
            "Humans (2023)",
        ),
    ),
    "cn-2016": (
        QT_TRANSLATE_NOOP("Profiles", "China: 2016 Measures (Order No. 11)"),
        QT_TRANSLATE_NOOP(
            "Profiles",
            "Measures for Ethical Review of Biomedical Research Involving Humans "
            "(2016, NHFPC Order No. 11)",
        ),
    ),
    "cn-gcp-2020": (
        QT_TRANSLATE_NOOP("Profiles", "China: drug GCP (2020)"),
        QT_TRANSLATE_NOOP("Profiles", "Good Clinical Practice for Drug Clinical Trials (2020)"),
    ),
    "cn-most-2023": (
        QT_TRANSLATE_NOOP("Profiles", "China: science and technology ethics (2023)"),
        QT_TRANSLATE_NOOP(
            "Profiles", "Measures for Science and Technology Ethics Review (Trial, 2023)"
        ),
    ),
    "ich-e6": (
        QT_TRANSLATE_NOOP("Profiles", "ICH E6 (GCP)"),
        QT_TRANSLATE_NOOP("Profiles", "ICH E6 Guideline for Good Clinical Practice"),
    ),
    "us-45cfr46": (
        QT_TRANSLATE_NOOP("Profiles", "US: Common Rule (45 CFR 46)"),
        QT_TRANSLATE_NOOP(
            "Profiles", "Protection of Human Subjects, 45 CFR 46 (the Common Rule, 2018)"
        ),
    ),
    "us-21cfr56": (
        QT_TRANSLATE_NOOP("Profiles", "US: FDA (21 CFR 56)"),
        QT_TRANSLATE_NOOP("Profiles", "FDA Institutional Review Boards, 21 CFR 56"),
    ),
    "who-2011": (
        QT_TRANSLATE_NOOP("Profiles", "WHO (2011)"),
        QT_TRANSLATE_NOOP(
            "Profiles",
            "WHO Standards and Operational Guidance for Ethics Review of Health-Related "
            "Research with Human Participants (2011)",
        ),
    ),
}


def profile_name(profile_id: str) -> str:
    """A short name of the profile in the UI language; an unknown id is shown as it is."""
    texts = _PROFILES.get(profile_id)
    return QCoreApplication.translate("Profiles", str(texts[0])) if texts else profile_id


def profile_title(profile_id: str) -> str:
    """The full title of the profile's instrument in the UI language: the profile file's
    own title where the file is shipped, else the title above."""
    try:
        return load_profile(profile_id).title.pick(current_language())
    except UserError as exc:  # not shipped yet, or a broken file (which the rules report)
        log.debug("no title from profile %s: %s", profile_id, exc)
    texts = _PROFILES.get(profile_id)
    return QCoreApplication.translate("Profiles", str(texts[1])) if texts else profile_id


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
