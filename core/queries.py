"""The queries and the values they return, kept importable from here for scripts and the window:
they are defined in ``core.messages.queries``."""

from core.messages.queries import *  # noqa: F403
