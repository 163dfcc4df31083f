"""Finds the files shipped in ``resources/``, wherever EthicsDesk runs from.

- an installed wheel: ``app/resources`` (hatchling force-includes ``resources/`` there);
- a source checkout or editable install: ``<checkout>/resources``;
- a PyInstaller bundle: ``<sys._MEIPASS>/app/resources``.

``ETHICSDESK_RESOURCES`` overrides all three (tests use it). Every lookup is checked to stay
inside the resource root, so a name from a data file cannot reach elsewhere.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from app.errors import ResourceMissing

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resource_root() -> Path:
    override = os.environ.get("ETHICSDESK_RESOURCES")
    candidates: list[Path] = []
    if override:
        candidates.append(Path(override))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "app" / "resources")
    candidates += [_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"]
    for candidate in candidates:
        if (candidate / "MANIFEST").is_file():
            return candidate.resolve()
    raise ResourceMissing(
        "resources",
        f"no resource folder found (looked in {candidates})",
        zh=f"找不到资源文件夹（已查找：{candidates}），安装不完整",
    )


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource; raises ResourceMissing if it is not there."""
    root = resource_root()
    path = root.joinpath(*parts).resolve()
    if root != path and root not in path.parents:
        raise ResourceMissing(
            "/".join(parts),
            "resource name leaves the resource folder",
            zh="资源名称指向资源文件夹之外",
        )
    if not path.exists():
        raise ResourceMissing(
            "/".join(parts), "resource not found", zh="找不到该资源文件，安装不完整"
        )
    return path
