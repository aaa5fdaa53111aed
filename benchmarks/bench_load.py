"""Load on the real bot through the fake Discord: 500 interactions over 10 s from 20 members
against a store of 10,000 articles; each must be answered within Discord's 3 s (target: p99
<= 250 ms), timed from the INTERACTION_CREATE sent to the callback received.

The mix is what members do: /spec, /timeline, /sources, /search, /claim and device autocomplete,
on devices picked from the store. Everything (fake, bot, members) runs in one process and one
event loop, as in the test that runs this in CI (tests/e2e/test_e2e_load.py).

The baseline, measured in the same run on the same schedule: a bare discord.py bot with the same
commands answering at once with a fixed embed and no store, so what the fake, the event loop and
discord.py cost is seen apart from what Receipts adds.

    python benchmarks/bench_load.py                     # make /tmp/receipts-load.db, run, print
    python benchmarks/bench_load.py --reuse             # run again on the same store
    python benchmarks/bench_load.py --interactions 1000 --seconds 10 --members 50
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import statistics
import sys
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import discord
from discord import app_commands
from discord.ext import commands

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_answers import generate  # noqa: E402
from bot.store import Store  # noqa: E402
from tests.e2e.helpers import DISCORD_DEADLINE, Server, add_server, bot_settings, fake_discord, running_bot  # noqa: E402
from tests.fakediscord import FakeDiscord, InteractionRecord  # noqa: E402

ARTICLES = 10_000
CLAIMS = 50_000
WAIT_FOR_CALLBACK = 5.0  # longer than Discord's 3 s, so a late answer is measured, not lost
MIX = (("spec", 5), ("timeline", 2), ("sources", 1), ("search", 1), ("claim", 1), ("autocomplete", 2))


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
            shared = ("FROM claims c JOIN articles a ON a.id = c.article_id "
                      "JOIN subjects s ON s.id = c.subject_id WHERE a.guild_id IS NULL")  # seen everywhere
            devices = [row[0] for row in store.db.execute(
                f"SELECT DISTINCT s.name {shared} AND s.kind = 'device' ORDER BY c.id LIMIT 300")]
            quotes = [row[0] for row in
                      store.db.execute(f"SELECT c.quote {shared} ORDER BY c.id LIMIT 300")]
            claim_ids = [row[0] for row in
                         store.db.execute(f"SELECT c.id {shared} ORDER BY random() LIMIT 300")]
        words = sorted({word for quote in quotes for word in quote.split()
                        if len(word) > 5 and word.isalpha()})
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
        return (f"{self.sent} interactions in {self.elapsed:.1f} s: p50 "
                f"{statistics.median(self.latencies) * 1000:.1f} ms, p99 "
                f"{self.percentile(0.99) * 1000:.1f} ms, max {max(self.latencies) * 1000:.1f} ms; "
                f"{self.within_deadline}/{self.sent} answered within 3 s, {self.deferred} deferred, "
                f"{self.unanswered} unanswered, {self.failures} failures, {self.no_answer} "
                f"\"No answer\"")


async def one_interaction(fake: FakeDiscord, server: Server, member_id: int, at: float,
                          question: tuple[str, str, dict]) -> InteractionRecord:
    """Send at the scheduled moment; the record, with its callback if one came in time."""
    await asyncio.sleep(max(0.0, at - time.monotonic()))
    kind, name, options = question
    if kind == "autocomplete":
        record = await fake.send_autocomplete(server.id, server.general.id, member_id, name, options,
                                              focused="device")
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
        super().__init__(command_prefix=commands.when_mentioned, intents=intents,
                         guild_ready_timeout=0.05)
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


async def run_load(db_path: Path, *, interactions: int = 500, seconds: float = 10.0,
                   members: int = 20, seed: int = 1, baseline: bool = False) -> LoadResult:
    """Start the bot on the store (or the fixed-answer baseline), send the interactions at a
    steady rate, and time them."""
    questions = Questions.from_store(db_path)
    chooser = random.Random(seed)
    async with fake_discord() as fake:
        server = add_server(fake, "Load")
        people = [server.guild.add_member(fake.add_user(f"member{n}")) for n in range(members)]
        serving = (running_baseline(fake.token) if baseline
                   else running_bot(bot_settings(fake, db_path)))
        async with serving:
            start = time.monotonic() + 0.1
            step = seconds / interactions
            records = await asyncio.gather(*(
                one_interaction(fake, server, people[n % members].id, start + n * step,
                                questions.pick(chooser))
                for n in range(interactions)))
            elapsed = time.monotonic() - start
            await fake.wait_until(lambda: all(r.followups or r.callback is None or r.callback.type != 5
                                              for r in records), timeout=WAIT_FOR_CALLBACK,
                                  what="every deferred answer followed up")
    answered = [r for r in records if r.callback is not None]
    failures = sum(1 for r in answered
                   if "went wrong" in str((r.callback.data or {}).get("content"))
                   or any("went wrong" in str(f.get("content")) for f in r.followups))
    no_answer = sum(1 for r in answered if "'title': 'No answer'" in str(r.callback.data)
                    or any("'title': 'No answer'" in str(f) for f in r.followups))
    return LoadResult([r.latency for r in answered], len(records) - len(answered), failures,
                      no_answer, sum(1 for r in answered if r.callback.type == 5), elapsed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/receipts-load.db"))
    parser.add_argument("--reuse", action="store_true", help="use the store at --db as it is")
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--claims", type=int, default=CLAIMS)
    parser.add_argument("--interactions", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--members", type=int, default=20)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if not (args.reuse and args.db.exists()):
        taken = make_store(args.db, args.articles, args.claims)
        print(f"made {args.db}: {args.articles:,} articles, {args.claims:,} claims in {taken:.1f} s")
    load = dict(interactions=args.interactions, seconds=args.seconds, members=args.members)
    baseline = asyncio.run(run_load(args.db, baseline=True, **load))
    result = asyncio.run(run_load(args.db, **load))
    print("baseline (fixed answers, no store):", baseline.summary())
    print("Receipts:", result.summary())
    p50_ratio = statistics.median(result.latencies) / statistics.median(baseline.latencies)
    print(f"ratios Receipts/baseline: p50 {p50_ratio:.1f}x, "
          f"p99 {result.percentile(0.99) / baseline.percentile(0.99):.1f}x")
    return 0 if result.within_deadline == result.sent and not result.failures else 1


if __name__ == "__main__":
    sys.exit(main())
