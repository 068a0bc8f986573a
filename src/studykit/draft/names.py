"""Stable ids from Chinese names: ``任剑涛`` → ``ren-jiantao``, ``欧阳康`` → ``ouyang-kang``.

Pinyin comes from pypinyin (its phrase dictionary, shipped in the wheel).  A surname is
read as a surname: the compound surnames and the surnames whose reading differs from the
character's common one (曾 zeng, 单 shan, 解 xie …) are listed in :mod:`studykit.collation`, after the usual
lists of 复姓 and 多音字姓氏 (GB/T 28039-2011 writes the surname apart from the given name).
"""

from __future__ import annotations

import re

# the lists of 复姓 and surnames read otherwise live with the name order of reports (one table for both)
from ..collation import COMPOUND_SURNAMES as COMPOUND_SURNAMES
from ..collation import SURNAME_READINGS as SURNAME_READINGS

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def pinyin_words(text: str) -> list[str]:
    """Toneless pinyin of the Han characters of ``text``, one word per character (ü as ``v``);
    Latin letters and digits are kept lowercased, anything else is left out."""
    from pypinyin import lazy_pinyin

    words: list[str] = []
    for word in lazy_pinyin(text, errors=lambda chars: " ".join(chars)):
        words.extend(w for w in (_NOT_SLUG.sub("", part.lower()) for part in word.split()) if w)
    return words


def name_slug(name: str) -> str:
    """The id of a speaker: surname, hyphen, given name (``任剑涛`` → ``ren-jiantao``); ``""`` if
    ``name`` has nothing to spell."""
    name = "".join(c for c in name if not c.isspace() and c != "·")
    surname = next((s for s in COMPOUND_SURNAMES if name.startswith(s) and len(name) > len(s)), name[:1])
    head = SURNAME_READINGS.get(surname) or "".join(pinyin_words(surname))
    given = "".join(pinyin_words(name[len(surname) :]))
    return "-".join(p for p in (head, given) if p)


def text_slug(text: str, *, limit: int = 40) -> str:
    """A lowercase id from any text (Han characters as pinyin initials, e.g. ``省域治理2020`` →
    ``syzl-2020``), at most ``limit`` characters; ``""`` if nothing is left."""
    from pypinyin import Style, lazy_pinyin

    parts: list[str] = []
    run = ""
    for chunk in re.findall(r"[\u3400-\u9fff]+|[A-Za-z0-9]+", text):
        if "\u3400" <= chunk[0] <= "\u9fff":
            run += "".join(lazy_pinyin(chunk, style=Style.FIRST_LETTER))
        else:
            if run:
                parts.append(run)
                run = ""
            parts.append(chunk.lower())
    if run:
        parts.append(run)
    slug = _NOT_SLUG.sub("-", "-".join(parts)).strip("-")
    return slug[:limit].strip("-")
