"""libyaml's reasons for a syntax error (``exc.context`` and ``exc.problem`` of a
:class:`yaml.MarkedYAMLError`) in the interface language.

libyaml writes its reasons in English; :func:`yaml_reason` looks each phrase up in the
catalog (msgctxt ``libyaml``) and leaves a phrase it does not know unchanged, so English
output is libyaml's own text.  Source of the phrases: libyaml's ``scanner.c`` and ``parser.c``
(``yaml_parser_set_scanner_error`` / ``yaml_parser_set_parser_error_context`` calls) and
PyYAML's ``composer.py``.
"""

from __future__ import annotations

from .i18n import pgettext


def _phrases() -> dict[str, str]:
    return {
        "while scanning a simple key": pgettext("libyaml", "while scanning a simple key"),
        "could not find expected ':'": pgettext("libyaml", "could not find expected ':'"),
        "while scanning for the next token": pgettext("libyaml", "while scanning for the next token"),
        "found character that cannot start any token": pgettext(
            "libyaml", "found character that cannot start any token"
        ),
        "while scanning a quoted scalar": pgettext("libyaml", "while scanning a quoted scalar"),
        "found unexpected end of stream": pgettext("libyaml", "found unexpected end of stream"),
        "found unknown escape character": pgettext("libyaml", "found unknown escape character"),
        "while scanning a plain scalar": pgettext("libyaml", "while scanning a plain scalar"),
        "found a tab character that violates indentation": pgettext(
            "libyaml", "found a tab character that violates indentation"
        ),
        "while scanning a block scalar": pgettext("libyaml", "while scanning a block scalar"),
        "found a tab character where an indentation space is expected": pgettext(
            "libyaml", "found a tab character where an indentation space is expected"
        ),
        "while scanning an anchor": pgettext("libyaml", "while scanning an anchor"),
        "while scanning an alias": pgettext("libyaml", "while scanning an alias"),
        "did not find expected alphabetic or numeric character": pgettext(
            "libyaml", "did not find expected alphabetic or numeric character"
        ),
        "mapping values are not allowed in this context": pgettext(
            "libyaml", "mapping values are not allowed in this context"
        ),
        "block sequence entries are not allowed in this context": pgettext(
            "libyaml", "block sequence entries are not allowed in this context"
        ),
        "while parsing a block mapping": pgettext("libyaml", "while parsing a block mapping"),
        "did not find expected key": pgettext("libyaml", "did not find expected key"),
        "while parsing a block collection": pgettext("libyaml", "while parsing a block collection"),
        "did not find expected '-' indicator": pgettext("libyaml", "did not find expected '-' indicator"),
        "while parsing a flow sequence": pgettext("libyaml", "while parsing a flow sequence"),
        "did not find expected ',' or ']'": pgettext("libyaml", "did not find expected ',' or ']'"),
        "while parsing a flow mapping": pgettext("libyaml", "while parsing a flow mapping"),
        "did not find expected ',' or '}'": pgettext("libyaml", "did not find expected ',' or '}'"),
        "while parsing a block node": pgettext("libyaml", "while parsing a block node"),
        "while parsing a flow node": pgettext("libyaml", "while parsing a flow node"),
        "did not find expected node content": pgettext("libyaml", "did not find expected node content"),
        "found undefined alias": pgettext("libyaml", "found undefined alias"),
        # a document nested deeper than libyaml allows (1,000 levels): the hostile 'deep YAML' case
        "while increasing flow level": pgettext("libyaml", "while increasing flow level"),
        "while increasing block level": pgettext("libyaml", "while increasing block level"),
        "exceeded maximum nesting depth": pgettext("libyaml", "exceeded maximum nesting depth"),
        "while parsing a quoted scalar": pgettext("libyaml", "while parsing a quoted scalar"),
        "found invalid Unicode character escape code": pgettext(
            "libyaml", "found invalid Unicode character escape code"
        ),
    }


def yaml_reason(reason: str) -> str:
    """``reason`` (libyaml's context and problem joined by a space) with each phrase the
    catalog knows translated; in English, or for an unknown phrase, ``reason`` unchanged."""
    for english, translated in _phrases().items():
        if translated != english:
            reason = reason.replace(english, translated)
    return reason.replace("， ", "，")
