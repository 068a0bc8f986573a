"""Quiz papers: select questions from a bank, shuffle options per version, build the answer key.

The one entry point is :func:`build_papers`::

    bank = load_bank("question_bank.yaml")
    papers = build_papers(bank, count=20, seed=7, versions=2)   # papers A and B
    key = papers[0].key()                                       # an AnswerKey for dump_key

The standard paper (no ``count``, ``mix`` or type filter) is :data:`DEFAULT_MIX` at
:data:`DEFAULT_POINTS`: 8 单选 × 5 + 4 多选 × 6 + 4 判断 × 4 + 4 填空 × 5 = 20 items,
满分 100.  ``mix`` sets the items per type; ``count`` alone draws that many of any type
(as before); ``total`` scales the points of the types ``points`` leaves open so the paper
totals it exactly.

Selection (the same for every version of one quiz):

* filters are combined with AND; the values of one filter with OR
  (``types=("single", "multiple")`` keeps both types);
* questions are drawn speech by speech in rounds (one from each speech that
  still has a matching question, those holding fewest first, ties in a seeded
  order), so no speech is left out when the count allows and none gets more than
  one extra while another still has an item that may join the paper;
* an item that would give away, or be given away by, one already drawn is passed
  over (:mod:`studykit._giveaway`: same fact, same source sentence, its key
  printed in the other's stem, or a speaker as its key and named in the other's
  stem); a draw left short is redrawn in another seeded order (up to
  :data:`STRICT_DRAWS`), and only a paper no such draw fills takes passed-over
  items, never two of one fact;
* byline items — who gave which speech, whose post is what, who said a sentence
  (the derived attribution items and the curated ones sharing their ``fact``) —
  fill at most :data:`MAX_BYLINE_SHARE` of a paper (rounded down), unless the
  other items cannot fill it (then as many as they leave, or, where only relaxing
  the giveaway rules fills an explicit count, as that draw takes them);
* the paper groups the items by type (单项选择题, 多项选择题, 判断题, 填空题) and,
  inside a section, follows the article (speech order, then bank order);
  numbering runs on across sections.

Versions differ only in the order of the options: each version shuffles them
with its own seeded generator and the key follows.  Catch-all options
(以上都是, 以上都不对 …) stay last.  The position of each single-choice key is
assigned from the least-used letters first (ties broken at random), so within
one paper no letter holds more than its share of the single-choice keys plus one.

Everything depends only on the bank, the options and the seed: the same input
gives the same papers.  String seeds for :class:`random.Random` are hashed with
SHA-512, which is stable across runs and platforms.
"""

from __future__ import annotations

import decimal
import hashlib
import json
import random
import re
import secrets
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ._giveaway import ConflictIndex
from .bank import BLANK_RE, CHOICE_MARKER, is_catch_all
from .errors import OptionError, SelectionError
from .i18n import _, join, ngettext, type_name
from .key import AnswerKey, KeyItem
from .mix import DEFAULT_MIX, check_mix, fill_quota, scale_points, shortfall, trim_quota
from .model import (
    LETTERS,
    QUESTION_TYPES,
    TRUE_FALSE_TEXT,
    TYPE_TITLES,
    Bank,
    Question,
    QuestionType,
    Speech,
    add_points,
    source_line,
)
from .typography import for_print

__all__ = [
    "BLANK_RE",
    "CHOICE_MARKER",
    "Item",
    "Paper",
    "Section",
    "build_papers",
    "giveaway_pairs",
    "parse_points",
    "pick_seed",
]

