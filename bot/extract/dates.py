"""Dates in articles: the header date, the publication date inferred from the text, and launch
dates read from candidate phrases only (never from "S23", "Tim Cook" or "and a 6")."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from bot.extract.lexicon import fragments

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_NUMBER = {m.lower(): i for i, m in enumerate(MONTHS, start=1)}
_MONTH_NUMBER.update({m[:3].lower(): i for i, m in enumerate(MONTHS, start=1)})
_MONTH_NUMBER["sept"] = 9

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_MONTH_DAY = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19[89]\d|20[0-4]\d)"

# An embedded social post ends with its author and date: "— Asus (@ASUS) March 2, 2021".
POST_SIGNATURE = re.compile(
    r"[—–-]\s*([^\n()]{1,60}?)\s*\(@(\w{1,30})\)\s+(" + _MONTH + r"\.? \d{1,2}, \d{4})"
)

_CANDIDATE = re.compile(
    r"(?<![\w])(?:"
    r"(?P<iso>" + _YEAR + r")-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?![\w])"
    r"|(?:(?P<wd>"
    + _WEEKDAY
    + r"),?\s+)?(?:the\s+)?(?P<mon>"
    + _MONTH_DAY
    + r")\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.]\d|\d|[A-Za-z+])(?:,?\s+(?P<year>"
    + _YEAR
    + r")(?![\d:]))?"
    r"|(?:(?P<wd2>"
    + _WEEKDAY
    + r"),?\s+)?(?:the\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>"
    + _MONTH_DAY
    + r")(?:,?\s+(?P<year2>"
    + _YEAR
    + r")(?![\d:]))?"
    r"|(?:(?P<ev>" + fragments("launch_event_names") + r")\)?\s+(?P<year9>" + _YEAR + r")(?![\w-]))"
    r"|(?P<pre3>(?:in|by|early|mid|late|end of|the end of|beginning of|the beginning of|start of|the start of|until|during|around|this|next|sometime in|as soon as|to|mid-)\s*)?"
    r"(?P<mon3>"
    + _MONTH_FULL
    + r")(?:\s+(?:of\s+)?(?P<rel3>this|next|last)\s+year|,?\s+(?P<year3>"
    + _YEAR
    + r")(?![\d:]))?(?![\w])"
    r"|(?P<pre4>(?:early|mid|late|end of|the end of|beginning of|the beginning of|start of|the start of)[\s-]*)?(?P<rel4>next|this|last)\s+month\b"
    r"|(?<=end of )(?P<eom>the\s+month)\b(?!\s+of\b)"  # "by the end of the month": this month's end
    r"|(?P<relw>next|this|last)\s+week\b(?!\s+of\b)"  # "the last week of May" is May's
    r"|(?:Q[1-4]|H[12]|(?P<pre5>in|by|early|late|mid|end of|the end of|sometime in|during))[\s-]+(?P<year5>"
    + _YEAR
    + r")(?![\w-])"
    r"|(?P<rel6>(?:early |late |later |sometime )?(?:this|next) year)\b"
    r"|(?P<pre7>[Oo]n|this|next|coming|this coming|last|past)\s+(?P<wd7>"
    + _WEEKDAY
    + r")(?!,?\s+(?:the\s+)?(?:"
    + _MONTH_DAY
    + r")\s+\d|,?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH_DAY
    + r")(?:\s*\((?P<d7>[0-3]?\d)\))?"
    r"|(?P<td>today|tomorrow)"
    r")"
)
# The tense cue words are data (data/lexicon/context.json), read once at import.
_FUTURE = re.compile(r"\b(?:" + fragments("future_tense_cues") + r")\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:" + fragments("past_tense_cues") + r")\b", re.IGNORECASE)


def parse_header_date(value: str) -> str | None:
    """An ISO date from a header value in any common form; None for "unknown" and the like."""
    if not value or not re.search(r"\d", value):
        return None
    value = value.strip()[:80]
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    try:
        import dateparser

        parsed = dateparser.parse(value, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    except Exception:  # dateparser raises on some odd inputs; a header date is then missing
        return None
    return parsed.date().isoformat() if parsed else None


def _post_date(text: str) -> date | None:
    text = text.replace(".", "")
    for fmt in ("%B %d, %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def post_signatures(body: str) -> list[tuple[re.Match[str], date]]:
    """(match, date) of each embedded post's signature line. Every signature holds "(@": a body
    without one (most) is not scanned (the scan tries up to 60 characters after every dash)."""
    out: list[tuple[re.Match[str], date]] = []
    if "(@" not in body:
        return out
    for match in POST_SIGNATURE.finditer(body):
        when = _post_date(match.group(3))
        if when:
            out.append((match, when))
    return out


_TODAY = re.compile(
    r"\btoday\s*(?:,|\(|–|—|-)\s*(?:(?:"
    + _WEEKDAY
    + r"),?\s+)?(?P<mon>"
    + _MONTH_DAY
    + r")\s+(?P<day>[0-3]?\d)\b(?!,?\s+\d{4})"
    r"|\btoday\s*(?:,|\()\s*(?P<day2>[0-3]?\d)\s+(?P<mon2>" + _MONTH_DAY + r")",
    re.IGNORECASE,
)
_WEEKDAY_DAY = re.compile(r"\b(?:this|last|on|past)?\s*(?P<wd>" + _WEEKDAY + r")\s*\((?P<day>[0-3]?\d)\)")
_YEARS = re.compile(r"(?<![\w-])(?P<y>20[0-4]\d)(?![\w-])")
# "..., the maker said on Tuesday": the weekday a news report gives its own statement
_REPORTED_ON = re.compile(
    r"\b(?:" + fragments("report_verbs_of_the_day") + r")\s+on\s+(?P<wd>" + _WEEKDAY + r")\b"
)
_FULL_DATE = re.compile(
    r"\b(?P<mon>" + _MONTH_DAY + r")\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,\s*(?P<year>" + _YEAR + r")(?!\d)"
)


# A date in the article's address: a /2022/03/09/ path, a -2025-02-17 tail, a 20220309023635
# stamp (date and time of day, as news systems write them) or a /20220309/ segment.
_URL_DATE = re.compile(
    r"/(?P<y>20[0-4]\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)(?:/|$)"
    r"|(?<![\d])(?P<y2>20[0-4]\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)(?![\d])"
    r"|(?<![\d])(?P<y3>20[0-4]\d)(?P<m3>[01]\d)(?P<d3>[0-3]\d)[0-2]\d[0-5]\d[0-5]\d(?![\d])"
    r"|(?<=[/_-])(?P<y4>20[0-4]\d)(?P<m4>[01]\d)(?P<d4>[0-3]\d)(?=[/._-]|$)"
)
# A news-agency dateline at the top of the body: "Washington [US], March 9 (ANI):".
_DATELINE = re.compile(
    r"\A\s*[A-Z][\w.' -]{1,40}(?:\s*[\[(][\w. ]{1,30}[\])])?,\s*(?P<mon>"
    + _MONTH_DAY
    + r")\s+(?P<day>[0-3]?\d)"
    r"(?!\d|,?\s*\d{4})\s*(?:\([^)\n]{1,30}\)\s*)?[:—–-]"
)


def url_date(url: str | None) -> tuple[date, str] | None:
    """The date an article's address carries, and the text it was read from; None when it has none."""
    if not url:
        return None
    for m in _URL_DATE.finditer(url):
        year, month, day = (
            next(g for g in m.group(part, part + "2", part + "3", part + "4") if g)
            for part in ("y", "m", "d")
        )
        try:
            return date(int(year), int(month), int(day)), m.group(0).strip("/")[:14]
        except ValueError:
            continue
    return None


