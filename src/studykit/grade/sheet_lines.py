"""The lines of a typed answer sheet that hold more than one answer, and those that cannot be read.

Members type answers on phones as they please.  Besides ``NUMBER. ANSWER`` (one a line,
read by :mod:`studykit.grade.readers`) these forms are unambiguous and read exactly:

* a **range** then a **run**: ``1-5 DCBAD``, ``1—5``, ``1~5``, ``1至5``, ``12-17 对错对错对错``,
  ``6-8 BCD BC ABCEF``, ``18-20 线路图 控制在市域 最先一公里``.  The run is split at spaces
  (and ``,`` ``;`` ``、`` ``/``) when that gives one piece per question, else — when every
  character is a letter or a 对/错 mark — one character per question; several ranges may
  share a line (``8-8 C`` is a range of one).  A run of another length, or holding a question
  number, or after a range counting down (``8-1 BCABCXYZ``), is an error (:class:`RunError`): no
  answer is guessed onto a question;
* several **numbered answers** on one line: ``1D 2C 3B 4A 5D``, ``6BCD 7BC 8ABCEF``,
  ``12对 13错 14对``, ``1. A 2. B``, ``(1) A (2) B``, ``18线路图 19控制在 市域 20最先一公里`` — at
  least two, numbered one after another, each answer running to the next number and holding no
  digit (``3. 网格长 5 个`` is one fill-in answer, not two).  A line beginning three or more answers
  numbered in increasing order that do not split into such pairs (``1D 2C 3-5 BAD 6BCD``) is an
  error too.  Numbered answers may end in a range whose numbers follow theirs (``9.AC 10.ABCD 11-12 ABCDF
  ACD``; one that does not fit is an error), and a run's one-character answers may stand apart by points
  (``1-5 A.A.D.B.C``) or after words (``1-5题答案：AADBC``);
* question numbers as ``(1)``, ``①`` (NFKC makes it ``1``), ``➀``/``❶`` (:func:`uncircle`) or in Chinese numerals inside
  ``第…题`` (``第十二题 对``); a heading such as ``一、单选题`` stays a heading;
* a section's **label** (or number alone) before numbered answers or a range: ``多选：9.BD 10.BCD``,
  ``判断13-16：对对对错``, ``一、1-8 CDBCBAAD``;
* a dash, equals sign, arrow or ``答：`` between a number and its answer (``17-大都市``, ``1—B``, ``17→大都市``,
  ``1.答：B``; :func:`unlead`);
* a **name alone** on the first line (``赵六``): two to twelve Chinese characters (``·``
  allowed), none of 题/答/卷/测/验 and no title word (支部, 学习 …), not only 对/错 marks.

What is *not* readable: a line of answers without numbers (``DCBAD BCD BC …``) — which
answer belongs to which question is a guess.  :func:`holds_answers` tells such a line
from a remark, so the sheet can be left ungraded instead of scored 0.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from itertools import pairwise

from .._lazy import lazy_pattern
from ..i18n import _, join

# The patterns compile at their first use (studykit._lazy): only typed sheets need them, not tables.

#: ``1-5 DCBAD``: a range (hyphen, en/em dash, tilde, 至 or 到) and its run (after NFKC).
_RANGE = lazy_pattern(
    r"^(?:第\s*)?(\d{1,6})(?!\d)\s*(?:[-‐‑–—―~〜]+|至|到)\s*(?:第\s*)?(\d{1,6})(?!\d)\s*[题題]?\s*[.、:)\]]?\s*(.*)$"
)
#: Where a ``number answer`` pair of a line of several begins: a number (not inside another) and what may
#: follow it (题, a separator), before the answer's first character.
_PAIR_HEAD = lazy_pattern(r"(?<!\d)(?:第\s*)?(\d{1,6})(?!\d)\s*[题題]?\s*[.、:)\]]?\s*(?=[^\d\s,;、])")
_PAIR_SEPS = " \t\n,;、"
_DIGIT = lazy_pattern(r"\d")
_RUN_SEPS = lazy_pattern(r"[\s,;、/|]+")
#: Words between a range and its run (``1-5题答案：AADBC``, ``1-5题的答案是 AADBC``; after NFKC).
_RUN_LABEL = lazy_pattern(r"^的?(?:答案(?:是|为|為)?\s*:?|答\s*:)\s*")
#: Points between the one-character answers of a run (``D.C.B.A.D``; ``。`` after NFKC too).
_RUN_DOTS = lazy_pattern(r"[.。]")
#: Where a further range begins on a line of ranges (after a space or comma).
_RANGE_START = lazy_pattern(r"(?<=[\s,;])(?=(?:第\s*)?\d+\s*(?:[-‐‑–—―~〜]+|至|到)\s*(?:第\s*)?\d+)")
#: A piece of a run that is a question number, alone or with a one-character answer glued on (``6``, ``6.``,
#: ``6BCD``): a run holding one would shift every answer after it.
_NUMBERED_PIECE = lazy_pattern(r"\d+[.、:)]?(?:[A-Za-z]+|[对错對錯√×✓✗✔✘✅❌❎])?")
#: Where a numbered answer begins on a line (``18`` of ``18线路图``).
_PAIR_START = lazy_pattern(r"(?:^|(?<=[\s,;、]))(?:第\s*)?(\d{1,6})(?!\d)(?=\s*[题題]?\s*[.、:)\]]?\s*[^\d\s,;])")
#: ``(1) D``: a number in brackets, at the start of a line or after a space, comma, semicolon or 、.
_BRACKETED = lazy_pattern(r"(?:^|(?<=[\s,;、]))\((\d+)\)")
#: ``(一)B``: a question number in Chinese numerals in brackets (``㈠`` … ``㈩`` after NFKC, or typed ``（一）``),
#: one to ninety-nine, at the start of a line or after a space, comma, semicolon or 、 — not a section's heading
#: (``（一）单项选择题``, ``(二) 判断``).
_BRACKETED_CHINESE = lazy_pattern(
    r"(?:^|(?<=[\s,;、]))\(([一二两三四五六七八九十]{1,3})\)"
    r"(?!\s*(?:[单單多][项項选選]|判断|判斷|填空|选择|選擇|简答|簡答|问答|問答|[题題]))"
)
#: ``第十二题``: a question number in Chinese numerals, one to ninety-nine.
_CHINESE_NUMBER = lazy_pattern(r"第\s*([一二两三四五六七八九]?十?[一二两三四五六七八九]?)\s*([题題])")
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
#: What joins a range's two numbers (``11-12``), read where an answer was expected.
_CONNECTOR = lazy_pattern(r"[-‐‑–—―~〜]+|至|到")
#: Answers of one character that a run may hold glued together (letters, 对/错 marks).
_ONE_CHAR = lazy_pattern(r"[A-Za-z对错對錯√×✓✗✔✘✅❌❎]+")
_LETTER_RUN = lazy_pattern(r"[A-H]+")
_MARK_RUN = lazy_pattern(r"[对错對錯√×✓✗✔✘✅❌❎]+")
#: Letters and 对/错 marks in one run (``BADAC对错对``: a 单选 and 判断 paper's answers without numbers).
_MIXED_RUN = lazy_pattern(r"(?=.*[A-H])(?=.*[对错對錯√×✓✗✔✘✅❌❎])[A-H对错對錯√×✓✗✔✘✅❌❎]+")
_NAME = lazy_pattern(r"[\u3400-\u9fff\U00020000-\U0002ffff]+(?:·[\u3400-\u9fff\U00020000-\U0002ffff]+)?")
_NOT_IN_NAMES = set("题題答卷测測验驗")
#: Words a sheet's title line holds that no member's name does.
_NOT_NAMES = (
    "支部", "党员", "黨員", "学习", "學習", "练习", "練習", "考试", "考試", "作业", "作業", "小组", "小組", "部分",
)  # fmt: skip


#: What a member may write between a question's number and its answer besides ``.``/``、``/``:`` (after NFKC):
#: a dash, an equals sign, an arrow (``17-大都市``, ``1—B``, ``14=对``, ``17→大都市``), or the word 答/答案
#: (``17 答：大都市``, ``17.答案是大都市``).
_LEAD = lazy_pattern(r"^(?:[-‐‑–—―~=→⇒>]+|(?:答案|答)\s*:|答案(?:是|为|為)\s*:?)\s*(?=\S)")


def unlead(answer: str) -> str:
    """``answer`` (of a numbered answer, cleaned) without what stands between the number and it: ``-大都市``
    → ``大都市``, ``—B`` → ``B``, ``答:B`` → ``B``.  A dash alone (``-``, unanswered) is left."""
    return _LEAD().sub("", answer, count=1) if answer[:1] in "-‐‑–—―~=→⇒>答" else answer


class RunError(ValueError):
    """A line whose answers cannot be put on their questions; ``str()`` says why."""


def range_answers(line: str, kinds: Mapping[int, str] | None = None) -> list[tuple[int, str]] | None:
    """The ``(number, answer)`` pairs of a line of ranges (``1-5 DCBAD`` → ``[(1, "D"), (2, "C"), …]``;
    ``1-5 DCBAD 6-8 BCD BC ABCEF`` holds two), ``None`` when ``line`` (already
    :func:`~studykit.grade.normalize.clean`-ed) does not begin with a range.  Raises
    :class:`RunError` when a run cannot be split into one answer per question, or holds a
    question number (another range or numbered answer glued to it).  ``kinds`` (question number → item
    type, from the key) reads a run of both kinds of pieces (``6-10 DBC CD ABCE``: see :func:`_by_kind`)."""
    if not _RANGE().match(line):
        return None
    pairs: list[tuple[int, str]] = []
    for at, segment in enumerate(_RANGE_START().split(line)):
        segment = segment.strip()
        if not segment:
            continue
        m = _RANGE().match(segment)
        if not m:
            return None
        first, last, run = int(m.group(1)), int(m.group(2)), _RUN_LABEL().sub("", m.group(3).strip(), count=1)
        if last <= first and not run and (at == 0 or not pairs):
            return None  # ``17-3``, ``4-4``: the question's answer after a dash, not a range
        if last < first:
            # ``8-1 BCABCXYZ``: 8 down to 1, or 1 to 8, or a typo? Never 8's answer "-1 BCABCXYZ"
            raise RunError(
                _(
                    "{first}-{last} counts down (write the lower number first, e.g. {last}-{first}, "
                    "with the answers in that order)"
                ).format(first=first, last=last)
            )
        pairs += zip(range(first, last + 1), _run(first, last, run, kinds), strict=True)
    return pairs


def _run(first: int, last: int, run: str, kinds: Mapping[int, str] | None = None) -> list[str]:
    """The answers of the run of ``first``-``last``, one per question (see :func:`range_answers`)."""
    count = last - first + 1
    run = run.replace("\ufe0f", "").replace("\ufe0e", "")  # ✔️: a phone's emoji selector after the mark
    pieces = [p for p in _RUN_SEPS().split(run) if p]
    numbered = [p for p in pieces if _NUMBERED_PIECE().fullmatch(p)]
    if numbered:
        raise RunError(
            _(
                "the run of {first}-{last} holds {piece!r}, a question number "
                "(put numbered answers or another range after a space, e.g. 1-5 DCBAD 6-8 BCD BC ABCEF)"
            ).format(first=first, last=last, piece=numbered[0])
        )
    if len(pieces) == count:
        return pieces
    squeezed = "".join(pieces)
    if _ONE_CHAR().fullmatch(squeezed) and len(squeezed) == count:
        return list(squeezed)
    dotted = _RUN_DOTS().sub("", squeezed)  # D.C.B.A.D, 对。错。对。错: one-character answers apart by points
    if dotted != squeezed and _ONE_CHAR().fullmatch(dotted) and len(dotted) == count:
        return list(dotted)
    by_kind = _by_kind(first, last, pieces, kinds) if kinds else None
    if by_kind is not None:
        return by_kind
    held = len(squeezed) if _ONE_CHAR().fullmatch(squeezed or "-") else len(pieces)
    raise RunError(
        _(
            "{first}-{last} names {count} questions but {run!r} holds {held} answers "
            "(write one answer per question, e.g. 1-5 DCBAD or 6-8 BCD BC ABCEF)"
        ).format(first=first, last=last, count=count, run=run[:40], held=held)
    )


def _by_kind(first: int, last: int, pieces: list[str], kinds: Mapping[int, str]) -> list[str] | None:
    """The answers of ``first``-``last`` from ``pieces`` written apart by spaces, by the key's item types
    (``kinds``): a single or true_false question takes one character of a piece (letters or 对/错 marks run
    together: ``DBC``), a multiple or fill_blank question a whole piece, begun at a space — ``6-10 DBC CD
    ABCE`` is 6 D, 7 B, 8 C, 9 CD, 10 ABCE.  ``None`` unless this consumes every piece exactly (``DB CCD
    ABCE`` would begin 9's answer inside ``CCD``): nothing is guessed."""
    answers: list[str] = []
    piece, at = 0, 0  # the piece being read, and the character of it
    for number in range(first, last + 1):
        kind = kinds.get(number)
        if piece >= len(pieces) or kind is None:
            return None
        if kind in ("single", "true_false"):
            if not _ONE_CHAR().fullmatch(pieces[piece]):
                return None
            answers.append(pieces[piece][at])
            at += 1
        elif at == 0:
            answers.append(pieces[piece])
            at = len(pieces[piece])
        else:
            return None
        if at == len(pieces[piece]):
            piece, at = piece + 1, 0
    return answers if piece == len(pieces) else None


def run_pieces(line: str) -> list[str]:
    """``line``'s pieces apart by spaces, commas, semicolons, ``、``, ``/`` or ``|`` (``BADAC CD`` → two)."""
    return [p for p in _RUN_SEPS().split(line) if p]


def one_char_run(piece: str) -> bool:
    """Whether ``piece`` is a run of one-character answers: letters, or 对/错 marks (``BADAC``, ``对错√×``)."""
    return bool(_ONE_CHAR().fullmatch(piece))


def numbered_answers(line: str) -> list[tuple[int, str]] | None:
    """The ``(number, answer)`` pairs of a line of several numbered answers (``1D 2C 3B``, ``1.D、2.C``,
    ``18线路图 19控制在 市域``), ``None`` when ``line`` is not wholly such pairs (each answer runs to the next
    number and holds no digit), holds fewer than two, or their numbers do not follow one another (then it
    is one answer, read as ``NUMBER. ANSWER``).  Linear in the line's length."""
    heads = list(_PAIR_HEAD().finditer(line))
    if len(heads) < 2 or heads[0].start() != 0:
        _unsplit(line)
        return None
    pairs: list[tuple[int, str]] = []
    for head, after in zip(heads, [*heads[1:], None], strict=True):
        raw = line[head.end() : after.start() if after else len(line)]
        answer = raw.strip(_PAIR_SEPS)
        if pairs and _CONNECTOR().fullmatch(answer) and raw == raw.rstrip() and _RANGE().match(line[head.start() :]):
            # 9.AC 10.ABCD 11-12 ABCDF ACD: a range after them (but 1.A 2.- 3.D and 1A 2- 3D: 2 skipped)
            return _then_range(line, pairs, line[head.start() :])
        if not answer or _DIGIT().search(answer):
            _unsplit(line)
            return None
        pairs.append((int(head.group(1)), unlead(answer)))
    if any(b[0] != a[0] + 1 for a, b in pairwise(pairs)):
        _unsplit(line)
        return None
    return pairs


def _then_range(line: str, pairs: list[tuple[int, str]], rest: str) -> list[tuple[int, str]]:
    """``pairs`` (numbered answers that begin ``line``) and the range ``rest`` that ends it
    (``9.AC 10.ABCD 11-12 ABCDF ACD``), when the numbers of both follow one another; else
    :class:`RunError` (the range's ``-`` was read as an answer: 11 unanswered, 12 ``ABCDF ACD``)."""
    try:
        ranged = range_answers(rest)
    except RunError:
        ranged = None
    numbers = [n for n, _answer in [*pairs, *(ranged or [])]]
    if ranged and all(b == a + 1 for a, b in pairwise(numbers)):
        return [*pairs, *ranged]
    _unsplit(line)
    raise RunError(
        _("the line holds numbered answers, then the range {rest!r}; put the range on a line of its own").format(
            rest=rest[:40]
        )
    )


def _unsplit(line: str) -> None:
    """Raise :class:`RunError` when ``line``, not pairs numbered one after another, still begins three
    or more answers numbered in increasing order (``1D 2C 3-5 BAD 6BCD``): read as one answer,
    every answer after the first would be lost."""
    starts = list(_PAIR_START().finditer(line))
    spaced = _spaced_digit_answer(line)
    if spaced is not None:  # ``13 华中师范大学 14 5大体系``
        raise RunError(
            _(
                "the line may hold the answers to questions {first} and {follow} (the text after {second} "
                "begins with a digit); put each answer on a line of its own"
            ).format(first=spaced[0], follow=spaced[1], second=spaced[1])
        )
    if len(starts) == 2 and starts[0].start() == 0:
        # ``5现场会议 61+1+11``: an answer to 5, then 6 with a blank that begins with a digit (1+1+11),
        # or one answer to 5 that holds "61+1+11"? Either reading loses or invents an answer.
        follow, second = str(int(starts[0].group(1)) + 1), starts[1].group(1)
        if second.startswith(follow) and line[starts[0].end() : starts[1].start()].strip(_PAIR_SEPS):
            raise RunError(
                _(
                    "the line may hold the answers to questions {first} and {follow} (the text after {second} "
                    "begins with a digit); put each answer on a line of its own"
                ).format(first=starts[0].group(1), follow=follow, second=second)
            )
    numbers = [int(m.group(1)) for m in starts]
    twice = next((n for n, count in Counter(numbers).items() if count > 1), None) if len(numbers) >= 3 else None
    if twice is not None:  # 1. A … 20. A 1. A …: the answers typed twice, or two sheets on one line
        raise RunError(
            _(
                "the line answers question {number} more than once (it numbers {count:,} answers); which answer "
                "counts cannot be told: keep one answer per question"
            ).format(number=twice, count=len(numbers))
        )
    if len(numbers) >= 3 and all(b > a for a, b in pairwise(numbers)):
        raise RunError(
            _(
                "the line holds answers to questions {numbers} that cannot be told apart "
                "(put an answer holding a space on a line of its own)"
            ).format(numbers=join(map(str, numbers)))
        )


#: A question number standing alone on a line (at its start, or after a space, comma, semicolon or 、), what
#: may follow it (题, a separator), and the first character after that.
_NUMBER_TOKEN = lazy_pattern(r"(?:^|(?<=[\s,;、]))(?:第\s*)?(\d{1,6})(?!\d)\s*[题題]?\s*[.、:)\]]?\s*(\S?)")


def _spaced_digit_answer(line: str) -> tuple[int, int] | None:
    """``(m - 1, m)`` when ``line`` begins with a numbered answer and numbers the questions after it one by
    one up to ``m``, whose answer begins with a digit (``13 华中师范大学 14 5大体系``): read as one answer,
    13's would swallow 14's; split, 14's answer could as well be ``45大体系``.  ``None`` otherwise."""
    tokens = _NUMBER_TOKEN().finditer(line)
    head = next(tokens, None)
    if head is None or head.start() != 0 or not head.group(2) or head.group(2).isdigit():
        return None
    expected = int(head.group(1)) + 1
    for token in tokens:
        if int(token.group(1)) != expected:
            continue
        if token.group(2).isdigit():
            return expected - 1, expected
        expected += 1
    return None


#: ``多选：9.BD 10.BCD``, ``判断13-16：对对对错``, ``一、单选题 1-8 CDBCBAAD``, ``答案：1-5 CDBCB``, ``一、1-8 CDBCBAAD``:
#: a section's label (or number alone) before the answers.
_SECTION_LABEL = lazy_pattern(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.]\s*(?=(?:第\s*)?\d)|(?:[一二三四五六七八九十]{1,3}\s*[、.]\s*)?(?:(?:我的)?答案|单选|單選|多选|多選|选择|選擇|判断|判斷|填空)[题題]?\s*[:：]?\s*(?=(?:第\s*)?\d))"
)


