"""Subjects named in an article: devices (branded, brand-less, rumored ones the catalogue does
not know), series, companies, and the words that refer back to the current topic."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import TypedDict

from rapidfuzz import fuzz, process

from bot.extract.lexicon import (
    alternation,
    case_variants,
    context_words,
    first_letter_guard,
    fragments,
    key,
    lexicon,
    lowered,
    pattern_starts,
    trie_pattern,
    word_start,
)
from bot.extract.lexicon import pattern as lexicon_pattern
from bot.extract.wordscan import matches_at

DEVICE, SERIES, COMPANY, REF_DEVICE, REF_SERIES, COMPANY_REF = (
    "device",
    "series",
    "company",
    "ref_device",
    "ref_series",
    "company_ref",
)


@dataclass(slots=True, eq=False)
class Mention:
    start: int
    end: int
    kind: str
    subject: str | None = None
    brand: str | None = None
    text: str = ""
    comparison: bool = False
    alias_only: bool = False
    model: str = ""  # the model part, without brand: "S23 Ultra"
    ref: bool = False  # a word referring to the topic ("it", "the phone"), resolved
    tentative: bool = False  # a brand-less model only kept when a comparison names it
    group: tuple = ()  # "both phones": the devices a plural reference stands for

    @property
    def subject_kind(self) -> str:
        if self.kind in (DEVICE, REF_DEVICE):
            return "device"
        if self.kind in (SERIES, REF_SERIES):
            return "series"
        return "company"


def mentions_within(mentions: list[Mention], starts: list[int], s: int, e: int) -> list[Mention]:
    """The mentions that start in [s, e): `mentions` in text order, `starts` their offsets (found
    by two binary searches, so a stage that asks sentence by sentence stays linear)."""
    return mentions[bisect_left(starts, s) : bisect_left(starts, e)]


_UNIT_AFTER = (
    r"(?!\s*(?:-\s*)?(?:W\b|watts?\b|MP\b|mp\b|megapixels?|GB\b|TB\b|Hz\b|mAh\b|inch|in\b(?=\s*(?:[-–]\s*|[\w-]+\s+)?(?:display|screen|panel|OLED|AMOLED|LCD)|\s*[,.;)]|\s*$)|\"|″|%|x\b|mm\b|nm\b|"
    r"years?\b|months?\b|days?\b|weeks?\b|hours?\b|minutes?\b|million|billion|percent|fps\b|K\b|p\b|"
    r"am\b|pm\b|a\.m|p\.m|GMT|:\d))"
)
_MODEL_TOKEN = (
    r"(?:(?:(?<![\w(])|(?<=[a-z])(?=\d))(?:[A-Za-z]{0,6}\d{1,4}(?:[A-Za-z]{1,3}(?![A-Za-z]))?\+?|\(\d{1,2}[a-z]?\))"
    + _UNIT_AFTER
    + ")"
)
_BAD_TOKEN = re.compile(
    r"^(?:(?:IMX|LYT|OV|GN|HP|HM|JN|GW|JD|SM|MT)\d+[A-Z]?|(?:19|20)\d\d|\d+(?:W|MP|GB|TB|Hz|mAh|nm|mm|G|fps|MB|th|st|nd|rd|am|pm|p|K|k|x))$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _bad_token(token: str) -> bool:
    """Whether a model token is a part number, a year or a figure with its unit ("IMX989", "2024",
    "50MP"): asked at every device and brand-less model, of tokens an article repeats."""
    return _BAD_TOKEN.match(token) is not None


def _variants_pattern() -> str:
    lex = lexicon()
    roman = [v for v in lex.variants if re.fullmatch(r"[IVX]+", v)]
    other = [v for v in lex.variants if v not in roman]
    return r"(?:\s*(?:(?i:" + alternation(other) + r")|(?<=\s)(?:" + alternation(roman) + r"))(?![\w+]))"


_CAPITALS_RUN = re.compile(r"([a-z]*)([A-Z]{3,})")


def restyled_families(families: list[str]) -> list[str]:
    """A family word written in capitals ("iQOO", "POCO") as writers also type it, capitalised
    once ("iQoo", "Poco"): the same family, not a word the model pattern can miss."""
    out = []
    for word in families:
        caps = _CAPITALS_RUN.fullmatch(word)
        if caps:
            out.append(caps.group(1) + caps.group(2).capitalize())
    return out


_LEADS: dict[str, set] = {}


def leads() -> dict[str, set]:
    """The words the device, company and reference patterns can start with (for the shared word scan)."""
    patterns()
    return _LEADS


class MentionPatterns(TypedDict):
    device: re.Pattern[str]
    brandless: re.Pattern[str]
    company: re.Pattern[str]
    special_company: re.Pattern[str] | None  # None when no brand has a company pattern of its own
    company_ref_after: re.Pattern[str]
    company_ref_before: re.Pattern[str]
    company_ref_noun: re.Pattern[str]
    ref_device: re.Pattern[str]
    ref_series: re.Pattern[str]
    unit_after: re.Pattern[str]


@lru_cache(maxsize=1)
def patterns() -> MentionPatterns:
    """The mention patterns. Each starts with a literal or a character class (no leading
    look-behind, no IGNORECASE alternation) so that the regex engine can skip ahead fast;
    word boundaries are checked afterwards."""
    lex = lexicon()
    lead_words = []
    for brand in lex.brands.values():
        for word in brand.words:
            lead_words += [word] if brand.case_sensitive else case_variants(word)
        lead_words += brand.families + restyled_families(brand.families)
    lead = trie_pattern(set(lead_words))
    # A brand's catalogue model-line words ("Micromax In 2b") may follow its word too; find()
    # keeps such a name only after that brand (see _lines_fit).
    series = trie_pattern(set(load_series_words()) | _line_words())
    variants = _variants_pattern()
    series_nouns = alternation(load_series_nouns())
    # "the Pura 80 flagship series": a filler word between the model and the series noun
    series_fillers = r"(?:" + alternation(context_words("series_fillers_after_model")) + r")\s+"
    # A leading \b lets the engine drop mid-word positions at once (the word start is checked again after).
    device = re.compile(
        first_letter_guard(lead_words)
        + r"\b(?P<lead>"
        + lead
        + r"(?:\s+(?:"
        + lead
        + "|"
        + series
        + r")){0,2})"
        r"(?:\s+|(?<=Phone)\s*|(?=\d))(?P<model>"
        + _MODEL_TOKEN
        + r"(?:\s+(?=[A-Z]?\d)"
        + _MODEL_TOKEN
        + r")?)"
        # A misspelt variant word after the model, never the lead of the next name ("Galaxy S26
        # Galaxy S26+" in a flattened table header is two phones)
        r"(?P<var>" + variants + r"*)(?P<typo>\s+(?!(?:" + lead + r")(?![\w]))[A-Z][A-Za-z]{3,6}(?![\w]))?"
        r"(?P<series>(?:\s+|-)(?:" + series_fillers + r")?(?:" + series_nouns + r")\b)?"
    )
    # A model: two capitals and digits, or a capital or digit and up to three digits. Written led
    # by its first character, the word-start check ("\b") after it, so that the regex engine finds
    # the capitals and digits by a scan in C instead of trying every offset.
    brandless = re.compile(
        r"(?P<model>[A-Z0-9](?<!\w[A-Z0-9])(?:(?<=[A-Z])[A-Z][0-9]{1,3}|[0-9]{0,3})[A-Za-z]?\+?)(?![\w+])"
        r"(?:(?P<var>" + variants + r"+)|\s+(?P<typo>[A-Z][A-Za-z]{3,6})(?![\w]))?"
        r"(?P<series>(?:\s+|-)(?:" + series_nouns + r")\b)?"
    )
    company_parts = []
    company_words: list[str] = []
    for brand in lex.brands.values():
        if brand.company_pattern:
            company_parts.append(brand.company_pattern)
            continue
        company_words += [w.lower() for w in brand.words]
    # Matched on the lower-cased text; names that are also English words ("Apple", "Honor") are
    # checked against the original case afterwards, and "Nothing" has its own pattern.
    company = re.compile(
        trie_pattern(set(company_words) | {p.lower() for b in lex.brands.values() for p in b.executives})
        + r"(?![\w])"
    )
    special_company = re.compile("|".join(company_parts)) if company_parts else None
    company_ref_after = re.compile(lexicon_pattern("specs.json", "company_reference"), re.IGNORECASE)
    company_ref_before = re.compile(
        r"(?:the|an?|its)\s+(?:(?:"
        + fragments("reference_adjectives")
        + "|"
        + fragments("company_reference_extra_adjectives")
        + r")[ -])+(?:\w+[ -]){0,3}?$",
        re.IGNORECASE,
    )
    company_ref_noun = re.compile(
        r"\s+(?:[\w-]+\s+){0,2}?(?:" + fragments("company_reference_nouns") + r")s?\b", re.IGNORECASE
    )
    ref_device = re.compile(lexicon_pattern("specs.json", "reference_device"))
    ref_series = re.compile(lexicon_pattern("specs.json", "reference_series"))
    _LEADS["device"] = {w.lower() for w in lead_words}  # lowered: a superset of the offsets
    _LEADS["company"] = set(company_words) | {p.lower() for b in lex.brands.values() for p in b.executives}
    _LEADS["ref_device"] = set(pattern_starts("specs.json", "reference_device"))
    _LEADS["ref_series"] = set(pattern_starts("specs.json", "reference_series"))
    return {
        "device": device,
        "brandless": brandless,
        "company": company,
        "special_company": special_company,
        "company_ref_after": company_ref_after,
        "company_ref_before": company_ref_before,
        "company_ref_noun": company_ref_noun,
        "ref_device": ref_device,
        "ref_series": ref_series,
        "unit_after": re.compile(_UNIT_AFTER),
    }


def _names_a_model(words: list[str]) -> bool:
    """Whether the words between a brand and the noun of a company reference name a model ("the
    upcoming Tecno Pova 5G smartphone", "the new Vivo Y28 handset"): the first is capitalised and
    one holds a digit; "the upcoming Samsung 5G phone" and "its new Galaxy phone" name none."""
    return bool(words) and words[0][:1].isupper() and any(ch.isdigit() for w in words for ch in w)


@lru_cache(maxsize=1)
def comparison_cues() -> tuple[frozenset, frozenset, int]:
    cues = lexicon().cues
    phrases = frozenset(tuple(p.lower().split()) for p in cues["comparison"])
    determiners = frozenset(tuple(p.lower().split()) for p in cues["comparison_determiners"])
    longest = max(len(p) for p in phrases)
    return phrases, determiners, longest


def load_series_words() -> list[str]:
    from bot.extract.lexicon import load_json

    return load_json("brands.json")["series_words"]


def load_series_nouns() -> list[str]:
    from bot.extract.lexicon import load_json

    return load_json("brands.json")["series_nouns"]


_SPLIT_NUMBER_VARIANT = re.compile(
    r"(?<=\d)(?=(?:" + fragments("split_number_variants") + r")\b)", re.IGNORECASE
)


@lru_cache(maxsize=8192)
def _tidy_model(text: str) -> str:
    """ "13Pro" -> "13 Pro", "ultra" -> "Ultra", white space collapsed."""
    lex = lexicon()
    text = _SPLIT_NUMBER_VARIANT.sub(" ", " ".join(text.split()))
    words = []
    for word in text.split(" "):
        words.append(lex.variant_lower.get(word.lower(), word) if not re.fullmatch(r"[IVX]+", word) else word)
    return " ".join(words)


@lru_cache(maxsize=512)
def fuzzy_variant(word: str) -> str | None:
    """A model suffix spelled wrong ("UItra", "Ulta") -> its right form; None when it is no suffix."""
    lex = lexicon()
    if word.lower() in _words_near_variants():
        return None
    choices = [v for v in lex.variants if len(v) >= 3 and v.isalpha()]
    best = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=79)
    if best and best[0][0].lower() == word[0].lower():
        return best[0]
    return None


@lru_cache(maxsize=1)
def _words_near_variants() -> frozenset:
    from bot.extract.lexicon import context_words

    return frozenset(context_words("words_near_variants"))


@lru_cache(maxsize=512)
def fuzzy_brand(word: str) -> str | None:
    """A brand or family word spelled wrong ("Xioami", "Samsumg") -> the brand."""
    lex = lexicon()
    if word.lower() in lex.word_to_brand:
        return lex.word_to_brand[word.lower()]
    best = process.extractOne(word, lex.fuzzy_words, scorer=fuzz.ratio, score_cutoff=83)
    return lex.word_to_brand[best[0].lower()] if best else None


@lru_cache(maxsize=8192)
def resolve_device(brand: str, model: str) -> tuple[str, bool]:
    """(canonical name, known to the catalogue) of a model of a brand.

    The catalogue's name when it knows the model, with or without one of the brand's family words
    ("Redmi K50", "Galaxy S23+"); otherwise the brand and the model as written, tidied.
    """
    lex = lexicon()
    model = _tidy_model(model)
    mkey = key(model)
    tries = [mkey, re.sub(r"plus$", "+", mkey), mkey.replace("+", "plus"), mkey + "5g"]
    family_names = lex.family_words.get(brand, [])
    words = model.split()
    if len(words) > 2 and words[0] in family_names and words[1] in family_names:
        tries.append(key(" ".join(words[1:])))  # "Moto Razr 2022" is the "Razr 2022"
    families = [key(f) for f in family_names]
    for family in families:
        if family and not mkey.startswith(family):
            tries += [family + t for t in tries[:4]]
    # "Moto Edge 20" is the catalogue's "Edge 20": a family word the catalogue writes before
    # other models of the brand ("Moto G72") but not before this one is the writer's, tried last
    # so that "Moto G Power" keeps its "Moto"; never a sub-brand the catalogue does not write
    # ("CMF Phone 1" is no "Phone (1)"), nor down to a bare number ("Magic 6" is no "Honor 6").
    written = _catalogue_families(brand)
    tries += [
        t[len(f) :]
        for f in families
        for t in tries[:4]
        if f in written and t.startswith(f) and t[len(f) : len(f) + 1].isalpha()
    ]
    for t in tries:
        device = lex.devices_by_key.get(key(brand) + t)
        if device is not None:
            return _line_words_capitalised(device.name), True
    if key(model).startswith(key(brand)):
        return model, False
    return f"{brand} {model}", False


@lru_cache(maxsize=1024)
def _line_words_capitalised(name: str) -> str:
    """ "Micromax In note 2" -> "Micromax In Note 2": a word the catalogue writes in lower case in a
    numbered model's name that the lexicon knows only capitalised, as a series or family word
    ("Note", "One"), is written as articles and makers write it; lower-case words the lexicon
    lists itself ("nova") and variant words stay as the catalogue writes them."""
    words = name.split(" ")
    line_words = _series_and_family_words()
    fixed = [
        w.capitalize() if w.islower() and w.capitalize() in line_words and w not in line_words else w
        for w in words[1:]
    ]
    return " ".join([words[0], *fixed])


@lru_cache(maxsize=1)
def _series_and_family_words() -> frozenset[str]:
    lex = lexicon()
    return frozenset(load_series_words()) | {f for b in lex.brands.values() for f in b.families}


@lru_cache(maxsize=64)
def _catalogue_families(brand: str) -> frozenset[str]:
    """The keys of the brand's family words that the catalogue writes in its names."""
    lex = lexicon()
    prefix = key(brand)
    names = [k[len(prefix) :] for k in lex.devices_by_key if k.startswith(prefix)]
    families = {key(f) for f in lex.family_words.get(brand, [])}
    return frozenset(f for f in families if f and any(n.startswith(f) for n in names))


@lru_cache(maxsize=4096)
def brand_of_lead(lead: str) -> tuple[str | None, str]:
    """(brand, the rest of the lead that is part of the model name) of a matched lead."""
    lex = lexicon()
    words = lead.split()
    first = words[0]
    brand = lex.word_to_brand.get(first.lower())
    two = " ".join(words[:2]).lower()
    if two in lex.word_to_brand:  # "One Plus", "ROG Phone", "Black Shark"
        brand = lex.word_to_brand[two]
        if lex.brands[brand].words and two in (w.lower() for w in lex.brands[brand].words):
            return brand, " ".join(words[2:])
        return brand, " ".join(words)
    if brand is None:
        return None, lead
    if first.lower() in (w.lower() for w in lex.brands[brand].words):
        rest = words[1:]
        # "Xiaomi Xiaomi" never; "Samsung Galaxy" keeps Galaxy as part of the model.
        return brand, " ".join(rest)
    return brand, " ".join(words)  # a family word: "Galaxy", "iPhone", "Mi", "Redmi"


def _series_name(brand: str, model_text: str) -> str:
    model = _tidy_model(model_text)
    if key(model).startswith(key(brand)):
        return f"{model} series"
    return f"{brand} {model} series"


class Taken(list):
    """The spans taken by mentions (a list of (start, end)), with a character mask so that
    `free(s, e)` (no taken span overlaps [s, e)) is one C-level search."""

    def __init__(self, size: int):
        super().__init__()
        self.mask = bytearray(size + 1)

    def append(self, span: tuple[int, int]) -> None:
        super().append(span)
        a, b = span
        if b > a:
            self.mask[a:b] = b"\x01" * (b - a)

    def free(self, s: int, e: int) -> bool:
        if e <= s:  # a degenerate span: the plain test
            return all(e <= a or s >= b for a, b in self)
        return self.mask.find(1, s, e) == -1


_REF_ADJECTIVES = re.compile(fragments("reference_adjectives"))


class MentionFinder:
    """All subject mentions of one article body, in order."""

    def __init__(self, body: str, low: str | None = None, hits: dict | None = None):
        self.hits = hits
        self.body = body
        self.low = low if low is not None else lowered(body)
        self.p = patterns()

    def find(self) -> tuple[list[Mention], Taken]:
        body = self.body
        p = self.p
        mentions: list[Mention] = []
        taken = Taken(len(body))
        free = taken.free

        # Branded devices and series.
        hits = self.hits
        # Tried only where the shared word scan saw a lead word (what finditer finds: every match
        # starts with one at a word start).
        for m in (
            p["device"].finditer(body) if hits is None else matches_at(p["device"], body, hits["device"])
        ):
            if not word_start(body, m.start()) or (m.start() and body[m.start() - 1] in "@#/"):
                continue
            brand, lead_rest = brand_of_lead(m.group("lead"))
            if brand is None or (lead_rest and not _lines_fit(brand, lead_rest)):
                continue
            model_token = m.group("model")
            if (
                _bad_token(model_token.split()[0])
                and not _catalogue_year_model(brand, lead_rest, model_token, m.group("var") or "")
                and not _x_named_model(body, model_token, m.end("model"))
            ):
                continue
            variant_text = m.group("var") or ""
            end = m.end("var") if m.group("var") else m.end("model")
            typo = m.group("typo")
            if typo:
                fixed = fuzzy_variant(typo.strip())
                if fixed and fixed.lower() != typo.strip().lower():
                    variant_text += " " + fixed
                    end = m.end("typo")
            run_on = _RUN_ON_VARIANT.match(body, end) if not variant_text else None
            if run_on:  # "12 Ultrawhose": a lost space after the variant
                variant_text, end = run_on.group(1), run_on.end(1)
            glued_word = _GLUED_WORD.search(model_token)
            if glued_word:  # "P9and": a lost space after the model
                model_token = model_token[: glued_word.start()]
                end = min(end, m.start("model") + len(model_token))
            glued = lead_rest and m.start("model") == m.end("lead")  # "Magic6", "Reno10"
            model = " ".join(
                x
                for x in (
                    (lead_rest + model_token) if glued else lead_rest,
                    None if glued else model_token,
                    variant_text.strip(),
                )
                if x
            )
            if (
                m.group("series")
                and (not typo or end == m.end("typo") or not m.group("typo"))
                and not _last_of_listed_models(body, m.start(), m.group("series"))
            ):
                name = _series_name(brand, model)
                mentions.append(
                    Mention(
                        m.start(),
                        m.end("series"),
                        SERIES,
                        name,
                        brand,
                        body[m.start() : m.end("series")],
                        model=_tidy_model(model),
                    )
                )
                taken.append((m.start(), m.end("series")))
                continue
            model, end = catalogue_longer_name(brand, model, body, end)
            name, _known = resolve_device(brand, model)
            mentions.append(
                Mention(m.start(), end, DEVICE, name, brand, body[m.start() : end], model=_tidy_model(model))
            )
            taken.append((m.start(), end))

        # Catalogue phones whose name has no number ("Pixel Fold", "iPhone SE").
        self.find_plain_names(mentions, taken)
        self.find_brand_led_names(mentions, taken)
        mentions.sort(key=lambda x: x.start)

        # Companies, their executives, and "Oppo's next flagship".
        lex = lexicon()
        low = self.low
        hits = self.hits
        # Company words inside a word are dropped below, and they cannot hide a word that starts
        # inside them (they end at a word end): the shared scan's word starts give the same mentions.
        company_hits = (
            list(p["company"].finditer(low))
            if hits is None
            else matches_at(p["company"], low, hits["company"])
        )
        if p["special_company"] is not None:
            company_hits += list(p["special_company"].finditer(body))
            company_hits.sort(key=lambda x: x.start())
        for m in company_hits:
            if not free(m.start(), m.end()) or not word_start(body, m.start()):
                continue
            text = body[m.start() : m.end()]
            word = " ".join(text.lower().split())
            executive = word in lex.exec_to_brand
            brand = lex.exec_to_brand.get(word) or lex.word_to_brand.get(word)
            if brand is None:
                continue
            if lex.brands[brand].case_sensitive and not executive and text not in lex.brands[brand].words:
                continue
            if brand == "Nothing" and m.re is p["company"]:
                continue  # only through its own pattern
            if (
                not executive
                and _PLURAL_REFERENCE_BEFORE.search(low, max(0, m.start() - 12), m.start())
                and _PLURAL_PHONE_NOUN.match(low, m.end())
            ):
                continue  # "these Huawei smartphones": the maker is a word of a reference to phones
            after = p["company_ref_after"].match(body, m.end(), min(len(body), m.end() + 60))
            window = body[max(0, m.start() - 50) : m.start()].lower()
            before = (
                p["company_ref_before"].search(body, max(0, m.start() - 50), m.start())
                if _REF_ADJECTIVES.search(window)
                else None
            )
            noun = (
                p["company_ref_noun"].match(body, m.end(), min(len(body), m.end() + 40)) if before else None
            )
            if noun is not None and _names_a_model(body[m.end() : noun.end()].split()[:-1]):
                noun = None  # "the upcoming Tecno Pova 5G smartphone": a named model, no reference
            if after:
                mentions.append(
                    Mention(m.start(), after.end(), COMPANY_REF, brand, brand, body[m.start() : after.end()])
                )
                taken.append((m.start(), after.end()))
            elif before and noun:
                mentions.append(
                    Mention(
                        before.start(),
                        noun.end(),
                        COMPANY_REF,
                        brand,
                        brand,
                        body[before.start() : noun.end()],
                    )
                )
                taken.append((before.start(), noun.end()))
            else:
                mentions.append(
                    Mention(m.start(), m.end(), COMPANY, brand, brand, text, alias_only=executive)
                )
                taken.append((m.start(), m.end()))

        # Words that refer to the current topic.
        for kind, name, pattern in (
            (REF_DEVICE, "ref_device", p["ref_device"]),
            (REF_SERIES, "ref_series", p["ref_series"]),
        ):
            for m in pattern.finditer(low) if hits is None else matches_at(pattern, low, hits[name]):
                if (
                    free(m.start(), m.end())
                    and word_start(low, m.start())
                    and _PAREN_NUMBER.match(body, m.end()) is None
                ):  # "the Phone (3)", "the Phone 2" are names
                    mentions.append(Mention(m.start(), m.end(), kind, None, None, body[m.start() : m.end()]))
                    taken.append((m.start(), m.end()))
        mentions.sort(key=lambda x: x.start)
        return mentions, taken

    published: str | None = None  # the article's date: which year of a repeated name is meant
    seen_models: dict[str, set[str]]  # brand -> model keys named with the brand (set by find_mentions)

    def find_plain_names(self, mentions: list[Mention], taken: Taken) -> None:
        """Catalogue phones whose model has no number ("Pixel Fold", "Galaxy Note Edge", "iPhone SE"),
        which the model pattern cannot see. A name the catalogue gives for several years ("iPhone SE
        (2020)", "(2022)") is the one the article's date means (`meant_by_date`)."""
        pattern, names = _plain_names()
        if pattern is None:
            return
        body = self.body
        hits = self.hits if _plain_names_led_by_lead_words() else None
        # Tried only where the shared word scan saw a device lead word: each name starts with one.
        for m in pattern.finditer(body) if hits is None else matches_at(pattern, body, hits["device"]):
            s, e = m.span()
            if not word_start(body, s) or not taken.free(s, e):
                continue
            brand, choices = names[m.group(0)]
            lead = _BRAND_BEFORE.search(body, max(0, s - 12), s)
            if (
                lead
                and lexicon().word_to_brand.get(lead.group(1).lower()) == brand
                and taken.free(lead.start(1), s)
            ):
                s = lead.start(1)
            year = _YEAR_AFTER.match(body, e)
            name = None
            if year:
                name = next((n for _a, n in choices if n.endswith(f"({year.group(1)})")), None)
                if name:
                    e = year.end()
            if name is None:
                name = meant_by_date(choices, self.published)[1]
            more = None if year else _variant_words_after().match(body, e)
            if more is not None:
                # "Redmi Note Explorer Edition": variant words after the plain name make a longer
                # one, the catalogue's or, when it has none, the words written
                longer = resolve_device(brand, f"{name[len(brand) + 1 :]} {' '.join(more.group(0).split())}")
                name, e = longer[0], more.end()
            mentions.append(Mention(s, e, DEVICE, name, brand, body[s:e], model=name[len(brand) + 1 :]))
            taken.append((s, e))

    def find_brand_led_names(self, mentions: list[Mention], taken: Taken) -> None:
        """A brand and a catalogue name without a number ("Realme GT Neo", "Xiaomi Mix Fold"), and
        such a name right after a device of the same brand ("the Realme GT 5G and GT Neo"): the
        longest name the catalogue has for that brand, where no model mention covers the words."""
        if _number_less_names()[0] is None:
            return
        body = self.body
        word_to_brand = lexicon().word_to_brand
        brand_words, hits = _brand_word_pattern(), self.hits
        # The brand words are device lead words: the shared word scan's offsets hold every match.
        for m in (
            brand_words.finditer(body) if hits is None else matches_at(brand_words, body, hits["device"])
        ):
            s = m.start()
            if (
                not word_start(body, s)
                or (s and body[s - 1] in "@#/")
                or not taken.free(m.end(), m.end() + 1)
            ):
                continue  # mid-word, a handle, or a model mention ("Xiaomi 13") already there
            brand = word_to_brand[" ".join(m.group(1).split()).lower()]
            found = self._number_less_name_at(m.end(), brand) or self._unlisted_form_name_at(m.end(), brand)
            if m.group(2):  # "Xiaomi's Mix Fold": the maker stays a mention of its own
                s = m.end()
            if found and taken.free(s, found[0]):
                e, name = found
                mentions.append(Mention(s, e, DEVICE, name, brand, body[s:e], model=name[len(brand) + 1 :]))
                taken.append((s, e))
        devices = sorted((x for x in mentions if x.kind == DEVICE and x.brand), key=lambda x: x.start)
        while devices:
            prior = devices.pop(0)
            assert prior.brand is not None
            link = _SIBLING_LINK.match(body, prior.end)
            if link is None or not taken.free(link.end(), link.end() + 1):
                continue
            found = self._number_less_name_at(link.end(), prior.brand)
            if found and taken.free(link.end(), found[0]):
                (e, name), s = found, link.end()
                sibling = Mention(
                    s, e, DEVICE, name, prior.brand, body[s:e], model=name[len(prior.brand) + 1 :]
                )
                mentions.append(sibling)
                taken.append((s, e))
                devices.insert(0, sibling)  # "A, B and C"

    def _unlisted_form_name_at(self, pos: int, brand: str) -> tuple[int, str] | None:
        """(end, name) of a new phone the catalogue does not list yet, named by its brand, one of
        the brand's family words and one or two variant words ("Xiaomi Mix Flip", "Tecno Phantom
        Ultimate"), where the name ends there (no number, series noun or device noun after it)."""
        m = _family_and_variants().match(self.body, pos)
        if m is None or m.group(1) not in lexicon().family_words.get(brand, ()):
            return None
        if _name_goes_on().match(self.body, m.end()) or _network_after().match(self.body, m.end()):
            return None
        return m.end(), f"{brand} {' '.join(m.group(0).split())}"

    def _number_less_name_at(self, pos: int, brand: str) -> tuple[int, str] | None:
        """(end, catalogue name) of the brand's number-less name that starts at `pos`, if the words
        end there: no further name word, series noun ("the Realme GT series") or device noun ("the
        next OnePlus Nord phone") follows, and a word in lower case is one the catalogue writes so
        ("nova", not "play"); a network word after it ("5G") is part of the name. A name the
        catalogue gives several phones ("Razr 2019", "Razr 2022") is the one the article's date
        means (`meant_by_date`), and none older than context.json's bare_name_max_age_years."""
        pattern, names = _number_less_names()
        assert pattern is not None
        m = pattern.match(self.low, pos)
        if m is None or brand not in names[m.group(0)]:
            return None
        choices = names[m.group(0)][brand]
        e = m.end()
        lower = {w for _announced, name in choices for w in name.split() if w.islower()}
        if any(w.islower() and w not in lower for w in self.body[pos:e].split()):
            return None
        network = _network_after().match(self.body, e)  # "GT Neo 5G": the same phone
        if network:
            e = network.end()
        if _name_goes_on().match(self.body, e):
            return None
        year = _YEAR_AFTER.match(self.body, e)
        if year:
            named = [c for c in choices if c[1].endswith(f"({year.group(1)})")]
            if named:
                choices, e = named, year.end()
        published = self.published
        announced, name = meant_by_date(choices, published)
        if published and announced and int(published[:4]) - int(announced[:4]) > _bare_name_max_age():
            return None
        return e, name

    def find_brandless(self, taken, brand_at) -> list[Mention]:
        """ "the S23 Ultra", "13 Pro", "the S23 series", "13 UItra": models named without their brand,
        given the brand of the topic (`brand_at(offset)`); kept only when the brand has such a model
        in the catalogue or the article named it with its brand."""
        body = self.body
        p = self.p
        found: list[Mention] = []
        seen_models = getattr(self, "seen_models", {})

        families = lexicon().family_words

        def add(s, e, brand, model, series, sure=False, owned=False):
            name, known = resolve_device(brand, model)
            known = known or sure
            mkey = key(_tidy_model(model))
            if not known:
                # "the Flip 4" after "the Galaxy Z Flip 4": the letter the article wrote before it.
                lead = next(
                    (
                        k[: -len(mkey)]
                        for k in seen_models.get(brand, ())
                        if k.endswith(mkey) and 0 < len(k) - len(mkey) <= 2 and k[: -len(mkey)].isalpha()
                    ),
                    None,
                )
                if lead:
                    model = f"{lead.upper()} {model}"
                    name, known = resolve_device(brand, model)
                    mkey = key(_tidy_model(model))
            if not known:
                # "the S23 Ultra" after "the Galaxy S23 Ultra": the family word the article used.
                for family in families.get(brand, ()):
                    fkey = key(family)
                    if fkey and not mkey.startswith(fkey) and fkey + mkey in seen_models.get(brand, ()):
                        model = f"{family} {model}"
                        name, known = resolve_device(brand, model)
                        mkey = key(_tidy_model(model))
                        break
            if series:
                # "the Note 12 series" after "the Redmi Note 12 Pro": the family word the article used.
                for family in families.get(brand, ()):
                    fkey = key(family)
                    if (
                        fkey
                        and not mkey.startswith(fkey)
                        and any(k.startswith(fkey + mkey) for k in seen_models.get(brand, ()))
                    ):
                        model = f"{family} {model}"
                        break
                found.append(
                    Mention(
                        s, e, SERIES, _series_name(brand, model), brand, body[s:e], model=_tidy_model(model)
                    )
                )
            elif (
                known
                or owned  # its maker's own sentence names it, after the article's own spellings
                or _named_before(seen_models, brand, mkey)
                or _variant_of_named(seen_models, brand, mkey)
            ):
                found.append(Mention(s, e, DEVICE, name, brand, body[s:e], model=_tidy_model(model)))
            else:
                # Unknown to the catalogue and to the article: kept only if a comparison names it
                # (its values must then not go to the topic); see mark_comparisons.
                found.append(
                    Mention(s, e, DEVICE, name, brand, body[s:e], model=_tidy_model(model), tentative=True)
                )
            taken.append((s, e))
            if known or series:
                # "its X80 series ... As X80 has": later brand-less names can lean on this one.
                seen_models.setdefault(brand, set()).add(mkey)
            return True

        free = (
            taken.free if isinstance(taken, Taken) else (lambda s, e: all(e <= a or s >= b for a, b in taken))
        )

        unit_after = p["unit_after"]
        if "Phone" in body:
            # "the Phone (3)": a maker whose models are "Phone (N)", named without the brand.
            for m in _PHONE_N.finditer(body):
                s, e = m.span()
                if not free(s, e) or (s and (body[s - 1].isalnum() or body[s - 1] in "@#/")):
                    continue
                brand = brand_at(s)
                # A maker whose catalogue names its models "Phone (N)" names new ones the same way.
                if brand and (
                    resolve_device(brand, m.group(0))[1]
                    or key(m.group(0)) in seen_models.get(brand, set())
                    or brand in _phone_n_brands()
                ):
                    add(s, e, brand, m.group(0), False, sure=True)
        for m in p["brandless"].finditer(body):
            s, model = m.start(), m.group("model")
            two_letters = model[:2].isalpha() and model[2:3].isdigit()  # "the CE5", "the GT7"
            no_number = model.rstrip("+").isalpha()  # letters, digits and a last "+": letters alone
            if no_number or (model[0].isalpha() and not model[1:2].isdigit() and not two_letters):
                continue
            if s and (body[s - 1].isalnum() or body[s - 1] in "@#/.,$€£¥-_"):
                continue
            if _chip_family_before().search(body, max(0, s - 16), s):
                continue  # "Dimensity 7300 Ultra", "Exynos 2400": a chip's number, no phone
            family = _SERIES_WORD_BEFORE.search(body, max(0, s - 20), s) or _line_word_before(
                body, s, brand_at(s)
            )
            if family and free(family.start(1), s):  # "the Note 12 Pro", "its Edge 50 series", "the In 2b"
                s, model = family.start(1), f"{family.group(1)} {model}"
            the = body[max(0, s - 4) : s] in ("the ", "The ")
            var, typo, series = m.group("var"), m.group("typo"), m.group("series")
            if typo:
                fixed = fuzzy_variant(typo)
                if fixed and fixed.lower() != typo.lower():
                    var = fixed
                    end = m.end("typo")
                else:
                    var, typo = None, None
                    end = m.end("model")
                    series = None
            else:
                end = m.end("var") if var else m.end("model")
            if series:
                end = m.end("series")
            bare_number = not (var or series or model[-1].isalpha() or model[0].isalpha())
            if bare_number:
                # "the 13" after "the OnePlus 13": a bare number is a name only after "the" and only
                # when the article has named that model with its brand.
                if not the or not model.isdigit():
                    continue
                bare_brand = brand_at(s)
                if not bare_brand or key(model) not in seen_models.get(bare_brand, set()):
                    continue
            elif not (
                var
                or series
                or (the and model[-1].isalpha() or the and model[0].isalpha())
                or family
                or _named_before(seen_models, brand_at(s) or "", key(model))
            ):
                continue  # "X80" alone is a name once the article has named the vivo X80
            if not series and unit_after.match(body, end) is None:
                continue
            if not free(s, end) or _bad_token(model):
                continue
            owner = _BRAND_POSSESSIVE.search(body, max(0, s - 24), s)  # "Xiaomi's 12S Ultra"
            brand = lexicon().word_to_brand.get(owner.group(1).lower()) if owner else None
            # "Vivo's X200 ... OnePlus 13 ... the X200 Pro": a model the article gave one brand keeps it.
            # "its Spark 20 Play" after the "Tecno Spark 20 Play": the full name's brand
            full = key((model + " " + (var or "")).strip())
            brand = (
                brand
                or _brand_named_with(seen_models, full)
                or _brand_named_with(seen_models, key(model))
                or brand_at(s)
            )
            if not brand:
                continue
            full_model = (model + " " + (var or "")).strip()
            if owner is None and not resolve_device(brand, full_model)[1]:
                # "the GT Neo 3" after a rival's name: the brand named in the article whose
                # catalogue has the model, rather than the brand named last
                brand = next(
                    (b for b in seen_models if b != brand and resolve_device(b, full_model)[1]), brand
                )
            owned = owner is not None or _own_model_of(body, s, end, brand)
            add(s, end, brand, full_model, bool(series), owned=owned)
        return found


_NON_PHONE_AFTER = re.compile(r"(?i)\s+(?:" + fragments("non_phone_nouns") + r")s?\b")
_ITS_BEFORE = re.compile(r"\b(?:its|the)\s+(?:(?:new|upcoming|latest|next|own)\s+)?$", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?:]\s")
_OPENING_WORD = re.compile(r"\s*(?:[A-Z]\w*\s+){0,3}?(\w+)")  # the subject word a sentence opens with


def _own_model_of(body: str, s: int, end: int, brand: str) -> bool:
    """ "Infinix has announced the launch date of its Note 60X", "Infinix is teasing the Note 60X": a
    brand-less model after "its" or "the" in a sentence its maker leads is that maker's phone,
    known to the catalogue or not."""
    lead = max(0, s - 120)
    if _ITS_BEFORE.search(body, max(lead, s - 24), s) is None or _NON_PHONE_AFTER.match(body, end):
        return False  # "Sony is launching the A9 camera": no phone
    stops = list(_SENTENCE_STOP.finditer(body, lead, s))
    start = stops[-1].end() if stops else (0 if lead == 0 else None)
    brands = lexicon().brands
    if start is None or brand not in brands:
        return False
    opening = _OPENING_WORD.match(body[start:s])
    return opening is not None and opening.group(1) in brands[brand].words


def short_names(body: str, mentions: list[Mention], taken: Taken) -> list[Mention]:
    """ "the GT 5G" after the "Realme GT 5G": a phone the article named with its brand word may be
    named again without it, also where the model has no number of its own that the brand-less
    model pattern could see. One scan for all the names (a trie), so a long article stays linear."""
    lex = lexicon()
    by_name: dict[str, Mention] = {}
    for m in mentions:
        if m.kind != DEVICE or not m.brand or not m.subject or m.tentative:
            continue
        first, _, rest = m.text.partition(" ")
        if first.lower() not in (w.lower() for w in lex.brands[m.brand].words):
            rest = m.text  # "the GT 5G and GT Neo": a sibling named without the brand already
        rest = " ".join(rest.split())
        if " " in rest and any(c.isupper() for c in rest):  # "GT 5G"; one word ("GT") may be a series'
            by_name.setdefault(rest, m)
            # "the Galaxy Z Flip6 and Z Fold6": without the brand's family word too
            family, _, bare = rest.partition(" ")
            if family in lex.family_words.get(m.brand, ()) and " " in bare:
                by_name.setdefault(bare, m)
    if not by_name:
        return []
    found = []
    for s, e, name in _name_hits(body, by_name):
        if (
            not word_start(body, s)
            or (s and body[s - 1] in "@#/")
            or (e < len(body) and (body[e].isalnum() or body[e] in "_+"))
            or not taken.free(s, e)
        ):
            continue
        named = by_name[name]
        found.append(Mention(s, e, DEVICE, named.subject, named.brand, body[s:e], model=named.model))
        taken.append((s, e))
    return found


def letter_dropped_names(mentions: list[Mention]) -> None:
    """ "the Galaxy Fold 6" in an article about the "Galaxy Z Fold6": a name the catalogue does not
    know, spelled as another device of the article with a one-letter word inside it left out, is
    that device. The letter is never the model's first or last word ("Xperia 10 V" is another phone
    than the "Xperia 10"), and a name the catalogue knows keeps its own phone."""
    devices = lexicon().devices_by_key
    full: dict[tuple[str, str], Mention] = {}
    for m in mentions:
        if m.kind != DEVICE or not m.brand or m.alias_only:
            continue
        words = m.model.split()
        for i in range(1, len(words) - 1):
            if len(words[i]) == 1 and words[i].isupper():
                full.setdefault((m.brand, key(" ".join(words[:i] + words[i + 1 :]))), m)
    if not full:
        return
    for m in mentions:
        if m.kind != DEVICE or not m.brand or m.alias_only:
            continue
        named = full.get((m.brand, key(m.model)))
        if named is not None and named.subject != m.subject and key(m.subject or "") not in devices:
            m.subject, m.model = named.subject, named.model


_FEW_NAMES = 16  # up to this many names, a literal search each; more, one compiled trie


def _name_hits(body: str, by_name: dict[str, Mention]):
    """(start, end, name) of each occurrence of the names, in text order (a name's spaces as written
    once, as the names are kept; the trie also reads other white space)."""
    if len(by_name) > _FEW_NAMES:
        for hit in re.finditer(trie_pattern(by_name), body):
            name = " ".join(hit.group(0).split())
            if name in by_name:
                yield hit.start(), hit.end(), name
        return
    hits = []
    for name in by_name:
        at = body.find(name)
        while at != -1:
            hits.append((at, at + len(name), name))
            at = body.find(name, at + 1)
    hits.sort(key=lambda h: (h[0], -h[1]))
    yield from hits


_PAREN_NUMBER = re.compile(r"\s?(?:\(\d{1,2}[a-z]?\)|\d{1,2}[a-z]?\b)")
_RUN_ON_VARIANT = re.compile(
    r"\s+(Ultra|Pro|Max|Plus|Lite|Mini)(?=(?:whose|with|and|that|which|was|has|will|is)\b)"
)
_GLUED_WORD = re.compile(r"(?<=\d)(?:and|the|with|was|has|for)$")
_LEADING_LIKE = re.compile(r"(?i)(?:^|[.!?]\s+|\n)(?:just\s+|much\s+)?(?:like|unlike)\s[^,.\n]*$")
_LISTED_BEFORE = re.compile(r"(?:,|\band|&)\s*(?:the\s+)?$")
_LISTED_MODEL_NOUNS = frozenset(context_words("listed_model_nouns"))
_SAME_PART_LINKS = frozenset(context_words("same_part_links"))


def _last_of_listed_models(body: str, start: int, series: str) -> bool:
    """ "the X, Y and Z models": a plural noun after the last of several names counts the
    models named, it does not make the last one a series."""
    return series.strip().lower() in _LISTED_MODEL_NOUNS and bool(
        _LISTED_BEFORE.search(body, max(0, start - 8), start)
    )


_ONE_SERIES_WORD = alternation(w for w in load_series_words() if " " not in w and w[0].isupper())
# "the Note 12", and two of them: "the Z Fold 6", "the GT Neo 5"
_SERIES_WORD_BEFORE = re.compile(
    r"(?<![\w-])((?:" + _ONE_SERIES_WORD + r")(?:\s+(?:" + _ONE_SERIES_WORD + r"))?)\s+$"
)
_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Z][A-Za-z]*)\s+$")


