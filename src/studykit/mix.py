"""How many items of each type a paper holds, and the points that make its total.

The standard paper (:data:`DEFAULT_MIX`): 8 单选, 4 多选, 4 判断, 4 填空 — at the quiz's default
points (5, 6, 4, 5) 满分 100.  :func:`parse_mix` reads ``--mix single=8,multiple=4``;
:func:`check_mix` and :func:`fill_quota` turn a mix into the quota a draw fills, saying which
type cannot be filled; :func:`shortfall` names the types a selection has too few of for the
standard paper; :func:`scale_points` finds the points per type that reach a ``--total``.
"""

from __future__ import annotations

import decimal
import fractions
import itertools
import math
from collections.abc import Iterator, Mapping, Sequence

from .errors import OptionError, SelectionError
from .i18n import _, join, type_name
from .model import QUESTION_TYPES, Question, QuestionType

__all__ = ["DEFAULT_MIX", "check_mix", "fill_quota", "parse_mix", "scale_points", "shortfall", "shortfall_note"]

#: The standard paper: items per type when neither a count, a mix nor a type filter is given
#: (all four types, 20 items; at :data:`studykit.quiz.DEFAULT_POINTS` they total 100).
DEFAULT_MIX: dict[QuestionType, int] = {"single": 8, "multiple": 4, "true_false": 4, "fill_blank": 4}


def _points(points: float) -> str:
    """Points as a message prints them: ``100``, ``1.5``."""
    return f"{points:.2f}".rstrip("0").rstrip(".")


#: The full-width forms of ASCII (U+FF01–U+FF5E) and the ideographic space, to ASCII.
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, ord("、"): ord(",")}


def halfwidth(text: str) -> str:
    """``text`` as typed on a Chinese keyboard made plain: full-width forms to ASCII
    (``single＝8，multiple＝4`` → ``single=8,multiple=4``) and the list comma 、 to ``,``.
    Only those: NFKC would also read ``1²`` as ``12`` and ``⑩`` as ``10``, a number nobody typed."""
    return text.translate(_FULLWIDTH)


#: The types by the names papers and Chinese messages print (``单选`` or ``单选题`` = ``single``).
CHINESE_TYPE_NAMES = {"单选": "single", "多选": "multiple", "判断": "true_false", "填空": "fill_blank"}


def type_pair(text: str, not_a_pair: str) -> tuple[QuestionType, str]:
    """``TYPE=N`` (one pair of ``--mix`` or a ``--points`` value) as ``(type, N's text)``; TYPE may
    also be the type's Chinese name (:data:`CHINESE_TYPE_NAMES`: ``多选=4``, ``多选题=4``).

    Raises :class:`~studykit.errors.OptionError` with ``not_a_pair`` (the caller's message,
    with its example) when there is no ``=``, and naming the known types when TYPE is unknown.
    """
    name, sep, value = text.partition("=")
    name = CHINESE_TYPE_NAMES.get(name.strip().removesuffix("题"), name.strip())
    if not sep:
        raise OptionError(not_a_pair)
    if name not in QUESTION_TYPES:
        raise OptionError(
            _("unknown type {name!r} in {text!r} (expected one of: {types})").format(
                name=name, text=text, types=join(QUESTION_TYPES)
            )
        )
    return name, value.strip()


def parse_mix(text: str) -> dict[QuestionType, int]:
    """Parse ``"single=8,multiple=4"`` (``TYPE=N`` pairs, comma-separated) into items per type.

    Raises :class:`~studykit.errors.OptionError` (a ``ValueError``) saying what was expected when a pair is not ``TYPE=N``, the
    type is unknown or given twice, or N is not a whole number ≥ 0.  Full-width ``＝``, ``，`` and
    digits and the list comma ``、`` are read as typed on a Chinese keyboard (:func:`halfwidth`).
    """
    mix: dict[QuestionType, int] = {}
    for part in (p.strip() for p in halfwidth(text).split(",")):
        name, value = type_pair(part, _("{part!r} is not TYPE=N (e.g. single=8,multiple=4)").format(part=part))
        if name in mix:
            raise OptionError(_("{name} given twice in the mix (give each type once)").format(name=name))
        if not (value.isascii() and value.isdecimal()):  # not ٣ or other scripts' digits
            raise OptionError(
                _("{value!r} in {part!r} is not a number of items (e.g. {name}=4)").format(
                    value=value, part=part, name=name
                )
            )
        mix[name] = int(value)
    return mix


