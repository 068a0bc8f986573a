"""Papers from the draw: :func:`build_papers` numbers the items by type, shuffles each version's
options (catch-alls last, single-choice keys spread over the letters) and prints the stems."""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from ..bank import CHOICE_MARKER, is_catch_all
from ..bank.select import one_or_many
from ..errors import SelectionError
from ..i18n import _, join, ngettext, type_name
from ..mix import fill_quota, scale_points, trim_quota
from ..model import (
    LETTERS,
    QUESTION_TYPES,
    Bank,
    Question,
    QuestionType,
    name_article,
)
from ..typography import for_print
from .draw import check_filters, describe_filters, matching_pool, quota_of, select_items
from .model import (
    DEFAULT_COUNT,
    DEFAULT_POINTS,
    MAX_BYLINE_SHARE,
    MAX_POINTS,
    MAX_TOTAL,
    ORDINALS,
    Item,
    Paper,
    Section,
    pick_seed,
)

_WS_RE = re.compile(r"\s+")


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
    scaled near the ratio of their points so the paper totals exactly ``total``, with whole points per
    item (half points where whole ones cannot stay near the ratio; :func:`~studykit.mix.scale_points`;
    ``mix={"single": 10, "true_false": 10}, total=100`` gives 6 and 4).  ``title`` defaults to the bank's.  ``byline_share`` (0–1):
    the share of the paper byline items may fill (:data:`MAX_BYLINE_SHARE`; see :func:`select_items`).

    The quiz id is ``<bank id>-<seed>-<8 hex>``, the hex digits hashing the
    bank's fingerprint and the selection options, so it names exactly one quiz.

    Raises :class:`~studykit.errors.SelectionError` for an unknown speech id,
    type or tag, a count or version number out of range, fewer matching
    questions than ``count`` (saying how many match), a mix that asks more of a type
    than match (naming the type), or a ``total`` the items cannot reach with equal whole or
    half points within each type.
    """
    speeches, types, tags = one_or_many(speeches), one_or_many(types), one_or_many(tags)
    difficulties = one_or_many(difficulties)
    check_filters(bank, speeches, types, tags, difficulties)
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
                    name=name, types=join(QUESTION_TYPES)
                )
            )
        if not value > 0:
            raise SelectionError(
                _("points for {name} must be positive, not {value}").format(name=type_name(name), value=value)
            )
        if not (value <= MAX_POINTS and round(value, 2) == value):  # what an answer key can hold (load_key)
            raise SelectionError(
                _("points for {name} must be above 0 and at most {most}, with at most 2 decimals, not {value}").format(
                    name=type_name(name), most=MAX_POINTS, value=value
                )
            )
        per_type[name] = float(value)
    if total is not None and not 0 < total <= MAX_TOTAL:  # also NaN
        raise SelectionError(
            _("total must be above 0 and at most {most} points, not {total}").format(most=MAX_TOTAL, total=total)
        )
    quota = quota_of(mix, count, types)

    pool = matching_pool(bank, speeches, types, tags, difficulties)
    criteria = describe_filters(speeches, types, tags, difficulties)
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
    chosen = select_items(
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
    printed_title = for_print(title or bank.title)  # ``第一次测验(5月)`` prints ``第一次测验（5月）`` as the stems do
    return [
        _paper(bank, chosen, quiz_id, label, seed, per_type, printed_title, random.Random(f"{quiz_id}/{label}"))
        for label in labels
    ]


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
            speech = bank.speech(q.speech)
            stem = name_article(_printed_stem(q), speech.article)
            items.append(Item(number, q, speech, stem, options, answer, points[qtype]))
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
