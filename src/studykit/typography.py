"""Text rules for printing article text to people (base layer: imports only studykit._lazy).

The article as published (and so ``material/`` and the bank's ``source`` excerpts, which
must match it verbatim) puts ASCII ``, ; : ( )`` between Chinese characters:
``现代化,是立足``, ``指出:“推进``, ``(文字整理/湖北日报全媒记者 周磊)``.  A Chinese page
sets them full-width.  :func:`for_print` is the one place that rule lives; every printer
(papers, 参考答案, 答题卡, handouts, Anki cards, reports) passes article and bank text
through it, while checking a ``source`` against its material file uses the text as read.

The rule (after GB/T 15834-2011 《标点符号用法》, which uses full-width marks in Chinese text):

* ``,`` ``;`` ``:`` become ``，`` ``；`` ``：`` when the characters on both sides are
  Chinese: a CJK ideograph, CJK or full-width punctuation (``。、《》「」（）…``), a
  Chinese quotation mark ``“ ” ‘ ’``, or the ``_`` of a blank ``____`` (it stands for the
  article's words: ``市域、____,为`` → ``市域、____，为``).  ``1,000``, ``3:00``, ``a, b`` and ``字, b`` are left alone;
* a pair ``( … )`` (no parenthesis inside) becomes ``（ … ）`` when a Chinese character
  stands just outside or just inside either parenthesis: ``记者 周磊)`` → ``记者 周磊）``,
  ``增长(GDP)是`` → ``增长（GDP）是``; ``f(x)`` is left alone;
* nothing else changes (full-width marks already in the text, spaces, ASCII text).
"""

from __future__ import annotations

import re
import unicodedata

from ._lazy import lazy_pattern

__all__ = ["display_width", "for_print", "is_chinese"]

#: Chinese characters for the rule: CJK radicals to unified ideographs (U+2E80–U+9FFF, which
#: includes CJK symbols and punctuation U+3000–U+303F), compatibility ideographs, vertical and
#: small forms, full-width forms (U+FF00–U+FFEF), the curly quotation marks and the ellipsis / dash
#: a Chinese text uses, and ``_`` (a paper's blank ``____`` stands for the article's words).
_CHINESE = "\u2e80-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef\u201c\u201d\u2018\u2019\u2026\u2014_"
#: (compiled at first use: each class of the CJK block costs ~1 ms to compile, and grading never prints)
_SEPARATOR_RE = lazy_pattern(f"(?<=[{_CHINESE}])[,;:](?=[{_CHINESE}])")
_PAIR_RE = re.compile(r"\(([^()]*)\)")
_CHINESE_RE = lazy_pattern(f"[{_CHINESE}]")
_FULL_WIDTH = {",": "，", ";": "；", ":": "："}


def is_chinese(char: str) -> bool:
    """Whether ``char`` (one character) counts as Chinese for :func:`for_print`."""
    return bool(_CHINESE_RE().fullmatch(char))


def for_print(text: str) -> str:
    """``text`` as printed for people: ASCII ``, ; : ( )`` in Chinese context full-width
    (the rule in the module docstring).  Same length as ``text``; idempotent."""
    if not text.isascii():
        # pairs first: a separator just after a pair turned full-width is then between Chinese
        # characters too (``(原文):要`` → ``（原文）：要``), and printing twice changes nothing
        text = _PAIR_RE.sub(lambda m: _pair(text, m), text)
        text = _SEPARATOR_RE().sub(lambda m: _FULL_WIDTH[m.group()], text)
    return text


def display_width(text: str) -> int:
    """``text``'s width in display columns: 2 for a wide or full-width character (CJK
    ideographs and punctuation, full-width forms: East Asian Width ``W``/``F``, Unicode
    UAX #11), 0 for a combining mark, 1 for anything else.  ``"9月17日"`` → 7."""
    width = 0
    for c in text:
        if unicodedata.combining(c):
            continue
        width += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return width


def _pair(text: str, match: re.Match[str]) -> str:
    """The parenthesised ``match`` full-width if a Chinese character touches either parenthesis."""
    start, end = match.span()
    inner = match.group(1)
    near = [text[start - 1] if start else "", text[end] if end < len(text) else "", inner[:1], inner[-1:]]
    if any(c and is_chinese(c) for c in near):
        return f"（{inner}）"
    return match.group()