#: Circled digits NFKC leaves as they are (dingbats: ``➀``, ``❶``, ``➊`` … ten), as their numbers.
_DINGBAT_DIGITS = {
    start + i: str(i + 1) for start in (0x2776, 0x2780, 0x278A) for i in range(10)
}  # fmt: skip


#: ``Q1``, ``q 2``: a question number after a Q, at the start of a line or after a space, comma or semicolon.
_Q_NUMBER = lazy_pattern(r"(?:^|(?<=[\s,;、]))[Qq题題]\s*(?=\d)")
_Q_START = lazy_pattern(r"[Qq题題]\s*\d")


def uncircle(line: str) -> str:
    """``line`` with question numbers written as dingbat circled digits as digits (``➀B ❷A`` → ``1B 2A``;
    ``①`` … ``⑳`` and ``㉑`` … are digits already after NFKC), and, on a line beginning ``Q1`` or ``题1``, without
    the Q or 题 before each number (``Q1 B Q2 A`` → ``1 B 2 A``, ``题1:B`` → ``1:B``; a table's header may say
    ``Q1`` or ``题1`` too)."""
    if not line.isascii():
        line = line.translate(_DINGBAT_DIGITS)
    if _Q_START().match(line):
        line = _Q_NUMBER().sub("", line)
    return line


