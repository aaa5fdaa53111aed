"""Latency of `/spec` and autocomplete on a generated store (default: 100,000 articles, 1,000,000
claims), against the targets: `/spec` p99 <= 10 ms, autocomplete p99 <= 2 ms, each beside a naive
baseline measured in the same run on the same queries: for `/spec`, one SQL query that reads all
of the device's visible claims joined to their articles (no current values, series or aliases);
for autocomplete, rapidfuzz's `process.extract` over every subject name.

The store is made with the real schema (the store's migrations, FTS triggers included) from the
device catalogue: every phone is a subject, phones whose names end in Pro/Ultra/Plus/... get a
series, each brand is a company, and some phones have an alias subject (a codename) with an alias
claim. Articles pick their device with a Zipf-like skew (popular phones get more coverage), and
queries are asked the same way, so the p99 includes the most-covered phones.

    python benchmarks/bench_answers.py              # make /tmp/receipts-bench.db, measure
    python benchmarks/bench_answers.py --reuse      # measure an existing store again
    python benchmarks/bench_answers.py --articles 1000 --claims 10000 --db /tmp/small.db
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process  # noqa: E402

from bot.answers import autocomplete, spec  # noqa: E402
from bot.answers.lookup import name_index  # noqa: E402
from bot.catalogue import load_catalogue  # noqa: E402
from bot.models import ATTRIBUTES  # noqa: E402
from bot.names import name_key  # noqa: E402
from bot.store import Store  # noqa: E402

SERIES_ENDINGS = {"Pro", "Ultra", "Plus", "Max", "Lite", "Mini", "Neo", "5G", "Prime"}
OUTLETS = [f"Outlet {number}" for number in range(60)]
STATUSES = ("confirmed", "rumored", "rumored", "speculated", "denied")
ZIPF_EXPONENT = 0.6
PRIVATE_EVERY = 30
ALIAS_SHARE = 0.03
VALUES = {
    "chipset": [
        "Snapdragon 8 Gen 2",
        "Dimensity 9200",
        "Exynos 2200",
        "Google Tensor G2",
        "Apple A16 Bionic",
    ],
    "display_size": ["6.1 in", "6.4 in", "6.7 in", "6.8 in"],
    "display_resolution": ["1080p", "1440p", "720p"],
    "display_type": ["AMOLED", "LTPO AMOLED", "OLED", "IPS LCD"],
    "refresh_rate": ["60 Hz", "90 Hz", "120 Hz", "144 Hz"],
    "ram": ["6 GB", "8 GB", "12 GB", "16 GB"],
    "storage": ["128 GB", "256 GB", "512 GB", "1 TB"],
    "main_camera": ["12 MP", "48 MP", "50 MP", "108 MP", "200 MP"],
    "ultrawide_camera": ["8 MP", "12 MP", "48 MP"],
    "telephoto_camera": ["10 MP", "12 MP", "48 MP"],
    "front_camera": ["10 MP", "12 MP", "32 MP"],
    "camera_sensor": ["Sony IMX989", "Samsung GN5", "Samsung HP3"],
    "camera_count": ["2", "3", "4"],
    "camera_partner": ["Leica", "Zeiss", "Hasselblad"],
    "battery": ["4000 mAh", "4500 mAh", "5000 mAh", "5500 mAh"],
    "wired_charging": ["25 W", "45 W", "67 W", "120 W"],
    "wireless_charging": ["15 W", "50 W"],
    "os": ["Android 13", "Android 14", "iOS 17"],
    "ui": ["One UI 6", "MIUI 14", "OxygenOS 14"],
    "launch_date": ["2023-09", "2023-09-12", "2024-02-25", "2024"],
    "price": ["USD 799", "USD 999", "EUR 1199", "CNY 5999"],
}
SPEC_ATTRIBUTES = [attribute for attribute in ATTRIBUTES if attribute != "alias"]


def catalogue_subjects() -> tuple[list[tuple[str, str, str]], dict[str, str], dict[str, str]]:
    """(name, kind, brand) of every subject, each phone's series and each phone's alias."""
    phones = sorted(
        {device.name: device.brand for device in load_catalogue().devices if device.kind == "phone"}.items()
    )
    subjects = [(name, "device", brand) for name, brand in phones]
    subjects += [(brand, "company", brand) for brand in sorted({brand for _, brand in phones})]
    series_of, alias_of = {}, {}
    chooser = random.Random(7)
    for name, brand in phones:
        words = name.split()
        if len(words) >= 3 and words[-1] in SERIES_ENDINGS:
            series_of[name] = " ".join(words[:-1]) + " series"
        if chooser.random() < ALIAS_SHARE:
            alias_of[name] = f"{brand} codename {name_key(name)[-6:]}x"
    subjects += [
        (series, "series", name.split()[0])
        for name, series in sorted(set((n, s) for n, s in series_of.items()), key=lambda pair: pair[1])
    ]
    subjects += [(alias, "device", name.split()[0]) for name, alias in alias_of.items()]
    unique = list({name_key(name): (name, kind, brand) for name, kind, brand in subjects}.values())
    return unique, series_of, alias_of


def popularity(count: int) -> list[float]:
    return [1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(count)]


def generate(path: Path, articles: int, claims: int, seed: int = 1) -> float:
    """Make the store; returns the seconds it took."""
    started = time.perf_counter()
    path.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = Store(path)
    conn = store.db.conn
    conn.execute("PRAGMA synchronous=OFF")
    subjects, series_of, alias_of = catalogue_subjects()
    conn.executemany(
        "INSERT INTO subjects (name, key, brand, kind) VALUES (?, ?, ?, ?)",
        [(name, name_key(name), brand, kind) for name, kind, brand in subjects],
    )
    ids = {name: sid for sid, name in conn.execute("SELECT id, name FROM subjects")}
    phones = [name for name, kind, _ in subjects if kind == "device" and name not in set(alias_of.values())]
    random_ = random.Random(seed)
    random_.shuffle(phones)
    weights = popularity(len(phones))
    per_article = claims / articles
    claim_id = 0
    with store.db.atomic():
        for number in range(articles):
            phone = random_.choices(phones, weights)[0]
            count = max(1, round(random_.gauss(per_article, 1.5)))
            rows = _article_claims(random_, phone, count, series_of, alias_of)
            body, spans = _body(rows)
            article_id = f"bench{number:06d}"
            published = (
                f"{random_.randint(2015, 2025)}-{random_.randint(1, 12):02d}-{random_.randint(1, 28):02d}"
            )
            guild = 1 if number % PRIVATE_EVERY == 0 else None
            conn.execute(
                "INSERT INTO articles (id, url, url_key, title, outlet, published, "
                "published_basis, body, sha256, guild_id, added_by, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?, 'header', ?, ?, ?, 'bench', '2025-01-01')",
                [
                    article_id,
                    f"https://news.example/{article_id}",
                    f"https://news.example/{article_id}",
                    f"News about the {phone}",
                    random_.choice(OUTLETS),
                    published,
                    body,
                    f"sha{number}",
                    guild,
                ],
            )
            for (subject, attribute, value, status, quote), (start, end) in zip(rows, spans, strict=True):
                claim_id += 1
                conn.execute(
                    "INSERT INTO claims (id, article_id, subject_id, attribute, value, status, "
                    "quote, start, end, mention, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2025-01-01')",
                    [
                        claim_id,
                        article_id,
                        ids[subject],
                        attribute,
                        value,
                        status,
                        quote,
                        start,
                        end,
                        subject,
                    ],
                )
                if attribute == "alias":
                    conn.execute(
                        "INSERT INTO aliases (alias, key, subject_id, claim_id) VALUES (?, ?, ?, ?)",
                        [value, name_key(value), ids[subject], claim_id],
                    )
    conn.execute("ANALYZE")
    conn.commit()
    store.close()
    return time.perf_counter() - started


def _article_claims(
    random_: random.Random, phone: str, count: int, series_of: dict[str, str], alias_of: dict[str, str]
) -> list[tuple[str, str, str, str, str]]:
    """Claims of one article: mostly about its phone, some series-wide, some company-wide."""
    rows = []
    for _ in range(count):
        roll = random_.random()
        if phone in alias_of and roll < 0.05:
            rows.append(
                (
                    phone,
                    "alias",
                    alias_of[phone],
                    "rumored",
                    f"The {phone} is known internally as {alias_of[phone]}.",
                )
            )
            continue
        subject = phone
        if phone in alias_of and roll < 0.3:
            subject = alias_of[phone]
        elif phone in series_of and roll < 0.2:
            subject = series_of[phone]
        elif roll > 0.93:
            subject = phone.split()[0]
        attribute = random_.choice(SPEC_ATTRIBUTES)
        value = random_.choice(VALUES[attribute])
        status = random_.choice(STATUSES)
        rows.append(
            (
                subject,
                attribute,
                value,
                status,
                f"According to {random_.choice(OUTLETS)}, the {subject} {status} "
                f"{attribute.replace('_', ' ')} is {value}, as reported in this story.",
            )
        )
    return rows


def _body(rows: list[tuple]) -> tuple[str, list[tuple[int, int]]]:
    body, spans = "", []
    for row in rows:
        spans.append((len(body), len(body) + len(row[4])))
        body += row[4] + " "
    return body.strip(), spans


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {p50 * 1000:.3f} ms  p99 {p99 * 1000:.3f} ms  max {ordered[-1] * 1000:.3f} ms"


class Stopwatch:
    """Wall time (what a user waits) and this thread's CPU time (the work itself, which other
    programs on a busy machine do not inflate)."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def __enter__(self) -> Stopwatch:
        self._wall, self._cpu = time.perf_counter(), time.thread_time()
        return self

    def __exit__(self, *exc) -> None:
        self.wall.append(time.perf_counter() - self._wall)
        self.cpu.append(time.thread_time() - self._cpu)

    def report(self) -> str:
        return f"wall {percentiles(self.wall)}\n{'':16}cpu  {percentiles(self.cpu)}"


