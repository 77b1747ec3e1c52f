"""Settings of this computer, not of the shop: kept with QSettings in the
user's shop-manager.ini (~/.config/shop-manager/ on Linux and macOS,
%APPDATA%/shop-manager/ on Windows), never in the shop's database, which
several tills may share. (An .ini file everywhere, not the registry or a
.plist: tests point QSettings.setPath at a folder of their own.)"""

from PySide6.QtCore import QSettings

ORGANIZATION = APPLICATION = "shop-manager"

IDLE_SIGN_OUT_KEY = "staff/idleSignOutMinutes"
# Ten minutes: longer than any pause in a sale (a customer fetching a card,
# a price check), short enough that a till left signed in over a break is
# locked before someone else sells under that name. 0 means never.
DEFAULT_IDLE_SIGN_OUT_MINUTES = 10
MAX_IDLE_SIGN_OUT_MINUTES = 24 * 60


def _settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def idle_sign_out_minutes() -> int:
    """Minutes without a key press or click before this till signs its
    person out (0: never). A damaged value reads as the default."""
    value = _settings().value(IDLE_SIGN_OUT_KEY, DEFAULT_IDLE_SIGN_OUT_MINUTES)
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        return DEFAULT_IDLE_SIGN_OUT_MINUTES
    return minutes if 0 <= minutes <= MAX_IDLE_SIGN_OUT_MINUTES else DEFAULT_IDLE_SIGN_OUT_MINUTES


def set_idle_sign_out_minutes(minutes: int) -> None:
    settings = _settings()
    settings.setValue(IDLE_SIGN_OUT_KEY, int(minutes))
    settings.sync()


def keep_in(folder: str) -> None:
    """Keep this process's computer settings in ``folder`` instead (a smoke
    test, a screenshot, a benchmark: they must not leave a window size or a
    parked order in the person's own settings)."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


def settings() -> QSettings:
    """This computer's settings, for what keeps its own keys (window_state.py)."""
    return _settings()


LANGUAGE_KEY = "ui/language"


def language() -> str:
    """The window's language chosen on this computer ("en", "ru"), or "" to follow the system."""
    value = _settings().value(LANGUAGE_KEY, "")
    return value if isinstance(value, str) else ""


def set_language(code: str) -> None:
    settings = _settings()
    settings.setValue(LANGUAGE_KEY, code)
    settings.sync()
