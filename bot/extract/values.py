"""Values in an article, each with its span and attribute, normalised as CLAIMS.md says.

Each finder scans the whole body once with a compiled pattern; the context that decides an
attribute (a camera's role, RAM or storage, wired or wireless) is read inside the value's own
sentence, bounded by the neighbouring values.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from rapidfuzz import fuzz, process

from bot.extract.lexicon import (
    alternation,
    context_words,
    first_letter_guard,
    fragments,
    key,
    led_alternation,
    lexicon,
    load_json,
    lowered,
    trie_pattern,
    word_gate,
    word_start,
)
from bot.extract.lexicon import pattern as lexicon_pattern
from bot.extract.wordscan import matches_at


@dataclass(slots=True)
class Value:
    start: int
    end: int
    attribute: str
    value: str
    number: float = 0.0  # for ram/storage: the amount in GB, to keep the largest


class Sentences:
    """Sentence bounds for offsets."""

    def __init__(self, spans: list[tuple[int, int, bool]]):
        self.starts = [s for s, _, _ in spans]
        self.spans = spans

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.starts, pos) - 1
        if i < 0:
            return 0, 0
        s, e, _ = self.spans[i]
        return (s, e) if pos < e else (pos, pos)


# --- one scan for numbers and their units ------------------------------------------------------
#
# Every unit pattern below starts at a number that follows a word boundary. One scan finds the
# numbers and the token right after them ("mAh", "W", "-inch", "x", "/", "+"), and each pattern is
# then tried only where its unit follows, instead of each pattern scanning the whole text.

_RUN = re.compile(r"\d[\d.,]*(?:\s*-?\s*(?P<u>[A-Za-z]+|''|’’|[\"″”×+/€]))?")
_UNIT_KINDS = {
    "inch": ("size",),
    "inches": ("size",),
    "in": ("size",),
    '"': ("size",),
    "″": ("size",),
    "”": ("size",),
    "''": ("size",),
    "’’": ("size",),
    "p": ("res_p",),
    "x": ("wxh",),
    "×": ("wxh",),
    "hz": ("hz",),
    "gb": ("amount", "pair"),
    "tb": ("amount", "pair"),
    "gigabyte": ("amount",),
    "gigabytes": ("amount",),
    "terabyte": ("amount",),
    "terabytes": ("amount",),
    "+": ("pair",),
    "/": ("pair",),
    "mp": ("mp",),
    "mpx": ("mp",),
    "megapixel": ("mp",),
    "megapixels": ("mp",),
    "mega": ("mp",),
    "mah": ("mah",),
    "w": ("watt",),
    "watt": ("watt",),
    "watts": ("watt",),
}


def _resolutions() -> dict[str, str]:
    """Patterns of resolution names ("QHD+", "Full HD") and the resolution each gives."""
    return load_json("specs.json")["patterns"]["resolutions"]


@lru_cache(maxsize=1)
def _unit_kinds() -> dict[str, tuple[str, ...]]:
    """The unit table with the currencies written after an amount ("999 yuan", "1,299 EUR", "8,99 €")."""
    kinds = dict(_UNIT_KINDS)
    for cur in lexicon().specs["currencies"]:
        plain = cur.replace("s?", "").replace("?", "")
        for word in {plain, plain + "s"} if cur.endswith("s?") else {plain}:
            if re.fullmatch(r"[A-Za-z]+|€", word):
                kinds[word.lower()] = kinds.get(word.lower(), ()) + ("price",)
    for adjective in context_words("currency_adjectives"):  # "8,999 Chinese yuan"
        first = cast(re.Match[str], re.match(r"[A-Za-z]+", adjective)).group(0).lower()
        kinds[first] = tuple(dict.fromkeys(kinds.get(first, ()) + ("price",)))
    return kinds


def scan_numbers(body: str) -> dict[str, list[int]]:
    """Where each unit kind may match: the starts of the numbers it follows (every digit after a
    non-word character of a run such as "5,000" or "1,299.99")."""
    out: dict[str, list[int]] = {}
    kinds = _unit_kinds()
    for m in _RUN.finditer(body):
        u = m.group("u")
        if u is None:
            continue
        found = kinds.get(u.lower())
        if found is None:
            continue
        start = m.start()
        run = body[start : m.end("u")]
        positions = [start]
        if "," in run or "." in run:
            positions += [
                start + i + 1 for i, ch in enumerate(run) if ch in ",." and run[i + 1 : i + 2].isdigit()
            ]
        for kind in found:
            out.setdefault(kind, []).extend(positions)
    return out


def _hits(pattern: re.Pattern, body: str, positions: list[int] | None):
    """pattern.finditer(body), tried only at the given positions (ascending), without overlaps."""
    if not positions:
        return
    last = -1
    match = pattern.match
    for p in positions:
        if p < last:
            continue
        m = match(body, p)
        if m is not None:
            last = m.end()
            yield m


# --- chipsets -------------------------------------------------------------------------------

_GEN = r"(?P<tier>\d)(?P<s>s)?\s*(?P<p1>\+|\s?Plus)?\s+Gen\s*(?P<gen>\d)(?P<p2>\+|\s+Plus)?(?![\w+])"
_NUM = r"(?P<num>\d{3,4})(?P<suf>\+|\s?Plus\b|[A-Z]{1,2}\+|[A-Z]{1,2}\b)?(?:[\s-]+(?P<ed>Ultra|Max|Pro|Elite|Ultimate|Energy)\b)?"
_LET = r"(?P<let>[A-Z]\d{1,3})\b"


@lru_cache(maxsize=1)
def _chip_patterns():
    named = re.compile(
        r"(?P<fam>[A-Z][A-Za-z]{3,11})\s+(?:" + _GEN + "|" + _NUM + "|" + _LET + r"|(?P<elite>8 Elite)\b)"
    )
    bare_gen = re.compile(_GEN.replace("(?P<tier>\\d)", "(?P<tier>\\d)(?<![\\w#.]\\d)", 1))
    tensor = re.compile(r"Tensor(?:\s+(?P<g>G\d))?(?![\w])")
    apple = re.compile(r"A(?P<anum>\d{2})\s+(?P<aed>Bionic|Pro)\b")
    # "the Apple A13 chip", "Apple's newest A21 processor": an A-series chip named without
    # its edition, by the maker before it or a chip noun after it.
    apple_bare = re.compile(r"A(?P<anum>\d{2})(?![\w+-])(?P<noun>\s+(?:chip|chipset|processor|SoC)\b)?")
    codes = lexicon().specs["chip_model_numbers"]
    code = re.compile(r"(?P<code>" + alternation(codes) + r")(?:-?[A-Z]{1,2}\d?)?(?![\w])")
    return named, bare_gen, tensor, apple, code, apple_bare


@lru_cache(maxsize=512)
def _chip_family(word: str) -> str | None:
    families = lexicon().specs["chip_families"]
    if word in families:
        return families[word]
    if word in ("SD",):
        return "Snapdragon"
    best = process.extractOne(word, list(families), scorer=fuzz.ratio, score_cutoff=80)
    return families[best[0]] if best else None


@lru_cache(maxsize=512)
def _canonical_chip(name: str) -> str:
    return lexicon().chipsets_by_key.get(key(name), name)


def _gen_name(m: re.Match) -> str:
    plus = "+" if (m.group("p1") or m.group("p2")) else ""
    return f"Snapdragon {m.group('tier')}{m.group('s') or ''}{plus} Gen {m.group('gen')}"


class _CoveredOffsets:
    """The characters inside the spans added so far: whether an offset falls inside one is one
    look-up, not a scan of every span (which made a body of thousands of values quadratic)."""

    __slots__ = ("mask",)

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size + 1)

    def add(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def __contains__(self, offset: int) -> bool:
        return bool(self.mask[offset])


class _TakenSpans:
    """The disjoint spans already read as a chip, in order: whether a new match overlaps one is a
    binary search on its end, not a scan of every span (a body naming a chip thousands of times
    made that scan quadratic)."""

    __slots__ = ("starts", "ends")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        # Only the last span starting before `end` can reach past `start`: the spans are disjoint.
        before = bisect_left(self.starts, end)
        return before == 0 or self.ends[before - 1] <= start

    def add(self, start: int, end: int) -> None:
        at = bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def find_chipsets(body: str) -> list[Value]:
    named, bare_gen, tensor, apple, code, apple_bare = _chip_patterns()
    out: list[Value] = []
    taken = _TakenSpans()
    free = taken.free
    for m in named.finditer(body):
        if not word_start(body, m.start()):
            continue
        family = _chip_family(m.group("fam"))
        if family is None:
            continue
        if m.group("tier"):
            if family != "Snapdragon":
                continue
            name: str | None = _gen_name(m)
        elif m.group("elite"):
            name = "Snapdragon 8 Elite" if family == "Snapdragon" else None
        elif m.group("num"):
            if family in ("Helio",):
                continue
            suffix = (m.group("suf") or "").strip()
            suffix = "+" if suffix.lower() in ("+", "plus") else suffix
            edition = m.group("ed")
            name = f"{family} {m.group('num')}{suffix}"
            if edition and family == "Dimensity":
                candidate = f"{name}-{edition}"
                name = candidate if key(candidate) in lexicon().chipsets_by_key else f"{name} {edition}"
        elif m.group("let"):
            if family not in ("Helio", "Google Tensor", "Unisoc Tiger", "Unisoc"):
                continue
            name = f"{family} {m.group('let')}"
        else:
            continue
        if not name:
            continue
        out.append(Value(m.start("fam"), m.end(), "chipset", _canonical_chip(name)))
        taken.add(m.start(), m.end())

    # Each pattern needs its literal word ("Gen", "Tensor"): without it the scan is skipped.
    for m in bare_gen.finditer(body) if "Gen" in body else ():
        if free(m.start(), m.end()):
            out.append(Value(m.start(), m.end(), "chipset", _canonical_chip(_gen_name(m))))
            taken.add(*m.span())
    for m in tensor.finditer(body) if "Tensor" in body else ():
        if free(m.start(), m.end()) and word_start(body, m.start()):
            name = f"Google Tensor {m.group('g')}" if m.group("g") else "Google Tensor"
            out.append(Value(m.start(), m.end(), "chipset", _canonical_chip(name)))
            taken.add(*m.span())
    for m in apple.finditer(body):
        if free(m.start(), m.end()) and word_start(body, m.start()):
            out.append(
                Value(
                    m.start(),
                    m.end(),
                    "chipset",
                    _canonical_chip(f"Apple A{m.group('anum')} {m.group('aed')}"),
                )
            )
            taken.add(*m.span())
    for m in apple_bare.finditer(body):
        if not word_start(body, m.start()) or not free(m.start(), m.end("anum")):
            continue
        maker = _WORD_BEFORE.search(body, max(0, m.start() - 16), m.start())
        if maker and lexicon().word_to_brand.get(maker.group(1).lower()) not in (None, "Apple"):
            continue  # "the Galaxy A15 processor": a phone of another maker
        if m.group("noun") or _APPLE_BEFORE.search(body, max(0, m.start() - 32), m.start()):
            out.append(Value(m.start(), m.end("anum"), "chipset", _apple_chip(m.group("anum"))))
            taken.add(m.start(), m.end("anum"))
    codes = lexicon().specs["chip_model_numbers"]
    for m in code.finditer(body):
        if free(m.start(), m.end()) and word_start(body, m.start()):
            out.append(Value(m.start(), m.end(), "chipset", _canonical_chip(codes[m.group("code")])))
    return out


_APPLE_BEFORE = re.compile(r"Apple(?:['’]s)?\s+(?:[\w-]+\s+){0,2}$")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def _apple_chip(number: str) -> str:
    """An A-series chip by its number: the catalogue's edition when it has one ("A13" is the
    "Apple A13 Bionic"), else the number as said ("Apple A21")."""
    for edition in ("Bionic", "Fusion"):
        name = lexicon().chipsets_by_key.get(key(f"Apple A{number} {edition}"))
        if name:
            return name
    return f"Apple A{number}"


# --- display --------------------------------------------------------------------------------

_SCREEN_WORDS = r"(?:display|screen|panel|AMOLED|OLED|LCD|FHD|QHD|HD|LTPO|touchscreen)"
# Up to three words between a bare size and its screen word, a resolution with a point among them
# ("6.6″ flat 1.5K display"); a point that ends a sentence ends the words.
_WORDS_BEFORE_SCREEN = r"(?:\w(?:[\w+-]|\.(?=\w))*\s+){0,3}"
_SIZE = re.compile(
    r"\b(?P<n>\d(?<![\d.,]\d)\d?(?:\.\d{1,2})?)(?:(?<=\.\d)in\b(?![’'])|(?<=\.\d\d)in\b(?![’'])|"
    r"\s*(?:-\s*|\s)?(?:inch(?:es)?\b|-in\b|in\b(?=[\s-]+"
    + _WORDS_BEFORE_SCREEN
    + _SCREEN_WORDS
    + r")|(?:[\"″”]|''|’’)(?=\s*"
    + _WORDS_BEFORE_SCREEN
    + _SCREEN_WORDS
    + r")))"
)  # 6.7″, 6.7'' (two apostrophes); "6.1in" (a decimal size with "in" glued on: no preposition)
# A row's cell may keep a space before its inch sign ("Display 6.7 " (17.02 cm)").
_INCH_CELL = re.compile(r"(?<![\w.])(?P<n>\d{1,2}(?:\.\d{1,2})?) ?(?:[\"″”]|''|’’)")
_SIZE_ROW = re.compile(
    r"\b(?:[Ss]creen|[Dd]isplay)(?:\s+[Ss]ize)?:?\s+"
    r"(?P<cells>\d{1,2}(?:\.\d{1,2})? ?(?:[\"″”]|''|’’)(?:\s+\d{1,2}(?:\.\d{1,2})? ?(?:[\"″”]|''|’’)){0,3})"
)
# The grammar is here; the words are data (data/lexicon/context.json), read once at import.
_SECONDARY = re.compile(
    r"\b(?:"
    + fragments("secondary_display_words")
    + "|"
    + fragments("secondary_display_positions")
    + r")\b[\s-]*"
    r"(?:" + fragments("secondary_display_nouns") + ")",
    re.IGNORECASE,
)
_SECONDARY_AFTER = re.compile(r"\s*(?:[\w-]+\s+)?(?:" + fragments("secondary_display_words") + r")\b")
_RES_P = re.compile(r"\b(?P<n>720|1080|1440|2160)p\b")
# "1080x2400", "1220x2712px" (a unit glued on: pixels, not a model or part number), and with
# thousands separators: "(1,220x2,712 pixels)", "1,080 x 2,400"
_RES_WXH = re.compile(
    r"\b(?P<w>\d(?<![\w.,]\d)(?:,\d{3}|\d{2,3}))\s*[x×X]\s*(?P<h>\d(?:,\d{3}|\d{2,3}))(?:px\b|(?!\w|[.,]\d))(?!\s*(?:mm|cm))"
)


@lru_cache(maxsize=1)
def _display_patterns():
    specs = lexicon().specs
    # Writers join the words of a resolution name with a space, a hyphen or nothing and in any
    # case ("Full HD+", "full-HD+", "FullHD+"); each name is read in all of those forms.
    res_forms = [(_spaced_resolution(p), value) for p, value in _resolutions().items()]
    forms = [f.pattern for f, _ in res_forms]
    res_words = re.compile(
        _leading_letters_guard(forms)
        + r"(?P<w>"
        + "|".join(sorted(forms, key=len, reverse=True))
        + r")(?![\w+])",
        re.IGNORECASE,
    )
    types = {k: v for k, v in specs["display_types"].items() if not k.startswith("_")}
    type_re = re.compile(r"(?P<t>" + alternation(types) + r")(?![\w])")
    return res_words, type_re, types, res_forms


_TWO_PLAIN_CHARACTERS = re.compile(r"[A-Za-z0-9]{2}")


def _leading_letters_guard(patterns: list[str]) -> str:
    """A lookahead for the first characters of the patterns when each surely starts with its own
    (two plain characters, no alternation), so that a scan passes other offsets at once; else none."""
    if all(_TWO_PLAIN_CHARACTERS.match(p) and "|" not in p for p in patterns):
        return first_letter_guard(patterns)
    return ""


def _spaced_resolution(pattern: str) -> re.Pattern:
    return re.compile(pattern.replace(" ", r"[\s-]?"), re.IGNORECASE)


_SCREEN_WORD = re.compile(_SCREEN_WORDS, re.IGNORECASE)
_RESOLUTION_WORD = re.compile(r"resolution", re.IGNORECASE)
_LTPO = re.compile(r"LTPO[\w .-]{0,16}$")


_VIDEO_AFTER = re.compile(r"\s+(?:[\w+-]+\s+){0,2}?(?:" + fragments("video_words") + r")\b", re.IGNORECASE)
_RECORD_BEFORE = re.compile(r"\brecord(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _of_video(body: str, start: int, end: int) -> bool:
    """ "records full HD slow motion videos", "4K video at 60fps": a video's resolution."""
    return bool(
        _VIDEO_AFTER.match(body, end, min(len(body), end + 40))
        or _RECORD_BEFORE.search(body, max(0, start - 30), start)
    )