@lru_cache(maxsize=1)
def _chip_family_before() -> re.Pattern:
    """A chip family word (specs.json chip_families) right before an offset."""
    return re.compile(r"(?<![\w-])(?:" + alternation(lexicon().specs["chip_families"]) + r")\s+$")


@lru_cache(maxsize=1)
def _line_words() -> frozenset:
    """Every brand's catalogue model-line words (lexicon().model_lines)."""
    return frozenset(w for words in lexicon().model_lines.values() for w in words)


def _lines_fit(brand: str, lead_rest: str) -> bool:
    """Whether each model-line word of a matched lead is one of this brand's lines: "Micromax In
    2b" is a name, "Samsung In 10" is not."""
    lines = _line_words()
    general = set(load_series_words())
    own = lexicon().model_lines.get(brand, frozenset())
    return all(w in own for w in lead_rest.split() if w in lines and w not in general)


def _line_word_before(body: str, s: int, brand: str | None):
    """A model-line word of `brand` right before a brand-less model ("the In 2b"), as a match."""
    own = lexicon().model_lines.get(brand or "")
    if not own:
        return None
    m = _WORD_BEFORE.search(body, max(0, s - 12), s)
    return m if m and m.group(1) in own else None


_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")
_TIMES_TOKEN = re.compile(r"\d{1,3}[xX]")
_YEAR_AFTER = re.compile(r"\s*\(((?:19|20)\d\d)\)")
_BRAND_BEFORE = re.compile(r"\b([A-Za-z]+)\s+$")
_BRAND_POSSESSIVE = re.compile(r"\b([A-Za-z]+)['’]s\s+(?:(?:new|upcoming|latest|own)\s+)?$")
_NOT_A_PHONE = frozenset(("watch", "tab", "tablet", "pad", "matepad", "buds", "band", "book", "tv", "pencil"))


