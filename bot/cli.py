"""The command line, `python -m bot` (or `receipts`): the same code paths the Discord bot uses."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sqlite3
import sys
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path

from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape

from bot.articles import ArticleError, read_article_file
from bot.errors import UsageError, UserError
from bot.ingest import expand_inputs, ingest_paths, ingest_urls, is_url, redate_article, seed_store
from bot.settings import Settings
from bot.store import Store, store_error

PROGRESS_FROM = 10
COMMAND_ENTRY_POINTS = "receipts.commands"
DISCORD_SIDE_COMMANDS = ("run", "sync")
log = logging.getLogger("receipts.cli")


@lru_cache(maxsize=1)
def stderr_console() -> Console:
    """The one console of standard error: the progress bar, log lines and errors all go through
    it, so in a terminal a log line is printed above the bar instead of tearing it."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


class ConsoleLogHandler(RichHandler):
    """Log lines as `LEVEL: message` through the shared console (above any progress bar)."""

    def __init__(self, console: Console, level: str):
        super().__init__(
            level=level,
            console=console,
            show_time=False,
            show_path=False,
            show_level=False,
            markup=False,
            highlighter=None,
            rich_tracebacks=False,
        )

    def render_message(self, record: logging.LogRecord, message: str):
        return super().render_message(record, f"{record.levelname}: {message}")


def set_up_logging(level: str) -> None:
    """Plain `LEVEL: message` lines on standard error; in a terminal through the shared console.

    Called once per run of `main`; the handler of an earlier run (tests call `main` more than
    once in a process) is replaced, other handlers are left alone."""
    root = logging.getLogger()
    for earlier in list(root.handlers):
        if getattr(earlier, "receipts_cli", False):
            root.removeHandler(earlier)
    console = stderr_console()
    if console.is_terminal:
        handler: logging.Handler = ConsoleLogHandler(console, level)
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    setattr(handler, "receipts_cli", True)  # noqa: B010 (logging.Handler declares no such attribute)
    root.addHandler(handler)
    root.setLevel(level)


def _stderr() -> Console:
    return stderr_console()


def open_store(args: argparse.Namespace, settings: Settings) -> Store:
    """The store the command names; a new one is filled from the seeds unless told not to."""
    path = Path(args.db) if args.db else settings.db_path
    new = not path.exists()
    store = Store(path)
    if new and not args.no_seeds and store.is_empty():
        report = seed_store(store)
        _stderr().print(f"[dim]New store {path}: {report.summary()} from the seed articles.[/dim]")
    return store


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    """Print the claims of articles; nothing is stored."""
    from bot.extract import ExtractionError, extract

    files, problems = expand_inputs([Path(p) for p in args.files])
    failures = [problem.reason for problem in problems]
    out = Console(highlight=False, soft_wrap=True)
    for path in files:
        try:
            article = read_article_file(path)
        except (ArticleError, OSError) as error:
            failures.append(str(error))
            continue
        try:
            claims = extract(article)
        except ExtractionError as error:
            failures.append(f"{path}: its claims could not be read ({error})")
            continue
        if args.json:
            for claim in claims:
                sys.stdout.write(json.dumps(claim.to_json(), ensure_ascii=False) + "\n")
        else:
            out.print(
                f"[bold]{article.id}[/bold]  published {article.published or 'unknown'} "
                f"({article.published_basis})"
            )
            for claim in claims:
                out.print(
                    f"  {claim.subject} · {claim.attribute} = [bold]{claim.value}[/bold] "
                    f"({claim.status})  [dim]“{claim.quote}”[/dim]"
                )
            if not claims:
                out.print("  no claims found")
    for failure in failures:
        log.warning("not read: %s", failure)
    return 1 if failures else 0


