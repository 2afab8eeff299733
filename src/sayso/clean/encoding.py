"""Turn untrusted bytes into text, or say clearly why not."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from sayso.errors import InputError

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
    best = from_bytes(data).best()
    if best is None:
        raise InputError(name, "could not detect the text encoding (binary file?)")
    return str(best)


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS
    )
    return controls / len(sample)
