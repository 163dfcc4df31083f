"""The desktop interface: Qt widgets, pages and translations.

This is the only package that imports PySide6. ``app.cli`` imports it lazily, when the GUI
(or ``shot``) starts, so headless commands never load Qt. ``app.ui.main`` is the entry
point: ``run_gui`` for the real start, ``create_main_window`` for tests and screenshots.
"""
