"""The events, kept importable from here for scripts and the window:
they are defined in ``core.messages.events``."""

from core.messages.events import *  # noqa: F403