#: Questions on a paper when no count is given (or all that match, if fewer).
DEFAULT_COUNT = sum(DEFAULT_MIX.values())
#: Points per item by type when ``points`` does not say otherwise: 8×5 + 4×6 + 4×4 + 4×5 = 100.
DEFAULT_POINTS: dict[QuestionType, float] = {"single": 5, "multiple": 6, "true_false": 4, "fill_blank": 5}
#: The standard paper's total (满分).
DEFAULT_TOTAL = 100
#: Share of a paper that byline items (speaker, post, "who said") may fill by default: they
#: test the page's bylines, not the speeches, so they stay a small part of a paper (issue 15).
MAX_BYLINE_SHARE = 0.15
#: The scoring rule of multiple-choice items, as printed in the section heading.
MULTIPLE_RULE = "多选、少选、错选均不得分"
#: Chinese ordinals for section headings.
ORDINALS = "一二三四五六七八九十"
#: The most points one item can carry (``--points``).
MAX_POINTS = 100
#: Seeds picked when none is given are below this (short enough to retype).
SEED_LIMIT = 1_000_000

_WS_RE = re.compile(r"\s+")


def format_points(points: float) -> str:
    """``2.0`` → ``"2"``, ``1.5`` → ``"1.5"``, ``0.1 + 0.2`` → ``"0.3"``: points as printed,
    to at most 2 decimals and never with an exponent."""
    return f"{points:.2f}".rstrip("0").rstrip(".")


def pick_seed() -> int:
    """A fresh seed in ``[0, SEED_LIMIT)`` for a paper asked for without one."""
    return secrets.randbelow(SEED_LIMIT)


def parse_points(text: str) -> tuple[QuestionType, float]:
    """Parse ``TYPE=N`` (e.g. ``"multiple=4"``, ``"single=1.5"``) into ``(type, points)``.

    Raises :class:`~studykit.errors.OptionError` (a ``ValueError``) with a message saying what was expected when the
    type is unknown or N is not a number with 0 < N ≤ :data:`MAX_POINTS` and at
    most 2 decimals.
    """
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep:
        raise OptionError(_("{text!r} is not TYPE=N (e.g. multiple=4)").format(text=text))
    if name not in QUESTION_TYPES:
        raise OptionError(
            _("unknown type {name!r} in {text!r} (expected one of: {types})").format(
                name=name, text=text, types=", ".join(QUESTION_TYPES)
            )
        )
    try:
        exact = decimal.Decimal(value.strip())
    except decimal.InvalidOperation:
        raise OptionError(
            _("{value!r} in {text!r} is not a number of points (e.g. {name}=2)").format(
                value=value.strip(), text=text, name=name
            )
        ) from None
    if not (exact.is_finite() and 0 < exact <= MAX_POINTS and exact == exact.quantize(decimal.Decimal("0.01"))):
        raise OptionError(
            _(
                "{value!r} in {text!r}: points must be above 0 and at most {most}, with at most 2 decimals (e.g. 1.5)"
            ).format(value=value.strip(), text=text, most=MAX_POINTS)
        )
    return name, float(exact)


@dataclass(frozen=True)
class Item:
    """One question as printed on one version of a paper.

    ``stem`` and ``options`` are as printed (:func:`~studykit.typography.for_print`:
    ASCII ``, ; : ( )`` between Chinese characters full-width).
    ``stem`` is the printed stem (a choice stem or true/false statement ends with
    ``（ ）``; a fill_blank stem keeps its ``____`` blank for the renderer to
    draw); ``options`` are in printed order; ``answer`` holds the printed letters
    (choice types), ``("true",)``/``("false",)``, or the accepted texts.
    ``points`` is in points.
    """

    number: int
    question: Question
    speech: Speech
    stem: str
    options: tuple[str, ...]
    answer: tuple[str, ...]
    points: float

    @property
    def type(self) -> QuestionType:
        return self.question.type

    @property
    def correct(self) -> tuple[str, ...]:
        """The texts of the correct options in printed order (choice types only, else ``()``)."""
        if not self.question.is_choice:
            return ()
        return tuple(self.options[LETTERS.index(a)] for a in self.answer)

    @property
    def lettered_options(self) -> tuple[tuple[str, str], ...]:
        """``(("A", text), ("B", text), …)`` in printed order."""
        return tuple(zip(LETTERS, self.options, strict=False))

    @property
    def answer_text(self) -> str:
        """The answer as the 参考答案 prints it: ``"B（华中师范大学）"``, ``"对"``/``"错"`` (as the paper
        tells members to write it), the blank's text (:func:`~studykit.typography.for_print`)."""
        if self.question.is_choice:
            return f"{''.join(self.answer)}（{'；'.join(self.correct)}）"
        if self.type == "true_false":
            return TRUE_FALSE_TEXT[self.answer[0]]
        extra = f"（也可答：{'；'.join(self.answer[1:])}）" if len(self.answer) > 1 else ""
        return for_print(self.answer[0] + extra)

    @property
    def explanation(self) -> str:
        """The 解析 as printed (:func:`~studykit.typography.for_print`)."""
        return for_print(self.question.explanation)

    @property
    def source_line(self) -> str:
        """出处: ``任剑涛《大都市是省域治理重要落点》：“…”`` (导语 for the introduction).

        The source is quoted with inner quotation marks turned into ‘ ’, Chinese style.
        """
        return source_line(
            self.speech.speaker, self.speech.heading, self.question.source, intro=self.speech.id == "intro"
        )


