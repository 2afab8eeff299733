"""Hostile article texts: quote marks of every script, unbalanced and nested, zero-width
and bidi controls, lone surrogates, NULs, huge paragraphs, all mixed into news prose so
that the extractor's cue and quote rules actually fire on them."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

QUOTE_MARKS = "“”„«»‹›「」『』‚‘’\"'`"
# Zero-width, joiners, BOM, word joiner, directional marks, embeddings and isolates.
INVISIBLES = (
    "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
CONTROLS = "\x00\x01\x07\x1b\x7f\x85\u2028\u2029\r\t\f\v"
SEPARATORS = (" ", " ", " ", "\n", "\n\n", "\r\n", "\n \n", "\t", "\u00a0", "\u3000")
WORDS = (
    "said",
    "says",
    "told reporters",
    "according to",
    "claimed",
    "warned",
    "John Smith",
    "the ministry",
    "Paris",
    "NATO",
    "Reuters",
    "a spokesperson",
    "on Tuesday",
    "that",
    "is considering",
    "will send troops",
    "Photo:",
    "AP Photo/Jane Doe",
    "READ MORE:",
    "Moscow (Reuters) -",
    "By Anna Lee",
    "Mr. Macron",
    "sources said",
    "wrote on X",
    ".",
    ",",
    ":",
    "—",
    "...",
)

surrogates = st.integers(min_value=0xD800, max_value=0xDFFF).map(chr)
quote_marks = st.sampled_from(QUOTE_MARKS)
invisibles = st.sampled_from(INVISIBLES)


@st.composite
def quoted(draw: st.DrawFn) -> str:
    """A quotation whose marks may not match, may nest, or may never close."""
    opener = draw(quote_marks)
    closer = draw(st.one_of(quote_marks, st.just("")))
    inner = draw(st.lists(st.sampled_from(WORDS), max_size=6))
    nested = draw(st.one_of(st.just(""), quote_marks))
    return f"{opener}{nested}{' '.join(inner)}{closer}"


def pieces() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS),
        quoted(),
        quote_marks,
        invisibles,
        st.sampled_from(CONTROLS),
        surrogates,
        st.text(max_size=12),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=6),
    )


@st.composite
def hostile_texts(draw: st.DrawFn, max_pieces: int = 60) -> str:
    """News-like prose made of hostile pieces joined by every kind of separator."""
    parts = draw(st.lists(pieces(), max_size=max_pieces))
    out: list[str] = []
    for part in parts:
        out.append(part)
        out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


@st.composite
def huge_paragraphs(draw: st.DrawFn, max_chars: int = 20_000) -> str:
    """One long paragraph: a hostile sentence repeated, without a paragraph break."""
    sentence = draw(hostile_texts(max_pieces=12)).replace("\n", " ") or "x"
    repeat = max(1, draw(st.integers(min_value=1, max_value=max_chars)) // len(sentence))
    return (sentence + " ") * min(repeat, max_chars)


def article_texts(max_chars: int = 20_000) -> st.SearchStrategy[str]:
    """Any of the above, or plain random Unicode."""
    return st.one_of(
        hostile_texts(),
        huge_paragraphs(max_chars=max_chars),
        st.text(),
        st.text(alphabet=st.sampled_from(QUOTE_MARKS + INVISIBLES + " \n.,"), max_size=200),
    )


def suite_settings(examples: int = 25) -> settings:
    """The regular suite's budget: few examples, derandomized so CI sees the same inputs
    every run, no example database, no deadline (the first parse loads caches)."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
            HealthCheck.large_base_example,
        ],
    )


@st.composite
def hostile_bytes(draw: st.DrawFn) -> bytes:
    """Bytes for the readers: random, or hostile text in an encoding, or broken markup."""
    text = draw(article_texts(max_chars=2000))
    codec = draw(st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1"]))
    encoded = text.encode(codec, "replace")
    return draw(
        st.one_of(
            st.binary(max_size=400),
            st.just(encoded),
            st.just(b"<html><body><p>" + encoded + b"</p>"),
            st.just(b'{"text": "' + encoded + b'"}\n' + encoded),
            st.just(b'<?xml version="1.0"?><rss><channel><item><description>' + encoded),
        )
    )