def infer_published(body: str, url: str | None = None) -> tuple[str | None, str]:
    """The publication date of an undated article, and the reason (`published_basis`)."""
    try:
        return _infer_published(body, url)
    except Exception:  # never fail on odd text: the date is then unknown
        return None, "unknown: the text could not be read for a date"


def _year_of_text(body: str) -> int | None:
    years = [int(m.group("y")) for m in _YEARS.finditer(body)]
    return max(set(years), key=years.count) if years else None


def _reported_weekday_date(body: str) -> tuple[str, str] | None:
    """ "..., the maker said on Tuesday" in a text whose latest full date ("March 5, 2024")
    falls on that weekday: the report was written that day. None when the weekday and the latest
    date disagree, or the text gives no full date."""
    said = _REPORTED_ON.search(body)
    if said is None:
        return None
    dates = []
    for m in _FULL_DATE.finditer(body):
        month = _month(m.group("mon"))
        if month is None:
            continue
        try:
            dates.append((date(int(m.group("year")), month, int(m.group("day"))), m.group(0)))
        except ValueError:  # "February 30, 2023": no day
            continue
    if not dates:
        return None
    latest, text = max(dates)
    if latest.weekday() != WEEKDAYS.index(said.group("wd")):
        return None
    return latest.isoformat(), f'inferred: "{said.group(0)}" read against the latest date named, {text}'


