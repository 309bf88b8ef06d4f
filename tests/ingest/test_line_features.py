"""Line features: the cues the tagger reads, the same for both scripts, bounded per line."""

from __future__ import annotations

from generator.ingest.line_features import MAX_FEATURE_CHARS, line_features, page_lines


def _features(*texts: str) -> list[dict[str, float]]:
    return line_features(page_lines(list(enumerate(texts, start=1))))


def test_lead_and_credit_cues() -> None:
    lead, credit, editor = _features("本报讯（记者 张三）今天，某市召开会议。", "本报记者 李四 王五", "责任编辑：赵六")
    assert lead["lead"] == 1.0 and lead["closes_sentence"] == 1.0
    assert credit["byline_line"] == 1.0
    assert editor["editor_word"] == 1.0
    assert credit["-1:lead"] == 1.0  # neighbours' cues are visible


def test_traditional_lines_look_like_simplified_ones() -> None:
    simplified = _features("本报讯（记者 张三）今天，某市召开会议。", "会议强调，要做好经济工作。")
    traditional = _features("本報訊（記者 張三）今天，某市召開會議。", "會議強調，要做好經濟工作。")
    assert simplified == traditional


def test_headline_wording_repeated_below_points_down() -> None:
    feats = _features("草原牧民喜迎丰收", "本报讯 今年，草原牧民迎来丰收，牧民们喜笑颜开。")
    assert feats[0]["overlap_dir=down"] == 1.0


def test_a_huge_line_is_featurised_from_its_bounded_text() -> None:
    long_line = "今天天气很好，" * 20_000
    (huge,) = _features(long_line)
    (bounded,) = _features(long_line[: MAX_FEATURE_CHARS // 2] + " " + long_line[-MAX_FEATURE_CHARS // 2 :])
    assert {k for k in huge if k.startswith(("len=", "sentences=", "commas="))} == {
        k for k in bounded if k.startswith(("len=", "sentences=", "commas="))
    }
