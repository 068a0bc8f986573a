"""The text-only data types read from YAML, and the loader that resolves no implicit type.

Shared by :mod:`studykit._yaml` (the node-tree path and the public entry point) and
:mod:`studykit._yaml_events` (the event path for plain documents).
"""

from __future__ import annotations

from typing import Any, ClassVar

import yaml

from .fieldrules import REFUSED as REFUSED  # made in the base layer, where the field collector passes it over
from .fieldrules import Refused as Refused

#: libyaml's C loader where present, else the pure-Python one.
BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CORE = "tag:yaml.org,2002:"
TEXT_TAGS = {CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
#: Plain scalars read as ``None`` (YAML's null spellings; ``""`` for an empty value).
NULLS = {"", "~", "null", "Null", "NULL"}


class TextLoader(BASE):  # type: ignore[misc]
    """A safe loader that resolves no implicit types: every plain scalar is ``str``."""

    yaml_implicit_resolvers: ClassVar[dict[str, Any]] = {}
    yaml_path_resolvers: ClassVar[dict[Any, Any]] = {}

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        """The default tag of a node written without one (the composer asks for every such
        node; PyYAML's general resolver costs a tenth of a large bank's load)."""
        if kind is yaml.ScalarNode:
            return CORE + "str"
        return CORE + ("seq" if kind is yaml.SequenceNode else "map")


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


#: Key under which :func:`studykit._yaml.load_text_yaml` notes in its memo that it met a repeated key.
DUPLICATES = -1


class YList(list[Any]):
    """A sequence with the 1-based line of itself and of each item."""

    __slots__ = ("item_lines", "line")

    line: int
    item_lines: list[int]
