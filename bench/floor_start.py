"""The start-up floor of this stack: a PySide6 window, ``import sqlalchemy.orm``, one query, a grab.

A PySide6 main window shown offscreen, SQLAlchemy's ORM imported, one query on an SQLite
file, a grab saved, exit: the least any app on this stack does to start and show a window.
``bench/startup.py`` times the app's start against it. This is a copy of the stack's
``/work/shared/bench/floor_start.py`` (the same statements, formatted), so that the
repository stands alone; keep the two in step.

Usage: floor_start.py DB_FILE OUT.png
"""

# The imports in the shared floor's order: Qt, then SQLAlchemy.
# isort: off
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QLabel, QVBoxLayout, QWidget
import sqlalchemy
import sqlalchemy.orm  # the ORM import is part of the floor
# isort: on

app = QApplication(sys.argv[:1])
engine = sqlalchemy.create_engine(f"sqlite:///{sys.argv[1]}")
with engine.connect() as conn:
    n = conn.exec_driver_sql("select count(*) from sqlite_master").scalar()
win = QMainWindow()
box = QWidget()
lay = QVBoxLayout(box)
lay.addWidget(QLabel(f"伦理审查委员会 {n}"))
lay.addWidget(QTableView())
win.setCentralWidget(box)
win.resize(1280, 800)
win.show()
app.processEvents()
win.grab().save(sys.argv[2])
