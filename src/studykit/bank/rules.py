"""The bank format's fixed rules: file name, markers, field names, option counts, and the text
helpers the checks share (:func:`squash`, :func:`is_catch_all`, :func:`control_problem`)."""

from __future__ import annotations

import re

from .._lazy import lazy_pattern
from ..i18n import _

BANK_FILENAME = "question_bank.yaml"

#: Marker a choice stem carries where the answer goes: full-width parentheses around a space.
CHOICE_MARKER = "（ ）"
#: Marker of the blank in a fill_blank stem: four or more ASCII underscores.
BLANK_RE = re.compile(r"_{4,}")

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_WS_RE = re.compile(r"\s+")
# The patterns only checking a bank needs compile at their first use (studykit._lazy): a bank read
# from the cache, as grading reads it, never uses them.
LETTER_SEP_RE = lazy_pattern(r"[\s,，、;；]+")
#: Catch-all options a good item never uses ("all of the above" and kin).
_CATCH_ALL_RE = lazy_pattern(
    r"^(以上|上述)[^，。,.]{0,6}?(都|均|皆|全)?(是|对|正确|不是|不对|不正确|错误|都对|都不对)$"
    r"|^(都|均|全)(对|不对|是|不是|正确|错误|不正确)$"
)
#: An option that carries its own letter label ("A. …", "Ｂ、…"): studykit letters options itself.
#: Characters no document can hold (python-docx/lxml refuse them, Word and browsers drop them): C0
#: controls but tab and newline, DEL, and the noncharacters U+FFFE/U+FFFF.  YAML's double-quoted
#: escapes (``"\x01"``) let them past the YAML reader, which refuses them written raw.
_CONTROL_RE = lazy_pattern("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


#: Finds a CJK unified ideograph (U+4E00–U+9FFF); a getter like the patterns above.
IDEOGRAPH = lazy_pattern("[\u4e00-\u9fff]")


def control_problem(text: str) -> str | None:
    """``"contains the control character U+0001 (delete it; often a paste)"`` for the first
    character of ``text`` that no document can hold (see :data:`_CONTROL_RE`); ``None`` if none."""
    found = _CONTROL_RE().search(text)
    if found is None:
        return None
    if found.group() < "\x80":
        message = _("contains the control character U+{code:04X} (delete it; often a paste)")
    else:
        message = _("contains the noncharacter U+{code:04X} (delete it; often a paste)")
    return message.format(code=ord(found.group()))


LETTERED_RE = lazy_pattern(r"^[A-Fa-fＡ-Ｆａ-ｆ]\s*[.．、:：)）]")

TOP_FIELDS = {"bank", "speeches", "questions"}
BANK_FIELDS = {"id", "title", "provenance", "description"}
SPEECH_FIELDS = {"id", "speaker", "position", "heading", "material"}
QUESTION_FIELDS = {
    "id", "speech", "type", "stem", "options", "answer",
    "explanation", "source", "tags", "difficulty", "fact", "draft",
}  # fmt: skip
_QUESTION_REQUIRED = ("id", "speech", "type", "stem", "answer", "explanation", "source")
PROVENANCE_FIELDS = ("publication", "section", "title", "event", "date", "venue", "format", "series", "compiler")
#: Keys of the provenance file that record how the material was prepared; kept for people, not
#: read: ``compiler_credit`` (the credit line as printed), ``original_file`` and
#: ``original_sha256`` (the page as received), ``dropped_lines`` (lines left out when splitting
#: it), ``files`` (the material files made from it).  Any other key is a warning (a typo of a
#: field, or something studykit would silently ignore).
PROVENANCE_RECORD_KEYS = ("compiler_credit", "original_file", "original_sha256", "dropped_lines", "files")

MIN_OPTIONS, MAX_OPTIONS = 3, 6
#: Share of single-choice keys one letter may hold before a warning.
MAX_LETTER_SHARE = 0.40


def squash(text: str) -> str:
    """``text`` without any whitespace: how sources are matched to material ("whitespace aside")."""
    return _WS_RE.sub("", text)


def is_catch_all(option: str) -> bool:
    """Whether ``option`` is a catch-all such as 以上都是 / 以上都不对 (whitespace aside).

    ``check`` warns of one; a quiz keeps one last when it shuffles options."""
    return bool(_CATCH_ALL_RE().match(squash(option)))