def _inches(number: str) -> str:
    """A display size's value: "6.70" -> "6.7 in", "6" -> "6 in"."""
    return f"{number.rstrip('0').rstrip('.') if '.' in number else number} in"


def find_display(body: str, sentences: Sentences, at: dict | None = None) -> list[Value]:
    at = scan_numbers(body) if at is None else at
    out = []
    for m in _hits(_SIZE, body, at.get("size")):
        n = float(m.group("n"))
        if not 3.0 <= n <= 16.0:
            continue
        s, e = sentences.bounds(m.start())
        after = body[m.end() : min(e, m.end() + 30)]
        if _SECONDARY.match(after.lstrip(" -")) or _SECONDARY_AFTER.match(after):
            continue
        out.append(
            Value(
                m.start(),
                m.end(),
                "display_size",
                _inches(m.group("n")),
            )
        )
    if '"' in body or "″" in body or "”" in body:
        seen = {v.start for v in out}
        for row in _SIZE_ROW.finditer(body):
            # "Screen size 6.3" 6.9"": a table row's label before its cells says they are sizes.
            for cell in _INCH_CELL.finditer(body, row.start("cells"), row.end("cells")):
                n = float(cell.group("n"))
                if 3.0 <= n <= 16.0 and cell.start() not in seen:
                    out.append(Value(cell.start(), cell.end(), "display_size", _inches(cell.group("n"))))
    res_words, type_re, canon, res_forms = _display_patterns()
    for m in _hits(_RES_P, body, at.get("res_p")):
        if not word_start(body, m.start()) or (m.start() and body[m.start() - 1] == "."):
            continue
        if _of_video(body, m.start(), m.end()):
            continue
        out.append(Value(m.start(), m.end(), "display_resolution", f"{m.group('n')}p"))
    for m in _hits(_RES_WXH, body, at.get("wxh")):
        w, h = int(m.group("w").replace(",", "")), int(m.group("h").replace(",", ""))
        short, long_ = min(w, h), max(w, h)
        if short < 480 or long_ > 4000 or long_ < short * 1.05:
            continue
        if long_ < short * 1.3 and not _SCREEN_WORD.search(body, *sentences.bounds(m.start())):
            continue  # a near-square one is a foldable's inner screen only where a screen is named
        value = f"{short}p" if short in (720, 1080, 1440, 2160) else f"{long_}x{short}"
        out.append(Value(m.start(), m.end(), "display_resolution", value))
    speaks_of_screens: dict[tuple[int, int], bool] = {}  # a sentence is read once, not once a word in it
    for m in res_words.finditer(body):
        if not word_start(body, m.start()):
            continue
        word = m.group("w")
        if _of_video(body, m.start(), m.end()):
            continue
        for form, value in res_forms:
            if form.fullmatch(word):
                bounds = sentences.bounds(m.start())
                if bounds not in speaks_of_screens:
                    s, e = bounds
                    speaks_of_screens[bounds] = bool(
                        _SCREEN_WORD.search(body, s, e) or _RESOLUTION_WORD.search(body, s, e)
                    )
                if speaks_of_screens[bounds]:
                    out.append(Value(m.start(), m.end(), "display_resolution", value))
                break
    for m in type_re.finditer(body):
        if not word_start(body, m.start()) or (
            m.start() and body[m.start() - 1] == "-" and m.group("t") == "OLED"
        ):
            continue
        value = canon[m.group("t")]
        s, e = sentences.bounds(m.start())
        if value in ("LCD",) and not re.search(r"display|screen|panel", body[s:e], re.IGNORECASE):
            continue
        if value in ("AMOLED", "OLED") and _LTPO.search(body, max(s, m.start() - 20), m.start()):
            value = "LTPO " + value
        out.append(Value(m.start(), m.end(), "display_type", value))
    if "LTPO" in body:
        out += _ltpo_alone(body, type_re)
    return _without_glossed_pixels(body, out)


