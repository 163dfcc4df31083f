"""The two table-model bases every list of the application is built on.

- ``ListModel``: a list held in memory (a person's courses, a committee's findings, an
  import's rows). Subclasses name their columns (``headers``, translated through their own
  ``self.tr`` so each keeps its translation context) and say what a cell shows
  (``display``, ``decoration``, ``tooltip``, ``foreground`` …); the base answers Qt, offers
  ``SORT_ROLE`` (dates as dates), ``ID_ROLE`` (the record's id) and ``ROW_ROLE`` (the row
  itself), and sorts by ``sort_key`` when the view asks, strings in the UI language's
  collation (pinyin order for Chinese).
- ``PagedModel``: a list that grows without bound, read from a read model one page at a
  time (``fetchMore``), by keyset. Search, filters and sorting belong to the query, never to
  a proxy over the rows read so far: a change of any of them reads again from the first
  page. Subclasses give ``count`` and ``fetch_page`` and map columns to the read model's
  sorts (``sort_name``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3


class ListModel(QAbstractTableModel):
    SORT_ROLE = SORT_ROLE
    ID_ROLE = ID_ROLE
    ROW_ROLE = ROW_ROLE

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    # --- what subclasses say ---------------------------------------------------------------

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def display(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row: Any, column: int) -> Any:
        return self.display(row, column)

    def decoration(self, row: Any, column: int) -> Any:
        return None

    def tooltip(self, row: Any, column: int) -> str | None:
        return None

    def foreground(self, row: Any, column: int) -> Any:
        return None

    def background(self, row: Any, column: int) -> Any:
        return None

    def font(self, row: Any, column: int) -> Any:
        return None

    def header_tooltip(self, section: int) -> str | None:
        return None

    def row_id(self, row: Any) -> Any:
        return getattr(row, "id", None)

    # --- the rows ----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted_by is not None:
            self._rows.sort(key=self._key_of(self._sorted_by[0]), reverse=self._descending())
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, number: int) -> Any:
        return self._rows[number]

    def row_of(self, ident: Any) -> int | None:
        """The row whose ``row_id`` is ``ident``."""
        return next((i for i, r in enumerate(self._rows) if self.row_id(r) == ident), None)

    # --- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tooltip(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decoration(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(row, column)
        if role == Qt.ItemDataRole.FontRole:
            return self.font(row, column)
        if role == SORT_ROLE:
            return self.sort_key(row, column)
        if role == ID_ROLE:
            return self.row_id(row)
        if role == ROW_ROLE:
            return row
        return None

    # --- sorting -----------------------------------------------------------------------------

    def _descending(self) -> bool:
        return self._sorted_by is not None and self._sorted_by[1] == Qt.SortOrder.DescendingOrder

    def _key_of(self, column: int) -> Any:
        collator = QCollator(QLocale())
        collator.setNumericMode(True)

        def compare(a: Any, b: Any) -> int:
            if isinstance(a, str) and isinstance(b, str):
                return collator.compare(a, b)
            if isinstance(a, tuple) and isinstance(b, tuple):
                for x, y in zip(a, b, strict=False):
                    found = compare(x, y)
                    if found:
                        return found
                return (len(a) > len(b)) - (len(a) < len(b))
            try:
                return (a > b) - (a < b)
            except TypeError:
                return compare(str(a), str(b))

        cmp = functools.cmp_to_key(compare)
        return lambda row: cmp(self.sort_key(row, column))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            self._sorted_by = None
            return
        self.layoutAboutToBeChanged.emit()
        self._sorted_by = (column, order)
        persistent = self.persistentIndexList()
        before = [(index, self._rows[index.row()]) for index in persistent]
        self._rows.sort(key=self._key_of(column), reverse=self._descending())
        position = {id(row): i for i, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            [index for index, _ in before],
            [self.index(position[id(row)], index.column()) for index, row in before],
        )
        self.layoutChanged.emit()


class PagedModel(ListModel):
    """Rows read from a read model a page at a time (keyset paging).

    Subclasses implement ``count()`` (how many rows the query finds) and
    ``fetch_page(after, limit) -> (rows, next_after)`` (None: no more), and ``sort_name``
    (the read model's sort for a column, or None when the column does not sort). Any change
    of the query — search, filters, sort — calls ``reload``.
    """

    page_size = 100

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._next_after: Any = None
        self._total = 0
        self._fetching = False  # a page is being inserted: no second fetch inside it
        self.sort_column = -1
        self.descending = False

    def count(self) -> int:
        raise NotImplementedError

    def fetch_page(self, after: Any, limit: int) -> tuple[Sequence[Any], Any]:
        raise NotImplementedError

    def sort_name(self, column: int) -> str | None:
        return None

    def can_load(self) -> bool:
        """Whether there is a query at all (a model with no committee shows nothing)."""
        return True

    @property
    def total(self) -> int:
        """How many rows the query finds, read or not yet."""
        return self._total

    def reload(self) -> None:
        """Read again from the first page."""
        self.beginResetModel()
        self._rows = []
        self._next_after = None
        self._total = 0
        if self.can_load():
            self._total = self.count()
            rows, self._next_after = self.fetch_page(None, self.page_size)
            self._rows = list(rows)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next_after is not None and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True  # views (and Qt's model tester) may ask again from a signal
        try:
            rows, following = self.fetch_page(self._next_after, self.page_size)
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
            self._next_after = following
        finally:
            self._fetching = False

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the query's: remember the column and read again."""
        name = self.sort_name(column) if column >= 0 else None
        column = column if name is not None else -1
        descending = order == Qt.SortOrder.DescendingOrder and column >= 0
        if (column, descending) == (self.sort_column, self.descending):
            return
        self.sort_column, self.descending = column, descending
        self.reload()

    def current_sort(self) -> str:
        """The read model's sort now in use ("default" when no column is sorted)."""
        name = self.sort_name(self.sort_column) if self.sort_column >= 0 else None
        return name or "default"
