"""Load on the real bot through the fake Discord, and the ceiling: how many interactions a second
one process, and two processes of two shards, answer in time.

The ramp (the default): 50, 100, 200, 400 and 800 interactions a second, 20 s each, from 200
members in 20 servers, against a store of 10,000 articles, each interaction timed from the
INTERACTION_CREATE sent to the callback received (the fake refuses callbacks later than
Discord's 3 s, so a late answer counts as unanswered). Three configurations, each bot a
separate process (`python -m bot run`, tests/e2e/processes.py) and the fake and the members in
this one:

- baseline: a bare discord.py bot with the same commands answering at once with a fixed embed
  and no store, so what the fake, the event loop and discord.py cost is seen apart from Receipts;
- one: one Receipts process, one shard;
- two: two Receipts processes, shards 0,1 and 2,3 of 4, on the same store.

The figure that matters: the highest rate with p99 <= 250 ms and every interaction answered.
Each configuration first runs 3 s at the first rate, not counted (a fresh process reads a cold
store), and stops climbing after a step that answered fewer than half in time.

`run_load` is the older single run, everything in one process and one event loop (500
interactions over 10 s from 20 members), which tests/e2e/test_e2e_load.py runs in CI.

    python benchmarks/bench_load.py                       # make /tmp/receipts-load.db, ramp, print
    python benchmarks/bench_load.py --reuse               # ramp again on the same store
    python benchmarks/bench_load.py --rates 50,100 --step-seconds 10 --configs one,two
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import statistics
import sys
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import discord
from discord import app_commands
from discord.ext import commands

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_answers import generate  # noqa: E402
from bot.store import Store  # noqa: E402
from tests.e2e.helpers import DISCORD_DEADLINE, Server, add_server, bot_settings, fake_discord, running_bot  # noqa: E402
from tests.e2e.processes import BotProcess, bot_environment, bot_process  # noqa: E402
from tests.fakediscord import FakeDiscord, InteractionRecord  # noqa: E402

ARTICLES = 10_000
CLAIMS = 50_000
WAIT_FOR_CALLBACK = 5.0  # longer than Discord's 3 s, so a late answer is measured, not lost
MIX = (("spec", 5), ("timeline", 2), ("sources", 1), ("search", 1), ("claim", 1), ("autocomplete", 2))
RATES = (50, 100, 200, 400, 800)
STEP_SECONDS = 20.0
RAMP_MEMBERS = 200
RAMP_SERVERS = 20
SHARDS = 4
TARGET_P99 = 0.250
SATURATED = 0.5  # a step answering fewer than this share in time ends the configuration's climb
CONFIGS = ("baseline", "one", "two")
WARM_UP_SECONDS = 3.0


def make_store(path: Path, articles: int = ARTICLES, claims: int = CLAIMS) -> float:
    """A store of generated articles and claims (benchmarks/bench_answers.py's); seconds taken."""
    return generate(path, articles, claims)


@dataclass
class Questions:
    devices: list[str]
    words: list[str]
    claim_ids: list[int]

    @classmethod
    def from_store(cls, path: Path) -> Questions:
        with Store(path) as store:
            shared = (
                "FROM claims c JOIN articles a ON a.id = c.article_id "
                "JOIN subjects s ON s.id = c.subject_id WHERE a.guild_id IS NULL"
            )  # seen everywhere
            devices = [
                row[0]
                for row in store.db.execute(
                    f"SELECT DISTINCT s.name {shared} AND s.kind = 'device' ORDER BY c.id LIMIT 300"
                )
            ]
            quotes = [row[0] for row in store.db.execute(f"SELECT c.quote {shared} ORDER BY c.id LIMIT 300")]
            claim_ids = [
                row[0] for row in store.db.execute(f"SELECT c.id {shared} ORDER BY random() LIMIT 300")
            ]
        words = sorted(
            {word for quote in quotes for word in quote.split() if len(word) > 5 and word.isalpha()}
        )
        return cls(devices, words, claim_ids)

    def pick(self, chooser: random.Random) -> tuple[str, str, dict]:
        """(kind, command, options) of one interaction."""
        kind = chooser.choices([k for k, _ in MIX], [w for _, w in MIX])[0]
        device = chooser.choice(self.devices)
        if kind == "spec":
            return kind, "spec", {"device": device}
        if kind == "timeline":
            return kind, "timeline", {"subject": device}
        if kind == "sources":
            return kind, "sources", {"device": device}
        if kind == "search":
            return kind, "search", {"text": chooser.choice(self.words)}
        if kind == "claim":
            return kind, "claim", {"id": chooser.choice(self.claim_ids)}
        return kind, "spec", {"device": device[: chooser.randint(1, len(device))]}


@dataclass
class LoadResult:
    latencies: list[float]  # seconds, INTERACTION_CREATE sent -> callback received
    unanswered: int
    failures: int  # answers saying something went wrong on the bot's side
    no_answer: int  # commands answered "No answer" (a device without claims, say)
    deferred: int
    elapsed: float

    @property
    def sent(self) -> int:
        return len(self.latencies) + self.unanswered

    @property
    def within_deadline(self) -> int:
        return sum(1 for latency in self.latencies if latency < DISCORD_DEADLINE)

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))]

    def summary(self) -> str:
        return (
            f"{self.sent} interactions in {self.elapsed:.1f} s: p50 "
            f"{statistics.median(self.latencies) * 1000:.1f} ms, p99 "
            f"{self.percentile(0.99) * 1000:.1f} ms, max {max(self.latencies) * 1000:.1f} ms; "
            f"{self.within_deadline}/{self.sent} answered within 3 s, {self.deferred} deferred, "
            f"{self.unanswered} unanswered, {self.failures} failures, {self.no_answer} "
            f'"No answer"'
        )