@dataclass(frozen=True)
class Section:
    """The items of one type, e.g. 一、单项选择题（每题2分，共10分）."""

    ordinal: str
    type: QuestionType
    points_each: float
    items: tuple[Item, ...]

    @property
    def title(self) -> str:
        return TYPE_TITLES[self.type]

    @property
    def total_points(self) -> float:
        return add_points(i.points for i in self.items)

    @property
    def heading(self) -> str:
        """``"二、多项选择题（每题3分，共6分。多选、少选、错选均不得分）"``."""
        rule = f"。{MULTIPLE_RULE}" if self.type == "multiple" else ""
        each, total = format_points(self.points_each), format_points(self.total_points)
        return f"{self.ordinal}、{self.title}（每题{each}分，共{total}分{rule}）"


@dataclass(frozen=True)
class Paper:
    """One version of a quiz: header data and sections in print order.

    ``version`` is ``"A"``, ``"B"``, … or ``""`` for a quiz printed in one version.
    ``seed`` is the seed the selection and shuffles were drawn with.
    """

    quiz_id: str
    version: str
    title: str
    bank_id: str
    bank_fingerprint: str
    seed: int
    sections: tuple[Section, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items)

    @property
    def total_points(self) -> float:
        return add_points(i.points for i in self.items)

    @property
    def id_line(self) -> str:
        """``"测验编号：mini-test-7-1a2b3c4d　版本：A　满分：34分"`` (no 版本 without versions)."""
        parts = [f"测验编号：{self.quiz_id}"]
        if self.version:
            parts.append(f"版本：{self.version}")
        parts.append(f"满分：{format_points(self.total_points)}分")
        return "　".join(parts)

    @property
    def instruction(self) -> str:
        """The one-line instruction under the header, naming only the types on this paper."""
        how = {
            "single": "选择题将正确选项的字母填在括号内",
            "multiple": "",
            "true_false": "判断题正确的填“对”、错误的填“错”",
            "fill_blank": "填空题在横线上填写原文",
        }
        types = {s.type for s in self.sections}
        if "multiple" in types:
            types.add("single")
        parts = [how[t] for t in QUESTION_TYPES if t in types and how[t]]
        return f"本卷共{len(self.items)}题。" + "；".join(parts) + "。"

    def key(self) -> AnswerKey:
        """The answer key of this version (for :func:`~studykit.key.dump_key`)."""
        return AnswerKey(
            quiz_id=self.quiz_id,
            version=self.version,
            title=self.title,
            bank_id=self.bank_id,
            bank_fingerprint=self.bank_fingerprint,
            items=tuple(
                KeyItem(
                    number=i.number,
                    question_id=i.question.id,
                    type=i.type,
                    speech=i.speech.id,
                    points=i.points,
                    stem=i.stem,
                    answer=i.answer,
                    options=i.options,
                    correct=i.correct,
                )
                for i in self.items
            ),
        )