_NEXT_WORDS = re.compile(r"[ \t]+([A-Z0-9][\w+]*)(?:[ \t]+([A-Z0-9][\w+]*))?")


def catalogue_longer_name(brand: str, model: str, body: str, end: int) -> tuple[str, int]:
    """(model, end) of a name the article writes longer than the model pattern read it: one or two
    capitalised words after it that make a phone the catalogue knows ("Z5" + "Compact", "S5" +
    "Active") are part of the name; the longest such name wins."""
    words = _NEXT_WORDS.match(body, end)
    if words is None:
        return model, end
    for group in (2, 1):
        if words.group(group) and resolve_device(brand, " ".join([model, *words.groups()[:group]]))[1]:
            return " ".join([model, *words.groups()[:group]]), words.end(group)
    return model, end


def _named_before(seen_models: dict, brand: str, mkey: str) -> bool:
    """Whether the article named this model of the brand, or a variant of it ("X90" after "X90 Pro")."""
    seen = seen_models.get(brand, ())
    if mkey in seen:
        return True
    variants = lexicon().variant_lower
    return any(k.startswith(mkey) and k[len(mkey) :] in variants for k in seen)


def _variant_of_named(seen_models: dict, brand: str, mkey: str) -> bool:
    """Whether the model is a variant of a model or series the article named ("X200 Pro" after the
    "X200 series")."""
    seen = seen_models.get(brand, ())
    variants = lexicon().variant_lower
    return any(
        mkey.startswith(k) and len(mkey) > len(k) and mkey[len(k) :] in variants and not k.isdigit()
        for k in seen
    )


