"""A handout as data: :class:`Handout` of :class:`HandoutSection` (one per speech) of :class:`Fact`."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import OPENING_LABEL, SECTION_LABEL, Speech


@dataclass(frozen=True)
class Fact:
    """One key fact: the ``statement`` (plain text, ending in sentence punctuation) and the
    verbatim ``source`` sentence.  ``quoted`` marks a statement that *is* the source
    (a false true_false item: its stem must never be printed as a fact).  ``facility``
    (0–1) is the group's, with a report; else ``None``."""

    question_id: str
    statement: str
    source: str
    quoted: bool = False
    facility: float | None = None


@dataclass(frozen=True)
class HandoutSection:
    """The facts of one speech; ``share`` (0–1) is the group's mean share of its points, with a report."""

    speech: Speech
    facts: tuple[Fact, ...]
    share: float | None = None

    @property
    def header(self) -> str:
        """``"任剑涛（清华大学社会科学学院教授）：大都市是省域治理重要落点"``; ``"导语：<heading>"``;
        a section of one author's article its :attr:`~studykit.model.Speech.label` (``"二、认真组织学习"``,
        with several articles ``"《…的通知》二、认真组织学习"``), never 导语; with several articles and a report (``share`` known: sections worst first, not by
        article) a speech names its article first (``"《以乡村振兴实绩检验学习成效》张国庆（…）：…"``)."""
        s = self.speech
        if not s.speaker:
            if s.untitled:  # a text printing no title: its heading is only its first words
                return OPENING_LABEL if s.is_intro else SECTION_LABEL
            return f"导语：{s.heading}" if s.is_intro else s.label
        # from a report, sections come worst first across articles: a speech names its own
        article = f"《{s.article}》" if s.article and self.share is not None else ""
        return (
            f"{article}{s.speaker}（{s.position}）：{s.heading}" if s.position else f"{article}{s.speaker}：{s.heading}"
        )


@dataclass(frozen=True)
class Handout:
    """A handout: ``title``, a one-line ``intro`` (provenance, or how the report chose the facts),
    the sections in print order, and ``empty`` — the line printed when there is no section.
    ``missing`` lists question ids of the report that the bank lacks; ``fallback`` is true when
    no item was below the pass mark and the facts are the weakest speeches' instead."""

    title: str
    intro: str
    sections: tuple[HandoutSection, ...]
    empty: str = ""
    missing: tuple[str, ...] = ()
    fallback: bool = False

    @property
    def facts(self) -> int:
        return sum(len(s.facts) for s in self.sections)
