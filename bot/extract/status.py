"""The status of each claim, from the cue words that govern the claim's own sentence and clause."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from bot.extract.lexicon import (
    LexiconError,
    alternation,
    context_words,
    first_letter_guard,
    fragments,
    lexicon,
    lowered,
    pattern,
    pattern_entries,
    trie_pattern,
    word_start,
)
from bot.extract.wordscan import matches_at

CONFIRMED, RUMORED, SPECULATED, DENIED = "confirmed", "rumored", "speculated", "denied"
_ORDER = (DENIED, SPECULATED, RUMORED, CONFIRMED)


_CASE_SENSITIVE_CUES = {"may": "may"}  # "May" is a month; only "may" is a cue


_LEAD = re.compile(r"[a-z0-9 '’]+")


def _prefix(word: str) -> str:
    """What the cue prefilter looks for of a cue's literal start: its first (up to) four letters,
    digits, spaces or apostrophes ("we're anticipating" gives "we'r", so that the prefilter does
    not stop at every "we" inside a word)."""
    literal = _LEAD.match(word)
    if literal is None:
        raise LexiconError(f"cues.json: the cue {word!r} must start with a letter or digit")
    return literal.group(0)[:4]


def _cue_alternatives(status: str) -> tuple[list[str], set[str]]:
    """A status's cues as regular expressions, longest first (a longer cue wins over one it
    starts with: "expected to" before "expected"), and the prefixes the prefilter looks for.
    Each run of literal cues between two patterns in that order is one trie: of the words that
    match at an offset one starts with the other, and the trie, like the order, tries the longer
    first; the engine then follows one branch per character instead of trying every word."""
    lex = lexicon()
    items = {(w.lower(), True) for w in lex.cues[status]}
    prefixes = {_prefix(w.lower()) for w in lex.cues[status]}
    for entry in pattern_entries("cues.json", status):
        items.add((entry["pattern"].lower(), False))
        prefixes.update(_prefix(w) for w in entry["starts"])
    alternatives: list[str] = []
    run: list[str] = []
    for text, literal in sorted(items, key=lambda t: len(t[0]), reverse=True):
        if literal:
            run.append(text)
            continue
        if run:
            alternatives.append(trie_pattern(run, space=" "))
            run = []
        alternatives.append(text)
    if run:
        alternatives.append(trie_pattern(run, space=" "))
    return alternatives, prefixes


_LEADS: dict[str, set] = {}


def leads() -> dict[str, set]:
    """The words the cue prefilter and the maker pattern can start with (for the shared word scan)."""
    patterns()
    return _LEADS


@lru_cache(maxsize=1)
def patterns():
    """Cue patterns in lower case, matched on a lowered copy of the body (fast, no IGNORECASE
    alternation); word boundaries are checked on each hit."""
    lex = lexicon()
    groups = []
    prefixes = set()
    for status in _ORDER:
        alternatives, starts = _cue_alternatives(status)
        prefixes |= starts
        # The boundary inside the group: "rumours" failing on "rumoured" backtracks to "rumoured".
        groups.append(f"(?P<{status}>(?:" + "|".join(alternatives) + r")(?![\w'’-]))")
    cue = re.compile("|".join(groups))
    prefilter = re.compile(r"\b" + trie_pattern(sorted(prefixes), space=" "))
    makers = [w for b in lex.brands.values() for w in b.words] + [
        p for b in lex.brands.values() for p in b.executives
    ]
    maker = re.compile(
        (
            r"\b(?:"
            + trie_pattern(sorted({m.lower() for m in makers}))
            + r"|the (?:company|firm|brand|manufacturer|maker|Chinese (?:company|brand|giant|firm|maker|OEM))|(?:its|the company['’]s) (?:CEO|founder|chairman|president))"
            r"(?:['’]s (?:CEO|founder|chairman|president|official \w+|Weibo|account|website)| (?:CEO|founder|chairman|president|spokesperson))?(?:,[^,]{1,60},)?\s+(?:(?:has|have|had|also|now|officially|further|just|finally|recently|previously|earlier|already)\s+){0,3}"
            r"(?P<verb>announced|announces|confirmed|confirms|revealed|reveals|shared|shares|teased|teases|unveiled|unveils|launched|introduced|stated|said|says|posted|showed|showcased|detailed|published|tweeted|announcing|confirming|revealing|sharing|teasing|unveiling|showcasing|detailing)\b"
        )
        .lower()
        .replace("(?p<", "(?P<")
    )
    according = re.compile(
        r"according to (?:the )?(?:official |@)?(?:"
        + alternation(makers)
        + r")\b(?!['’]s? (?:leak|rumou?r|tipster))"
    )
    adjectival = re.compile(pattern("cues.json", "adjectival_exclusions"), re.IGNORECASE)
    negation = re.compile(pattern("cues.json", "negation"))
    _LEADS["cue"] = prefixes | {w.replace("'", "’") for w in prefixes}
    _LEADS["maker"] = {m.lower() for m in makers} | {
        "the company",
        "the firm",
        "the brand",
        "the manufacturer",
        "the maker",
        "the chinese",
        "its",
    }
    return cue, maker, according, adjectival, negation, prefilter


# The grammar is here; the words are data (data/lexicon/context.json), read once at import.
_PAST_RUMOURS = re.compile(
    r"\b(?:" + fragments("past_rumour_leads") + r")\s+(?:[\w-]+\s+){0,3}?(?:(?:and|or)\s+)?$"
)
_AS_BEFORE = re.compile(
    r"\bas (?:was |had been |has been |"
    + "|".join(re.escape(w) + " " for w in context_words("as_reported_adverbs"))
    + r")*$"
)
# "will announce", "could possibly be launched": a hedge up to two words before the cue word.
_HEDGED_BEFORE = re.compile(r"(?:\b(?:" + fragments("confirmation_hedges") + r")|n['’]t)\s+(?:\w+\s+){0,2}$")
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?$")
# "The printing on the leaked box confirms that ...", "a benchmark listing for the X confirmed ...": the
# evidence of a leak confirms, not the maker.
_EVIDENCE_BEFORE = re.compile(
    r"\b(?:"
    + fragments("evidence_subjects")
    + r")\s+(?:(?:for|of)\s+(?:the\s+)?(?:[\w+-]+\s+){1,4}?|(?:[\w-]+\s+){0,2}?)"
    r"(?:(?:also|further|now|apparently|seemingly|reportedly|which)\s+)*$"
)
_CONFIRMING = frozenset(context_words("confirming_verbs"))
_CORRECTION_LEADS = tuple(context_words("correction_leads"))
_CORRECTION_OBJECT = re.compile(r"\s+(?:" + fragments("correction_objects") + r")\b")
_CLAUSE_END = re.compile(r"[,;]")
_OFFICIAL_NEAR = re.compile(
    r"\bofficial|\bcompany\b|\bmaker\b|\bmanufacturer\b|\bbrand\b|\bteas(?:er|ed|ing)\b"
)


@lru_cache(maxsize=1)
def _maker_possessive() -> re.Pattern:
    makers = {w.lower() for b in lexicon().brands.values() for w in b.words}
    return re.compile(r"\b(?:" + trie_pattern(sorted(makers)) + r")['’]s\b")


def _makers_own(low: str, start: int, end: int) -> bool:
    """Whether a maker's possessive ("Motorola's teaser video") stands in [start, end)."""
    return _maker_possessive().search(low, start, end) is not None


