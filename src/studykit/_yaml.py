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

import re
from typing import Any, ClassVar

import yaml

from ._yaml_messages import yaml_reason
from .errors import BankError, Problem
from .fieldrules import REFUSED as REFUSED  # made in the base layer, where the field collector passes it over
from .i18n import _

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Largest expanded document (scalars + collections, counting alias reuse).
MAX_NODES = 2_000_000

_CORE = "tag:yaml.org,2002:"
_TEXT_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_NULLS = {"", "~", "null", "Null", "NULL"}


class _TextLoader(_Base):  # type: ignore[misc]
    """A safe loader that resolves no implicit types: every plain scalar is ``str``."""

    yaml_implicit_resolvers: ClassVar[dict[str, Any]] = {}
    yaml_path_resolvers: ClassVar[dict[Any, Any]] = {}

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        """The default tag of a node written without one (the composer asks for every such
        node; PyYAML's general resolver costs a tenth of a large bank's load)."""
        if kind is yaml.ScalarNode:
            return _CORE + "str"
        return _CORE + ("seq" if kind is yaml.SequenceNode else "map")


class YMap(dict[str, Any]):
    """A mapping with the 1-based line of itself and of each key.

    ``duplicates`` lists ``(key, line, first_line)`` for each repeated key (the
    first occurrence is the value kept), so a caller can report it in context.
    """

    __slots__ = ("_any_duplicates", "duplicates", "key_lines", "line")  # a large bank has 100,000s

    line: int
    key_lines: dict[str, int]
    duplicates: list[tuple[str, int, int]]

    @property
    def any_duplicates(self) -> bool:
        """On the document's root only, with ``report_duplicates=False``: whether any
        mapping has a repeated key (``True`` where not known)."""
        return bool(getattr(self, "_any_duplicates", True))

    @any_duplicates.setter
    def any_duplicates(self, value: bool) -> None:
        self._any_duplicates = value


#: Key under which :func:`_convert` notes in its memo that it met a repeated key.
DUPLICATES = -1


class YList(list[Any]):
    """A sequence with the 1-based line of itself and of each item."""

    __slots__ = ("item_lines", "line")

    line: int
    item_lines: list[int]


def compose(text: str, filename: str) -> yaml.Node | None:
    """Parse ``text`` into a node tree; raise :class:`BankError` on a syntax error.

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
        raise BankError(_("{name} is not valid YAML").format(name=filename), (problem,)) from None
    except yaml.reader.ReaderError as exc:  # a control character, a byte that is not text
        # libyaml counts the position in UTF-8 bytes, the pure-Python reader in characters
        if _Base is yaml.SafeLoader:
            line = text.count("\n", 0, exc.position) + 1
        else:
            line = text.encode("utf-8").count(b"\n", 0, exc.position) + 1
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        message = _("character {char} is not allowed in YAML (delete it; often a paste)").format(char=char)
        problem = Problem(filename, line, "", message)
        raise BankError(_("{name} is not valid YAML").format(name=filename), (problem,)) from None
    except yaml.YAMLError as exc:
        problem = Problem(filename, 0, "", _("YAML error: {reason}").format(reason=" ".join(str(exc).split())))
        raise BankError(_("{name} is not valid YAML").format(name=filename), (problem,)) from None
    finally:
        loader.dispose()


_FULLWIDTH_KEY_RE = re.compile(r"^\s*(-\s*)?[A-Za-z_][A-Za-z0-9_]*\s*：")


def _hint(text: str, line: int, reason: str) -> tuple[int, str]:
    """The line to report and a hint for the slips people make typing YAML on a Chinese keyboard.

    libyaml notices a full-width colon after a key (``answer：B``) or a tab only
    on a later line; point at the line that has it.
    """
    lines = text.splitlines()
    for n in (line, line - 1, line - 2):
        if 1 <= n <= len(lines) and _FULLWIDTH_KEY_RE.match(lines[n - 1]):
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
    :class:`BankError` for a syntax error or an alias bomb.
    """
    if "&" not in text:  # no anchor: build straight from libyaml's events (no node tree held)
        try:
            data, any_duplicates = _from_events(text)
        except _Fallback:
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
        raise BankError(_("{name} is nested too deeply").format(name=filename), (problem,)) from None
    if report_duplicates:
        problems.extend(_duplicate_problems(data, filename))
        problems.sort(key=lambda p: p.line)
    elif isinstance(data, YMap):
        data.any_duplicates = bool(memo.get(DUPLICATES))
    return data, problems


