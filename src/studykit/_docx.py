"""The text of a Word document's paragraph or table cell as its reader sees it (base layer).

``grade`` reads answer sheets typed into a .docx and ``draft`` reads articles saved as one;
both take a paragraph's text from here.  python-docx's ``Paragraph.text`` reads only the runs
directly in the paragraph, so text typed with Track Changes on (``w:ins``, Word's and WPS's 修订
mode) is left out; this reads every ``w:t`` of the element (WordprocessingML, ECMA-376 part 1,
§17.3.3.31 ``t``, §17.13.5.18 ``ins``), and leaves out deleted text (``w:delText``) and the
fallback copy of a drawing's text (``mc:Fallback``, which repeats its ``mc:Choice``).
"""

from __future__ import annotations

from typing import Any

#: The WordprocessingML namespace.
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Markup compatibility (ECMA-376 part 3): ``mc:Fallback`` holds a copy for older readers.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def element_text(element: Any) -> str:
    """The text of ``element`` (an lxml ``w:p``, ``w:tc`` or ``w:body``): every ``w:t`` inside it,
    also those of a change tracked as inserted (``w:ins``) or of a hyperlink; deleted text
    (``w:delText``) is not there; a tab as ``\\t``, a break between paragraphs or lines as ``\\n``."""
    parts: list[str] = []
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}p"):
        if _in_fallback(node, element):
            continue
        tag = node.tag
        if tag == f"{W}t":
            parts.append(node.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag == f"{W}p":
            if parts:
                parts.append("\n")
        else:
            parts.append("\n")
    return "".join(parts)


def _in_fallback(node: Any, top: Any) -> bool:
    """Whether ``node`` lies inside an ``mc:Fallback`` below ``top``."""
    for ancestor in node.iterancestors():
        if ancestor is top:
            return False
        if ancestor.tag == _FALLBACK:
            return True
    return False
