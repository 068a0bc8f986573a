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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, wraps
from pathlib import Path
from typing import ParamSpec

DOMAIN = "studykit"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "zh")
_P = ParamSpec("_P")


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
    """``message`` (an English msgid) in the interface language; unchanged where no catalog has it.
    Inside :func:`retellable`, a :class:`Message` that :func:`retell` can say in another language."""
    lang = language()
    text = _catalog(lang).gettext(message)
    if _RETELL.get():
        return Message(text, lambda other: _catalog(other).gettext(message), lang)
    return text


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for count ``n``, in the interface language
    (a :class:`Message` inside :func:`retellable`)."""
    lang = language()
    text = _catalog(lang).ngettext(singular, plural, n)
    if _RETELL.get():
        return Message(text, lambda other: _catalog(other).ngettext(singular, plural, n), lang)
    return text


def pgettext(context: str, message: str) -> str:
    """``message`` translated in ``context`` (a msgctxt, for a short msgid that means one thing here);
    a :class:`Message` inside :func:`retellable`."""
    lang = language()
    text = _catalog(lang).pgettext(context, message)
    if _RETELL.get():
        return Message(text, lambda other: _catalog(other).pgettext(context, message), lang)
    return text


#: Whether the messages made now can be said again in another language (:func:`retellable`).
_RETELL: ContextVar[bool] = ContextVar("studykit_retell", default=False)


@contextmanager
def retellable() -> Iterator[None]:
    """Messages made inside the block (by :func:`_`, :func:`ngettext`, :func:`pgettext` and what
    they are formatted, added and joined into) are :class:`Message` objects: text in the interface
    language, as ever, that :func:`retell` can also say in another.  For findings shown both on the
    console (the interface language) and in a document with a language of its own (a grade report,
    always Chinese).  Usable as a decorator (``@retellable()``)."""
    token = _RETELL.set(True)
    try:
        yield
    finally:
        _RETELL.reset(token)


def retelling() -> bool:
    """Whether messages made now are :class:`Message` objects (inside :func:`retellable`): a key of
    a cache of messages, beside the language."""
    return _RETELL.get()


def joined(separator: str, items: Iterable[str]) -> str:
    """``separator.join(items)``, the same in every language (``"; "`` between two warnings about one
    answer); inside :func:`retellable` a :class:`Message` that retells the items."""
    if _RETELL.get():
        return Message(separator, lambda _lang: separator, language()).join(items)
    return separator.join(items)


def retell(text: str, lang: str | None = None) -> str:
    """``text`` in ``lang`` (default: the current language, :func:`language`): a :class:`Message`
    made again from its msgids in that language's catalog, any other text as it is."""
    if isinstance(text, Message):
        return text.said_in(lang or language())
    return text


class Message(str):
    """A message made inside :func:`retellable`: to every reader a plain ``str``, its text in the
    language ``lang`` it was made in, which also knows how to say itself in another language
    (``say(lang)``, e.g. its msgid looked up in that catalog).  ``format``, ``+`` and ``join``
    keep that knowledge, saying their arguments in the same language (an argument that is not a
    Message, such as a file name, as it is); anything else (an f-string, ``%``) gives a plain
    ``str`` in the language it was made in, as every message was before.  Source of the pattern:
    lazy translation strings (Django's ``gettext_lazy``, Babel's ``LazyString``)."""

    say: Callable[[str], str]
    lang: str

    def __new__(cls, text: str, say: Callable[[str], str], lang: str) -> Message:
        self = super().__new__(cls, text)
        self.say, self.lang = say, lang
        return self

    def said_in(self, lang: str) -> str:
        """The message in ``lang`` (``"zh"`` or ``"en"``), a plain ``str``."""
        if lang == self.lang:
            return str.__str__(self)
        token = _RETELL.set(False)
        try:
            return self.say(lang)
        finally:
            _RETELL.reset(token)

    def format(self, *args: object, **kwargs: object) -> Message:
        say = self.say
        return Message(
            str.format(self, *args, **kwargs),
            lambda lang: say(lang).format(
                *(a.said_in(lang) if isinstance(a, Message) else a for a in args),
                **{k: v.said_in(lang) if isinstance(v, Message) else v for k, v in kwargs.items()},
            ),
            self.lang,
        )

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        """A copy (``copy``, ``pickle``) is the plain text."""
        return (str, (str.__str__(self),))

    def __add__(self, other: str) -> Message:
        return Message(str.__add__(self, other), lambda lang: self.said_in(lang) + retell(other, lang), self.lang)

    def __radd__(self, other: str) -> Message:
        return Message(str.__add__(other, self), lambda lang: retell(other, lang) + self.said_in(lang), self.lang)

    def join(self, items: Iterable[str]) -> Message:
        parts = list(items)
        return Message(
            str.join(self, parts), lambda lang: self.said_in(lang).join(retell(p, lang) for p in parts), self.lang
        )


def retold(function: Callable[_P, str]) -> Callable[_P, str]:
    """``function`` (making a message that depends on :func:`language` otherwise than through the
    catalog: an ``if language() == "en"``) returning, inside :func:`retellable`, a :class:`Message`
    that says itself in another language by calling ``function`` again inside :func:`speaking`."""

    @wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> str:
        text = function(*args, **kwargs)
        if not _RETELL.get():
            return text

        def say(lang: str) -> str:
            with speaking(lang):
                return function(*args, **kwargs)

        return Message(str(text), say, language())

    return wrapper


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


@retold
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


@retold
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
