"""The JSON report: every detail, the machine-readable form other tools read.

Top level (format ``studykit_grade_report: 1``)::

    quiz:      quiz_id, version, title, bank_id, bank_fingerprint, total_points,
               multiple_scoring (the rule applied), pass_mark (percent)
    summary:   members, passed, mean, median, min, max (points; null when empty)
    questions: per key item — number, question_id, type, speech, points, answer,
               facility (0–1), discrimination (−1…1 or null), mean_points,
               choices {label: members}, other, unanswered, unreadable,
               and with a bank: explanation, reread {speaker, heading, source}
    speeches:  speech, label, points, mean, share (0–1), revisit
    revisit:   speech ids to revisit, worst first
    articles:  only on a paper mixing articles — per article (bank id), in the order its first
               item comes: article, title, numbers (its items), points, mean, share (0–1),
               facility (its items' mean facility index, 0–1), revisit
    members:   in ranking order — rank, name, source, line, score, total, percent,
               passed, flag (only for a sheet more than half unreadable), speeches {id: {earned, points}} (in the order of
               the top-level speeches), items [{number,
               question_id, status, given, earned, points}]
    bank_note, warnings, failures: text lines, in Chinese as the rest of the report
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from functools import partial
from itertools import chain, islice
from typing import Any, BinaryIO

from ...formats import REPORT_FORMAT
from ...model import POINT_DECIMALS, add_points
from ..group import GroupReport
from ..model import ItemResult, MemberResult, ResultTable
from ..scoring import member_speech_scores
from ._common import Memo, coded_members, problem_lines, report_speeches, unreadable_flag
from .articles import article_stats
from .chunks import passed_count, ranked_members
from .fragments import CodedFragments, Part, ScoreFragments


def report_data(report: GroupReport) -> dict[str, Any]:
    """The report as plain JSON-ready data (see the module docstring)."""
    return _data(report, [member_data(report, rank, m) for rank, m in report.ranking()])


def _data(report: GroupReport, members: list[dict[str, Any]]) -> dict[str, Any]:
    key = report.key
    questions: list[dict[str, Any]] = []
    for s in report.items:
        q: dict[str, Any] = {
            "number": s.number,
            "question_id": s.question_id,
            "type": s.type,
            "speech": s.speech,
            "points": s.points,
            "answer": list(s.answer),
            "facility": s.facility,
            "discrimination": s.discrimination,
            "mean_points": s.mean_points,
            "choices": dict(s.choices),
            "other": s.other,
            "unanswered": s.unanswered,
            "unreadable": s.unreadable,
        }
        hint = report.rereads.get(s.question_id)
        if hint:
            q["explanation"] = hint.explanation
            q["reread"] = {"speaker": hint.speaker, "heading": hint.heading, "source": hint.source}
        questions.append(q)
    return {
        "studykit_grade_report": REPORT_FORMAT,
        "quiz": {
            "quiz_id": key.quiz_id,
            "version": key.version,
            "title": key.title,
            "bank_id": key.bank_id,
            "bank_fingerprint": key.bank_fingerprint,
            "total_points": key.total_points,
            "multiple_scoring": report.multiple_scoring,
            "pass_mark": report.pass_mark,
        },
        "summary": {
            "members": report.member_count,
            "passed": passed_count(report),
            "mean": report.mean,
            "median": report.median,
            "min": report.minimum,
            "max": report.maximum,
        },
        "questions": questions,
        "speeches": [
            {
                "speech": s.speech,
                "label": s.label,
                "points": s.points,
                "mean": s.mean,
                "share": s.share,
                "revisit": s.revisit,
            }
            for s in report.speeches
        ],
        "revisit": [s.speech for s in report.revisit],
        **_articles(report),
        "members": members,
        "bank_note": report.bank_note,
        "warnings": problem_lines(report.warnings),
        "failures": problem_lines(report.failures),
    }


def _articles(report: GroupReport) -> dict[str, list[dict[str, Any]]]:
    """The ``articles`` entry of a paper mixing articles (:func:`.articles.article_stats`); none
    for a paper of one article, whose report stays as it was."""
    articles = article_stats(report)
    if not articles:
        return {}
    return {
        "articles": [
            {
                "article": a.article,
                "title": a.title,
                "numbers": list(a.numbers),
                "points": a.points,
                "mean": a.mean,
                "share": a.share,
                "facility": a.facility,
                "revisit": a.revisit,
            }
            for a in articles
        ]
    }


def member_data(report: GroupReport, rank: int, m: MemberResult) -> dict[str, Any]:
    """One member's entry of ``members`` (see the module docstring)."""
    return {
        "rank": rank,
        "name": m.name,
        "source": m.source,
        "line": m.line,
        "score": m.score,
        "total": m.total,
        "percent": round(m.percent, 4),
        "passed": report.passed(m),
        **_flag(unreadable_flag(sum(r.status == "unreadable" for r in m.items), len(m.items))),
        "speeches": _speeches(report, m),
        "items": [item_data(r) for r in m.items],
    }


