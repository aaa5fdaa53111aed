"""Spec tables whose cells lost their separators when the page was flattened to text: a header line
naming one phone a column ("Galaxy A55 (leaked)Galaxy A54"), then one line a row, its label and
cells run together ("Battery5,000mAh4,900mAh", "ChipExynos 1480Exynos 1380"). Each row is read
again with spaces put back where a cell ends, and each value goes to its column's phone."""

from __future__ import annotations

import re
from bisect import bisect_left

from bot.extract.lexicon import context_words, fragments
from bot.extract.mentions import DEVICE, Mention, mentions_within
from bot.extract.state import ArticleState
from bot.extract.values import Sentences, Value, find_values

# Where one cell ends and the next begins inside a run-together row: a word or unit before a
# figure or a currency ("size6.1", "144Hz120Hz", "N/A4,000"), a figure before a currency or a
# capitalised word ("$499$449", "1480Exynos"), capitals before a capitalised word ("GPUAdreno").
_CELL_BREAK = re.compile(
    r"(?<=[a-z]{2})(?=[\d$€£¥₹])"
    r"|(?<=[A-Z]{4})(?=\d)"
    r"|(?:(?<=Hz)|(?<=MP)|(?<=GB)|(?<=TB)|(?<=mAh)|(?<=\dW)|(?<=/A))(?=[\d$€£¥₹])"
    r"|(?<=\d)(?=[$€£¥₹])"
    r"|(?<=\d)(?=[A-Z][a-z]{2})"
    r"|(?<=[A-Z]{2})(?=[A-Z][a-z]{2})"
    r"|(?="
    + fragments("empty_cells")
    + r")|"
    + "|".join(f"(?<={re.escape(w)})" for w in context_words("empty_cells"))
)
# A row's label run into a capitalised first cell ("ChipsetExynos 1380"): where the label ends.
_LABEL_END = re.compile(r"[A-Z][a-z]+(?: [A-Za-z][a-z]+){0,2}(?=[A-Z][a-z])")
_NOISE = re.compile(r"\([^)]*\)|\brow\s+\d+\b|\bcell\s+\d+\b|\bvs\.?(?!\w)|[-–—:|/]", re.IGNORECASE)
_EMPTY_CELL = re.compile(r"(?:" + fragments("empty_cells") + r")(?![a-z])")
_MAX_ROW = 160
_MAX_HEADER_WORDS = 3


def glued_table_cells(doc: ArticleState) -> dict[int, Mention | list[Mention]]:
    """The values of run-together table rows, each to its column's phone, by the value's start;
    the values read in those rows before are replaced by the ones read with the cells apart."""
    out: dict[int, Mention | list[Mention]] = {}
    body, spans, mentions = doc.body, doc.spans, doc.mentions
    if "\n" not in body or len(mentions) < 2:
        return out
    starts = [m.start for m in mentions]
    k = 0
    while k < len(spans) - 1:
        columns = _header_columns(body, spans[k], mentions, starts)
        if columns is None:
            k += 1
            continue
        rows = []
        previous_end = spans[k][1]
        for s, e, _item in spans[k + 1 :]:
            if not _row_line(body, previous_end, s, e, mentions, starts):
                break
            rows.append((s, e))
            previous_end = e
        if not rows:
            k += 1
            continue
        cells = [Mention(c.start, c.end, DEVICE, c.subject, c.brand, c.text, model=c.model) for c in columns]
        replaced = []
        for s, e in rows:
            row_cells = _row_cells(body, s, e)
            replaced.append((s, e, [v for c in row_cells for v in c]))
            for v, column in _columns_of(body, s, row_cells, len(cells)):
                out[v.start] = cells if column is None else cells[column]
        _replace_values(doc, replaced)
        header_cue = _column_cue(doc, spans[k], columns)
        for s, _e in rows:
            doc.table_row_cues[s] = header_cue
        k += 1 + len(rows)
    return out


def _column_cue(doc: ArticleState, header, columns: list[Mention]) -> tuple[str | None, str | None]:
    """(status, phone) of the first column whose header cell has a cue ("Galaxy A55 (leaked)"):
    its rows' values take it; the other columns' take none from the header."""
    assert doc.statuses is not None
    bounds = [c.end for c in columns]
    ends = [c.start for c in columns[1:]] + [header[1]]
    for column, a, b in zip(columns, bounds, ends, strict=False):
        cues = doc.statuses.cues.in_span(a, b)
        if cues:
            return cues[0][2], column.subject
    return None, None


