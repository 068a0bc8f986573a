"""The columns of a branch's table: where its header row is and which column holds which item
(by number or by stem text), the name and the metadata."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ...i18n import _, join, ngettext
from ...key import AnswerKey, KeyItem, no_question
from ..normalize import clean, read_answer
from ..survey_cells import option_column, survey_offset
from ..versions import KeySet
from ._common import (
    FIRST_NAME_HEADERS,
    MAX_DIGITS,
    MAX_HEADER_NUMBER,
    METADATA_HEADERS,
    MOODLE_COLUMNS,
    NAME_HEADERS,
    NUMBER_HEADER,
    QUIZ_HEADERS,
    REPORT_HEADERS,
    SURNAME_HEADERS,
    SURVEY_PREFIX,
    TAGS,
    TRAIL,
    VERSION_HEADERS,
    Fail,
    LeftOut,
    columns_mismatch,
    count_mismatch,
)

#: A survey exam download's column of a question's points, ``2.<stem>(得分)``, ``…_得分``, ``…【分数】``.
_SCORE_COLUMN = re.compile(r"(?:[(\[（【]\s*(?:得分|分数|分值)\s*[)\]）】]|[_\-—]\s*(?:得分|分数|分值))$")
#: A column of Moodle's Grades report (quiz_overview): a question's mark, ``Q. 1 /5.00`` (``qbrief``; the
#: zh_tw pack's ``Q:1 /5.00``).
_MOODLE_MARKS = re.compile(r"^Q\s*[.:]\s*\d+\s*/\s*[\d.,]+$", re.I)
#: Moodle's Responses report in Chinese (language packs zh_cn and zh_tw, quiz_responses ``responsex``):
#: ``回答1``, ``作答紀錄1`` — item 1's response, as ``Response 1`` in English.
_MOODLE_RESPONSE = re.compile(r"^(?:回答|作答[紀纪][錄录])\s*(\d+)$")
#: Its columns that are no answers (zh_cn / zh_tw ``rightanswerx`` 标准答案1 / 正確答案1, the question's
#: text ``试题 1``, the grade ``成绩/100.00``), as :data:`MOODLE_COLUMNS` in English.
_MOODLE_ZH_COLUMNS = re.compile(r"^(?:(?:标准答案|正確答案|正确答案|试题|試題)\s*\d+|(?:成绩|成績)/[\d.,]+)$")
#: Fields of the platforms' downloads that are no answers, besides :data:`METADATA_HEADERS` (compared
#: case-folded): 腾讯问卷's (a download's header as pandas scripts for wj.qq.com data read it: 地理位置…,
#: 自定义字段, 用户类型, 用户标识, 语言, 清洗数据结果, IP, UA, Referrer, 中奖…, 审核状态) and Moodle's
#: Chinese attempt columns (zh_cn ``timecompleted`` 完成时间; zh_tw 開始於, 完成於, 花費時間, 狀態).
_PLATFORM_FIELDS = frozenset(
    {
        "地理位置国家和地区", "地理位置省", "地理位置市", "自定义字段", "用户类型", "用户标识", "语言",
        "清洗数据结果", "智能清洗数据无效概率", "ua", "referrer", "中奖时间", "中奖金额", "审核状态",
        "完成时间", "開始於", "完成於", "花費時間", "狀態",
    }
)  # fmt: skip


def _stem_form(text: str) -> str:
    """A stem as compared with a header: NFKC, no whitespace, punctuation or underscores."""
    import unicodedata

    return "".join(c for c in clean(text) if not unicodedata.category(c).startswith(("P", "Z")) and not c.isspace())


@dataclass(frozen=True)
class _Layout:
    name: int
    questions: tuple[tuple[int, int], ...]  # (column index, item number)
    quiz: int = -1
    version: int = -1
    #: (column index, item number, option index, named by its text): one tick each
    options: tuple[tuple[int, int, int, bool], ...] = ()
    #: the surname's column when the name is in two (Moodle: Surname, First name; ``name`` the first name's)
    surname: int = -1
    #: Moodle's State column (an attempt never submitted is no member's answers), with ``surname``
    state: int = -1
    #: a choice item whose option columns, named by their texts, stand in another order than its options
    #: (the download is of another version of the paper), else 0
    reordered: int = 0


def _one_stem(text: str, stems: dict[str, list[KeyItem]]) -> KeyItem | None:
    """The one item whose stem ``text`` is (or holds, for stems of four characters or more), else ``None``."""
    form = _stem_form(_bare(text))
    matches = stems.get(form, [])
    if not matches and form:
        matches = [it for f, its in stems.items() if len(f) >= 4 and f in form for it in its]
    return matches[0] if len(matches) == 1 else None


def _bare(header: str) -> str:
    """A header without survey number prefix, type tags and trailing colon."""
    text = TAGS.sub("", header)
    text = SURVEY_PREFIX.sub("", text)
    return TRAIL.sub("", text).strip()


def column_layout(
    header: list[str],
    key: AnswerKey,
    name_column: str | None,
    row: int,
    warn: Callable[[int, str, str], None],
) -> _Layout:
    numbers = {it.number: it for it in key.items}
    stems: dict[str, list[KeyItem]] = {}
    for it in key.items:
        stems.setdefault(_stem_form(it.stem), []).append(it)
    cleaned = [clean(h) for h in header]
    if set(cleaned) >= REPORT_HEADERS:
        raise LeftOut(
            row,
            _(
                "this is a studykit grade report (columns 名次, 得分, 满分, 百分比, 结果), not members' answers; left out"
            ),
        )

    def label(i: int, beside: int = -1) -> str:
        """A column as a message names it: its number and header, cut to 30 characters — or, when that
        would read the same as the column ``beside`` it in the message, its start and end."""
        header = cleaned[i][:30]
        if beside >= 0 and cleaned[i] != cleaned[beside] and cleaned[beside][:30] == header:
            header = f"{cleaned[i][:16]}…{cleaned[i][-13:]}"
        return _("column {number} ({header!r})").format(number=i + 1, header=header)

    name_at = -1
    if name_column is not None:
        wanted = clean(name_column)
        if wanted.isdigit():  # a column number: question headers are often digits too
            hits = [int(wanted) - 1] if len(wanted) <= MAX_DIGITS and 1 <= int(wanted) <= len(cleaned) else []
        else:
            hits = [i for i, h in enumerate(cleaned) if h == wanted or _bare(h) == wanted]
        if not hits:
            shown = join(repr(h) for h in cleaned if h)
            raise Fail(
                row,
                _("no column {name_column!r} for --name-column (the columns are: {shown})").format(
                    name_column=name_column, shown=shown
                ),
            )
        name_at = hits[0]
    shift = survey_offset(cleaned, numbers)  # 10(技术治理的有效支撑) for item 9, a name question first
    tick_numbers = {n + shift: it for n, it in numbers.items()}
    by_item: dict[int, int] = {}
    names: list[int] = []
    ignored: list[str] = []
    ticks: list[tuple[int, int, int, bool]] = []
    quiz_at = version_at = -1
    halves = [-1, -1]  # the columns of a name in two: surname, first name (Moodle)
    for i, h in enumerate(cleaned):
        if i == name_at or not h:
            continue
        bare = _bare(h)
        folded = bare.casefold()
        item: KeyItem | None = None
        m = _header_number(h)
        tick = None if m else option_column(h, tick_numbers, lambda text: _one_stem(text, stems))
        if tick is not None:  # one column per option (问卷星 按选项序号): 3(网格长)
            ticks.append((i, *tick))
            continue
        if not m and _SCORE_COLUMN.search(h):  # an exam download's points per question: no answer
            continue
        if m:
            n = int(next(g for g in m.groups() if g))
            if n not in numbers:
                raise Fail(
                    row,
                    _("{column}: {problem}; {mismatch}").format(
                        column=label(i), problem=no_question(n, numbers), mismatch=columns_mismatch()
                    ),
                )
            item = numbers[n]
        else:
            form = _stem_form(bare)
            matches = stems.get(form, [])
            if not matches and form:
                matches = [it for f, its in stems.items() if len(f) >= 4 and f in form for it in its]
            if len(matches) == 1:
                item = matches[0]
            elif len(matches) > 1:
                raise Fail(
                    row,
                    _("{column}: the stem fits questions {numbers} (number the columns instead)").format(
                        column=label(i), numbers=join(str(it.number) for it in matches)
                    ),
                )
        if item is not None:
            if item.number in by_item:
                raise Fail(
                    row,
                    _("{column}: question {number} already has {other}").format(
                        column=label(i, by_item[item.number]),
                        number=item.number,
                        other=label(by_item[item.number], i),
                    ),
                )
            by_item[item.number] = i
        elif folded in QUIZ_HEADERS or folded in VERSION_HEADERS:
            before = quiz_at if folded in QUIZ_HEADERS else version_at
            if before >= 0:  # 版本 and 试卷版本: which one a row's version is cannot be told
                raise Fail(
                    row,
                    _("{column}: the table already has {other} for the same field; keep one").format(
                        column=label(i), other=label(before)
                    ),
                )
            if folded in QUIZ_HEADERS:
                quiz_at = i
            else:
                version_at = i
        elif name_at < 0 and (folded in NAME_HEADERS or "姓名" in folded):
            names.append(i)
        elif folded in SURNAME_HEADERS or folded in FIRST_NAME_HEADERS:
            halves[folded in FIRST_NAME_HEADERS] = i
        elif (
            folded not in METADATA_HEADERS
            and folded not in _PLATFORM_FIELDS
            and not MOODLE_COLUMNS.match(folded)
            and not _MOODLE_ZH_COLUMNS.match(folded)
        ):
            ignored.append(
                _("{column} ignored (not a question of the key, the name or a known survey field)").format(
                    column=label(i)
                )
            )
    tick_columns = {t[0] for t in ticks}
    for i, n, _option, _named in ticks:
        if n in by_item and by_item[n] not in tick_columns:
            raise Fail(
                row,
                _("{column}: an option of question {n}, which already has {other}").format(
                    column=label(i), n=n, other=label(by_item[n])
                ),
            )
        by_item.setdefault(n, i)  # its first option column stands for it
    if not by_item and any(_MOODLE_MARKS.match(h) for h in cleaned):
        raise Fail(
            row,
            _(
                "this is Moodle's Grades report (the marks per question, 'Q. 1 /5.00'), not the members' answers: "
                "download the Responses report (Results → Responses) and grade that"
            ),
        )
    if not by_item:
        shown = join(repr(h[:30]) for h in cleaned if h)
        raise Fail(
            row,
            _("no column matches a question of the key (the columns are: {shown}); not an answer table").format(
                shown=shown
            ),
        )
    surname = -1
    state = -1
    if name_at < 0 and not names and min(halves) >= 0:  # Moodle: 姓 and 名 in two columns, read as one
        surname, name_at = halves
        state = next((i for i, h in enumerate(cleaned) if h.casefold() in ("state", "状态", "狀態")), -1)
    if name_at < 0:
        exact = [i for i in names if _bare(cleaned[i]).casefold() in ("姓名", "name")]
        if len(names) == 1 or len(exact) == 1:
            name_at = names[0] if len(names) == 1 else exact[0]
        else:
            shown = join(repr(h) for h in cleaned if h)
            why = _("several columns could hold the name") if names else _("no column is headed 姓名 or name")
            raise Fail(
                row,
                _(
                    "cannot tell which column holds the member's name: {why} (give --name-column; the columns are: {shown})"
                ).format(why=why, shown=shown),
            )
    missing = [n for n in numbers if n not in by_item]
    if missing:
        raise Fail(
            row,
            ngettext(
                "the table has {count} question column but the key has {count2} questions (no column for question {items}); {mismatch}",
                "the table has {count} question columns but the key has {count2} questions (no column for question {items}); {mismatch}",
                len(by_item),
            ).format(
                count=len(by_item),
                count2=len(numbers),
                items=join(map(str, missing)),
                mismatch=count_mismatch(),
            ),
        )
    for message in ignored:
        warn(row, "", message)
    if isinstance(key, KeySet) and version_at < 0:
        raise Fail(
            row,
            _("the table has no 版本 column but the keys are for versions {versions}; add a 版本 column so that "
              "each row is graded with the key of its version").format(versions=key.versions),
        )  # fmt: skip
    if key.version and version_at < 0:
        warn(
            row,
            "",
            _(
                "the table has no 版本 column; assuming every row answered version {version} (add a 版本 column if the branch wrote several versions)"
            ).format(version=key.version),
        )
    layout = tuple(sorted(((col, n) for n, col in by_item.items()), key=lambda p: p[1]))
    named: dict[int, list[int]] = {}  # item number → its options, in the order of their columns named by text
    for _col, n, option, by_text in ticks:
        if by_text:
            named.setdefault(n, []).append(option)
    reordered = 0 if isinstance(key, KeySet) else next((n for n, seq in named.items() if seq != sorted(seq)), 0)
    return _Layout(name_at, layout, quiz_at, version_at, tuple(ticks), surname, state, reordered)


def header_like(cells: list[str], key: AnswerKey, name_column: str | None) -> bool:
    """Whether ``cells`` look like a table's header row: at least two cells, and a name
    column or at least half the key's questions matched by number or stem."""
    cleaned = [clean(c) for c in cells if c.strip()]
    if len(cleaned) < 2:  # a merged title row holds one cell
        return False
    folded = [_bare(c).casefold() for c in cleaned]
    wanted = clean(name_column or "").casefold()
    if wanted and not wanted.isdigit() and (wanted in folded or wanted in (c.casefold() for c in cleaned)):
        return True
    if any(f in NAME_HEADERS or "姓名" in f for f in folded):
        return True
    return question_count(cells, key) * 2 >= len(key.items) > 0


