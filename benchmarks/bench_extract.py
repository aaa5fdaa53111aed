"""Extraction throughput, by hand (not part of the test suite):

    .venv/bin/python benchmarks/bench_extract.py [--articles 5000] [--baseline-sample N]

Generates varied phone-news articles (brands, rumours, launches, comparisons, bullet lists, price
tables, filler prose), then measures in one process:
  1. extract only:           bot.extract.extract on every article;
  2. extract + store:        the same, each article and its claims stored with bot.store.Store
                             (a temporary SQLite file);
  3. baseline:               dateparser.search_dates(body, languages=['en']) on the same articles,
                             the naive way to find dates in text.
and prints articles/s for each and the ratios. The target is >= 1,000 articles/s extract-only on
one core.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.article_generator import generated_texts  # noqa: E402
from bot.articles import parse_article  # noqa: E402
from bot.extract import extract  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--baseline-sample", type=int, default=0,
                        help="run the dateparser baseline on only the first N articles (0: all)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    texts = generated_texts(args.articles, args.seed)
    articles = [parse_article(text, f"bench_{i:05d}") for i, text in enumerate(texts)]
    size = sum(len(a.body) for a in articles) / len(articles)
    print(f"{len(articles)} generated articles, {size:,.0f} characters each on average")

    extract(articles[0])  # load the catalogue and compile the patterns once
    # Rates are per core: CPU time of this (single-threaded) process, so that other work on the
    # machine does not count; wall-clock seconds are shown beside them.
    start, wall = time.process_time(), time.perf_counter()
    claims = 0
    for article in articles:
        claims += len(extract(article))
    extract_seconds = time.process_time() - start
    extract_rate = len(articles) / extract_seconds
    print(f"extract only:     {extract_rate:9,.0f} articles/s  ({claims:,} claims, "
          f"{extract_seconds:.2f} s CPU, {time.perf_counter() - wall:.2f} s wall)")

    from bot.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.db")
        start, wall = time.process_time(), time.perf_counter()
        for article in articles:
            store.add_article(article, extract(article))
        store_seconds = time.process_time() - start
        store_wall = time.perf_counter() - wall
        store.close()
    store_rate = len(articles) / store_seconds
    print(f"extract + store:  {store_rate:9,.0f} articles/s  ({store_seconds:.2f} s CPU, {store_wall:.2f} s wall; "
          f"{len(articles) / store_wall:,.0f} articles/s by the wall clock, SQLite syncs included)")

    import dateparser.search

    sample = articles[:args.baseline_sample] if args.baseline_sample else articles
    dateparser.search.search_dates(sample[0].body, languages=["en"])
    start = time.process_time()
    found = 0
    for article in sample:
        found += len(dateparser.search.search_dates(article.body, languages=["en"]) or [])
    baseline_seconds = time.process_time() - start
    baseline_rate = len(sample) / baseline_seconds
    print(f"baseline (dateparser.search_dates): {baseline_rate:9,.1f} articles/s  "
          f"({len(sample):,} articles, {found:,} dates, {baseline_seconds:.2f} s CPU)")
    print(f"ratios: extract/baseline {extract_rate / baseline_rate:,.0f}x, "
          f"extract+store/baseline {store_rate / baseline_rate:,.0f}x, "
          f"extract+store/extract {store_rate / extract_rate:.2f}")
    print(f"target >= 1,000 articles/s extract-only: {'met' if extract_rate >= 1000 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
