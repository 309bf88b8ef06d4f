"""Score the registered summarisers against hand-written reference summaries.

Usage (from the repository root)::

    .venv/bin/python benchmarks/summaries/run.py            # Markdown tables
    .venv/bin/python benchmarks/summaries/run.py --show ID  # one article's summaries

Prints character-level ROUGE-1/-2/-L F1 (mean over articles) and the mean summary
length for every system, on three splits: all articles, the even-numbered ids (the
split the `digest` weights were tuned on) and the odd-numbered ids (held out).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from generator.evaluation.rouge import RougeScores, rouge  # noqa: E402
from generator.models import ArticleKind  # noqa: E402
from generator.summarise import SUMMARISERS  # noqa: E402

ARTICLES = Path(__file__).with_name("articles.yml")
SYSTEMS = ("lead3", "textrank", "digest")


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    kind: ArticleKind
    paragraphs: tuple[str, ...]
    reference: str

    @property
    def number(self) -> int:
        """The running number of the article within its seed ("001-07" -> 7)."""
        return int(self.id.rsplit("-", 1)[1])


@dataclass(frozen=True, slots=True)
class Row:
    system: str
    rouge1: float
    rouge2: float
    rouge_l: float
    length: float
    count: int


def load_articles(path: Path = ARTICLES) -> tuple[Article, ...]:
    """Read the labelled set."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        Article(
            id=str(entry["id"]),
            kind=ArticleKind(entry["kind"]),
            paragraphs=tuple(entry["paragraphs"]),
            reference=str(entry["reference"]),
        )
        for entry in data["articles"]
    )


def evaluate(system: str, summarise: Callable[..., tuple[str, ...]], articles: Iterable[Article]) -> Row:
    """Mean ROUGE F1 and mean summary length of one system over `articles`."""
    scores: list[RougeScores] = []
    lengths: list[int] = []
    for article in articles:
        summary = "".join(summarise(article.paragraphs, kind=article.kind, max_chars=150))
        scores.append(rouge(summary, article.reference))
        lengths.append(len(summary))
    count = len(scores)
    return Row(
        system=system,
        rouge1=sum(s.rouge1 for s in scores) / count,
        rouge2=sum(s.rouge2 for s in scores) / count,
        rouge_l=sum(s.rouge_l for s in scores) / count,
        length=sum(lengths) / count,
        count=count,
    )


def table(title: str, rows: Iterable[Row]) -> str:
    """A Markdown table of `rows` (scores as percentages)."""
    rows = tuple(rows)
    lines = [
        f"**{title}** ({rows[0].count} articles)" if rows else f"**{title}**",
        "",
        "| system | R-1 | R-2 | R-L | avg length (chars) |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r.system} | {100 * r.rouge1:.1f} | {100 * r.rouge2:.1f} | {100 * r.rouge_l:.1f} | {r.length:.0f} |"
        for r in rows
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", metavar="ID", help="print each system's summary of one article")
    args = parser.parse_args(argv)
    articles = load_articles()
    if args.show:
        for article in articles:
            if article.id == args.show:
                print("reference:", article.reference)
                for name in SYSTEMS:
                    summary = SUMMARISERS[name](article.paragraphs, kind=article.kind)
                    print(f"{name}:", "".join(summary))
                return 0
        print(f"no article {args.show!r}", file=sys.stderr)
        return 1
    splits = (
        ("All articles", articles),
        ("Tuning split (even ids)", tuple(a for a in articles if a.number % 2 == 0)),
        ("Held-out split (odd ids)", tuple(a for a in articles if a.number % 2 == 1)),
    )
    for title, subset in splits:
        print(table(title, (evaluate(n, SUMMARISERS[n], subset) for n in SYSTEMS)))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