def _header_number(header: str) -> re.Match[str] | None:
    """The match of :data:`NUMBER_HEADER` on a cleaned header cell (``3``, ``第3题``, ``Q3``), also when it
    numbers the question in Chinese numerals (``第十二题``, read as ``第12题``) or is Moodle's Chinese
    ``回答1`` (:data:`_MOODLE_RESPONSE`); ``None`` for a longer cell."""
    if len(header) > MAX_HEADER_NUMBER:
        return None
    m = NUMBER_HEADER.match(header) or _MOODLE_RESPONSE.match(header)
    if m is None and header.startswith("第"):
        from ..sheet_lines import unbracket  # only then: grading a table imports no sheet reader

        m = NUMBER_HEADER.match(unbracket(header))
    return m


def question_count(cells: list[str], key: AnswerKey) -> int:
    """How many of ``cells`` (a row's raw cells) name a question of ``key``, by number or by stem."""
    numbers = {it.number for it in key.items}
    stems = {_stem_form(it.stem) for it in key.items}
    matched = 0
    for c in (clean(c) for c in cells if c.strip()):
        m = _header_number(c)
        if m:
            matched += int(next(g for g in m.groups() if g)) in numbers
        else:
            form = _stem_form(_bare(c))
            matched += bool(form) and any(form == f or (len(f) >= 4 and f in form) for f in stems)
    return matched


