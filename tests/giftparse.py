"""A small GIFT reader for tests, after Moodle's importer (``question/format/gift/format.php``).

Reads what the tests need to check studykit's GIFT back: ``$CATEGORY:`` lines, ``//``
comments, ``::name::``, the question text up to the unescaped ``{`` with its text format
prefix (``[plain]``, ``[html]``, ``[moodle]``, ``[markdown]``; none is ``moodle``, as
``parse_text_with_format`` reads it), and in the answer block ``=``/``~`` answers with
``%weight%`` (read after ``~`` and, in a short answer, after ``=``, as Moodle's
``$giftanswerweightregex`` does) and ``#feedback``, ``TRUE``/``FALSE``, and the general
feedback after ``####``.  A backslash escapes the next character; ``\\n`` is a line break.
Anything else raises ``ValueError`` (the test fails loudly).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Moodle's ``$giftanswerweightregex``: a weight at the start of an answer.
WEIGHT_RE = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
#: The text formats a ``[name]`` prefix may give (``format_name_to_const``).
FORMATS = ("moodle", "html", "plain", "markdown")


@dataclass
class GiftAnswer:
    text: str
    correct: bool  # "=" answer, or a positive weight
    weight: float | None  # percent, None without %…%
    feedback: str = ""


@dataclass
class GiftQuestion:
    category: str
    name: str
    text: str
    kind: str  # "truefalse" or "choice" (answers given)
    truth: bool | None = None
    answers: list[GiftAnswer] = field(default_factory=list)
    general_feedback: str = ""
    text_format: str = "moodle"  # of the question text, its answers and feedback


def _split(text: str, marks: str) -> list[tuple[str, str]]:
    """``text`` cut before each unescaped character of ``marks``: ``[(mark or "", raw piece)]``;
    escapes are kept (``\\~`` stays two characters) for :func:`unescape`."""
    pieces: list[tuple[str, str]] = [("", "")]
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            mark, raw = pieces[-1]
            pieces[-1] = (mark, raw + text[i : i + 2])
            i += 2
            continue
        if c in marks:
            pieces.append((c, ""))
        else:
            mark, raw = pieces[-1]
            pieces[-1] = (mark, raw + c)
        i += 1
    return pieces


def unescape(raw: str) -> str:
    """GIFT text as written: ``\\n`` a line break, ``\\X`` the character X."""
    out: list[str] = []
    i = 0
    while i < len(raw):
        if raw[i] == "\\" and i + 1 < len(raw):
            out.append("\n" if raw[i + 1] == "n" else raw[i + 1])
            i += 2
        else:
            out.append(raw[i])
            i += 1
    return "".join(out)


def _unescaped(text: str, target: str, start: int = 0) -> int:
    """Index of the first unescaped ``target`` at or after ``start``, or -1."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(target, i):
            return i
        i += 1
    return -1


def _answers(block: str) -> tuple[str, list[GiftAnswer], bool | None]:
    """The answer block (between the braces): general feedback, answers, truth (true/false)."""
    at = _unescaped(block, "####")
    general = unescape(block[at + 4 :].strip()) if at >= 0 else ""
    body = block[:at] if at >= 0 else block
    if body.strip() in ("TRUE", "FALSE", "T", "F"):
        return general, [], body.strip().startswith("T")
    answers: list[GiftAnswer] = []
    pieces = _split(body, "~=")
    if pieces[0][1].strip():
        raise ValueError(f"text before the first answer: {pieces[0][1]!r}")
    for mark, raw in pieces[1:]:
        weight: float | None = None
        raw = raw.strip()
        # Moodle reads a weight after ~, and after = only in a short answer (no ~ in the block)
        if WEIGHT_RE.match(raw) and (mark == "~" or not any(m == "~" for m, _ in pieces)):
            end = raw.index("%", 1)
            weight = float(raw[1:end])
            raw = raw[end + 1 :]
        feedback_at = _unescaped(raw, "#")
        feedback = unescape(raw[feedback_at + 1 :].strip()) if feedback_at >= 0 else ""
        raw = raw[:feedback_at] if feedback_at >= 0 else raw
        correct = mark == "=" or (weight is not None and weight > 0)
        answers.append(GiftAnswer(unescape(raw.strip()), correct, weight, feedback))
    return general, answers, None


def parse(text: str) -> list[GiftQuestion]:
    """Every question of a GIFT file, with the category in force where it stands."""
    questions: list[GiftQuestion] = []
    category = ""
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line for line in block.split("\n") if line.strip() and not line.lstrip().startswith("//")]
        if not lines:
            continue
        source = "\n".join(lines).strip()
        if source.startswith("$CATEGORY:"):
            category = source.removeprefix("$CATEGORY:").strip()
            continue
        name = ""
        if source.startswith("::"):
            end = _unescaped(source, "::", 2)
            if end < 0:
                raise ValueError(f"unclosed name in {source[:40]!r}")
            name, source = unescape(source[2:end]), source[end + 2 :]
        opening = _unescaped(source, "{")
        closing = len(source) - 1
        if opening < 0 or source[closing] != "}":
            raise ValueError(f"no answer block in {source[:40]!r}")
        general, answers, truth = _answers(source[opening + 1 : closing])
        kind = "truefalse" if truth is not None else "choice"
        text, text_format = source[:opening].strip(), "moodle"
        if text.startswith("[") and text[1 : text.find("]")] in FORMATS:
            text_format, text = text[1 : text.find("]")], text[text.find("]") + 1 :]
        questions.append(
            GiftQuestion(category, name, unescape(text.strip()), kind, truth, answers, general, text_format)
        )
    return questions