def _infer_published(body: str, url: str | None = None) -> tuple[str | None, str]:
    # The address is the publisher's own record of the day; the text's clues come after it.
    from_url = url_date(url)
    if from_url:
        return from_url[0].isoformat(), f"inferred: the article's address carries the date {from_url[1]}"
    posts = post_signatures(body)
    latest = max(posts, key=lambda p: p[1]) if posts else None
    today = _TODAY.search(body)
    if today:
        month = _MONTH_NUMBER.get(
            (today.group("mon") or today.group("mon2")).rstrip(".").lower()[:4].rstrip("t")
            if False
            else (today.group("mon") or today.group("mon2")).rstrip(".").lower(),
            None,
        )
        if month is None:
            month = _MONTH_NUMBER.get((today.group("mon") or today.group("mon2")).rstrip(".").lower()[:3])
        day = int(today.group("day") or today.group("day2"))
        year, reason = None, ""
        if latest:
            year, reason = latest[1].year, f"the quoted post dated {latest[0].group(3)}"
        else:
            year = _year_of_text(body)
            reason = f"the year {year} named in the text"
        if year and month:
            try:
                when = date(year, month, day)
                return when.isoformat(), f'inferred: "{today.group(0)}" with {reason}'
            except ValueError:
                pass
    if latest:
        for match in _WEEKDAY_DAY.finditer(body):
            weekday = WEEKDAYS.index(match.group("wd"))
            day = int(match.group("day"))
            best = None
            for offset in range(-14, 15):
                when = latest[1] + timedelta(days=offset)
                if when.weekday() == weekday and when.day == day:
                    if best is None or abs(offset) < abs((best - latest[1]).days):
                        best = when
            if best:
                return best.isoformat(), (
                    f'inferred: "{match.group(0).strip()}" read against the quoted post '
                    f"dated {latest[0].group(3)}"
                )
        return latest[1].isoformat(), f"inferred: the latest quoted post is dated {latest[0].group(3)}"
    reported = _reported_weekday_date(body)
    if reported:
        return reported
    dateline = _DATELINE.match(body)
    if dateline:
        year = _year_of_text(body)
        month = _month(dateline.group("mon"))
        if year and month:
            try:
                when = date(year, month, int(dateline.group("day")))
                return when.isoformat(), (
                    f'inferred: the dateline "{dateline.group("mon")} {dateline.group("day")}" '
                    f"with the year {year} named in the text"
                )
            except ValueError:
                pass
    return None, 'unknown: no header date, no dated quoted post and no dated "today" in the text'


# --- launch dates ---------------------------------------------------------------------------


def _strptime_like_dateparser(phrase: str, base: date, formats: tuple[str, ...]):
    """What dateparser answers for a phrase that one of the strptime forms reads (dateparser tries
    the given forms first): the year, when the form has none, is the base's; the day, when it has
    none, the first (PREFER_DAY_OF_MONTH). `_NOT_READ` when no form reads it or a case is odd (a
    29 February without a year), so that dateparser itself decides. Checked against dateparser by
    tests/extract/test_extract_dates.py."""
    for fmt in formats:
        if "%Y" not in fmt and "%d" in fmt and phrase.startswith("February 29"):
            return _NOT_READ
        try:
            parsed = datetime.strptime(phrase, fmt)
        except ValueError:
            continue
        try:
            if "%d" not in fmt:
                parsed = parsed.replace(day=1)
            if "%Y" not in fmt:
                parsed = parsed.replace(year=base.year)
        except ValueError:
            return _NOT_READ
        return parsed.date()
    return _NOT_READ


_NOT_READ = object()


