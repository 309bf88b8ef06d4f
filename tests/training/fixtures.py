"""Tiny invented corpus articles (no real text) shared by the training tests."""

from __future__ import annotations

from generator.training.corpus import CorpusArticle


def make_article(**overrides: object) -> CorpusArticle:
    fields: dict[str, object] = {
        "id": "test-001",
        "url": "http://example.invalid/a.html",
        "outlet": "测试日报",
        "outlet_kind": "city",
        "date": "2021-05-06",
        "date_basis": "dateline",
        "title": "小镇 樱桃丰收",
        "subtitle": None,
        "kicker": None,
        "byline": ("甲乙",),
        "dateline": "本报讯(记者 甲乙)",
        "paragraphs": (
            "本报讯(记者 甲乙)5月5日,小镇果园里的樱桃红了,果农忙着采摘装箱,准备运往城里的市场。",
            "今年雨水适中,樱桃个头大、甜度高,每斤价格比去年略高。果农说,好收成让大家干劲更足了。",
            "果农在果园里采摘樱桃。 丙丁 摄",
            "(完)",
        ),
        "captions": ("果农在果园里采摘樱桃。 丙丁 摄",),
        "column": None,
        "kind": "article",
        "script": "hans",
    }
    fields.update(overrides)
    return CorpusArticle(**fields)  # type: ignore[arg-type]


FIXTURES: tuple[CorpusArticle, ...] = (
    make_article(),
    make_article(
        id="test-002",
        outlet="示例晚报 (repost on example.invalid)",
        date="2021-05",
        date_basis="url",
        title="新桥通车方便两岸居民出行的好消息今天终于来了",
        subtitle="全长八百米 历时两年建成",
        kicker="城市建设",
        byline=("戊己", "庚辛"),
        dateline=None,
        paragraphs=(
            "一座新桥今天正式通车,两岸居民过河不用再绕行十多公里。",
            "施工单位介绍,新桥采用了多项新工艺,建设过程中没有发生安全事故。",
            "编辑:庚辛",
            "【纠错】",
        ),
        captions=("新桥夜景。",),
        column="城事",
    ),
    make_article(
        id="test-003",
        outlet="樣例時報",
        outlet_kind="hk_tw",
        date="2022-11-20",
        date_basis="page header",
        title=None,
        byline=(),
        dateline=None,
        paragraphs=("社區今日舉辦義賣活動,所得款項將用於資助長者。", "主辦方表示,明年會繼續舉辦。"),
        captions=(),
        kind="brief",
        script="hant",
    ),
    make_article(
        id="test-004",
        outlet="范例通讯社",
        outlet_kind="wire",
        date="2021-05-06",
        date_basis="dateline",
        title="山区学校用上新电脑",
        byline=("壬癸",),
        dateline="范例社山城5月6日电(记者壬癸)",
        paragraphs=(
            "范例社山城5月6日电(记者壬癸)山区一所小学今天收到一批新电脑,孩子们第一次在教室里上了编程课。",
            "老师说,孩子们学得很认真,下课了还不愿离开。",
        ),
        captions=(),
        kind="article",
    ),
)