def _brand_named_with(seen_models: dict, mkey: str) -> str | None:
    """The one brand the article named this model (or its base, without a variant word) with."""
    variants = lexicon().variant_lower
    brands = [
        b
        for b, seen in seen_models.items()
        if mkey in seen
        or any(mkey.startswith(k) and mkey[len(k) :] in variants and not k.isdigit() for k in seen)
    ]
    return brands[0] if len(brands) == 1 else None


def meant_by_date(choices: list[tuple[str | None, str]], published: str | None) -> tuple[str | None, str]:
    """Of the (announced, name) phones the catalogue gives one name over the years ("iPhone SE",
    "iPhone SE (2020)", ...), the one an article of `published` means: the latest announced by
    then; when none was yet, the first to come, since the article is a leak of it."""
    dated = [c for c in choices if not published or not c[0] or c[0] <= published[:7]]
    if dated:
        return max(dated, key=lambda c: c[0] or "")
    return min(choices, key=lambda c: c[0] or "")


# "Note 50X", "Hot 40X": two or three digits and a capital X glued to them, written after a brand,
# name a model the catalogue may not know yet; "3x", "10x" and a figure before a zoom word ("100X
# Space Zoom") stay a magnification.
_X_NAMED_TOKEN = re.compile(r"\d{2,3}X")
_ZOOM_AFTER = re.compile(r"(?i)\s*(?:[\w-]+\s+)?(?:zoom|optical|digital|hybrid|magnification)\b")


