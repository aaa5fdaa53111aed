"""The extractor's general data: brands, cue words and value vocabularies (data/lexicon/*.json),
and the catalogue indexes, each loaded and compiled once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from bot import DATA_DIR
from bot.catalogue import Device, load_catalogue
from bot.names import name_key as key  # the extractor's short name for the one naming rule

LEXICON_DIR = DATA_DIR / "lexicon"


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the key."""


# Characters that make a string a regular expression rather than a literal word.
_REGEX_SYNTAX = re.compile(r"[\\\[\]|*?{}]|\(\?")
# Keys each file must have (the code reads them by name).
_REQUIRED = {
    "brands.json": ("brands", "series_words", "variants", "series_nouns", "optics"),
    "cues.json": (
        "confirmed",
        "rumored",
        "speculated",
        "denied",
        "comparison",
        "comparison_determiners",
        "patterns",
    ),
    "context.json": ("patterns",),
    "specs.json": ("patterns",),
}


@cache
def load_json(name: str) -> dict:
    """A lexicon file of data/lexicon, validated (see `read_lexicon_file`)."""
    return read_lexicon_file(Path(LEXICON_DIR) / name)


def read_lexicon_file(path: Path) -> dict:
    """A lexicon file, checked before use: its lists hold literal words (the code escapes them) and
    every regular expression sits in its `patterns` section and compiles. A LexiconError names the
    file and the key of anything wrong."""
    name = Path(path).name
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except json.JSONDecodeError as error:
        raise LexiconError(f"{name}: not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: must hold one JSON object")
    for required in _REQUIRED.get(name, ()):
        if required not in data:
            raise LexiconError(f"{name}: the key {required!r} is missing")
    for k, value in data.items():
        if k.startswith("_"):
            continue  # comments
        if k == "patterns":
            _check_patterns(name, value)
        else:
            _check_literals(name, k, value)
    return data


def _check_literals(name: str, where: str, value) -> None:
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, str):
                _check_word(name, f"{where}[{i}]", item)
            else:
                _check_literals(name, f"{where}[{i}]", item)
    elif isinstance(value, dict):
        for k, item in value.items():
            if k == "company_pattern" and item is not None:
                _compile(name, f"{where}.{k}", item)
            else:
                _check_literals(name, f"{where}.{k}", item)


def _check_word(name: str, where: str, word: str) -> None:
    if not word or word != word.strip():
        raise LexiconError(f"{name}: {where}: {word!r} is not a word (empty, or spaces around it)")
    if _REGEX_SYNTAX.search(word):
        raise LexiconError(
            f"{name}: {where}: {word!r} looks like a regular expression; lists hold literal "
            f"words, regular expressions go in the 'patterns' section"
        )


def _compile(name: str, where: str, pattern) -> None:
    if not isinstance(pattern, str) or not pattern:
        raise LexiconError(f"{name}: {where}: a pattern must be a non-empty string")
    try:
        re.compile(pattern)
    except re.error as error:
        raise LexiconError(
            f"{name}: {where}: {pattern!r} is not a valid regular expression ({error})"
        ) from None


def _check_patterns(name: str, patterns: dict) -> None:
    """Each entry: a pattern, a list of patterns (alternatives in order), a {"pattern", "starts"}
    object (the literal, lower-case words every match starts with), a list of such objects, or a
    map from patterns to values."""
    if not isinstance(patterns, dict):
        raise LexiconError(f"{name}: patterns: must be an object of named patterns")

    def entry(where: str, item) -> None:
        if isinstance(item, dict) and "pattern" in item:
            _compile(name, f"{where}.pattern", item["pattern"])
            starts = item.get("starts")
            if not isinstance(starts, list) or not starts:
                raise LexiconError(f"{name}: {where}.starts: list the literal words every match starts with")
            for i, word in enumerate(starts):
                # A start may end in a space ("hit " of "hit the shelves"): it is a prefix, not a word.
                if (
                    not isinstance(word, str)
                    or not word.strip()
                    or word != word.lstrip()
                    or _REGEX_SYNTAX.search(word)
                    or word != word.lower()
                ):
                    raise LexiconError(
                        f"{name}: {where}.starts[{i}]: {word!r} must be the lower-case literal "
                        f"start of a match"
                    )
        elif isinstance(item, dict):
            for k in item:
                _compile(name, f"{where}.{k}", k)
        else:
            _compile(name, where, item)

    for k, item in patterns.items():
        if k.startswith("_"):
            continue
        if isinstance(item, list):
            for i, x in enumerate(item):
                entry(f"patterns.{k}[{i}]", x)
        else:
            entry(f"patterns.{k}", item)


