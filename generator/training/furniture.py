"""Invented furniture for synthetic pages: site and paper names, nav words, page labels,
share / print words, footers, related-link teasers, editor names.

Every pool is split into two fixed halves (`furniture_pools("train")` / `("test")`) so that
test pages carry furniture strings a model never saw in training: it has to learn what
furniture looks like, not memorise it. Composite strings (a site name = place + suffix, a
teaser = place + event) are built from parts of the same half, so no part leaks either.

All phrases are invented here; place names are ordinary geography.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from types import MappingProxyType

__all__ = ["FURNITURE_SPLITS", "POOLS", "furniture_pools"]

# `train-fit` / `train-check`: two halves of the training half, so that cross-validation
# inside the training outlets also meets furniture its fold model never saw (as the test does).
FURNITURE_SPLITS = ("train", "test", "all", "train-fit", "train-check")

_PLACES = (
    "江城 海州 临川 云阳 青山 北湖 东阳 南溪 西岭 桐城 安平 永宁 长乐 清河 石门 白沙 龙泉 凤城 金川 "
    "宁远 丰泽 崇明 兰溪 宜兴 建德 松阳 南丰 樟树 平江 汉川 枣阳 随州 宜都 荆门 鄂州 黄梅 麻城 武穴 "
    "沅陵 浏阳 衡山 郴州 阳朔 北流 琼海 文昌 射洪 邛崃 江油 遵义 凯里 大理 曲靖 天水 张掖 定西 榆林 "
    "汉中 运城 晋城 沧州 邢台 滕州 寿光 诸城 即墨 鹤岗 延吉 通化 锦州 盘锦 赤峰 乌海 石嘴山 格尔木 库尔勒"
).split()
_SITE_SUFFIXES = (
    "新闻网 在线 融媒 新闻客户端 网 日报网 之窗 发布 资讯网 新闻中心 政务网 融媒体中心 头条 快报网 "
    "热线 视窗 传媒网 门户网 广播电视台 掌上新闻 云 观察 全媒体 新闻频道"
).split()
_PAPER_SUFFIXES = (
    "日报 晚报 都市报 商报 晨报 时报 新闻 法制报 青年报 经济报 农民报 侨报 周报 城市报 早报 "
    "今日报 快报 导报 消费报 健康报 信息报 教育报"
).split()
_NAV_WORDS = (
    "首页 新闻 要闻 本地 国内 国际 财经 体育 娱乐 科技 教育 健康 房产 汽车 旅游 文化 评论 图片 视频 "
    "专题 民生 政务 县区 乡村振兴 法治 军事 社会 时政 理论 读报 数字报 直播 互动 投诉 服务 生活 "
    "美食 农业 公益 招聘 党建 人物 原创 看点"
).split()
_BREADCRUMB_LEADS = (
    "当前位置：",
    "您的位置：",
    "所在位置：",
    "位置：",
    "当前位置:",
    "您当前的位置 :",
    "当前的位置：",
    "你现在的位置：",
    "您现在所在位置：",
    "导航：",
)
_BREADCRUMB_SEPS = (" > ", " >> ", " » ", " / ", "＞", " -> ", " | ", " ＞ ", "->", " 》")
_SHARE_LINES = (
    "分享到：",
    "分享至：",
    "【字体：大 中 小】",
    "【打印】 【关闭窗口】",
    "打印本页 | 关闭窗口",
    "收藏本页",
    "扫一扫在手机打开当前页",
    "字号：T | T",
    "微信 微博 QQ空间",
    "【我要纠错】",
    "复制链接",
    "返回顶部",
    "字体：大 中 小",
    "【打印本页】【关闭本页】",
    "分享：",
    "用微信扫描二维码 分享至好友和朋友圈",
    "[ 字号 大 中 小 ]",
    "打印 | 收藏 | 纠错",
    "点击分享",
    "扫码阅读手机版",
    "听新闻",
    "【收藏】【打印】【关闭】",
    "分享到微信朋友圈",
    "A- A+",
    "默认字号 大字号",
    "手机看新闻",
    "我要评论",
    "转发 评论 点赞",
)
_FOOTER_TEMPLATES = (
    "版权所有：{site} 未经授权禁止转载",
    "Copyright © {year} {site} All Rights Reserved",
    "{abbr}ICP备{digits}号",
    "违法和不良信息举报电话：0{digits}",
    "{abbr}公网安备 {digits}号",
    "主办：{paper}社 承办：{site}",
    "联系我们 | 关于我们 | 广告服务 | 网站地图",
    "互联网新闻信息服务许可证：{digits}",
    "本网站所刊登的各种新闻、信息和各种专题专栏资料，均为{site}版权所有",
    "未经书面授权不得复制或建立镜像",
    "{site}版权所有 © {year}",
    "地址：{place}市人民路{num}号 邮编：{digits}",
    "网站标识码：{digits}",
    "举报邮箱：jubao@{host}",
    "技术支持：{place}信息技术有限公司",
    "建议使用1920×1080分辨率浏览本站",
    "广告热线：0{digits}",
    "关于本站 | 免责声明 | 投稿须知 | 联系方式",
    "新闻热线：{num}{digits}",
    "信息网络传播视听节目许可证：{digits}",
)
_RELATED_HEADERS = (
    "相关推荐",
    "相关阅读",
    "相关新闻",
    "延伸阅读",
    "猜你喜欢",
    "热点推荐",
    "推荐阅读",
    "精彩推荐",
    "热门文章",
    "大家都在看",
    "更多精彩",
    "今日热点",
    "相关链接",
    "24小时热文",
    "编辑推荐",
    "热门排行",
    "最新新闻",
    "图片新闻",
    "看了本文的人还看了",
    "专题推荐",
)
_TEASER_EVENTS = (
    "举办首届乡村美食节 游客量创新高",
    "新建5G基站一千余座",
    "开展夏季消防安全大检查",
    "二十个重点项目集中开工",
    "老旧小区改造全面铺开",
    "启动冬季供暖 比往年提前一周",
    "农民工返乡创业热情高",
    "夜市经济点亮城市烟火气",
    "新增公交线路三条 方便群众出行",
    "中小学开学首日见闻",
    "全力做好防汛备汛工作",
    "春耕备耕有序推进",
    "特色农产品搭上电商快车",
    "举行应急救援综合演练",
    "多措并举稳就业",
    "城区停车难有了新解法",
    "图书馆延长开放时间",
    "开展农村人居环境整治",
    "首批智慧菜市场投入使用",
    "高速公路新路段通车",
    "非遗传承人进校园",
    "社区食堂受老人欢迎",
    "民营企业座谈会召开",
    "秋粮收购工作启动",
    "文旅消费持续升温",
    "举办招聘会 提供岗位上千个",
    "湿地公园迎来候鸟",
    "义诊活动走进山村",
    "全面排查道路安全隐患",
    "新能源汽车产业园落户",
    "反诈宣传走进社区",
    "青年志愿者服务队成立",
    "乡村学校有了新操场",
    "冷链物流中心建成投用",
    "茶叶开采 茶农忙",
    "养老服务中心挂牌运营",
    "河道清淤工程完工",
    "举行消夏音乐会",
    "科技特派员下乡服务",
    "外贸订单回暖 企业忙生产",
)
_SECTIONS = (
    "要闻 综合 天下 民生 地方新闻 经济 文体 副刊 评论 国际 时政 专版 城事 县域 法治 农村 周刊 财经 "
    "健康 教育 社会 文化 视点 国内新闻 深度 热线 区县 科技 体育 专题"
).split()
_PAGE_LABEL_FORMATS = (
    "第{num:02d}版：{section}",
    "第{num}版 {section}",
    "{num:02d}版 {section}",
    "A{num:02d}版：{section}",
    "A{num}·{section}",
    "{section} 第{num}版",
    "第{num:02d}版",
    "B{num:02d} {section}",
    "{num:02d}·{section}",
    "版次：{num:02d} {section}",
)
_COLUMNS = (
    "要闻 图片新闻 本地快讯 民生 时评 县域经济 乡村振兴 一线调查 关注 聚焦 今日关注 民生直通车 社会 "
    "经济观察 现场 特写 镜头 视点 走基层 百姓身边 综合新闻 地方 国内 城事 热线 新闻特写 图说 记者调查 "
    "一线见闻 基层风采 身边榜样 产业观察 新闻眼 今日视点 乡村新貌 网事 民声 追踪 回音壁"
).split()
_BRIEF_COLUMNS = (
    "简讯 快讯 短讯 新闻速递 动态 本地快讯 要闻简报 一句话新闻 信息窗 新闻集萃 速览 综合简讯 "
    "资讯 新闻超市 县区快讯 图文快讯 经济简讯 民生速递 扫描 消息树"
).split()
_SURNAMES = (
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 "
    "田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈"
).split()
_GIVEN_CHARS = (
    "晓 明 华 丽 静 伟 芳 敏 磊 军 洋 勇 艳 杰 娟 涛 超 霞 平 刚 桂 英 辉 鹏 玲 斌 宇 浩 凯 秀 婷 雪 "
    "琳 丹 颖 欣 峰 瑶 蕾 晨 阳 帆 航 悦 瑞 楠 璐 倩 薇 睿 哲 锋 毅 彬 岚 昊 莉 慧 萍 蓉"
).split()
_PAGE_CREDIT_ROLES = (
    "责任编辑",
    "编辑",
    "美术编辑",
    "版式",
    "校对",
    "审读",
    "本版编辑",
    "值班主任",
    "组版",
    "图片编辑",
    "版面设计",
    "责任校对",
    "本版责编",
    "美编",
)
_HOST_WORDS = (
    "jcnews hzxw lcrmt yyzx qsnews bhw dyrb nxxw xlzc tcdaily apnews ynrm clrb qhxw scnews blgd lqwang "
    "fcxw jcrb nyxw fzdaily cmxw lxnews yxrb jdxw spzx nfrb zszx pjnews hcrb zyxw sxdaily jmrb ezxw hmnews"
).split()
_PROVINCE_ABBRS = "京 津 冀 晋 蒙 辽 吉 黑 沪 苏 浙 皖 闽 赣 鲁 豫 鄂 湘 粤 桂 琼 渝 川 黔 滇 藏 陕 甘 青 宁 新".split()
_SITE_TOP_LINES = (
    "登录 | 注册",
    "设为首页 | 加入收藏",
    "手机版",
    "无障碍浏览",
    "搜索",
    "繁体版",
    "English",
    "数字报",
    "客户端下载",
    "投稿",
    "长辈版",
    "关怀版",
    "RSS订阅",
    "网站导航",
    "微信公众号",
    "官方微博",
)
_PAGE_FOOTERS = (
    "本版组稿：{name}",
    "本版图片除署名外均为资料图",
    "欢迎提供新闻线索 热线：{num}{digits}",
    "本报地址：{place}市新华路{num}号",
    "零售价：每份1.00元",
    "本报法律顾问：{place}律师事务所",
    "印刷：{place}日报印务中心",
    "广告经营许可证：{digits}",
    "国内统一连续出版物号：CN{num}-00{num}",
    "邮发代号：{num}-{num}",
    "总编辑：{name}",
    "社址：{place}市建设路{num}号",
)

_RAW_POOLS: dict[str, Sequence[str]] = {
    "places": _PLACES,
    "site_suffixes": _SITE_SUFFIXES,
    "paper_suffixes": _PAPER_SUFFIXES,
    "nav_words": _NAV_WORDS,
    "breadcrumb_leads": _BREADCRUMB_LEADS,
    "breadcrumb_seps": _BREADCRUMB_SEPS,
    "share_lines": _SHARE_LINES,
    "footer_templates": _FOOTER_TEMPLATES,
    "related_headers": _RELATED_HEADERS,
    "teaser_events": _TEASER_EVENTS,
    "sections": _SECTIONS,
    "page_label_formats": _PAGE_LABEL_FORMATS,
    "columns": _COLUMNS,
    "brief_columns": _BRIEF_COLUMNS,
    "surnames": _SURNAMES,
    "given_chars": _GIVEN_CHARS,
    "page_credit_roles": _PAGE_CREDIT_ROLES,
    "host_words": _HOST_WORDS,
    "province_abbrs": _PROVINCE_ABBRS,
    "site_top_lines": _SITE_TOP_LINES,
    "page_footers": _PAGE_FOOTERS,
}

POOLS: Mapping[str, tuple[str, ...]] = MappingProxyType({key: tuple(items) for key, items in _RAW_POOLS.items()})


def _digest(item: str) -> str:
    return hashlib.sha256(item.encode("utf-8")).hexdigest()


def _half(items: tuple[str, ...], which: str) -> tuple[str, ...]:
    """A fixed half of `items`: ordered by content hash, even positions train, odd test; the
    train half's even and odd positions in turn are `train-fit` and `train-check`."""
    if which == "all":
        return items
    ordered = sorted(items, key=_digest)
    if which in ("train-fit", "train-check"):
        return tuple(ordered[(0 if which == "train-fit" else 2) :: 4])
    start = 0 if which == "train" else 1
    return tuple(ordered[start::2])


def furniture_pools(which: str) -> Mapping[str, tuple[str, ...]]:
    """The pools for `which` in FURNITURE_SPLITS: one half of every pool, or all of it."""
    if which not in FURNITURE_SPLITS:
        raise ValueError(f"furniture must be one of {', '.join(FURNITURE_SPLITS)}, not {which!r}")
    return MappingProxyType({key: _half(items, which) for key, items in POOLS.items()})