def _x_named_model(body: str, token: str, end: int) -> bool:
    """Whether a number with an X after a brand is a model's name, not a zoom factor."""
    return _X_NAMED_TOKEN.fullmatch(token.split()[0]) is not None and _ZOOM_AFTER.match(body, end) is None


def _catalogue_year_model(brand: str, lead_rest: str, token: str, variant: str) -> bool:
    """ "Razr 2022", "Moto G Power 2023", "Xiaomi 12X": a year, or a number with an x that reads
    like a zoom factor, is a model's name when the catalogue has that model."""
    if not _YEAR_TOKEN.fullmatch(token.split()[0]) and not _TIMES_TOKEN.fullmatch(token.split()[0]):
        return False
    return any(resolve_device(brand, f"{lead_rest} {name}".strip())[1] for name in (token, token + variant))


@lru_cache(maxsize=1)
def _plain_names() -> tuple[re.Pattern | None, dict[str, tuple[str, list[tuple[str | None, str]]]]]:
    """The catalogue's phones whose model has no digit and starts with one of the brand's family
    words (two words at least, no watches or tablets), as one pattern, and each model's choices."""
    lex = lexicon()
    names: dict[str, tuple[str, list]] = {}
    for device in lex.devices_by_key.values():
        brand = lex.brands.get(device.brand)
        if brand is None or not device.name.startswith(brand.name + " "):
            continue
        model = device.name[len(brand.name) + 1 :]
        base = re.sub(r"\s+\((?:19|20)\d\d\)$", "", model)
        words = base.split()
        if (
            len(words) < 2
            or any(c.isdigit() for c in base)
            or words[0] not in brand.families
            or any(w.lower() in _NOT_A_PHONE for w in words)
        ):
            continue
        names.setdefault(base, (brand.name, []))[1].append((device.announced, device.name))
    if not names:
        return None, {}
    # A trie (not an alternation of the names tried one by one at every word) behind a first-letter
    # lookahead: 0.43 ms of a 2,000-character article -> 0.035 ms, the same matches, longest first.
    return re.compile(
        first_letter_guard(names) + r"\b(?:" + trie_pattern(names, space=" ") + r")(?![\w+-])"
    ), names