def unlabel(line: str) -> str:
    """``line`` without a section's label before its numbered answers (``多选：9.BD 10.BCD`` →
    ``9.BD 10.BCD``; ``判断13-16：对对对错`` → ``13-16：对对对错``); a label alone (``一、单选题``) is left."""
    return _SECTION_LABEL().sub("", line, count=1)


def unbracket(line: str) -> str:
    """``line`` with question numbers in brackets written as ``N.`` (``(1) D (2) C`` → ``1. D 2. C``, ``(一)B`` —
    ``㈠B`` after NFKC — → ``1.B``; a heading ``(一)单项选择题`` is left) and
    Chinese ones in ``第…题`` as digits (``第十二题 对`` → ``第12题 对``; a heading ``一、单选题`` is left as it is)."""
    if "(" in line:
        line = _BRACKETED().sub(r"\1.", line)
        line = _BRACKETED_CHINESE().sub(lambda m: f"{_chinese(m.group(1))}." if _is_numeral(m.group(1)) else m[0], line)
    if "第" in line:
        line = _CHINESE_NUMBER().sub(
            lambda m: f"第{_chinese(m.group(1))}{m.group(2)}" if m.group(1) else m.group(0), line
        )
    return line


def _is_numeral(text: str) -> bool:
    """Whether ``text`` is a Chinese numeral :func:`_chinese` reads (``一`` … ``九十九``; not ``十十``)."""
    tens, _sep, units = text.rpartition("十")
    return (
        "十" not in tens
        and len(tens) <= 1
        and len(units) <= 1
        and (text in _DIGITS or "十" in text)
        and not (tens and tens not in _DIGITS)
        and not (units and units not in _DIGITS)
    )


