"""Every user-facing message goes through :func:`_` (click's own convention).

``_(message)`` returns ``message`` translated into the interface language, looked up
in the gettext catalog ``studykit/locale/<lang>/LC_MESSAGES/studykit.mo`` shipped in
the package; with no catalog for that language the English ``message`` comes back
unchanged (``gettext.NullTranslations``).  The language is ``STUDYKIT_LANG`` if set
(``zh`` or ``en``), else ``zh`` when ``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` (the first
one set, as POSIX orders them) starts with ``zh``, else ``en``.

Source: the GNU gettext manual, "Locale Environment Variables" (the precedence
LC_ALL > LC_MESSAGES > LANG); Python's :mod:`gettext` (``translation(..., fallback=True)``).
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

DOMAIN = "studykit"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "zh")


def language() -> str:
    """The interface language, ``"zh"`` or ``"en"``, read from the environment on each call."""
    forced = os.environ.get("STUDYKIT_LANG", "").strip().lower()
    if forced in LANGUAGES:
        return forced
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


@cache
def _catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True)


def _(message: str) -> str:
    """``message`` (an English msgid) in the interface language; unchanged where no catalog has it."""
    return _catalog(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for count ``n``, in the interface language."""
    return _catalog(language()).ngettext(singular, plural, n)
