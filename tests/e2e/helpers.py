"""Starting the real ReceiptsBot as `python -m bot run` does, against the fake Discord, and
acting and looking as a member does.

Production opens the store with `open_bot_store`, builds `ReceiptsBot(settings, store)` and
calls `start`; so does `running_bot`, with the settings' Discord urls pointing at the fake and no
dev guild (commands are synced globally, as in production, so every server of the fake has them).
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from bot.settings import Settings
from bot.store import Store
from commands.client import ReceiptsBot, open_bot_store
from tests.fakediscord import FakeDiscord, Guild, InteractionRecord, Member, Permission, point_discord_py_at
from tests.fakediscord.api_spec import discord_api
from tests.fakediscord.records import Callback

ANSWER_TIMEOUT = 5.0  # how long a test waits; Discord's own 3 s is asserted where it matters
DEFERRED = 5
DISCORD_DEADLINE = 3.0


def copy_store(source: Path, target: Path) -> Path:
    """A consistent copy of a store file (its WAL included), with SQLite's backup."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


def bot_settings(fake: FakeDiscord, db_path: Path, **overrides) -> Settings:
    settings = Settings(
        discord_token=fake.token,
        db_path=db_path,
        dev_guild=None,
        log_level="INFO",
        discord_api=fake.api_base,
        discord_gateway=fake.gateway_url,
        discord_cdn=fake.url + "/cdn",
        allow_private_urls=True,
        digest_interval=0.05,
    )
    return replace(settings, **overrides)


@asynccontextmanager
async def running_bot(settings: Settings) -> AsyncIterator[ReceiptsBot]:
    """The bot connected and ready (its tree synced); closed, and its task awaited, after."""
    store = open_bot_store(settings)
    bot = ReceiptsBot(settings, store, guild_ready_timeout=0.05)
    running = asyncio.create_task(bot.start(settings.discord_token))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), ANSWER_TIMEOUT)
        yield bot
    finally:
        await bot.close()
        await running
        store.close()


@asynccontextmanager
async def fake_discord(*, check_api: bool = True, **options) -> AsyncIterator[FakeDiscord]:
    """A started fake (`options` go to FakeDiscord) with discord.py pointed at it. Afterwards the
    fake must have served every request it got without failing itself (a route it lacks would
    hide a bot failure), and every request the bot sent and every answer the fake gave must
    follow Discord's API description (unless `check_api` is off: a benchmark's tens of thousands
    of requests take minutes to check, and the tests check the same requests)."""
    async with FakeDiscord(**options) as fake:
        undo = point_discord_py_at(fake)
        try:
            yield fake
        finally:
            undo()
        assert fake.errors == [], fake.errors
        assert fake.requests.unhandled == [], [f"{r.method} {r.path}" for r in fake.requests.unhandled]
        if check_api:
            violations = discord_api().violations(fake.requests)
            assert violations == [], "\n".join(map(str, violations))


@dataclass
class Server:
    """A guild of the fake and the people the tests act as."""

    guild: Guild
    general: object
    moderator: Member  # Manage Messages, through a role
    member: Member  # @everyone only: no Manage Messages, no Manage Server

    @property
    def id(self) -> int:
        return self.guild.id


def add_server(fake: FakeDiscord, name: str, shard: int | None = None) -> Server:
    guild = fake.add_guild(name, shard=shard)
    general = guild.add_channel("general")
    mods = guild.add_role("Mods", Permission.MANAGE_MESSAGES)
    moderator = guild.add_member(fake.add_user(f"{name}-mod"), roles=[mods])
    member = guild.add_member(fake.add_user(f"{name}-member"))
    return Server(guild, general, moderator, member)


async def run_command(
    fake: FakeDiscord, server: Server, user: Member, name: str, options: dict | None = None, channel=None
) -> tuple[InteractionRecord, Callback]:
    """A member runs a slash command; the interaction and the bot's callback."""
    record = await fake.send_command(server.id, (channel or server.general).id, user.id, name, options or {})
    return record, await fake.wait_for_callback(record, timeout=ANSWER_TIMEOUT)


async def answer_message(fake: FakeDiscord, record: InteractionRecord) -> dict:
    """The message answering an interaction: the callback's, or after a deferral the follow-up."""
    callback = await fake.wait_for_callback(record, timeout=ANSWER_TIMEOUT)
    if callback.type == DEFERRED:
        return (await fake.wait_for_followups(record, timeout=ANSWER_TIMEOUT))[0]
    assert record.original is not None, callback
    return record.original


