"""The command line, `python -m bot` (or `receipts`): the same code paths the Discord bot uses."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from rich.console import Console

from bot.articles import ArticleError, read_article_file
from bot.ingest import expand_inputs, ingest_paths, seed_store
from bot.settings import Settings
from bot.store import Store, StoreError

TOKEN_HELP = """\
No Discord token: set DISCORD_TOKEN in the environment or in a .env file.

To get one: open https://discord.com/developers/applications, create an application,
open "Bot", press "Reset Token" and copy it into .env as DISCORD_TOKEN=...
Invite the bot with the scopes `bot` and `applications.commands` (see README.md).

Without Discord, `python -m bot ask "/spec 12S Ultra"` and `python -m bot console` answer
from the same store."""

PROGRESS_FROM = 10
log = logging.getLogger("receipts.cli")


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)  # a file name is never broken across lines


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
    from bot.extract import extract

    files, problems = expand_inputs([Path(p) for p in args.files])
    failures = [problem.reason for problem in problems]
    out = Console(highlight=False, soft_wrap=True)
    for path in files:
        try:
            article = read_article_file(path)
        except (ArticleError, OSError) as error:
            failures.append(str(error))
            continue
        claims = extract(article)
        if args.json:
            for claim in claims:
                sys.stdout.write(json.dumps(claim.to_json(), ensure_ascii=False) + "\n")
        else:
            out.print(f"[bold]{article.id}[/bold]  published {article.published or 'unknown'} "
                      f"({article.published_basis})")
            for claim in claims:
                out.print(f"  {claim.subject} · {claim.attribute} = [bold]{claim.value}[/bold] "
                          f"({claim.status})  [dim]“{claim.quote}”[/dim]")
            if not claims:
                out.print("  no claims found")
    for failure in failures:
        log.warning("not read: %s", failure)
    return 1 if failures else 0


def cmd_evaluate(args: argparse.Namespace, settings: Settings) -> int:
    """Score the extractor on labelled articles (README, "Measuring the extractor")."""
    from bot import evaluate

    if bool(args.articles) == bool(args.claims):
        _stderr().print("[red]error:[/red] evaluate scores ARTICLE files or a --claims FILE: give one of the two")
        return 2
    files, problems = expand_inputs([Path(p) for p in args.articles])
    failures = [problem.reason for problem in problems]
    try:
        gold = evaluate.load_gold(Path(args.gold))
        dates = evaluate.load_dates(Path(args.dates)) if args.dates else None
        if args.claims:
            claims = evaluate.load_claims(Path(args.claims))
        else:
            claims, read, not_read = evaluate.extracted_claims(files)
            failures += not_read
            unlabelled = sorted({line["article"] for line in gold} - set(read))
            if unlabelled:
                log.warning("not among the articles given, so every line of theirs is a miss: %s",
                            ", ".join(unlabelled))
    except evaluate.GoldError as error:
        _stderr().print(f"[red]error:[/red] {error}")
        return 1
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
    paths = [Path(p) for p in args.paths]
    files, _ = expand_inputs(paths)
    with store, Progress(console=_stderr(), transient=True,
                         disable=len(files) < PROGRESS_FROM) as progress:
        task = progress.add_task("Ingesting", total=len(files))
        report = ingest_paths(store, paths, on_file=lambda _: progress.advance(task))
    print(report.summary().capitalize())
    return 1 if report.failed else 0


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


def cmd_console(args: argparse.Namespace, settings: Settings) -> int:
    """An interactive prompt taking the slash commands, with device names completed by Tab."""
    from bot.answers.console import run_console

    with open_store(args, settings) as store:
        return run_console(store, Console(highlight=False))


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """Connect to Discord and serve the slash commands."""
    if not settings.discord_token:
        print(TOKEN_HELP, file=sys.stderr)
        return 2
    from bot.client import run_bot

    return run_bot(settings, db_path=Path(args.db) if args.db else None)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH",
                        help="the claim store (default: $RECEIPTS_DB, else data/claims.db)")
    common.add_argument("--no-seeds", action="store_true", default=argparse.SUPPRESS,
                        help="leave a new store empty instead of filling it from seeds/")
    parser = argparse.ArgumentParser(
        prog="receipts", parents=[common],
        description="Receipts: what is known about a phone, and who said it.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", parents=[common], help="print the claims of articles")
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument("--json", action="store_true", help="one JSON claim a line")
    extract.set_defaults(handler=cmd_extract)

    evaluate = commands.add_parser(
        "evaluate", parents=[common], help="score the extractor against gold claims",
        description="Extract the articles (as `extract` does) and score the claims against a gold "
                    "file: one expected claim a JSON line (README, \"Measuring the extractor\").")
    evaluate.add_argument("gold", metavar="GOLD", help="the gold file (JSON lines)")
    evaluate.add_argument("articles", nargs="*", metavar="ARTICLE", help="article files or folders")
    evaluate.add_argument("--claims", metavar="FILE",
                          help="score this `extract --json` output instead of extracting articles")
    evaluate.add_argument("--dates", metavar="FILE", help="the expected publication dates (JSON lines)")
    evaluate.add_argument("--misses", action="store_true", help="list every miss and false claim")
    evaluate.add_argument("--json", action="store_true", help="the figures as JSON")
    evaluate.set_defaults(handler=cmd_evaluate)

    ingest = commands.add_parser("ingest", parents=[common], help="store articles and their claims")
    ingest.add_argument("paths", nargs="+", metavar="FILE|DIR")
    ingest.set_defaults(handler=cmd_ingest)

    ask = commands.add_parser("ask", parents=[common], help='answer a command, e.g. "/spec 12S Ultra"')
    ask.add_argument("query", help='a slash command as typed in Discord, e.g. "/timeline 12S Ultra"')
    ask.add_argument("--json", action="store_true", help="the answer as JSON (CLAIMS.md)")
    ask.set_defaults(handler=cmd_ask)

    console = commands.add_parser("console", parents=[common],
                                  help="type the slash commands at a prompt, with completion")
    console.set_defaults(handler=cmd_console)

    run = commands.add_parser("run", parents=[common], help="connect to Discord (needs DISCORD_TOKEN)")
    run.set_defaults(handler=cmd_run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.db = getattr(args, "db", None)
    args.no_seeds = getattr(args, "no_seeds", False)
    settings = Settings.from_env()
    logging.basicConfig(level=settings.log_level, format="%(levelname)s: %(message)s",
                        stream=sys.stderr)
    try:
        return args.handler(args, settings)
    except StoreError as error:
        _stderr().print(f"[red]error:[/red] {error}")
        return 1
