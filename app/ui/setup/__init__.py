"""Institution and committee setup: names, logo and seal, filing, number series, terms, and
the regulatory profile with SOP overrides checked live by the rules engine.

``CommitteeSettingsDialog`` is the screen (non-modal); ``app.ui.main_window`` opens it from
the committee switcher and the Settings page, and for "New committee…".
"""

from app.ui.setup.dialog import CommitteeSettingsDialog

__all__ = ["CommitteeSettingsDialog"]