_DENIED_OBJECT_GAP = re.compile(r"\s+(?:(?:the|those|these|earlier|recent|previous|some|all)\s+)*")


def _denials_with_their_object(cues: list[tuple[int, int, str]], low: str) -> list[tuple[int, int, str]]:
    """ "Carl Pei has shot down rumors that ...", "dismissed reports that ...": the rumour word is
    what the denial denies, so it does not make what follows rumored."""
    out: list[tuple[int, int, str]] = []
    for c in cues:
        if (
            out
            and c[2] == RUMORED
            and out[-1][2] == DENIED
            and _DENIED_OBJECT_GAP.fullmatch(low, out[-1][1], c[0])
        ):
            continue
        out.append(c)
    return out


def _BOUNDARY_OK(text: str, start: int, end: int) -> bool:
    if start and (text[start - 1].isalnum() or text[start - 1] in "_'’-"):
        return False
    if end < len(text) and (text[end].isalnum() or text[end] in "_'’-"):
        return False
    return True


class Cues:
    """The status cues of one body, found once, looked up by offset."""

    def __init__(self, body: str, low: str | None = None, hits: dict | None = None):
        cue, maker, according, adjectival, negation, prefilter = patterns()
        low = low if low is not None else lowered(body)
        if "’" in low:
            low = low.replace("’", "'")  # the cue words are written with straight apostrophes
        found: list[tuple[int, int, str]] = []
        for hit in prefilter.finditer(low) if hits is None else matches_at(prefilter, low, hits["cue"]):
            if hit.start() and (low[hit.start() - 1].isalnum() or low[hit.start() - 1] in "_'’-"):
                continue
            m = cue.match(low, hit.start())
            if m is None:
                continue
            start, end = m.span()
            if not _BOUNDARY_OK(low, start, end):
                continue
            word = m.group(0)
            if word in _CASE_SENSITIVE_CUES and body[start:end] != _CASE_SENSITIVE_CUES[word]:
                continue
            status = m.lastgroup
            if (
                status == DENIED
                and word.startswith(_CORRECTION_LEADS)
                and not _CORRECTION_OBJECT.match(low, end)
            ):
                continue  # "it uses the X, contrary to earlier reports": the corrected value, not a denial
            if status in (RUMORED, SPECULATED) and _AS_BEFORE.search(low, max(0, start - 24), start):
                continue  # "as expected", "as rumored", "as previously reported": it came true
            if status in (RUMORED, SPECULATED) and _PAST_RUMOURS.search(low, max(0, start - 60), start):
                continue  # "now official, after a year of leaks": the rumours before
            if status == CONFIRMED and _HEDGED_BEFORE.search(low, max(0, start - 30), start):
                continue  # "has not launched", "is expected to have launched", "will announce"
            if (
                status == CONFIRMED
                and word in _CONFIRMING
                and _EVIDENCE_BEFORE.search(low, max(0, start - 60), start)
                and not _OFFICIAL_NEAR.search(low, max(0, start - 60), start)
                and not _makers_own(low, max(0, start - 60), start)
            ):
                found.append((start, end, RUMORED))
                continue
            if status == CONFIRMED and start >= 4 and _PERFECT_BEFORE.search(low, max(0, start - 24), start):
                found.append((start, end, status))  # "has already confirmed": a verb, not an adjective
                continue
            if status == CONFIRMED:
                window = adjectival.search(body, max(0, start - 40), min(len(body), end + 30))
                while window is not None and window.end() <= start:
                    window = adjectival.search(body, window.end(), min(len(body), end + 30))
                if window is not None and window.start() <= start < window.end():
                    continue
            found.append((start, end, status))
        for m in maker.finditer(low) if hits is None else matches_at(maker, low, hits["maker"]):
            if word_start(low, m.start()):
                found.append((m.start("verb"), m.end("verb"), CONFIRMED))
        if "according to" in low:
            for m in according.finditer(body):
                found.append((m.start(), m.end(), CONFIRMED))
        # When cues overlap, the longer one (or the maker's own) wins.
        found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        merged: list[tuple[int, int, str]] = []
        for c in found:
            if merged and c[0] < merged[-1][1]:
                if c[2] == CONFIRMED and merged[-1][2] != DENIED:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], c[1]), CONFIRMED)
                continue
            merged.append(c)
        self.cues = _denials_with_their_object(merged, low)
        self.starts = [c[0] for c in self.cues]
        self.body = body
        self.low = low
        self.negation = negation

    def in_span(self, start: int, end: int) -> list[tuple[int, int, str]]:
        i = bisect_left(self.starts, start)
        return self.cues[i : bisect_left(self.starts, end, i)]

    def negated(self, sent_start: int, pos: int, value_end: int) -> bool:
        """Whether a negation governs the value: "not the 108MP sensor", "instead of 90W"."""
        window = self.low[max(sent_start, pos - 45) : pos]
        if (
            "no" not in window
            and "n't" not in window
            and "n’t" not in window
            and "instead" not in window
            and "rather" not in window
            and "without" not in window
            and "never" not in window
        ):
            return False
        last = None
        for m in self.negation.finditer(window):
            if not window.startswith(("-", "‑"), m.end()):
                last = m  # "the not-so-new chip", "a not-too-distant launch": an adjective, no denial
        if last is None:
            return False
        between = window[last.end() :]
        if re.match(r"\s*only\b", between):  # "not only ... but also"
            return False
        if re.search(r"[;:,]|\bbut\b|\bwhile\b|\bwhereas\b|\bwhich\b|\bthat\b|\bwho\b", between):
            return False
        if len(re.findall(r"[\w'’+-]+", between)) > 5:
            return False
        if re.search(r"\b(?:doubt|wrong|false)\b", between):
            return False
        return True

    def status_at(self, sent_start: int, sent_end: int, pos: int, end: int) -> str | None:
        """The status the cues of the sentence give a value at `pos`; None when no cue governs it."""
        if self.negated(sent_start, pos, end):
            return DENIED
        cues = self.in_span(sent_start, sent_end)
        for c in reversed(cues):  # the last cue ending before the value governs it
            if c[1] <= pos:
                if c[2] == DENIED and self._correction_ended(c, pos):
                    continue  # "Contrary to leaks of A, it has B": B is the corrected value
                return c[2]
        # else the first one after it ("a 50MP camera is tipped"), but not across a contrast ("...
        # 45W charging, but it might arrive ..."), a premise clause, nor into a relative clause
        for c in cues:
            if c[0] >= end:
                if (
                    _CONTRAST_BREAK.search(self.low, end, c[0])
                    or self._premise_before(sent_start, end, c[0])
                    or _RELATIVE_AFTER_VALUE.search(self.low, end, c[0])
                ):
                    return None
                return c[2]
        return None

    def _premise_before(self, sent_start: int, end: int, cue_start: int) -> bool:
        """ "Given that the X costs $899, it is fair to guess the Y will ...": a value in the
        opening premise clause, a comma before the cue, is stated as known, not guessed."""
        return (
            _PREMISE_LEAD.match(self.low, sent_start) is not None and self.low.find(",", end, cue_start) != -1
        )

    def _correction_ended(self, cue: tuple[int, int, str], pos: int) -> bool:
        """Whether `cue` denies earlier reports ("contrary to leaks of", "unlike the rumours that")
        and its clause ended before `pos`."""
        return (
            self.low.startswith(_CORRECTION_LEADS, cue[0])
            and _CLAUSE_END.search(self.low, cue[1], pos) is not None
        )

    def last_in(self, start: int, end: int) -> str | None:
        cues = [c for c in self.in_span(start, end) if c[2] != DENIED]
        return cues[-1][2] if cues else None


