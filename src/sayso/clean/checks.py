"""Warnings about a text's body: too short to be the article, or mostly photo captions.

A page whose body the extractor missed used to be analysed as whatever was left — one
real page as a 31-word photo caption — with nothing to tell the user. These checks read
what the cleaner found and say so in the analysis (``warnings``), for every input.
"""

from __future__ import annotations

from sayso.clean import CleanText
from sayso.model import InputWarning, RemovedKind, WarningKind

# Fewer words of body than this: a news brief runs to 100 words or so, a caption or a
# teaser to 30; under 80 the article was most likely not found.
MIN_BODY_WORDS = 80
_CAPTION_KINDS = frozenset({RemovedKind.PHOTO_CAPTION, RemovedKind.PHOTO_CREDIT})


def body_warnings(clean: CleanText) -> list[InputWarning]:
    """``short_body`` and ``mostly_caption`` warnings for a cleaned text."""
    body = _body(clean)
    words = len(body.split())
    warnings = []
    if words < MIN_BODY_WORDS:
        warnings.append(
            InputWarning(
                kind=WarningKind.SHORT_BODY,
                message=f"only {words} words of body text (under {MIN_BODY_WORDS}): "
                "the article itself may be missing",
            )
        )
    captions = sum(len(p.text) for p in clean.removed if p.kind in _CAPTION_KINDS)
    body_chars = len("".join(body.split()))
    if captions and captions >= body_chars:
        warnings.append(
            InputWarning(
                kind=WarningKind.MOSTLY_CAPTION,
                message=f"photo captions and credits outweigh the body text ({captions:,} "
                f"characters of captions, {body_chars:,} of body)",
            )
        )
    return warnings


def _body(clean: CleanText) -> str:
    """The masked text without its headline or standfirst line."""
    masked = clean.masked().strip()
    first = clean.title or clean.standfirst
    if first and "\n" in masked and " ".join(masked.split("\n", 1)[0].split()) == first:
        return masked.split("\n", 1)[1]
    return masked