def cmd_evaluate(args: argparse.Namespace, settings: Settings) -> int:
    """Score the extractor on labelled articles (README, "Measuring the extractor")."""
    from bot import evaluate

    if bool(args.articles) == bool(args.claims):
        raise UsageError("evaluate scores ARTICLE files or a --claims FILE: give one of the two")
    files, problems = expand_inputs([Path(p) for p in args.articles])
    failures = [problem.reason for problem in problems]
    gold = evaluate.load_gold(Path(args.gold))
    dates = evaluate.load_dates(Path(args.dates)) if args.dates else None
    if args.claims:
        claims = evaluate.load_claims(Path(args.claims))
    else:
        claims, read, not_read = evaluate.extracted_claims(files)
        failures += not_read
        unlabelled = sorted({line["article"] for line in gold} - set(read))
        if unlabelled:
            log.warning(
                "not among the articles given, so every line of theirs is a miss: %s", ", ".join(unlabelled)
            )
    result = evaluate.evaluate(gold, claims, dates)
    if args.json:
        print(json.dumps(result.to_json(with_misses=args.misses), ensure_ascii=False, indent=2))
    else:
        wide = None if sys.stdout.isatty() else evaluate.REPORT_WIDTH
        evaluate.print_evaluation(result, Console(highlight=False, width=wide), with_misses=args.misses)
    for failure in failures:
        log.warning("not read: %s", failure)
    return 1 if failures else 0


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Store articles and their claims; a summary says what was stored, duplicated or failed."""
    from rich.progress import Progress

    store = open_store(args, settings)
    urls = [given for given in args.paths if is_url(given)]
    paths = [Path(p) for p in args.paths if not is_url(p)]
    files, _ = expand_inputs(paths)
    with (
        store,
        Progress(
            console=_stderr(), transient=True, disable=len(files) + len(urls) < PROGRESS_FROM
        ) as progress,
    ):
        task = progress.add_task("Ingesting", total=len(files) + len(urls))
        report = ingest_paths(store, paths, on_file=lambda _: progress.advance(task))
        if urls and not report.stopped:
            report.outcomes += ingest_urls(
                store,
                urls,
                allow_private=settings.allow_private_urls,
                on_url=lambda _: progress.advance(task),
            ).outcomes
    print(report.summary().capitalize())
    if report.stopped:
        _stderr().print(
            f"[red]error:[/red] {report.stopped}; the ingest stopped after "
            f"{len(report.outcomes)} of {len(report.outcomes) + report.not_tried} "
            f"files (the summary above says what was stored)"
        )
    return 1 if report.failed else 0


def cmd_redate(args: argparse.Namespace, settings: Settings) -> int:
    """Correct a stored article's date; its claims are read again against the new date."""
    with open_store(args, settings) as store:
        result = redate_article(store, args.article, args.date)
    print(
        f"Redated {result.article_id}: {result.was or 'unknown'} -> {result.published}; "
        f"claims read again: {result.claims_before} before, {result.claims} now"
    )
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer a slash command from the store, as Discord would show it."""
    from bot.answers import run_query
    from bot.answers.render_terminal import print_answer

    with open_store(args, settings) as store:
        answer = run_query(store, args.query)
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
    else:
        print_answer(answer, Console(highlight=False))
    return 0 if answer.ok else 1


def cmd_articles(args: argparse.Namespace, settings: Settings) -> int:
    """A server's articles, as `/article list` shows them there."""
    from bot.moderation import list_articles
    from bot.terminal import print_article_list

    with open_store(args, settings) as store:
        articles = list_articles(store, args.guild)
    print_article_list(articles, Console(highlight=False))
    return 0


def cmd_digest_preview(args: argparse.Namespace, settings: Settings) -> int:
    """What a server's next digests would hold, as `/digest preview` shows them there."""
    from bot.digests import preview
    from bot.terminal import print_digest

    with open_store(args, settings) as store:
        digests = preview(store, guild_id=args.guild, channel_id=args.channel)
    out = Console(highlight=False)
    if not digests:
        raise UserError(
            f"server {args.guild} has no digest"
            + (f" in channel {args.channel}" if args.channel else "")
            + " to preview; moderators start one with /digest subscribe"
        )
    for number, digest in enumerate(digests):
        if number:
            out.print()
        print_digest(digest, out)
    return 0