async def one_interaction(
    fake: FakeDiscord, server: Server, member_id: int, at: float, question: tuple[str, str, dict]
) -> InteractionRecord:
    """Send at the scheduled moment; the record, with its callback if one came in time."""
    await asyncio.sleep(max(0.0, at - time.monotonic()))
    kind, name, options = question
    if kind == "autocomplete":
        record = await fake.send_autocomplete(
            server.id, server.general.id, member_id, name, options, focused="device"
        )
    else:
        record = await fake.send_command(server.id, server.general.id, member_id, name, options)
    try:
        await fake.wait_for_callback(record, timeout=WAIT_FOR_CALLBACK)
    except TimeoutError:
        pass
    return record


FIXED = discord.Embed(title="Fixed", description="“A quote.” — Source · 2024-01-01")


async def fixed_names(interaction: discord.Interaction, current: str) -> list[app_commands.Choice]:
    return [app_commands.Choice(name="Fixed Phone", value="Fixed Phone")]


@app_commands.command(name="spec", description="Fixed answer")
@app_commands.autocomplete(device=fixed_names)
async def fixed_spec(interaction: discord.Interaction, device: str) -> None:
    await interaction.response.send_message(embed=FIXED)


@app_commands.command(name="timeline", description="Fixed answer")
@app_commands.autocomplete(subject=fixed_names)
async def fixed_timeline(interaction: discord.Interaction, subject: str) -> None:
    await interaction.response.send_message(embed=FIXED)


@app_commands.command(name="sources", description="Fixed answer")
@app_commands.autocomplete(device=fixed_names)
async def fixed_sources(interaction: discord.Interaction, device: str) -> None:
    await interaction.response.send_message(embed=FIXED)


@app_commands.command(name="search", description="Fixed answer")
async def fixed_search(interaction: discord.Interaction, text: str) -> None:
    await interaction.response.send_message(embed=FIXED)


@app_commands.command(name="claim", description="Fixed answer")
async def fixed_claim(interaction: discord.Interaction, id: int) -> None:
    await interaction.response.send_message(embed=FIXED)


class FixedAnswerBot(commands.Bot):
    """The baseline: the public commands with their options, each answered at once, no store."""

    def __init__(self) -> None:
        intents = discord.Intents.none()
        intents.guilds = True
        super().__init__(command_prefix=commands.when_mentioned, intents=intents, guild_ready_timeout=0.05)
        for command in (fixed_spec, fixed_timeline, fixed_sources, fixed_search, fixed_claim):
            self.tree.add_command(command)

    async def setup_hook(self) -> None:
        await self.tree.sync()


