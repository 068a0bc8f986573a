"""The paper (and the handout) as CommonMark: headings, one paragraph per item, options on hard-broken lines.

Short options share a line, separated by an ideographic space (``A. 9月17日　B. 11月17日　C. 10月7日　D. 10月17日``),
as :func:`~studykit.render._common.options_per_line` decides for all three formats.

Every piece of bank text is escaped (the ASCII characters CommonMark gives a
meaning inline get a backslash, whitespace runs become one space) and never
starts a line, so ``____``, ``*``, ``<b>``, ``&amp;``, ``1.`` or ``#`` in a stem
print as written and never turn into emphasis, HTML, entities, lists or headings.
A fill_blank stem's blank prints as a run of escaped underscores.
"""

from __future__ import annotations

import re

from ..handout import Handout
from ..quiz import Item, Paper
from ..typography import for_print
from ._common import (
    HEADER_FIELDS,
    QUICK_KEY_TITLE,
    document_title,
    fact_lines,
    option_rows,
    quick_key,
    section_note,
    stem_segments,
    version_label,
)

#: ASCII characters that can start emphasis, code, links, HTML, entities, headings or
#: (in common extensions) strikethrough, tables and math.  Bank text never starts a
#: line (it always follows a number, a letter or a label), so list markers are moot.
_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>&!#~|$])")
#: Whitespace runs to make one space: a line break would end the item's paragraph.  The
#: ideographic space (U+3000) is kept: it is how a paper spaces its answer bracket （　　）.
_WS_RE = re.compile(r"[^\S\u3000]+")
#: The printed blank: eight underscores, escaped.
BLANK = "\\_" * 8
#: A hard line break (CommonMark backslash form, visible in the source).
BREAK = "\\\n"


def escape(text: str) -> str:
    """``text`` as literal CommonMark inline text (special ASCII punctuation backslash-escaped)."""
    return _SPECIAL_RE.sub(r"\\\1", _WS_RE.sub(" ", text))


def _stem(item: Item) -> str:
    return "".join(BLANK if blank else escape(text) for text, blank in stem_segments(item.stem))


def _item(item: Item, solutions: bool) -> str:
    lines = [f"{item.number}\\. {_stem(item)}"]
    if solutions:
        lines += [
            f"答案：{escape(item.answer_text)}",
            f"解析：{escape(item.explanation)}",
            f"出处：{escape(item.source_line)}",
        ]
    else:
        lines += ["\u3000".join(f"{letter}. {escape(text)}" for letter, text in row) for row in option_rows(item)]
    return BREAK.join(lines)


def render(paper: Paper, *, solutions: bool = False) -> str:
    """The paper (or, with ``solutions``, its 参考答案: a quick key, then each item worked) as CommonMark
    text ending in one newline."""
    blocks = [f"# {escape(document_title(paper, solutions))}"]
    if paper.version:  # A卷 / B卷 under the title, on a line of its own
        blocks.append(version_label(paper))
    if not solutions:
        blocks.append("　".join(f"{name}：{BLANK}" for name in HEADER_FIELDS))
    blocks.append(paper.id_line)
    if not solutions:
        blocks.append(paper.instruction)
    else:
        blocks.append(f"## {QUICK_KEY_TITLE}")
        blocks += [
            f"{title}：" + "　".join(f"{n}. {escape(a)}" for n, a in answers) for title, answers in quick_key(paper)
        ]
    for section in paper.sections:
        blocks.append(f"## {section.heading}")
        blocks += [_item(item, solutions) for item in section.items]
    return "\n\n".join(blocks) + "\n"


def render_handout(handout: Handout) -> str:
    """The handout (学习要点) as CommonMark text ending in one newline: a ``##`` heading per
    speech, then its facts numbered, each with its 原文 on a hard-broken line."""
    blocks = [f"# {escape(handout.title)}"]
    if handout.intro:
        blocks.append(escape(handout.intro))
    if not handout.sections and handout.empty:
        blocks.append(escape(handout.empty))
    for section in handout.sections:
        blocks.append(f"## {escape(for_print(section.header))}")
        if note := section_note(section):
            blocks.append(escape(note))
        for n, fact in enumerate(section.facts, 1):
            statement, source = fact_lines(fact)
            blocks.append(BREAK.join([f"{n}\\. {escape(statement)}", *([escape(source)] if source else [])]))
    return "\n\n".join(blocks) + "\n"
