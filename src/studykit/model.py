"""Typed, immutable records of a validated question bank.

``load_bank`` builds these; renderers, the Anki exporter and the grader only ever
see these frozen dataclasses, never raw YAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from .typography import for_print

QuestionType = Literal["single", "multiple", "true_false", "fill_blank"]
QUESTION_TYPES: tuple[QuestionType, ...] = ("single", "multiple", "true_false", "fill_blank")
CHOICE_TYPES: tuple[QuestionType, ...] = ("single", "multiple")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: A true_false answer as studykit prints it to members: what the paper tells them to write.
TRUE_FALSE_TEXT: dict[str, str] = {"true": "对", "false": "错"}

#: Sums of points are rounded to this many decimals.  Points have at most 2 (``quiz --points``)
#: and half credit adds a third, so rounding only removes binary floating-point error.
POINT_DECIMALS = 6


def add_points(values: Iterable[float]) -> float:
    """The sum of ``values`` (points) in the order given, rounded to :data:`POINT_DECIMALS`:
    0.1 + 0.2 is 0.3, so members with equal points rank equal and print equal."""
    return round(sum(values, 0.0), POINT_DECIMALS)


#: Joins a bank id and a question or speech id where several banks meet (``mini-test/ren-01``):
#: no bank's own ids contain it (:mod:`studykit.library`).
BANK_SEPARATOR = "/"

#: How reports and decks name the introduction (the part of the article without a speaker).
INTRO_LABEL = "导语"


#: How papers name a section of one author's article (a part without a speaker that is not the introduction).
SECTION_LABEL = "文章"


#: How papers name the opening of a text that prints no title (its part's heading is only its first words).
OPENING_LABEL = "文章开头"


def source_line(
    speaker: str, heading: str, source: str, *, intro: bool = True, article: str = "", untitled: bool = False
) -> str:
    """Where a fact is read, as papers and reports print it: ``任剑涛《大都市是省域治理重要落点》：“…”``
    (``导语《…》`` for the introduction, which has no speaker; ``文章“一、…”部分`` for a section of one
    author's article, ``intro=False``: its heading is no title to put in 《》).  ``source`` goes on one line in Chinese quotation marks, its
    own “ ” turned into ‘ ’ (a quote inside a quote).  ``article``: the title of the part's article
    where several articles meet (:attr:`Speech.article`), printed first unless it is the heading
    (an introduction's): ``《以乡村振兴实绩检验学习成效》李明华《…》：“…”``, a section as
    ``《…的通知》二、认真组织学习：“…”``, an introduction headed otherwise than its article as
    ``《省域治理现代化小测》导语：“…”`` (its heading alone read as a subtitle of the article), and the
    one part of an article headed by its title (``studykit draft``'s one-part layout) as ``《…》：“…”``.
    ``untitled``: a part of a text that prints no title, whose heading is only its first words
    (:attr:`Speech.untitled`) and no title to put in 《》: ``文章开头：“…”`` for its introduction,
    ``文章：“…”`` for the whole text."""
    if untitled and not speaker:
        where = OPENING_LABEL if intro else ""
        return f"《{article}》{where}：{quoted(source)}" if article else f"{where or SECTION_LABEL}：{quoted(source)}"
    if article and article != heading:
        where = f"{speaker}《{heading}》" if speaker else INTRO_LABEL if intro else heading
        return f"《{article}》{where}：{quoted(source)}"
    if article and not speaker and not intro:  # the one part of an article, headed by its title: no 部分 of it
        return f"《{article}》：{quoted(source)}"
    if not speaker and not intro:  # a section's heading is no title: 文章“二、认真组织学习”部分
        return f"{SECTION_LABEL}“{heading.replace('“', '‘').replace('”', '’')}”部分：{quoted(source)}"
    return f"{speaker or INTRO_LABEL}《{heading}》：{quoted(source)}"


#: A regulation's title (after its （试行）-like note) and a chapter heading of it: 第二章　积分内容和标准.
_REGULATION_RE = re.compile(r"(?:办法|条例|规定|细则|规则|准则|守则)(?:[（(][^（）()]{1,6}[）)])?$")
_CHAPTER_RE = re.compile(r"^第[一二三四五六七八九十百零〇两]{1,4}章(?:[\s\u3000]|$)")


def own_article(title: str, speeches: tuple[Speech, ...]) -> tuple[Speech, ...]:
    """``speeches`` of one bank titled ``title``, those its title names with their :attr:`Speech.article`
    set to it, so papers cite them as where several articles meet (:func:`source_line`) and not as
    ``文章“…”部分``: the only part of a bank, without a speaker and headed by its title (``studykit draft``'s
    one-part layout: ``《T》：“…”``), and the chapters of a regulation (a title ending in 办法, 条例, 规定 …,
    headings ``第二章　…``: ``《…办法（试行）》第二章　积分内容和标准：“…”``).  Any other speech, and a speech
    whose article is already set (a merged bank's), is returned as it is."""
    if not title:
        return speeches
    alone = len(speeches) == 1 and not speeches[0].speaker and not speeches[0].is_intro
    regulation = _REGULATION_RE.search(title) is not None
    return tuple(
        replace(s, article=title)
        if not s.article
        and not s.speaker
        and not s.is_intro
        and ((alone and s.heading == title) or (regulation and _CHAPTER_RE.match(s.heading)))
        else s
        for s in speeches
    )


# A stem that names its article.  A bank's stems name their article's parts the way one article's
# paper can (``导语指出，…``, ``文章指出，…``, ``本版发言“…”的发言者是（ ）`` from studykit.attribution);
# on a paper or 错题本 mixing articles these no longer say which article is meant, so such an
# opening gets the article's title (:func:`name_article`).  A stem naming a speaker, an event or
# a quotation is left as it is.

#: What stands for "this article" → how it reads with the title ``{t}``, tried in order.
_GENERIC_ARTICLE: tuple[tuple[str, str], ...] = (
    ("本版发言者中", "《{t}》的发言者中"),
    ("本版发言", "《{t}》中的发言"),
    ("本版署名中", "《{t}》的署名中"),
    ("本版", "《{t}》"),
    ("导语", "《{t}》导语"),
    ("本文", "《{t}》一文"),
    ("文章", "《{t}》一文"),
)
#: Words before the generic one that still make it the stem's subject (``下列说法符合导语的有``).
_ARTICLE_LEADS = ("", "下列说法符合", "下列说法不符合", "根据", "据")


def name_article(stem: str, article: str) -> str:
    """``stem`` with its opening 导语 / 文章 / 本文 / 本版 (after :data:`_ARTICLE_LEADS`) naming ``article``;
    ``stem`` itself when ``article`` is ``""`` or the stem opens otherwise.

    >>> name_article("文章指出，要坚持“四下基层”。", "以学促干")
    '《以学促干》一文指出，要坚持“四下基层”。'
    >>> name_article("下列说法符合导语的有（ ）", "以学促干")
    '下列说法符合《以学促干》导语的有（ ）'
    >>> name_article("李明华指出，…", "以学促干")
    '李明华指出，…'
    """
    if not article:
        return stem
    for lead in _ARTICLE_LEADS:
        if not stem.startswith(lead):
            continue
        rest = stem[len(lead) :]
        for word, named in _GENERIC_ARTICLE:
            if rest.startswith(word):
                return lead + named.format(t=article) + rest[len(word) :]
    return stem


def quoted(text: str) -> str:
    """``text`` on one line in Chinese quotation marks ``“…”``, its own “ ” turned into ‘ ’
    (a quote inside a quote) and its ASCII ``, ; : ( )`` between Chinese characters
    full-width (:func:`studykit.typography.for_print`), as papers, handouts and reports quote a
    source sentence."""
    return "“" + for_print(" ".join(text.split())).replace("“", "‘").replace("”", "’") + "”"


#: Section headings of a Chinese paper, in the order the sections appear.
TYPE_TITLES: dict[QuestionType, str] = {
    "single": "单项选择题",
    "multiple": "多项选择题",
    "true_false": "判断题",
    "fill_blank": "填空题",
}


@dataclass(frozen=True)
class Provenance:
    """Where the study material comes from, as recorded in ``material/sources.yaml``.

    Every value is text copied from the article; absent values are ``""``.
    """

    publication: str = ""
    section: str = ""
    title: str = ""
    event: str = ""
    date: str = ""
    venue: str = ""
    format: str = ""
    series: str = ""
    compiler: str = ""

    def describe(self) -> str:
        """One line naming publication, section, event, date and venue, e.g. for a deck."""
        parts = [
            f"{self.publication}·{self.section}" if self.section else self.publication,
            f"《{self.title}》" if self.title else "",
            "，".join(p for p in (self.date, self.venue, self.event) if p),
        ]
        return "，".join(p for p in parts if p)


@dataclass(frozen=True)
class Speech:
    """One part of the article: the introduction (``id == "intro"``) or a speech.

    ``speaker`` and ``position`` are ``""`` for the introduction.  ``text`` is the
    material file's content exactly as read (UTF-8); ``number`` is the 0-based
    order in the bank (the introduction usually 0).
    """

    id: str
    heading: str
    material: Path
    text: str
    number: int
    speaker: str = ""
    position: str = ""
    line: int = 0
    #: The title of the part's article where several banks are merged (:mod:`studykit.library`), else "".
    article: str = ""

    @property
    def is_intro(self) -> bool:
        """Whether this is an introduction: id ``intro``, or ``<bank id>/intro`` in a merged bank."""
        return self.id.rpartition(BANK_SEPARATOR)[2] == "intro"

    @property
    def label(self) -> str:
        """``"任剑涛 大都市是省域治理重要落点"``, ``"导语"`` for the introduction (whose heading is
        the article's title and would read as the whole), or the heading of a section without a
        speaker (``"一、强化政治引领"``, a part of one author's article).  Where several articles
        meet (:attr:`article` set), an introduction or section names its article:
        ``"《以学促干》导语"``, ``"《以学促干》一、强化政治引领"``."""
        if self.speaker:
            return f"{self.speaker} {self.heading}"
        part = INTRO_LABEL if self.is_intro else self.heading
        if part == self.article:  # an article of one part, headed by its title: named once
            return f"《{part}》"
        return f"《{self.article}》{part}" if self.article else part

    @property
    def where(self) -> str:
        """The part as :func:`source_line` names it, without the quotation: ``任剑涛《…》``,
        ``导语《…》``, ``文章“一、…”部分``; with :attr:`article`, ``《…》李明华《…》``."""
        return source_line(
            self.speaker, self.heading, "", intro=self.is_intro, article=self.article, untitled=self.untitled
        )[: -len("：“”")]

    @property
    def untitled(self) -> bool:
        """Whether the heading is only the first words of the material's first line, no line of its own:
        a part of a text that prints no title (``studykit draft`` heads it so), not to be cited in 《》."""
        lines = [" ".join(line.split()) for line in self.text.split("\n") if line.strip()]
        heading = " ".join(self.heading.split())
        return bool(lines) and heading not in lines and lines[0].startswith(heading)


@dataclass(frozen=True)
class Question:
    """One item of the bank.

    ``answer`` holds, by ``type``:

    * ``single``: one letter, e.g. ``("B",)``;
    * ``multiple``: the correct letters in order, e.g. ``("A", "C", "D")``;
    * ``true_false``: ``("true",)`` or ``("false",)``;
    * ``fill_blank``: the accepted texts, the first being the one printed as key.

    ``options`` is empty except for choice types.  ``source`` is a verbatim excerpt
    of the speech's material file.  ``derived`` marks attribution questions made
    by the library from the ``speeches`` records; ``line`` is the line in the bank
    file (0 for derived questions).  ``fact`` names the fact the item tests when
    other items test it too (e.g. ``"ren-jiantao/heading"``): a paper never holds
    two items of one fact; ``""`` means the item stands alone.  ``draft`` marks a question
    ``studykit draft`` proposed and nobody has reviewed yet (``draft: true`` in the bank):
    ``check`` counts them, and quizzes, decks and handouts leave them out unless asked.
    """

    id: str
    speech: str
    type: QuestionType
    stem: str
    answer: tuple[str, ...]
    explanation: str
    source: str
    options: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    difficulty: int = 2
    derived: bool = False
    line: int = 0
    fact: str = ""
    draft: bool = False

    @property
    def is_choice(self) -> bool:
        return self.type in CHOICE_TYPES

    @property
    def correct_indices(self) -> tuple[int, ...]:
        """0-based indices of the correct options (choice types only, else ``()``)."""
        if not self.is_choice:
            return ()
        return tuple(LETTERS.index(a) for a in self.answer)

    @property
    def correct_options(self) -> tuple[str, ...]:
        """Texts of the correct options (choice types only, else ``()``)."""
        return tuple(self.options[i] for i in self.correct_indices)

    @property
    def truth(self) -> bool | None:
        """The truth value of a ``true_false`` statement, else ``None``."""
        return self.answer[0] == "true" if self.type == "true_false" else None

    @property
    def answer_text(self) -> str:
        """The answer as a reader sees it: ``"A、C"``, ``"对"``/``"错"`` (:data:`TRUE_FALSE_TEXT`), or the text."""
        if self.is_choice:
            return "、".join(self.answer)
        if self.type == "true_false":
            return TRUE_FALSE_TEXT[self.answer[0]]
        return self.answer[0]


@dataclass(frozen=True)
class Bank:
    """A validated question bank.

    ``path`` is the bank file, ``root`` the folder material paths are relative
    to.  ``questions`` holds the curated questions in file order followed by the
    derived attribution questions.  ``fingerprint`` is the SHA-256 (hex) over
    the bank file and every material file, so a key or cache can tell whether
    the bank changed.  ``warnings`` are the non-fatal findings of validation.
    ``files`` are the other files it was read from (material, provenance), relative
    to ``root``: what no output may overwrite.
    """

    id: str
    title: str
    path: Path
    root: Path
    speeches: tuple[Speech, ...]
    questions: tuple[Question, ...]
    fingerprint: str
    provenance: Provenance = field(default_factory=Provenance)
    warnings: tuple[str, ...] = ()
    files: tuple[Path, ...] = field(default=(), compare=False)

    def speech(self, speech_id: str) -> Speech:
        """The speech with this id; raises ``KeyError`` if there is none."""
        for s in self.speeches:
            if s.id == speech_id:
                return s
        raise KeyError(speech_id)

    def question(self, question_id: str) -> Question:
        """The question with this id; raises ``KeyError`` if there is none."""
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)
