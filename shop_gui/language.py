"""The window's language: the computer's, not the shop's.

It follows the system locale unless this computer's settings name one
(File > Language, applied at the next start). English is the source
language; for another, the app's translation (shop_gui/translations/, built
from resources/translations/*.ts by ``make translations``) and Qt's own
(qtbase_xx.qm: the standard dialogs' buttons) are installed. Dates, numbers
and money then follow QLocale's default, set here to the chosen language.
"""

from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from shop_gui import local_settings

BUILT = Path(__file__).resolve().parent / "translations"
SOURCE_LANGUAGE = "en"
# Language code -> its own name, as the menu offers it.
LANGUAGES = {"en": "English", "ru": "Русский"}

_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def chosen_language(system: QLocale | None = None) -> str:
    """The saved choice, else the system's language if there is a translation, else English."""
    saved = local_settings.language()
    if saved in LANGUAGES:
        return saved
    code = (system or QLocale.system()).name().split("_")[0]
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The system's own locale when it speaks ``language`` (ru_KZ keeps
    Kazakhstan's ways), else the language's main one (ru -> ru_RU)."""
    system = system or QLocale.system()
    if system.name().split("_")[0] == language:
        return system
    return QLocale(language)


def app_translation(language: str) -> Path:
    return BUILT / f"shop_manager_{language}.qm"


def install(app: QCoreApplication, language: str | None = None) -> str:
    """Installs ``language`` (default: the chosen one) for the whole
    application; returns it."""
    global _current
    language = language or chosen_language()
    _current = language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    # English keeps the system's locale (1.234,50 € in Germany), as before translations.
    QLocale.setDefault(locale_for(language) if language != SOURCE_LANGUAGE else QLocale.system())
    qt_folder = _qt_translations()
    # English has a translation too: its plural forms only ("%n item(s)" -> 1 item, 2 items).
    files = [(str(app_translation(language)), "")]
    if language != SOURCE_LANGUAGE:
        files.append((f"qtbase_{language}", qt_folder))
    for path, folder in files:
        translator = QTranslator(app)
        if translator.load(path, folder) and app.installTranslator(translator):
            _installed.append(translator)
    return language


def _qt_translations() -> str:
    """Qt's own .qm files: where Qt says, else PySide6's folder (a bundle
    may not tell Qt where they are)."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if folder and Path(folder, "qtbase_ru.qm").exists():
        return folder
    import PySide6

    return str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")


def current() -> str:
    """The language installed now."""
    return _current


@contextmanager
def speaking(language: str | None):
    """Texts, dates and money made inside are in ``language``: the shop's,
    for its receipts and reports (ShopSettings.language), whatever the
    window's. The window's language is back afterwards."""
    app = QCoreApplication.instance()
    window_language = _current
    if not language or language == window_language or language not in LANGUAGES or app is None:
        yield
        return
    install(app, language)
    try:
        yield
    finally:
        install(app, window_language)
