"""Per-article totals of a paper mixing articles (a year's contest over several banks).

A key drawn from several banks names each item ``<bank id>/<question id>``
(:attr:`~studykit.key.KeyItem.bank`); its items fall into one group per article.  From the
finished report — the items' statistics and the members' codes, never a second pass over the
answers — this module gives, per article, in the order its first item comes on the paper:

* the group's result (:class:`ArticleStats`): items, points, mean points earned, their share
  (0–1), the mean facility index of its items (the share of answers earning full points), and
  ``revisit`` when the share is below the pass mark;
* each member's points on it (:class:`ArticleScores`), computed once per distinct codes of the
  article's items for members graded from a table.

A paper of one article (or a key whose ids name no bank) has no per-article totals: every
function here gives nothing for it, so its reports stay as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from ...key import AnswerKey
from ...model import POINT_DECIMALS, add_points
from ...text import pts
from ..group import GroupReport
from ..model import MemberResult
from .chunks import Chunk, Memo, Rows, coded_members, in_table


@dataclass(frozen=True)
class ArticleStats:
    """The group's result on one article of the paper.

    ``article`` is the bank id, ``title`` the article's title (from the bank; the bank id when
    the report was made without it), ``numbers`` its items' numbers on the paper, ``points`` their
    points, ``mean`` the group's mean points earned on them (``None`` with no member), ``share``
    ``mean / points`` (0–1), ``facility`` the mean of its items' facility indices (0–1), and
    ``revisit`` when ``share`` is below the report's pass mark.
    """

    article: str
    title: str
    numbers: tuple[int, ...]
    points: float
    mean: float | None
    share: float | None
    facility: float | None
    revisit: bool

    @property
    def label(self) -> str:
        """``《title》`` — the bank id as it is when the title is not known."""
        return f"《{self.title}》" if self.title != self.article else self.article


def article_items(key: AnswerKey) -> list[tuple[str, list[int]]]:
    """Each article (bank id) of ``key`` with the indices of its items, in the order its first
    item comes; ``[]`` unless the items come from two or more banks."""
    by_article: dict[str, list[int]] = {}
    for k, item in enumerate(key.items):
        by_article.setdefault(item.bank, []).append(k)
    if len(by_article) < 2 or "" in by_article:
        return []
    return list(by_article.items())


def article_stats(report: GroupReport) -> list[ArticleStats]:
    """The per-article results of ``report`` (:class:`ArticleStats`), from its items'
    statistics; ``[]`` for a paper of one article."""
    groups = article_items(report.key)
    if not groups:
        return []
    stats = {s.number: s for s in report.items}
    result: list[ArticleStats] = []
    for article, ks in groups:
        items = [report.key.items[k] for k in ks]
        points = add_points(it.points for it in items)
        means = [stats[it.number].mean_points for it in items if it.number in stats]
        mean = None if not report.member_count or None in means else sum(m for m in means if m is not None)
        share = mean / points if mean is not None and points else None
        facilities = [f for it in items if it.number in stats and (f := stats[it.number].facility) is not None]
        facility = sum(facilities) / len(facilities) if facilities else None
        title = next((h.article for it in items if (h := report.rereads.get(it.question_id)) and h.article), article)
        revisit = share is not None and share * 100 < report.pass_mark - 1e-9
        result.append(
            ArticleStats(article, title, tuple(it.number for it in items), points, mean, share, facility, revisit)
        )
    return result


def _earned(earned: list[list[float]], ks: list[int], codes: tuple[int, ...]) -> float:
    """The points earned on the items ``ks`` with ``codes``, added in key order and rounded."""
    return round(sum(earned[k][c] for k, c in zip(ks, codes, strict=True)), POINT_DECIMALS)


class ArticleScores:
    """Each member's points per article of ``articles`` (in that order) as ``(earned, points)``
    pairs, sums added in key order and rounded as the per-speech sums are.  For members graded
    from the report's table the sum is computed once per distinct codes of the article's items."""

    def __init__(self, report: GroupReport, articles: Sequence[ArticleStats]) -> None:
        self.key = report.key
        self.table = coded_members(report)[0]
        index = {it.number: k for k, it in enumerate(self.key.items)}
        self.items = [[index[n] for n in a.numbers] for a in articles]
        self.points = [a.points for a in articles]
        earned = self.table.earned
        self.sums: list[Memo[tuple[int, ...], float]] = [Memo(partial(_earned, earned, ks)) for ks in self.items]

    def member(self, member: MemberResult) -> list[tuple[float, float]]:
        """One member's ``(earned, points)`` per article, from its own items."""
        results = member.items
        return [
            (round(sum(results[k].earned for k in ks), POINT_DECIMALS), points)
            for ks, points in zip(self.items, self.points, strict=True)
        ]

    def chunk(self, chunk: Chunk | Rows) -> list[list[tuple[float, float]]]:
        """Per member of ``chunk`` (read or ranked, :mod:`.chunks`), its ``(earned, points)`` per article."""
        columns = chunk.columns
        per_article = [
            list(map(memo.__getitem__, zip(*(columns[k] for k in ks), strict=True)))
            for ks, memo in zip(self.items, self.sums, strict=True)
        ]
        n = len(chunk.names)
        rows = (
            [[(per_article[a][i], self.points[a]) for a in range(len(self.items))] for i in range(n)]
            if per_article
            else [[] for _ in range(n)]
        )
        if isinstance(chunk, Chunk):
            for i, m in enumerate(chunk.members):
                if not in_table(m, self.table):
                    rows[i] = self.member(m)
        return rows