def pattern(file: str, name: str) -> str:
    """The regular expression `patterns.name` of a lexicon file."""
    item = load_json(file)["patterns"][name]
    return item["pattern"] if isinstance(item, dict) else item


def pattern_starts(file: str, name: str) -> list[str]:
    """The literal words every match of `patterns.name` starts with (for the shared word scan)."""
    return list(load_json(file)["patterns"][name]["starts"])


def pattern_entries(file: str, name: str) -> list:
    """The entries of `patterns.name` as a list (none when the file has no such pattern)."""
    item = load_json(file)["patterns"].get(name, [])
    return item if isinstance(item, list) else [item]


def _alternation(words, *, escape: bool = True) -> str:
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)


@dataclass
class Brand:
    name: str
    words: list[str]
    families: list[str]
    handles: list[str]
    executives: list[str]
    case_sensitive: bool = False
    company_pattern: str | None = None


@dataclass
class Lexicon:
    brands: dict[str, Brand]
    word_to_brand: dict[str, str]  # lower-cased brand or family word -> brand name
    family_words: dict[str, list[str]]  # brand -> its family words
    handle_to_brand: dict[str, str]
    exec_to_brand: dict[str, str]
    optics: dict[str, str]  # lower-cased optics word -> canonical
    variants: list[str]
    variant_lower: dict[str, str]
    devices_by_key: dict[str, Device]
    brand_keys: dict[str, set[str]]  # brand -> keys of its catalogue models (without brand)
    chipsets_by_key: dict[str, str]
    model_lines: dict[str, frozenset[str]]  # brand -> words its catalogue's numbered lines start with
    cues: dict
    specs: dict
    fuzzy_words: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_json("brands.json")
    brands: dict[str, Brand] = {}
    word_to_brand: dict[str, str] = {}
    family_words: dict[str, list[str]] = {}
    handle_to_brand: dict[str, str] = {}
    exec_to_brand: dict[str, str] = {}
    for raw in data["brands"]:
        brand = Brand(
            name=raw["name"],
            words=raw["words"],
            families=raw["families"],
            handles=raw.get("handles", []),
            executives=raw.get("executives", []),
            case_sensitive=raw.get("case_sensitive", False),
            company_pattern=raw.get("company_pattern"),
        )
        brands[brand.name] = brand
        for word in brand.words + brand.families:
            word_to_brand.setdefault(word.lower(), brand.name)
        family_words[brand.name] = brand.families
        for handle in brand.handles:
            handle_to_brand[handle.lower()] = brand.name
        for person in brand.executives:
            exec_to_brand[person.lower()] = brand.name
            handle_to_brand.setdefault(person.lower().replace(" ", ""), brand.name)
    optics = {}
    for canonical, words in data["optics"].items():
        for word in words:
            optics[word.lower()] = canonical

    catalogue = load_catalogue()
    devices_by_key: dict[str, Device] = {}
    brand_keys: dict[str, set[str]] = {}
    for device in catalogue.devices:
        k = key(device.name)
        current = devices_by_key.get(k)
        if current is None or (current.kind != "phone" and device.kind == "phone"):
            devices_by_key[k] = device
        # Index under the lexicon's spelling of the brand too ("vivo" / "Oppo").
        brand_name = next((b for b in brands if b.lower() == device.brand.lower()), device.brand)
        brand_keys.setdefault(brand_name, set()).add(key(device.name[len(device.brand) :]))
    chipsets_by_key = {key(name): name for name in catalogue.chipsets}
    variants = data["variants"]
    model_lines = _model_lines(catalogue.devices, brands, set(data["series_words"]))
    fuzzy_words = sorted({w for b in brands.values() for w in b.words + b.families if len(w) >= 5})
    return Lexicon(
        brands=brands,
        word_to_brand=word_to_brand,
        family_words=family_words,
        handle_to_brand=handle_to_brand,
        exec_to_brand=exec_to_brand,
        optics=optics,
        variants=variants,
        variant_lower={v.lower(): v for v in variants},
        devices_by_key=devices_by_key,
        brand_keys=brand_keys,
        chipsets_by_key=chipsets_by_key,
        model_lines=model_lines,
        cues=load_json("cues.json"),
        specs=load_json("specs.json"),
        fuzzy_words=fuzzy_words,
    )


