"""The paper in 腾讯问卷's text syntax for an exam (考试), answers and points included.

Rules followed: 腾讯问卷's own text syntax (文本编辑; "语法说明" and "考试场景语法",
https://wj.qq.com/docs/survey-dsl/content/grammar and …/content/scene-exam), as Tencent's
腾讯问卷 MCP Skill restates it with its examples (``tencent-survey/references/create_survey.md``,
e.g. the copy in github.com/zhwangsir/SkillsClaw).  The international edition's page
(wesurvey.com/docs/survey-dsl/content/scene-exam) writes the tags in English
(``[Single Choice][Answer: D][Score: 5][All]``); wj.qq.com, where branches take quizzes,
reads the Chinese tags below ("题目标题[题型][设置](描述)"):

* "第一行为问卷标题"; "题目之间用空行分隔"; "题目内不允许空行";
* "选项另起一行，每行一个"; "选项不需要字母前缀：选项直接写内容即可（如 ``满意``），不需要写
  ``A. 满意``";
* exam settings after the type tag: "答案 ``[答案：A、B]`` 正确答案，选项索引从 A 开始";
  "填空答案 ``[答案：1.答案1、2.答案2]``"; "分值 ``[分数：5]``"; "``[全部]`` 完全匹配答案才得分";
  "``[按空]`` 按填空分别计分（多项填空题）";
* the example exam: ``在下列物体中，难溶于水的物体是？[单选题][答案：D][分数：5][全部]``,
  ``地球是太阳系中最大的行星[判断题][答案：A][分数：3][全部]`` (options 错误 / 正确, in
  the order given), ``[多选题][答案：A、B、D][分数：5][部分]``, and a fill-in as
  ``古诗文默写[多项填空题][答案：1.秋风萧瑟、2.洪波涌起][分数：2、3][按空]`` whose next line
  holds the blanks ``____`` ("使用 ``____`` 指定填空位置").  There is no single-blank type with
  an answer (``[单行文本题]`` takes none).

What studykit writes (one blank line between blocks):

* the paper's title (``（A卷）`` after it on version A: each version is an exam of its own), then the
  name question ``姓名[单行文本题][必答]`` (not scored: no exam
  settings; the grader reads the name from its column);
* single → ``stem[单选题][答案：D][分数：5][全部]``; multiple →
  ``[多选题][答案：A、C、D][分数：6][全部]`` — ``[全部]`` because the paper's rule is
  多选、少选、错选均不得分 (the key's ``multiple: all-or-nothing``); true_false →
  ``[判断题][答案：A][分数：4][全部]`` with options ``对`` and ``错``; options one per line
  as their text, in the paper's order (the answer's letters count them from A);
* fill_blank → ``stem[多项填空题][答案：1.现场会议+云端会议][分数：5][按空]`` and a line
  ``____``, the one blank to type in.  ``____`` marks a blank, so the stem's own blank is written
  ``（　　）`` (``我省出台“（　　）”一揽子政策措施。``), never a second input; the download's column still
  reads as the paper's stem (the grader compares stems without punctuation, spaces and ``_``).  The answer syntax holds one text per blank
  and parts them with ``、``, so 腾讯问卷 gets the key's first accepted text without a ``、``
  (else the first, its ``、`` written ``，``); ``studykit grade`` accepts every text of the key;
* stem, options and answer on one line each.  The syntax gives ASCII ``[`` ``]`` a meaning and
  documents no escape: studykit writes them full-width (``［`` ``］``), and ``**`` (rich-text
  highlighting) as ``＊＊``, which the grader reads as the same text (NFKC).
"""

from __future__ import annotations

from ..model import LETTERS
from ..quiz import BLANK_RE, Item, Paper
from ._publish import TRUE_FALSE_OPTIONS, one_line, points, truth_index

#: The question type tags of 腾讯问卷's text syntax (考试场景).
TYPE_TAGS = {"single": "单选题", "multiple": "多选题", "true_false": "判断题", "fill_blank": "多项填空题"}
#: The unscored question that asks the member's name, first on the paper.
NAME_QUESTION = "姓名[单行文本题][必答]"
#: The line under a fill-in question: its one blank ("使用 ____ 指定填空位置").
BLANK_LINE = "____"
_SPECIAL = str.maketrans({"[": "［", "]": "］"})
#: How a fill-in's own blank is written in its title: the paper's answer bracket.
ANSWER_BRACKET = "（\u3000\u3000）"


def text(value: str) -> str:
    """``value`` on one line with ``[`` ``]`` full-width, so that it never reads as a tag (nor as a
    link ``[text](url)`` or image ``![alt](url)``), and ``**`` as ``＊＊``, which the syntax's rich text
    reads as highlighting ("高亮 ``**高亮文本**``")."""
    return one_line(value).translate(_SPECIAL).replace("**", "＊＊")


def _blank_answer(item: Item) -> str:
    """The accepted text 腾讯问卷 gets: the first without ``、`` (its separator of blanks)."""
    plain = [a for a in item.answer if "、" not in text(a)]
    return text(plain[0] if plain else item.answer[0]).replace("、", "，")


def _question(item: Item) -> str:
    options: tuple[str, ...] = item.options
    if item.question.is_choice:
        answer = "、".join(item.answer)
    elif item.type == "true_false":
        options = TRUE_FALSE_OPTIONS
        answer = LETTERS[truth_index(item)]
    else:
        answer = "1." + _blank_answer(item)
    scoring = "[按空]" if item.type == "fill_blank" else "[全部]"
    stem = BLANK_RE.sub(ANSWER_BRACKET, text(item.stem)) if item.type == "fill_blank" else text(item.stem)
    lines = [f"{stem}[{TYPE_TAGS[item.type]}][答案：{answer}][分数：{points(item)}]{scoring}"]
    lines += [BLANK_LINE] if item.type == "fill_blank" else [text(option) for option in options]
    return "\n".join(lines)


def render(paper: Paper) -> str:
    """``paper`` as 腾讯问卷 exam text: the title, the name question, then one block per item,
    blocks separated by a blank line, ending in one newline."""
    title = text(paper.title) + (f"（{paper.version}卷）" if paper.version else "")  # one exam per version
    blocks = [title, NAME_QUESTION, *(_question(item) for item in paper.items)]
    return "\n\n".join(blocks) + "\n"
