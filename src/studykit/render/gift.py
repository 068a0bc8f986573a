"""The paper in Moodle's GIFT format.

Rules followed, from Moodle's GIFT documentation (https://docs.moodle.org/en/GIFT_format)
and its importer/exporter (``question/format/gift/format.php``):

* "Multiple Choice … wrong answers are prefixed with a tilde (~) and the correct answer
  is prefixed with an equal sign (=)": ``Stem{=right ~wrong}``; "Percentage answer
  weights immediately follow the tilde … and are enclosed in percent signs":
  ``~%33.33333%right``; "True-False: ``…{TRUE}``/``{FALSE}``"; "Short-Answer:
  ``…{=no one =nobody}``" (every ``=`` answer is accepted);
* "Answer feedback is indicated with hash mark (#)"; the question's general feedback
  is ``####text`` just before the closing brace (``write_general_feedback``);
* the question text may start with its format, ``[plain]``, ``[html]``, ``[moodle]`` or
  ``[markdown]``; without one it is ``moodle`` (moodle_auto_format, HTML allowed), and the
  answers and general feedback take the question text's format (``parse_text_with_format``,
  ``format_name_to_const``);
* a weight is read at the start of an answer after ``~`` (and, in a short answer, after
  ``=``) when it matches ``$giftanswerweightregex`` ``/^%\\-*([0-9]{1,2})\\.?([0-9]*)%/``;
  GIFT has no escape for ``%``;
* "Optional question names are enclosed in double colon (::)"; ``$CATEGORY: path``
  switches the category of the questions after it; "Comment lines start with a
  double backslash (//)"; a blank line ends a question;
* special characters: "If you want to use any of these characters ~ = # { } : in the
  text of a question, they must be escaped with a backslash"; Moodle's exporter
  (``repchar``) also doubles ``\\`` and writes a line break as ``\\n`` — so does
  :func:`escape`.

What studykit writes: per item, in paper order, ``$CATEGORY: $course$/<bank id>/<speech>``
when the speech changes, a ``//`` comment with the item's number, question id and points,
then ``::<number> <question id>[ <version>] (<points>分)::[plain]<stem>{…####解析：… 出处：…}`` — ``[plain]`` so that
Moodle shows bank text as typed (an ``<`` or ``&`` in it is no markup), as the Moodle XML
file's ``plain_text`` does.  An answer text that starts like a weight (``%5%的县``) gets an
explicit one before it (``~%0%%5%的县``, ``=%100%%20%增长``), so Moodle reads it whole.  Single choice:
``=key ~distractor``; multiple choice: each correct option ``~%w%`` with w = 100 / (number
of correct options) to 5 decimals (the fractions add up to 100; Moodle accepts only its
listed grades, so at most 10 correct options), each wrong option ``~%-100%`` — a wrong
choice cancels the item, as on the paper (多选、错选不得分); a missing correct choice still
earns its share in Moodle, where the paper gives 0 (少选不得分): ``studykit grade`` keeps
the paper's rule.  true_false: ``{TRUE}``/``{FALSE}``; fill_blank: short answer with
every accepted text as an ``=`` answer, a ``*`` in it written ``\\*`` (Moodle's short answer
reads ``*`` as a wildcard); the stem keeps its ``____``.  GIFT has no
per-question mark: the points are in the comment and the question name, and the
quiz's maximum marks are set in Moodle (or use ``--format moodle-xml``, which carries them).
"""

from __future__ import annotations

import re

from ..errors import StudykitError
from ..i18n import _
from ..quiz import Item, Paper
from ._publish import category_path, feedback, item_name, one_line, points, shortanswer_text

#: What GIFT gives a meaning, each written with a backslash before it (backslash first).
SPECIAL = "\\~=#{}:"
#: Moodle's ``$giftanswerweightregex``: what it reads as a weight at the start of an answer.
WEIGHT_RE = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
#: Moodle's listed grades (percent) a correct option may carry: 100 / k for k = 1 … 10.
VALID_SHARES = {k: f"{100 / k:.5f}".rstrip("0").rstrip(".") for k in range(1, 11)}


def escape(text: str) -> str:
    """``text`` as GIFT text: ``\\ ~ = # { } :`` backslash-escaped, line breaks as ``\\n``."""
    out = "".join("\\" + c if c in SPECIAL else c for c in text.replace("\r\n", "\n").replace("\r", "\n"))
    return out.replace("\n", "\\n")


def share(item: Item) -> str:
    """The weight of each correct option of a multiple-choice ``item``, e.g. ``"33.33333"``.

    Raises :class:`~studykit.errors.StudykitError` for more than 10 correct options (no
    Moodle grade is 100 / 11)."""
    k = len(item.answer)
    if k not in VALID_SHARES:
        raise StudykitError(
            _(
                "item {number} ({qid}) has {k} correct options; Moodle can share 100% among at most 10 "
                "(use another format for this paper)"
            ).format(number=item.number, qid=item.question.id, k=k)
        )
    return VALID_SHARES[k]


def _text(mark: str, text: str, weight: str) -> str:
    """An answer: ``mark`` and ``text``, with ``weight`` (``%0%``) between them when ``text``
    itself starts like a weight, so that Moodle reads the text whole."""
    return mark + (weight if WEIGHT_RE.match(text) else "") + text


def _answers(item: Item) -> list[str]:
    if item.type == "single":
        return [
            "=" + escape(one_line(option)) if letter in item.answer else _text("~", escape(one_line(option)), "%0%")
            for letter, option in item.lettered_options
        ]
    if item.type == "multiple":
        weight = share(item)
        return [
            (f"~%{weight}%" if letter in item.answer else "~%-100%") + escape(one_line(option))
            for letter, option in item.lettered_options
        ]
    if item.type == "true_false":
        return ["TRUE" if item.answer[0] == "true" else "FALSE"]
    return [_text("=", escape(shortanswer_text(text)), "%100%") for text in item.answer]


def _question(item: Item, version: str) -> str:
    lines = [
        f"// {item.number}. {item.question.id} · {points(item)}分",
        f"::{escape(item_name(item, version))}::[plain]{escape(one_line(item.stem))}{{",
    ]
    lines += ["\t" + answer for answer in _answers(item)]
    lines += ["\t####" + escape(feedback(item)), "}"]
    return "\n".join(lines)


def render(paper: Paper) -> str:
    """``paper`` as GIFT text: a comment head, then per item its category (when it changes)
    and the question, questions separated by a blank line, ending in one newline."""
    version = f" · 版本 {paper.version}" if paper.version else ""
    blocks = [f"// {one_line(paper.title)} · 测验编号 {paper.quiz_id}{version} · studykit"]
    current = ""
    for item in paper.items:
        category = category_path(paper, item)
        if category != current:
            blocks.append(f"$CATEGORY: {category}")
            current = category
        blocks.append(_question(item, paper.version))
    return "\n\n".join(blocks) + "\n"
