"""Turn untrusted bytes into text, or say clearly why not."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from charset_normalizer import from_bytes

from sayso.errors import InputError

log = logging.getLogger("sayso.clean")

# Control characters other than tab/newline/carriage return/form feed: a text file has
# almost none, a binary file is full of them.
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
_MAX_CONTROL_SHARE = 0.02
# NUL (PostgreSQL text cannot hold it) and lone surrogates (no UTF-8 form: spaCy, the store
# and every JSON writer fail on them). In a Python str any code point in D800-DFFF is lone.
_UNSAFE = re.compile("[\x00\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def replace_unsafe(text: str) -> str:
    """``text`` with NULs and lone surrogates replaced by U+FFFD, one character for one, so
    that every offset into the result is the same offset into ``text``."""
    return _UNSAFE.sub(REPLACEMENT, text) if _UNSAFE.search(text) else text


def decode_bytes(data: bytes, name: str) -> str:
    """Decode ``data`` read from ``name`` into text.

    UTF-8 (with or without BOM) is tried first because almost all news text is UTF-8;
    anything else goes through charset-normalizer. Binary and empty input raise
    :class:`InputError` naming the input.
    """
    if not data.strip():
        raise InputError(name, "empty input (no text to analyse)")
    if b"\x00" in data[:65536] and not _looks_utf16(data):
        raise InputError(name, "binary data, not text (contains NUL bytes)")
    text = _decode(data, name)
    text = replace_unsafe(unicodedata.normalize("NFC", text))
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(name, "binary data, not text (too many control characters)")
    return text


def _looks_utf16(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = decode_mixed(data)
    if mixed is not None:
        text, repairs = mixed
        log.warning("%s: mixed encodings, decoded line by line: %s", name, "; ".join(repairs))
        return text
    best = from_bytes(data).best()
    if best is None:
        raise InputError(name, "could not detect the text encoding (binary file?)")
    return str(best)


def decode_mixed(data: bytes) -> tuple[str, list[str]] | None:
    """A file whose lines are not all in one encoding (a UTF-8 paragraph pasted into a
    cp1251 page, or the other way round): the lines that are valid UTF-8 with non-ASCII
    characters are read as UTF-8, the others in the encoding charset-normalizer finds for
    them all together (a line alone is too short to tell). None when no line is UTF-8 with
    non-ASCII text: one legacy encoding, detected for the whole file as before. Also says
    which lines were read how, for the report."""
    lines = data.splitlines(keepends=True)
    utf8: list[bool | None] = []  # True: UTF-8 with non-ASCII; False: not UTF-8; None: ASCII
    for line in lines:
        if line.isascii():
            utf8.append(None)
            continue
        try:
            line.decode("utf-8")
            utf8.append(True)
        except UnicodeDecodeError:
            utf8.append(False)
    if True not in utf8 or False not in utf8:
        return None
    legacy = b"\n".join(line for line, ok in zip(lines, utf8, strict=True) if ok is False)
    best = from_bytes(legacy).best()
    encoding = best.encoding if best is not None else "cp1252"
    parts = [
        line.decode("utf-8") if ok is not False else line.decode(encoding, "replace")
        for line, ok in zip(lines, utf8, strict=True)
    ]
    numbers = [n for n, ok in enumerate(utf8, start=1) if ok is False]
    repairs = [f"line{'s' if len(numbers) > 1 else ''} {_ranges(numbers)} as {encoding}"]
    repairs.append("the others as UTF-8")
    return "".join(parts), repairs


def _ranges(numbers: list[int]) -> str:
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    shown = [f"{a}" if a == b else f"{a}-{b}" for a, b in runs[:10]]
    return ", ".join(shown) + (", …" if len(runs) > 10 else "")


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS
    )
    return controls / len(sample)
