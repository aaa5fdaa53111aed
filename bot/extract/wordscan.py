"""One shared scan of the lowered body for the lead words of several word lists (status cues,
makers, companies, reference words, launch words), instead of one regex scan per list.

Each list registers the literal words its pattern can start with; one trie of all of them finds the
candidate offsets, and a lookahead per list tells which lists start there. A list's pattern is then
tried only at its candidates (`matches_at`), which gives the matches `finditer` would give as long as
every match of the pattern starts with one of its lead words at a word boundary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract.lexicon import trie_pattern

_QUANTIFIERS = "?*+{"


def _split_top(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern` (a whole-pattern `(?:...)` is opened first)."""
    def alternatives(text: str) -> list[str]:
        out, depth, current, i = [], 0, [], 0
        while i < len(text):
            ch = text[i]
            if ch == "\\":
                current.append(text[i:i + 2])
                i += 2
                continue
            if ch == "[":
                j = text.index("]", i + 2 if text[i + 1:i + 2] in ("^", "]") else i + 1)
                current.append(text[i:j + 1])
                i = j + 1
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            elif ch == "|" and depth == 0:
                out.append("".join(current))
                current = []
                i += 1
                continue
            current.append(ch)
            i += 1
        out.append("".join(current))
        return out

    if pattern.startswith("(?:") and _group_end(pattern, 0) == len(pattern) - 1:
        return alternatives(pattern[3:-1])
    return alternatives(pattern)


def _group_end(text: str, start: int) -> int:
    depth, i = 0, start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = text.index("]", i + 2 if text[i + 1:i + 2] in ("^", "]") else i + 1) + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced group in {text!r}")


def lead_words(pattern: str) -> set[str]:
    """The literal words every match of `pattern` starts with ("launch\\w*|hit (?:the )?x" gives
    "launch" and "hit "); a ValueError when an alternative starts with no literal."""
    out: set[str] = set()
    for alternative in _split_top(pattern):
        if alternative.startswith(r"\b"):
            alternative = alternative[2:]
        if alternative.startswith("(?:"):
            end = _group_end(alternative, 0)
            if end + 1 < len(alternative) and alternative[end + 1] in _QUANTIFIERS:
                raise ValueError(f"optional leading group in {alternative!r}")
            for word in lead_words(alternative[:end + 1]):
                # the group's words, continued by the literal after the group when all are whole
                out.add(word)
            continue
        literal = []
        for i, ch in enumerate(alternative):
            if ch.isalnum() or ch in " '’-" and not (ch == "-" and False):
                if i + 1 < len(alternative) and alternative[i + 1] in _QUANTIFIERS:
                    break
                literal.append(ch)
            else:
                break
        word = "".join(literal)
        if not word or word != word.lower():
            raise ValueError(f"no lower-case literal lead in {alternative!r}")
        out.add(word)
    return out


_KINDS: dict[str, set[str]] = {}


def register(kind: str, words) -> None:
    """Adds a word list to the shared scan (before its first use)."""
    _KINDS.setdefault(kind, set()).update(w for w in words if w)
    _scanner.cache_clear()


@lru_cache(maxsize=1)
def _scanner():
    """One trie of every list's words (a lookahead, so that words starting inside others are found
    too); the trie takes the longest word at an offset, and the lists starting there are those with a
    word that is a prefix of it."""
    everything = sorted(set().union(*_KINDS.values()))
    kinds_of = {w: tuple(k for k in sorted(_KINDS) if any(w.startswith(x) for x in _KINDS[k]))
                for w in everything}
    return re.compile(r"\b(?=(" + trie_pattern(everything) + "))"), kinds_of, sorted(_KINDS)


_SPACES = re.compile(r"\s+")


def scan(low: str) -> dict[str, list[int]]:
    """Offsets (word starts) where each registered list has a lead word, by kind."""
    pattern, kinds_of, kinds = _scanner()
    out: dict[str, list[int]] = {k: [] for k in kinds}
    for m in pattern.finditer(low):
        word = m.group(1)
        found = kinds_of.get(word)
        if found is None:  # spaces other than one " " inside the word
            found = kinds_of[_SPACES.sub(" ", word)]
        at = m.start()
        for k in found:
            out[k].append(at)
    return out


def matches_at(pattern: re.Pattern, text: str, positions):
    """What `pattern.finditer(text)` gives, trying `pattern` only at `positions` (sorted, a superset
    of the offsets where a match can start)."""
    out = []
    after = 0
    match = pattern.match
    for at in positions:
        if at < after:
            continue
        m = match(text, at)
        if m is not None:
            out.append(m)
            after = m.end() if m.end() > at else at + 1
    return out
