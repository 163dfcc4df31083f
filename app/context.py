"""The application context: what every action runs with, made once at start.

``main`` (the window) and the command line each make one ``AppContext`` — the database, who
acts, the language, the clock and the paths — and hand it to what they run: page controllers
and commands read through ``read`` (a deferred transaction that never waits behind a
writer) and change data through ``write`` (an IMMEDIATE transaction), calling read models
and services with the context's actor. Until accounts exist every action is the system's
(``SYSTEM``, set here and nowhere else). "Today" is the context's clock, so tests fix it
and no widget reads the computer's date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from app.paths import DataPaths
from app.services.actors import SYSTEM, Actor

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db import Database

P = ParamSpec("P")
T = TypeVar("T")
Clock = Callable[[], date]


@dataclass(frozen=True)
class AppContext:
    db: Database
    paths: DataPaths | None = None
    lang: str = "en"  # zh_CN or en: the UI's and the command line's language
    actor: Actor = SYSTEM
    clock: Clock = field(default=date.today)

    def today(self) -> date:
        return self.clock()

    def with_lang(self, lang: str) -> AppContext:
        return replace(self, lang=lang)

    def read(
        self, query: Callable[Concatenate[Session, P], T], /, *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """``query(session, *args, **kwargs)`` in a read scope: a read model's plain rows."""
        with self.db.read_scope() as session:
            return query(session, *args, **kwargs)

    def write(
        self,
        action: Callable[Concatenate[Session, Actor, P], T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """``action(session, actor, *args, **kwargs)`` in a write scope: one user action,
        committed when it returns, rolled back when it raises."""
        with self.db.write_scope() as session:
            return action(session, self.actor, *args, **kwargs)
