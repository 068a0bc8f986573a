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
    r"(?:[【\[（(]?(?:责任编辑|编辑|责编|主编|值班编辑|本期编辑|文字编辑|图文编辑|校对|审核|审校|终审|一审|二审|"
    r"三审|监制|制作|美编|排版|统筹|来源编辑|来源|图片来源|图片|摄影|文字|转自|转载自)[】\]）)]?\s*[:：｜|]"
    r"|扫码|扫描二维码|长按|识别二维码|点击|分享到|下载|打开|关注|微信扫|点亮|欢迎分享|本文来源于|以下文章来源于|"
    r"收录于合集|收录于话题|原标题[:：]?$)"
)
_FURNITURE_RE = re.compile(rf"^(?:{_EXACT})[:：]?$|^{_PREFIX}")
#: Prompts that are also everyday words (关注民生, 打开思路, 点亮…, 下载量): a line starting with one is
#: furniture only if the rest of it is empty or names what a page prompts for (:data:`_PROMPTED`).
_PROMPT_VERBS = ("下载", "打开", "关注", "点亮", "点击")
_PROMPTED = re.compile(
    r"二维码|公众号|蓝字|关注|客户端|APP|App|app|在看|分享|点赞|收藏|阅读原文|阅读全文|订阅|星标|转发|朋友圈|"
    r"小程序|视频号|微信|学习强国|视频|原文|上方|下方|我们|本号|查看|链接"
)
#: WeChat's line above an article: account name, date and time, and since 2022 the province
#: (``某某组工 2026-11-20 08:30 发表于湖北``, ``原创 某某组工 2026-11-20``).
_WECHAT_DATELINE_RE = re.compile(
    r"^(?:原创\s*)?(?:\S{1,20}\s+){0,2}(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)(?:\s+\d{1,2}:\d{2})?"
    r"(?:\s*发表于\S{1,10}|\s+[\u4e00-\u9fff]{2,3})?$"
)  # the newer copy: 原创 荆楚组工 荆楚组工 2026年11月20日 08:30 湖北
#: A page's closing credit for its texts, in brackets on a line of its own: （本版稿件由县委组织部组织科整理）,
#: （本版文字由…提供） — the page's, not the last speaker's words.
_PAGE_CREDIT_RE = re.compile(r"^[（(]本版(?:稿件|文字|内容|图文)?由[^，。；（）()]{2,30}(?:整理|提供|供稿|组稿)[）)]$")
#: A date alone on its line (2024年8月5日), and the issuing body's line a document signs with above it
#: (中共某某县委组织部): a notice's 落款, which is the document's, not a page's dateline; so is such a
#: date anywhere after the text has begun (a sentence above it), whoever signs (某某中学, 两个部门).
_DATE_RE = re.compile(
    r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$"
)
_SIGNATURE_RE = re.compile(
    r"^[\u4e00-\u9fff（）()]{2,30}(?:委员会|组织部|宣传部|党委|党组|党工委|支部|总支|办公室|政府|局|厅|委|会|院|处|中心|小组)$"
)
#: Longest line the prefix rules consider furniture (a paragraph starting with 点击 stays).
MAX_PREFIX_LINE = 40
#: WeChat's end mark under an article: END, —END—, - END -.
_END_RE = re.compile(r"^[-—－–\s]*END[-—－–\s]*$", re.IGNORECASE)
#: A heading over links to other articles (WeChat's 往期推荐): the short title lines under it are links.
_LINKS_HEADING_RE = re.compile(
    r"^(?:往期推荐|往期回顾|往期精彩|往期精选|精彩回顾|推荐阅读|相关阅读|延伸阅读|相关新闻|精彩推荐)[:：]?$"
)
#: Characters a linked title never ends with (a paragraph of the article does).
_SENTENCE_END = "。！!；;…"


def is_furniture(line: str) -> bool:
    """Whether ``line`` (one line of the article) is site furniture to drop."""
    text = line.strip()
    if not text:
        return False
    if _WECHAT_DATELINE_RE.match(text) or _END_RE.match(text) or _PAGE_CREDIT_RE.match(text):
        return True
    match = _FURNITURE_RE.match(text)
    if match is None:
        return False
    verb = next((v for v in _PROMPT_VERBS if match.group().startswith(v)), None)
    if verb is not None and text not in _EXACT.split("|") and text != verb:
        return len(text) <= MAX_PREFIX_LINE and _PROMPTED.search(text[len(verb) :]) is not None
    return match.group().rstrip(":：") in _EXACT.split("|") or len(text) <= MAX_PREFIX_LINE


def _is_link(text: str) -> bool:
    """Whether ``text``, a line under 往期推荐, reads as a linked title: short, not a sentence."""
    return len(text) <= MAX_PREFIX_LINE and text[-1] not in _SENTENCE_END and "。" not in text


def drop_furniture(lines: list[str]) -> tuple[list[str], list[str]]:
    """``lines`` without furniture lines (each taking one blank line after it with it, so a dropped
    line leaves no gap) and the dropped lines, stripped, in order.  Under a links heading such as
    往期推荐 every title line up to the next paragraph is furniture too."""
    kept: list[str] = []
    dropped: list[str] = []
    skip_blank = links = False
    for line in lines:
        text = line.strip()
        links = links and (not text or _is_link(text))  # under 往期推荐: titles until a paragraph
        signed = _DATE_RE.match(text) and (  # a notice's 落款 date, under its issuer or after its text
            _SIGNATURE_RE.search(next((k.strip() for k in reversed(kept) if k.strip()), ""))
            or any(mark in k for k in kept for mark in "。！？")
        )
        if text and not signed and (links or is_furniture(line) or _LINKS_HEADING_RE.match(text)):
            dropped.append(text)
            skip_blank = True
            links = links or bool(_LINKS_HEADING_RE.match(text))
            continue
        if skip_blank and not line.strip():
            skip_blank = False
            continue
        skip_blank = False
        kept.append(line)
    return kept, dropped
