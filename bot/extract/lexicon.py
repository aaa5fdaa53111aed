"""The extractor's general data: brands, cue words and value vocabularies (data/lexicon/*.json),
and the catalogue indexes, each loaded and compiled once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot import DATA_DIR
from bot.catalogue import Device, load_catalogue

LEXICON_DIR = DATA_DIR / "lexicon"


_NOT_KEY = re.compile(r"[^0-9a-z+]+")


@lru_cache(maxsize=16384)
def key(name: str) -> str:
    """The form names are compared in: case, spaces and punctuation forgiven, `+` kept."""
    return _NOT_KEY.sub("", name.lower())


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    with open(Path(LEXICON_DIR) / name, encoding="utf-8") as handle:
        return json.load(handle)


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
    word_to_brand: dict[str, str]            # lower-cased brand or family word -> brand name
    family_words: dict[str, list[str]]       # brand -> its family words
    handle_to_brand: dict[str, str]
    exec_to_brand: dict[str, str]
    optics: dict[str, str]                   # lower-cased optics word -> canonical
    variants: list[str]
    variant_lower: dict[str, str]
    devices_by_key: dict[str, Device]
    brand_keys: dict[str, set[str]]          # brand -> keys of its catalogue models (without brand)
    chipsets_by_key: dict[str, str]
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
        brand = Brand(name=raw["name"], words=raw["words"], families=raw["families"],
                      handles=raw.get("handles", []), executives=raw.get("executives", []),
                      case_sensitive=raw.get("case_sensitive", False),
                      company_pattern=raw.get("company_pattern"))
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
    catalogue_brand = {b.lower(): b for b in catalogue.brands}
    for device in catalogue.devices:
        k = key(device.name)
        current = devices_by_key.get(k)
        if current is None or (current.kind != "phone" and device.kind == "phone"):
            devices_by_key[k] = device
        # Index under the lexicon's spelling of the brand too ("vivo" / "Oppo").
        brand_name = next((b for b in brands if b.lower() == device.brand.lower()), device.brand)
        brand_keys.setdefault(brand_name, set()).add(key(device.name[len(device.brand):]))
    del catalogue_brand
    chipsets_by_key = {key(name): name for name in catalogue.chipsets}
    variants = data["variants"]
    fuzzy_words = sorted({w for b in brands.values() for w in b.words + b.families if len(w) >= 5})
    return Lexicon(
        brands=brands, word_to_brand=word_to_brand, family_words=family_words,
        handle_to_brand=handle_to_brand, exec_to_brand=exec_to_brand, optics=optics,
        variants=variants, variant_lower={v.lower(): v for v in variants},
        devices_by_key=devices_by_key, brand_keys=brand_keys, chipsets_by_key=chipsets_by_key,
        cues=load_json("cues.json"), specs=load_json("specs.json"), fuzzy_words=fuzzy_words,
    )


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
    """The list data/lexicon/context.json `name` (regular-expression fragments, in order)."""
    return load_json("context.json")[name]


def fragments(name: str) -> str:
    """The regular-expression fragments of data/lexicon/context.json `name`, as one alternation in the
    order given (earlier alternatives win at the same position)."""
    return "|".join(context_words(name))


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
    return sorted({word, word.lower(), word.upper(), word[:1].upper() + word[1:].lower(), word[:1].upper() + word[1:]})


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