#: How many non-empty rows may stand above the header row (titles, merged banners).
HEADER_SEARCH_ROWS = 5


def find_header(
    rows: Iterator[tuple[int, list[str]]],
    key: AnswerKey,
    name_column: str | None,
    last_row: list[int],
    warn: Callable[[int, str, str], None],
) -> tuple[int, list[str], list[int], list[tuple[int, list[str]]]]:
    """``(header row number, header cells, row numbers above it, rows read past it)``: the
    first of the first :data:`HEADER_SEARCH_ROWS` non-empty rows that :func:`header_like`,
    else the first non-empty row.  A header row naming no question (``姓名 | 单选题 | 多选题``, group
    labels in merged cells) over a row of at least half the key's questions (``| 1 | 2 | 3 …``, the
    name cell merged down) is one header of two rows: each column headed by the lower row's cell,
    or the upper one's where the lower is empty; a warning says so.  Raises :class:`Fail` for a
    table without rows."""
    seen: list[tuple[int, list[str]]] = []
    for number, cells in rows:
        last_row[0] = number - 1
        if not any(c.strip() for c in cells):
            continue
        seen.append((number, cells))
        if header_like(cells, key, name_column) or len(seen) == HEADER_SEARCH_ROWS:
            break
    if not seen:
        raise Fail(0, _("the table is empty (expected a header row, then one row per member)"))
    at = next((i for i, (_, cells) in enumerate(seen) if header_like(cells, key, name_column)), 0)
    number, header, after = seen[at][0], seen[at][1], seen[at + 1 :]
    if not question_count(header, key):  # 姓名 | 单选题 (merged) over 1 2 3 …: the numbers are a row below
        if not after:  # the rows read so far end at the header: read on to the next non-empty one
            after = [next((row for row in rows if any(c.strip() for c in row[1])), (0, []))]
            after = after if after[0][1] else []
        below = after[0] if after else None
        if below is not None and question_count(below[1], key) * 2 >= len(key.items):
            stacked = itertools.zip_longest(header, below[1], fillvalue="")
            number, header, after = below[0], [b if b.strip() else h for h, b in stacked], after[1:]
            warn(
                number,
                "",
                _(
                    "the header is rows {top} and {number}: the question numbers are in row {number}, the labels "
                    "above them in row {top} (a merged cell above several questions is read as no question)"
                ).format(top=seen[at][0], number=number),
            )
    return number, header, [n for n, _ in seen[:at]], after


def has_answer(cells: list[str], layout: _Layout, key: AnswerKey) -> bool:
    """Whether any question cell of a row reads as an answer (a stem repeated is none)."""
    stems = {_stem_form(it.stem) for it in key.items}
    for col, n in layout.questions:
        text = cells[col].strip() if col < len(cells) else ""
        form = _stem_form(_bare(text))
        if not text or any(form == f or (len(f) >= 4 and f in form) for f in stems):
            continue
        if read_answer(text, key.item(n)).kind == "answer":
            return True
    return False