# A catalogue phone "<brand> <Word> <number>..." or "<brand> <Word> <series word>...": the word
# names one of the brand's model lines ("Micromax In 2b", "vivo X Fold2").
_LINE_NAME = re.compile(r"([A-Z][A-Za-z]*) (\S+)")
_MIN_LINE_PHONES = 2


def _model_lines(devices, brands: dict[str, Brand], series_words: set[str]) -> dict[str, frozenset[str]]:
    """Each brand's model-line words that the lexicon does not list: the capitalised word that at
    least two of the brand's catalogue phones put between the brand and the number or a series
    word ("Micromax In 2b", "Lava Agni 2", "HTC Desire 22", "vivo X Fold2"). They are part of a
    name only right after that brand's word, so a line word that is also an English word ("In")
    names nothing elsewhere."""
    counts: dict[tuple[str, str], int] = {}
    for device in devices:
        if device.kind != "phone":
            continue
        brand_name = next((b for b in brands if b.lower() == device.brand.lower()), None)
        if brand_name is None or not device.name.lower().startswith(device.brand.lower() + " "):
            continue
        m = _LINE_NAME.match(device.name, len(device.brand) + 1)
        if m is None:
            continue
        word, after = m.groups()
        if not (after[0].isdigit() or after.rstrip("+0123456789") in series_words):
            continue
        known = series_words | set(brands[brand_name].families) | set(brands[brand_name].words)
        if word not in known:
            counts[(brand_name, word)] = counts.get((brand_name, word), 0) + 1
    lines: dict[str, set[str]] = {}
    for (brand_name, word), n in counts.items():
        if n >= _MIN_LINE_PHONES:
            lines.setdefault(brand_name, set()).add(word)
    return {b: frozenset(words) for b, words in lines.items()}


@lru_cache(maxsize=256)
def optics_brand(word: str) -> str | None:
    """The canonical optics brand (data/lexicon/brands.json "optics") of a matched word: its own entry,
    else the entry whose spelling it contains once case, spaces and hyphens are forgiven."""
    optics = lexicon().optics
    if word in optics:
        return optics[word]
    k = key(word)
    for spelling, canonical in optics.items():
        if key(spelling) == k:
            return canonical
    for spelling, canonical in sorted(optics.items(), key=lambda x: -len(x[0])):
        if key(spelling) and key(spelling) in k:
            return canonical
    return None


def alternation(words, *, escape: bool = True) -> str:
    return _alternation(words, escape=escape)


def context_words(name: str) -> list[str]:
    """The literal words of the list data/lexicon/context.json `name`, in order."""
    return load_json("context.json")[name]


def fragments(name: str) -> str:
    """The words of data/lexicon/context.json `name`, escaped, as one alternation in the order given
    (earlier words win at the same position), followed by the patterns of the same name in its
    `patterns` section."""
    entries = pattern_entries("context.json", name)
    return "|".join(
        [re.escape(w) for w in context_words(name)]
        + [e["pattern"] if isinstance(e, dict) else e for e in entries]
    )


@dataclass(frozen=True)
class WordGate:
    """A literal gate read from a context.json list: whether a text holds one of its words or a
    match of its patterns, what `re.search(fragments(name), text)` tells, without the regex
    alternation of the words (which tries every word at every offset: several times slower on a
    sentence than `in` on each word)."""

    words: tuple[str, ...]
    patterns: re.Pattern | None
    # Patterns given with their starts ({"pattern", "starts"}): searched only where a start occurs.
    led: tuple[tuple[tuple[str, ...], re.Pattern], ...] = ()

    def __call__(self, text: str) -> bool:
        # Plain loops: any() over a generator costs more than the `in` tests themselves.
        for word in self.words:
            if word in text:
                return True
        for starts, pattern in self.led:
            for start in starts:
                if start in text:
                    if pattern.search(text) is not None:
                        return True
                    break
        return self.patterns is not None and self.patterns.search(text) is not None

    def in_span(self, text: str, start: int, end: int) -> bool:
        """The gate on text[start:end] as a regex search from `start` to `end` sees it: false only
        where no regex holding one of the words or patterns can match in that span."""
        for word in self.words:
            if text.find(word, start, end) != -1:
                return True
        for starts, pattern in self.led:
            for lead in starts:
                if text.find(lead, start, end) != -1:
                    if pattern.search(text, start, end) is not None:
                        return True
                    break
        return self.patterns is not None and self.patterns.search(text, start, end) is not None


# The characters other than the ASCII letters that a case-insensitive regex matches to an ASCII
# letter: İ (i), ı (i), ſ (s), K (the Kelvin sign, k).
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