def cmd_console(args: argparse.Namespace, settings: Settings) -> int:
    """An interactive prompt taking the slash commands, with device names completed by Tab."""
    from bot.answers.console import run_console

    with open_store(args, settings) as store:
        return run_console(store, Console(highlight=False))


def add_installed_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """The commands other installed packages add: the Discord side adds `run` (commands/run.py).

    Declared as `receipts.commands` entry points in pyproject.toml, so that the core starts the
    Discord client without importing the Discord side.
    """
    installed = sorted(entry_points(group=COMMAND_ENTRY_POINTS), key=lambda entry: entry.name)
    for entry in installed:
        entry.load()(commands, common)
    if not installed:  # an install made before the entry point existed: say how to fix it
        for name in DISCORD_SIDE_COMMANDS:
            missing = commands.add_parser(name, parents=[common], help="(not installed)")
            missing.set_defaults(handler=_discord_side_missing)


def _discord_side_missing(args: argparse.Namespace, settings: Settings) -> int:
    raise UsageError(
        f"`{args.command}` comes with the Discord side, which this install does not "
        f"declare; install the project again (pip install -e .) and retry"
    )


def cmd_feeds(args: argparse.Namespace, settings: Settings) -> int:
    """Follow, list, remove and poll the command line's feeds."""
    from bot.feeds.console import run_feeds_command

    out = Console(highlight=False, soft_wrap=True)
    with open_store(args, settings) as store:
        return run_feeds_command(
            store,
            args,
            allow_private=settings.allow_private_urls,
            tick=settings.feed_tick,
            say=lambda text: out.print(text, markup=False),
        )


def _add_feeds_parser(commands, common: argparse.ArgumentParser) -> None:
    from bot.feeds.subscriptions import DEFAULT_BACKFILL, DEFAULT_INTERVAL_MINUTES

    feeds = commands.add_parser(
        "feeds", parents=[common], help="follow news feeds: their new entries become articles"
    )
    actions = feeds.add_subparsers(dest="feeds_command", required=True, metavar="ACTION")
    add = actions.add_parser("add", parents=[common], help="follow an RSS, Atom or JSON feed")
    add.add_argument("url")
    add.add_argument(
        "--backfill",
        type=int,
        default=DEFAULT_BACKFILL,
        metavar="N",
        help=f"store the N newest entries already in the feed "
        f"(default {DEFAULT_BACKFILL}); the others are left out",
    )
    add.add_argument(
        "--interval",
        type=int,
        default=DEFAULT_INTERVAL_MINUTES,
        metavar="MIN",
        help=f"minutes between polls, at least 5 (default {DEFAULT_INTERVAL_MINUTES})",
    )
    actions.add_parser("list", parents=[common], help="the feeds followed and how each is doing")
    remove = actions.add_parser("remove", parents=[common], help="stop following a feed")
    remove.add_argument("feed", help="its number (see feeds list) or url")
    poll = actions.add_parser(
        "poll", parents=[common], help="poll the due feeds now (or the ones named, resuming them)"
    )
    poll.add_argument("feeds", nargs="*", metavar="FEED", help="numbers or urls; default: all due")
    poll.add_argument("--watch", action="store_true", help="keep polling, as `run` does, until Ctrl+C")
    feeds.set_defaults(handler=cmd_feeds)


