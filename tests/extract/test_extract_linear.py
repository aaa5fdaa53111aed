"""No article costs more than linear work: four times the text, about four times the work.

The work is counted, not timed: every line of Python the extractor runs, and every call and
generator step (sys.settrace events), which a scan of all the spans found so far, repeated for each
new match, makes grow with the square of the text. The timing itself is in benchmarks/bench_extract.py.
"""

from __future__ import annotations

import random
import sys

import pytest

from bot.articles import parse_article
from bot.extract import extract
from bot.extract import values as V

# One phrase repeated: the shape in which one long text holds thousands of values or names. Each
# of these was quadratic once (chips: the spans already taken; prices and memory pairs: the spans
# already read; brand-less models and "the Ultra": the device named before, by a scan back; post
# signatures: every post scanned for each sentence; optics brands: every hit for each sentence).
REPEATED = [
    "Dimensity 9200 and Snapdragon 8 Gen 3 ",
    "it costs $649 ",
    "- 8GB + 256GB: $599\n",
    "the Galaxy Z Flip 5 and the S23 ",
    "Pixel 8 Pro\n",
    "Motorola said the Ultra ",
    "— Honor (@Honor) April 2, 2024\n",
    "Hasselblad ",
]
SMALL = 6_000
GROWTH = 4


def calls_to_extract(body: str) -> int:
    """How many lines, calls and generator steps of Python extracting `body` runs."""
    article = parse_article("date: 2024-03-01\n\n" + body, "linear")
    extract(article)  # the one-time work (compiled patterns, caches) is not the article's
    count = 0

    def tally(_frame, _event, _arg):  # a call, a line run or a generator step: one unit of work
        nonlocal count
        count += 1
        return tally

    sys.settrace(tally)
    try:
        extract(article)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("phrase", REPEATED)
def test_four_times_the_text_costs_about_four_times_the_work(phrase):
    small = calls_to_extract(phrase * (SMALL // len(phrase)))
    large = calls_to_extract(phrase * (GROWTH * SMALL // len(phrase)))
    # Linear work grows x4 (a little less, for the fixed part); a quadratic step makes it x10 or more.
    assert large <= small * GROWTH * 1.25, (
        f"{phrase!r}: {small:,} units of work, then {large:,} for {GROWTH}x the text"
    )


def test_chip_spans_taken_answer_as_the_plain_overlap_test():
    rng = random.Random(9)
    for _ in range(200):
        taken, plain = V._TakenSpans(), []
        for _ in range(rng.randint(0, 30)):
            start = rng.randrange(200)
            end = start + rng.randint(1, 12)
            if all(end <= a or start >= b for a, b in plain):  # the finder keeps them disjoint
                taken.add(start, end)
                plain.append((start, end))
        for _ in range(50):
            start = rng.randrange(210)
            end = start + rng.randint(1, 12)
            assert taken.free(start, end) == all(end <= a or start >= b for a, b in plain)


def test_covered_offsets_answer_as_a_scan_of_the_spans():
    rng = random.Random(10)
    for _ in range(200):
        covered, plain = V._CoveredOffsets(220), []
        for _ in range(rng.randint(0, 20)):
            start = rng.randrange(200)
            end = start + rng.randint(1, 15)
            covered.add(start, end)
            plain.append((start, end))
        for offset in range(220):
            assert (offset in covered) == any(a <= offset < b for a, b in plain)
