"""The exit codes of every ``ethicsdesk`` command (DESIGN.md section 5), defined here and
nowhere else: every command, ``shot`` and the argument parser included, returns these."""

from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEM = 1  # a problem found, a check that fails, or refused (nothing written)
EXIT_BAD_INPUT = 2  # bad input: an option, a file, an id that names nothing
EXIT_INTERRUPTED = 130  # interrupted (Ctrl-C): 128 + SIGINT, as shells report it
