"""Measuring the extractor: its claims scored against gold lines that a person wrote.

A gold file has one expected claim a line (README, "Measuring the extractor"). The rules are those
of the team's reference scorer (`../shared/gold/score.py`), so that figures measured here and there
agree to the last digit:

- recall: a required gold line is found when a claim of its article has one of its subjects, its
  attribute, one of its values, and a quote containing its `quote_contains` (or one of `quote_any`);
  its status is right when one of the claims that found it has a status of `status_any`;
- precision: a claim of a gold article is right when it matches some gold line of that article,
  optional lines included, on subject, attribute and value; only articles named in the gold file count;
- dates: an article's date is right when all its claims carry the same `published`, one of the
  accepted dates, and, when the gold says the date must be inferred, every basis says `inferred`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from bot.articles import ArticleError, read_article_file
from bot.errors import UserError
from bot.extract import extract

QUOTE_SHOWN = 90
REPORT_WIDTH = 120  # columns of the report when it goes to a file or a pipe, not a terminal


class GoldError(UserError, ValueError):
    """A gold, dates or claims file that cannot be read; the message names the file and line."""


def load_json_lines(path: Path) -> list[dict]:
    """The JSON objects of a file, one a line (blank lines skipped)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot be read ({getattr(error, 'strerror', None) or error})") from None
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldError(f"{path}, line {number}: not JSON ({error.msg})") from None
        if not isinstance(row, dict):
            raise GoldError(f"{path}, line {number}: a JSON object is expected, one a line")
        rows.append(row)
    return rows


def _require(path: Path, number: int, row: dict, keys: Iterable[str], lists: Iterable[str]) -> None:
    """Refuse a line without the keys the rules read, so that a typo is not scored as a miss."""
    missing = [key for key in keys if key not in row]
    if missing:
        raise GoldError(f"{path}, line {number}: missing {', '.join(missing)}")
    for key in lists:
        if key in row and not (isinstance(row[key], list) and row[key]):
            raise GoldError(f"{path}, line {number}: {key} must be a non-empty list")


def load_gold(path: Path) -> list[dict]:
    """The gold lines of a file, each checked for what scoring it needs."""
    lines = load_json_lines(path)
    for number, line in enumerate(lines, 1):
        required = ["article", "subject_any", "attribute", "value"]
        if not line.get("optional"):
            required += ["status_any", "quote_contains"]  # also beside quote_any, as score.py reads it
        _require(path, number, line, required, ["subject_any", "value_any", "status_any", "quote_any"])
    return lines


def load_dates(path: Path) -> list[dict]:
    """The expected publication date of each article (`published`, `basis`, maybe `published_any`)."""
    lines = load_json_lines(path)
    for number, line in enumerate(lines, 1):
        _require(path, number, line, ["article", "published", "basis"], ["published_any"])
    return lines


def load_claims(path: Path) -> list[dict]:
    """Claims as `python -m bot extract --json` prints them."""
    return load_json_lines(path)


def extracted_claims(files: Iterable[Path]) -> tuple[list[dict], list[str], list[str]]:
    """(claims, ids of the articles read, reasons of the files not read), through the same
    functions as `python -m bot extract --json`, so that what is measured is what it prints."""
    claims: list[dict] = []
    articles: list[str] = []
    failures: list[str] = []
    for path in files:
        try:
            article = read_article_file(path)
        except ArticleError as error:
            failures.append(str(error))
            continue
        except OSError as error:
            failures.append(f"{path}: {error.strerror or error}")
            continue
        articles.append(article.id)
        claims.extend(claim.to_json() for claim in extract(article))
    return claims, articles, failures


def normalised(text: object) -> str:
    """Text compared without case, spaces, hyphens or underscores ("LTPO-AMOLED" is "ltpoamoled")."""
    return re.sub(r"[\s_-]+", "", str(text)).lower()


def same_claim(claim: dict, line: dict) -> bool:
    """The claim says what the gold line says: one of its subjects, its attribute, one of its values."""
    return (
        normalised(claim.get("subject")) in {normalised(s) for s in line["subject_any"]}
        and claim.get("attribute") == line["attribute"]
        and normalised(claim.get("value")) in {normalised(v) for v in line.get("value_any", [line["value"]])}
    )


def quote_holds(claim: dict, line: dict) -> bool:
    """The claim's quote contains the gold line's piece of text (or one of its pieces)."""
    quote = str(claim.get("quote", "")).lower()
    return any(piece.lower() in quote for piece in line.get("quote_any", [line["quote_contains"]]))


@dataclass
class Tally:
    """Counts for one slice of the scoring (all of it, one attribute, one article) and their ratios."""

    claims: int = 0
    right: int = 0
    required: int = 0
    found: int = 0
    status_right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.claims if self.claims else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def status(self) -> float:
        return self.status_right / self.found if self.found else 0.0

    def to_json(self) -> dict:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "status": self.status,
            "claims": self.claims,
            "right": self.right,
            "false_claims": self.claims - self.right,
            "required": self.required,
            "found": self.found,
            "missed": self.required - self.found,
            "status_right": self.status_right,
        }


