"""Read YAML as the text it is, with line numbers, safely.

PyYAML's loaders turn ``yes``, ``027``, ``1.10``, ``14:30`` and ``2020-10-17`` into
bools, ints, floats and dates (YAML 1.1), silently keep the last of duplicate
keys, and expand aliases without bound.  This module composes the node tree with
libyaml's C parser where present (``yaml.CSafeLoader``'s parser; the pure-Python
``SafeLoader`` otherwise) and converts it itself:

* every scalar stays the exact text written (``None`` only for an empty value or
  ``~``/``null``); no implicit type resolution happens at all;
* explicit tags other than the core ones (``!!python/object`` …) are refused;
* a key repeated in one mapping is reported with both lines;
* aliases are shared, never re-expanded, and a document whose expanded size would
  exceed :data:`MAX_NODES` (an "alias bomb") is refused in linear time.
"""

from __future__ import annotations

from typing import Any

import yaml

from ._lazy import lazy_pattern
from ._yaml_events import Fallback, from_events
from ._yaml_messages import yaml_reason
from ._yaml_types import BASE as _Base
from ._yaml_types import CORE as _CORE
from ._yaml_types import DUPLICATES as DUPLICATES
from ._yaml_types import NULLS as _NULLS
from ._yaml_types import REFUSED as REFUSED
from ._yaml_types import TEXT_TAGS as _TEXT_TAGS
from ._yaml_types import Refused as Refused
from ._yaml_types import TextLoader as _TextLoader
from ._yaml_types import YList as YList
from ._yaml_types import YMap as YMap
from .errors import Problem, YamlError
from .i18n import _

#: Largest expanded document (scalars + collections, counting alias reuse).
MAX_NODES = 2_000_000


def document_kind(raw: bytes) -> str | None:
    """What a file given where YAML text is expected is, when its first bytes say it is a document
    (a zip such as .docx or .xlsx, an old Office file, a PDF) — for a message saying so instead of
    'not UTF-8 text'; ``None`` for anything else."""
    if raw.startswith(b"PK\x03\x04"):
        return _("a zip file, such as a Word .docx or an Excel .xlsx")
    if raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _("an old Office or WPS file (.doc, .xls, .wps)")
    if raw.startswith(b"%PDF-"):
        return _("a PDF")
    return None


def compose(text: str, filename: str) -> yaml.Node | None:
    """Parse ``text`` into a node tree; raise :class:`~studykit.errors.YamlError` on a syntax error.

    The error names ``filename``, the 1-based line and column and libyaml's reason.
    """
    loader = _TextLoader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        col = _(", column {number}").format(number=mark.column + 1) if mark else ""
        reason = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        line, hint = _hint(text, line, reason)
        problem = Problem(
            filename,
            line,
            "",
            _("YAML syntax error{column}: {reason}{hint}").format(column=col, reason=yaml_reason(reason), hint=hint),
        )
        raise YamlError(_("{name} is not valid YAML").format(name=filename), (problem,)) from None
    except yaml.reader.ReaderError as exc:  # a control character, a byte that is not text
        # libyaml counts the position in UTF-8 bytes, the pure-Python reader in characters
        if _Base is yaml.SafeLoader:
            line = text.count("\n", 0, exc.position) + 1
        else:
            line = text.encode("utf-8").count(b"\n", 0, exc.position) + 1
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        message = _("character {char} is not allowed in YAML (delete it; often a paste)").format(char=char)
        problem = Problem(filename, line, "", message)
        raise YamlError(_("{name} is not valid YAML").format(name=filename), (problem,)) from None
    except yaml.YAMLError as exc:
        problem = Problem(filename, 0, "", _("YAML error: {reason}").format(reason=" ".join(str(exc).split())))
        raise YamlError(_("{name} is not valid YAML").format(name=filename), (problem,)) from None
    finally:
        loader.dispose()


#: A line whose key ends in a full-width colon: a field name (``answer：``), a question number
#: or range of an answer sheet (``2：``, ``1-5：``), or one of the sheet's Chinese field names (``姓名：``).
_FULLWIDTH_KEY_RE = lazy_pattern(
    r"^\s*(-\s*)?([A-Za-z_][A-Za-z0-9_]*|[0-9]+(\s*[-—~～至]\s*[0-9]+)?|姓名|测验|測驗|版本|答案)\s*："
)


def _hint(text: str, line: int, reason: str) -> tuple[int, str]:
    """The line to report and a hint for the slips people make typing YAML on a Chinese keyboard.

    libyaml notices a full-width colon after a key (``answer：B``) or a tab only
    on a later line; point at the line that has it.
    """
    lines = text.splitlines()
    for n in (line - 2, line - 1, line):  # the first of a run of such lines, so one fix is enough
        if 1 <= n <= len(lines) and _FULLWIDTH_KEY_RE().match(lines[n - 1]):
            return n, _(
                " (hint: line {number} has a full-width colon '：' after its key; YAML needs ':' — 请改用半角冒号)"
            ).format(number=n)
    if "\\t" in reason or "'\t'" in reason or "tab" in reason:
        return line, _(" (hint: indent with spaces, not tabs — 请用空格缩进)")
    return line, ""


