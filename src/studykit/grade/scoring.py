"""Scoring one member's paper and analysing a group's results — pure functions.

Scoring rules (points per item come from the key):

* ``single``, ``true_false``, ``fill_blank``: full points when right, else 0.
  A fill_blank answer is right when its :func:`~studykit.grade.normalize.blank_form`
  equals that of one of the key's accepted texts.
* ``multiple`` under ``"all-or-nothing"`` (多选、少选、错选均不得分): full points
  only for exactly the correct letters.  Under ``"partial"``: full points for
  exactly the correct letters, half the points for a non-empty proper subset of
  them, 0 as soon as one wrong option is chosen.  Under both rules choosing every
  option earns 0 (so an item whose key names every option cannot be earned —
  the bank should not have one).
* Unanswered and unreadable answers score 0; unreadable ones add a warning that
  names the file, the line or row, the member and the question, as does an
  answer read with a doubt (a letter and a text naming different options).

Item analysis (:func:`summarize_group`):

* **facility index** p of an item: the share of members who earned the item's
  full points (partial credit does not count), 0–1.
* **discrimination index** D = p_upper − p_lower (−1…1), where p_upper and p_lower
  are the facility indices within the upper and lower groups: the n members with
  the highest and the n with the lowest total scores, n = round(0.27·N) rounded
  half up, at least 1 (N = members graded).  Kelley, T. L. (1939), "The selection
  of upper and lower groups for the validation of test items", *Journal of
  Educational Psychology* 30(1), 17–24; as used in Ebel & Frisbie, *Essentials of
  Educational Measurement* (5th ed., 1991), ch. 13 "Using item analysis to
  evaluate and improve test quality".  Ties at a group boundary are broken by the
  order members were read (earlier first), so the result is deterministic.
  ``None`` when N < 2.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter

from ..errors import AnswerFileError, OptionError, Problem
from ..i18n import _, either
from ..key import MULTIPLE_SCORING, AnswerKey, KeyItem, no_question
from ..model import LETTERS, POINT_DECIMALS, Bank, add_points
from .group import GroupReport, ItemStats, MemberStore, Reread, SpeechStats
from .model import (
    CODES,
    SCORE,
    Compact,
    CompactItems,
    ItemResult,
    MemberResult,
    ResultTable,
    Status,
    Submission,
    code_columns,
    code_counts,
    compact_items,
)
from .normalize import OTHER, accepted_forms, read_answer

#: Share of the group in each of the upper and lower groups (Kelley 1939).
KELLEY_SHARE = 0.27


def check_rule(multiple_scoring: str) -> str:
    """``multiple_scoring`` if it is a known rule; else raise :class:`~studykit.errors.OptionError`."""
    if multiple_scoring not in MULTIPLE_SCORING:
        raise OptionError(
            _("unknown multiple scoring rule {multiple_scoring!r} (expected {items})").format(
                multiple_scoring=multiple_scoring, items=either(MULTIPLE_SCORING)
            )
        )
    return multiple_scoring


def check_pass_mark(pass_mark: float) -> None:
    """Raise :class:`~studykit.errors.OptionError` unless ``pass_mark`` is a percentage (0–100)."""
    if not 0 <= pass_mark <= 100:
        raise OptionError(_("pass mark {pass_mark} is not a percentage (expected 0–100)").format(pass_mark=pass_mark))


def score_item(item: KeyItem, choices: tuple[str, ...], multiple_scoring: str) -> tuple[Status, float]:
    """``(status, points earned)`` for a read answer ``choices`` (see :class:`~studykit.grade.normalize.Reading`)."""
    if item.type == "fill_blank":
        right = bool(choices) and choices[0] in accepted_forms(item)
        return ("correct", item.points) if right else ("wrong", 0.0)
    if item.type == "true_false":
        return ("correct", item.points) if choices == tuple(item.answer[:1]) else ("wrong", 0.0)
    got = set(choices)
    key = set(item.answer)
    if item.type == "multiple" and item.options and got >= set(LETTERS[: len(item.options)]):
        return "wrong", 0.0
    if got == key:
        return "correct", item.points
    if item.type == "multiple" and multiple_scoring == "partial" and got and got < key:
        return "partial", item.points / 2
    return "wrong", 0.0


def _expected_answer(item: KeyItem) -> str:
    if item.type == "true_false":
        return "对" if item.answer[:1] == ("true",) else "错"
    return "、".join(item.answer) if item.type in ("single", "multiple") else item.answer[0] if item.answer else ""


def correct_answer(item: KeyItem) -> str:
    """The key's answer as a report prints it: ``"A、C"``, ``"对"``, or the first accepted text."""
    return _expected_answer(item)


