"""Undoing a response's Content-Encoding a piece at a time, never making more than a cap.

httpx decodes each chunk through every layer before anyone can count the bytes, so a few
kilobytes of gzip(gzip(zeros)) became a gibibyte in memory. Here each layer hands on at most about
`PIECE` bytes per step and the decoder stops as soon as the decoded total passes the cap, so
memory stays near `PIECE` per layer whatever the ratio. The work is plain CPU: the fetcher runs
`BoundedDecoder.feed` in a thread, off the event loop.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator

import brotli

PIECE = 64 * 1024
MAX_CODINGS = 3
ACCEPT_ENCODING = "gzip, deflate, br"
# Compressed text is smaller than the text, except for incompressible text, where deflate and
# brotli add well under 1 % (plus headers); a body past that allowance only wastes time.
RAW_ALLOWANCE = 100
RAW_HEADROOM = 4096


class DecodingRefused(ValueError):
    """A body that cannot be decoded as it says it is encoded; the message follows the url."""


class DecodedTooLarge(Exception):
    """The decoded body passed the cap."""


class _Zlib:
    """gzip (wbits 31) or deflate: zlib-wrapped as the standard says, or raw as some send."""

    def __init__(self, wbits: int, raw_fallback: bool = False):
        self._decompressor = zlib.decompressobj(wbits)
        self._raw_fallback = raw_fallback

    def pieces(self, data: bytes) -> Iterator[bytes]:
        while True:
            try:
                out = self._decompressor.decompress(data, PIECE)
            except zlib.error:
                if not self._raw_fallback:
                    raise
                self._raw_fallback = False
                self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
                out = self._decompressor.decompress(data, PIECE)
            if out:
                self._raw_fallback = False
                yield out
            data = self._decompressor.unconsumed_tail
            # A full piece may leave output pending inside zlib even when all input is taken.
            if not data and len(out) < PIECE:
                return


class _Brotli:
    def __init__(self) -> None:
        self._decompressor = brotli.Decompressor()

    def pieces(self, data: bytes) -> Iterator[bytes]:
        out = self._decompressor.process(data, output_buffer_limit=PIECE)
        if out:
            yield out
        while not self._decompressor.can_accept_more_data():
            out = self._decompressor.process(b"", output_buffer_limit=PIECE)
            if out:
                yield out


LAYERS: dict[str, Callable[[], _Zlib | _Brotli]] = {
    "gzip": lambda: _Zlib(16 + zlib.MAX_WBITS),
    "x-gzip": lambda: _Zlib(16 + zlib.MAX_WBITS),
    "deflate": lambda: _Zlib(zlib.MAX_WBITS, raw_fallback=True),
    "br": _Brotli,
}


def content_codings(header: str) -> list[str]:
    """The codings of a Content-Encoding header in the order applied, identity left out."""
    return [
        name for name in (part.strip().lower() for part in header.split(",")) if name and name != "identity"
    ]


class BoundedDecoder:
    """Decodes a body chunk by chunk through its codings; raises once it passes `limit` bytes."""

    def __init__(self, content_encoding: str, limit: int):
        names = content_codings(content_encoding)
        for name in names:
            if name not in LAYERS:
                raise DecodingRefused(
                    f"is compressed as {name}, which Receipts cannot read (it reads {ACCEPT_ENCODING})"
                )
        if len(names) > MAX_CODINGS:
            raise DecodingRefused(
                f"is compressed {len(names)} times over ({content_encoding}); "
                f"Receipts undoes at most {MAX_CODINGS} layers"
            )
        self.names = list(reversed(names))
        self._layers = [LAYERS[name]() for name in self.names]
        self.limit = limit
        self.decoded = 0

    @property
    def raw_limit(self) -> int:
        """The most raw bytes worth reading for at most `limit` decoded ones."""
        if not self._layers:
            return self.limit
        return self.limit + self.limit // RAW_ALLOWANCE + RAW_HEADROOM

    def feed(self, data: bytes) -> bytes:
        """The decoded bytes of the next raw chunk."""
        out = bytearray()
        for piece in self._through(0, data):
            self.decoded += len(piece)
            if self.decoded > self.limit:
                raise DecodedTooLarge
            out += piece
        return bytes(out)

    def _through(self, depth: int, data: bytes) -> Iterator[bytes]:
        if depth == len(self._layers):
            if data:
                yield data
            return
        try:
            for piece in self._layers[depth].pieces(data):
                yield from self._through(depth + 1, piece)
        except (zlib.error, brotli.error):
            # A deeper layer's failure arrives here already as DecodingRefused, naming its coding.
            raise DecodingRefused(f"sent a body that is not valid {self.names[depth]} data") from None
