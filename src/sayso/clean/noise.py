"""Detect scraping noise glued to an article body, keeping offsets into the input.

Every detector returns :class:`RemovedPiece` records; nothing is deleted from the text.
When unsure, a detector keeps the text: dropping a sentence of the body loses claims,
keeping a stray caption costs little.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sayso.model import RemovedKind, RemovedPiece

# Wire services and broadcasters whose names appear as bare source tags ("– AP").
KNOWN_AGENCIES = (
    "AP",
    "AFP",
    "Reuters",
    "RT",
    "TASS",
    "Xinhua",
    "dpa",
    "DPA",
    "ANSA",
    "EFE",
    "UPI",
    "PTI",
    "IANS",
    "Bloomberg",
    "BBC",
    "CNN",
    "Interfax",
    "RIA Novosti",
    "Sputnik",
    "Anadolu",
    "Yonhap",
    "Kyodo",
)
_AGENCY_ALT = "|".join(re.escape(a) for a in sorted(KNOWN_AGENCIES, key=len, reverse=True))

_CAPTION_START = re.compile(
    r"(?:\bFILE PHOTO\b|\bFILE PICTURE\b|\bFILE IMAGE\b|(?:^|(?<=\n))(?:Photo|PHOTO|Image|IMAGE|"
    r"Picture|Pictured|Caption|Photograph)\b)\s*[:\-–—]\s*"
    # Broadcasters' screen-reader labels: "Image caption, …", "Media caption, Watch: …".
    r"|^(?:Image|Media|Photo|Video) (?:caption|source|credit)s?, "
)
# A caption's credit at the end of its line: "… on Tuesday. Photograph: Jordan Pettitt/PA",
# "… Picture: Larry Cummins", "… (Eli Mandel/Flash90)", "… (AFP via Getty Images)",
# "… REUTERS/Yves Herman/File Photo", "… Credit...Doug Mills/The New York Times". The
# whole line is the caption: a body paragraph does not end with a photo credit.
_CREDIT_NAME = r"[A-Z][\w.'’&-]*(?:[ /]+(?:[A-Z][\w.'’&-]*|of|de|la|via|the))*"
_TRAILING_CREDIT = re.compile(
    rf"(?:(?:\b(?:Photo|Photograph|Picture|Pic|Image|Photo credit|Credit)s?(?: by)?\s*:|"
    rf"\bCredit\.\.\.|\bPhoto by)\s*{_CREDIT_NAME}"
    rf"|\((?:(?:AP|AFP|Reuters|EPA)\s+)?(?:Photo|Image|Picture)s?\s*(?:by|:)?\s*[^()\n]{{1,60}}\)"
    rf"|\([^()\n/]{{1,40}}/[^()\n]{{1,40}}\)"
    rf"|\((?:[^()\n]{{1,40}} via )?Getty Images\)"
    rf"|\b[A-Z]{{2,}}/[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){{0,3}}(?:/File Photo)?)\s*$"
)
_LINE_CREDIT = re.compile(
    r"^\(?(?:(?:Photo|Image|Picture)s?\s*(?:by|credit|courtesy(?: of)?)?\s*:?\s*[^\n]{0,80}"
    r"|[^\n]{0,60}/\s*(?:Getty Images|AFP|Reuters|AP|EPA|Sputnik|TASS|Global Look Press)"
    r"|Getty Images)\)?\s*$"
)
_TEASER_PREFIX = re.compile(
    r"^(?:READ MORE|Read more|Read More|READ ALSO|Read also|Also read|ALSO READ|RELATED|Related|"
    r"See also|SEE ALSO|MORE|Watch|WATCH)\s*[:|»>\-–—]\s*[^\n]*$"
)
_BARE_TEASER_MARK = re.compile(r"^(?:READ MORE|RELATED|Related Articles?|More on this)\s*$")
_SOURCE_TAG_PAREN = re.compile(
    r"(?<=[.!?\"”’)\]])[ \t]*(\((?P<tag>[A-Za-z][\w.&' /-]{0,30})\))\s*\Z"
)
_SOURCE_TAG_DASH = re.compile(rf"(?<=[.!?\"”’])[ \t]*([-–—][ \t]*(?P<tag>{_AGENCY_ALT}))\s*\Z")
# Matched at a line start given as ``pos``: no "^", which would only match at offset 0.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.]+\.?)?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?)"
    r"\s*(?:\((?P<agency>[A-Za-z][\w.& -]{0,30})\)\s*)?[-–—]+\s+"
)
_BYLINE = re.compile(
    r"^(?:By|BY)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}){0,3})"
    r"(?:\s*[|,]\s*[^\n]{0,40})?\s*$"
)

# Page furniture scraped as lines of text, matched whole (case aside): ad markers, video
# players' placeholders, share bars, newsletter sign-ups, print and standards notes.
_BOILERPLATE = re.compile(
    r"^(?:(?:skip )?advertisement|story continues below advertisement|supported by"
    r"|continue reading(?: the main story| below)?|listen to this article(?: [\d:]+ min)?"
    r"|this video can ?not be played|video player loading|(?:click|tap) to play(?: video)?"
    r"|share(?: this| this article| this story| or comment on this article)?:?"
    r"|(?:sign up|subscribe)\b[^\n]{0,160}\b(?:newsletter|inbox|email|free)\b[^\n]{0,120}"
    r"|[^\n]{0,120}\bnewsletter\b[^\n]{0,80}\b(?:sign up|subscribe)[^\n]{0,40}"
    r"|our standards:[^\n]{0,80}"
    r"|a version of this (?:article|story) appears in print[^\n]{0,300})$",
    re.IGNORECASE,
)
# An author's note under the story: "Jane Doe covers Congress. More about Jane Doe".
_AUTHOR_NOTE = re.compile(r"^[^\n]{0,200}\bMore about [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}$")
# "Jane Doe contributed to this report.", "Additional reporting by …" (wire credits below).
_CONTRIBUTED = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:'s|’s)?\s+)?"
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"(?:,?\s*(?:and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*"
    r"\s+contributed(?: reporting)?(?: to this (?:report|story|article))?\.?$"
)

# Wire credit lines: "(Reporting by Jane Doe; Editing by Mark Smith)", "Additional reporting
# by Ann Lee in Paris": nothing but names, places and these words.
_WIRE_CREDIT_START = re.compile(
    r"^\(?(?:Additional reporting|Reporting|Writing|Editing|Compiled|Produced|Research) by "
)
_WIRE_CREDIT_WORDS = frozenset(
    "additional reporting writing editing compiled produced research by and in from".split()
)


def find_noise(text: str) -> list[RemovedPiece]:
    """All noise pieces in ``text``, sorted by offset, never overlapping."""
    pieces: list[RemovedPiece] = []
    for detector in (_captions, _teasers, _bylines, _datelines, _source_tags, _boilerplate):
        for piece in detector(text):
            if not any(piece.start < p.end and p.start < piece.end for p in pieces):
                pieces.append(piece)
    return sorted(pieces, key=lambda p: p.start)


def lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of every line, without its newline."""
    start = 0
    for match in re.finditer(r"\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _piece(text: str, kind: RemovedKind, start: int, end: int) -> RemovedPiece:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return RemovedPiece(kind=kind, start=start, end=end, text=text[start:end])


def _captions(text: str) -> Iterator[RemovedPiece]:
    for start, end in lines(text):
        line = text[start:end]
        match = _CAPTION_START.search(line)
        if match and _caption_is_tail(line, match.start()):
            yield _piece(text, RemovedKind.PHOTO_CAPTION, start + match.start(), end)
            continue
        if len(line) <= 160 and _LINE_CREDIT.match(line.strip()) and _is_credit_line(line):
            yield _piece(text, RemovedKind.PHOTO_CREDIT, start, end)
            continue
        if len(line.strip()) <= 400 and _TRAILING_CREDIT.search(line):
            yield _piece(text, RemovedKind.PHOTO_CAPTION, start, end)
            continue
        credit = re.search(r"©[^\n]{0,160}$", line)
        if credit:
            yield _piece(text, RemovedKind.PHOTO_CREDIT, start + credit.start(), end)


def _caption_is_tail(line: str, offset: int) -> bool:
    """A caption runs to the end of its line and is short; body text is not."""
    tail = line[offset:]
    return len(tail) <= 400 and (offset == 0 or "©" in tail or len(tail) <= 200)


def _is_credit_line(line: str) -> bool:
    stripped = line.strip()
    lowered = stripped.lower()
    if stripped.endswith((".", "?", "!", "”", '"')) and "getty" not in lowered:
        return False
    return any(word in lowered for word in ("photo", "image", "picture", "getty", "/"))


def _teasers(text: str) -> Iterator[RemovedPiece]:
    for start, end in lines(text):
        line = text[start:end].strip()
        if not line:
            continue
        if _TEASER_PREFIX.match(line) or _BARE_TEASER_MARK.match(line) or _is_doubled(line):
            yield _piece(text, RemovedKind.RELATED_TEASER, start, end)


def _is_doubled(line: str) -> bool:
    """A teaser box scraped as "Headline Headline": the same words twice in a row."""
    words = line.split()
    if len(words) < 6 or len(words) % 2:
        return False
    half = len(words) // 2
    return words[:half] == words[half:]


def _bylines(text: str) -> Iterator[RemovedPiece]:
    for index, (start, end) in enumerate(_nonblank_lines(text)):
        if index > 4:
            break
        if _BYLINE.match(text[start:end].strip()) and end - start <= 120:
            yield _piece(text, RemovedKind.BYLINE, start, end)
    for start, end in _nonblank_lines(text):
        line = text[start:end].strip()
        if _is_wire_credit(line) or (len(line) <= 160 and _CONTRIBUTED.match(line)):
            yield _piece(text, RemovedKind.BYLINE, start, end)


def _boilerplate(text: str) -> Iterator[RemovedPiece]:
    for start, end in _nonblank_lines(text):
        line = text[start:end].strip()
        if len(line) <= 400 and (_BOILERPLATE.match(line) or _AUTHOR_NOTE.match(line)):
            yield _piece(text, RemovedKind.BOILERPLATE, start, end)


def _is_wire_credit(line: str) -> bool:
    if len(line) > 240 or not _WIRE_CREDIT_START.match(line):
        return False
    if line.startswith("(") != line.endswith(")"):
        return False
    words = re.findall(r"[^\s;,&()]+", line)
    return all(w[0].isupper() or w.lower() in _WIRE_CREDIT_WORDS for w in words)


def _nonblank_lines(text: str) -> Iterator[tuple[int, int]]:
    for start, end in lines(text):
        if text[start:end].strip():
            yield start, end


def _datelines(text: str) -> Iterator[RemovedPiece]:
    for index, (start, end) in enumerate(_nonblank_lines(text)):
        if index > 4:
            return
        match = _DATELINE.match(text, start, end)
        if match and _is_dateline(match):
            yield _piece(text, RemovedKind.DATELINE, start, match.end())
            return


def _is_dateline(match: re.Match[str]) -> bool:
    place = match.group("place").strip(" ,")
    letters = [ch for ch in place if ch.isalpha()]
    # Upper-case place names ("MOSCOW") or an agency in brackets mark a dateline; a
    # sentence that merely starts with a capitalised word and a dash does not.
    return (
        bool(letters)
        and (
            match.group("agency") is not None or sum(ch.isupper() for ch in letters) == len(letters)
        )
        and len(place.split()) <= 5
    )


def _source_tags(text: str) -> Iterator[RemovedPiece]:
    for pattern in (_SOURCE_TAG_PAREN, _SOURCE_TAG_DASH):
        match = pattern.search(text)
        if match and _plausible_tag(match.group("tag")):
            yield _piece(text, RemovedKind.SOURCE_TAG, match.start(1), match.end(1))
            return


def _plausible_tag(tag: str) -> bool:
    words = tag.split()
    return 1 <= len(words) <= 4 and all(w[0].isupper() or w[0].isdigit() for w in words)


def publisher_from(pieces: list[RemovedPiece], text: str) -> str | None:
    """The publisher named by a source tag or a dateline, if any."""
    for piece in pieces:
        if piece.kind == RemovedKind.SOURCE_TAG:
            return piece.text.strip("()–—- \t")
    for piece in pieces:
        if piece.kind == RemovedKind.DATELINE:
            match = _DATELINE.match(text, piece.start)
            if match and match.group("agency"):
                return match.group("agency").strip()
    return None


def byline_from(pieces: list[RemovedPiece]) -> str | None:
    for piece in pieces:
        if piece.kind == RemovedKind.BYLINE:
            match = _BYLINE.match(piece.text)
            if match:
                return match.group("name").strip()
    return None