def item_result(item: KeyItem, text: str, rule: str) -> tuple[ItemResult, str]:
    """How the answer ``text`` (stripped) to ``item`` scores under ``rule``, and the
    warning message when it cannot be read or reads ambiguously, e.g. a letter that
    names another option than the text beside it ("" otherwise)."""
    reading = read_answer(text, item)
    if reading.kind == "unanswered":
        return ItemResult(item.number, item.question_id, "unanswered", "", (), 0.0, item.points), ""
    if reading.kind == "unreadable":
        return (
            ItemResult(item.number, item.question_id, "unreadable", reading.shown, (), 0.0, item.points),
            _("cannot read answer {answer!r}: {problem}; scored 0").format(
                answer=reading.shown, problem=reading.problem
            ),
        )
    status, earned = score_item(item, reading.choices, rule)
    result = ItemResult(item.number, item.question_id, status, reading.shown, reading.choices, earned, item.points)
    return result, reading.warning


def grade_submission(sub: Submission, key: AnswerKey, multiple_scoring: str | None = None) -> MemberResult:
    """Grade one member's ``sub`` against ``key``.

    ``multiple_scoring`` is ``"all-or-nothing"`` or ``"partial"`` (default: the
    rule printed on the paper, ``key.multiple_scoring``).  Returns one
    :class:`ItemResult` per key item, in key order; unreadable answers add a
    warning to ``MemberResult.warnings``, as do answers to numbers the key lacks.
    Raises :class:`~studykit.errors.AnswerFileError` if ``sub`` answers one
    question twice (never a guess at which counts).
    """
    rule = check_rule(multiple_scoring or key.multiple_scoring)
    given: dict[int, tuple[str, int]] = {}
    warnings: list[Problem] = []
    numbers = {it.number for it in key.items}
    for a in sub.answers:
        if a.number in given:
            raise AnswerFileError(
                _("{where}: {name}: question {number} is answered twice").format(
                    where=sub.where, name=sub.name, number=a.number
                )
            )
        given[a.number] = (a.text, a.line)
        if a.number not in numbers and a.text:
            warnings.append(
                Problem(
                    sub.source,
                    a.line,
                    f"{sub.name}, question {a.number}",
                    _("{problem}; answer ignored").format(problem=no_question(a.number, numbers)),
                    "warning",
                )
            )
    items: list[ItemResult] = []
    for item in key.items:
        text, line = given.get(item.number, ("", sub.line))
        result, problem = item_result(item, text, rule)
        if problem:
            warnings.append(
                Problem(sub.source, line or sub.line, f"{sub.name}, question {item.number}", problem, "warning")
            )
        items.append(result)
    return MemberResult(sub.name, sub.source, sub.line, tuple(items), tuple(warnings))


def upper_lower_size(n_members: int) -> int:
    """n = round(0.27·N), rounded half up, at least 1 — the size of each Kelley group."""
    return max(1, math.floor(KELLEY_SHARE * n_members + 0.5))


def discrimination_index(full_marks: Sequence[bool], scores: Sequence[float]) -> float | None:
    """D = p_upper − p_lower for one item (see the module docstring).

    ``full_marks[i]`` says whether member i earned the item's full points,
    ``scores[i]`` is member i's total, both in the order read.  ``None`` when
    fewer than two members.
    """
    n_members = len(scores)
    if n_members < 2:
        return None
    order = sorted(range(n_members), key=lambda i: -scores[i])
    n = upper_lower_size(n_members)
    upper = sum(full_marks[i] for i in order[:n]) / n
    lower = sum(full_marks[i] for i in order[-n:]) / n
    return upper - lower


def _picker(indices: list[int]) -> Callable[[Sequence[int]], Sequence[int]]:
    """A function taking the values at ``indices`` out of a sequence (a tuple, even for one index)."""
    if len(indices) == 1:
        only = indices[0]
        return lambda seq: (seq[only],)
    return itemgetter(*indices)


#: Points that are whole multiples of 1/EXACT add up exactly in floats, in any order.
EXACT = 1024


def _same_kind(picked: Sequence[int], column: Sequence[int]) -> Sequence[int]:
    """``picked`` (a tuple) as ``bytes`` when it was picked from ``bytes`` (to count codes fast)."""
    return bytes(picked) if type(column) is bytes else picked


