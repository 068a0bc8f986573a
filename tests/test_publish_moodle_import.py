"""The Moodle XML of the shipped bank's papers read as Moodle's importer reads it
(moodle/moodle ``question/format/xml/format.php``, ``qformat_xml``), with Moodle's own tolerances.

* ``import_headers``: ``name/text`` required ("xmlimportnoname") and kept as
  ``qformat_default::clean_question_name`` leaves it (``clean_param(PARAM_TEXT)`` strips tags, trimmed,
  at most 255 characters), ``questiontext`` with a known
  ``format`` (``trans_format``: else "Unrecognised text format … Assuming 'html'"), text trimmed;
* ``import_answer``: ``fraction`` attribute / 100, then ``qformat_default::importprocess`` matches it
  against ``question_bank::fraction_options_full()`` with ``match_grade_options(…, 'error')``:
  ``abs($fraction - $value) < 0.0000001`` or the question is not imported;
* ``qtype_multichoice::save_question_options``: a single has one answer at 100 %; a multiple's positive
  fractions, ``round($totalfraction, 2)``, must be 1 ("fractionsaddwrong");
* ``import_truefalse``: answers ``true`` and ``false``, the right one at 100;
* ``import_shortanswer``: every accepted text an answer (``*`` escaped, a wildcard otherwise).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from giftparse import parse as parse_gift
from skpaths import SHIPPED_BANK
from studykit.bank import load_bank
from studykit.quiz import build_papers
from studykit.render import render

#: question_bank::fraction_options_full(), as fractions (Moodle stores 7 decimals).
FRACTIONS = [1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
             0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0]  # fmt: skip
FORMATS = {"moodle_auto_format", "html", "plain_text", "wiki_like", "markdown"}


@pytest.mark.parametrize(("count", "seed"), [(20, 7), (60, 2024)])
def test_every_question_imports_as_moodle_reads_it(count: int, seed: int) -> None:
    """Every question of the shipped bank's papers (20 and 60 items, versions A and B) passes the checks
    Moodle's importer and question types make, at Moodle's tolerance (1e-7 of a fraction)."""
    bank = load_bank(SHIPPED_BANK)
    for paper in build_papers(bank, count=count, seed=seed, versions=2):
        root = ET.fromstring(render(paper, "moodle-xml"))
        gift_names = [q.name for q in parse_gift(render(paper, "gift").decode("utf-8"))]
        questions = [q for q in root if q.tag == "question" and q.get("type") != "category"]
        assert len(questions) == len(paper.items) == count
        for q, item in zip(questions, paper.items, strict=True):
            name = q.findtext("name/text") or ""
            assert name == name.strip() and "<" not in name and 0 < len(name) <= 255
            assert name == gift_names[item.number - 1]  # GIFT's name: '01 intro-04 (5分)'
            text = q.find("questiontext")
            assert text is not None and text.get("format") in FORMATS
            assert (text.findtext("text") or "").strip() == item.stem.strip()
            assert float(q.findtext("defaultgrade") or "nan") == item.points
            answers = q.findall("answer")
            fractions = [float(a.get("fraction") or "nan") / 100 for a in answers]
            for f in fractions:
                assert any(abs(abs(f) - v) < 0.0000001 for v in FRACTIONS), (item.question.id, f)
            texts = [(a.findtext("text") or "").strip() for a in answers]
            if q.get("type") == "multichoice" and q.findtext("single") == "true":
                assert fractions.count(1.0) == 1 and max(fractions) == 1.0
            elif q.get("type") == "multichoice":
                assert round(sum(f for f in fractions if f > 0), 2) == 1
                assert [t for t, f in zip(texts, fractions, strict=True) if f > 0] == list(item.correct)
            elif q.get("type") == "truefalse":
                assert sorted(texts) == ["false", "true"]
                assert dict(zip(texts, fractions, strict=True))[item.answer[0]] == 1.0
            else:
                assert q.get("type") == "shortanswer" and q.findtext("usecase") == "0"
                assert texts == [a.replace("*", "\\*") for a in item.answer] and set(fractions) == {1.0}