@lru_cache(maxsize=1)
def _plain_names_led_by_lead_words() -> bool:
    """Whether every plain name starts with a lead word of the device pattern (a family word, as
    `_plain_names` requires): then the shared word scan's device offsets hold every offset where
    one can start, and the names are tried there instead of by a scan of the whole body."""
    _pattern, names = _plain_names()
    device_leads = leads()["device"]
    return all(name.split()[0].lower() in device_leads for name in names)


_YEAR_SUFFIX = re.compile(r"\s+\((?:19|20)\d\d\)$")
_SIBLING_LINK = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or|&)\s+)(?:the\s+)?")


@lru_cache(maxsize=1)
def _brand_word_pattern() -> re.Pattern:
    """The brands' own words, as written ("Realme", "realme", "One Plus"), before a space or a
    possessive ("Xiaomi's")."""
    words = {w for b in lexicon().brands.values() for w in b.words}
    return re.compile(first_letter_guard(words) + r"\b(" + trie_pattern(words) + r")(['’]s)?\s+")


@lru_cache(maxsize=1)
def _bare_name_max_age() -> int:
    from bot.extract.lexicon import load_json

    return int(load_json("context.json")["bare_name_max_age_years"])


@lru_cache(maxsize=1)
def _network_after() -> re.Pattern:
    from bot.extract.lexicon import context_words

    return re.compile(r"\s+(?:" + alternation(context_words("network_suffixes")) + r")(?![\w+-])")


