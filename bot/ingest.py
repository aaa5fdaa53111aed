"""Ingesting articles: read, extract, store, one transaction per article.

The command line, the seeds and the Discord `/article add` command all store articles through
`ingest_article`, so an article is checked, extracted and stored the same way wherever it comes
from. Extraction runs before the write transaction begins, so a writer holds the store's lock only
for as long as the inserts take. An article whose extraction fails is not stored, with the reason;
a busy store fails that file and the ingest goes on; a full disk (or a read-only store) stops it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot import SEEDS_DIR
from bot.articles import (
    ARTICLE_SUFFIXES,
    ArticleError,
    check_publication_date,
    parse_article,
    read_article_file,
    read_date,
)
from bot.extract import ExtractionError, extract
from bot.models import Article, Claim
from bot.store import AddResult, RedateResult, Store, StoreBusy, StoreError

log = logging.getLogger("receipts.ingest")


@dataclass
class Outcome:
    """What became of one input: stored, duplicate or failed, and why."""

    source: str
    status: str
    article_id: str | None = None
    claims: int = 0
    reason: str | None = None


@dataclass
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)
    stopped: str | None = None  # why the ingest ended before its last file (a full disk)
    not_tried: int = 0

    def count(self, status: str) -> int:
        """How many files ended with this status (stored, duplicate, failed)."""
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def failed(self) -> list[Outcome]:
        """The files that failed, each with its reason."""
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]

    def summary(self) -> str:
        """One line: stored, duplicates and failed, with the articles' claims."""
        claims = sum(outcome.claims for outcome in self.outcomes if outcome.status == "stored")
        summary = (
            f"stored {self.count('stored')} articles ({claims} claims), "
            f"{self.count('duplicate')} duplicates, {self.count('failed')} failed"
        )
        if self.stopped:
            summary += f"; stopped, {self.not_tried} files not tried: {self.stopped}"
        return summary


def extract_claims(article: Article) -> list[Claim]:
    """The article's claims, or an `ArticleError` saying why they could not be read."""
    try:
        return extract(article)
    except ExtractionError as error:
        raise ArticleError(
            f"{article.id}: its claims could not be read ({error}); nothing was stored"
        ) from error


def redate_command(article_id: str) -> str:
    """How to correct a stored article's date from the command line."""
    return f"python -m bot redate {article_id} YYYY-MM-DD"


def ingest_article(
    store: Store, article: Article, *, guild_id: int | None = None, added_by: str = "cli"
) -> AddResult:
    """Extract an article's claims and store it with them, or report the duplicate."""
    return store.add_article(article, extract_claims(article), guild_id=guild_id, added_by=added_by)


def redated(row: dict, published: str) -> Article:
    """A stored article (its row) as it reads with another date, set by a person."""
    return Article(
        id=row["id"],
        body=row["body"],
        url=row["url"],
        title=row["title"],
        outlet=row["outlet"],
        published=published,
        published_basis="moderator",
        sha256=row["sha256"],
    )


def redate_article(store: Store, article_id: str, date_text: str, *, actor: str = "cli") -> RedateResult:
    """Correct a stored article's date (any article: this is the maintainer's command line) and
    read its claims again against it, in one transaction, audited."""
    published = read_date(date_text)
    check_publication_date(published)
    row = store.article(article_id)
    if row is None:
        raise ArticleError(
            f'no article {article_id} is stored; `python -m bot ask "/sources DEVICE"` shows article ids'
        )
    article = redated(row, published)
    return store.redate_article(article, extract_claims(article), actor=actor, guild_id=row["guild_id"])


def expand_inputs(paths: list[Path]) -> tuple[list[Path], list[Outcome]]:
    """The article files named (folders give their articles), and the inputs that are not."""
    files: list[Path] = []
    problems: list[Outcome] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                problems.append(
                    Outcome(
                        str(path),
                        "failed",
                        reason=(f"{path} has no articles (files ending in {', '.join(ARTICLE_SUFFIXES)})"),
                    )
                )
            files.extend(found)
        elif not path.exists():
            problems.append(Outcome(str(path), "failed", reason=f"{path} does not exist"))
        else:
            files.append(path)
    return files, problems


def ingest_paths(
    store: Store,
    paths: list[Path],
    *,
    added_by: str = "cli",
    on_file: Callable[[Outcome], None] | None = None,
) -> IngestReport:
    """Ingest files and folders; a bad file is reported and logged, and the others go on."""
    files, problems = expand_inputs(paths)
    report = IngestReport(outcomes=list(problems))
    for problem in problems:
        log.warning("not ingested: %s", problem.reason)
    for number, path in enumerate(files):
        try:
            article = read_article_file(path)
            result = ingest_article(store, article, added_by=added_by)
        except StoreBusy as error:
            outcome = Outcome(str(path), "failed", reason=str(error))
            log.warning("not ingested: %s", error)
        except StoreError as error:
            # Full, read-only or damaged: no later file can be stored either. The caller says
            # so once, beside the summary of what was stored.
            report.outcomes.append(Outcome(str(path), "failed", reason=str(error)))
            report.stopped, report.not_tried = str(error), len(files) - number - 1
            break
        except ArticleError as error:
            outcome = Outcome(str(path), "failed", reason=str(error))
            log.warning("not ingested: %s", error)
        except OSError as error:
            outcome = Outcome(str(path), "failed", reason=f"{path}: {error.strerror or error}")
            log.warning("not ingested: %s", outcome.reason)
        else:
            if result.stored:
                outcome = Outcome(str(path), "stored", result.article_id, result.claims)
            else:
                assert result.duplicate_of is not None
                outcome = Outcome(
                    str(path),
                    "duplicate",
                    result.duplicate_of,
                    reason=f"same article as {result.duplicate_of}",
                )
                log.info(
                    "duplicate, not stored again: %s is the %s (a wrong date is corrected with `%s`)",
                    path,
                    outcome.reason,
                    redate_command(result.duplicate_of),
                )
        report.outcomes.append(outcome)
        if on_file:
            on_file(outcome)
    return report


def seed_store(store: Store) -> IngestReport:
    """Fill a new store with the seed articles, so the first question a user asks answers."""
    return ingest_paths(store, [SEEDS_DIR], added_by="seeds")


def is_url(given: str) -> bool:
    return given.strip().lower().startswith(("http://", "https://"))


def ingest_urls(
    store: Store,
    urls: list[str],
    *,
    allow_private: bool = False,
    added_by: str = "cli",
    on_url: Callable[[Outcome], None] | None = None,
) -> IngestReport:
    """Fetch pages and ingest them, through the moderators' url fetch and all its protections."""
    import asyncio

    from bot.fetch import EVERY_NETWORK, fetch_article_text
    from bot.moderation import article_id_for

    exempt = EVERY_NETWORK if allow_private else ()
    report = IngestReport()
    for url in urls:
        try:
            page = asyncio.run(fetch_article_text(url, exempt=exempt))
            article = parse_article(page.text, "pending", url=page.url)
            article.id = article_id_for(article.sha256, url=article.url, title=article.title)
            result = ingest_article(store, article, added_by=added_by)
        except ArticleError as error:
            outcome = Outcome(url, "failed", reason=str(error))
            log.warning("not ingested: %s", error)
        else:
            outcome = (
                Outcome(url, "stored", result.article_id, result.claims)
                if result.stored
                else Outcome(
                    url, "duplicate", result.duplicate_of, reason=f"same article as {result.duplicate_of}"
                )
            )
        report.outcomes.append(outcome)
        if on_url:
            on_url(outcome)
    return report