@dataclass
class Miss:
    """A required gold line not found (`missed`), or found only with a status it does not allow."""

    kind: str
    line: dict
    got_status: str | None = None

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "article": self.line["article"],
            "subject": self.line["subject_any"][0],
            "attribute": self.line["attribute"],
            "value": self.line["value"],
            "status_any": self.line.get("status_any"),
            "got_status": self.got_status,
        }


@dataclass
class DateCheck:
    """One article's publication date against the expected one."""

    article: str
    expected: str | None
    basis: str
    got: list[str]
    bases: list[str]
    right: bool

    def to_json(self) -> dict:
        return {
            "article": self.article,
            "expected": self.expected,
            "basis": self.basis,
            "got": self.got,
            "got_basis": self.bases,
            "right": self.right,
        }


@dataclass
class Evaluation:
    """Everything one scoring run found: the figures overall, by attribute and by article, and why."""

    overall: Tally = field(default_factory=Tally)
    by_attribute: dict[str, Tally] = field(default_factory=dict)
    by_article: dict[str, Tally] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    false_claims: list[dict] = field(default_factory=list)
    dates: list[DateCheck] | None = None

    @property
    def dates_right(self) -> int:
        return sum(check.right for check in self.dates or [])

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / len(self.dates) if self.dates else 0.0

    def tallies(self, line_or_claim: dict) -> list[Tally]:
        """The tallies a gold line or a claim counts in: overall, its attribute's, its article's."""
        return [
            self.overall,
            self.by_attribute.setdefault(cast(str, line_or_claim.get("attribute")), Tally()),
            self.by_article.setdefault(cast(str, line_or_claim.get("article")), Tally()),
        ]

    def summary(self) -> str:
        """The figures in the reference scorer's words, so that the two can be compared as text."""
        o = self.overall
        dates = f" dates {self.dates_right}/{len(self.dates)}" if self.dates is not None else ""
        return (
            f"F1 {o.f1:.3f} (precision {o.precision:.3f} of {o.claims}, recall {o.recall:.3f} "
            f"of {o.required}, status {o.status:.3f}){dates}"
        )

    def to_json(self, *, with_misses: bool = False) -> dict:
        figures = self.overall.to_json()
        figures["dates"] = (
            None
            if self.dates is None
            else {"right": self.dates_right, "total": len(self.dates), "accuracy": self.date_accuracy}
        )
        figures["attributes"] = {name: tally.to_json() for name, tally in sorted(self.by_attribute.items())}
        checks = {check.article: check for check in self.dates or []}
        figures["articles"] = {
            article: tally.to_json() | {"date": checks[article].to_json() if article in checks else None}
            for article, tally in sorted(self.by_article.items())
        }
        if with_misses:
            figures["misses"] = [miss.to_json() for miss in self.misses]
            figures["false_claims"] = self.false_claims
        return figures


def check_dates(dates: list[dict], claims_by_article: dict[str, list[dict]]) -> list[DateCheck]:
    """Each article's date as its claims carry it: one date, an accepted one, inferred if it must be."""
    checks = []
    for expected in dates:
        claims = claims_by_article.get(expected["article"], [])
        got = {claim.get("published") for claim in claims}
        bases = {str(claim.get("published_basis", "")) for claim in claims}
        accepted = expected.get("published_any", [expected["published"]])
        right = (
            len(got) == 1
            and next(iter(got)) in accepted
            and (expected["basis"] != "inferred" or all(basis.startswith("inferred") for basis in bases))
        )
        checks.append(
            DateCheck(
                expected["article"],
                expected["published"],
                expected["basis"],
                sorted(map(str, got)),
                sorted(bases),
                right,
            )
        )
    return checks


def evaluate(gold: list[dict], claims: list[dict], dates: list[dict] | None = None) -> Evaluation:
    """Score claims against gold lines (and dates, when given): see the module's rules."""
    claims = [claim for claim in claims if claim.get("attribute")]
    by_article: dict[str, list[dict]] = {}
    for claim in claims:
        by_article.setdefault(cast(str, claim.get("article")), []).append(claim)
    gold_by_article: dict[str, list[dict]] = {}
    for line in gold:
        gold_by_article.setdefault(line["article"], []).append(line)

    result = Evaluation()
    for line in gold:
        if line.get("optional"):
            continue
        hits = [
            claim
            for claim in by_article.get(line["article"], [])
            if same_claim(claim, line) and quote_holds(claim, line)
        ]
        status_right = any(claim.get("status") in line["status_any"] for claim in hits)
        for tally in result.tallies(line):
            tally.required += 1
            tally.found += bool(hits)
            tally.status_right += status_right
        if not hits:
            result.misses.append(Miss("missed", line))
        elif not status_right:
            result.misses.append(Miss("wrong status", line, hits[0].get("status")))

    for claim in claims:
        if claim.get("article") not in gold_by_article:
            continue
        right = any(same_claim(claim, line) for line in gold_by_article[claim["article"]])
        for tally in result.tallies(claim):
            tally.claims += 1
            tally.right += right
        if not right:
            result.false_claims.append(claim)

    if dates is not None:
        result.dates = check_dates(dates, by_article)
    return result