@lru_cache(maxsize=1)
def _name_goes_on() -> re.Pattern:
    from bot.extract.lexicon import context_words

    # "the next OnePlus Nord phone" is a line used as a modifier, not the phone called so.
    nouns = (
        load_series_nouns() + context_words("generic_device_nouns") + context_words("company_reference_nouns")
    )
    return re.compile(r"(?:\s+(?:[A-Z0-9]|(?:" + alternation(nouns) + r")s?\b)|-(?=\w))")


def _capitalised_variant_words() -> list[str]:
    """The lexicon's variant words written as words of a name ("Pro", "Ultra", "Edition")."""
    return [v for v in lexicon().variants if v[:1].isupper() and v.isalpha()]


@lru_cache(maxsize=1)
def _family_and_variants() -> re.Pattern:
    """ "Mix Flip", "Phantom Ultimate" right after a brand word: a family word and one or two
    capitalised variant words."""
    families = sorted({f for words in lexicon().family_words.values() for f in words}, key=len, reverse=True)
    return re.compile(
        r"[ \t]*("
        + alternation(families)
        + r")(?:[ \t]+(?:"
        + alternation(_capitalised_variant_words())
        + r")(?![\w+])){1,2}"
    )


@lru_cache(maxsize=1)
def _variant_words_after() -> re.Pattern:
    """Capitalised variant words written after a name ("Explorer Edition", "Pro Max"); not the
    Roman numerals, which end a name rather than add to it."""
    words = [v for v in _capitalised_variant_words() if not re.fullmatch(r"[IVX]+", v)]
    return re.compile(r"(?:[ \t]+(?:" + alternation(words) + r")(?![\w+]))+")


@lru_cache(maxsize=1)
def _number_less_names() -> tuple[re.Pattern | None, dict[str, dict[str, list]]]:
    """The catalogue's names whose model has no number but a last network word or a year ("GT Neo",
    "GT 5G", "Edge (2022)", "Razr 2019"), lower-cased, as one trie pattern; for each, the
    (announced, name) of each brand. A model is also known without its network word or year
    ("Nord CE", "Razr") and without a family word before another ("Mix Fold" for "Mi Mix Fold"),
    where the brand has no such name of its own."""
    from bot.extract.lexicon import context_words

    lex = lexicon()
    networks = set(context_words("network_suffixes"))
    spelled = {b.lower(): b for b in lex.brands}
    exact: dict[str, dict[str, list]] = {}
    shorter: dict[str, dict[str, list]] = {}
    for device in lex.devices_by_key.values():
        brand = spelled.get(device.brand.lower())
        if brand is None or not device.name.startswith(device.brand + " "):
            continue
        words = _YEAR_SUFFIX.sub("", device.name[len(device.brand) + 1 :]).split()
        core = words[:-1] if words and (words[-1] in networks or _YEAR_TOKEN.fullmatch(words[-1])) else words
        if not core or any(c.isdigit() for w in core for c in w):
            continue
        entry = (device.announced, device.name)
        exact.setdefault(" ".join(words).lower(), {}).setdefault(brand, []).append(entry)
        families = lex.family_words.get(brand, [])
        forms = [core] if len(core) < len(words) else []
        if len(core) > 1 and core[0] in families and core[1] in families:
            forms.append(core[1:])
        for form in forms:
            shorter.setdefault(" ".join(form).lower(), {}).setdefault(brand, []).append(entry)
    for name, by_brand in shorter.items():
        for brand, entries in by_brand.items():
            exact.setdefault(name, {}).setdefault(brand, entries)
    for name, by_brand in _sibling_forms(exact).items():
        for brand, entries in by_brand.items():
            exact.setdefault(name, {}).setdefault(brand, entries)
    for name, by_brand in list(exact.items()):
        spelled_out = _spelled_plus(name)
        if spelled_out != name:
            for brand, entries in by_brand.items():
                exact.setdefault(spelled_out, {}).setdefault(brand, entries)
    if not exact:
        return None, {}
    return re.compile(trie_pattern(exact, space=" ") + r"(?![\w+-])"), exact


def _sibling_forms(exact: dict[str, dict[str, list]]) -> dict[str, dict[str, list]]:
    """ "Phantom V Flip" beside the catalogue's "Phantom V Fold": a number-less name that ends in a
    form word (context.json's sibling_form_words) also names, with another form word, the sibling
    a maker announces before the catalogue lists it; its name is the brand and the words written."""
    forms = context_words("sibling_form_words")
    lowered_forms = {f.lower(): f for f in forms}
    out: dict[str, dict[str, list]] = {}
    for name, by_brand in exact.items():
        words = name.split()
        if len(words) < 2 or words[-1] not in lowered_forms:
            continue
        for brand, entries in by_brand.items():
            written = max(entries, key=lambda e: e[0] or "")[1][len(brand) + 1 :].split()
            if len(written) != len(words):
                continue
            for other in forms:
                if other.lower() != words[-1]:
                    sibling = " ".join([*words[:-1], other.lower()])
                    out.setdefault(sibling, {}).setdefault(
                        brand, [(None, " ".join([brand, *written[:-1], other]))]
                    )
    return out


def _spelled_plus(name: str) -> str:
    """ "edge+" -> "edge plus": writers spell out the "+" the catalogue writes ("Edge Plus" is the
    catalogue's "Edge+"); a name the catalogue itself writes with "Plus" is left as it is."""
    return re.sub(r"(?<=\w)\+(?=\s|$)", " plus", name)


_PHONE_N = re.compile(
    r"Phone\s?(?:\(\d{1,2}[a-z]?\)|\d{1,2}[a-z]?\b)(?P<var>\s+(?:"
    + fragments("phone_n_variants")
    + r")(?![\w+]))?"
)
_COORDINATION = re.compile(r"\s*(?:,|and|or|&|,\s*and|,\s*or)\s*(?:the\s+)?")
_EARLIER_USE = re.compile(
    r"(?i)\b(?:"
    + fragments("earlier_use_adverbs")
    + r")\s+(?:[a-z]+ly\s+)?(?:"
    + fragments("earlier_use_verbs")
    + r")\s+(?:on|in|by)\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,2}?$"
)
# "ahead of the X launch", "ahead of the X's debut": the time of an event, not a rival phone
_EVENT_AFTER = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:" + fragments("release_nouns") + r")\b", re.I)
_LINK_PREPOSITIONS = frozenset(("on", "in", "of", "for", "with"))
_WORDS = re.compile(r"[\w'’.+-]+")
# "than its pricier counterpart, the X": a name in apposition to a phone noun (a determiner, at
# most two words describing the noun, a comma) stands where the noun stands.
_NOT_APPOSED_COMPARISONS = frozenset(("from", "over", "after", "of", "against", "before"))
_APPOSED_PHONE_NOUN = re.compile(
    r"(?i)\b(?:the|its|their|a|an)\s+(?:[a-z-]+\s+){0,2}?(?:"
    + fragments("apposed_phone_nouns")
    + r"),\s*(?:the\s+)?$"
)