def load_text_yaml(text: str, filename: str, *, report_duplicates: bool = True) -> tuple[Any, list[Problem]]:
    """Load one YAML document as text-only data with line numbers.

    Returns ``(data, problems)``: ``data`` is built of :class:`YMap`,
    :class:`YList`, ``str``, ``None`` (also for an empty document) and
    :data:`REFUSED`; ``problems`` lists refused tags and (unless
    ``report_duplicates`` is false, for callers that report them in context from
    ``YMap.duplicates``) duplicate keys, each located.  Raises
    :class:`~studykit.errors.YamlError` for a syntax error or an alias bomb.
    """
    if "&" not in text:  # no anchor: build straight from libyaml's events (no node tree held)
        try:
            data, any_duplicates = from_events(text)
        except Fallback:
            pass
        else:
            if report_duplicates:
                found = _duplicate_problems(data, filename) if any_duplicates else []
                return data, sorted(found, key=lambda p: p.line)
            if isinstance(data, YMap):
                data.any_duplicates = any_duplicates
            return data, []
    node = compose(text, filename)
    if node is None:
        return None, []
    if "&" in text:  # without an anchor there is no alias: nothing can expand or loop
        _check_size(node, filename)
    problems: list[Problem] = []
    memo: dict[int, Any] = {}
    try:
        data = _convert(node, filename, problems, memo)
    except RecursionError:
        problem = Problem(filename, 0, "", _("nested too deeply (a bank needs a few levels, not hundreds)"))
        raise YamlError(_("{name} is nested too deeply").format(name=filename), (problem,)) from None
    if report_duplicates:
        problems.extend(_duplicate_problems(data, filename))
        problems.sort(key=lambda p: p.line)
    elif isinstance(data, YMap):
        data.any_duplicates = bool(memo.get(DUPLICATES))
    return data, problems


def _duplicate_problems(data: Any, filename: str) -> list[Problem]:
    found: list[Problem] = []
    seen: set[int] = set()
    stack = [data]
    while stack:
        value = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, YMap):
            found += [
                Problem(filename, line, f"key {k!r}", duplicate_message(first)) for k, line, first in value.duplicates
            ]
            stack.extend(value.values())
        elif isinstance(value, YList):
            stack.extend(value)
    return found


def show_value(value: Any) -> str:
    """How a message quotes a value read with :func:`load_text_yaml`: text in quotes
    (``'yes'``), ``empty`` for a missing value, else ``a list`` or ``a mapping``."""
    if isinstance(value, str):
        return repr(value)
    if value is None:
        return _("empty")
    return _("a list") if isinstance(value, list) else _("a mapping")


def duplicate_message(first_line: int) -> str:
    """The message for a key repeated in one mapping, first written at ``first_line``."""
    return _("duplicate key (first at line {line}; YAML would silently keep only the last)").format(line=first_line)


def _check_size(root: yaml.Node, filename: str) -> None:
    """Refuse a tree whose alias-expanded size exceeds :data:`MAX_NODES` (memoised, linear)."""
    sizes: dict[int, int] = {}
    active: set[int] = set()  # collections whose subtree is being walked: the current path
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if key in sizes and not done:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else list(node.value)
        if done:
            total = 1 + sum(sizes.get(id(c), 0) for c in children)
            if total > MAX_NODES:
                line = node.start_mark.line + 1
                problem = Problem(
                    filename,
                    line,
                    "",
                    _("aliases expand to more than {limit:,} values (refused; an alias bomb?)").format(limit=MAX_NODES),
                )
                raise YamlError(_("{name} is too large once aliases are expanded").format(name=filename), (problem,))
            sizes[key] = total
            active.discard(key)
        else:
            active.add(key)
            for c in children:
                if id(c) in active:  # an ancestor on the current path: the alias loops
                    line = c.start_mark.line + 1
                    message = _("an alias refers to a collection that contains it (recursive; not allowed)")
                    problem = Problem(filename, line, "", message)
                    raise YamlError(_("{name} has a recursive alias").format(name=filename), (problem,))
            sizes[key] = 0
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)


def _convert(node: yaml.Node, filename: str, problems: list[Problem], memo: dict[int, Any]) -> Any:
    key = id(node)
    if key in memo:
        return memo[key]
    line = node.start_mark.line + 1
    tag = node.tag or ""
    if isinstance(node, yaml.ScalarNode):
        if tag not in _TEXT_TAGS:
            problems.append(Problem(filename, line, "", _refused(tag)))
            return REFUSED
        value = node.value
        result: Any = None if not node.style and value in _NULLS else value  # plain style: None or ""
        memo[key] = result
        return result
    if isinstance(node, yaml.SequenceNode):
        if tag != _CORE + "seq":
            problems.append(Problem(filename, line, "", _refused(tag)))
            return REFUSED
        seq = YList()
        seq.line = line
        seq.item_lines = []
        memo[key] = seq
        for item in node.value:
            seq.append(_convert(item, filename, problems, memo))
            seq.item_lines.append(item.start_mark.line + 1)
        return seq
    if tag != _CORE + "map":
        problems.append(Problem(filename, line, "", _refused(tag)))
        return REFUSED
    mapping = YMap()
    mapping.line = line
    mapping.key_lines = {}
    mapping.duplicates = []
    memo[key] = mapping
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag not in _TEXT_TAGS:
            problems.append(Problem(filename, key_line, "", _refused(key_node.tag)))
            continue
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(filename, key_line, "", _("a key must be plain text")))
            continue
        name = key_node.value
        if name in mapping.key_lines:
            mapping.duplicates.append((name, key_line, mapping.key_lines[name]))
            memo[DUPLICATES] = True
            continue
        mapping.key_lines[name] = key_line
        mapping[name] = _convert(value_node, filename, problems, memo)
    return mapping


def _refused(tag: str) -> str:
    shown = tag.removeprefix(_CORE)
    return (
        _("tag !!{tag} is not allowed (plain YAML only: no tags)").format(tag=shown)
        if tag.startswith(_CORE)
        else _("tag {tag} is not allowed (plain YAML only: no tags)").format(tag=tag)
    )