class _Fallback(Exception):
    """The document needs the node tree after all (a tag, an alias, a complex key, deep
    nesting, several documents or an error): :func:`load_text_yaml` composes it instead."""


#: Deeper than this, :func:`_from_events` leaves the document to the node-tree path
#: (which reports a document nested hundreds deep as it always has).
_EVENT_DEPTH = 64


def _from_events(text: str) -> tuple[Any, bool]:
    """The text-only data of a plain document (no tag, anchor or alias, scalar keys),
    built from libyaml's events without composing a node tree: a large bank's node
    tree weighs about twenty times its text.  Raises :class:`_Fallback` for anything
    else, so every message still comes from the one node-tree path.  Returns the data and
    whether any mapping has a repeated key."""
    loader = _TextLoader(text)
    try:
        get = loader.get_event
        get()  # StreamStartEvent
        event = get()
        if type(event) is yaml.StreamEndEvent:
            return None, False
        if type(event) is not yaml.DocumentStartEvent:
            raise _Fallback
        scalar, map_start, seq_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
        map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        nulls = _NULLS
        # one frame per open collection: [the collection, pending key (maps), its line, keep?]
        stack: list[list[Any]] = []
        root: Any = None
        any_duplicates = False
        keys: dict[str, str] = {}
        value: Any
        while True:
            event = get()
            kind = type(event)
            if kind is scalar:
                if event.tag is not None or event.anchor is not None:
                    raise _Fallback
                text_value = event.value
                value = None if not event.style and text_value in nulls else text_value
                line = event.start_mark.line + 1
            elif kind is map_start or kind is seq_start:
                if event.tag is not None or event.anchor is not None or len(stack) >= _EVENT_DEPTH:
                    raise _Fallback
                line = event.start_mark.line + 1
                if kind is map_start:
                    value = YMap()
                    value.key_lines = {}
                    value.duplicates = []
                else:
                    value = YList()
                    value.item_lines = []
                value.line = line
            elif kind is map_end or kind is seq_end:
                stack.pop()
                continue
            elif kind is yaml.DocumentEndEvent:
                if type(get()) is not yaml.StreamEndEvent:
                    raise _Fallback  # several documents: the composer's error
                return root, any_duplicates
            else:  # an alias
                raise _Fallback
            if not stack:
                root = value
            else:
                frame = stack[-1]
                parent = frame[0]
                if type(parent) is YList:
                    parent.append(value)
                    parent.item_lines.append(line)
                elif frame[1] is None:  # a key
                    if kind is not scalar:
                        raise _Fallback  # "a key must be plain text"
                    frame[1] = keys.setdefault(text_value, text_value)  # one string per distinct key
                    frame[2] = line
                else:
                    name = frame[1]
                    frame[1] = None
                    key_lines = parent.key_lines
                    if name in key_lines:  # kept out of the data, as the node-tree path does
                        parent.duplicates.append((name, frame[2], key_lines[name]))
                        any_duplicates = True
                    else:
                        key_lines[name] = frame[2]
                        parent[name] = value
            if kind is not scalar:
                stack.append([value, None, 0])
    except yaml.YAMLError:
        raise _Fallback from None
    finally:
        loader.dispose()


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
                raise BankError(_("{name} is too large once aliases are expanded").format(name=filename), (problem,))
            sizes[key] = total
            active.discard(key)
        else:
            active.add(key)
            for c in children:
                if id(c) in active:  # an ancestor on the current path: the alias loops
                    line = c.start_mark.line + 1
                    message = _("an alias refers to a collection that contains it (recursive; not allowed)")
                    problem = Problem(filename, line, "", message)
                    raise BankError(_("{name} has a recursive alias").format(name=filename), (problem,))
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