def _table(title: str, name: str, *figures: str) -> Table:
    """A table whose first column names the row and whose other columns are figures."""
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(name, overflow="fold")
    for column in figures:
        table.add_column(column, justify="right")
    return table


def _ratio(value: float, count: int) -> str:
    return f"{value:.3f}" if count else "–"


def attribute_table(evaluation: Evaluation) -> Table:
    """Precision (P), recall (R), F1 and status of each attribute, the weakest F1 first."""
    table = _table(
        "By attribute (the weakest first)",
        "attribute",
        "required",
        "found",
        "claims",
        "false",
        "P",
        "R",
        "F1",
        "status",
    )
    rows = sorted(evaluation.by_attribute.items(), key=lambda item: (item[1].f1, str(item[0])))
    for name, t in rows:
        table.add_row(
            str(name),
            str(t.required),
            str(t.found),
            str(t.claims),
            str(t.claims - t.right),
            _ratio(t.precision, t.claims),
            _ratio(t.recall, t.required),
            _ratio(t.f1, t.claims or t.required),
            _ratio(t.status, t.found),
        )
    return table


def article_table(evaluation: Evaluation) -> Table:
    """One line an article: its figures and whether its date is right (why not: `--misses`)."""
    table = _table("By article", "article", "required", "found", "claims", "false", "F1", "status")
    table.add_column("date", no_wrap=True)
    checks = {check.article: check for check in evaluation.dates or []}
    for article in sorted(set(evaluation.by_article) | set(checks), key=str):
        t = evaluation.by_article.get(article, Tally())
        check = checks.get(article)
        if check is None:
            date = "–"
        else:
            expected = check.expected or "no date"
            date = f"[green]✓[/green] {expected}" if check.right else f"[red]✗[/red] {expected}"
        table.add_row(
            str(article),
            str(t.required),
            str(t.found),
            str(t.claims),
            str(t.claims - t.right),
            _ratio(t.f1, t.claims or t.required),
            _ratio(t.status, t.found),
            date,
        )
    return table


def miss_lines(evaluation: Evaluation) -> dict[str, list[str]]:
    """Each article's misses, wrong statuses, false claims and wrong date, as lines of rich text."""
    lines: dict[str, list[str]] = {}
    for miss in evaluation.misses:
        line = miss.line
        said = (
            f"{escape(line['subject_any'][0])} · {line['attribute']} = "
            f"[bold]{escape(str(line['value']))}[/bold]"
        )
        if miss.got_status:
            detail = f"got {miss.got_status}, expected {' or '.join(line['status_any'])}"
        else:
            detail = f"in a sentence with “{escape(line['quote_contains'])}”"
        lines.setdefault(line["article"], []).append(
            f"[yellow]{miss.kind:12}[/yellow] {said}  [dim]{detail}[/dim]"
        )
    for claim in evaluation.false_claims:
        quote = str(claim.get("quote"))
        shown = quote[:QUOTE_SHOWN] + ("…" if len(quote) > QUOTE_SHOWN else "")
        lines.setdefault(str(claim.get("article")), []).append(
            f"[red]{'false claim':12}[/red] {escape(str(claim.get('subject')))} · {claim.get('attribute')} = "
            f"[bold]{escape(str(claim.get('value')))}[/bold]  [dim]“{escape(shown)}”[/dim]"
        )
    for check in evaluation.dates or []:
        if not check.right:
            lines.setdefault(check.article, []).append(
                f"[red]{'date wrong':12}[/red] expected {check.expected or 'no date'} ({check.basis}), got "
                f"{', '.join(check.got) or 'no claims'} [dim]{escape(', '.join(check.bases))}[/dim]"
            )
    return lines


def print_evaluation(evaluation: Evaluation, console: Console, *, with_misses: bool = False) -> None:
    """The tables, then the figures; the last line is the summary in the reference scorer's words."""
    console.print(attribute_table(evaluation))
    console.print(article_table(evaluation))
    if with_misses:
        by_article = miss_lines(evaluation)
        console.print(
            "[italic]Misses and false claims[/italic]" if by_article else "No misses and no false claims."
        )
        for article, lines in sorted(by_article.items()):
            console.print(f"[bold]{escape(article)}[/bold]")
            for line in lines:
                console.print(Padding(line, (0, 0, 0, 2), expand=False))
    o = evaluation.overall
    line = (
        f"[bold]Precision[/bold] {_ratio(o.precision, o.claims)} "
        f"({o.right} of {o.claims} claims right) · "
        f"[bold]Recall[/bold] {_ratio(o.recall, o.required)} ({o.found} of {o.required} required) · "
        f"[bold]F1[/bold] {o.f1:.3f} · [bold]Status[/bold] {_ratio(o.status, o.found)}"
    )
    if evaluation.dates is not None:
        line += f" · [bold]Dates[/bold] {evaluation.dates_right} of {len(evaluation.dates)}"
    console.print(line)
    console.print(evaluation.summary(), markup=False)