# --- the headline ---------------------------------------------------------------------------
#
# A launch article says so in its headline: "Sony Xperia 5 V Revealed With ...", "Huawei unveils
# Pura 70 series". The words are few and general; a leak headline ("specs revealed in a leak",
# "launch date revealed", "set to launch") names no launched phone.

# The grammar is here; the words are data (data/lexicon/context.json), read once at import.
# Headlines are compared as lower-case words (`_words_only`).
_HEADLINE_AFTER_NAME = re.compile(
    r"\s*(?:(?:"
    + fragments("headline_launch_links")
    + r")\s+){0,3}(?:"
    + fragments("headline_launch_words")
    + r")\b"
)
_HEADLINE_BEFORE_NAME = re.compile(
    r"\b(?:"
    + fragments("headline_maker_verbs")
    + r")\s+(?:(?:"
    + fragments("headline_maker_fillers")
    + r")\s+)*$"
)
_HEADLINE_HEDGE = re.compile(r"\b(?:" + fragments("headline_hedges") + r")\b")
_SERIES_AFTER_NAME = re.compile(
    r"\s+(?:(?:"
    + fragments("series_fillers_after_model")
    + r")\s+)?(?:"
    + fragments("series_nouns_after_model")
    + r")\b",
    re.IGNORECASE,
)
_SLUG = re.compile(r"[^/]+(?=/*$)")


