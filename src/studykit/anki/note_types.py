"""Anki note types (models) of studykit's decks: fixed ids, fields, card templates and CSS."""

from __future__ import annotations

import genanki  # type: ignore[import-untyped]

from ..model import INTRO_LABEL, TRUE_FALSE_TEXT, TYPE_TITLES

CHOICE_MODEL_ID = 1881833840


TRUE_FALSE_MODEL_ID = 1155415960


CLOZE_MODEL_ID = 1208201777


CHOICE_FIELDS = (
    "Stem", "Options", "Type", "Answer", "Explanation", "Source", "Speaker", "Heading", "QuestionID", "YourAnswer",
)  # fmt: skip


TRUE_FALSE_FIELDS = ("Stem", "Answer", "Explanation", "Source", "Speaker", "Heading", "QuestionID", "YourAnswer")


CLOZE_FIELDS = ("Text", "Accepted", "Explanation", "Source", "Speaker", "Heading", "QuestionID", "YourAnswer")


#: A CJK font stack for the platforms Anki runs on, night mode for desktop
#: (``.nightMode``), AnkiMobile (``.nightMode``) and older AnkiDroid (``.night_mode``).
CSS = """\
.card {
  font-family: "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC",
    "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  font-size: 20px;
  line-height: 1.6;
  text-align: left;
  color: #1f1f1f;
  background-color: #fffefa;
}
.studykit { max-width: 40em; margin: 0 auto; }
.kind { font-size: 0.75em; color: #8a6d3b; }
.stem { font-weight: bold; margin: 0.4em 0; }
.option { margin: 0.2em 0; }
.letter { font-weight: bold; }
.answer { font-size: 1.1em; margin: 0.4em 0; }
.key { font-weight: bold; color: #b71c1c; }
.your-answer { color: #6d4c41; }
.label { font-weight: bold; margin-right: 0.5em; }
.explanation { margin: 0.4em 0; }
.source {
  margin: 0.6em 0;
  padding: 0.3em 0.8em;
  border-left: 4px solid #d7ccc8;
  font-size: 0.9em;
}
.source mark { background-color: #ffe082; color: inherit; }
.cite { font-size: 0.8em; color: #6d6d6d; }
.cloze { font-weight: bold; color: #b71c1c; }
.card.nightMode, .nightMode .card, .night_mode .card { color: #e8e6e3; background-color: #1e1e1e; }
.nightMode .kind, .night_mode .kind { color: #d7b46a; }
.nightMode .key, .night_mode .key, .nightMode .cloze, .night_mode .cloze { color: #ff8a80; }
.nightMode .your-answer, .night_mode .your-answer { color: #bcaaa4; }
.nightMode .source, .night_mode .source { border-left-color: #5d4037; }
.nightMode .source mark, .night_mode .source mark { background-color: #6d4c00; color: #fff8e1; }
.nightMode .cite, .night_mode .cite { color: #a0a0a0; }
"""


_BACK_COMMON = """\
{{#YourAnswer}}<div class="your-answer"><span class="label">你的答案</span>{{YourAnswer}}</div>{{/YourAnswer}}
{{#Explanation}}<div class="explanation"><span class="label">解析</span>{{Explanation}}</div>{{/Explanation}}
<div class="source">{{Source}}</div>
<div class="cite">{{#Speaker}}{{Speaker}} {{/Speaker}}《{{Heading}}》</div>
"""


def _wrap(body: str) -> str:
    return f'<div class="studykit" lang="zh-CN">\n{body}</div>'


CHOICE_MODEL = genanki.Model(
    CHOICE_MODEL_ID,
    "studykit 选择题 (v1)",
    fields=[{"name": name} for name in CHOICE_FIELDS],
    templates=[
        {
            "name": "选择题",
            "qfmt": _wrap(
                '<div class="kind">{{Type}}</div>\n<div class="stem">{{Stem}}</div>\n'
                '<div class="options">{{Options}}</div>\n'
            ),
            "afmt": '{{FrontSide}}\n<hr id="answer">\n'
            + _wrap('<div class="answer"><span class="label">答案</span>{{Answer}}</div>\n' + _BACK_COMMON),
        }
    ],
    css=CSS,
)


#: What a 判断题 card's front asks, in the words its back answers (对 / 错, :data:`~studykit.model.TRUE_FALSE_TEXT`),
#: the words the paper asks members to write and ``studykit grade`` reads.
TRUE_FALSE_QUESTION = f"{TRUE_FALSE_TEXT['true']}还是{TRUE_FALSE_TEXT['false']}？"


TRUE_FALSE_MODEL = genanki.Model(
    TRUE_FALSE_MODEL_ID,
    "studykit 判断题 (v1)",
    fields=[{"name": name} for name in TRUE_FALSE_FIELDS],
    templates=[
        {
            "name": "判断题",
            "qfmt": _wrap(
                f'<div class="kind">{TYPE_TITLES["true_false"]}</div>\n<div class="stem">{{{{Stem}}}}</div>\n'
                f'<div class="options">{TRUE_FALSE_QUESTION}</div>\n'
            ),
            "afmt": '{{FrontSide}}\n<hr id="answer">\n'
            + _wrap('<div class="answer"><span class="label">答案</span>{{Answer}}</div>\n' + _BACK_COMMON),
        }
    ],
    css=CSS,
)


CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "studykit 填空题 Cloze (v1)",
    fields=[{"name": name} for name in CLOZE_FIELDS],
    templates=[
        {
            "name": "填空题",
            "qfmt": _wrap(
                f'<div class="kind">{TYPE_TITLES["fill_blank"]}</div>\n<div class="stem">{{{{cloze:Text}}}}</div>\n'
            ),
            "afmt": _wrap(
                f'<div class="kind">{TYPE_TITLES["fill_blank"]}</div>\n<div class="stem">{{{{cloze:Text}}}}</div>\n'
                '<hr id="answer">\n'
                '{{#Accepted}}<div class="answer"><span class="label">也可答</span>{{Accepted}}</div>{{/Accepted}}\n'
                + _BACK_COMMON
            ),
        }
    ],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)


MODELS: tuple[genanki.Model, ...] = (CHOICE_MODEL, TRUE_FALSE_MODEL, CLOZE_MODEL)


#: Name of the introduction's subdeck (its heading is usually the article's title).
INTRO_DECK = INTRO_LABEL


# -- identity --------------------------------------------------------------------
