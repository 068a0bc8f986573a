"""Every user-facing message goes through :func:`_` (click's own convention).

``_(message)`` returns ``message`` translated into the interface language, looked up
in the gettext catalog ``studykit/locale/<lang>/LC_MESSAGES/studykit.mo`` shipped in
the package; with no catalog for that language the English ``message`` comes back
unchanged (``gettext.NullTranslations``).  The language is ``STUDYKIT_LANG`` if set
(``zh`` or ``en``, or a locale name such as ``zh_CN.UTF-8``), else ``zh`` when ``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` (the first
one set, as POSIX orders them) starts with ``zh``; with none of them set (as on Windows),
``zh`` when Windows' display language is Chinese; else ``en``.

Source: the GNU gettext manual, "Locale Environment Variables" (the precedence
LC_ALL > LC_MESSAGES > LANG); Python's :mod:`gettext` (``translation(..., fallback=True)``);
Microsoft's ``GetUserDefaultUILanguage`` and the LANGID layout (primary language in the low
10 bits, ``LANG_CHINESE`` = 0x04).
"""

from __future__ import annotations

import errno
import gettext
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

DOMAIN = "studykit"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "zh")


#: The language :func:`speaking` sets for the messages made inside it (``None``: the interface's).
_SPOKEN: ContextVar[str | None] = ContextVar("studykit_spoken", default=None)


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Messages made inside the block are in ``lang`` (``"zh"`` or ``"en"``), whatever the
    interface language: for text that goes into a document with a language of its own, such as
    a grade report (always Chinese).  Raises :class:`ValueError` for another language."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (expected one of {', '.join(LANGUAGES)})")
    token = _SPOKEN.set(lang)
    try:
        yield
    finally:
        _SPOKEN.reset(token)


def language() -> str:
    """The interface language, ``"zh"`` or ``"en"``, read from the environment on each call
    (inside :func:`speaking`, the language it names)."""
    spoken = _SPOKEN.get()
    if spoken is not None:
        return spoken
    forced = os.environ.get("STUDYKIT_LANG", "").strip().lower()
    for lang in LANGUAGES:  # zh, or a locale name as LANG spells it: zh_CN, zh-CN, zh_CN.UTF-8
        if forced == lang or forced.startswith((f"{lang}_", f"{lang}-", f"{lang}.")):
            return lang
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "zh" if _windows_ui_language() == _LANG_CHINESE else "en"


#: Windows' primary language id of Chinese (LANG_CHINESE in winnt.h), the low 10 bits of a LANGID.
_LANG_CHINESE = 0x04


def _windows_ui_language() -> int | None:
    """The primary language id of the Windows user's display language (``GetUserDefaultUILanguage``),
    or ``None`` elsewhere: a Chinese Windows sets none of the POSIX locale variables."""
    if sys.platform != "win32":
        return None
    import ctypes

    windll = getattr(ctypes, "windll")  # noqa: B009 - exists on Windows only
    return int(windll.kernel32.GetUserDefaultUILanguage()) & 0x3FF


@cache
def _catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True)


def _(message: str) -> str:
    """``message`` (an English msgid) in the interface language; unchanged where no catalog has it."""
    return _catalog(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for count ``n``, in the interface language."""
    return _catalog(language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` translated in ``context`` (a msgctxt, for a short msgid that means one thing here)."""
    return _catalog(language()).pgettext(context, message)


def type_name(qtype: str) -> str:
    """A question type's name in a message: the YAML value itself in English (``single``), the
    name a paper prints in Chinese (``单选``); an unknown ``qtype`` comes back unchanged."""
    names = {
        "single": pgettext("question type", "single"),
        "multiple": pgettext("question type", "multiple"),
        "true_false": pgettext("question type", "true_false"),
        "fill_blank": pgettext("question type", "fill_blank"),
    }
    return names.get(qtype, qtype)


def join(items: Iterable[str]) -> str:
    """``items`` as a list in a message: ``a, b, c`` in English, ``a、b、c`` in Chinese."""
    # Translators: the separator between the members of a list inside a message
    return pgettext("list separator", ", ").join(items)


def either(items: Iterable[str]) -> str:
    """``items`` as alternatives in a message: ``a or b`` in English, ``a 或 b`` (``a、b 或 c``) in Chinese."""
    *first, last = items
    if not first:
        return last
    # Translators: before the last of several alternatives inside a message ("a, b or c")
    return join(first) + pgettext("list separator", " or ") + last


def decode_reason(reason: str) -> str:
    """Why bytes could not be decoded (``UnicodeDecodeError.reason``, or the text of a codec's
    ``UnicodeError``) for a message: unchanged in English, the common reasons of CPython's UTF-8,
    UTF-16 and CJK codecs in Chinese (another reason comes back unchanged)."""
    if language() == "en":
        return reason
    reasons = {
        "invalid start byte": pgettext("codec", "invalid start byte"),
        "invalid continuation byte": pgettext("codec", "invalid continuation byte"),
        "unexpected end of data": pgettext("codec", "unexpected end of data"),
        "illegal multibyte sequence": pgettext("codec", "illegal multibyte sequence"),
        "incomplete multibyte sequence": pgettext("codec", "incomplete multibyte sequence"),
        "truncated data": pgettext("codec", "truncated data"),
        "illegal encoding": pgettext("codec", "illegal encoding"),
        "UTF-16 stream does not start with BOM": pgettext("codec", "UTF-16 stream does not start with BOM"),
    }
    return reasons.get(reason, reason)


def os_reason(exc: OSError) -> str:
    """Why a file could not be read or written, for a message: the system's own words
    (``exc.strerror``) in English, the common causes by their ``errno`` in Chinese."""
    if language() == "en":
        return exc.strerror or str(exc)
    reasons = {
        errno.ENOENT: _("No such file or directory"),
        errno.EACCES: _("Permission denied (the file may be read-only or open in another program)"),
        errno.EPERM: _("Operation not permitted"),
        errno.EISDIR: _("Is a directory"),
        errno.ENOTDIR: _("Not a directory"),
        errno.ENOSPC: _("No space left on device"),
        errno.EDQUOT: _("Disk quota exceeded"),
        errno.EFBIG: _("File too large"),
        errno.EIO: _("Input/output error"),
        errno.EROFS: _("Read-only file system"),
        errno.EEXIST: _("File exists"),
        errno.ENAMETOOLONG: _("File name too long"),
        errno.EBUSY: _("Device or resource busy"),
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))
