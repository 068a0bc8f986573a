"""Site furniture: lines a web page, app or WeChat article adds around the text.

They are dropped from the material (and listed in ``sources.yaml``); every other line is
kept exactly.  A line is furniture only as a whole line, never a phrase inside a paragraph.
"""

from __future__ import annotations

import re

#: Whole lines that are furniture, as newspaper sites, 学习强国 and WeChat print them.
_EXACT = (
    "精彩推荐|下载安装手机客户端|相关新闻|相关阅读|推荐阅读|热门推荐|更多精彩|查看更多|阅读原文|阅读全文|"
    "分享|分享到|点赞|在看|收藏|转发|打印|关闭窗口|返回顶部|返回搜狐|打开APP|打开客户端|【纠错】|纠错|"
    "扫一扫|扫一扫分享|举报|投诉|评论|写评论|我要评论|字号|大|中|小|上一篇|下一篇|欢迎关注|关注我们"
)
#: Lines starting so (a short line): editors' credits, share and scan prompts.
_PREFIX = (
    r"(?:[【\[（(]?(?:责任编辑|编辑|值班编辑|校对|审核|审校|终审|一审|二审|三审|监制|制作|美编|来源编辑)[】\]）)]?\s*[:：]"
    r"|扫码|扫描二维码|长按|识别二维码|点击|分享到|下载|打开|关注|微信扫|点亮|欢迎分享|本文来源于|原标题[:：]?$)"
)
_FURNITURE_RE = re.compile(rf"^(?:{_EXACT})[:：]?$|^{_PREFIX}")
#: WeChat's line above an article: account name, date and time, and since 2022 the province
#: (``某某组工 2026-11-20 08:30 发表于湖北``, ``原创 某某组工 2026-11-20``).
_WECHAT_DATELINE_RE = re.compile(
    r"^(?:原创\s*)?(?:\S{1,20}\s+)?\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?(?:\s*发表于\S{1,10})?$"
)
#: Longest line the prefix rules consider furniture (a paragraph starting with 点击 stays).
MAX_PREFIX_LINE = 40


def is_furniture(line: str) -> bool:
    """Whether ``line`` (one line of the article) is site furniture to drop."""
    text = line.strip()
    if not text:
        return False
    if _WECHAT_DATELINE_RE.match(text):
        return True
    match = _FURNITURE_RE.match(text)
    if match is None:
        return False
    return match.group().rstrip(":：") in _EXACT.split("|") or len(text) <= MAX_PREFIX_LINE


def drop_furniture(lines: list[str]) -> tuple[list[str], list[str]]:
    """``lines`` without furniture lines (each taking one blank line after it with it, so a dropped
    line leaves no gap) and the dropped lines, stripped, in order."""
    kept: list[str] = []
    dropped: list[str] = []
    skip_blank = False
    for line in lines:
        if is_furniture(line):
            dropped.append(line.strip())
            skip_blank = True
            continue
        if skip_blank and not line.strip():
            skip_blank = False
            continue
        skip_blank = False
        kept.append(line)
    return kept, dropped
