"""The review handout (学习要点): the key facts of the questions, as statements, speech by speech.

::

    bank = load_bank()
    handout = build_handout(bank)                                  # every speech, bank order
    weak = build_handout(bank, report=load_report("成绩.json"))    # what the group got wrong, worst first
    data = render_handout(weak, "md")                              # studykit.render; or "html", "docx"

Each speech gets a header (speaker, post, heading) and one :class:`Fact` per
question: a statement made from the question (:func:`statement`) and the
source sentence it comes from.  Questions sharing a ``fact`` give one fact
(the first).  Derived attribution questions (``attr-…``: who gave which
speech, whose post is what, who said what) give no fact of their own — the
header states speaker, post and heading.  With a report, a speech whose heading
or post questions were missed gets one fact saying whose speech it is, and a
missed "who said this?" question gives its sentence, quoted under the
speaker's header (unless a kept fact of the speech already quotes it).

With a grade report (:func:`load_report`, the JSON of ``studykit grade``):

* a question is kept when its facility index (the share of members who earned
  its full points) is below the report's pass mark (``pass_mark`` / 100; 60 %
  by default), i.e. fewer members than the pass mark got it fully right;
* a speech is kept when at least one of its questions is kept;
* speeches come worst first by the group's mean share of their points
  (``speeches[].share`` of the report), ties in article order; facts within a
  speech by facility, lowest first, ties in the order printed on the paper;
* the report must come from a quiz on the same bank (same bank id); questions
  the bank no longer holds are skipped (:attr:`Handout.missing`);
* with no question of the chosen speeches below the pass mark, the handout falls back
  to the :data:`FALLBACK_SPEECHES` weakest of them (by share) that someone got wrong,
  keeping their questions not answered fully right by everyone, and its intro says so
  (:attr:`Handout.fallback`);
* with no question missed at all, :attr:`Handout.empty` says every question is at or above
  the pass mark — with ``speeches`` narrowing the selection, every question of the
  chosen speeches, and how many of the others' are below it.

Everything is deterministic: the same bank and report give the same handout.
"""

from __future__ import annotations

from .build import FALLBACK_SPEECHES, QUOTE_SUFFIX, TITLE, build_handout
from .model import Fact, Handout, HandoutSection
from .report import GradeReportDigest, ReportItem, load_report
from .statements import attribution_fact, fact_of, one_line, source_list, statement

__all__ = [
    "FALLBACK_SPEECHES",
    "QUOTE_SUFFIX",
    "TITLE",
    "Fact",
    "GradeReportDigest",
    "Handout",
    "HandoutSection",
    "ReportItem",
    "attribution_fact",
    "build_handout",
    "fact_of",
    "load_report",
    "one_line",
    "source_list",
    "statement",
]
