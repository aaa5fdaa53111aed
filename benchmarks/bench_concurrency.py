"""One writer and many readers under load: `/spec` and autocomplete latency on the benchmark store
(default: 100,000 articles, 1,000,000 claims, made by bench_answers.py) while a second process
ingests 1,000 articles, beside the same figures with no ingest, measured in the same run; then two
ingests of 1,000 articles each into one store at once.

Targets (issue 10): during the ingest the p99s stay within 10 ms (`/spec`) and 2 ms
(autocomplete), and no answer waits for a write. The answers read as the bot's do, each kind on a
reader connection of its own (`Store.reader()`); those connections have a busy timeout of 0, so an
answer that had to wait for a lock would fail with "database is locked" instead, and is counted.

Three figures per command: "quiet" (no ingest, the memo of counts kept, as between two changes),
"quiet, cold" (no ingest, the memo emptied before each query, as after every change), and
"during ingest" (every commit of the other process empties the memo). Wall time is what a user
waits, CPU time the work itself: on a shared machine the ingest process competes for the cores,
which shows in the wall time only.

    python benchmarks/bench_concurrency.py                 # reuse or make /tmp/receipts-bench.db
    python benchmarks/bench_concurrency.py --db /tmp/small.db --articles 10000 --claims 100000
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_answers import (  # noqa: E402
    SPEC_ATTRIBUTES,
    Stopwatch,
    catalogue_subjects,
    fragment,
    generate,
    p99,
    popularity,
    typed_forms,
    warm_page_cache,
)

from bot.answers import autocomplete, spec  # noqa: E402
from bot.answers.lookup import name_index, names_stamp  # noqa: E402
from bot.store import Store  # noqa: E402

RAM = ("8 GB", "12 GB", "16 GB")


def write_articles(folder: Path, count: int, tag: str, phones: list[str]) -> Path:
    """`count` article files of our own words about catalogue phones, popular ones more often."""
    folder.mkdir(parents=True)
    chooser = random.Random(tag)
    weights = popularity(len(phones))
    for number in range(count):
        phone = chooser.choices(phones, weights)[0]
        (folder / f"{tag}-{number:04d}.txt").write_text(
            f"url: https://bench.example/{tag}/{number}\n"
            f"date: 2024-{chooser.randint(1, 12):02d}-{chooser.randint(1, 28):02d}\n\n"
            f"The {phone} is said to pack a {chooser.randint(3000, 6000)}mAh battery and "
            f"{chooser.choice(RAM)} of RAM, according to bench report {tag}-{number}. "
            f"It will reportedly come with a {chooser.choice((6.1, 6.4, 6.7, 6.8))}-inch display.\n"
        )
    return folder


def ingest_process(db: Path, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "--db", str(db), "ingest", str(folder)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def no_waiting_reader(store: Store) -> Store:
    """A reader as the bot has, except that a lock is never waited for: it would raise."""
    reader = store.reader()
    reader.db.execute("PRAGMA busy_timeout = 0")
    return reader


class Run:
    """Latencies of one condition, and the answers that met a lock (there must be none)."""

    def __init__(self, label: str):
        self.label, self.spec, self.typing, self.locked = label, Stopwatch(), Stopwatch(), 0

    def ask(
        self, answers: Store, typing: Store, query: tuple[str, str | None, str], cold: bool = False
    ) -> None:
        typed, attribute, typed_so_far = query
        if cold:
            name_index(answers).memo.clear()
        try:
            with self.spec:
                spec(answers, typed, attribute)
            with self.typing:
                autocomplete(typing, typed_so_far)
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            self.locked += 1

    def report(self) -> str:
        return (
            f"{self.label} ({len(self.spec.wall)} queries, {self.locked} met a lock)\n"
            f"  /spec         {self.spec.report()}\n"
            f"  autocomplete  {self.typing.report()}"
        )


def queries(store: Store, count: int, seed: int = 2) -> list[tuple[str, str | None, str]]:
    coverage = store.db.execute(
        "SELECT s.name, count(*) FROM claims c JOIN subjects s ON s.id = c.subject_id "
        "WHERE s.kind = 'device' AND s.name NOT LIKE '% codename %' GROUP BY s.id"
    ).fetchall()
    random_ = random.Random(seed)
    asked = random_.choices([name for name, _ in coverage], [n for _, n in coverage], k=count)
    return [
        (
            typed_forms(random_, name),
            random_.choice(SPEC_ATTRIBUTES) if random_.random() < 0.2 else None,
            fragment(random_, name),
        )
        for name in asked
    ]


def measure_readers(db: Path, folder: Path, count: int) -> tuple[Run, Run, Run, dict]:
    store = Store(db)
    warm_page_cache(db)
    answers, typing = no_waiting_reader(store), no_waiting_reader(store)
    asked = queries(store, count)
    for query in asked[:100]:
        Run("warm-up").ask(answers, typing, query)

    quiet, quiet_cold, during = Run("quiet"), Run("quiet, cold"), Run("during ingest")
    for query in asked:
        quiet.ask(answers, typing, query)
    for query in asked:
        quiet_cold.ask(answers, typing, query, cold=True)

    before = store.db["articles"].count
    names_before = names_stamp(store)
    started = time.perf_counter()
    child = ingest_process(db, folder)
    position = 0
    while child.poll() is None:
        during.ask(answers, typing, asked[position % len(asked)])
        position += 1
    out, err = child.communicate()
    ingest = {
        "seconds": time.perf_counter() - started,
        "code": child.returncode,
        "stored": store.db["articles"].count - before,
        "summary": out.strip(),
        "name_changes": [
            now - then for now, then in zip(names_stamp(store)[0], names_before[0], strict=False)
        ],
        "errors": err.strip()[-500:] if child.returncode else "",
    }
    for reader in (answers, typing):
        reader.close()
    store.close()
    return quiet, quiet_cold, during, ingest


def two_ingests(folder_a: Path, folder_b: Path, work: Path) -> str:
    db = work / "two-writers.db"
    Store(db).close()  # an empty store: the seeds are not what is measured
    started = time.perf_counter()
    children = [ingest_process(db, folder) for folder in (folder_a, folder_b)]
    results = [(child.wait(), *child.communicate()) for child in children]
    seconds = time.perf_counter() - started
    with Store(db) as store:
        stored = store.db["articles"].count
        integrity = store.db.execute("PRAGMA integrity_check").fetchone()[0]
    lines = [
        f"two ingests of {len(list(folder_a.iterdir())):,} articles each into one store at "
        f"once: {seconds:.1f} s, {stored:,} stored, integrity_check {integrity}"
    ]
    for number, (code, out, err) in enumerate(results, 1):
        lines.append(
            f"  ingest {number}: exit {code}, {out.strip()}" + (f"\n    {err.strip()[-300:]}" if code else "")
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/receipts-bench.db"))
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--ingest", type=int, default=1_000, help="articles each ingest adds")
    parser.add_argument("--queries", type=int, default=2_000)
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"generated {args.db} in {generate(args.db, args.articles, args.claims):.1f} s")
    phones = [
        name for name, kind, _ in catalogue_subjects()[0] if kind == "device" and " codename " not in name
    ]
    with tempfile.TemporaryDirectory(prefix="receipts-bench-") as work_dir:
        work = Path(work_dir)
        tag = f"run{int(time.time())}"
        folders = [
            write_articles(work / name, args.ingest, f"{tag}{name}", phones)
            for name in ("during", "left", "right")
        ]
        quiet, quiet_cold, during, ingest = measure_readers(args.db, folders[0], args.queries)
        with sqlite3.connect(args.db) as conn:
            articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        print(f"store: {args.db}, {articles:,} articles after the run")
        print(
            f"the second process ingested {ingest['stored']:,} articles in "
            f"{ingest['seconds']:.1f} s (exit {ingest['code']}): {ingest['summary']}"
            + (f"\n  {ingest['errors']}" if ingest["errors"] else "")
        )
        added, changed = ingest["name_changes"]
        print(
            f"  names it changed: {added} new subjects (taken into the kept name index), "
            f"{changed} other changes (each a rebuild of the index)"
        )
        for run in (quiet, quiet_cold, during):
            print(run.report())
        print(
            "during ingest vs quiet (p99, wall): "
            f"/spec {p99(during.spec.wall) * 1000:.2f} ms vs {p99(quiet.spec.wall) * 1000:.2f} ms "
            f"({p99(during.spec.wall) / p99(quiet.spec.wall):.2f}x), vs cold "
            f"{p99(quiet_cold.spec.wall) * 1000:.2f} ms; autocomplete "
            f"{p99(during.typing.wall) * 1000:.2f} ms vs {p99(quiet.typing.wall) * 1000:.2f} ms "
            f"({p99(during.typing.wall) / p99(quiet.typing.wall):.2f}x)"
        )
        print(
            f"targets during ingest: /spec p99 <= 10 ms: "
            f"{'met' if p99(during.spec.wall) <= 0.010 else 'NOT met'}; autocomplete p99 <= 2 ms: "
            f"{'met' if p99(during.typing.wall) <= 0.002 else 'NOT met'}; answers that met a "
            f"lock: {during.locked}"
        )
        print(two_ingests(folders[1], folders[2], work))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
