"""Sentences with character offsets: every span is a verbatim slice of the body.

Lines are split first (a bullet, a heading or a table row is its own sentence), then each line at
sentence ends that are not abbreviations, decimals or initials. Very long runs without a sentence
end are cut at white space so that no sentence is unbounded.
"""

from __future__ import annotations

import re

from bot.extract.lexicon import fragments, word_gate

MAX_SENTENCE = 1200

_LINE = re.compile(r"[^\n]+")
_END = re.compile(
    r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9#@—–-])|[.!?…]+[\"'”’)\]]*(?=\s*$)|[\"'”’](?<=[.!?][\"'”’])(?=\s*[A-Z“])"
)
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st vs etc e.g i.e inc ltd co corp approx est no
    nos fig figs jan feb mar apr jun jul aug sep sept oct nov dec p.m a.m u.s u.k rs mt gen vol dept
    min max cf al op ed""".split()
)
_MODEL_WORD_ABBREVIATIONS = frozenset(("max", "min"))
_LONGEST_ABBREVIATION = max(len(a.replace(".", "")) for a in _ABBREVIATIONS)
_BULLET = re.compile(r"^\s*(?:[-*•·▪►–—]+|\d{1,2}[.)])\s+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


_END_CHAR = re.compile(r"[.!?…\"'”’]")


def _ends(body: str, begin: int, end: int):
    """_END.finditer(body, begin, end), tried only at the characters a sentence end starts with."""
    last = begin
    match = _END.match
    for hit in _END_CHAR.finditer(body, begin, end):
        p = hit.start()
        if p < last:
            continue
        m = match(body, p, end)
        if m is not None:
            last = m.end() if m.end() > p else p + 1
            yield m


def _is_abbreviation(text: str, dot: int) -> bool:
    # The word before the dot (letters and inner dots), read backwards without a regex search.
    i = dot
    low = max(0, dot - 24)
    letters = 0
    while i > low:
        c = text[i - 1]
        if c == ".":
            i -= 1
            continue
        if not (c.isascii() and c.isalpha()):
            break
        i -= 1
        letters += 1
        if letters > _LONGEST_ABBREVIATION:
            return False  # a longer word is neither an abbreviation nor an initial
    while i < dot and not text[i].isalpha():  # the word starts with a letter
        i += 1
    if i >= dot:
        return False
    word = text[i:dot].lower().rstrip(".")
    if word in _ABBREVIATIONS:
        # "max. 120W" abbreviates; "the iPhone 16 Pro Max." ends its sentence with a model's name
        return not (word in _MODEL_WORD_ABBREVIATIONS and text[i].isupper())
    if len(word) != 1 or not word.isalpha():
        return False
    if i > 1 and text[i - 1] in "-‑" and text[i - 2].isalnum():
        return False  # "charges over USB-C.", "a Type-C." end a sentence: a letter joined to a word
    # An initial ("J. Smith"), unless a number comes before it: "the Xperia 1 V." ends a sentence,
    # and so does a unit glued to its figure ("charges at 15W.", "supports 5G.").
    j = i
    while j > 0 and text[j - 1] == " ":
        j -= 1
    return not (j > 0 and text[j - 1].isdigit())


def _cut_long(start: int, end: int, body: str):
    while end - start > MAX_SENTENCE:
        cut = body.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        yield start, cut
        start = cut
        while start < end and body[start].isspace():
            start += 1
    if start < end:
        yield start, end


def split_sentences(body: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_list_item) of each sentence, trimmed of white space and bullet marks."""
    out: list[tuple[int, int, bool]] = []
    for line in _LINE.finditer(body):
        lstart, lend = line.span()
        text = line.group(0)
        bullet = _BULLET.match(text)
        is_item = bool(bullet)
        begin = lstart + (bullet.end() if bullet else 0)
        pieces = []
        cursor = begin
        for end in _ends(body, begin, lend):
            if body[end.start()] == "." and _is_abbreviation(body, end.start()):
                continue
            pieces.append((cursor, end.end()))
            cursor = end.end()
        pieces.append((cursor, lend))
        for s, e in pieces:
            while s < e and body[s].isspace():
                s += 1
            while e > s and body[e - 1].isspace():
                e -= 1
            if e > s:
                for a, b in _cut_long(s, e, body):
                    while b > a and body[b - 1].isspace():
                        b -= 1
                    if b > a:
                        out.append((a, b, is_item))
    return out


# Runs of characters and of newlines not followed by a blank line (the same spans as
# "(?:[^\n]|\n(?![ \t]*\n))+", a run of plain characters at a time).
_PARAGRAPH = re.compile(r"(?:[^\n]+|\n(?![ \t]*\n))+")


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Spans of paragraphs: runs of text separated by blank lines."""
    spans = []
    for match in _PARAGRAPH.finditer(body):
        if match.group(0).strip():
            spans.append(match.span())
    return spans


# "Also Read - <headline of another article>", to the end of its line (read in the lowered body).
_RELATED_LINK = re.compile(
    r"(?<![\w‑-])(?:" + fragments("related_link_leads") + r")(?:\s*[:|]|\s*[-–—]+(?=\s))[^\n]*"
)
_RELATED_GATE = word_gate("related_link_leads")  # a body without one of the words has no link


def related_links(low: str) -> list[tuple[int, int]]:
    """The spans of links to other articles ("Also Read - ..."): their names and values are
    another article's, so they name no subject and make no claim here. A link in brackets ("(Also
    read: ...)") ends at its closing bracket, and the sentence goes on after it."""
    out: list[tuple[int, int]] = []
    if not _RELATED_GATE(low):
        return out
    for m in _RELATED_LINK.finditer(low):
        start, end = m.span()
        if start and low[start - 1] in "([":
            close = low.find(")" if low[start - 1] == "(" else "]", start, end)
            if close != -1:
                end = close
        out.append((start, end))
    return out