def build_papers(
    bank: Bank,
    count: int | None = None,
    seed: int | None = None,
    versions: int = 1,
    speeches: Iterable[str] = (),
    types: Iterable[str] = (),
    tags: Iterable[str] = (),
    difficulties: Iterable[int] = (),
    points: Mapping[str, float] | None = None,
    title: str | None = None,
    mix: Mapping[str, int] | None = None,
    total: float | None = None,
    byline_share: float = MAX_BYLINE_SHARE,
) -> list[Paper]:
    """The ``versions`` papers (A, B, … or one unlettered paper) of one quiz on ``bank``.

    ``mix`` maps a type to its number of items (types not named get none); with no
    ``count``, ``mix`` or ``types`` the paper is the standard :data:`DEFAULT_MIX`, a type
    of which the filters leave fewer questions than its share taking all there are
    (:func:`mix_shortfall` says which).  ``count``: questions per paper, of any type (must
    equal the mix's sum when both are given); ``None`` means :data:`DEFAULT_COUNT`, or every
    matching question if fewer match — fewer still when no draw of that many keeps
    every item from giving another away (a narrow filter): then the largest paper a
    draw found without such a pair.  An explicit ``count`` or ``mix`` is always met, relaxing the
    giveaway rules if it must (:func:`giveaway_pairs` names the pairs then).  ``seed``: ``None`` picks one
    (:func:`pick_seed`); read it back from ``paper.seed``.  ``speeches``,
    ``types``, ``tags``, ``difficulties`` (1–3) filter the bank; empty means
    no filter.  Items sharing a ``fact`` count once: a paper holds at most one of them.  ``points`` maps a type to its points per item (others keep
    :data:`DEFAULT_POINTS`).  ``total`` (points): the types ``points`` does not set are
    scaled in the ratio of their points so the paper totals exactly ``total``, rounded to half
    points where the ratio needs more decimals (:func:`~studykit.mix.scale_points`; ``mix={"single": 10,
    "true_false": 10}, total=100`` gives 5.5 and 4.5).  ``title`` defaults to the bank's.  ``byline_share`` (0–1):
    the share of the paper byline items may fill (:data:`MAX_BYLINE_SHARE`; see :func:`_select`).

    The quiz id is ``<bank id>-<seed>-<8 hex>``, the hex digits hashing the
    bank's fingerprint and the selection options, so it names exactly one quiz.

    Raises :class:`~studykit.errors.SelectionError` for an unknown speech id,
    type or tag, a count or version number out of range, fewer matching
    questions than ``count`` (saying how many match), a mix that asks more of a type
    than match (naming the type), or a ``total`` the items cannot reach with equal points
    within each type (at most 2 decimals).
    """
    speeches, types, tags = tuple(dict.fromkeys(speeches)), tuple(dict.fromkeys(types)), tuple(dict.fromkeys(tags))
    difficulties = tuple(dict.fromkeys(difficulties))
    _check_filters(bank, speeches, types, tags, difficulties)
    if not 1 <= versions <= len(LETTERS):
        raise SelectionError(
            _("versions must be 1–{most}, not {versions}").format(most=len(LETTERS), versions=versions)
        )
    if count is not None and count < 1:
        raise SelectionError(_("count must be at least 1, not {count}").format(count=count))
    if not 0 <= byline_share <= 1:
        raise SelectionError(_("byline_share must be from 0 to 1, not {share}").format(share=byline_share))
    per_type: dict[QuestionType, float] = dict(DEFAULT_POINTS)
    for name, value in (points or {}).items():
        if name not in per_type:
            raise SelectionError(
                _("unknown type {name!r} in points (expected one of: {types})").format(
                    name=name, types=", ".join(QUESTION_TYPES)
                )
            )
        if not value > 0:
            raise SelectionError(_("points for {name} must be positive, not {value}").format(name=name, value=value))
        per_type[name] = float(value)
    quota = _quota(mix, count, types)

    pool = _pool(bank, speeches, types, tags, difficulties)
    criteria = _describe(speeches, types, tags, difficulties)
    if quota is not None:
        pool = [q for q in pool if quota.get(q.type, 0)]
    available = len({q.fact or q.id for q in pool})  # items sharing a fact count once
    if not pool:
        # criteria: a filter emptied it
        raise SelectionError(_("no question in {bank} matches {criteria}").format(bank=bank.path, criteria=criteria))
    if quota is not None:
        quota = fill_quota(pool, quota, str(bank.path), criteria, strict=mix is not None)
        if mix is None:  # the standard paper takes what there is
            quota = trim_quota(quota, available)
        wanted = sum(quota.values())
    else:
        wanted = min(DEFAULT_COUNT, available) if count is None else count
    if wanted > available:
        # check counts every item; a paper takes each fact once
        shared = _(" ({n} items; items sharing a fact count once)").format(n=len(pool)) if len(pool) > available else ""
        if criteria:
            message = ngettext(
                "only {n} question in {bank} match {criteria}{shared}; {wanted} asked for (ask for fewer or widen the filters)",
                "only {n} questions in {bank} match {criteria}{shared}; {wanted} asked for (ask for fewer or widen the filters)",
                available,
            )
        else:
            message = ngettext(
                "only {n} question in {bank}{shared}; {wanted} asked for (ask for fewer)",
                "only {n} questions in {bank}{shared}; {wanted} asked for (ask for fewer)",
                available,
            )
        raise SelectionError(
            message.format(n=available, bank=bank.path, criteria=criteria, shared=shared, wanted=wanted)
        )
    if seed is None:
        seed = pick_seed()
    rng = random.Random(f"{bank.id}/{seed}/select")
    chosen = _select(
        bank, pool, wanted, rng, shrink=count is None and mix is None, quota=quota, byline_share=byline_share
    )
    if total is not None:
        per_type = scale_points(Counter(q.type for q in chosen), per_type, set(points or {}), total, MAX_POINTS)
    options_digest = json.dumps(
        {
            "count": len(chosen),  # the paper's, which a narrow selection may shrink below the default
            # a versioned quiz never shares its id with the unversioned one of the same draw
            **({"versions": versions} if versions > 1 else {}),
            **({"mix": quota} if quota is not None else {}),
            # another byline share draws other items: its own id (the default keeps the ids it had)
            **({"byline_share": byline_share} if byline_share != MAX_BYLINE_SHARE else {}),
            "speeches": sorted(speeches),
            "types": sorted(types),
            "tags": sorted(tags),
            "difficulties": sorted(difficulties),
            "points": {t: per_type[t] for t in QUESTION_TYPES},
            "fingerprint": bank.fingerprint,
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    quiz_id = f"{bank.id}-{seed}-{hashlib.sha256(options_digest.encode()).hexdigest()[:8]}"
    labels = [""] if versions == 1 else list(LETTERS[:versions])
    return [
        _paper(bank, chosen, quiz_id, label, seed, per_type, title or bank.title, random.Random(f"{quiz_id}/{label}"))
        for label in labels
    ]


def _quota(mix: Mapping[str, int] | None, count: int | None, types: tuple[str, ...]) -> dict[QuestionType, int] | None:
    """Items per type the paper is drawn to: ``mix`` checked (:func:`~studykit.mix.check_mix`),
    the standard mix when nothing says otherwise, or ``None`` for a draw of any type (a
    ``count`` or a type filter alone)."""
    if mix is None:
        return dict(DEFAULT_MIX) if count is None and not types else None
    return check_mix(mix, count, types)


def mix_shortfall(
    bank: Bank, speeches: Iterable[str] = (), tags: Iterable[str] = (), difficulties: Iterable[int] = ()
) -> list[tuple[QuestionType, int, int]]:
    """The types of which the filters leave fewer different questions (a fact counts once)
    than the standard paper (:data:`~studykit.mix.DEFAULT_MIX`) asks: ``[(type, matching,
    standard), …]`` in section order; ``[]`` when every type can be filled."""
    return shortfall(_pool(bank, speeches, (), tags, difficulties))


def _check_filters(
    bank: Bank, speeches: tuple[str, ...], types: tuple[str, ...], tags: tuple[str, ...], difficulties: tuple[int, ...]
) -> None:
    known = [s.id for s in bank.speeches]
    for sid in speeches:
        if sid not in known:
            raise SelectionError(
                _("unknown speech id {id!r} (expected one of: {known})").format(id=sid, known=join(known))
            )
    for t in types:
        if t not in QUESTION_TYPES:
            raise SelectionError(
                _("unknown question type {type!r} (expected one of: {types})").format(
                    type=t, types=", ".join(QUESTION_TYPES)
                )
            )
    bank_tags = sorted({t for q in bank.questions for t in q.tags})
    for tag in tags:
        if tag not in bank_tags:
            raise SelectionError(
                _("no question has the tag {tag!r} (tags in the bank: {tags})").format(tag=tag, tags=join(bank_tags))
            )
    for d in difficulties:
        if d not in (1, 2, 3):
            raise SelectionError(_("unknown difficulty {value!r} (expected 1, 2 or 3)").format(value=d))


def _describe(
    speeches: tuple[str, ...], types: tuple[str, ...], tags: tuple[str, ...], difficulties: tuple[int, ...]
) -> str:
    parts = [
        name.format(values=join(map(str, values)))
        for name, values in (
            (_("speech {values}"), speeches),
            (_("type {values}"), tuple(map(type_name, types))),
            (_("tag {values}"), tags),
            (_("difficulty {values}"), difficulties),
        )
        if values
    ]
    return "; ".join(parts)


#: Draws tried with every giveaway rule before the rules are relaxed (a greedy draw can
#: block itself: a "who gave this speech" item drawn early rules out its speaker's items).
STRICT_DRAWS = 20


def byline_ids(bank: Bank) -> frozenset[str]:
    """Ids of ``bank``'s byline items: the derived attribution items and the curated items
    sharing their ``fact`` (a curated "whose post is …" restates a derived one)."""
    facts = {q.fact for q in bank.questions if q.derived and q.fact}
    return frozenset(q.id for q in bank.questions if q.derived or (q.fact and q.fact in facts))


def _select(
    bank: Bank,
    pool: list[Question],
    count: int,
    rng: random.Random,
    *,
    shrink: bool = False,
    quota: Mapping[QuestionType, int] | None = None,
    byline_share: float = MAX_BYLINE_SHARE,
) -> list[Question]:
    """``count`` questions drawn in rounds across speeches, ordered by type, speech and bank order.

    Each round gives every speech with items left one more, speeches holding fewest
    first (ties in the shuffled order).  A drawn item that conflicts with one already
    chosen (see :mod:`studykit._giveaway`) is passed over.  If that leaves the paper
    short, the draw is tried again in another seeded order, up to :data:`STRICT_DRAWS`
    draws; only if none fills the paper does a second draw over the first draw's
    passed-over items fill it the same way, refusing only items of a fact already on
    the paper — or, with ``shrink``, the paper is the largest of those draws instead.
    With a ``quota`` (items per type) an item of a type already full is skipped.
    Byline items (:func:`byline_ids`) fill at most ``byline_share`` of ``count`` (rounded
    down), or as many as the other items leave to fill, in every draw but that second one
    (which already lets items give each other away, so a byline more matters little).
    """
    grouped: dict[str, list[Question]] = {}
    for q in pool:
        grouped.setdefault(q.speech, []).append(q)
    order = sorted(grouped, key=lambda sid: bank.speech(sid).number)
    index = ConflictIndex(bank, pool)
    byline = byline_ids(bank)
    others = len({q.fact or q.id for q in pool if q.id not in byline})
    cap = max(int(count * byline_share + 1e-9), count - others)  # the others alone may not fill it
    first: tuple[list[Question], dict[str, list[Question]]] | None = None
    largest: list[Question] = []
    for _draw_number in range(STRICT_DRAWS):
        rng.shuffle(order)
        by_speech = {sid: grouped[sid][:] for sid in order}
        for sid in order:
            rng.shuffle(by_speech[sid])
        chosen, passed_over = _draw(order, by_speech, [], count, index, strict=True, quota=quota, limit=(byline, cap))
        if len(chosen) == count:
            break
        first = first or (chosen, passed_over)
        largest = max(largest, chosen, key=len)
    else:
        assert first is not None
        if shrink:
            chosen = largest
        else:
            chosen, passed_over = first
            chosen, _passed = _draw(order, passed_over, chosen, count, index, strict=False, quota=quota)
    if len(chosen) < count and not shrink:  # cannot happen: build_papers counts distinct facts first
        raise SelectionError(
            _("only {n} distinct questions could be drawn; {count} asked for").format(n=len(chosen), count=count)
        )
    position = {q.id: n for n, q in enumerate(bank.questions)}
    return sorted(chosen, key=lambda q: (QUESTION_TYPES.index(q.type), bank.speech(q.speech).number, position[q.id]))


def _pool(
    bank: Bank, speeches: Iterable[str], types: Iterable[str], tags: Iterable[str], difficulties: Iterable[int]
) -> list[Question]:
    """The bank's questions the filters keep (an empty filter keeps all)."""
    speeches, types, tags, difficulties = set(speeches), set(types), set(tags), set(difficulties)
    return [
        q
        for q in bank.questions
        if (not speeches or q.speech in speeches)
        and (not types or q.type in types)
        and (not tags or set(q.tags) & tags)
        and (not difficulties or q.difficulty in difficulties)
    ]


def default_count(
    bank: Bank,
    speeches: Iterable[str] = (),
    types: Iterable[str] = (),
    tags: Iterable[str] = (),
    difficulties: Iterable[int] = (),
) -> int:
    """The questions a paper asked for without a count aims at: :data:`DEFAULT_COUNT`, or the
    number of different questions the filters keep if fewer (items sharing a fact count once);
    with no type filter, the standard mix's share of each type or as many as the type has."""
    pool = _pool(bank, speeches, types, tags, difficulties)
    available = len({q.fact or q.id for q in pool})
    if not tuple(types):
        per_type = sum(min(n, len({q.fact or q.id for q in pool if q.type == t})) for t, n in DEFAULT_MIX.items())
        return min(per_type, available)  # a fact asked by two types counts once in all
    return min(DEFAULT_COUNT, available)


def giveaway_pairs(bank: Bank, paper: Paper) -> list[tuple[Item, Item]]:
    """The pairs of ``paper``'s items that give each other away (:mod:`studykit._giveaway`,
    every rule), in print order: none unless an explicit count made the draw relax the rules."""
    index = ConflictIndex(bank, [i.question for i in paper.items])
    items = paper.items
    return [(a, b) for n, a in enumerate(items) for b in items[n + 1 :] if index.conflict(a.question, b.question)]


def _draw(
    order: list[str],
    by_speech: dict[str, list[Question]],
    chosen: list[Question],
    count: int,
    index: ConflictIndex,
    *,
    strict: bool,
    quota: Mapping[QuestionType, int] | None = None,
    limit: tuple[frozenset[str], int] = (frozenset(), 0),
) -> tuple[list[Question], dict[str, list[Question]]]:
    """Add items popped from the end of each speech's list in ``by_speech`` to ``chosen``
    (a new list) until it holds ``count``: in rounds, one per speech, speeches holding fewest
    first (ties in ``order``), an item conflicting with one chosen passed over.  Returns
    the chosen items and the passed-over ones (per speech, in the order they were drawn,
    last first, ready to be popped again).  With a ``quota``, an item of a type that already
    has its share is dropped (neither chosen nor passed over).  ``limit`` is ``(ids, cap)``: at most ``cap``
    items of ``ids`` are chosen; the rest of them are dropped."""
    chosen = chosen[:]
    left = {sid: by_speech.get(sid, [])[:] for sid in order}
    passed_over: dict[str, list[Question]] = {sid: [] for sid in order}
    while len(chosen) < count and any(left[sid] for sid in order):
        held = Counter(q.speech for q in chosen)
        for sid in sorted(order, key=held.__getitem__):
            while left[sid] and len(chosen) < count:
                q = left[sid].pop()
                if quota is not None and sum(c.type == q.type for c in chosen) >= quota.get(q.type, 0):
                    continue
                if q.id in limit[0] and sum(c.id in limit[0] for c in chosen) >= limit[1]:
                    continue
                if any(index.conflict(q, c, strict=strict) for c in chosen):
                    passed_over[sid].append(q)
                    continue
                chosen.append(q)
                break
    return chosen, {sid: passed_over[sid][::-1] for sid in order}


def _paper(
    bank: Bank,
    chosen: list[Question],
    quiz_id: str,
    version: str,
    seed: int,
    points: dict[QuestionType, float],
    title: str,
    rng: random.Random,
) -> Paper:
    """One version: shuffle the options of ``chosen`` (already in print order) and number the items."""
    singles = [q for q in chosen if q.type == "single"]
    key_at = _single_key_positions(singles, rng)
    sections: list[Section] = []
    number = 0
    for qtype in QUESTION_TYPES:
        items: list[Item] = []
        for q in (q for q in chosen if q.type == qtype):
            number += 1
            options, answer = _shuffle(q, rng, key_at.get(q.id))
            items.append(Item(number, q, bank.speech(q.speech), _printed_stem(q), options, answer, points[qtype]))
        if items:
            sections.append(Section(ORDINALS[len(sections)], qtype, points[qtype], tuple(items)))
    return Paper(quiz_id, version, title, bank.id, bank.fingerprint, seed, tuple(sections))


#: The answer bracket as a paper prints it: two ideographic spaces, room to write a letter
#: or 对/错 by hand (the bank's ``（ ）`` prints as a bare ``（）`` in Word and WPS).
PRINTED_MARKER = "（\u3000\u3000）"


def _printed_stem(q: Question) -> str:
    """The stem on one line with its ``（ ）`` printed as :data:`PRINTED_MARKER`, which is
    appended to a choice stem or true/false statement that lacks one."""
    stem = for_print(_WS_RE.sub(" ", q.stem).strip())
    if q.type == "fill_blank":
        return stem
    if CHOICE_MARKER not in stem:
        return stem + PRINTED_MARKER
    return stem.replace(CHOICE_MARKER, PRINTED_MARKER)


def _split_options(q: Question) -> tuple[list[int], list[int]]:
    """Indices of ``q``'s options that may move, and of the catch-alls that stay last (in bank order)."""
    tail = [i for i, o in enumerate(q.options) if is_catch_all(o)]
    return [i for i in range(len(q.options)) if i not in tail], tail


def _single_key_positions(singles: list[Question], rng: random.Random) -> dict[str, int]:
    """Where each single-choice key goes: least-used positions first, ties at random.

    A key that is a catch-all keeps its fixed place at the end; its letter still counts.
    """
    used: Counter[int] = Counter()
    result: dict[str, int] = {}
    free: list[Question] = []
    for q in singles:
        movable, tail = _split_options(q)
        correct = q.correct_indices[0]
        if correct in tail:
            used[len(movable) + tail.index(correct)] += 1
        else:
            free.append(q)
    rng.shuffle(free)
    for q in free:
        slots = range(len(_split_options(q)[0]))
        least = min(used[s] for s in slots)
        pos = rng.choice([s for s in slots if used[s] == least])
        used[pos] += 1
        result[q.id] = pos
    return result


def _shuffle(q: Question, rng: random.Random, key_at: int | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``q``'s options in printed order and the answer as printed; non-choice items pass through."""
    if not q.is_choice:
        return (), q.answer
    movable, tail = _split_options(q)
    if key_at is not None:  # a single-choice key with an assigned place
        correct = q.correct_indices[0]
        others = [i for i in movable if i != correct]
        rng.shuffle(others)
        movable = [*others[:key_at], correct, *others[key_at:]]
    else:
        rng.shuffle(movable)
    order = movable + tail
    options = tuple(for_print(q.options[i]) for i in order)
    answer = tuple(sorted(LETTERS[order.index(i)] for i in q.correct_indices))
    return options, answer