@lru_cache(maxsize=8192)
def _dateparse(
    phrase: str,
    base: date,
    prefer: str,
    parser: str = "absolute-time",
    formats: tuple[str, ...] | None = None,
) -> date | None:
    if formats and parser == "absolute-time":
        fast = _strptime_like_dateparser(phrase, base, formats)
        if fast is not _NOT_READ:
            return fast
    return _dateparse_slow(phrase, base, prefer, parser, formats)


def _dateparse_slow(
    phrase: str,
    base: date,
    prefer: str,
    parser: str = "absolute-time",
    formats: tuple[str, ...] | None = None,
) -> date | None:
    """dateparser on one candidate phrase, relative to the publication date; memoised on
    (phrase, publication date, preference), so each distinct phrase of a day is parsed once.

    `prefer` is dateparser's PREFER_DATES_FROM ("current_period", "future", "past"); `parser`
    narrows dateparser to the one parser the phrase needs, which is several times faster, and
    `formats` (strptime forms such as "%B %d") lets it read a regular phrase without its language
    machinery (~0.03 ms instead of ~0.4 ms); it falls back to the parser when they do not fit."""
    import dateparser

    try:
        parsed = dateparser.parse(
            phrase,
            date_formats=list(formats) if formats else None,
            languages=["en"],
            settings={
                "RELATIVE_BASE": datetime(base.year, base.month, base.day),
                "PREFER_DATES_FROM": prefer,
                "PREFER_DAY_OF_MONTH": "first",
                "STRICT_PARSING": False,
                "PARSERS": [parser],
            },
        )
    except Exception:
        return None
    return parsed.date() if parsed else None


def _relative(phrase: str, base: date, tense_prefer: str) -> date | None:
    """A phrase without its year, read by dateparser in the publication date's period; a date
    well before it that the sentence speaks of as coming is read again preferring the future,
    one well after it spoken of as past, preferring the past."""
    when = _dateparse(
        phrase, base, "current_period", "absolute-time", ("%B %d",) if " " in phrase else ("%B",)
    )
    if when is None:
        return None
    # Well before the publication date yet spoken of as coming: next year's (well after it yet
    # spoken of as past: last year's). The phrase then states its year, read through strptime forms.
    if (
        tense_prefer in ("future", "past")
        and abs((base - when).days) > 45
        and (when < base) == (tense_prefer == "future")
    ):
        year = when.year + (1 if tense_prefer == "future" else -1)
        again = _dateparse(
            f"{phrase} {year}",
            base,
            "current_period",
            "absolute-time",
            ("%B %d %Y",) if " " in phrase else ("%B %Y",),
        )
        return again or when
    return when


def _replace_year(when: date, year: int) -> date | None:
    try:
        return when.replace(year=year)
    except ValueError:  # 29 February
        return None


def _month(text: str) -> int | None:
    text = text.rstrip(".").lower()
    return _MONTH_NUMBER.get(text) or _MONTH_NUMBER.get(text[:3])


def _shift_month(base: date, months: int) -> tuple[int, int]:
    index = base.year * 12 + base.month - 1 + months
    return index // 12, index % 12 + 1


# "Last year, the maker introduced the X in March": a year leading the sentence is the year of
# the months and days it names without one.
_LEADING_YEAR = re.compile(r"(?i)\s*(?:(?P<rel>last|next)\s+year|in\s+(?P<year>" + _YEAR + r"))\s*,")


def leading_year(body: str, start: int, base: date | None) -> int | None:
    """The year a sentence starting at `start` opens with ("Last year, ...", "In 2023, ..."), or None."""
    m = _LEADING_YEAR.match(body, start)
    if m is None:
        return None
    if m.group("year"):
        return int(m.group("year"))
    return None if base is None else base.year + (1 if m.group("rel").lower() == "next" else -1)


