"""The paper (and the handout) as one self-contained HTML file for screens and A4 printing.

``lang="zh-CN"``, a CJK font stack (宋体-like serif for text, 黑体-like sans for
headings), inline CSS only, ``@page`` A4 and ``break-inside: avoid`` on each
question so a stem never parts from its options.  Every piece of bank text is
passed through :func:`html.escape`.

Options sit in a grid of :func:`~studykit.render._common.options_per_line` columns
(four, three, two or one to a line), halved on a narrow screen (a phone).  Printed,
each page's foot reads ``第 1 页 共 2 页``: a CSS ``@page`` ``@bottom-center`` margin
box with the ``page`` and ``pages`` counters (CSS Paged Media; Chromium and Edge 131+
print it; a browser that ignores margin boxes prints no page number — its own
"headers and footers" print option numbers the pages instead).
"""

from __future__ import annotations

from html import escape

from ..handout import Handout
from ..quiz import Item, Paper
from ..typography import for_print
from ._common import (
    CARD_COLUMNS,
    CARD_FIELDS,
    CARD_TITLE,
    HEADER_FIELDS,
    card_grid,
    card_instruction,
    card_lines,
    card_sections,
    document_title,
    fact_lines,
    options_per_line,
    section_note,
    stem_segments,
)

SERIF = '"Songti SC", "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", serif'
SANS = '"Heiti SC", "SimHei", "黑体", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'

CSS = f"""\
@page {{
  size: A4; margin: 18mm 18mm 20mm;
  @bottom-center {{ content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-family: {SERIF}; font-size: 9pt; }}
}}
body {{ font-family: {SERIF}; font-size: 10.5pt; line-height: 1.6; max-width: 180mm; margin: 0 auto; padding: 0 0.5em; color: #000; }}
h1, h2 {{ font-family: {SANS}; font-weight: bold; }}
h1 {{ font-size: 16pt; text-align: center; margin: 0 0 0.6em; }}
h2 {{ font-size: 12pt; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }}
.fields {{ display: flex; justify-content: space-between; margin: 0.4em 0; }}
.field {{ display: inline-block; min-width: 7em; border-bottom: 1px solid #000; }}
.meta, .instruction {{ margin: 0.3em 0; }}
.item {{ margin: 0.45em 0; break-inside: avoid; page-break-inside: avoid; }}
.stem {{ margin: 0; }}
.options {{ list-style: none; margin: 0.1em 0 0 2em; padding: 0; display: grid; grid-template-columns: 1fr; column-gap: 1em; }}
.cols-4 {{ grid-template-columns: repeat(4, 1fr); }}
.cols-3 {{ grid-template-columns: repeat(3, 1fr); }}
.cols-2 {{ grid-template-columns: repeat(2, 1fr); }}
@media screen and (max-width: 36em) {{
  .options {{ margin-left: 1em; }}
  .cols-4 {{ grid-template-columns: repeat(2, 1fr); }}
  .cols-3, .cols-2 {{ grid-template-columns: 1fr; }}
  .fields {{ flex-wrap: wrap; gap: 0.3em 1em; }}
}}
.blank {{ display: inline-block; min-width: 6em; border-bottom: 1px solid #000; }}
.solution p {{ margin: 0.1em 0 0 2em; }}
"""


def _stem(item: Item) -> str:
    return "".join(
        '<span class="blank" aria-label="填空">\u3000</span>' if blank else escape(text)
        for text, blank in stem_segments(item.stem)
    )


def _item(item: Item, solutions: bool) -> str:
    lines = ['<div class="item">', f'<p class="stem">{item.number}. {_stem(item)}</p>']
    if solutions:
        lines += [
            '<div class="solution">',
            f"<p>答案：{escape(item.answer_text)}</p>",
            f"<p>解析：{escape(item.explanation)}</p>",
            f"<p>出处：{escape(item.source_line)}</p>",
            "</div>",
        ]
    elif item.options:
        lines.append(f'<ol class="options cols-{options_per_line(item)}">')
        lines += [f"<li>{letter}. {escape(text)}</li>" for letter, text in item.lettered_options]
        lines.append("</ol>")
    lines.append("</div>")
    return "\n".join(lines)


def render(paper: Paper, *, solutions: bool = False) -> str:
    """The paper (or, with ``solutions``, its 参考答案) as an HTML document ending in one newline."""
    title = escape(document_title(paper, solutions))
    body = [f"<h1>{title}</h1>"]
    if not solutions:
        fields = "".join(f'<span>{name}：<span class="field"></span></span>' for name in HEADER_FIELDS)
        body.append(f'<div class="fields">{fields}</div>')
    body.append(f'<p class="meta">{escape(paper.id_line)}</p>')
    if not solutions:
        body.append(f'<p class="instruction">{escape(paper.instruction)}</p>')
    for section in paper.sections:
        body.append(f"<section>\n<h2>{escape(section.heading)}</h2>")
        body += [_item(item, solutions) for item in section.items]
        body.append("</section>")
    return _document(title, CSS, body)


def render_card(paper: Paper) -> str:
    """The printable answer card (答题卡) of ``paper`` as an HTML document ending in one newline
    (Jinja2 template ``templates/card.html.j2``, autoescaped): 姓名/支部/得分 fields, the
    测验 id, a grid of 题号 with a cell under each for the letter or 对/错, a line per 填空."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("studykit", "templates"),
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("card.html.j2").render(
        title=paper.title,
        card_title=CARD_TITLE,
        fields=CARD_FIELDS,
        id_line=paper.id_line,
        instruction=card_instruction(paper),
        sections=card_sections(paper),
        grid=card_grid(paper),
        columns=CARD_COLUMNS,
        lines=card_lines(paper),
        serif=SERIF,
        sans=SANS,
    )


HANDOUT_CSS = """\
.intro, .note { margin: 0.3em 0; }
.facts { margin: 0.4em 0 0 0; padding-left: 2em; }
.fact { margin: 0.5em 0; break-inside: avoid; page-break-inside: avoid; }
.fact p { margin: 0; }
.fact .source { color: #444; }
"""


def render_handout(handout: Handout) -> str:
    """The handout (学习要点) as an HTML document ending in one newline: an ``<h2>`` per
    speech, its facts as a numbered list, each with its 原文 beneath."""
    title = escape(handout.title)
    body = [f"<h1>{title}</h1>"]
    if handout.intro:
        body.append(f'<p class="intro">{escape(handout.intro)}</p>')
    if not handout.sections and handout.empty:
        body.append(f'<p class="note">{escape(handout.empty)}</p>')
    for section in handout.sections:
        body.append(f"<section>\n<h2>{escape(for_print(section.header))}</h2>")
        if note := section_note(section):
            body.append(f'<p class="note">{escape(note)}</p>')
        body.append('<ol class="facts">')
        for fact in section.facts:
            statement, source = fact_lines(fact)
            lines = [f'<li class="fact"><p class="statement">{escape(statement)}</p>']
            if source:
                lines.append(f'<p class="source">{escape(source)}</p>')
            body.append("".join(lines) + "</li>")
        body.append("</ol>\n</section>")
    return _document(title, CSS + HANDOUT_CSS, body)


def _document(title: str, css: str, body: list[str]) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="zh-CN">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{title}</title>",
            f"<style>\n{css}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )
