"""Key files: :func:`dump_key` and :func:`load_key` (``<stem>.key.yaml``), the refusals around them
(an answer sheet given as a key, a key about to be replaced), and the blank answer sheet."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .. import _cache
from .._lazy import lazy_pattern
from ..errors import KeyFileError, YamlError
from ..i18n import _, join, os_reason
from ..key_model import AnswerKey

KEY_FORMAT = 1


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def dump_key(key: AnswerKey) -> str:
    """The key as YAML text (UTF-8 safe, key order as documented above)."""
    import yaml

    data: dict[str, Any] = {
        "studykit_key": KEY_FORMAT,
        "quiz_id": key.quiz_id,
        "version": key.version,
        "title": key.title,
        "bank_id": key.bank_id,
        "bank_fingerprint": key.bank_fingerprint,
        "scoring": {"multiple": key.multiple_scoring},
        "total_points": _num(key.total_points),
        "items": [
            {
                "number": it.number,
                "question_id": it.question_id,
                "type": it.type,
                "speech": it.speech,
                "points": _num(it.points),
                "stem": it.stem,
                **({"options": list(it.options)} if it.options else {}),
                "answer": list(it.answer),
                **({"correct": list(it.correct)} if it.correct else {}),
            }
            for it in key.items
        ],
    }
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return str(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000))


#: Largest answer key read, in bytes: a key of 20 items is about 17 KB, so this is some 30,000 items.
MAX_KEY_BYTES = 32 << 20


def load_key(path: str | Path) -> AnswerKey:
    """Read a ``*.key.yaml`` written by :func:`dump_key`.

    Raises :class:`~studykit.errors.KeyFileError` when the file is missing, not
    UTF-8, not YAML, of another format version, or when any field is missing,
    unknown or holds what could grade wrongly (an answer letter that is not an
    option, a true_false answer that is neither true nor false, a duplicate item
    number, a ``total_points`` that is not the items' sum …).  Each finding reads
    ``FILE:LINE: item N, field F: what is wrong (what was expected)``; with one
    finding it is the message, with several they are the ``details``.

    A key read before is taken from the cache of :mod:`studykit._cache` when its file is
    byte-for-byte the same (unless ``$STUDYKIT_NO_CACHE`` is set): then neither the YAML
    reader nor the key's checks are imported, most of a small branch's grading time.
    """
    name = str(path)
    try:
        # a FIFO given as the key must not hang grade, nor a 1 GB file given by mistake be parsed for a minute
        got = _cache.read_regular(Path(path), limit=MAX_KEY_BYTES)
    except FileNotFoundError:
        raise KeyFileError(_("answer key {name} not found").format(name=name)) from None
    except OSError as exc:
        raise KeyFileError(_("cannot read answer key {name}: {exc}").format(name=name, exc=os_reason(exc))) from None
    if got is None:
        if Path(path).is_dir():  # '' names the current folder
            raise KeyFileError(
                _("cannot read answer key {name}: it is a folder; give the .key.yaml file").format(name=name)
            )
        raise KeyFileError(
            _("cannot read answer key {name}: not a regular file (a pipe or a device); give the .key.yaml file").format(
                name=name
            )
        )
    raw = got
    from .._output import interrupted_write

    journal = interrupted_write(Path(path))
    if journal is not None:
        raise KeyFileError(
            _("{name}: the studykit run that wrote this key was killed before it finished ({journal} is left), "
              "so the key and the files written with it may be half old, half new; run that command again "
              "(studykit first puts the earlier files back)").format(name=name, journal=journal)
        )  # fmt: skip
    use_cache = _cache.enabled()
    if use_cache and (hit := _cache.lookup_key(raw)) is not None:
        return hit
    from .._yaml import YMap, document_kind, load_text_yaml
    from .reader import KeyReader

    content = raw
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if kind := document_kind(raw):  # a .docx or .xlsx given as --key is no 'saved as GBK' matter
            raise KeyFileError(
                _("{name}: this is {what}, not an answer key (expected the *.key.yaml written by studykit quiz)")
                .format(name=name, what=kind)
            ) from None  # fmt: skip
        line = raw.count(b"\n", 0, exc.start) + 1
        raise KeyFileError(
            _(
                "{name}:{line}: the answer key is not UTF-8 text (byte 0x{value:02X} cannot be read as UTF-8; expected UTF-8, as studykit quiz writes it — if an editor saved it as GBK or another encoding, save it as UTF-8 again)"
            ).format(name=name, line=line, value=raw[exc.start])
        ) from None
    try:
        data, problems = load_text_yaml(text, name)
    except YamlError as exc:
        _refuse_answer_sheet(name, text)
        raise KeyFileError(_("answer key {name} is not valid YAML").format(name=name), exc.details) from None
    if problems:
        _refuse_answer_sheet(name, text)
        raise KeyFileError(_("answer key {name} is malformed").format(name=name), tuple(str(p) for p in problems))
    if not isinstance(data, YMap) or not ("items" in data or "studykit_key" in data):
        _refuse_answer_sheet(name, text)
        raise KeyFileError(
            _("{name} is not a studykit answer key (expected the *.key.yaml written by studykit quiz)").format(
                name=name
            )
        )
    if "studykit_key" not in data:
        raise KeyFileError(
            _(
                "{name}:{line}: field 'studykit_key': missing (expected studykit_key: {format}; studykit quiz writes it)"
            ).format(name=name, line=data.line, format=KEY_FORMAT)
        )
    if data["studykit_key"] != str(KEY_FORMAT):
        raise KeyFileError(
            _("{name}:{value}: field 'studykit_key': answer key format {value2!r} (expected {format})").format(
                name=name, value=data.key_lines["studykit_key"], value2=data["studykit_key"], format=KEY_FORMAT
            )
        )
    reader = KeyReader(name)
    key = reader.read(data)
    if len(reader.problems) == 1:
        raise KeyFileError(str(reader.problems[0]))
    if reader.problems:
        raise KeyFileError(
            _("answer key {name}: {count} errors (listed above)").format(name=name, count=len(reader.problems)),
            tuple(str(p) for p in sorted(reader.problems, key=lambda p: p.line)),
        )
    assert key is not None
    if use_cache:
        _cache.store_key(key, content)
    return key


#: How an answer sheet begins: the 答题卡's heading comment, or its 姓名/测验/版本 line
#: (``name``/``quiz``/``version`` in a YAML sheet).
_SHEET_START_RE = lazy_pattern(r"#\s*studykit\s*答题卡|(?:姓名|测验|版本|name|quiz|version)\s*[：:]", re.IGNORECASE)


KEY_SUFFIX = ".key.yaml"


def refuse_key_overwrite(files: Mapping[Path, bytes | str]) -> None:
    """Raise :class:`~studykit.errors.KeyFileError` when one of ``files`` (path → content about to
    be written) is an answer key (``*.key.yaml``) that exists with other content: it is the key of
    papers that may be handed out already, and a new draw would grade them against other letters.
    An existing key with the very bytes to be written is no loss (the same quiz written again)."""
    for path, content in files.items():
        try:  # a name too long for the file system is the writer's to report
            if not path.name.endswith(KEY_SUFFIX) or not path.is_file():
                continue
        except OSError:
            continue
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            if path.read_bytes() == data:
                continue
        except OSError:
            pass
        raise KeyFileError(
            _(
                "{path} exists: it is the answer key of papers that may be handed out already; refusing to "
                "overwrite it (give --force to replace it, or choose another -o)"
            ).format(path=path)
        )


def _refuse_answer_sheet(name: str, text: str) -> None:
    """Raise :class:`KeyFileError` saying so when ``text``, which failed to load as a key,
    begins as an answer sheet does (its first line that is not blank or another comment)."""
    for line in text.splitlines()[:50]:
        line = line.strip()
        if _SHEET_START_RE().match(line):
            raise KeyFileError(
                _(
                    "{name}: this is an answer sheet, not an answer key (give it as an answer file; --key takes the *.key.yaml written by studykit quiz)"
                ).format(name=name)
            ) from None
        if line and not line.startswith("#"):
            return


def no_question(number: int, numbers: Iterable[int]) -> str:
    """What grading says of an answer or a column numbered ``number`` when the key's items
    are ``numbers``: ``"the quiz has no question 20 (its questions are 1–19, 21)"`` — runs
    of three or more numbers joined by an en dash, ``"(its only question is 1)"`` for one."""
    ordered = sorted(set(numbers))
    if len(ordered) == 1:
        return _("the quiz has no question {number} (its only question is {only})").format(
            number=number, only=ordered[0]
        )
    runs: list[list[int]] = []
    for n in ordered:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 2 else join(map(str, r)) for r in runs]
    return _("the quiz has no question {number} (its questions are {numbers})").format(
        number=number, numbers=join(parts)
    )


def render_answer_sheet(key: AnswerKey) -> str:
    """The blank answer sheet (答题卡) for ``key``, in the format documented above."""
    kinds = {it.type for it in key.items}
    parts = [  # only the kinds of question on the paper (a paper of 单选 and 判断 has no 多选 or 填空)
        text
        for text, shown in (
            ("选择题写字母" + ("（多选连写，如 ACD）" if "multiple" in kinds else ""), kinds & {"single", "multiple"}),
            ("判断题写 对 或 错", "true_false" in kinds),
            ("填空题写所填文字", "fill_blank" in kinds),
        )
        if shown
    ] or [""]
    rest = "，".join(parts[1:]) + "。" if parts[1:] else ""
    lines = [
        f"# studykit 答题卡 · {' '.join(key.title.split())}"
        + (f" · {key.version}卷" if key.version else ""),  # one line: the sheet's comment
        f"# 填写姓名，然后在每个题号后写答案：{parts[0]}" + ("，" if rest else "。"),
        f"# {rest}以 # 开头的行不计。",  # two lines always: 姓名 stays on line 4
        "姓名：",
        f"测验：{key.quiz_id}",
        f"版本：{key.version}" if key.version else "版本：",
    ]
    lines += [f"{it.number}. " for it in key.items]
    return "\n".join(lines) + "\n"