def resolve_candidate(
    m: re.Match, base: date | None, prefer: str, sentence_year: int | None = None
) -> tuple[str, str] | None:
    """(ISO value at its precision, precision) of a candidate phrase, or None; `sentence_year` is
    the year the sentence opens with, for a month or day named without its own."""
    g = m.group
    if g("iso"):
        try:
            return date(int(g("iso")), int(g("iso_m")), int(g("iso_d"))).isoformat(), "day"
        except ValueError:
            return None
    if g("mon") or g("mon2"):
        month = _month(g("mon") or g("mon2"))
        day = int(g("day") or g("day2"))
        year = g("year") or g("year2")
        if not month or not 1 <= day <= 31:
            return None
        year = year or sentence_year
        if year:
            try:
                return date(int(year), month, day).isoformat(), "day"
            except ValueError:
                return None
        if base is None:
            return None
        try:
            date(2000, month, day)  # a day the month has (2000 is a leap year)
        except ValueError:
            return None
        when = _relative(f"{MONTHS[month - 1]} {day}", base, prefer)
        return (when.isoformat(), "day") if when else None
    if g("mon3"):
        month = _month(g("mon3"))
        assert month is not None
        if g("mon3") == "May" and not g("pre3") and not g("year3") and not g("rel3"):
            return None
        if g("year3"):
            return f"{int(g('year3')):04d}-{month:02d}", "month"
        if sentence_year and not g("rel3"):
            return f"{sentence_year:04d}-{month:02d}", "month"
        if base is None:
            return None
        if g("rel3"):  # "July this year", "July of next year", "July last year"
            return f"{base.year + {'next': 1, 'this': 0, 'last': -1}[g('rel3')]:04d}-{month:02d}", "month"
        when = _relative(MONTHS[month - 1], base, prefer)
        return (f"{when.year:04d}-{when.month:02d}", "month") if when else None
    if g("rel4"):
        if base is None:
            return None
        # dateparser's "next month" / "this month" (relative-time) is the base's month shifted by
        # one or none; the arithmetic gives the same answers (checked in test_extract_dates.py).
        year, month = _shift_month(base, {"next": 1, "this": 0, "last": -1}[g("rel4")])
        return f"{year:04d}-{month:02d}", "month"
    if g("eom"):
        return (f"{base.year:04d}-{base.month:02d}", "month") if base else None
    if g("relw"):
        if base is None:
            return None
        # "launched last week": the week has no ISO form; the month of its day a week away does.
        # "This week" from a Tuesday, February 27, may be a day in March: no month then.
        week_day = base + timedelta(days={"next": 7, "this": 0, "last": -7}[g("relw")])
        sunday = base + timedelta(days=6 - base.weekday())
        if g("relw") == "this" and (sunday.year, sunday.month) != (base.year, base.month):
            return None
        return f"{week_day.year:04d}-{week_day.month:02d}", "month"
    if g("year9"):
        return g("year9"), "year"
    if g("year5"):
        return g("year5"), "year"
    if g("rel6"):
        if base is None:
            return None
        return str(base.year + (1 if "next" in g("rel6") else 0)), "year"
    if g("wd7"):
        if base is None:
            return None
        weekday = WEEKDAYS.index(g("wd7"))
        if g("d7"):
            for offset in range(-7, 8):
                when = base + timedelta(days=offset)
                if when.weekday() == weekday and when.day == int(g("d7")):
                    return when.isoformat(), "day"
            return None
        if g("pre7") in ("last", "past"):  # "last Tuesday": before the article's day
            return (base - timedelta(days=(base.weekday() - weekday) % 7 or 7)).isoformat(), "day"
        if prefer == "past" and g("pre7").lower() in ("on", "this"):
            # "unveiled the X at its event on Tuesday": the last Tuesday, the day itself included.
            return (base - timedelta(days=(base.weekday() - weekday) % 7)).isoformat(), "day"
        parsed = _dateparse(g("wd7"), base, "future", "absolute-time")
        if parsed is None or parsed <= base:
            offset = (weekday - base.weekday()) % 7 or 7
            parsed = base + timedelta(days=offset)
        if g("pre7") == "next" and (parsed - base).days < 7 and base.weekday() < weekday:
            pass
        return parsed.isoformat(), "day"
    if g("td"):
        if base is None:
            return None
        when = base + timedelta(days=1 if g("td").lower() == "tomorrow" else 0)  # as dateparser reads them
        return when.isoformat(), "day"
    return None