def _flag(flag: str) -> dict[str, str]:
    """A member's ``flag`` entry — only for a sheet more than half unreadable."""
    return {"flag": flag} if flag else {}


def _speeches(report: GroupReport, m: MemberResult) -> dict[str, dict[str, float]]:
    """A member's ``speeches``: earned and points per speech, in the order of
    ``report.speeches`` (the article's, as the text report's 各篇 line)."""
    scores = {sid: (e, p) for sid, e, p in member_speech_scores(m, report.key)}
    return {sid: {"earned": scores[sid][0], "points": scores[sid][1]} for sid, _ in report_speeches(report)}


def item_data(r: ItemResult) -> dict[str, Any]:
    """One entry of a member's ``items``."""
    return {
        "number": r.number,
        "question_id": r.question_id,
        "status": r.status,
        "given": r.given,
        "earned": r.earned,
        "points": r.points,
    }


def render_json(report: GroupReport) -> str:
    """The report as indented JSON text (UTF-8, non-ASCII kept)."""
    buf = io.BytesIO()
    write_json(report, buf)
    return buf.getvalue().decode("utf-8")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _indented(text: str, spaces: int) -> str:
    """``text`` (indented JSON) with every line indented ``spaces`` more."""
    pad = " " * spaces
    return pad + text.replace("\n", "\n" + pad)


def _inside(text: str, spaces: int) -> str:
    """The lines between the braces of a one-entry JSON object, indented ``spaces`` more."""
    return "\n".join(" " * spaces + line for line in text.split("\n")[1:-1])


def write_json(report: GroupReport, stream: BinaryIO) -> None:
    """Write :func:`render_json`'s text, UTF-8 encoded, to ``stream`` a chunk of members at a time.

    The text is exactly ``json.dumps(report_data(report), ensure_ascii=False, indent=2)``
    and a newline; members are put together from per-answer fragments shared by every
    member who gave that answer, instead of a dict per member and item."""
    text = _dumps(_data(report, []))
    marker = '\n  "members": [],'
    at = text.index(marker)  # the only key at this indent that holds an empty list
    stream.write(text[:at].encode())
    stream.write(b'\n  "members": [')
    if report.member_count:
        if report.key.items:
            _write_members(report, stream)
        else:  # nothing for members to share
            members = (_indented(_dumps(member_data(report, r, m)), 4) for r, m in report.ranking())
            stream.write(("\n" + ",\n".join(members)).encode())
        stream.write(b"\n  ")
    stream.write(b"],")
    stream.write(text[at + len(marker) :].encode())
    stream.write(b"\n")