def typed_forms(random_: random.Random, name: str) -> str:
    """A device name as people type it: whole, in lower case, or without the brand."""
    form = random_.random()
    if form < 0.4:
        return name
    if form < 0.7:
        return name.lower()
    return name.split(" ", 1)[1] if " " in name else name


def fragment(random_: random.Random, name: str) -> str:
    """What has been typed so far: a prefix, a brandless prefix, or a prefix with a typo."""
    text = typed_forms(random_, name).lower()
    text = text[: random_.randint(1, len(text))]
    if random_.random() < 0.2 and len(text) > 3:
        position = random_.randrange(1, len(text))
        text = text[:position] + text[position + 1 :]
    return text


def warm_page_cache(path: Path) -> None:
    """Read the store file once, as a running bot has it in the OS cache: the first touch of a
    page on disk is I/O, not the answers' work."""
    with open(path, "rb") as handle:
        while handle.read(1 << 24):
            pass


def measure(path: Path, queries: int, seed: int = 2) -> None:
    store = Store(path)
    warm_page_cache(path)
    articles, claims = (
        store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("articles", "claims")
    )
    subjects = store.db.execute("SELECT count(*) FROM subjects").fetchone()[0]
    print(f"store: {articles:,} articles, {claims:,} claims, {subjects:,} subjects")
    started = time.perf_counter()
    name_index(store).view(None)
    print(f"name index built in {time.perf_counter() - started:.2f} s (once per store change)")
    coverage = store.db.execute(
        "SELECT s.name, count(*) FROM claims c JOIN subjects s ON s.id = c.subject_id "
        "WHERE s.kind = 'device' AND s.name NOT LIKE '% codename %' GROUP BY s.id"
    ).fetchall()
    print(
        f"claims a device: median {statistics.median(n for _, n in coverage):.0f}, "
        f"most {max(n for _, n in coverage):,}"
    )
    random_ = random.Random(seed)
    asked = random_.choices([name for name, _ in coverage], [n for _, n in coverage], k=queries)
    spec_cold = _spec_latency(store, random_, asked)
    spec_naive = _naive_spec_latency(store, asked)
    typing = _autocomplete_latency(store, random_, asked)
    typing_naive = _naive_autocomplete_latency(store, random.Random(seed), asked)
    print(
        f"ratios to the baselines (p99, CPU): /spec cold {p99(spec_cold.cpu) / p99(spec_naive.cpu):.2f}x, "
        f"autocomplete {p99(typing.cpu) / p99(typing_naive.cpu):.2f}x"
    )
    store.close()