def check_mix(mix: Mapping[str, int], count: int | None, types: Sequence[str]) -> dict[QuestionType, int]:
    """``mix`` (items per type) as the paper's quota, types in section order, zeros dropped.

    Raises :class:`~studykit.errors.SelectionError` for an unknown type, a negative number, a
    type the ``types`` filter leaves out, a mix of no items, or a ``count`` that differs from
    the mix's sum.
    """
    quota: dict[QuestionType, int] = {}
    for name, n in mix.items():
        if name not in QUESTION_TYPES:
            raise SelectionError(
                _("unknown type {name!r} in the mix (expected one of: {types})").format(
                    name=name, types=join(QUESTION_TYPES)
                )
            )
        if n < 0:
            raise SelectionError(
                _("the mix asks for {n} {name} items (give 0 or more)").format(n=n, name=type_name(name))
            )
        if n and types and name not in types:
            raise SelectionError(
                _("the mix asks for {name} items but the type filter keeps only {types}").format(
                    name=type_name(name), types=join(map(type_name, types))
                )
            )
        quota[name] = n  # a QuestionType: checked against QUESTION_TYPES above
    size = sum(quota.values())
    if size < 1:
        raise SelectionError(_("the mix asks for no items (give at least one, e.g. single=8)"))
    if count is not None and count != size:
        raise SelectionError(
            _("count {count} and the mix ({size} items) disagree (give one, or make them equal)").format(
                count=count, size=size
            )
        )
    return {t: quota[t] for t in QUESTION_TYPES if quota.get(t)}


def fill_quota(
    pool: Sequence[Question], quota: Mapping[QuestionType, int], bank: str, criteria: str, *, strict: bool
) -> dict[QuestionType, int]:
    """``quota`` checked against the questions each type has in ``pool`` (a fact counts once):
    a type with too few raises :class:`~studykit.errors.SelectionError` naming it, the ``bank``
    file and the filters (``criteria``) when ``strict`` (an asked-for mix), else takes all it
    has (the standard mix on a small bank or a narrow filter)."""
    result: dict[QuestionType, int] = {}
    for qtype, wanted in quota.items():
        items = [q for q in pool if q.type == qtype]
        have = len({q.fact or q.id for q in items})
        if strict and have < wanted:
            where = _(" matching {criteria}").format(criteria=criteria) if criteria else ""
            # as quiz --type … --count says it: a paper takes each fact once
            shared = (
                _(" ({n} items; items sharing a fact count once)").format(n=len(items)) if len(items) > have else ""
            )
            raise SelectionError(
                _(
                    "only {have} {kind} questions in {bank}{where}{shared}; the mix asks for {wanted} "
                    "(ask for fewer, e.g. --mix {type}={have}, or widen the filters)"
                ).format(
                    have=have, kind=type_name(qtype), type=qtype, bank=bank, where=where, shared=shared, wanted=wanted
                )
            )
        if min(have, wanted):
            result[qtype] = min(have, wanted)
    return result


def trim_quota(quota: Mapping[QuestionType, int], available: int) -> dict[QuestionType, int]:
    """``quota`` cut to ``available`` items in all (the different facts a pool holds): one item at a
    time off the type asking most (the later section on a tie).  Per type :func:`fill_quota` counts
    a fact once, but a fact asked by items of two types counts once in all, so the types' counts
    can add up to more than the pool can fill."""
    result = dict(quota)
    order = {t: n for n, t in enumerate(DEFAULT_MIX)}
    while sum(result.values()) > max(available, 0):
        largest = max(result, key=lambda t: (result[t], order.get(t, 0)))
        result[largest] -= 1
        if not result[largest]:
            del result[largest]
    return result


def standard_quota(pool: Sequence[Question]) -> dict[QuestionType, int]:
    """Items per type of the standard paper drawn from ``pool``, as
    :func:`studykit.quiz.build_papers` draws it: :data:`DEFAULT_MIX`, a type with fewer different
    questions taking all it has (:func:`fill_quota`), then cut to the different facts ``pool``
    holds in all (:func:`trim_quota`: a fact asked by items of two types fills one item).  Types
    with none are left out."""
    available = len({q.fact or q.id for q in pool})
    return trim_quota(fill_quota(pool, DEFAULT_MIX, "", "", strict=False), available)


def shortfall(pool: Sequence[Question]) -> list[tuple[QuestionType, int, int]]:
    """The types of which a standard paper drawn from ``pool`` holds fewer items than
    :data:`DEFAULT_MIX` asks (:func:`standard_quota`; items sharing a fact count once, across
    types too): ``[(type, items the paper can hold, standard), …]`` in section order."""
    held = standard_quota(pool)
    return [(t, held.get(t, 0), n) for t, n in DEFAULT_MIX.items() if held.get(t, 0) < n]


def shortfall_note(shortfall: list[tuple[QuestionType, int, int]]) -> str:
    """One line saying which types :func:`shortfall` found short; ``""`` for none."""
    if not shortfall:
        return ""
    parts = join(
        _("{type} {have} of {wanted}").format(type=type_name(t), have=have, wanted=n) for t, have, n in shortfall
    )
    return _(
        "note: fewer questions match than the standard paper asks ({parts}); --mix sets the items per type"
    ).format(parts=parts)


