"""The commands, kept importable from here for scripts and the window:
they are defined in ``core.messages.commands``."""

from core.messages.commands import *  # noqa: F403
