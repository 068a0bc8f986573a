"""Build the text-only data of a plain YAML document straight from libyaml's events.

A large bank's node tree weighs about twenty times its text; a document with no tag,
anchor or alias needs none.  Anything else raises :class:`Fallback`, and
:func:`studykit._yaml.load_text_yaml` composes the node tree instead, so every message
still comes from that one path.
"""

from __future__ import annotations

from typing import Any

import yaml

from ._yaml_types import NULLS, TextLoader, YList, YMap


class Fallback(Exception):
    """The document needs the node tree after all (a tag, an alias, a complex key, deep
    nesting, several documents or an error): :func:`studykit._yaml.load_text_yaml` composes it instead."""


#: Deeper than this, :func:`from_events` leaves the document to the node-tree path
#: (which reports a document nested hundreds deep as it always has).
EVENT_DEPTH = 64


def from_events(text: str) -> tuple[Any, bool]:
    """The text-only data of a plain document (no tag, anchor or alias, scalar keys),
    built from libyaml's events without composing a node tree: a large bank's node
    tree weighs about twenty times its text.  Raises :class:`Fallback` for anything
    else, so every message still comes from the one node-tree path.  Returns the data and
    whether any mapping has a repeated key."""
    loader = TextLoader(text)
    try:
        get = loader.get_event
        get()  # StreamStartEvent
        event = get()
        if type(event) is yaml.StreamEndEvent:
            return None, False
        if type(event) is not yaml.DocumentStartEvent:
            raise Fallback
        scalar, map_start, seq_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
        map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        nulls = NULLS
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
                    raise Fallback
                text_value = event.value
                value = None if not event.style and text_value in nulls else text_value
                line = event.start_mark.line + 1
            elif kind is map_start or kind is seq_start:
                if event.tag is not None or event.anchor is not None or len(stack) >= EVENT_DEPTH:
                    raise Fallback
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
                    raise Fallback  # several documents: the composer's error
                return root, any_duplicates
            else:  # an alias
                raise Fallback
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
                        raise Fallback  # "a key must be plain text"
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
        raise Fallback from None
    finally:
        loader.dispose()
