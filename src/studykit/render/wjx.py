"""The paper in 问卷星's text import syntax (批量添加题目), and the answers to set after importing it.

Rules followed: 问卷星's batch-add box (编辑问卷 → 批量添加题目; for an exam 批量添加考试题 →
批量添加, "把文本复制进文本框" — AP1028/AutoWJX README) takes plain text, one question
per block, as in the examples published for it (xxxspy/eprime, e.g.
``source/_posts/questionaire-43327404.md``, "可以批量导入到问卷星… 复制到问卷星的题目编辑页面",
guide: https://mlln.cn/2019/06/01/问卷星如何快速批量添加题目/)::

    1. 1.性别*[单选题]
    男
    女

    2. 2.年龄*[单选题]
    18-35
    35-50

问卷星's own description of this text (github.com/wjxcom/wjx-ai-kit,
``wjx-cli/wjx-skills/wjx-cli-use/references/dsl-syntax.md``, "DSL 语法参考") agrees: "题号格式：
``数字. 题目文本[标签]``", "题目之间用空行分隔", "仅支持方括号 ``[...]`` 包裹标签", "DSL 解析器仅支持中文标签",
``[判断题]`` with its two options as lines (正确 / 错误 in its example), and "DSL 格式不支持 … 评分权重".

* a question line: number, title, then the type tag in ASCII brackets — ``[单选题]``,
  ``[多选题]``, ``[判断题]``, ``[填空题]``;
* its options follow, one per line, as plain text (no letters: 问卷星 letters and may
  shuffle them itself, and its result download gives the option *texts*, which is
  what ``studykit grade`` matches);
* a blank line ends the question.

What studykit writes: question 1 asks the member's name (``1. 姓名[填空题]``, not scored);
the paper's item *n* follows as question *n* + 1 with the paper's stem (its ``（　　）``
and ``____`` kept), type tag and options in the paper's order; a true_false item is a
``[判断题]`` with the options ``对`` and ``错``.  Line breaks inside bank text become
spaces; ASCII ``[`` ``]`` become full-width ``［`` ``］`` so no text reads as a tag.

问卷星 documents no way for this text to carry the answer key or points (one
third-party tool writes the answer into the stem, ``题干(A) [单选题] (1分)``; where
问卷星 does not read it, members would see the answer, so studykit does not).
:func:`render_answers` therefore writes, beside the import file, the list of answers
and points to set in 问卷星's 考试 settings, question by question.
"""

from __future__ import annotations

from ..model import TRUE_FALSE_TEXT
from ..quiz import MULTIPLE_RULE, Item, Paper, format_points
from ._publish import TRUE_FALSE_OPTIONS, one_line, points

#: The type tags of the import text.
TYPE_TAGS = {"single": "单选题", "multiple": "多选题", "true_false": "判断题", "fill_blank": "填空题"}
#: The unscored first question, which asks the member's name.
NAME_QUESTION = "1. 姓名[填空题]"
#: How many questions come before the paper's first item (the name question).
OFFSET = 1
_SPECIAL = str.maketrans({"[": "［", "]": "］"})


def text(value: str) -> str:
    """``value`` on one line with ``[`` ``]`` full-width, so that it never reads as a type tag."""
    return one_line(value).translate(_SPECIAL)


def _question(item: Item) -> str:
    options = TRUE_FALSE_OPTIONS if item.type == "true_false" else item.options
    lines = [f"{item.number + OFFSET}. {text(item.stem)}[{TYPE_TAGS[item.type]}]"]
    lines += [text(option) for option in options]
    return "\n".join(lines)


def render(paper: Paper) -> str:
    """``paper`` as 问卷星 import text: the name question, then one block per item, blocks
    separated by a blank line, ending in one newline."""
    return "\n\n".join([NAME_QUESTION, *(_question(item) for item in paper.items)]) + "\n"


def _answer(item: Item) -> str:
    if item.question.is_choice:
        return "；".join(f"{letter}. {text(option)}" for letter, option in zip(item.answer, item.correct, strict=True))
    if item.type == "true_false":
        return TRUE_FALSE_TEXT[item.answer[0]]
    return "；".join(text(a) for a in item.answer)


def render_answers(paper: Paper) -> str:
    """The answers and points to set in 问卷星 after importing :func:`render`'s text: a head
    (title, quiz id, total, the rules of multiple-choice and fill-in items), then one line
    per item — ``第2题[单选题]（试卷第1题，2分）：D. 华中师范大学``; several accepted texts
    of a fill_blank item are joined by ``；``.  Ends in one newline."""
    version = f"　版本：{paper.version}" if paper.version else ""
    lines = [
        f"问卷星考试答案设置 · {one_line(paper.title)}",
        f"测验编号：{paper.quiz_id}{version}　满分：{format_points(paper.total_points)}分",
        "导入同名 .wjx.txt 后，在问卷星“考试设置”里逐题设置下面的正确答案和分值；"
        f"第1题（姓名）不计分。多选题：{MULTIPLE_RULE}（全部选对才得分）。填空题：列出的答案任一都算对。",
        "收卷后下载答卷数据（按文本），用 studykit grade 和同名 .key.yaml 评分。",
        "",
    ]
    lines += [
        f"第{item.number + OFFSET}题[{TYPE_TAGS[item.type]}]（试卷第{item.number}题，{points(item)}分）：{_answer(item)}"
        for item in paper.items
    ]
    return "\n".join(lines) + "\n"
