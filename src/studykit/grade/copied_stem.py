"""An answer written as a copy of its stem: a choice's letter inside the stem's last brackets, or
a fill_blank stem written out whole with its blank filled in (what :mod:`studykit.grade.normalize`
reads before giving up on an answer)."""

from __future__ import annotations

import re

from .._lazy import lazy_pattern
from ..text import blank_form, clean

#: The last bracket of a line, at its end (after NFKC): ``…的(C)``, ``…认可。( 对 )。``.
_LAST_BRACKET = lazy_pattern(r"^(.*)\(\s*([^()]{0,40}?)\s*\)[\s。.]*$", re.S)
_BLANK_MARK = re.compile(r"_{2,}")
#: A bracket pair and what it holds (after NFKC).
_BRACKET = lazy_pattern(r"\(([^()]{0,40})\)")
#: A character :func:`blank_form` keeps as it is, put after a text so that its trailing punctuation stays.
_KEPT = "一"


def bracketed_in_stem(cleaned: str, stem: str) -> str | None:
    """What a member wrote inside the brackets of a stem they copied (``导语指出，……的（C）`` → ``C``;
    ``""`` when they left the brackets empty, as on the paper), or ``None`` when ``cleaned`` is no
    such copy: the text before the brackets must be four characters or more of the stem, in order
    (an elided ``……`` aside).  Where the stem's brackets stand inside it (``要坚持以（　　）为导向。``),
    the text after the member's brackets must be the stem's after its own (``要坚持以（C）为导向。``)."""
    m = _LAST_BRACKET().match(cleaned)
    if not m:
        return _inside_stem(cleaned, stem)
    before = blank_form(m.group(1)).replace("…", "").replace("...", "")
    return m.group(2).strip() if len(before) >= 4 and in_order(before, blank_form(stem)) else None


def _inside_stem(cleaned: str, stem: str) -> str | None:
    """What a member wrote inside the brackets of a copied stem whose brackets are not at its end."""
    marks = list(_BRACKET().finditer(clean(stem)))
    if not marks or marks[-1].group(1).strip():
        return None
    after = blank_form(clean(stem)[marks[-1].end() :])
    if not after:
        return None
    for m in _BRACKET().finditer(cleaned):
        before = blank_form(cleaned[: m.start()]).replace("…", "").replace("...", "")
        if blank_form(cleaned[m.end() :]) == after and len(before) >= 4 and in_order(before, blank_form(stem)):
            return m.group(1).strip()
    return None


def filled_stem(cleaned: str, stem: str) -> str | None:
    """The blank of a fill_blank stem a member wrote out whole (``来自省内外的多位专家学者……研讨。`` for
    ``来自____的多位专家学者……研讨。`` → ``省内外``), ``""`` when they wrote it out with the blank left
    empty (``____`` or nothing between the words around it), ``None`` when ``cleaned`` is no such copy:
    the text must begin with the words before the stem's one blank and end with those after it (four
    characters or more in all), in :func:`blank_form`."""
    parts = _BLANK_MARK.split(stem)
    if len(parts) != 2:
        return None
    # the words before the blank keep their last punctuation (文教重镇、____): blank_form would drop it,
    # and the blank would be read as ``、科技硬核``
    head, tail = blank_form(parts[0] + _KEPT)[: -len(_KEPT)], blank_form(parts[1])
    form = blank_form(cleaned)
    if len(head) + len(tail) < 4 or len(form) < len(head) + len(tail):
        return None
    if not (form.startswith(head) and form.endswith(tail)):
        return None
    filled = form[len(head) : len(form) - len(tail)].strip("_")
    ending = clean(parts[1]).strip()  # ……必须是____。 then 依法治理: the blank left, its text after the stem
    return filled[len(ending) :].strip("_") if not tail and ending and filled.startswith(ending) else filled


#: The longest answer read after a copied stem (a blank's text, a choice's letters or option text).
_LONGEST_AFTER = 40


def after_stem(cleaned: str, stem: str) -> str | None:
    """What a member wrote after a stem they copied whole with its blank left as printed (``…的（　　）B`` →
    ``B``; ``…而____是省域治理的重要落点。大都市`` → ``大都市``), or ``None`` when ``cleaned`` is no such copy: once
    the blanks are taken out, the text must begin with the whole stem (in :func:`blank_form`, eight characters or
    more) and hold at most :data:`_LONGEST_AFTER` characters after it."""
    bare = blank_form(_BLANK_OR_BRACKETS.sub("", clean(stem)))
    if len(bare) < 8 or len(cleaned) <= len(bare):
        return None
    for cut in range(1, min(_LONGEST_AFTER, len(cleaned)) + 1):
        if blank_form(_BLANK_OR_BRACKETS.sub("", cleaned[:-cut])) == bare:
            return cleaned[-cut:].strip() or None
    return None


#: A blank as a paper prints it, after NFKC: underscores, empty brackets.
_BLANK_OR_BRACKETS = re.compile(r"_{2,}|\(\s*\)")


def in_order(form: str, option: str) -> bool:
    """Whether the characters of ``form`` appear in ``option`` in the same order."""
    rest = iter(option)
    return all(c in rest for c in form)
