"""Which questions a paper gets: the filters, the draw speech by speech in rounds, the byline share
and the giveaway rules (see :mod:`studykit.quiz` for the policy)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Mapping

from .._giveaway import ConflictIndex
from ..errors import SelectionError
from ..i18n import _, join, type_name
from ..mix import DEFAULT_MIX, check_mix, shortfall
from ..model import (
    BANK_SEPARATOR,
    QUESTION_TYPES,
    Bank,
    Question,
    QuestionType,
)
from .model import DEFAULT_COUNT, MAX_BYLINE_SHARE, Item, Paper


def quota_of(
    mix: Mapping[str, int] | None, count: int | None, types: tuple[str, ...]
) -> dict[QuestionType, int] | None:
    """Items per type the paper is drawn to: ``mix`` checked (:func:`~studykit.mix.check_mix`),
    the standard mix when nothing says otherwise, or ``None`` for a draw of any type (a
    ``count`` or a type filter alone)."""
    if mix is None:
        return dict(DEFAULT_MIX) if count is None and not types else None
    return check_mix(mix, count, types)


def mix_shortfall(
    bank: Bank, speeches: Iterable[str] = (), tags: Iterable[str] = (), difficulties: Iterable[int] = ()
) -> list[tuple[QuestionType, int, int]]:
    """The types of which the standard paper (:data:`~studykit.mix.DEFAULT_MIX`) drawn from the
    questions the filters keep holds fewer items than it asks (items sharing a fact count once,
    across types too, as :func:`build_papers` draws them): ``[(type, items the paper can hold,
    standard), …]`` in section order; ``[]`` when every type can be filled."""
    return shortfall(matching_pool(bank, speeches, (), tags, difficulties))


def check_filters(
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
                    type=t, types=join(QUESTION_TYPES)
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


def describe_filters(
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


def select_items(
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
    first (ties in the shuffled order); where ``bank`` merges several articles, every
    article one more instead, articles holding fewest first, from its speech holding fewest.  A drawn item that conflicts with one already
    chosen (see :mod:`studykit._giveaway`) is passed over.  If that leaves the paper
    short, the draw is tried again in another seeded order, up to :data:`STRICT_DRAWS`
    draws; only if none fills the paper does a second draw over the first draw's
    passed-over items fill it the same way, refusing only items of a fact already on
    the paper — or, with ``shrink``, the paper is the largest of those draws instead.
    Two or more 判断题 drawn with one answer get one of the other answer where the pool
    has one (:func:`_both_answers`).
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
    chosen = _both_answers(chosen, pool, index, (byline, cap))
    if len(chosen) < count and not shrink:  # cannot happen: build_papers counts distinct facts first
        raise SelectionError(
            _("only {n} distinct questions could be drawn; {count} asked for").format(n=len(chosen), count=count)
        )
    position = {q.id: n for n, q in enumerate(bank.questions)}
    return sorted(chosen, key=lambda q: (QUESTION_TYPES.index(q.type), bank.speech(q.speech).number, position[q.id]))


def matching_pool(
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
    pool = matching_pool(bank, speeches, types, tags, difficulties)
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


def article_of(speech_id: str) -> str:
    """The bank id of a merged bank's speech (``10-plywz/intro`` → ``10-plywz``); ``""`` for one bank's."""
    return speech_id.rpartition(BANK_SEPARATOR)[0]


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
    first (ties in ``order``) — with speeches of several articles (:func:`article_of`), one per
    article, articles holding fewest first, each from its speech holding fewest — an item
    conflicting with one chosen passed over.  Returns
    the chosen items and the passed-over ones (per speech, in the order they were drawn,
    last first, ready to be popped again).  With a ``quota``, an item of a type that already
    has its share is dropped (neither chosen nor passed over).  ``limit`` is ``(ids, cap)``: at most ``cap``
    items of ``ids`` are chosen; the rest of them are dropped."""
    chosen = chosen[:]
    left = {sid: by_speech.get(sid, [])[:] for sid in order}
    passed_over: dict[str, list[Question]] = {sid: [] for sid in order}

    def take(sid: str) -> bool:
        """Pop ``sid``'s items until one joins ``chosen``; whether one did."""
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
            return True
        return False

    articles: dict[str, list[str]] = {}  # article → its speeches, both in ``order``
    for sid in order:
        articles.setdefault(article_of(sid), []).append(sid)
    while len(chosen) < count and any(left[sid] for sid in order):
        held = Counter(q.speech for q in chosen)
        if len(articles) == 1:  # one article: a round gives each speech one
            for sid in sorted(order, key=held.__getitem__):
                take(sid)
            continue
        by_article = Counter(article_of(q.speech) for q in chosen)
        for speeches in sorted(articles.values(), key=lambda s: by_article[article_of(s[0])]):
            any(take(sid) for sid in sorted(speeches, key=held.__getitem__))  # the article's one item
    return chosen, {sid: passed_over[sid][::-1] for sid in order}


def _both_answers(
    chosen: list[Question], pool: list[Question], index: ConflictIndex, limit: tuple[frozenset[str], int]
) -> list[Question]:
    """``chosen`` with one 判断题 swapped when two or more were drawn and all have one answer (all 对, or all
    错: a member writing 对 throughout would score the whole section) and ``pool`` holds one of the other
    answer that gives nothing away to the rest (:class:`ConflictIndex`) and keeps the byline ``limit``: the
    last drawn 判断题 goes, for one of its speech where there is one, else the first in the bank's order."""
    judged = [q for q in chosen if q.type == "true_false"]
    if len(judged) < 2 or len({q.answer for q in judged}) > 1:
        return chosen
    ids = {q.id for q in chosen}
    byline, cap = limit
    out = judged[-1]
    rest = [q for q in chosen if q is not out]
    others = [q for q in pool if q.type == "true_false" and q.answer != out.answer and q.id not in ids]
    for other in sorted(others, key=lambda q: q.speech != out.speech):  # its speech first (a stable sort)
        if other.id in byline and sum(q.id in byline for q in rest) >= cap:
            continue
        if not any(index.conflict(other, q, strict=True) for q in rest):
            return [other if q is out else q for q in chosen]
    return chosen
