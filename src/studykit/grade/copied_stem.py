"""An answer written as a copy of its stem: a choice's letter inside the stem's last brackets, or
a fill_blank stem written out whole with its blank filled in (what :mod:`studykit.grade.normalize`
reads before giving up on an answer)."""

from __future__ import annotations

import re

from .._lazy import lazy_pattern
from ..text import blank_form

#: The last bracket of a line, at its end (after NFKC): ``…的(C)``, ``…认可。( 对 )。``.
_LAST_BRACKET = lazy_pattern(r"^(.*)\(\s*([^()]{1,40}?)\s*\)[\s。.]*$", re.S)
_BLANK_MARK = re.compile(r"_{2,}")


def bracketed_in_stem(cleaned: str, stem: str) -> str:
    """What a member wrote inside the brackets of a stem they copied (``导语指出，……的（C）`` → ``C``),
    or "": the text before the brackets must be four characters or more of the stem, in order
    (an elided ``……`` aside)."""
    m = _LAST_BRACKET().match(cleaned)
    if not m:
        return ""
    before = blank_form(m.group(1)).replace("…", "").replace("...", "")
    return m.group(2) if len(before) >= 4 and in_order(before, blank_form(stem)) else ""


def filled_stem(cleaned: str, stem: str) -> str:
    """The blank of a fill_blank stem a member wrote out whole (``来自省内外的多位专家学者……研讨。`` for
    ``来自____的多位专家学者……研讨。`` → ``省内外``), or "": the text must begin with the words before the
    stem's one blank and end with those after it (four characters or more in all), in
    :func:`blank_form`."""
    parts = _BLANK_MARK.split(stem)
    if len(parts) != 2:
        return ""
    head, tail = blank_form(parts[0]), blank_form(parts[1])
    form = blank_form(cleaned)
    if len(head) + len(tail) < 4 or len(form) <= len(head) + len(tail):
        return ""
    if not (form.startswith(head) and form.endswith(tail)):
        return ""
    return form[len(head) : len(form) - len(tail)].strip("_")


def in_order(form: str, option: str) -> bool:
    """Whether the characters of ``form`` appear in ``option`` in the same order."""
    rest = iter(option)
    return all(c in rest for c in form)