async def ask(
    fake: FakeDiscord, server: Server, user: Member, name: str, options: dict | None = None
) -> dict:
    record, _ = await run_command(fake, server, user, name, options)
    return await answer_message(fake, record)


def embed_text(message: dict) -> str:
    """What a reader sees of a message: its content and every embed's text."""
    parts = [message.get("content") or ""]
    for embed in message["embeds"]:
        parts += [
            (embed.get("author") or {}).get("name", ""),
            embed.get("title", ""),
            embed.get("description", ""),
            (embed.get("footer") or {}).get("text", ""),
        ]
        parts += [f"{field['name']}\n{field['value']}" for field in embed.get("fields") or []]
    return "\n".join(parts)


# Receipts --------------------------------------------------------------------------------------

QUOTE_LINE = re.compile(r"^> “(?P<quote>.+)”$")
RECEIPT_LINE = re.compile(r"^— (?P<parts>.+)$")
SHOWN_DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")
CLAIM_PART = re.compile(r"^claim #(\d+)$")
ELLIPSIS = "…"


def unescape(text: str) -> str:
    """Markdown-escaped text as the reader sees it."""
    return re.sub(r"\\(.)", r"\1", text)


def squeeze(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Receipt:
    """One block of an answer: the quote, the source and the date it shows, and its claim."""

    quote: str
    source: str
    date: str
    claim_id: int | None


def receipts_of(message: dict) -> list[Receipt]:
    """Every block of every embed of an answer, each required to show a quote, then a source and
    a date; notes (a block in italics) are the only blocks without."""
    found = []
    for embed in message["embeds"]:
        for block in embed.get("description", "").split("\n\n"):
            if block.startswith("*") and not block.startswith("**"):
                continue  # a note on how the answer was reached
            lines = block.split("\n")
            quotes = [m for m in map(QUOTE_LINE.match, lines) if m]
            tails = [m for m in map(RECEIPT_LINE.match, lines) if m]
            assert len(quotes) == 1 and len(tails) == 1, f"a block without its receipt:\n{block}"
            source, date, *rest = [unescape(part) for part in tails[0]["parts"].split(" · ")]
            claim_ids = [int(m.group(1)) for m in map(CLAIM_PART.match, rest) if m]
            found.append(
                Receipt(unescape(quotes[0]["quote"]), source, date, claim_ids[0] if claim_ids else None)
            )
    return found


def assert_receipts_are_true(message: dict, store: Store) -> list[Receipt]:
    """Every block carries a quote, a source and a date, and they are the stored claim's: the
    quote is its article's words, the date its article's date."""
    receipts = receipts_of(message)
    assert receipts, f"an answer without a single receipt: {message['embeds']}"
    for receipt in receipts:
        assert receipt.quote.strip() and receipt.source.strip(), receipt
        assert SHOWN_DATE.match(receipt.date), f"no date in {receipt}"
        if receipt.claim_id is None:
            continue
        quote, published, body = store.db.execute(
            "SELECT c.quote, a.published, a.body FROM claims c JOIN articles a "
            "ON a.id = c.article_id WHERE c.id = ?",
            [receipt.claim_id],
        ).fetchone()
        shown = squeeze(receipt.quote).removesuffix(ELLIPSIS)
        assert squeeze(quote).startswith(shown) and shown in squeeze(body), receipt
        assert receipt.date == published, (receipt, published)
    return receipts


# Articles pasted by a moderator -----------------------------------------------------------------


def text_inputs(modal: dict) -> list[str]:
    """The custom ids of a modal's text inputs, in the order shown."""
    found = []
    for component in modal["components"]:
        children = component.get("components") or [component["component"]]
        found += [child["custom_id"] for child in children if child["type"] == 4]
    return found


async def paste_article(
    fake: FakeDiscord, server: Server, text: str, *, title: str = "", published: str = "", url: str = ""
) -> dict:
    """A moderator runs /article add with nothing, fills in the form and submits it; the reply."""
    opened, callback = await run_command(fake, server, server.moderator, "article add")
    assert callback.type == 9, f"/article add opened no form: {callback}"
    url_input, title_input, date_input, text_input = text_inputs(callback.data)
    submitted = await fake.submit_modal(
        callback.data["custom_id"],
        {url_input: url, title_input: title, date_input: published, text_input: text},
    )
    return await answer_message(fake, submitted)
