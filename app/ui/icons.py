"""Icons shipped in resources/icons (SVG, drawn for EthicsDesk)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon

from app.errors import ResourceMissing
from app.resources import resource_path

log = logging.getLogger(__name__)


def icon(name: str) -> QIcon:
    """The icon ``name`` (without .svg); an empty icon, logged, if it is missing."""
    try:
        return QIcon(str(resource_path("icons", f"{name}.svg")))
    except ResourceMissing as exc:
        log.warning("icon missing: %s", exc)
        return QIcon()