@lru_cache(maxsize=1)
def _phone_n_brands() -> frozenset:
    """Brands whose catalogue models are called "Phone (N)"."""
    return frozenset(
        d.brand for d in lexicon().devices_by_key.values() if _PHONE_N.match(d.name.split(" ", 1)[-1])
    )


_CLAUSE_BREAK_BEFORE = re.compile(r";|,\s*(?:while|whereas|but)\b")
# "Its predecessor, the X, has ...": a name in apposition to a predecessor phrase that opens the
# sentence is what the sentence is about (an older phone: the discourse never makes it the topic).
_PREDECESSOR_APPOSITION = re.compile(
    r"(?i)(?:^|[.!?][\"”’)]?\s+|\n)\s*(?:[A-Za-z][\w ]{0,24},\s*)?(?:"
    + fragments("predecessor_phrases")
    + r"|(?:the\s+)?(?:[\w+-]+\s+){0,4}[\w+-]+['’]s?\s+(?:"
    + fragments("older_phone_nouns")
    + r"))\s*,?\s*(?:the\s+)?$"
)
# "the X, the Y's predecessor, has ...": Y is named only as the owner of an older phone.
_OWNER_OF_RELATIVE = re.compile(r"['’]s?\s+(?:" + fragments("relative_phone_nouns") + r")\b")
_PLURAL_REFERENCE_BEFORE = re.compile(r"\b(?:these|both|the two|the three)\s+$")
_PLURAL_PHONE_NOUN = re.compile(r"\s+(?:phones|devices|models|handsets|smartphones)\b")
# "a Pixel 8-like camera bar", "an iPhone-esque notch": a design borrowed from the phone named.
_LIKENESS_SUFFIX = re.compile(r"[-‑–](?:like|esque|style|inspired)\b", re.IGNORECASE)


_OWNER_APPOSITION_AFTER = re.compile(
    r"\s*,\s*(?:the\s+)?[^,.;]{1,48}?['’]s?\s+(?:" + fragments("older_phone_nouns") + r")\s*,"
)


def recalls_older_phone(body: str, m: Mention) -> bool:
    """Whether a name is an older phone recalled in apposition: "its predecessor X was ...",
    "the X, the Y's predecessor, has ...". Such a phone is what its sentence and the rest of its
    paragraph say, until the article turns to what is to come."""
    return (
        _PREDECESSOR_APPOSITION.search(body, max(0, m.start - 72), m.start) is not None
        or _OWNER_APPOSITION_AFTER.match(body, m.end) is not None
    )


def clause_start(body: str, start: int, end: int) -> int:
    """Where the clause holding `end` begins in [start, end): "a step up from the old model,
    whereas the X gets ...": the comparison is over at the clause break; the X is no compared phone.
    Every break holds a ";" or a ",": a window with neither (most) is not scanned."""
    if body.find(",", start, end) == -1 and body.find(";", start, end) == -1:
        return start
    breaks = [b.end() for b in _CLAUSE_BREAK_BEFORE.finditer(body, start, end)]
    return breaks[-1] if breaks else start


def _ends_leading_comparison(body: str, end: int, start: int) -> bool:
    """ "Unlike the X, the Y has ...", "Like the X, the Y ...": the comma between the two names
    ends a comparison that leads the sentence, so the second name is the sentence's subject, not
    a second compared phone ("than the X, the Y and the Z" lists them)."""
    comma = body.find(",", end, start)
    return (
        comma != -1
        and _LISTING_WORD.search(body, comma, start) is None
        and _LEADING_LIKE.search(body, max(0, comma - 60), comma) is not None
    )


_LISTING_WORD = re.compile(r"\b(?:and|or)\b|&")


def mark_comparisons(body: str, mentions: list[Mention]) -> None:
    """Flag the mentions that a comparison names ("rivals the 13 Ultra", "than the Galaxy S22")."""
    phrases, determiners, longest = comparison_cues()
    previous = None
    for m in mentions:
        if (
            previous is not None
            and previous.comparison
            and m.kind in (DEVICE, SERIES)
            and _COORDINATION.fullmatch(body, previous.end, m.start)
            and not _ends_leading_comparison(body, previous.end, m.start)
        ):
            m.comparison = True  # "than the Galaxy S22 and Galaxy S22+": both
            previous = m
            continue
        previous = m
        if m.kind not in (DEVICE, SERIES, COMPANY_REF):
            continue
        if _PREDECESSOR_APPOSITION.search(body, max(0, m.start - 72), m.start):
            continue
        if m.kind == DEVICE and (
            _OWNER_OF_RELATIVE.match(body, m.end) or _LIKENESS_SUFFIX.match(body, m.end)
        ):
            m.comparison = True
            continue
        window_start = max(0, m.start - 48)
        line_start = body.rfind("\n", window_start, m.start)
        if line_start != -1:
            window_start = line_start + 1
        # "Like its predecessor, the X ...": a comparison ends at its comma; the name after it is
        # the sentence's own subject.
        comma = body.rfind(",", window_start, m.start)
        if (
            comma != -1
            and body[comma + 1 : m.start].strip().lower() in ("", "the")
            and _LEADING_LIKE.search(body, max(0, comma - 60), comma)
        ):
            window_start = comma + 1
        window_start = clause_start(body, window_start, m.start)
        words = [
            w.lower().replace("’", "'").rstrip(".") if w.lower() not in ("vs.",) else "vs."
            for w in _WORDS.findall(body, window_start, m.start)
        ]
        words = [w for w in words if w]
        # Strip determiners ("the", "last year's") and at most one other word before the name.
        candidates = [len(words)]
        end = len(words)
        changed = True
        while changed and end > 0:
            changed = False
            for size in (2, 1):
                if end - size >= 0 and tuple(words[end - size : end]) in determiners:
                    end -= size
                    candidates.append(end)
                    changed = True
                    break
        # then a word that describes the name, or an adverb and such a word, and the
        # determiner before them ("succeeds the popular X", "than the hugely popular X")
        for c in list(candidates):
            end = c - 1
            if end < 0:
                continue
            candidates.append(end)
            if end > 0 and words[end - 1].endswith("ly") and words[end - 1].isalpha():
                end -= 1
            described = words[end].isalpha() or words[end].replace(",", "").isdigit()  # "the 449 X"
            if described and end > 0 and (words[end - 1],) in determiners:
                candidates.append(end - 1)
        # "up from 90Hz on the Moto G54", "than the 4,500mAh in the Galaxy S23": a value and a
        # preposition between the comparison words and the name.
        for c in list(candidates):
            if c >= 2 and words[c - 1] in _LINK_PREPOSITIONS and any(ch.isdigit() for ch in words[c - 2]):
                candidates.append(c - 2)
        # "the same chip as the (pricier) Galaxy S22", "the same sensor found inside the X": a
        # link word after "same" within a few words.
        if _SAME_PART_LINKS.intersection(words[-3:]) and "same" in words[-9:-1]:
            m.comparison = True
            continue
        # "the sensor was already used on the X": a phone that had the part before.
        if _EARLIER_USE.search(body, window_start, m.start):
            m.comparison = True
            continue
        apposed = _APPOSED_PHONE_NOUN.search(body, window_start, m.start)
        if apposed is not None:
            # the comparison words then end where the noun phrase begins; a word of place or time
            # ("a teaser from its new flagship, the X") compares nothing there
            before = [w for w in _WORDS.findall(body, window_start, apposed.start()) if w.rstrip(".")]
            if before and before[-1].lower() not in _NOT_APPOSED_COMPARISONS:
                candidates.append(len(before))
        for end in candidates:
            for size in range(1, longest + 1):
                phrase = tuple(words[end - size : end]) if end - size >= 0 else None
                if phrase in phrases and not (
                    phrase == ("ahead", "of") and _EVENT_AFTER.match(body, m.end)
                ):  # "ahead of the X launch": a time, not a rival
                    m.comparison = True
                    break
            if m.comparison:
                break
