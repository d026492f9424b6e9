"""The interface language: Qt translators, the locale for numbers and dates, month names.

RevOrg's own strings are in `revorg/translations/revorg_<lang>.ts` (edited with Qt Linguist,
updated from the code with `scripts/translations`); `scripts/setup` compiles them to `.qm` with
`pyside6-lrelease`. Qt's own strings (standard buttons, file and print dialogs) come from the
`qtbase_<lang>.qm` files that ship with PySide6.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from revorg.model.months import YearMonth

TRANSLATIONS_FOLDER = Path(__file__).resolve().parent.parent / "translations"

# Language code: its name in itself (shown in Preferences, so a user can find their own).
LANGUAGE_NAMES = {"en": "English", "es": "Español", "zh": "中文（简体）"}
SUPPORTED_LANGUAGES = tuple(LANGUAGE_NAMES)

# The locale of a language when the system's locale speaks another one.
_DEFAULT_LOCALES = {
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
    "es": QLocale(QLocale.Language.Spanish, QLocale.Country.Spain),
    "zh": QLocale(QLocale.Language.Chinese, QLocale.Country.China),
}
_QT_FILE_SUFFIX = {"es": "es", "zh": "zh_CN"}  # Qt's own catalogue names

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators


def language_of(locale: QLocale) -> str:
    """The supported language closest to a locale (English for any other)."""
    code = locale.name().split("_")[0]
    return code if code in LANGUAGE_NAMES else "en"


def system_language() -> str:
    return language_of(QLocale.system())


def choose_language(requested: str | None, saved: str | None) -> str:
    """--lang first, then Preferences, then the system's language."""
    for candidate in (requested, saved):
        if candidate in LANGUAGE_NAMES:
            return candidate
    return system_language()


def locale_for(language: str) -> QLocale:
    """The system locale when it speaks `language` (keeps es_MX, zh_TW number habits)."""
    system = QLocale.system()
    if language_of(system) == language and system.name() not in ("C", "en_US_POSIX"):
        return system
    return _DEFAULT_LOCALES.get(language, _DEFAULT_LOCALES["en"])


def translation_file(language: str) -> Path:
    return TRANSLATIONS_FOLDER / f"revorg_{language}.qm"


def apply_language(language: str) -> QLocale:
    """Install the translators and the default locale for `language`; returns the locale.

    Safe to call again: the translators of the previous language are removed first.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        # Only the plural forms of counts ("1 position", "2 positions"); without it the
        # source text is shown ("1 positions").
        _install(app, translation_file("en").stem, str(TRANSLATIONS_FOLDER))
    else:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        _install(app, f"qtbase_{_QT_FILE_SUFFIX[language]}", qt_folder)
        if not _install(app, translation_file(language).stem, str(TRANSLATIONS_FOLDER)):
            # Only when the build step did not run: say so rather than half-translate silently.
            print(
                f"warning: {translation_file(language)} is missing; run scripts/setup "
                "(it compiles the translations)",
                flush=True,
            )
    locale = locale_for(language)
    QLocale.setDefault(locale)
    return locale


def _install(app: QCoreApplication, name: str, folder: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(name, folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def month_name(month: int, locale: QLocale | None = None) -> str:
    """Short month name in the locale: "Mar", "mar", "3月"."""
    return (locale or QLocale()).standaloneMonthName(month, QLocale.FormatType.ShortFormat)


def month_label(year_month: YearMonth, locale: QLocale | None = None) -> str:
    """A month of a year as people of the locale write it: "Mar 2027", "mar 2027", "2027年3月"."""
    locale = locale or QLocale()
    if locale.language() in (QLocale.Language.Chinese, QLocale.Language.Japanese):
        return f"{year_month.year}年{year_month.month}月"
    return f"{month_name(year_month.month, locale)} {year_month.year}"


_PLACE_MARKER = re.compile(r"%(\d)")


def fill(text: str, *values: object) -> str:
    """Qt-style placeholders: "%1 of %2" with values in order (one pass, so a value that
    itself contains "%2" stays as it is)."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACE_MARKER.sub(value, text)


def translate(context: str, source: str) -> str:
    """`source` in the interface language. lupdate finds these calls by name, and only with
    two literal arguments: fill in values with `fill(translate(...), ...)`."""
    return QCoreApplication.translate(context, source)