_CONTRAST_BREAK = re.compile(r";|\b(?:but|however|although|though|whereas|yet)\b")
# The words that open a premise clause, lower-cased ("Considering the X sells for ...,").
_PREMISE_LEAD = re.compile(r"[\s\"'“‘(]*(?:" + fragments("premise_clause_leads") + r")\b")
# "the X chip, which is claimed to be the fastest": a cue in a relative clause after the value
# hedges what the clause says of the value, not the value.
_RELATIVE_AFTER_VALUE = re.compile(r",\s*(?:which|that)\b")


def headline(title: str | None, url: str | None) -> str:
    """The article's headline: its title, else the words of its address's last part (outlets
    write the headline there: /huawei-unveils-pura-70-series-115794)."""
    if title and title.strip():
        return title.strip()
    if not url:
        return ""
    slug = _SLUG.search(url.split("?", 1)[0].split("#", 1)[0])
    if not slug:
        return ""
    words = re.sub(r"\.\w{2,5}$", "", slug.group(0))
    return re.sub(r"[-_]+", " ", words)


def hedged_headline(text: str) -> bool:
    """Whether the headline tells of a leak or of a launch to come ("specs leak", "set to launch")."""
    low = _words_only(text)
    return bool(low) and _HEADLINE_HEDGE.search(low) is not None