@dataclass(frozen=True)
class AnyCaseGate:
    """Whether a body holds one of the words (of ASCII and caseless characters) of some context.json
    lists in any case, what a case-insensitive search for their alternation tells: by `in` on the
    body's lowered copy, unless
    the body holds one of the four characters IGNORECASE also matches to an ASCII letter (İ ı ſ K,
    all of Unicode checked), else by that search (it has no literal prefix to skip ahead on: ~20 us
    an article against a few `in` tests)."""

    words: tuple[str, ...] | None  # lowered; None when a list also holds patterns or other letters
    pattern: re.Pattern

    def __call__(self, body: str, low: str) -> bool:
        if self.words is not None and (body.isascii() or not any(c in body for c in _FOLDS_TO_ASCII)):
            for word in self.words:
                if word in low:
                    return True
            return False
        return self.pattern.search(body) is not None


def _ascii_or_uncased(c: str) -> bool:
    """Whether a character of a word matches, case-insensitively, only what its lowered form
    matches in a lowered body: an ASCII character, or one without case ("’", "-"), which is no
    other character's lower case."""
    return c.isascii() or c.lower() == c == c.upper()


@cache
def any_case_gate(*names: str) -> AnyCaseGate:
    """The case-insensitive gate of the context.json lists `names` and their patterns."""
    words = tuple(w.lower() for name in names for w in context_words(name))
    literal = not any(pattern_entries("context.json", name) for name in names)
    gate_words = words if literal and all(_ascii_or_uncased(c) for w in words for c in w) else None
    return AnyCaseGate(gate_words, re.compile("|".join(fragments(name) for name in names), re.IGNORECASE))


@cache
def word_gate(name: str) -> WordGate:
    """The gate of the list data/lexicon/context.json `name` and its patterns of the same name."""
    entries = pattern_entries("context.json", name)
    plain = [e for e in entries if not isinstance(e, dict)]
    led = tuple((tuple(e["starts"]), re.compile(e["pattern"])) for e in entries if isinstance(e, dict))
    return WordGate(tuple(context_words(name)), re.compile("|".join(plain)) if plain else None, led)


def lowered(text: str) -> str:
    """`text` in lower case with the same length, so offsets carry over (case-insensitive matching
    on a lowered copy is much faster than IGNORECASE alternations)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def word_start(text: str, i: int) -> bool:
    """Whether offset i starts a word (the check a leading lookbehind would make, made after)."""
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")


def case_variants(word: str) -> list[str]:
    return sorted(
        {word, word.lower(), word.upper(), word[:1].upper() + word[1:].lower(), word[:1].upper() + word[1:]}
    )


def first_letter_guard(words) -> str:
    """A lookahead for the characters the literal `words` start with, "(?=[Gp])": put before a
    pattern's leading \\b, it lets the regex engine pass over the offsets where no word can start
    (a scan of an article about a third faster, the matches the same)."""
    firsts = sorted({word[0] for word in words if word})
    if not firsts or any(c.isspace() for c in firsts):
        return ""  # a word that starts with white space: nothing to skip on
    return "(?=[" + "".join(re.escape(c) for c in firsts) + "])"


def led_alternation(words, not_after: str, space: str = r"\ ") -> str:
    """The literal `words` as an alternation tried in the order given, each only where the
    character before it is not one of `not_after` (a class such as "[\\w-]"): what
    "(?<!not_after)(?:w1|w2|...)" matches, with the check written after each word's first character
    ("H(?<![\\w-]H)ello"). The pattern then starts with a character, so the regex engine finds the
    offsets where a word can start by a scan in C instead of trying the look-behind at every
    offset (two to three times faster on an article). A space in a word matches `space`."""
    parts = []
    for word in words:
        first = re.escape(word[0])
        parts.append(first + f"(?<!{not_after}{first})" + re.escape(word[1:]).replace(r"\ ", space))
    return "(?:" + "|".join(parts) + ")"


def trie_pattern(words, space: str = r"\s+") -> str:
    """An alternation of literal words as a trie ("X(?:iaomi|peria)"): the regex engine then tries
    one branch per character instead of every word at every offset. A space matches `space`."""
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        keys = [k for k in node if k]
        if not keys:
            return ""
        alternatives = [(space if k == " " else re.escape(k)) + emit(node[k]) for k in sorted(keys)]
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        if "" in node:
            body = "(?:" + body + ")?"
        return body

    return "(?:" + emit(trie) + ")"