@asynccontextmanager
async def running_baseline(token: str):
    bot = FixedAnswerBot()
    running = asyncio.create_task(bot.start(token))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), WAIT_FOR_CALLBACK)
        yield bot
    finally:
        await bot.close()
        await running


async def run_load(
    db_path: Path,
    *,
    interactions: int = 500,
    seconds: float = 10.0,
    members: int = 20,
    seed: int = 1,
    baseline: bool = False,
) -> LoadResult:
    """Start the bot on the store (or the fixed-answer baseline), send the interactions at a
    steady rate, and time them."""
    questions = Questions.from_store(db_path)
    chooser = random.Random(seed)
    async with fake_discord() as fake:
        server = add_server(fake, "Load")
        people = [server.guild.add_member(fake.add_user(f"member{n}")) for n in range(members)]
        serving = running_baseline(fake.token) if baseline else running_bot(bot_settings(fake, db_path))
        async with serving:
            start = time.monotonic() + 0.1
            step = seconds / interactions
            records = await asyncio.gather(
                *(
                    one_interaction(
                        fake, server, people[n % members].id, start + n * step, questions.pick(chooser)
                    )
                    for n in range(interactions)
                )
            )
            elapsed = time.monotonic() - start
            await fake.wait_until(
                lambda: all(r.followups or r.callback is None or r.callback.type != 5 for r in records),
                timeout=WAIT_FOR_CALLBACK,
                what="every deferred answer followed up",
            )
    answered = [r for r in records if r.callback is not None]
    failures = sum(
        1
        for r in answered
        if "went wrong" in str((r.callback.data or {}).get("content"))
        or any("went wrong" in str(f.get("content")) for f in r.followups)
    )
    no_answer = sum(
        1
        for r in answered
        if "'title': 'No answer'" in str(r.callback.data)
        or any("'title': 'No answer'" in str(f) for f in r.followups)
    )
    return LoadResult(
        [r.latency for r in answered],
        len(records) - len(answered),
        failures,
        no_answer,
        sum(1 for r in answered if r.callback.type == 5),
        elapsed,
    )


# The ramp -------------------------------------------------------------------------------------


def percentile(latencies: list[float], share: float) -> float:
    ordered = sorted(latencies)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else float("inf")


@dataclass
class Step:
    """One rate of the ramp: what was sent, and what came back in time."""

    rate: int
    sent: int
    seconds: float  # from the first interaction sent to the last
    latencies: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=dict)  # answered ones, per command

    @property
    def answered(self) -> int:
        return len(self.latencies)

    def percentile(self, share: float) -> float:
        return percentile(self.latencies, share)

    @property
    def within_target(self) -> bool:
        return self.answered == self.sent and self.percentile(0.99) <= TARGET_P99

    def line(self) -> str:
        p50 = self.percentile(0.5) * 1000
        p99 = self.percentile(0.99) * 1000
        kinds = ", ".join(
            f"{kind} {percentile(latencies, 0.99) * 1000:.0f}"
            for kind, latencies in sorted(self.by_kind.items())
        )
        return (
            f"{self.rate:>5}/s  sent {self.sent:>6} ({self.sent / self.seconds:6.1f}/s)  "
            f"p50 {p50:8.1f} ms  p99 {p99:8.1f} ms  answered in 3 s {self.answered:>6}/{self.sent}"
            f"  {'ok' if self.within_target else 'over'}  (p99 ms by command: {kinds})"
        )


def ceiling(steps: list[Step]) -> int | None:
    """The highest rate with p99 <= 250 ms and every interaction answered."""
    return max((step.rate for step in steps if step.within_target), default=None)