def _column_sum(earned: list[float], column: Sequence[int], counts: dict[int, int]) -> float:
    """Points earned on one item by everyone: ``0.0 + earned[code]`` for each code of ``column``
    in turn.  When every value is a multiple of 1/1024 and the total stays far below 2**53/1024,
    every partial sum is exact, so ``count × value`` per code gives the very same float."""
    values = [earned[code] for code in counts]
    exact = all(float(v * EXACT).is_integer() and v >= 0 for v in values)
    if exact and (max(values, default=0.0) * EXACT + 1) * (len(column) + 1) < 2.0**52:
        total = 0.0
        for code, count in counts.items():
            total += count * earned[code]
        return total
    return sum(map(earned.__getitem__, column), 0.0)


def sorted_median(values: Sequence[float], order: Sequence[int]) -> float:
    """:func:`statistics.median` of ``values`` (not empty), read from ``order``, their indices
    sorted by value (either way): the middle value, or the mean of the middle two."""
    n = len(order)
    if n % 2:
        return values[order[n // 2]]
    i = n // 2
    low, high = sorted((values[order[i - 1]], values[order[i]]))
    return (low + high) / 2


def reread_map(key: AnswerKey, bank: Bank) -> dict[str, Reread]:
    """For each key item found in ``bank`` (by question id): its 解析 and where to reread it."""
    result: dict[str, Reread] = {}
    for item in key.items:
        try:
            q = bank.question(item.question_id)
            speech = bank.speech(q.speech)
        except KeyError:
            continue
        source = " ".join(q.source.split())  # a derived item's source spans the heading and byline lines
        result[item.question_id] = Reread(
            item.question_id, q.explanation, speech.speaker, speech.heading, source, speech.is_intro, speech.article,
            speech.untitled,
        )  # fmt: skip
    return result


def summarize_group(
    results: Iterable[MemberResult],
    key: AnswerKey,
    *,
    bank: Bank | None = None,
    pass_mark: float = 60.0,
    multiple_scoring: str | None = None,
    warnings: Sequence[Problem] = (),
    failures: Sequence[Problem] = (),
    bank_note: str = "",
) -> GroupReport:
    """The report over ``results`` (consumed once, in the order read).

    ``pass_mark`` is a percentage of the total (0–100): a member passes at or
    above it; a speech is to be revisited when the group's mean share of its
    points is below it.  ``bank`` (optional) supplies 解析 and speech labels;
    the key alone decides every score.  Statistics are ``None`` for an empty group.
    """
    check_pass_mark(pass_mark)
    rule = check_rule(multiple_scoring or key.multiple_scoring)
    store = results if isinstance(results, MemberStore) else None
    coded = None if store is None else store.coded()
    compact: Compact | None = None
    members: tuple[MemberResult, ...] | MemberStore
    if store is not None and coded is not None and coded[0].key is key:  # the objects made only if asked for
        members = store
        table, rows, scores = coded
    else:
        members = tuple(results) if store is None else store.members()
        found = next((m.items.table for m in members if type(m.items) is CompactItems), None)
        table = found if found is not None and found.key is key else ResultTable(key)
        held = compact_items(members, table)
        compact = None if held is None else (table, list(map(CODES, held)), held)
        if compact is not None:  # every member graded from one table: its codes and score as they are
            rows, scores = compact[1], list(map(SCORE, compact[2]))
        else:
            rows = [table.encode(m.items) for m in members]
            scores = [m.score for m in members]
    n = len(members)
    # Kelley groups, once for every item: members by score, ties in the order read
    by_score = sorted(range(n), key=scores.__getitem__, reverse=True)
    size = upper_lower_size(n)
    upper, lower = by_score[:size], by_score[-size:]
    columns = code_columns(rows, len(key.items), members.joined_codes() if isinstance(members, MemberStore) else None)
    pick_upper, pick_lower = (_picker(upper), _picker(lower)) if n >= 2 else (None, None)
    # a byte per code: the Kelley groups' own columns, cut from their rows (two gathers, not two per item)
    up_columns = low_columns = None
    if pick_upper and pick_lower and columns and type(columns[0]) is bytes:
        up_columns = code_columns(list(map(rows.__getitem__, upper)), len(key.items))
        low_columns = code_columns(list(map(rows.__getitem__, lower)), len(key.items))
    items: list[ItemStats] = []
    earned: list[float] = []
    for k, item in enumerate(key.items):
        column = columns[k]
        results_k, correct_k, earned_k = table.results[k], table.correct[k], table.earned[k]
        n_codes = len(results_k)
        counts = code_counts(column, n_codes)
        c = Counter[str]()
        for code, count in counts.items():
            r = results_k[code]
            c["\0" + r.status] += count
            for choice in r.choices:
                c[choice] += count
        full = sum(count for code, count in counts.items() if correct_k[code])
        earned.append(_column_sum(earned_k, column, counts))
        discrimination = None
        if up_columns is not None and low_columns is not None:
            up, low = code_counts(up_columns[k], n_codes), code_counts(low_columns[k], n_codes)
        elif pick_upper and pick_lower:
            up = code_counts(_same_kind(pick_upper(column), column), n_codes)
            low = code_counts(_same_kind(pick_lower(column), column), n_codes)
        if pick_upper and pick_lower:
            p_upper = sum(count for code, count in up.items() if correct_k[code]) / size
            p_lower = sum(count for code, count in low.items() if correct_k[code]) / size
            discrimination = p_upper - p_lower
        if item.type in ("single", "multiple"):
            letters = (
                list(LETTERS[: len(item.options)])
                if item.options
                else sorted(x for x in c if not x.startswith("\0") and x != OTHER)
            )
            choices = tuple((letter, c[letter]) for letter in letters)
        elif item.type == "true_false":
            choices = (("true", c["true"]), ("false", c["false"]))
        else:
            texts = [(t, v) for t, v in c.items() if not t.startswith("\0")]
            choices = tuple(sorted(texts, key=lambda p: (-p[1], p[0])))
        items.append(
            ItemStats(
                number=item.number,
                question_id=item.question_id,
                type=item.type,
                speech=item.speech,
                points=item.points,
                answer=item.answer,
                facility=full / n if n else None,
                discrimination=discrimination,
                mean_points=earned[k] / n if n else None,
                choices=choices,
                other=c[OTHER] if item.type in ("single", "multiple") else 0,
                unanswered=c["\0unanswered"],
                unreadable=c["\0unreadable"],
            )
        )
    labels: dict[str, str] = {}
    order: list[str] = []
    if bank is not None:
        for s in bank.speeches:
            labels[s.id] = s.label
            order.append(s.id)
    for item in key.items:
        if item.speech not in order:
            order.append(item.speech)
    speeches: list[SpeechStats] = []
    for sid in order:
        ks = [k for k, it in enumerate(key.items) if it.speech == sid]
        if not ks:
            continue
        points = add_points(key.items[k].points for k in ks)
        mean = sum(earned[k] for k in ks) / n if n else None
        share = mean / points if mean is not None and points else None
        revisit = share is not None and share * 100 < pass_mark - 1e-9
        speeches.append(SpeechStats(sid, labels.get(sid, sid), points, mean, share, revisit))
    report = GroupReport(
        key=key,
        multiple_scoring=rule,
        pass_mark=pass_mark,
        members=members,  # type: ignore[arg-type]  # a MemberStore is read as its tuple (see GroupReport)
        items=tuple(items),
        speeches=tuple(speeches),
        mean=statistics.fmean(scores) if scores else None,
        median=sorted_median(scores, by_score) if scores else None,
        minimum=min(scores) if scores else None,
        maximum=max(scores) if scores else None,
        rereads=reread_map(key, bank) if bank is not None else {},
        speech_labels=labels,
        warnings=tuple(warnings),
        failures=tuple(failures),
        bank_note=bank_note,
    )
    if isinstance(members, MemberStore):
        report.remember_scores(scores, by_score)
    else:
        report.remember(scores, by_score, compact)  # the same sort as rank_order's: ties in the order read
    return report


def member_speech_scores(member: MemberResult, key: AnswerKey) -> list[tuple[str, float, float]]:
    """``(speech id, earned, points)`` per speech, in key order (sums rounded as
    :func:`~studykit.model.add_points` rounds them)."""
    totals: dict[str, list[float]] = {}
    for item, r in zip(key.items, member.items, strict=True):
        t = totals.setdefault(item.speech, [0.0, 0.0])
        t[0] += r.earned
        t[1] += r.points
    return [(sid, round(e, POINT_DECIMALS), round(p, POINT_DECIMALS)) for sid, (e, p) in totals.items()]