def _speech_part(table: ResultTable, ks: list[int], fragment: Memo[float, bytes], codes: tuple[int, ...]) -> bytes:
    """A member's fragment for the speech of items ``ks`` from its ``codes`` of them: their earned
    points added in key order from 0.0 and rounded, as :func:`._common.speech_sums` adds them."""
    total = 0.0
    for k, code in zip(ks, codes, strict=True):
        total += table.earned[k][code]
    return fragment[round(total, POINT_DECIMALS)]


def _item_part(fragments: list[bytes], codes: tuple[int, ...]) -> bytes:
    """A member's fragment for an item from its code of it."""
    return fragments[codes[0]]


#: Members joined per write (about 0.5 MB): writes stay few, and the allocator reuses
#: the buffer instead of faulting in fresh pages each time.
_BATCH = 100


def _write_members(report: GroupReport, stream: BinaryIO) -> None:
    """The members' entries, each joined from fragments computed once per distinct value:
    rank, source, score, total, percentage, a speech's earned points, an item's result."""
    key = report.key
    table = coded_members(report)[0]
    encode = json.encoder.encode_basestring
    last = len(key.items) - 1
    items = [  # the last item's fragments close the member's entry
        [
            (
                ("\n" if k == 0 else ",\n")
                + _indented(_dumps(item_data(r)), 8)
                + ("\n      ]\n    }" if k == last else "")
            ).encode()
            for r in results
        ]
        for k, results in enumerate(table.results)
    ]
    by_speech = report_speeches(report)
    parts: list[Part] = []
    for s, (sid, ks) in enumerate(by_speech):
        points = add_points(key.items[k].points for k in ks)  # as member_speech_scores adds them
        start = "\n" if s == 0 else ",\n"
        end = '\n      },\n      "items": [' if s == len(by_speech) - 1 else ""  # the last one closes speeches

        def fragment(
            earned: float, sid: str = sid, points: float = points, start: str = start, end: str = end
        ) -> bytes:
            return (start + _inside(_dumps({sid: {"earned": earned, "points": points}}), 6) + end).encode()

        parts.append((ks, partial(_speech_part, table, ks, Memo(fragment))))
    parts += [([k], partial(_item_part, fragments)) for k, fragments in enumerate(items)]
    members = CodedFragments(parts, list(map(len, table.results)))
    pass_mark = report.pass_mark - 1e-9
    # a member's head, in pieces: each piece is the value and the next key's text
    ranks: Memo[int, bytes] = Memo(lambda rank: f',\n    {{\n      "rank": {rank},\n      "name": '.encode())
    sources: Memo[str, bytes] = Memo(lambda source: f',\n      "source": {_dumps(source)},\n      "line": '.encode())

    def score(score: float, total: float) -> str:
        return f',\n      "score": {_dumps(score)},\n      "total": {_dumps(total)},\n      "percent": '

    def passed(percent: float) -> str:
        return f'{_dumps(round(percent, 4))},\n      "passed": {"true" if percent >= pass_mark else "false"},\n'

    scores = ScoreFragments(score, lambda percent: passed(percent) + '      "speeches": {')
    flagged = ScoreFragments(score, passed)
    first = True
    for chunk in ranked_members(report):
        columns = chunk.columns
        flags = chunk.flags(len(key.items))
        heads: list[Iterator[bytes]] = [
            map(ranks.__getitem__, chunk.ranks),
            map(str.encode, map(encode, chunk.names)),
            map(sources.__getitem__, chunk.sources),
            map(b"%d".__mod__, chunk.lines),
        ]
        if any(flags):
            heads += flagged.pieces(chunk)
            heads.append(
                (f'      "flag": {encode(flag)},\n' if flag else "").encode() + b'      "speeches": {' for flag in flags
            )
        else:
            heads += scores.pieces(chunk)
        texts = zip(
            *heads,
            *members.pieces(columns),
            strict=True,
        )
        while batch := b"".join(chain.from_iterable(islice(texts, _BATCH))):
            # each member's head starts with the comma before it: not the first one's
            stream.write(memoryview(batch)[1:] if first else batch)
            first = False