def p99(samples: list[float]) -> float:
    return sorted(samples)[int(len(samples) * 0.99)]


def _spec_latency(store: Store, random_: random.Random, asked: list[str]) -> Stopwatch:
    """Cold: the memo of counts emptied before each query, as after every change to the store.
    Steady: the same stream with the memo kept, as between two changes."""
    for name in asked[:50]:
        spec(store, name)
    queries = [
        (typed_forms(random_, name), random_.choice(SPEC_ATTRIBUTES) if random_.random() < 0.2 else None)
        for name in asked
    ]
    for label, cold in (("cold", True), ("steady", False)):
        watch, lines, failed = Stopwatch(), 0, 0
        name_index(store).memo.clear()
        for typed, attribute in queries:
            if cold:
                name_index(store).memo.clear()
            with watch:
                answer = spec(store, typed, attribute)
            lines += len(answer.lines)
            failed += not answer.ok
        print(
            f"/spec {label:6}    {watch.report()}\n{'':16}({len(queries)} queries, "
            f"{lines / len(queries):.0f} lines an answer, {failed} asked for a choice)"
        )
        if cold:
            cold_watch = watch
    return cold_watch


def _naive_spec_latency(store: Store, asked: list[str]) -> Stopwatch:
    """The baseline: every visible claim of the device with its article's date, in one query."""
    ids = dict(store.db.execute("SELECT name, id FROM subjects").fetchall())
    watch = Stopwatch()
    for name in asked:
        with watch:
            store.db.execute(
                "SELECT c.attribute, c.value, c.status, c.quote, a.published FROM claims c "
                "JOIN articles a ON a.id = c.article_id WHERE c.subject_id = ? "
                "AND c.retracted_at IS NULL AND a.removed_at IS NULL AND a.guild_id IS NULL",
                [ids[name]],
            ).fetchall()
    print(f"baseline: naive /spec query\n{'':16}{watch.report()}")
    return watch


def _naive_autocomplete_latency(store: Store, random_: random.Random, asked: list[str]) -> Stopwatch:
    """The baseline: rapidfuzz over every subject name, 25 best."""
    names = [row[0] for row in store.db.execute("SELECT name FROM subjects")]
    watch = Stopwatch()
    for name in asked:
        typed = fragment(random_, name)
        with watch:
            process.extract(typed, names, scorer=fuzz.WRatio, limit=25)
    print(f"baseline: rapidfuzz over every name\n{'':16}{watch.report()}")
    return watch


def _autocomplete_latency(store: Store, random_: random.Random, asked: list[str]) -> Stopwatch:
    watch = Stopwatch()
    for name in asked:
        typed = fragment(random_, name)
        with watch:
            autocomplete(store, typed)
    print(f"autocomplete    {watch.report()}\n{'':16}({len(asked)} fragments)")
    return watch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/receipts-bench.db"))
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=5_000)
    parser.add_argument("--reuse", action="store_true", help="measure the existing --db")
    args = parser.parse_args(argv)
    if not (args.reuse and args.db.exists()):
        seconds = generate(args.db, args.articles, args.claims)
        print(f"generated {args.db} in {seconds:.1f} s")
    measure(args.db, args.queries)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
