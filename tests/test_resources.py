"""Resources are found through one helper that stays inside the resource folder."""

from __future__ import annotations

import pytest

from app.errors import ResourceMissing
from app.resources import resource_path, resource_root


def test_manifest_is_found() -> None:
    assert resource_path("MANIFEST").read_text(encoding="utf-8").startswith("EthicsDesk resources")
    assert resource_root().is_dir()


@pytest.mark.parametrize(
    "name", [("..", "pyproject.toml"), ("rules", "..", "..", "README.md"), ("/etc/passwd",)]
)
def test_names_cannot_leave_the_resource_folder(name: tuple[str, ...]) -> None:
    with pytest.raises(ResourceMissing) as caught:
        resource_path(*name)
    assert "leaves the resource folder" in str(caught.value)


def test_missing_resource_is_a_clear_error() -> None:
    with pytest.raises(ResourceMissing) as caught:
        resource_path("rules", "no-such-profile.toml")
    assert str(caught.value) == "rules/no-such-profile.toml: resource not found"