# "an LTPO inner screen", "the LTPO (low-temperature oxide) technology": the backplane
# named without a panel word is the display type LTPO.
_LTPO_ALONE = re.compile(
    r"\bLTPO\b(?:\s*\([^()]{0,60}\))?(?:\s+[\w-]+){0,2}?\s+(?:display|screen|panel|tech|technology)s?\b"
)


def _ltpo_alone(body: str, type_re: re.Pattern) -> list[Value]:
    out = []
    for m in _LTPO_ALONE.finditer(body):
        near = body[max(0, m.start() - 20) : m.end()]
        if type_re.search(near):
            continue  # "LTPO AMOLED", "AMOLED LTPO display": the panel's type says it
        out.append(Value(m.start(), m.start() + 4, "display_type", "LTPO"))
    return out


_GLOSS_OPEN = re.compile(r"\s*\(\s*")


def _without_glossed_pixels(body: str, values: list[Value]) -> list[Value]:
    """ "full-HD+ (1,200 x 2,664 pixels)": the pixels in brackets gloss the resolution just named;
    one screen, one resolution (the name's)."""
    named_ends = {v.end for v in values if v.attribute == "display_resolution"}
    return [
        v
        for v in values
        if not (
            v.attribute == "display_resolution"
            and any(_GLOSS_OPEN.fullmatch(body, end, v.start) for end in named_ends if end < v.start)
        )
    ]


_HZ = re.compile(r"\b(?P<n>\d(?<![\d.,]\d)\d{1,2})\s*-?\s*Hz\b")
_NOT_REFRESH = re.compile(r"\s*(?:[\w-]+\s+)?(?:" + fragments("not_refresh_words") + ")", re.IGNORECASE)
_NOT_REFRESH_BEFORE = tuple(context_words("not_refresh_before"))
_REFRESH_AFTER = re.compile(r"\s*(?:[\w-]+\s+)?refresh\b", re.IGNORECASE)


def find_refresh(body: str, sentences: Sentences, at: dict | None = None) -> list[Value]:
    at = scan_numbers(body) if at is None else at
    out = []
    for m in _hits(_HZ, body, at.get("hz")):
        n = int(m.group("n"))
        if not 30 <= n <= 240:
            continue
        before = body[max(0, m.start() - 25) : m.start()].lower()
        if _NOT_REFRESH.match(body, m.end()) or (
            # "300Hz touch sampling rate and a 144Hz refresh rate": the word before belongs to the
            # figure before; one named a refresh rate is one
            any(w in before for w in _NOT_REFRESH_BEFORE) and not _REFRESH_AFTER.match(body, m.end())
        ):
            continue
        out.append(Value(m.start(), m.end(), "refresh_rate", f"{n} Hz"))
    return out


# --- memory ---------------------------------------------------------------------------------