def ramp_world(fake: FakeDiscord, servers: int, members: int) -> list[tuple[Server, list[int]]]:
    """Servers spread over the shards, the members spread over the servers."""
    world = []
    for number in range(servers):
        server = add_server(fake, f"Load{number}", shard=number % SHARDS)
        people = [
            server.guild.add_member(fake.add_user(f"m{number}-{n}")).id for n in range(members // servers)
        ]
        world.append((server, people))
    return world


async def send_one(
    fake: FakeDiscord, server: Server, member_id: int, question: tuple[str, str, dict]
) -> InteractionRecord:
    kind, name, options = question
    if kind == "autocomplete":
        return await fake.send_autocomplete(
            server.id, server.general.id, member_id, name, options, focused="device"
        )
    return await fake.send_command(server.id, server.general.id, member_id, name, options)


async def run_step(
    fake: FakeDiscord, world, questions: Questions, chooser: random.Random, rate: int, seconds: float
) -> Step:
    """Send `rate` interactions a second for `seconds`, round the members of every server; the
    callbacks are timed by the fake as they arrive, so nothing waits on each one here."""
    count = int(rate * seconds)
    people = [(server, member) for server, members in world for member in members]
    chooser.shuffle(people)
    start = time.monotonic() + 0.05
    sending: list[asyncio.Task] = []
    kinds: list[str] = []
    for n in range(count):
        delay = start + n / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        server, member = people[n % len(people)]
        question = questions.pick(chooser)
        kinds.append(question[0])
        sending.append(asyncio.create_task(send_one(fake, server, member, question)))
    records = await asyncio.gather(*sending)
    sent_for = time.monotonic() - start
    # A callback can come until Discord's deadline after the last interaction; none counts later.
    settle = time.monotonic() + DISCORD_DEADLINE + 0.5
    while time.monotonic() < settle and any(r.callback is None for r in records):
        await asyncio.sleep(0.05)
    step = Step(rate, count, sent_for)
    for kind, record in zip(kinds, records, strict=False):
        if record.callback is not None:
            step.latencies.append(record.latency)
            step.by_kind.setdefault(kind, []).append(record.latency)
    return step


def baseline_process(fake: FakeDiscord, db_path: Path, folder: Path) -> BotProcess:
    command = [sys.executable, str(Path(__file__).resolve()), "--serve-baseline"]
    folder.mkdir(parents=True, exist_ok=True)
    return BotProcess("baseline", command, bot_environment(fake, db_path), folder / "baseline.log")


def config_processes(config: str, fake: FakeDiscord, db_path: Path, folder: Path) -> list[BotProcess]:
    if config == "baseline":
        return [baseline_process(fake, db_path, folder)]
    if config == "one":
        return [bot_process(fake, db_path, folder, (0,), 1, name="one")]
    return [
        bot_process(fake, db_path, folder, (0, 1), SHARDS, name="two-a"),
        bot_process(fake, db_path, folder, (2, 3), SHARDS, name="two-b"),
    ]


async def run_ramp(
    db_path: Path,
    config: str,
    *,
    rates=RATES,
    step_seconds: float = STEP_SECONDS,
    members: int = RAMP_MEMBERS,
    servers: int = RAMP_SERVERS,
    seed: int = 1,
    logs: Path = Path("/tmp/receipts-load-logs"),
    report=print,
) -> list[Step]:
    """The ramp against one configuration; each step reported as it ends."""
    questions = Questions.from_store(db_path)
    chooser = random.Random(seed)
    steps: list[Step] = []
    async with fake_discord(shards=SHARDS, max_concurrency=SHARDS, check_api=False) as fake:
        world = ramp_world(fake, servers, members)
        processes = config_processes(config, fake, db_path, logs)
        try:
            await asyncio.gather(*(process.start(fake) for process in processes))
            # Not counted: the first answers of a fresh process read a cold store.
            await run_step(fake, world, questions, chooser, rates[0], WARM_UP_SECONDS)
            for rate in rates:
                step = await run_step(fake, world, questions, chooser, rate, step_seconds)
                steps.append(step)
                report(f"  {config:<8} {step.line()}")
                if step.answered < step.sent * SATURATED:
                    report(f"  {config:<8} saturated: the higher rates are not run")
                    break
                await asyncio.sleep(1.0)  # let the bot drain what is still in hand
        finally:
            for process in processes:
                await process.stop()
    return steps


def serve_baseline() -> int:
    """`--serve-baseline`: the fixed-answer bot as a process of its own, configured as
    `python -m bot run` is (the fake's urls and token from the environment)."""
    from bot.settings import Settings
    from commands.client import point_discord_at

    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    settings = Settings.from_env()
    point_discord_at(settings)
    bot = FixedAnswerBot()

    @bot.event
    async def on_ready() -> None:
        logging.getLogger("baseline").info("connected as %s", bot.user)

    bot.run(settings.discord_token, log_handler=None)
    return 0


def print_ramp(results: dict[str, list[Step]], load: str) -> None:
    print(
        f"\nThe ceiling ({load}): the highest rate with p99 <= {TARGET_P99 * 1000:.0f} ms "
        f"and every interaction answered within 3 s"
    )
    for config, steps in results.items():
        highest = ceiling(steps)
        print(f"  {config:<8} " + (f"{highest}/s" if highest else f"below {steps[0].rate}/s"))
    baseline = {step.rate: step for step in results.get("baseline", [])}
    for config, steps in results.items():
        if config == "baseline":
            continue
        for step in steps:
            base = baseline.get(step.rate)
            if base and base.latencies and step.latencies:
                p50_ratio = step.percentile(0.5) / base.percentile(0.5)
                print(
                    f"  {config:<8} {step.rate:>4}/s  p50 {p50_ratio:6.1f}x"
                    f"  p99 {step.percentile(0.99) / base.percentile(0.99):6.1f}x the baseline's"
                )


def ramp_main(args: argparse.Namespace) -> int:
    rates = [int(rate) for rate in args.rates.split(",")]
    configs = args.configs.split(",")
    results: dict[str, list[Step]] = {}
    for config in configs:
        print(
            f"{config}: {', '.join(map(str, rates))} interactions/s, {args.step_seconds:g} s each, "
            f"{args.members} members in {args.servers} servers",
            flush=True,
        )
        results[config] = asyncio.run(
            run_ramp(
                args.db,
                config,
                rates=rates,
                step_seconds=args.step_seconds,
                members=args.members,
                servers=args.servers,
                report=lambda line: print(line, flush=True),
            )
        )
    load = f"load average {' '.join(f'{n:.2f}' for n in os.getloadavg())} at the end"
    print_ramp(results, load)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/receipts-load.db"))
    parser.add_argument("--reuse", action="store_true", help="use the store at --db as it is")
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--claims", type=int, default=CLAIMS)
    parser.add_argument(
        "--rates",
        default=",".join(map(str, RATES)),
        help="the interactions a second of each step (default: %(default)s)",
    )
    parser.add_argument("--step-seconds", type=float, default=STEP_SECONDS)
    parser.add_argument("--members", type=int, default=RAMP_MEMBERS)
    parser.add_argument("--servers", type=int, default=RAMP_SERVERS)
    parser.add_argument(
        "--configs",
        default=",".join(CONFIGS),
        help="which of baseline, one, two to ramp (default: %(default)s)",
    )
    parser.add_argument(
        "--single",
        action="store_true",
        help="the older single run instead: 500 interactions over 10 s from 20 "
        "members, bot and fake in this one process",
    )
    parser.add_argument("--serve-baseline", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_baseline:
        return serve_baseline()
    logging.basicConfig(level=logging.WARNING)
    if not (args.reuse and args.db.exists()):
        taken = make_store(args.db, args.articles, args.claims)
        print(f"made {args.db}: {args.articles:,} articles, {args.claims:,} claims in {taken:.1f} s")
    if not args.single:
        return ramp_main(args)
    load = dict(interactions=500, seconds=10.0, members=20)
    baseline = asyncio.run(run_load(args.db, baseline=True, **load))
    result = asyncio.run(run_load(args.db, **load))
    print("baseline (fixed answers, no store):", baseline.summary())
    print("Receipts:", result.summary())
    p50_ratio = statistics.median(result.latencies) / statistics.median(baseline.latencies)
    print(
        f"ratios Receipts/baseline: p50 {p50_ratio:.1f}x, "
        f"p99 {result.percentile(0.99) / baseline.percentile(0.99):.1f}x"
    )
    return 0 if result.within_deadline == result.sent and not result.failures else 1


if __name__ == "__main__":
    sys.exit(main())