def build_parser() -> argparse.ArgumentParser:
    """Every command of `python -m bot`, and those installed packages add (`run`, `sync`)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="the claim store (default: $RECEIPTS_DB, else data/claims.db)",
    )
    common.add_argument(
        "--no-seeds",
        action="store_true",
        default=argparse.SUPPRESS,
        help="leave a new store empty instead of filling it from seeds/",
    )
    parser = argparse.ArgumentParser(
        prog="receipts",
        parents=[common],
        description="Receipts: what is known about a phone, and who said it.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", parents=[common], help="print the claims of articles")
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument("--json", action="store_true", help="one JSON claim a line")
    extract.set_defaults(handler=cmd_extract)

    evaluate = commands.add_parser(
        "evaluate",
        parents=[common],
        help="score the extractor against gold claims",
        description="Extract the articles (as `extract` does) and score the claims against a gold "
        'file: one expected claim a JSON line (README, "Measuring the extractor").',
    )
    evaluate.add_argument("gold", metavar="GOLD", help="the gold file (JSON lines)")
    evaluate.add_argument("articles", nargs="*", metavar="ARTICLE", help="article files or folders")
    evaluate.add_argument(
        "--claims", metavar="FILE", help="score this `extract --json` output instead of extracting articles"
    )
    evaluate.add_argument("--dates", metavar="FILE", help="the expected publication dates (JSON lines)")
    evaluate.add_argument("--misses", action="store_true", help="list every miss and false claim")
    evaluate.add_argument("--json", action="store_true", help="the figures as JSON")
    evaluate.set_defaults(handler=cmd_evaluate)

    ingest = commands.add_parser("ingest", parents=[common], help="store articles and their claims")
    ingest.add_argument(
        "paths",
        nargs="+",
        metavar="FILE|DIR|URL",
        help="article files, folders of them, or urls of pages to fetch",
    )
    ingest.set_defaults(handler=cmd_ingest)

    redate = commands.add_parser(
        "redate", parents=[common], help="correct a stored article's date; its claims are read again"
    )
    redate.add_argument(
        "article", metavar="ARTICLE_ID", help="the article's id, as ingest and /sources show it"
    )
    redate.add_argument("date", metavar="DATE", help="the date it was published, YYYY-MM-DD")
    redate.set_defaults(handler=cmd_redate)

    ask = commands.add_parser("ask", parents=[common], help='answer a command, e.g. "/spec 12S Ultra"')
    ask.add_argument("query", help='a slash command as typed in Discord, e.g. "/timeline 12S Ultra"')
    ask.add_argument("--json", action="store_true", help="the answer as JSON (CLAIMS.md)")
    ask.set_defaults(handler=cmd_ask)

    articles = commands.add_parser(
        "articles", parents=[common], help="a server's articles, as /article list shows them"
    )
    articles.add_argument("--guild", type=int, required=True, metavar="ID", help="the server")
    articles.set_defaults(handler=cmd_articles)

    digest_preview = commands.add_parser(
        "digest-preview",
        parents=[common],
        help="what a server's next digest would hold, as /digest preview shows it",
    )
    digest_preview.add_argument("--guild", type=int, required=True, metavar="ID", help="the server")
    digest_preview.add_argument("--channel", type=int, metavar="ID", help="only this channel's digest")
    digest_preview.set_defaults(handler=cmd_digest_preview)

    console = commands.add_parser(
        "console", parents=[common], help="type the slash commands at a prompt, with completion"
    )
    console.set_defaults(handler=cmd_console)

    _add_feeds_parser(commands, common)

    add_installed_commands(commands, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    """`python -m bot`: run one command; its exit code (a `UserError` answered here)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.db = getattr(args, "db", None)
    args.no_seeds = getattr(args, "no_seeds", False)
    try:
        settings = Settings.from_env()
    except UserError as error:
        return report_user_error(error)
    set_up_logging(settings.log_level)
    try:
        return args.handler(args, settings)
    except UserError as error:
        return report_user_error(error)
    except sqlite3.DatabaseError as error:
        # A store can open and fail later, where its pages are read (a truncated file).
        path = Path(args.db) if args.db else settings.db_path
        return report_user_error(store_error(error, path))


def report_user_error(error: UserError) -> int:
    """The one place the command line answers a `UserError`: one sentence on standard error, the
    traceback only with LOG_LEVEL=DEBUG; returns the exit code (2 usage, 1 failure)."""
    context = f" ({error.context})" if error.context else ""
    _stderr().print(f"[red]error:[/red] {escape(str(error))}{context}")
    if os.environ.get("LOG_LEVEL", "").strip().upper() == "DEBUG":
        log.debug("the error's traceback", exc_info=error)
    return error.exit_code