_AMOUNT = re.compile(r"\b(?P<n>\d(?<![\w.]\d)\d{0,3})\s*(?P<u>GB|TB|gigabytes?|terabytes?|Gb|gb|tb)(?![\w])")
_PAIR = re.compile(
    r"\b(?P<a>\d(?<![\w.]\d)\d?)\s*(?:GB|gb)?\s*(?:\+|/)\s*(?P<b>\d{1,4})\s*(?P<u>GB|TB|gb|tb)(?![\w])"
)
_RAM_WORD = re.compile(r"\b(?:" + fragments("ram_words") + r")\b", re.IGNORECASE)
_STORAGE_WORD = re.compile(r"\b(?:" + fragments("storage_words") + r")\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"^\s*(?:,|/|or|and|,\s*and|,\s*or|\+)?\s*(?:up to\s+)?$", re.IGNORECASE)


_ELLIPSIS_GAP = re.compile(
    r"\b(?:and|while|whereas|but)\s+(?:the|its)\s+(?:[\w+-]+\s+){1,3}(?:gets?|has|with)?\s*$"
)


# "a 16GB variant", "12GB of top option", "12GB in the top variant": an amount named as a variant
_VARIANT_AFTER = re.compile(
    r"\s*(?:(?:of|in)\s+(?:the\s+|its\s+)?)?(?:[a-z-]+\s+)?(?:"
    + fragments("memory_variant_nouns")
    + r")s?\b",
    re.IGNORECASE,
)


def _gb(n: str, unit: str) -> float:
    return float(n) * (1024 if unit.upper().startswith("T") else 1)


def _gb_text(amount: float) -> str:
    if amount >= 1024 and amount % 1024 == 0:
        return f"{int(amount // 1024)} TB"
    return f"{int(amount)} GB"


# "... RAM of 12GB", "with 12GB", "up to 1TB", "the RAM will be 12GB", "storage is 256GB".
_ROLE_LINK_BEFORE = re.compile(
    r"(?:[:=]|\bof|\bwith|\bup to|\bto|\b(?:is|are|will be|would be|could be|should be))\s*$"
)
_LABEL_GAP = re.compile(r"\s*[:=–-]?\s*$")


def _label_before(body: str, sentence_start: int, at: int) -> str | None:
    """ "ram" or "storage" when that label stands right before the amount at `at` ("RAM 12GB")."""
    before = body[max(sentence_start, at - 24) : at]
    gap = _LABEL_GAP.search(before)
    head = before[: gap.start()] if gap and gap.start() < len(before) else None
    if not head:
        return None
    for role, pattern in (("ram", _RAM_WORD), ("storage", _STORAGE_WORD)):
        matches = list(pattern.finditer(head))
        last = matches[-1] if matches else None
        if last is not None and last.end() == len(head):
            if role == "ram" and _STORAGE_BEFORE_MEMORY.search(head, 0, last.start()):
                return "storage"  # "Storage memory 256GB", "Internal memory: 128GB"
            return role
    return None


_STORAGE_BEFORE_MEMORY = re.compile(r"\b(?:" + fragments("storage_words") + r")\s+$", re.IGNORECASE)


_EXPANSION_BEFORE = re.compile(
    r"\b(?:" + fragments("memory_expansion_words") + r")\b(?:(?![,;]|\band\b)[^.]){0,30}?"
    r"\b(?:up\s*to|to|by|an\s+additional|another)\s+$",
    re.IGNORECASE,
)
_EXPANSION_AFTER = re.compile(
    r"\s*(?:of\s+)?(?:(?:via|using|through|with|by|on)\s+(?:an?\s+|the\s+)?(?:external\s+)?)?(?:"
    + fragments("memory_expansion_media")
    + r")",
    re.IGNORECASE,
)


def _expansion_amount(body: str, sentences: Sentences, m: re.Match) -> bool:
    """Whether an amount is what a memory card or a swap file adds ("storage that expands up to
    2TB via a microSD card", "8GB of virtual RAM"), not the phone's own."""
    s, _e = sentences.bounds(m.start())
    return bool(
        _EXPANSION_BEFORE.search(body, max(s, m.start() - 60), m.start())
        or _EXPANSION_AFTER.match(body, m.end(), m.end() + 40)
    )


def find_memory(body: str, sentences: Sentences, at: dict | None = None) -> list[Value]:
    at = scan_numbers(body) if at is None else at
    out: list[Value] = []
    pairs = _CoveredOffsets(len(body))
    for m in _hits(_PAIR, body, sorted(at.get("pair", ()))):
        a, _b = int(m.group("a")), int(m.group("b"))
        storage = _gb(m.group("b"), m.group("u"))
        if a <= 24 and storage >= 32:
            pairs.add(m.start(), m.end())
            line_start = body.rfind("\n", 0, m.start()) + 1
            if body.startswith("|", line_start) or body[line_start : m.start()].lstrip().startswith("|"):
                continue  # a price table's row: one configuration, not the phone's memory
            out.append(Value(m.start("a"), m.end("a"), "ram", f"{a} GB", float(a)))
            out.append(
                Value(
                    m.start("b"),
                    m.end(),
                    "storage",
                    _gb_text(_gb(m.group("b"), m.group("u"))),
                    _gb(m.group("b"), m.group("u")),
                )
            )
    amounts = [m for m in _hits(_AMOUNT, body, at.get("amount")) if m.start() not in pairs]
    roles: list[str | None] = []
    # A spec sheet puts the label first ("RAM 12GB Storage 256GB"): in a sentence whose first
    # amount has its label right before it, each amount takes the label before it.
    label_first: dict[int, bool] = {}
    for i, m in enumerate(amounts):
        s, e = sentences.bounds(m.start())
        if s not in label_first:
            label_first[s] = _label_before(body, s, m.start()) is not None
        role = _label_before(body, s, m.start()) if label_first[s] else None
        if role is not None:
            roles.append(role)
            continue
        nxt = amounts[i + 1].start() if i + 1 < len(amounts) and amounts[i + 1].start() < e else e
        after = body[m.end() : min(nxt, m.end() + 40)]
        ram = _RAM_WORD.search(after)
        sto = _STORAGE_WORD.search(after)
        if ram and (not sto or ram.start() < sto.start()):
            role = "ram"
        elif sto:
            role = "storage"
        if role is None:
            prev_end = amounts[i - 1].end() if i > 0 and amounts[i - 1].end() > s else s
            before = body[max(prev_end, m.start() - 30) : m.start()]
            last_ram = max((x.end() for x in _RAM_WORD.finditer(before)), default=-1)
            last_sto = max((x.end() for x in _STORAGE_WORD.finditer(before)), default=-1)
            if _ROLE_LINK_BEFORE.search(before) or before.strip() == "":
                if last_ram > last_sto:
                    role = "ram"
                elif last_sto > last_ram:
                    role = "storage"
        roles.append(role)
    # "12GB of RAM and the regular model 8GB": an amount without a role after one with a role in
    # the same sentence, with no other amount between, takes that role.
    for i in range(1, len(amounts)):
        if roles[i] is None and roles[i - 1] is not None:
            s, _e = sentences.bounds(amounts[i].start())
            gap = body[amounts[i - 1].end() : amounts[i].start()]
            if amounts[i - 1].start() >= s and len(gap) <= 60 and _ELLIPSIS_GAP.search(gap):
                roles[i] = roles[i - 1]
            # "at least 12GB of RAM, with a 16GB variant too": a variant of the same size range.
            elif (
                amounts[i - 1].start() >= s
                and roles[i - 1] == "ram"
                and _gb(amounts[i].group("n"), amounts[i].group("u")) <= 32
                and _VARIANT_AFTER.match(body, amounts[i].end())
            ):
                roles[i] = "ram"
    # A list ("8GB, 12GB or 16GB of RAM") takes the role of its last member.
    for i in range(len(amounts) - 2, -1, -1):
        if roles[i] is None and roles[i + 1] is not None:
            gap = body[amounts[i].end() : amounts[i + 1].start()]
            if _LIST_GAP.match(gap):
                roles[i] = roles[i + 1]
    for m, role in zip(amounts, roles, strict=False):
        amount = _gb(m.group("n"), m.group("u"))
        if role is None:
            if m.group("u").upper().startswith("T") or amount >= 64:
                s, e = sentences.bounds(m.start())
                if re.search(
                    r"\b(?:variant|model|version|storage|configuration|option|edition)s?\b", body[s:e], re.I
                ):
                    role = "storage"
        if role is None:
            continue
        if _expansion_amount(body, sentences, m):
            # "expandable up to 1TB via microSD", "storage you can expand to 1TB" (the
            # role read from the sentence's words): a card's amount, not the phone's
            continue
        if role == "ram" and not 1 <= amount <= 32:
            continue
        if role == "storage" and not 8 <= amount <= 4096:
            continue
        out.append(Value(m.start(), m.end(), role, _gb_text(amount), amount))
    return out


# --- cameras --------------------------------------------------------------------------------

_MP = re.compile(
    r"\b(?P<n>\d(?<![\w.]\d)\d{0,2}(?:\.\d)?)\s*-?\s*(?:MP|Mp|mp|MPx|megapixels?|mega-pixels?|-megapixel)(?![\w])"
)


@lru_cache(maxsize=1)
def _role_pattern():
    roles = lexicon().specs["camera_roles"]
    parts = []
    for role, words in roles.items():
        for word in words:
            parts.append((word, role))
    parts.sort(key=lambda t: len(t[0]), reverse=True)
    pattern = re.compile(trie_pattern(sorted({w.lower() for w, _ in parts}), space=r"[\s-]") + r"(?![\w-])")
    lookup = {w.lower().replace("-", " "): r for w, r in parts}
    return pattern, lookup


_CAMERA_NOUN = re.compile(r"\s*(?:[\w-]*\w[\s-]+)?(?:camera|sensor|shooter)s?\b")  # "50MP triple-camera" too
_AFTER_CUT = re.compile(r"[,;(]|\band\b|\bwhile\b|\bplus\b")
_BEFORE_CUT = re.compile(r"[,;)+]|\band\b")
# "The selfie camera is ...": a sentence led by a camera of one role (the role words of _role_pattern).
_CAMERA_SUBJECT_LEAD = re.compile(r"\W*(?:[\w-]+,\s+)?(?:the|its)\s+(?:new\s+)?")
_CAMERA_SUBJECT_NOUN = re.compile(
    r"(?:[\s-]+(?:facing|angle|zoom))?\s+(?:camera|lens|shooter|snapper|sensor)\b"
)
# "50MP (IMX890, with OIS) + 8MP (IMX355, ultra-wide)": the bracket after a figure holds its role.
_BRACKET_AFTER = re.compile(r"\s*(?:[a-z-]+\s+)?\(([^()]{0,60})\)")  # "2MP units (macro and depth)" too
_PLUS_AFTER = re.compile(r"\s*(?:\([^()]{0,60}\))?\s*\+\s*\d")
_PLUS_BEFORE = re.compile(r"\+\s*$")


@lru_cache(maxsize=1)
def _front_lead() -> re.Pattern:
    """A front-camera lead ("At the front,") at a sentence's start or a clause's (", and at the front,")."""
    words = sorted(lexicon().specs["front_camera_leads"], key=len, reverse=True)
    return re.compile(
        r"(?:^|[,;]\s*(?:(?:and|while|but|whereas)\s+)?)\W*(?:"
        + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        + r")\s*,"
    )


_FIRST_CLAUSE_END = re.compile(
    r"[;.]|,\s*(?:while|whereas|and|but)\b|\b(?:while|whereas)\b|\b(?:rear|back)\b"
)


@lru_cache(maxsize=1)
def _front_lead_gate() -> tuple[str, ...]:
    """The last word of each front-camera lead ("front", "selfies"): a clause without one of them
    has no lead, and the lead pattern is not tried."""
    return tuple(sorted({w.split()[-1].lower() for w in lexicon().specs["front_camera_leads"]}))


def _front_led(low: str, s: int, pos: int) -> bool:
    """Whether the figure at `pos` is in a clause led by "At the front," or "For selfies," (the
    sentence's first or one after ", and")."""
    if not any(w in low[s:pos] for w in _front_lead_gate()):
        return False
    leads = list(_front_lead().finditer(low[s:pos]))
    return bool(leads) and _FIRST_CLAUSE_END.search(low, s + leads[-1].end(), pos) is None


@lru_cache(maxsize=1)
def _wide_words() -> frozenset[str]:
    return frozenset(_SPACES_DASHES.sub(" ", w.lower()) for w in lexicon().specs["wide_words_after_main"])


def _first_word(pattern: re.Pattern, text: str) -> str | None:
    for m in pattern.finditer(text):
        if word_start(text, m.start()):
            return m.group(0)
    return None


_SPACES_DASHES = re.compile(r"[\s-]+")


@lru_cache(maxsize=4096)
def _role(word: str) -> str:
    _, lookup = _role_pattern()
    return lookup.get(_SPACES_DASHES.sub(" ", word.lower()), "_other")


_SENSOR = re.compile(
    r"(?:(?:Sony(?:['’]s)?\s+)?(?:IMX\s?(?P<imx>\d{3}[A-Z]?)|LYT[- ]?(?P<lyt>\d{3}))|"
    r"(?:(?:Samsung(?:['’]s)?\s+)?ISOCELL\s+|Samsung(?:['’]s)?\s+)(?P<iso>(?:GN|HP|HM|JN|GW|JD|GH|GM|HP)\d{1,2})|"
    r"(?:OmniVision(?:['’]s)?|Omnivision)\s+(?P<ov>OV[A-Z]?\d{2}[A-Z]?)|"
    # "an OV50H main sensor": OmniVision's name without the maker, where a camera word follows
    r"(?P<ov_bare>OV\d{2}[A-Z])(?=\s+(?:[\w-]+\s+){0,2}(?:sensors?|cameras?|lens|shooter)\b))(?![\w])"
)
_SENSOR_AFTER_FIGURE = re.compile(r"\s+(?:" + _SENSOR.pattern + r")")
_SENSOR_LEAD = re.compile(r"(?:" + fragments("sensor_lead_words") + ")")
_SENSOR_WORD_GATE = ("IMX", "LYT", "ISOCELL", "Samsung", "OmniVision", "Omnivision", "OV")


def _sensor_hits(body: str):
    """_SENSOR.finditer(body), tried only where one of its leading words is (a literal scan)."""
    if not any(w in body for w in _SENSOR_WORD_GATE):
        return
    last = -1
    for lead in _SENSOR_LEAD.finditer(body):
        p = lead.start()
        if p < last:
            continue
        m = _SENSOR.match(body, p)
        if m is not None:
            last = m.end()
            yield m


# The words a camera count starts with, in the order tried ("quad" before "quadruple": the noun
# after it decides).
_COUNT_WORDS = (
    "dual", "double", "twin", "triple", "quad", "quadruple", "penta", "two", "three", "four", "five",
    "trio of", "2", "3", "4", "5",
)  # fmt: skip
_COUNT = re.compile(  # the lookahead first: offsets where no count word starts pass at once
    r"(?=[dtqpf2-5])\b(?P<w>"
    + "|".join(re.escape(w) for w in _COUNT_WORDS)
    + r")[\s-]+(?P<mp>\d{1,3}(?:\.\d)?\s*-?\s*(?:mp|megapixels?)[\s-]+)?"
    r"(?:rear[\s-]+(?:facing[\s-]+)?|back[\s-]+|main[\s-]+|lens[\s-]+|image[\s-]+)?"
    r"(?:(?:camera|cam|lens|sensor|shooter|unit)(?P<pl>s|es)?|optics)(?![\w-])"
)
# "three 48MP cameras": a figure between the count and its plural camera noun is said of each
_PLURAL_CAMERAS_AFTER = re.compile(r"[\s-]+(?:(?:rear|back)[\s-]+)?(?:cameras|sensors|lenses|shooters)\b")


def leads() -> dict[str, list[str]]:
    """The words a camera count starts with, for the shared word scan: the count is then tried
    only where one of them starts a word, not by a scan of the whole lowered body."""
    return {"camera_count": list(_COUNT_WORDS)}


_PART_OF_THE_CAMERAS = re.compile(r"\b(?:other|remaining|additional|extra)\s+$")
_PLURAL_PART_AFTER = re.compile(r"\s+(?:sensors|lenses|units|modules)\b", re.IGNORECASE)
_COUNT_GATE = word_gate("camera_count_gate")


def _role_of_previous_figure(low: str, previous_end: int, start: int, word: re.Match) -> bool:
    """ "a 50MP primary sensor along with 8MP and 2MP secondary ones": the role word right after the
    figure before (nothing but a hyphen or spaces between them) names that figure's camera, not the
    next figure's."""
    return low[previous_end:start].lstrip(" -").startswith(word.group(0))


_SHARED_COUNT_BEFORE = re.compile(r"\b(?:" + fragments("shared_figure_counts") + r")\s+$")
_SHARED_ROLES = re.compile(r"[^,;.()\d]{0,45}")  # up to the next figure: "dual 50MP and 8MP" is no pair


def _shared_figure_roles(low: str, s: int, m: re.Match, bracket, role: str, role_re) -> list[str]:
    """The other roles of one figure said of several cameras ("two 50MP sensors (main and
    ultrawide)", "dual 50MP main and ultra-wide cameras"): each role named takes the figure."""
    if not _SHARED_COUNT_BEFORE.search(low, max(s, m.start() - 14), m.start()):
        return []
    listed = (
        bracket.group(1)
        if bracket is not None
        else cast(re.Match[str], _SHARED_ROLES.match(low, m.end())).group(0)
    )
    roles = []
    for word in role_re.finditer(listed):
        other = _role(word.group(0))
        if word_start(listed, word.start()) and other not in (role, "_other") and other not in roles:
            roles.append(other)
    return roles


def _sole_figure(mps: list[re.Match], i: int, s: int, e: int) -> bool:
    """Whether the i-th megapixel figure is the only one of its sentence [s, e)."""
    return (i == 0 or mps[i - 1].end() <= s) and (i + 1 == len(mps) or mps[i + 1].start() >= e)


def find_cameras(
    body: str, sentences: Sentences, at: dict | None = None, word_hits: dict | None = None
) -> list[Value]:
    at = scan_numbers(body) if at is None else at
    out: list[Value] = []
    role_re, _ = _role_pattern()
    mps = list(_hits(_MP, body, at.get("mp")))
    low = lowered(body) if mps else body
    # The last main camera named: its sentence's bounds and its figure.
    main_named_in, main_sentence_end, main_figure = -1, -1, 0.0
    for i, m in enumerate(mps):
        s, e = sentences.bounds(m.start())
        nxt = mps[i + 1].start() if i + 1 < len(mps) and mps[i + 1].start() < e else e
        after = low[m.end() : min(nxt, m.end() + 45)]
        after = _AFTER_CUT.split(after, maxsplit=1)[0]
        role = None
        word = None  # the role word that named the figure's camera
        found = _first_word(role_re, after)
        bracket = _BRACKET_AFTER.match(low, m.end(), nxt) if not found else None
        if bracket is not None:
            found = _first_word(role_re, bracket.group(1))
        if found:
            role, word = _role(found), found
        elif bracket is not None and _PLUS_AFTER.match(low, m.end(), e):
            # "50MP (IMX890, with OIS) + 8MP (...)": the first of a list of figures joined by "+" is the main one
            if not _PLUS_BEFORE.search(low, max(s, m.start() - 6), m.start()):
                role = "main_camera"
        else:
            # No role word after the figure (a bracket of its aperture, "Front camera: 8MP
            # (f/2.0)", names none): the words before it say the role.
            prev = mps[i - 1].end() if i > 0 and mps[i - 1].end() > s else s
            before = low[max(prev, m.start() - 35) : m.start()]
            before = _BEFORE_CUT.split(before)[-1]
            words = [w for w in role_re.finditer(before) if word_start(before, w.start())]
            if words and not (
                i > 0 and prev > s and _role_of_previous_figure(low, prev, m.start(), words[-1])
            ):
                role, word = _role(words[-1].group(0)), words[-1].group(0)
        if role is None and (i == 0 or mps[i - 1].end() <= s):
            # "The selfie camera is tipped to be upgraded to a 50MP sensor": the sentence's subject
            # camera is the role of its first figure.
            lead = _CAMERA_SUBJECT_LEAD.match(low, s, m.start())
            subject_word = role_re.match(low, lead.end(), m.start()) if lead is not None else None
            if subject_word is not None and _CAMERA_SUBJECT_NOUN.match(low, subject_word.end(), m.start()):
                role, word = _role(subject_word.group(0)), subject_word.group(0)
        if (
            role is None
            and i + 1 < len(mps)
            and mps[i + 1].start() < e
            and _PLUS_AFTER.match(low, m.end(), e)
            and not _PLUS_BEFORE.search(low, max(s, m.start() - 6), m.start())
            and float(m.group("n")) >= float(mps[i + 1].group("n"))
        ):
            role = "main_camera"  # "50MP + 8MP + 2MP": the first and largest of a list is the main camera
        if role in (None, "main_camera", "telephoto_camera") and _front_led(low, s, m.start()):
            role = "front_camera"  # "At the front, there's a 16MP wide-angle camera", "a 32MP portrait lens"
        n = float(m.group("n"))
        if (
            role is None
            and n >= 8
            and _sole_figure(mps, i, s, e)
            and _SHARED_COUNT_BEFORE.search(low, max(s, m.start() - 14), m.start())
            and _PLURAL_CAMERAS_AFTER.match(low, m.end())
        ):
            role = "main_camera"  # "three 48MP cameras": the main one among them has the figure
        if role is None and n >= 48 and not _PLUS_BEFORE.search(low, max(s, m.start() - 6), m.start()):
            # "a 200MP ISOCELL HP3 sensor": the sensor's name may stand between figure and noun;
            # "8MP + 50MP sensors": a figure inside a list after its first is no main camera
            sensor = _SENSOR_AFTER_FIGURE.match(body, m.end())
            if _CAMERA_NOUN.match(after) or (sensor and _CAMERA_NOUN.match(low, sensor.end())):
                role = "main_camera"
        if (
            role == "main_camera"
            and _SPACES_DASHES.sub(" ", word or "") in _wide_words()
            and (
                main_named_in == s
                # "... a 50MP main camera. It is joined by an 8MP wide-angle lens.": a smaller
                # figure in the next sentence too
                or (0 <= main_sentence_end <= s and not body[main_sentence_end:s].strip() and n < main_figure)
            )
        ):
            role = "ultrawide_camera"  # "a 64MP main camera, helped by a 12MP wide-angle one"
        elif role == "main_camera":
            main_named_in, main_sentence_end, main_figure = s, e, n
        if role is None or role == "_other":
            continue
        if not 2 <= n <= 300:
            continue
        value = f"{int(n) if n.is_integer() else n} MP"
        out.append(Value(m.start(), m.end(), role, value))
        for other in _shared_figure_roles(low, s, m, bracket, role, role_re):
            out.append(Value(m.start(), m.end(), other, value))
    for m in _sensor_hits(body):
        if not word_start(body, m.start()):
            continue
        if m.group("imx"):
            value = f"Sony IMX{m.group('imx')}"
        elif m.group("lyt"):
            value = f"Sony LYT-{m.group('lyt')}"
        elif m.group("iso"):
            value = f"Samsung {m.group('iso')}"
        else:
            value = f"OmniVision {m.group('ov') or m.group('ov_bare')}"
        out.append(Value(m.start(), m.end(), "camera_sensor", value))
    words = lexicon().specs["camera_count_words"]
    if not mps:
        low = lowered(body)  # lowered above only when the body has megapixel figures
    count_at = word_hits.get("camera_count") if word_hits is not None else None
    counts = _COUNT.finditer(low) if count_at is None else matches_at(_COUNT, low, count_at)
    for m in counts if _COUNT_GATE(low) else ():
        if m.start() and (low[m.start() - 1].isalnum() or low[m.start() - 1] in "_-"):
            continue
        word = m.group("w").lower()
        if (
            word in ("two", "three", "four", "five", "2", "3", "4", "5", "trio of")
            and not m.group("pl")
            and not _PLURAL_PART_AFTER.match(body, m.end())
        ):
            continue  # "two camera" is no count; "two cameras", "two camera sensors" are
        s, e = sentences.bounds(m.start())
        tail = body[m.end() : min(e, m.end() + 25)].lower()
        head = body[max(s, m.start() - 20) : m.start()].lower()
        if (
            re.search(r"front|selfie", tail[:15] + head[-12:])
            or re.match(r"\s*(?:setup\s+)?on the front", tail)
            or _front_led(low, s, m.start())  # "At the front, it packs a dual-camera module"
        ):
            continue
        if _PART_OF_THE_CAMERAS.search(head):
            continue  # "the other two cameras": some of the cameras, not how many there are
        if word.isdigit() and re.search(r"\bgen\s*$", head):
            continue  # "Snapdragon 8 Gen 2 Rear cameras:": the chip's number
        if m.group("mp") and (not m.group("pl") or sum(s <= f.start() < e for f in mps) > 1):
            continue  # "a 50MP main and two 2MP cameras": two of the phone's cameras, not all
        out.append(Value(m.start(), m.end(), "camera_count", str(words[word])))
    return out


# --- power ----------------------------------------------------------------------------------

_MAH = re.compile(r"\b(?P<n>\d(?<![\w.,]\d)\d?[,.]?\d{3})\s*-?\s*(?:mAh|mah|MAH)(?![\w])")
_WATT = re.compile(
    r"\b(?P<n>\d(?<![\w.]\d)\d{0,2}(?:\.\d)?)(?:\s*-?\s*(?:W|watts?|Watts?)|w)(?![\w])"
)  # "22.5W" too, and a lower-case "w" glued on ("67w")
_CHARGE_WORD = re.compile(
    r"charg|wired|fast|vooc|hypercharge|supercharge|warp|dash|flash|adapter|charger|brick|\bpd\b|turbo",
    re.IGNORECASE,
)


_POWER_CLAUSE_END = re.compile(r"[;(]|,\s*(?:and|but|while|though|although)\b|\b(?:but|while|whereas)\b")


_ALTERNATIVE = re.compile(
    r"instead of|rather than|\bnot\b|n['’]t|up from|down from|versus|\bvs\b|compared|\bthan\b|\bor\b"
    r"|\b(?:whereas|while)\b"
)  # "150W on the Pro, whereas the base model tops out at 100W"


# "80W charging and wireless charging too": the figure's own charging noun ends before "wireless",
# which names another feature (without a figure of its own).
_CHARGING_THEN_ANOTHER = re.compile(r"\bcharging(?:\s+support)?\s*(?:,|\band\b|\bplus\b|\bas well as\b)")
_SEPARATORS = re.compile(r"[,.]")
_TIMES_BEFORE = re.compile(r"\d\s*[x×]\s*$")
_CELLS_BEFORE = re.compile(r"dual[- ]cell|two cells|power ?bank", re.I)
_WIRELESS_BEFORE = re.compile(
    r"wireless(?:\s+charging)?,?(?:\s+(?:at|of|up to|speeds? of))*\s*$"
)  # "wireless charging, at 15W"
_WIRELESS_FEATURE_BEFORE = re.compile(
    r"(?i)\bwireless\s+charging\s+(?:" + fragments("charging_feature_nouns") + r")\s+(?:(?:at|of|up to)\s+)+$"
)
# The wireless charging a relative clause gives the figure of: "wireless charging which reaches 20W".
_WIRELESS_NAMED_BEFORE = re.compile(
    r"(?i)wireless\s+charging(?:\s+[\d.]+)?\s*,?\s+(?:that|which)\s+[a-z]+\s+(?:up\s+to\s+)?$"
)


def find_power(body: str, sentences: Sentences, at: dict | None = None) -> list[Value]:
    at = scan_numbers(body) if at is None else at
    out = []
    for m in _hits(_MAH, body, at.get("mah")):
        n: float = int(_SEPARATORS.sub("", m.group("n")))
        before = body[max(0, m.start() - 6) : m.start()]
        if not 1000 <= n <= 25000 or _TIMES_BEFORE.search(before):
            continue
        s, e = sentences.bounds(m.start())
        if _CELLS_BEFORE.search(body, max(s, m.start() - 30), m.start()):
            continue
        out.append(Value(m.start(), m.end(), "battery", f"{n} mAh"))
    watts = list(_hits(_WATT, body, at.get("watt")))
    for i, m in enumerate(watts):
        n = float(m.group("n"))
        if not 5 <= n <= 300:
            continue
        s, e = sentences.bounds(m.start())
        nxt = watts[i + 1].start() if i + 1 < len(watts) and watts[i + 1].start() < e else e
        prev = watts[i - 1].end() if i > 0 and watts[i - 1].end() > s else s
        after = body[m.end() : min(nxt, m.end() + 40)].lower()
        after = _POWER_CLAUSE_END.split(after, maxsplit=1)[0]  # "120W, and there is no wireless charging"
        before = body[max(prev, m.start() - 36) : m.start()].lower()
        if "reverse" in after[:25] or "reverse" in before[-20:]:
            continue
        wireless_after = after.find("wireless")
        wired_after = after.find("wired")
        if (
            wireless_after != -1
            and (wired_after == -1 or wireless_after <= wired_after - 2 or wireless_after < wired_after)
            and not _CHARGING_THEN_ANOTHER.search(after, 0, wireless_after)
        ):
            attribute = "wireless_charging"
        elif wired_after == -1 and _WIRELESS_NAMED_BEFORE.search(body, max(prev, m.start() - 60), m.start()):
            attribute = "wireless_charging"  # "Qi2 wireless charging which delivers 25W"
        elif wired_after != -1 or _CHARGE_WORD.search(after):
            attribute = "wired_charging"
        elif _WIRELESS_BEFORE.search(before) or _WIRELESS_FEATURE_BEFORE.search(
            body, max(prev, m.start() - 50), m.start()
        ):
            attribute = "wireless_charging"
        elif _CHARGE_WORD.search(before):
            attribute = "wired_charging"
        elif (
            out
            and out[-1].attribute in ("wired_charging", "wireless_charging")
            and out[-1].end > s
            and m.start() - out[-1].end <= 80
            and _ALTERNATIVE.search(body, out[-1].end, m.start())
        ):
            attribute = out[-1].attribute  # "65W wired, instead of the rumored 90W"
        else:
            continue
        out.append(Value(m.start(), m.end(), attribute, f"{int(n) if n.is_integer() else n} W"))
    return out


# --- software -------------------------------------------------------------------------------

_OS = re.compile(
    r"(?P<os>Android|iOS)(?<![\w]Android)(?<![\w]iOS)\s?(?P<v>\d{1,2})(?:\.\d+)*(?:L)?(?!\w|\.\d)"
)


@lru_cache(maxsize=1)
def _skin_pattern():
    """A skin and its version, as the lexicon spells it or in capitals ("HIOS 13" is HiOS 13:
    _skin_spelling restores the spelling). Case-sensitive: a case-blind alternation of every skin
    cost twenty times the scan."""
    skins = lexicon().specs["skins"]
    forms = sorted(set(skins) | {s.upper() for s in skins}, key=len, reverse=True)
    return re.compile(
        r"(?P<skin>"
        + "|".join(re.escape(s).replace(r"\ ", r"\s?") for s in forms)
        + r")\s?(?P<v>\d{1,2}(?:\.\d{1,2})?)(?!\w|\.\d)"
    )


@lru_cache(maxsize=1)
def _skin_spelling() -> dict[str, str]:
    """Each skin's key to its name as the lexicon spells it, the canonical form first."""
    specs = lexicon().specs
    return {**{key(s): s for s in specs["skins"]}, **specs["skin_canonical"]}


@lru_cache(maxsize=1)
def _plain_skin_pattern():
    """Skins a maker names without a version ("Hello UI", "My UX"), each led by its first letter
    (lexicon.led_alternation): offsets where no skin starts pass at once."""
    skins = lexicon().specs.get("skins_without_version", [])
    return (
        re.compile(
            r"(?P<skin>"
            + led_alternation(sorted(skins, key=len, reverse=True), r"[\w-]", space=r"\s?")
            + r")(?![\w-]|\s?\d)"
        )
        if skins
        else None
    )


def find_software(body: str) -> list[Value]:
    out = []
    for m in _OS.finditer(body):
        out.append(Value(m.start(), m.end(), "os", f"{m.group('os')} {int(m.group('v'))}"))
    canonical = lexicon().specs["skin_canonical"]
    for m in _skin_pattern().finditer(body):
        if not word_start(body, m.start()):
            continue
        skin = " ".join(m.group("skin").split())
        skin = _skin_spelling().get(key(skin), skin)
        out.append(Value(m.start(), m.end(), "ui", f"{skin} {m.group('v')}"))
    plain = _plain_skin_pattern()
    for m in plain.finditer(body) if plain is not None else ():
        skin = " ".join(m.group("skin").split())
        out.append(Value(m.start(), m.end(), "ui", canonical.get(key(skin), skin)))
    out += _skins_run(body, {v.start for v in out})
    return out


@lru_cache(maxsize=1)
def _unversioned_skin_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    skins = lexicon().specs["skins"]
    skin = re.compile(  # each skin led by its first letter: offsets where none starts pass at once
        r"(?P<skin>"
        + led_alternation(sorted(skins, key=len, reverse=True), r"[\w-]", space=r"\s?")
        + r")(?![\w-]|\s?\d|['’])"
    )
    lead = re.compile(r"(?i)(?:^|[^\w])(?:" + fragments("skin_leads") + r")\s+(?:[\w.-]+\s+){0,3}$")
    trail = re.compile(
        r"(?i)[\"”’']?(?:\s+(?:"
        + fragments("skin_nouns")
        + r"))?,?\s+(?:"
        + fragments("skin_trails")
        + r")\b"
    )
    return skin, lead, trail


@lru_cache(maxsize=1)
def _skin_first_words() -> tuple[str, ...]:
    return tuple(sorted({s.split()[0][:4] for s in lexicon().specs["skins"]}))


def _skins_run(body: str, taken: set[int]) -> list[Value]:
    """A skin named without its version where the phone runs it ("ships with ColorOS", "running
    Funtouch OS", "Android 15 with ColorOS on top"); not one named for itself ("HyperOS's new
    launcher")."""
    skin, lead, trail = _unversioned_skin_patterns()
    if not any(first in body for first in _skin_first_words()):
        return []  # a literal gate: most articles name no skin
    low = body.lower()
    if not any(word in low for word in context_words("skin_leads") + context_words("skin_trails")):
        return []  # nor say a phone runs one
    out = []
    for m in skin.finditer(body):
        if m.start() in taken:
            continue
        if lead.search(body, max(0, m.start() - 48), m.start()) or trail.match(body, m.end()):
            skin_name = " ".join(m.group("skin").split())
            out.append(
                Value(
                    m.start(), m.end(), "ui", lexicon().specs["skin_canonical"].get(key(skin_name), skin_name)
                )
            )
    return out


# --- prices ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _price_patterns():
    specs = lexicon().specs
    currencies = specs["currencies"]
    symbols = [c for c in currencies if not re.fullmatch(r"[a-z?\\s]+", c)]
    words = [c for c in currencies if re.fullmatch(r"[a-z?\\s]+", c)]
    symbol_alt = "|".join(
        sorted(
            (c if "\\" in c else re.escape(c))
            for c in symbols
            if not c.isalpha() or c.isupper() or c in ("Rs", "Rp", "RM")
        )
    )
    symbol_alt = "|".join(sorted(symbol_alt.split("|"), key=len, reverse=True))
    # Thousands groups of three digits, or of two before another group (Indian "1,49,999"); a last
    # group of one or two digits is the decimal part ("1,199.99", "€8,99").
    amount = r"(?P<amt>\d+(?:[,.](?:\d{3}|\d{2}(?=[,.]\d))(?!\d))*)(?:[.,](?P<dec>\d{1,2}))?(?!\d|[,.]\d)"
    multiplier = alternation(specs["amount_multipliers"])
    prefix = re.compile(
        r"(?P<cur>"
        + symbol_alt
        + r")\s?"
        + amount
        + r"(?:\s+(?P<times>(?i:"
        + multiplier
        + r"))\b)?(?!\s*(?:k|K|m|M|bn|million|billion|trillion)\b)"
    )
    code_alt = "|".join(sorted([c for c in currencies if c.isupper() and c.isalpha()], key=len, reverse=True))
    suffix = re.compile(
        amount
        + r"\s?(?:(?:"
        + fragments("currency_adjectives")
        + r")\s+)?(?P<cur>"
        + "|".join(sorted(words, key=len, reverse=True))
        + "|"
        + code_alt
        + r"|€)(?![\w])"
    )
    context = re.compile(lexicon_pattern("specs.json", "price_context"), re.IGNORECASE)
    exclusions = re.compile(lexicon_pattern("specs.json", "price_exclusions"), re.IGNORECASE)
    lookup = []
    for cur, code in currencies.items():
        lookup.append(
            (
                re.compile(
                    cur
                    if "\\" in cur or cur.endswith("?")
                    else re.escape(cur) + "$"
                    if not cur.endswith("?")
                    else cur
                ),
                code,
            )
        )
    suffix_gate = re.compile(
        r"\d\s?(?:" + "|".join(sorted(words, key=len, reverse=True)) + "|" + code_alt.lower() + r"|€)\b"
    )
    return prefix, suffix, context, exclusions, currencies, suffix_gate


def _currency_code(text: str) -> str | None:
    currencies = _price_patterns()[4]
    text = text.strip()
    if text in currencies:
        return currencies[text]
    for pattern, code in currencies.items():
        if re.fullmatch(pattern, text, re.IGNORECASE if pattern.islower() else 0):
            return code
    return None


def _amount(raw: str, dec: str | None, times: str | None = None) -> str | None:
    digits = _SEPARATORS.sub("", raw)
    if not digits.isdigit():
        return None
    value = int(digits)
    if times:  # "Rs 1.49 lakh": the decimal part is of the multiplied amount
        whole = value + (int(dec) / 10 ** len(dec) if dec else 0)
        return str(round(whole * lexicon().specs["amount_multipliers"][times.lower()]))
    if dec and dec.strip("0"):
        return f"{value}.{dec.rstrip('0')}"
    return str(value)


_CONVERSION_BEFORE = re.compile(
    r"(?:\(\s*(?:around|about|roughly|approx\.?|approximately|nearly|almost|~|≈|i\.e\.,?|that's|which is)"
    r"|\b(?:converts? to|converted to|equivalent to|equals|equal to|translates to|works out to|in (?:US )?dollars,?)"
    r"|\b(?:which is|that's|that is) (?:around|about|roughly|approximately|nearly))\s*$",
    re.IGNORECASE,
)
_BARE_AMOUNT_AFTER = re.compile(r"\s*(?:,\s*|,?\s+and\s+)(?P<amt>\d{1,3}(?:,\d{2,3})+|\d{4,})(?![\w,.%])")
_COMPARED_PRICE_BEFORE = re.compile(r"(?i)\b(?:" + fragments("compared_price_words") + r")\b")
_DIFFERENCE_AFTER = re.compile(
    r"\s*(?:more|less|extra|cheaper|pricier|higher|lower|above|below|over|premium|off|discount|increase|hike|jump|"
    r"savings?|difference|gap|bump|up|down)\b",
    re.IGNORECASE,
)


# A deal: the price after a cut ("down to $599", "cut it to €549", "get it for £1,049", "save $100"),
# or one qualified as a deal after it ("$799 with activation", "$849 ($250 off)"), is no list price.
# Nor is a bracket ("phones under $500") or a trade-in credit.
_DEAL_BEFORE = re.compile(
    r"(?:\b(?:down|dropped|drops|dropping|fallen|falls|fell|cut|cuts|reduced|slashed|discounted|marked down|lowered)"
    r"\s+(?:it\s+|its price\s+|the price\s+|prices?\s+|(?:the\s+)?(?:price of\s+(?:the\s+)?)?(?:[\w+()-]+\s+){1,4})?(?:to|at)"
    r"|\b(?:get|grab|buy|snag|pick up|nab)\s+(?:it|one|them|the \w+(?: \w+)?)\s+(?:for|at)"
    r"|\bon sale (?:for|at)|\b(?:deal|sale|offer|discounted|effective) price(?:\s+of|:|\s+(?:starts|starting|comes down|drops)\s+(?:at|to))?|\bsav(?:e|ing)(?:\s+of)?|\bcashback of"
    r"|\b(?:bank|instant|card) (?:offers?|discounts?|cashback)(?:\s+of)?(?:\s+up to)?"
    r"|\bcoupon(?:\s+of)?|\bdiscount of|\bnow (?:just|only)|\btrade-in (?:value|credit|bonus|offer)s?(?:\s+of)?(?:\s+up to)?"
    r"|\b(?:under|below|less than|sub-))\s*(?:just\s+|only\s+|a mere\s+)?$",
    re.IGNORECASE,
)
_DEAL_AFTER = re.compile(
    r"\s*(?:\([^()]{0,24}\b(?:off|discount|saving)\)|(?:bank|instant|card|cashback) (?:discount|offer|cashback)|with (?:activation|a carrier|trade-in|a trade-in|coupon|a coupon|"
    r"(?:the )?code|bank offers?|an? (?:instant |bank )?discount)|after (?:a |an |the )?(?:\w+ )?(?:discount|cashback|"
    r"rebate|coupon|trade-in))",
    re.IGNORECASE,
)


# An amount in another currency right after a price, hedged ("CNY 6,999, roughly ₹80,000") or in a
# bare bracket ("5,499 yuan ($760)"), is that price converted; one joined to a conversion by "or"
# or "/" ("..., roughly ₹80,000 or $970") too, and a converted range ("roughly between ₹X and ₹Y").
_CONVERSION_HEDGE = (
    r"(?:or\s+)?(?:approximately|approx\.?|around|about|roughly|nearly|almost|close to|some|~|≈)"
)
_CONVERSION_LINK = (
    r"(?:i\.e\.,?|(?:which|that)\s+(?:is|translates to|converts to|works out to|comes to|equals)"
    r"|translat\w+ to|convert\w+ to|works out to|equivalent to|equals)"
)
_CONVERSION_GAP = re.compile(
    r"\s*[,(–—-]?\s*(?:"
    + _CONVERSION_LINK
    + r"(?:\s+"
    + _CONVERSION_HEDGE
    + r")?|"
    + _CONVERSION_HEDGE
    + r")(?:\s+between)?\s*"
    r"|\s*\(\s*",
    re.IGNORECASE,
)
_CONVERSION_CHAIN_GAP = re.compile(r"\s*(?:,\s*)?(?:or|/|and)\s*$", re.IGNORECASE)
# "roughly between ₹16,500 and ₹18,200", "about ₹16,500 to ₹18,200": the other end of a converted range
_CONVERTED_RANGE_GAP = re.compile(r"\s*(?:and|to|[–—-])\s*", re.IGNORECASE)


def _converted_amounts(amounts: list[tuple[int, int, str]], sentences: Sentences, body: str) -> set[int]:
    """The starts of the amounts that convert the price before them into another currency."""
    converted: set[int] = set()
    for (a_start, a_end, a_code), (b_start, _b_end, b_code) in zip(amounts, amounts[1:], strict=False):
        if b_start - a_end > 40 or sentences.bounds(a_start) != sentences.bounds(b_start):
            continue
        gap = body[a_end:b_start]
        if a_code == b_code:
            if a_start in converted and _CONVERTED_RANGE_GAP.fullmatch(gap):
                converted.add(b_start)
            continue
        if _CONVERSION_GAP.fullmatch(gap) or (a_start in converted and _CONVERSION_CHAIN_GAP.fullmatch(gap)):
            converted.add(b_start)
    return converted


# "the $499 Pixel 4a", "the 6,000mAh X": a value between a determiner and a phone's name is that
# phone's (read here for prices, and by the subjects stage for the value's owner).
DETERMINER_BEFORE = re.compile(r"\b(?:the|an?|its|their)\s+$", re.IGNORECASE)
_SPACE_AFTER = re.compile(r"\s+")


def _before_a_name(body: str, m: re.Match, s: int, name_starts: frozenset[int]) -> bool:
    """Whether the amount `m` stands between a determiner and a phone's name."""
    gap = _SPACE_AFTER.match(body, m.end())
    return (
        gap is not None
        and gap.end() in name_starts
        and DETERMINER_BEFORE.search(body, max(s, m.start() - 8), m.start()) is not None
    )


def find_prices(
    body: str, sentences: Sentences, at: dict | None = None, name_starts: frozenset[int] = frozenset()
) -> list[Value]:
    """Prices; `name_starts`, where the article names a phone, when known."""
    prefix, suffix, context, exclusions, _, suffix_gate = _price_patterns()
    at = scan_numbers(body) if at is None else at
    found = []
    for pattern in (prefix, suffix):
        for m in prefix.finditer(body) if pattern is prefix else _hits(suffix, body, at.get("price")):
            if (
                pattern is prefix
                and m.start()
                and (body[m.start() - 1].isalnum() or body[m.start() - 1] in "_$")
            ):
                continue
            code = _currency_code(m.group("cur"))
            if code:
                found.append((m, code))
    converted = _converted_amounts(sorted({(m.start(), m.end(), code) for m, code in found}), sentences, body)
    out = []
    taken = _CoveredOffsets(len(body))
    for m, code in found:
        if m.start() in taken or m.start() in converted:
            continue
        if code == "CNY" and m.group("cur") == "¥":
            s, e = sentences.bounds(m.start())
            if re.search(r"Japan|yen", body[s:e]):
                code = "JPY"
        amount = _amount(m.group("amt"), m.group("dec"), m.groupdict().get("times"))
        if not amount or float(amount) < 10 or float(amount) > 10_000_000:
            continue
        s, e = sentences.bounds(m.start())
        sentence = body[s:e]
        near = body[max(s, m.start() - 30) : min(e, m.end() + 30)]
        if exclusions.search(near) or _COMPARED_PRICE_BEFORE.search(body, max(s, m.start() - 30), m.start()):
            continue
        # A conversion ("CNY 2,999 (around $420)") or a difference ("$100 more than") is no price.
        if _CONVERSION_BEFORE.search(body, max(s, m.start() - 40), m.start()) or _DIFFERENCE_AFTER.match(
            body, m.end(), min(e, m.end() + 30)
        ):
            continue
        if _DEAL_BEFORE.search(body, max(s, m.start() - 40), m.start()) or _DEAL_AFTER.match(
            body, m.end(), min(e, m.end() + 40)
        ):
            continue
        if (
            len(sentence) > 90
            and not context.search(sentence)
            and not _before_a_name(body, m, s, name_starts)
        ):
            continue
        taken.add(m.start(), m.end())
        out.append(Value(m.start(), m.end(), "price", f"{code} {amount}"))
        bare = _BARE_AMOUNT_AFTER.match(body, m.end(), e)
        if bare and "respectively" in sentence:
            # "cost Rs 17,999 and 16,999 respectively": the second amount keeps the currency
            taken.add(bare.start("amt"), bare.end("amt"))
            out.append(
                Value(
                    bare.start("amt"), bare.end("amt"), "price", f"{code} {_amount(bare.group('amt'), None)}"
                )
            )
    return out


_HAS_DIGIT = re.compile(r"\d")


def find_values(
    body: str, sentences: Sentences, word_hits: dict | None = None, name_starts: frozenset[int] = frozenset()
) -> list[Value]:
    """The values of `body`; `word_hits`, the shared word scan of its lowered text, and
    `name_starts`, where the article names a phone, when known."""
    values: list[Value] = []
    if not _HAS_DIGIT.search(body):
        return values
    at = scan_numbers(body)
    values += find_chipsets(body)
    values += find_display(body, sentences, at)
    if "hz" in at:
        values += find_refresh(body, sentences, at)
    values += find_memory(body, sentences, at)
    values += find_cameras(body, sentences, at, word_hits)
    values += find_power(body, sentences, at)
    if "Android" in body or "iOS" in body or "UI" in body or "OS" in body or "Flyme" in body:
        values += find_software(body)
    values += find_prices(body, sentences, at, name_starts)
    values.sort(key=lambda v: v.start)
    return values