def launched_in_headline(text: str, names: list[tuple[str, str, bool]]) -> list[tuple[str, bool]]:
    """(subject, named as a series) of each phone the headline says was launched; `names` are
    (subject, the words that named it in the body, is a series). A name inside a longer one
    ("Xperia 5" in "Xperia 5 V") is not that phone."""
    low = _words_only(text)
    if not low or _HEADLINE_HEDGE.search(low):
        return []
    spans = []
    for subject, words, is_series in names:
        words = _words_only(words)
        if not words:
            continue
        for start in _whole_name_offsets(words, low):
            spans.append((start, start + len(words), subject, is_series))
    out = []
    for start, end, subject, is_series in spans:
        if any(a <= start and end <= b and (a, b) != (start, end) for a, b, _s, _x in spans):
            continue
        rest = low[end:]
        series = _SERIES_AFTER_NAME.match(rest)
        after = rest[series.end() :] if series else rest
        if _HEADLINE_AFTER_NAME.match(after) or _HEADLINE_BEFORE_NAME.search(low, 0, start):
            out.append((subject, is_series or series is not None))
    return out


def _whole_name_offsets(words: str, low: str):
    """Where `words` stand in `low` as a whole name, not inside a longer word or a "+" name
    (what the name's escaped regex between look-arounds for a word character or "+" finds,
    without compiling a regex for each name of each article: a third of a millisecond a name)."""
    start = low.find(words)
    while start != -1:
        end = start + len(words)
        if not (start and _name_char(low[start - 1])) and not (end < len(low) and _name_char(low[end])):
            yield start
            start = low.find(words, end)
        else:
            start = low.find(words, start + 1)


def _name_char(c: str) -> bool:
    return c.isalnum() or c in "_+"


def _words_only(text: str) -> str:
    """Lower-case words joined by single spaces: an address writes "Phone (2a)" as "phone-2a"."""
    return " ".join(re.findall(r"[\w+]+", text.lower()))


def series_after(low: str, end: int) -> bool:
    """Whether a model's name is followed by "series" ("its Pura 70 smartphone series")."""
    return _SERIES_AFTER_NAME.match(low, end, end + 30) is not None


# A launch still to come: "is all set to launch the X", "X will be launched in India on May 18",
# "ahead of its India launch". A phone the catalogue lists as announced elsewhere is then, in
# this article, not yet launched: its plain specs are not confirmed by the catalogue.
# Offsets where no lead word starts are passed at once (unless the lead list holds patterns).
# Matched on the lowered body: without IGNORECASE (half the time) while its words and patterns
# are written in lower case.
_UPCOMING_LISTS = ("upcoming_launch_leads", "upcoming_launch_verbs", "upcoming_launch_nouns")
_UPCOMING_CASE = (
    re.IGNORECASE
    if any(
        w != w.lower()
        for name in _UPCOMING_LISTS
        for w in context_words(name) + pattern_entries("context.json", name)
    )
    else 0
)
# The words every match starts with, for the shared word scan (none when the list holds patterns,
# or when the match ignores case: the scan reads the lowered body as written).
UPCOMING_LEADS = (
    []
    if pattern_entries("context.json", "upcoming_launch_leads") or _UPCOMING_CASE
    else context_words("upcoming_launch_leads") + ["ahead", "upcoming"]
)
_UPCOMING_GUARD = (
    ""
    if pattern_entries("context.json", "upcoming_launch_leads")
    else first_letter_guard(context_words("upcoming_launch_leads") + ["ahead", "upcoming"])
)
UPCOMING_LAUNCH = re.compile(
    _UPCOMING_GUARD
    + r"\b(?:(?:"
    + fragments("upcoming_launch_leads")
    + r")\s+(?:be\s+)?(?:officially\s+)?(?:"
    + fragments("upcoming_launch_verbs")
    + r")"
    r"|ahead of (?:its|the|their)\s+(?:\w+\s+)?(?:" + fragments("upcoming_launch_nouns") + r")|upcoming)\b",
    _UPCOMING_CASE,
)
