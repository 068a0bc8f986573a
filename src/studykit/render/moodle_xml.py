"""The paper in Moodle XML, built with :mod:`xml.etree.ElementTree` (well-formed by construction).

Rules followed, from "Moodle XML format" (https://docs.moodle.org/en/Moodle_XML_format)
and its importer ``question/format/xml/format.php`` (``qformat_xml``):

* the file is ``<quiz>`` holding ``<question type="…">`` elements; a
  ``<question type="category"><category><text>$course$/a/b</text></category></question>``
  puts the questions after it in that category;
* every question has ``<name><text>`` (the importer stops with "xmlimportnoname"
  without it), ``<questiontext format="…"><text>``, ``<generalfeedback>``,
  ``<defaultgrade>`` (the mark), ``<penalty>`` and ``<hidden>``; text formats are
  ``html``, ``moodle_auto_format``, ``plain_text``, ``markdown`` (``trans_format``);
* ``multichoice``: ``<single>true|false</single>``, ``<shuffleanswers>``,
  ``<answernumbering>`` (``abc``, ``ABCD``, ``123``, …), and one
  ``<answer fraction="…"><text>…</text><feedback>…</feedback></answer>`` per option,
  the fraction in percent; Moodle accepts only its listed grades (±100, 90, 83.33333,
  80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5,
  11.11111, 10, 5, 0; ``match_grade_options``, to 0.00001 of a fraction) and, for
  several correct answers, their positive fractions must add up to 100 %;
* ``truefalse``: two answers whose ``<text>`` is ``true`` and ``false``, the right one
  with fraction 100 (``import_truefalse``);
* ``shortanswer``: ``<usecase>0</usecase>`` (case-insensitive) and one answer per
  accepted text.

What studykit writes, per item in paper order: a category question when the speech
changes (``$course$/<bank id>/<speech>``), then the item as ``multichoice``
(single: the key 100, distractors 0; multiple: each correct option 100 / k — the
same weights as GIFT, :func:`studykit.render.gift.share` — and each wrong option
-100, so a wrong choice cancels the item), ``truefalse`` or ``shortanswer`` (every
accepted text at 100, a ``*`` in it written ``\\*``, as Moodle reads ``*`` as a wildcard).
Name ``03 intro-01 (5分)`` (``03 intro-01 B (5分)`` on version B), as GIFT names it; stem, options and answers as on the paper, ``plain_text``, with
options in the paper's order (``shuffleanswers`` false, ``answernumbering`` ``ABCD``);
``defaultgrade`` the item's points; ``generalfeedback`` the 解析 and 出处.  No ``idnumber``: Moodle wants it unique in its category, and a
secretary may import a paper twice.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..quiz import Item, Paper
from ._publish import category_path, feedback, item_name, one_line, points, shortanswer_text
from .gift import share

TEXT_FORMAT = "plain_text"
#: Moodle's question type for each studykit type.
QTYPES = {"single": "multichoice", "multiple": "multichoice", "true_false": "truefalse", "fill_blank": "shortanswer"}


def _text(parent: ET.Element, tag: str, value: str, *, fmt: str | None = TEXT_FORMAT) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = value
    return element


def _answer(question: ET.Element, fraction: str, value: str, answer_feedback: str = "") -> None:
    answer = ET.SubElement(question, "answer", {"fraction": fraction, "format": TEXT_FORMAT})
    ET.SubElement(answer, "text").text = value
    _text(answer, "feedback", answer_feedback)


def _category(quiz: ET.Element, path: str) -> None:
    question = ET.SubElement(quiz, "question", {"type": "category"})
    category = ET.SubElement(question, "category")
    ET.SubElement(category, "text").text = path


def _question(quiz: ET.Element, item: Item, version: str) -> None:
    question = ET.SubElement(quiz, "question", {"type": QTYPES[item.type]})
    _text(question, "name", item_name(item, version), fmt=None)
    _text(question, "questiontext", one_line(item.stem))
    _text(question, "generalfeedback", feedback(item))
    ET.SubElement(question, "defaultgrade").text = points(item)
    ET.SubElement(question, "penalty").text = "0"
    ET.SubElement(question, "hidden").text = "0"
    if item.question.is_choice:
        ET.SubElement(question, "single").text = "true" if item.type == "single" else "false"
        ET.SubElement(question, "shuffleanswers").text = "false"
        ET.SubElement(question, "answernumbering").text = "ABCD"
        ET.SubElement(question, "showstandardinstruction").text = "0"
        for name in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            _text(question, name, "")
        right = "100" if item.type == "single" else share(item)
        wrong = "0" if item.type == "single" else "-100"
        for letter, option in item.lettered_options:
            _answer(question, right if letter in item.answer else wrong, one_line(option))
    elif item.type == "true_false":
        truth = item.answer[0] == "true"
        _answer(question, "100" if truth else "0", "true")
        _answer(question, "0" if truth else "100", "false")
    else:
        ET.SubElement(question, "usecase").text = "0"
        for accepted in item.answer:
            _answer(question, "100", shortanswer_text(accepted))


def render(paper: Paper) -> str:
    """``paper`` as a Moodle XML document (UTF-8 declaration, two-space indent), ending in one newline."""
    quiz = ET.Element("quiz")
    head = f" {one_line(paper.title)} · 测验编号 {paper.quiz_id} · studykit ".replace("--", "—")  # no -- in a comment
    quiz.append(ET.Comment(head))
    current = ""
    for item in paper.items:
        category = category_path(paper, item)
        if category != current:
            _category(quiz, category)
            current = category
        _question(quiz, item, paper.version)
    ET.indent(quiz, space="  ")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ET.tostring(quiz, encoding="unicode", short_empty_elements=False)
        + "\n"
    )
