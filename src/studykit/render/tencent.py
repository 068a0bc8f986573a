"""The paper in 腾讯问卷's text syntax for an exam (考试), answers and points included.

Rules followed, from 腾讯问卷's survey DSL documentation, "Exam Scenario"
(https://wesurvey.com/docs/survey-dsl/content/scene-exam, the international edition of
腾讯问卷, wj.qq.com):

* "For exam-specific question types, if you need to configure 'Answers', 'Scores', and
  'Scoring Mechanism', you need to add exam scoring-related settings on top of the
  default format": the question line is the stem followed by its type tag and the
  settings, the options follow one per line as ``A. text``::

      Among the following objects, which one is not easily soluble in water?[Single Choice][Answer: D][Score: 5][All]
      A. MSG
      ...

* "Choice Question Answer Settings ``[Answer: A, B]`` (A, B etc. are option indices)";
  "Fill-in-Blank Answer Settings ``[Answer: 1.Answer1, 2.Answer2]``"; "Score Settings
  ``[Score: 5]``"; "Scoring Mechanism ``[All]/[Partial]/[ByBlank]/[Manual]``";
* "Single Choice and True/False questions can be set to ``[All]``; Multiple Choice and
  Variable Choice questions can be set to ``[All]``/``[Partial]``".

What studykit writes, item by item in paper order (one blank line between questions):

* the first question asks the member's name: ``姓名[Fill-in-Blank]``, with no exam
  settings, so it is not scored (the grader reads the name from its column);
* single → ``[Single Choice][Answer: D][Score: 2][All]``; multiple →
  ``[Multiple Choice][Answer: A, C, D][Score: 3][All]`` — ``[All]`` because the paper's
  rule is 多选、少选、错选均不得分 (the key's ``multiple: all-or-nothing``);
  true_false → ``[True/False][Answer: A][Score: 1][All]`` with options ``A. 对`` and
  ``B. 错``; fill_blank → ``[Fill-in-Blank][Answer: 1.现场会议+云端会议][Score: 2]``,
  the stem keeping its ``____`` blank.  The documented answer syntax holds one text
  per blank, so only the key's first accepted text goes to 腾讯问卷; ``studykit grade``
  accepts every text of the key;
* the stem, options and answer are the paper's, on one line each.  The DSL gives
  ASCII ``[`` ``]`` a meaning and separates answers with ``,``, and documents no escape:
  studykit writes them full-width (``［`` ``］`` ``，``), which the grader reads as the
  same text (NFKC).
"""

from __future__ import annotations

from ..model import LETTERS
from ..quiz import Item, Paper
from ._publish import TRUE_FALSE_OPTIONS, one_line, points, truth_index

#: The question type tags of the documentation.
TYPE_TAGS = {
    "single": "Single Choice",
    "multiple": "Multiple Choice",
    "true_false": "True/False",
    "fill_blank": "Fill-in-Blank",
}
#: The unscored question that asks the member's name, first on the paper.
NAME_QUESTION = "姓名[Fill-in-Blank]"
_SPECIAL = str.maketrans({"[": "［", "]": "］"})


def text(value: str) -> str:
    """``value`` on one line with ``[`` ``]`` full-width, so that it never reads as a tag."""
    return one_line(value).translate(_SPECIAL)


def _question(item: Item) -> str:
    tag = TYPE_TAGS[item.type]
    options: tuple[str, ...] = item.options
    if item.question.is_choice:
        answer = ", ".join(item.answer)
    elif item.type == "true_false":
        options = TRUE_FALSE_OPTIONS
        answer = LETTERS[truth_index(item)]
    else:
        answer = "1." + text(item.answer[0]).replace(",", "，")
    scoring = "" if item.type == "fill_blank" else "[All]"
    lines = [f"{text(item.stem)}[{tag}][Answer: {answer}][Score: {points(item)}]{scoring}"]
    lines += [f"{letter}. {text(option)}" for letter, option in zip(LETTERS, options, strict=False)]
    return "\n".join(lines)


def render(paper: Paper) -> str:
    """``paper`` as 腾讯问卷 exam text: the name question, then one block per item, blocks
    separated by a blank line, ending in one newline."""
    return "\n\n".join([NAME_QUESTION, *(_question(item) for item in paper.items)]) + "\n"
