"""Every filesystem location EthicsDesk uses, decided in one place.

The data dir holds the database, backups and logs. It is, in order of precedence: the
``--data-dir`` option, the ``ETHICSDESK_DATA`` environment variable, the platform's user
data dir (platformdirs). The config dir holds the operating-system user's own preferences
(the language), which belong to the person at this computer, not to the shared database:
the ``ETHICSDESK_CONFIG`` environment variable, else the platform's user config dir.
Nothing else in the application builds a path of its own.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "EthicsDesk"
DATABASE_FILENAME = "ethicsdesk.db"
ENV_DATA_DIR = "ETHICSDESK_DATA"
ENV_CONFIG_DIR = "ETHICSDESK_CONFIG"
PREFERENCES_FILENAME = "preferences.json"


def default_data_dir() -> Path:
    """The data dir when no option says otherwise."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Where the user's preferences live."""
    env = os.environ.get(ENV_CONFIG_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def preferences_file() -> Path:
    return config_dir() / PREFERENCES_FILENAME


@dataclass(frozen=True)
class DataPaths:
    """The locations below one data dir."""

    root: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
        root = Path(data_dir).expanduser() if data_dir else default_data_dir()
        return cls(root.absolute())

    @property
    def database(self) -> Path:
        return self.root / DATABASE_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def database_url(self) -> str:
        return f"sqlite:///{self.database}"

    def ensure(self) -> None:
        """Create the data dir, readable by the owner alone (it holds sensitive data)."""
        for path in (self.root, self.backups, self.logs):
            path.mkdir(parents=True, exist_ok=True)
            # a shared or foreign file system may refuse: keep what it allows
            with contextlib.suppress(OSError):
                path.chmod(0o700)