def _chinese(numeral: str) -> int:
    """``一`` … ``九十九`` as a number (``十二`` 12, ``二十`` 20, ``两`` 2)."""
    tens, _sep, units = numeral.rpartition("十")
    if "十" not in numeral:
        return _DIGITS[numeral]
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


def is_name(line: str) -> bool:
    """Whether a sheet's first line (cleaned) is a member's name alone: ``赵六``, ``阿依古丽·买买提``."""
    return (
        bool(_NAME().fullmatch(line))
        and 2 <= len(line) <= 12
        and not _NOT_IN_NAMES & set(line)
        and not any(word in line for word in _NOT_NAMES)
        and not _MARK_RUN().fullmatch(line)
    )


def holds_answers(line: str) -> bool:
    """Whether a line no form reads (cleaned) still holds answers: a piece of capital letters
    A–H (``DCBAD``, ``BCD``), of 对/错 marks (``对错对错``) or of both (``BADAC对错``) — answers without numbers."""
    if _RANGE_INSIDE().search(line):  # 秦一 单选1-8:CDBCBAAD
        return True
    pieces = [p for p in _RUN_SEPS().split(line) if p]
    # after a label's colon, a run of three or more (单选:BADACDBC; not 班级:A)
    pieces += [p.rpartition(":")[2] for p in pieces if ":" in p and len(p.rpartition(":")[2]) >= 3]
    return any(_LETTER_RUN().fullmatch(p) or _MARK_RUN().fullmatch(p) or _MIXED_RUN().fullmatch(p) for p in pieces)