def scale_points(
    counts: Mapping[QuestionType, int],
    points: dict[QuestionType, float],
    fixed: set[str],
    total: float,
    max_points: float,
) -> dict[QuestionType, float]:
    """``points`` with the types not in ``fixed`` set so that a paper of ``counts`` items per type
    totals ``total`` exactly, as a secretary sets a 试卷's points: the same whole points for every
    item of a type (half points at most), close to the ratio of ``points`` (exact fractions throughout).

    Candidates: each open type but one at a half point from one below its scaled value's floor to one
    above its ceiling (:func:`_candidates`), the one left ("the one that absorbs the rest") taking what
    is left.  A candidate is valid when every value is a whole or half point above 0 and at most
    ``max_points``, and a type worth more than another in ``points`` is not worth less.  Whole points
    win when some keep every type within :data:`WHOLE_POINTS_DEPARTURE` (a quarter) of its scaled
    value, the closest to the ratio (the smallest sum of the types' relative departures, then the
    largest); else the valid candidate closest to the ratio, fewer types on half points on a tie.
    ``10 single + 10 true_false`` at 5 : 4 and a total of 100 gives 6 and 4; ``10 single + 2
    multiple + 3 true_false + 5 fill_blank`` (99 at 5/6/4/5) gives 5 each; ``8, 4, 4, 4`` and 150 gives 7.5, 9, 6, 7.5 (whole
    points cannot: 150 is odd, every section even).  Raises :class:`SelectionError` naming the items,
    the total and what to change (``--total``, with the nearest total whole points reach, or the
    items) when no candidate is valid (``3 single`` and 100).
    """
    counts = {t: counts.get(t, 0) for t in QUESTION_TYPES}
    exact = {t: fractions.Fraction(decimal.Decimal(repr(p))) for t, p in points.items()}
    wanted = fractions.Fraction(decimal.Decimal(repr(total)))
    fixed_sum = sum((counts[t] * exact[t] for t in counts if t in fixed), fractions.Fraction(0))
    free = [t for t in QUESTION_TYPES if counts[t] and t not in fixed]
    free_sum = sum((counts[t] * exact[t] for t in free), fractions.Fraction(0))
    shown = join(f"{counts[t]} {type_name(t)}" for t in QUESTION_TYPES if counts[t])
    problem = _("{items} items cannot total {total} points").format(items=shown, total=_points(total))
    if not free:
        if fixed_sum == wanted:
            return points
        raise SelectionError(problem + _(" at the points given ({sum} in all)").format(sum=_points(float(fixed_sum))))
    if fixed_sum >= wanted:  # the points given leave the open types nothing
        raise SelectionError(problem + _(" at the points given ({sum} in all)").format(sum=_points(float(fixed_sum))))
    ideal = {t: exact[t] * (wanted - fixed_sum) / free_sum for t in free}

    def valid(c: Mapping[QuestionType, fractions.Fraction]) -> bool:
        return all(0 < v <= max_points and (v * 2).denominator == 1 for v in c.values()) and not any(
            exact[a] > exact[b] and c[a] < c[b] for a in free for b in free
        )

    def departure(c: Mapping[QuestionType, fractions.Fraction]) -> tuple[fractions.Fraction, fractions.Fraction]:
        """The sum and the largest of the types' relative departures from their scaled values."""
        off = [abs(c[t] - ideal[t]) / ideal[t] for t in free]
        return sum(off, fractions.Fraction(0)), max(off)

    usable = [c for c in _candidates(free, counts, ideal, wanted - fixed_sum) if valid(c)]
    whole = [c for c in usable if all(v.denominator == 1 for v in c.values())]
    close = [c for c in whole if departure(c)[1] <= WHOLE_POINTS_DEPARTURE]
    if close or usable:
        best = min(
            close or usable,
            key=lambda c: (departure(c), sum(v.denominator != 1 for v in c.values()), [c[t] for t in free]),
        )
    else:
        reach = fixed_sum + sum(counts[t] * max(round(v), 1) for t, v in ideal.items())  # whole points reach it
        example = _(" (e.g. --total {reach})").format(reach=_points(float(reach))) if reach != wanted else ""
        raise SelectionError(
            problem
            + _(
                " with the same whole or half points for every item of a type; change --total{example} "
                "or the items (--count, --mix), or set the points with --points"
            ).format(example=example)
        )
    return {**points, **{t: float(v) for t, v in best.items()}}


#: How far (a share of its scaled value) a type's whole points may depart from the ratio before half
#: points closer to it are preferred (:func:`scale_points`).
WHOLE_POINTS_DEPARTURE = fractions.Fraction(1, 4)


def _candidates(
    free: list[QuestionType],
    counts: Mapping[QuestionType, int],
    ideal: Mapping[QuestionType, fractions.Fraction],
    left: fractions.Fraction,
) -> Iterator[dict[QuestionType, fractions.Fraction]]:
    """Candidates of :func:`scale_points`: each type but the absorber at one of the half points from
    one below the floor of its ideal value to one above its ceiling (at least a half point), the
    absorber taking what is left of ``left``; at most 4 × 9³."""
    steps = {
        t: [fractions.Fraction(n, 2) for n in range(max(2 * (math.floor(v) - 1), 1), 2 * (math.ceil(v) + 1) + 1)]
        for t, v in ideal.items()
    }
    for absorber in free:
        others = [t for t in free if t != absorber]
        for values in itertools.product(*(steps[t] for t in others)):
            chosen = dict(zip(others, values, strict=True))
            yield {**chosen, absorber: (left - sum(counts[t] * chosen[t] for t in others)) / counts[absorber]}
