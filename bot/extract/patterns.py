"""The compiled patterns the extraction stages share, as one named, frozen object built once from
the lexicon (data/lexicon/*.json)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.lexicon import (
    AnyCaseGate,
    any_case_gate,
    context_words,
    fragments,
    lexicon,
    pattern,
    pattern_entries,
    trie_pattern,
)


@dataclass(frozen=True)
class Patterns:
    """The compiled patterns the stages share, built once from the lexicon."""

    optics: re.Pattern  # optics brands (Leica, Zeiss ...), lowered
    partnership: re.Pattern  # "partnered with", "co-engineered" ...
    launch: re.Pattern  # launch words ("launch", "unveil", "goes on sale")
    past_block: re.Pattern  # "back in", "last year" before a date: not a launch date
    compare_before_value: re.Pattern  # "compared to the ...", "up from" before a compared value
    alias_after: re.Pattern  # "(formerly rumored as the S23 Note)" after a device
    renamed: re.Pattern  # "(which was) renamed to" after a device
    rebadged_after: re.Pattern  # "is said to be a rebadged <other>" after a device
    rebadged_before: re.Pattern  # "a rebranded version of <other>, " before a device
    rebadged_lead: re.Pattern  # "a rebadged " right before a device
    # A rebadge word (and a renamed adjective) in any case: a body without one holds no match of
    # rebadged_after and rebadged_before (nor of rebadged_lead), so one look at the body spares
    # the searches made at each device.
    rebadge_word: AnyCaseGate
    rebadge_or_renamed_word: AnyCaseGate
    wish: re.Pattern  # "I'd have preferred": the writer's wish


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    lex = lexicon()
    optics_words = sorted(lex.optics, key=len, reverse=True)
    optics = re.compile(trie_pattern(sorted({w.lower() for w in optics_words})) + r"(?![\w])")
    compare_before_value = re.compile(
        r"(?:"
        + "".join(r"\b" + re.escape(w) + "|" for w in context_words("comparison_before_value"))
        + "".join(r"\b" + p + "|" for p in pattern_entries("context.json", "comparison_before_value"))
        + r"\b(?:"
        + fragments("change_verbs")
        + r")"
        r"\s+from)\s+(?:the\s+|a\s+|its\s+)?(?:[\w'’-]+\s+){0,2}$",
        re.IGNORECASE,
    )
    alias_after = re.compile(
        r"\s*(?:\(\s*|,\s*|\s+|—\s*|–\s*)(?:which (?:was|is|has been) |"
        + "|".join(re.escape(w) + " " for w in context_words("alias_lead_words"))
        + r")*"
        r"(?:"
        + fragments("alias_words")
        + r"|or(?=\s+[\"“‘])|is(?=\s+[\"“‘])"  # ', or "Xperia 5 Mark 5"', 'is "tigris"'
        r"|(?<=\()(?P<bracket_or>or)(?=\s+(?:[A-Z]|[a-z]{1,2}[A-Z])))"  # "the X (or Y)": another name, never a figure ("(or 12GB)")
        r"(?:\s+(?:as|to be))?\s+(?:the\s+)?(?:[\"“‘'](?P<qalias>[\w+ -]{2,30})[.,]?[\"”’']|(?P<alias>(?:[A-Z0-9]|[a-z]{1,2}[A-Z])[\w+-]*(?:\s+(?:[A-Z0-9][\w+-]*|\(\d{1,2}\))){0,3}))"
    )
    renamed = re.compile(
        r"\s*(?:\(\s*|,\s*|\s+)?(?:which |that )?(?:(?:was|is|has been|will be|had been|got|gets|is being|now)\s+)*"
        r"(?:(?:" + fragments("renamed_verbs") + r")(?:\s+(?:to|as))?"
        r"|(?:" + fragments("marketed_as_verbs") + r")\s+(?:to|as))"
        r"\s+(?:the\s+)?"
    )
    other_name = r"(?P<other>[A-Z][\w+-]*(?:['’]s)?(?:\s+(?:[A-Z0-9][\w+-]*|\(\d{1,2}\))){0,4})"
    rebadge = (
        r"[‘’'\"“”]?(?:" + fragments("rebadge_words") + r")[‘’'\"“”]?\s+"
        r"(?:(?:" + fragments("version_nouns") + r")\s+of\s+)?(?:the\s+)?"
    )
    rebadged_after = re.compile(
        r"\s*(?:,[^,.;]{0,30},)?\s*(?:[\w-]+\s+){0,4}?(?:an?\s+|the\s+)?" + rebadge + other_name
    )
    rebadged_before = re.compile(r"(?i:" + rebadge + r")" + other_name + r",\s*(?:the\s+)?$")
    return Patterns(
        optics=optics,
        partnership=re.compile(pattern("cues.json", "partnership")),
        launch=re.compile(pattern("specs.json", "launch_words")),
        past_block=re.compile(pattern("specs.json", "past_date_blockers") + r"[\w\s,]{0,12}$", re.IGNORECASE),
        compare_before_value=compare_before_value,
        alias_after=alias_after,
        renamed=renamed,
        rebadged_after=rebadged_after,
        rebadged_before=rebadged_before,
        rebadged_lead=re.compile(
            r"(?i:\b(?:an?\s+|the\s+)(?:" + rebadge + r"|(?:" + fragments("renamed_adjectives") + r")\s+))$"
        ),
        rebadge_word=any_case_gate("rebadge_words"),
        rebadge_or_renamed_word=any_case_gate("rebadge_words", "renamed_adjectives"),
        wish=re.compile(pattern("cues.json", "wish")),
    )