_SUPERSEDED = re.compile(
    r"\b(?:" + fragments("superseded_date_lead") + r")\s+from\s+(?:the\s+)?$", re.IGNORECASE
)
_AHEAD_OF_LAUNCH = re.compile(
    r"(?i)[^.;]{0,20}?\b(?:" + fragments("ahead_of_launch") + r")\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w()+-]+\s+){0,4}$"
)
# A word of an older phone's name: not a verb's auxiliary ("the successor to the X will launch in
# July" is the successor's launch).
_NAME_WORD = (
    r"(?!(?:" + fragments("launch_hedges") + r"|" + fragments("launch_auxiliaries") + r")\b)[\w()+-]+,?\s+"
)
_OLDER_PHONE_LAUNCH = re.compile(
    r"(?i)\b(?:(?:"
    + fragments("successor_phrases")
    + r")\s+(?:the\s+|its\s+|their\s+)?(?:"
    + _NAME_WORD
    + r"){1,5}?|(?:"
    + fragments("predecessor_phrases")
    + r")(?:\s*,\s*(?:the\s+)?(?:[\w()+-]+\s+){0,4}[\w()+-]+,)?\s+)"  # "its predecessor, the X, launched"
    r"(?:(?:which|that)\s+)?(?:(?:was|were|had been|first|originally)\s+){0,2}$"
)
_EVENT_NOUNS = ("event", "keynote", "presentation", "premiere", "unpacked", "Event", "Keynote", "Unpacked")
_HABITUAL = re.compile(r"\b(?:" + fragments("habitual_launch_words") + r")\b", re.IGNORECASE)
_PRODUCTION_BEFORE = re.compile(
    r"\b(?:"
    + fragments("production_words")
    + r")\b(?:(?!launch|unveil|debut|releas|arriv|announc)[^.;,]){0,50}$",
    re.IGNORECASE,
)
_ANOTHER_PRODUCT = re.compile(
    r"\W*(?:(?:the|this|that|these|its|their|[\w-]+['’]s)\s+)?(?:(?:new|latest|upcoming|next|same)\s+)?"
    r"(?:[\w+-]+\s+){0,2}(?:" + fragments("another_product_nouns") + r")s?\b(?:\s+\w+){0,3}?\s+"
    r"(?:is|are|was|were|will|has|have|should|could|may|might)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _chip_before_launch() -> re.Pattern:
    """A chip named right before the launch word, joined by a comma or a relative clause:
    "the Snapdragon 8 Gen 3, which was announced in October", "the Dimensity 9300 SoC that
    MediaTek unveiled in November", "the A17 chip, launched in September", "the chip, which is
    expected to be announced next month"."""
    from bot.extract.lexicon import alternation, lexicon

    families = alternation(sorted(lexicon().specs["chip_families"], key=len, reverse=True))
    return re.compile(
        r"(?:\b(?:" + fragments("another_product_nouns") + r")s?|\b(?:" + families + r")(?:\s+[\w+]+){0,3}?)"
        r"(?:\s*,\s*(?:(?:which|that)\s+)?|\s+(?:which|that)\s+)(?:[A-Z][\w]*\s+)?"
        # "..., which should be announced soon": a chip's launch still to come is its own too
        r"(?:(?:was|were|is|has been|had been|first|officially|recently|just|"
        + fragments("launch_hedges")
        + r")\s+){0,5}$"
    )


def not_the_phones_launch(
    body: str, sentence: tuple[int, int], candidate: re.Match, launch_start: int
) -> bool:
    """Whether a date next to a launch word dates something else: the old date of a postponed
    launch ("pushed from July to September"), a production date ("mass production in November,
    for a launch in January"), a past showcase, a maker's habit ("has released phones in October
    since ..."), or a chip's or update's launch ("This processor is expected to be launched in
    November", "the Snapdragon 8 Gen 3, which was announced in October"), or something done
    before the launch ("visited the plant in March, ahead of the X launch")."""
    start, end = sentence
    if _OLDER_PHONE_LAUNCH.search(body, max(start, launch_start - 80), launch_start):
        return True  # "the successor to the X launched in 2021": the X's launch
    if candidate.end() <= launch_start and _AHEAD_OF_LAUNCH.match(body, candidate.end(), launch_start):
        return True  # "toured the plant in March, ahead of the X launch": done before the launch
    if _SUPERSEDED.search(
        body, max(start, candidate.start() - 40), candidate.start()
    ) or _PRODUCTION_BEFORE.search(body, max(start, candidate.start() - 70), candidate.start()):
        return True
    if (
        candidate.group("mon3")
        and not candidate.group("year3")
        and _HABITUAL.search(
            body, max(start, candidate.start() - _CLAUSE_REACH), min(end, candidate.end() + _CLAUSE_REACH)
        )
    ):
        return True
    if (
        body.startswith(("showcas", "Showcas"), launch_start)
        and tense(body[max(start, launch_start - _CLAUSE_REACH) : min(end, launch_start + _CLAUSE_REACH)])
        == "past"
    ):
        return True  # "was showcased back in May alongside ...": shown then, launched another day
    if candidate.group("year9") and body.startswith(_EVENT_NOUNS, launch_start):
        return True  # "at its I/O 2022 conference (a two-day event)": a launch verb must date the phone
    if start < launch_start and _ANOTHER_PRODUCT.match(body, start, launch_start) is not None:
        return True
    return _chip_before_launch().search(body, max(start, launch_start - 70), launch_start) is not None


def candidates(body: str, start: int, end: int):
    """The date phrases of body[start:end], but for a quarter or a half of a year ("Q1 2025", "the
    first quarter of next year": no form of CLAIMS.md, and the year alone would claim more
    precision about the launch's time than the phrase gives up). A dateline's day is the
    article's: where the sentence dates the event itself ("March 9 (Agency): ... on March 8"),
    the dateline is not the event's day; where it does not ("May 13 (Agency) – X on Tuesday
    launched"), it is."""
    return (m for m in _candidates(body, start, end) if not _part_of_year(body, m))


def _part_of_year(body: str, m: re.Match) -> bool:
    if m.group("year5") and body[m.start()] in "QH":
        return True
    return bool(
        (m.group("rel6") or m.group("year5"))
        and _PART_OF_YEAR.search(body, max(0, m.start() - 30), m.start())
    )


_PART_OF_YEAR = re.compile(r"(?i)\b(?:quarter|half)\s+of\s+(?:the\s+)?$")


def _candidates(body: str, start: int, end: int):
    if start == 0 or not body[:start].strip():
        dateline = _DATELINE.match(body)
        if dateline:
            found = list(_CANDIDATE.finditer(body, start, end))
            dated = [m for m in found if m.start() >= dateline.end() and (m.group("mon") or m.group("mon2"))]
            return iter([m for m in found if m.start() >= dateline.end()] if dated else found)
    return _CANDIDATE.finditer(body, start, end)


# A relative clause in the past ("the X model that was launched in April") has its own tense.
_CLAUSE_BREAK = re.compile(
    r";|,\s*(?:and|but|while|whereas|which|who)\b|\s(?:whereas|while)\s|\s(?:that|which)\s+(?=(?:was|were|had)\s)"
)
# "the X, which was unveiled in China in October, will launch in India ...": a relative clause
# opened after a comma ends at the next comma
_RELATIVE_OPENED = re.compile(r",\s*(?:which|who)\b")


_CLAUSE_REACH = 200  # a clause is read this far either side of the date, so a long sentence costs linear time


def tense_at(body: str, start: int, end: int, pos: int, sentence_tense: str) -> str:
    """The tense of the clause of body[start:end] around `pos` ("X launched in June, and Y will
    follow in January": June is past, January to come), else `sentence_tense`, the whole
    sentence's."""
    low, high = max(start, pos - _CLAUSE_REACH), min(end, pos + _CLAUSE_REACH)
    clause_start, clause_end, broken = low, high, False
    relative = False
    for m in _CLAUSE_BREAK.finditer(body, low, high):
        broken = True
        if m.end() <= pos:
            clause_start = m.end()
            relative = _RELATIVE_OPENED.fullmatch(body, m.start(), m.end()) is not None
        elif m.start() >= pos:
            clause_end = m.start()
            break
    if relative:
        comma = body.find(",", pos, clause_end)
        if comma != -1:
            clause_end = comma
    if broken:
        clause = body[clause_start:clause_end]
        if _FUTURE.search(clause) or _PAST.search(clause):
            return tense(clause)
    return sentence_tense


def says_future(sentence: str) -> bool:
    """Whether a sentence speaks of what is to come ("will", "expected", "soon")."""
    return _FUTURE.search(sentence) is not None


def tense(sentence: str) -> str:
    future = _FUTURE.search(sentence)
    past = _PAST.search(sentence)
    if past and not future:
        return "past"
    return "future"