def carry_column_cues(doc: ArticleState) -> None:
    """The rows of a run-together table carry their header's column cue, not the cue of the
    sentences before the table (read after the discourse has set what each sentence carries)."""
    if not doc.table_row_cues:
        return
    for sentence in doc.references:
        cue = doc.table_row_cues.get(sentence.start)
        if cue is not None:
            sentence.carried_cue = (sentence.paragraph_start, cue[0], cue[1])


def _header_columns(body: str, span, mentions: list[Mention], starts: list[int]) -> list[Mention] | None:
    """The phones of a header line that names two to four phones and little else, in order."""
    s, e, _item = span
    if e - s > _MAX_ROW or body[s:e].rstrip().endswith((".", "!", "?", ",")):
        return None
    own = mentions_within(mentions, starts, s, e)
    columns: list[Mention] = []
    rest = []
    at = s
    for m in own:
        rest.append(body[at : m.start])
        at = m.end
        if m.kind == DEVICE and m.subject and not m.alias_only and not m.ref:
            if m.subject not in [c.subject for c in columns]:
                columns.append(m)
        else:
            return None
    rest.append(body[at:e])
    if not 2 <= len(columns) <= 4:
        return None
    words = _NOISE.sub(" ", " ".join(rest)).split()
    return columns if len(words) <= _MAX_HEADER_WORDS else None


def _row_line(body: str, previous_end: int, s: int, e: int, mentions, starts) -> bool:
    """A row of the table: on the next line (no blank line before it), short, no sentence, a
    label run into its cells, naming no phone."""
    if body[previous_end:s].count("\n") != 1 or e - s > _MAX_ROW:
        return False
    text = body[s:e]
    if re.search(r"[.!?]\s", text) or text.rstrip().endswith((".", "!", "?")):
        return False
    if bisect_left(starts, s) != bisect_left(starts, e):
        return False
    if re.match(r"[A-Z][A-Za-z ]*[A-Za-z]", text) is None:
        return False
    return _CELL_BREAK.search(text) is not None or _LABEL_END.match(text) is not None


def _row_cells(body: str, s: int, e: int) -> list[list[Value]]:
    """The values of each cell of a row after its label, each cell read after the label (its
    context: "Selfie camera 12MP"), their offsets in the body."""
    text = body[s:e]
    breaks = [b.start() for b in _CELL_BREAK.finditer(text)]
    label_end = _LABEL_END.match(text)
    if label_end and (not breaks or label_end.end() < breaks[0]):
        breaks.insert(0, label_end.end())
    breaks = sorted(set(breaks))
    if not breaks:
        return []
    label = text[: breaks[0]]
    out = []
    for a, b in zip(breaks, breaks[1:] + [len(text)], strict=False):
        cell = label + " " + text[a:b]
        shift = s + a - len(label) - 1
        found = find_values(cell, Sentences([(0, len(cell), False)]))
        out.append(
            [
                Value(v.start + shift, v.end + shift, v.attribute, v.value, v.number)
                for v in found
                if v.start > len(label)
            ]
        )
    return out


def _columns_of(body: str, s: int, cells: list[list[Value]], n: int):
    """(value, its column, or None for every column) of one row: a cell a column when the row has
    as many cells with values as columns; else equal runs of the same kinds of value, one run a
    column; a single cell beside an empty one ("N/A") is the filled column's."""
    filled = [c for c in cells if c]
    values = [v for c in filled for v in c]
    if not values:
        return
    if len(filled) == n:
        for i, cell in enumerate(filled):
            for v in cell:
                yield v, i
        return
    kinds = [v.attribute for v in values]
    if len(kinds) % n == 0:
        size = len(kinds) // n
        runs = [kinds[i * size : (i + 1) * size] for i in range(n)]
        if all(r == runs[0] for r in runs):
            for i, v in enumerate(values):
                yield v, i // size
            return
    if n == 2 and len(filled) == 1:
        empty = _EMPTY_CELL.search(body, s, s + _MAX_ROW)
        if empty is not None and "\n" not in body[s : empty.start()]:
            column = 1 if empty.start() < values[0].start else 0
            for v in values:
                yield v, column
            return
    for v in values:
        yield v, None


def _replace_values(doc: ArticleState, rows) -> None:
    """The values of the rows as read with their cells apart, in place of the ones read before."""
    kept = [v for v in doc.values if not any(s <= v.start < e for s, e, _ in rows)]
    for _s, _e, row_values in rows:
        kept += row_values
    kept.sort(key=lambda v: v.start)
    doc.values[:] = kept
