"""Regions as `analyse_articles` decides them: captions and the outlet's home count."""

from __future__ import annotations

import pytest

from generator.analyse.article import analyse_articles
from generator.analyse.topic_model import TopicModel, load_topic_model
from generator.analyse.topics import Topic, load_taxonomy
from generator.models import RawArticle, SourceFormat
from tests.raw_articles import make_raw


@pytest.fixture(scope="module")
def taxonomy() -> tuple[Topic, ...]:
    return load_taxonomy()


@pytest.fixture(scope="module")
def model() -> TopicModel:
    return load_topic_model()


def _raw(paragraphs: tuple[str, ...], *, outlet: str | None = None, captions: tuple[str, ...] = ()) -> RawArticle:
    return make_raw(
        paragraphs,
        source_file="page.txt",
        title="节后企业开工忙",
        fmt=SourceFormat.PLAIN,
        outlet=outlet,
        captions=captions,
    )


def test_a_photo_story_is_placed_by_its_caption(taxonomy: tuple[Topic, ...], model: TopicModel) -> None:
    raw = _raw(
        ("春节假期后的第一个工作日，各地企业有序开工。",),
        captions=("2月7日，在位于湖南省衡阳市雁峰区的一家公司车间，工人进行装配作业。",),
    )
    (article,) = analyse_articles((raw,), taxonomy=taxonomy, topic_model=model)
    assert (article.region.province, article.region.city) == ("湖南省", "衡阳市")


def test_a_local_outlet_places_what_names_no_place(taxonomy: tuple[Topic, ...], model: TopicModel) -> None:
    body = ("我市菜场、超市积极行动，提前启动应急预案，保障市民菜篮子。",)
    (placed,) = analyse_articles((_raw(body, outlet="濮阳日报"),), taxonomy=taxonomy, topic_model=model)
    assert (placed.region.province, placed.region.city) == ("河南省", "濮阳市")
    # A national outlet says nothing about where the story is.
    (unplaced,) = analyse_articles((_raw(body, outlet="人民日报"),), taxonomy=taxonomy, topic_model=model)
    assert unplaced.region.province is None


def test_the_text_wins_over_the_outlets_home(taxonomy: tuple[Topic, ...], model: TopicModel) -> None:
    body = ("郑州市召开复工复产推进会，郑州市重点企业全部复工。",)
    (article,) = analyse_articles((_raw(body, outlet="濮阳日报"),), taxonomy=taxonomy, topic_model=model)
    assert (article.region.province, article.region.city) == ("河南省", "郑州市")