#: A range and the start of its run anywhere in a line (``单选1-8:CDBCBAAD``).
_RANGE_INSIDE = lazy_pattern(r"\d\s*(?:[-‐‑–—―~〜]+|至|到)\s*\d+\s*[题題]?\s*[.、:)\]]?\s*[A-Za-z对错對錯√×✓✗✔✘✅❌❎]")


#: A name, then a space, colon, comma or semicolon, then the rest of the line (after NFKC).
_NAME_THEN = lazy_pattern(r"([^\s:,;]+)\s*[\s:,;]\s*(\S.*)")


def name_and_answers(line: str) -> tuple[str, str] | None:
    """A first line holding the member's name, then answers (``秦一 1-8 CDBCBAAD``, ``秦一 单选1-8:CDBCBAAD``,
    ``赵六 1D 2C 3B``, ``郑十：1-5 AADBC`` as a chat message gives it): the name and the rest of the line,
    label and brackets undone, to be read as a range or numbered answers; ``None`` when the line begins
    with no name followed by a question number."""
    m = _NAME_THEN().match(line)  # 秦一 1-8 …, 秦一：1-8 … (a chat message), 秦一，1-8 …
    if not m or not is_name(m.group(1)):
        return None
    name, rest = m.groups()
    rest = unbracket(unlabel(rest.strip()))
    return (name, rest) if re.match(r"(?:第\s*)?\d", rest) else None