def _part(
    prefix: str,
    sums: Memo[tuple[int, ...], float],
    points: float,
    texts: Memo[tuple[float, float], str],
    codes: tuple[int, ...],
) -> bytes:
    """``prefix`` and an article's text for a member's ``codes`` of its items, UTF-8."""
    return (prefix + texts[sums[codes], points]).encode()


def scored(label: str, scores: tuple[float, float]) -> str:
    """``"《…》 25/30"``: an article's label and a member's ``(earned, points)`` on it."""
    return f"{label} {pts(scores[0])}/{pts(scores[1])}"


class ArticleLines:
    """Each member's points per article as the text and HTML reports print them
    (``《…》 25/30 · 《…》 10/15``), a chunk at a time; ``label`` turns an article's
    :attr:`ArticleStats.label` into the printed one (escaped, for HTML).  :attr:`mixed` is false
    for a paper of one article, which prints none."""

    def __init__(self, report: GroupReport, label: Callable[[str], str] = str) -> None:
        articles = article_stats(report)
        self.mixed = bool(articles)
        self.scores = ArticleScores(report, articles) if articles else None
        self.scored: list[Memo[tuple[float, float], str]] = [Memo(partial(scored, label(a.label))) for a in articles]

    def parts(self, first: str = "") -> list[tuple[Sequence[int], Callable[[tuple[int, ...]], bytes]]]:
        """The line as parts of a member's codes (:class:`~.fragments.CodedFragments`), one per
        article, UTF-8: ``first`` then the first article's text, `` · `` and the next one's …"""
        if self.scores is None:
            return []
        scores = self.scores
        return [
            (ks, partial(_part, first if at == 0 else " · ", sums, points, texts))
            for at, (ks, sums, points, texts) in enumerate(
                zip(scores.items, scores.sums, scores.points, self.scored, strict=True)
            )
        ]

    def texts(self, chunk: Chunk | Rows) -> list[str]:
        """The line's text (without its ``各文章：`` label) per member of ``chunk``; ``""`` each
        for a paper of one article."""
        if self.scores is None:
            return [""] * len(chunk.names)
        return [" · ".join([m[ep] for m, ep in zip(self.scored, row, strict=True)]) for row in self.scores.chunk(chunk)]
