"""Extraction speed, by hand (not part of the test suite):

    .venv/bin/python benchmarks/bench_extract.py [--articles 1000] [--repeat 5] [--real ~/realnews]

Measures, in one process, CPU milliseconds an article (time.process_time: this single-threaded
process on one core, so other work on the machine does not count; every figure is the range over
--repeat runs, then the best):
  1. generated articles of real length (about 2,000 characters of body, like the seeds and real
     news; benchmarks/article_generator.py), the seeds, and, when the folder exists, the real
     articles of --real (read in place, never copied): bot.extract.extract only, beside
  2. the baseline, a naive regex extractor measured on the same articles in the same run, in
     turns with it (naive_claims below: a sentence split, one regex a device, one a value kind,
     a cue word for the status, dateparser on "Month day" phrases), and the ratio extract /
     baseline (a shared machine slows both alike, so the ratio moves less than either figure);
  3. one article of one phrase repeated ("Snapdragon 8 Gen 1 " to 64 KB, 256 KB and 1 MB): a
     sentence with no end, the case where a superlinear step shows; CPU seconds for each size and
     the growth from one size to the next (x4 in size should cost about x4);
  4. extract + store (bot.store.Store on a temporary SQLite file), once.
Targets: <= 1.0 ms an article extract-only on real-length articles, <= 2 s for the 1 MB article.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.article_generator import generated_texts  # noqa: E402
from bot.articles import Article, parse_article, read_article_file  # noqa: E402
from bot.extract import extract  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parents[1]
REAL_LENGTH = 2000
REPEATED_PHRASE = "Snapdragon 8 Gen 1 "
LONG_SIZES = {"64 KB": 64_000, "256 KB": 256_000, "1 MB": 1_000_000}

# --- the baseline: what a first afternoon with regular expressions gives ---------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n+")
_DEVICE = re.compile(
    r"\b(?:Samsung |Google |Apple |Xiaomi |OnePlus |Oppo |vivo |Honor |Huawei |Motorola |Realme |Nothing )?"
    r"(?:Galaxy [SAZM]\d+(?: Ultra|\+| FE)?|Galaxy Z (?:Fold|Flip) ?\d|Pixel \d+a?(?: Pro| Fold)?|iPhone \d+(?: Pro Max| Pro| Plus)?"
    r"|Redmi Note \d+(?: Pro\+?)?|Poco [FX]\d(?: Pro)?|OnePlus (?:Nord )?\d+R?|Nothing Phone \(\d\)"
    r"|Find X\d(?: Pro)?|Reno ?\d+(?: Pro)?|X\d+ Pro\+?|Magic ?\d(?: Pro)?|Mate \d+(?: Pro)?|P\d+ Pro"
    r"|Edge \d+(?: Ultra| Pro)?|GT ?\d(?: Pro)?|Xiaomi \d+S?(?: Ultra| Pro)?)"
)
_NAIVE_VALUES = {
    "battery": re.compile(r"\b(\d[\d,]{2,5})\s?mAh\b"),
    "charging": re.compile(r"\b(\d{2,3})\s?W\b"),
    "camera": re.compile(r"\b(\d{1,3})\s?MP\b"),
    "display_size": re.compile(r"\b(\d\.\d{1,2})(?:-inch|\s?inch(?:es)?|[\"″])"),
    "memory": re.compile(r"\b(\d{1,4})\s?(?:GB|TB)\b"),
    "chipset": re.compile(
        r"\b((?:Snapdragon \d+\+? Gen \d|Snapdragon \d{3}|Dimensity \d{4}|Exynos \d{4}"
        r"|(?:Google )?Tensor(?: G\d)?|A\d{2} (?:Bionic|Pro)|Kirin \d{4}))\b"
    ),
    "price": re.compile(r"(?:[$€£₹]|Rs\.? ?|INR ?|CNY ?)\s?(\d[\d,.]*)"),
}
_RUMOUR = re.compile(
    r"\b(?:rumou?r\w*|leak\w*|tipster|reportedly|expected|suggest\w*|may|could|might|listing)\b", re.I
)
_LAUNCH = re.compile(
    r"\b(?:launch\w*|arrive|debut\w*|unveil\w*)\b[^.]*?\b((?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December) \d{1,2})\b"
)


def naive_claims(article: Article) -> list[tuple[str, str, str, str]]:
    """(device, attribute, value, status) for every value a regex finds, given to the last device
    named in or before its sentence; launch dates read by dateparser from "Month day" phrases."""
    import dateparser

    claims = []
    device = ""
    settings = (
        {"RELATIVE_BASE": datetime.datetime.fromisoformat(article.published[:10])}
        if article.published
        else {}
    )
    for sentence in _SENTENCE_END.split(article.body):
        named = _DEVICE.findall(sentence)
        device = named[-1] if named else device
        status = "rumored" if _RUMOUR.search(sentence) else "confirmed"
        for attribute, pattern in _NAIVE_VALUES.items():
            claims += [(device, attribute, m.group(1), status) for m in pattern.finditer(sentence)]
        for m in _LAUNCH.finditer(sentence):
            when = dateparser.parse(m.group(1), languages=["en"], settings=settings)
            if when:
                claims.append((device, "launch_date", when.date().isoformat(), status))
    return claims


# --- measuring -------------------------------------------------------------------------------------


def cpu_ms_per_article(run: Callable[[Article], object], articles: list[Article]) -> float:
    """CPU milliseconds an article of `run` over all `articles`."""
    start = time.process_time()
    for article in articles:
        run(article)
    return (time.process_time() - start) * 1000 / len(articles)


def ms_range(figures: list[float]) -> str:
    return f"{min(figures):6.3f} ms (runs {min(figures):.3f} - {max(figures):.3f})"


def report_set(name: str, articles: list[Article], repeat: int) -> tuple[float, float]:
    size = sum(len(a.body) for a in articles) / len(articles)
    # Taken in turns, so that both see the same load on a shared machine.
    receipts, baseline = [], []
    for _ in range(repeat):
        receipts.append(cpu_ms_per_article(extract, articles))
        baseline.append(cpu_ms_per_article(naive_claims, articles))
    ratios = sorted(r / b for r, b in zip(receipts, baseline, strict=False))
    claims = sum(len(extract(a)) for a in articles)
    naive = sum(len(naive_claims(a)) for a in articles)
    print(f"{name}: {len(articles)} articles, {size:,.0f} characters of body on average")
    print(
        f"  Receipts extract:      {ms_range(receipts)} an article, {claims / len(articles):.1f} claims an article"
    )
    print(
        f"  naive regex baseline:  {ms_range(baseline)} an article, {naive / len(articles):.1f} claims an article"
    )
    print(
        f"  ratio Receipts / baseline: {min(receipts) / min(baseline):.2f} (best against best; "
        f"run by run {ratios[0]:.2f} - {ratios[-1]:.2f}, median {ratios[len(ratios) // 2]:.2f})"
    )
    return min(receipts), min(baseline)


def report_repeated_phrase(sizes: dict[str, int]) -> float:
    """CPU seconds of extract on one article of REPEATED_PHRASE at each size; returns the last."""
    print(f"one phrase repeated ({REPEATED_PHRASE.strip()!r}), a sentence with no end:")
    previous = None
    seconds = 0.0
    for label, size in sizes.items():
        body = REPEATED_PHRASE * (size // len(REPEATED_PHRASE))
        article = parse_article("date: 2024-01-01\n\n" + body, "bench_repeated")
        start = time.process_time()
        claims = len(extract(article))
        seconds = time.process_time() - start
        start = time.process_time()
        naive_claims(article)
        naive = time.process_time() - start
        growth = f", x{seconds / previous:.1f} the previous size" if previous else ""
        print(
            f"  {label:>6} ({len(body):,} characters): Receipts {seconds:7.3f} s CPU ({claims} claims){growth}; "
            f"baseline {naive:.3f} s"
        )
        previous = max(seconds, 1e-6)
    return seconds


def report_store(articles: list[Article]) -> None:
    from bot.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.db")
        start, wall = time.process_time(), time.perf_counter()
        for article in articles:
            store.add_article(article, extract(article))
        cpu, wall = time.process_time() - start, time.perf_counter() - wall
        store.close()
    print(
        f"extract + store, generated articles: {cpu * 1000 / len(articles):.3f} ms CPU an article "
        f"({wall * 1000 / len(articles):.3f} ms by the wall clock, SQLite syncs included)"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000, help="how many generated articles")
    parser.add_argument(
        "--length", type=int, default=REAL_LENGTH, help="characters of body a generated article"
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs of each measure; the range is shown")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--real",
        type=Path,
        default=Path.home() / "realnews",
        help="a folder of real article texts (*.txt), timed in place when it exists",
    )
    parser.add_argument("--skip-long", action="store_true", help="leave out the repeated-phrase article")
    args = parser.parse_args(argv)

    generated = [
        parse_article(text, f"bench_{i:05d}")
        for i, text in enumerate(generated_texts(args.articles, args.seed, args.length))
    ]
    extract(generated[0])  # load the catalogue and compile the patterns once
    naive_claims(generated[0])
    ms, _ = report_set("generated, real length", generated, args.repeat)
    report_set(
        "seeds", [read_article_file(p) for p in sorted((PROJECT_ROOT / "seeds").glob("*.txt"))], args.repeat
    )
    real = sorted(args.real.glob("*.txt")) if args.real.is_dir() else []
    if real:
        report_set(f"real articles ({args.real})", [read_article_file(p) for p in real], args.repeat)
    else:
        print(f"real articles: {args.real} has none; skipped")
    long_seconds = None if args.skip_long else report_repeated_phrase(LONG_SIZES)
    report_store(generated)
    print(
        f"target <= 1.0 ms an article extract-only (generated, real length): {'met' if ms <= 1.0 else 'NOT met'}"
    )
    if long_seconds is not None:
        print(f"target <= 2 s for the 1 MB repeated phrase: {'met' if long_seconds <= 2 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
