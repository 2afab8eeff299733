"""A page's metadata: clean title, byline, publisher name and what kind of page it is.

Read from what the page says about itself — ``<meta>`` tags (Open Graph, ``author``,
``byl``), JSON-LD (``schema.org`` objects: ``headline``, ``author``, ``publisher``,
``@type``), ``rel=author`` links and byline blocks — before anything is pruned, with
trafilatura's own metadata as the fallback. On 41 real saved pages sayso had no byline on
any (the authors were in the metadata), kept titles' site suffixes ("| CNN Politics") and
took publishers from trafilatura as they came: "http://www.tmz.com", "Timesofisrael", or
the headline itself.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from sayso.ingest.prune import Furniture, furniture_kind, text_of

# schema.org types of a news or blog text (and their subtypes seen on news sites).
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
        "SatiricalArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "InterviewArticle",
    }
)
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+")
_SMALL_WORDS = frozenset("a an and at by for in of on or the to".split())
_NAME_PARTICLES = frozenset("al bin da de del della der di du el la le ten ter van von y".split())
_URLISH = re.compile(r"^(?:https?://|www\.)|^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/?$", re.IGNORECASE)
# Second-level labels under a country code: "bbc.co.uk" is "bbc", "abc.net.au" is "abc".
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or"})
_BYLINE_LEAD = re.compile(r"^(?:(?:written|words|reporting|story|text)\s+)?by\s+", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\||\band\b|\bwith\b)\s*", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"(?:©|\([cC]\)|[Cc]opyright)\s*(?:\d{4}\s*(?:[-–]\s*\d{4}\s*)?)?"
    r"(?P<name>[A-Z][\w'’&.]*(?:\s+(?:of|the|and|&|[A-Z][\w'’&.]*)){0,5})"
)
_COPYRIGHT_TEXT = etree.XPath("//text()[contains(., '©') or contains(., 'opyright')]")
_MAX_JSON_OBJECTS = 500


@dataclass(slots=True)
class PageMeta:
    """What a page says about itself."""

    title: str | None = None
    publisher: str | None = None
    byline: str | None = None
    url: str | None = None
    types: frozenset[str] = frozenset()  # schema.org @type of the page's JSON-LD objects
    og_type: str | None = None
    site_names: list[str] = field(default_factory=list)  # every name the site goes by


def read_page_meta(tree: HtmlElement, url: str | None = None) -> PageMeta:
    """The metadata of a parsed page (read before anything is pruned from it)."""
    metas = _meta_tags(tree)
    objects = list(json_ld(tree))
    article = next((o for o in objects if types_of(o) & ARTICLE_TYPES), None)
    page_url = url or _first(metas, "og:url") or _canonical(tree)
    host = _host(page_url)
    title_tag = text_of(tree.find(".//title"))
    headings = [text_of(h) for h in tree.iter("h1")]
    titles = [
        _first(metas, "og:title"),
        _first(metas, "twitter:title"),
        _json_name((article or {}).get("headline")),
        title_tag,
        headings[0] if len(headings) == 1 else None,
    ]
    vocabulary = _vocabulary(tree)
    site_candidates = [
        _first(metas, "og:site_name"),
        _json_name((article or {}).get("publisher")),
        *(
            o["name"]
            for o in objects
            if "WebSite" in types_of(o) and isinstance(o.get("name"), str)
        ),
        _first(metas, "application-name"),
        _first(metas, "twitter:site"),
    ]
    sites = _unique(
        name
        for candidate in site_candidates
        if candidate and (name := site_name(candidate, host, vocabulary, titles))
    )
    evidence = [*sites, *_suffix_names(title_tag, host), *_copyright_names(tree)]
    publisher = sites[0] if sites else name_from_host(host, evidence, vocabulary) if host else None
    names = _unique([*sites, *([publisher] if publisher else []), *evidence])
    title = next((t for c in titles if c and (t := clean_title(c, names, host))), None)
    return PageMeta(
        title=title,
        publisher=publisher,
        byline=byline_from(_byline_sources(metas, objects, article, tree), names),
        url=page_url,
        types=frozenset(t for o in objects for t in types_of(o)),
        og_type=(_first(metas, "og:type") or "").strip().lower() or None,
        site_names=names,
    )


# -- JSON-LD ----------------------------------------------------------------------------


def json_ld(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every schema.org object of the page's JSON-LD, ``@graph`` members included; a
    script that is not valid JSON is passed over."""
    count = 0
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", script.text or "")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        for item in _objects(data):
            count += 1
            if count > _MAX_JSON_OBJECTS:
                return
            yield item


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    """Typed objects of a JSON-LD document: top-level ones, in lists, in ``@graph``; walked
    without recursion, so that a hostile page's 900 nested lists cannot exhaust the stack."""
    stack = [(data, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, list) and depth < 8:
            stack.extend((child, depth + 1) for child in reversed(item[:_MAX_JSON_OBJECTS]))
        elif isinstance(item, dict):
            if "@type" in item:
                yield item
            if isinstance(item.get("@graph"), list) and depth < 8:
                stack.append((item["@graph"], depth + 1))


def types_of(item: dict[str, Any]) -> set[str]:
    """``@type`` as a set of bare names ("schema:Recipe", "http://schema.org/Recipe" →
    "Recipe")."""
    value = item.get("@type")
    values = value if isinstance(value, list) else [value]
    return {re.split(r"[/:#]", v)[-1] for v in values if isinstance(v, str) and v}


def _json_name(value: Any) -> str | None:
    """A string, an object's ``name``, or the first of a list's (not nested any deeper)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    return None


def _json_names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [name for item in items if (name := _json_name(item))]


# -- the title --------------------------------------------------------------------------


def clean_title(title: str, site_names: Iterable[str] = (), host: str | None = None) -> str:
    """``title`` without the site's name before or after it ("… | CNN Politics",
    "… - BBC News", "Politics | Latest news | The Capital Times" → "Politics").

    A part is the site's when it names the site (shares a word with one of
    ``site_names`` or spells the domain); then the sections between it and the headline
    go too when they are set off by " | ". With no site evidence only " | " parts go,
    pipes being the sites' separator and rare in headlines; " - " stays, being common in
    headlines ("Brexit - what happens next").
    """
    title = " ".join(title.split())
    names = [n for n in site_names if n]
    parts = _SEPARATORS.split(title)
    seps = _SEPARATORS.findall(title)
    if len(parts) < 2:
        return title
    site_tail = _names_site(parts[-1], names, host)
    site_head = _names_site(parts[0], names, host)
    if site_tail or (not site_head and all("|" in s for s in seps[-1:])):
        # Drop the site's part and the short section parts before it, right to left.
        while len(parts) > 1:
            last, sep = parts[-1], seps[-1]
            if _names_site(last, names, host) or ("|" in sep and len(last.split()) <= 5):
                parts, seps = parts[:-1], seps[:-1]
            else:
                break
    elif site_head:
        parts, seps = parts[1:], seps[1:]
    kept = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        kept += sep + part
    return kept.strip() or title


def _names_site(part: str, names: list[str], host: str | None) -> bool:
    letters = _letters(part)
    if not letters:
        return False
    label = _label(host) if host else None
    if label and (label in letters or spells(label, part)):
        return True
    words = _significant(part)
    return any(words and words & _significant(name) for name in names)


def _significant(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if w not in _SMALL_WORDS | {"news"}}


# -- the publisher ----------------------------------------------------------------------


def site_name(
    value: str,
    host: str | None = None,
    vocabulary: dict[str, str] | None = None,
    titles: Iterable[str | None] = (),
) -> str | None:
    """A site-name candidate made presentable, or None when it is not one.

    A URL or domain becomes the site's name ("http://www.tmz.com" → "TMZ"); the domain's
    label run together in lower case is split into the words the page uses
    ("timesofisrael" → "Times of Israel"); "the Guardian" → "The Guardian". A long one, a
    sentence, or one that is the page's title (a headline) is refused.
    """
    vocabulary = vocabulary or {}
    value = " ".join(value.split()).strip(" |-–—:·@")
    if not value:
        return None
    if _URLISH.match(value):
        return name_from_host(_host(value) or value, [], vocabulary)
    words = value.split()
    if len(words) > 6 or len(value) > 60 or value.endswith((".", "!", "?")):
        return None
    if any(title and _same_words(value, title) for title in titles):
        return None
    if len(words) == 1 and host and _letters(value) == _label(host):
        named = name_from_host(host, [], vocabulary)
        if " " in named or value == value.lower():
            return named
    return value[0].upper() + value[1:]


def name_from_host(host: str, evidence: Iterable[str], vocabulary: dict[str, str]) -> str:
    """A publisher's name from its domain: a name the page gives that spells the domain's
    label ("The Times of Israel" for timesofisrael.com), else the label split into words
    the page uses, else an initialism in capitals ("tmz.com" → "TMZ") or the label
    capitalised ("axios.com" → "Axios")."""
    label = _label(host)
    if not label:
        return host
    for name in evidence:
        if spells(label, name):
            return " ".join(name.split())
    if len(label) <= 3 or (len(label) == 4 and not re.search(r"[aeiou]", label)):
        return label.upper()
    split = _segment(label, vocabulary)
    if split and len(split) > 1:
        words = [vocabulary.get(w, w) for w in split]
        return " ".join(
            w.lower() if i and w.lower() in _SMALL_WORDS else w[0].upper() + w[1:]
            for i, w in enumerate(words)
        )
    return label[0].upper() + label[1:]


def _segment(label: str, vocabulary: dict[str, str]) -> list[str] | None:
    """``label`` as the fewest words of ``vocabulary`` (lower case) that spell it."""
    best: list[list[str] | None] = [None] * (len(label) + 1)
    best[0] = []
    for end in range(1, len(label) + 1):
        for start in range(max(0, end - 20), end):
            head = best[start]
            word = label[start:end]
            if head is None or (len(word) < 2 and word != "a") or word not in vocabulary:
                continue
            if best[end] is None or len(head) + 1 < len(best[end] or []):
                best[end] = [*head, word]
    return best[len(label)]


def _suffix_names(title: str, host: str | None) -> list[str]:
    """The parts of the ``<title>`` that spell the domain ("| The Times of Arcadia")."""
    label = _label(host) if host else None
    if not label:
        return []
    return [part for part in _SEPARATORS.split(title) if spells(label, part)]


def spells(label: str, name: str) -> bool:
    """Whether a domain label is the name written out, each word whole or by its initial:
    "timesofisrael" is "The Times of Israel", "nytimes" "The New York Times", "wsj" "The
    Wall Street Journal" (a leading "The" may go; initials only of capitalised words)."""
    words = [(w[0].isupper(), _letters(w)) for w in name.split() if _letters(w)]
    if not label or not words or len(words) > 8:
        return False
    if words[0][1] == "the" and len(words) > 1 and _spelled(label, words[1:]):
        return True
    return _spelled(label, words)


def _spelled(label: str, words: list[tuple[bool, str]]) -> bool:
    reached = {0}  # positions in ``label`` spelled by the words so far
    for capital, word in words:
        parts = (word, word[0]) if capital else (word,)
        reached = {p + len(x) for p in reached for x in parts if label.startswith(x, p)}
        if not reached:
            return False
    return len(label) in reached


def _copyright_names(tree: HtmlElement) -> list[str]:
    """Names in the page's copyright lines ("© 2024 The Times of Arcadia")."""
    names = []
    for node in _COPYRIGHT_TEXT(tree):
        parent = node.getparent()
        text = text_of(parent) if parent is not None else ""
        if len(text) <= 300:
            names += [m.group("name").strip(" .") for m in _COPYRIGHT.finditer(text)]
    return names


def _host(url: str | None) -> str | None:
    if not url:
        return None
    target = url if "://" in url else "http://" + url
    try:
        host = urlsplit(target).hostname
    except ValueError:
        return None
    return host.lower() if host else None


def _label(host: str | None) -> str:
    """The registered name of a host: www.bbc.co.uk → "bbc", edition.cnn.com → "cnn"."""
    if not host:
        return ""
    labels = [label for label in host.lower().split(".") if label]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        labels = labels[:-1]
    return re.sub(r"[^a-z0-9]", "", labels[-2]) if len(labels) >= 2 else ""


# -- the byline -------------------------------------------------------------------------


def _byline_sources(
    metas: dict[str, list[str]],
    objects: list[dict[str, Any]],
    article: dict[str, Any] | None,
    tree: HtmlElement,
) -> list[list[str]]:
    """Where a page names its authors, most trustworthy first; each a list of strings."""
    main = article or next((o for o in objects if o.get("author")), None) or {}
    keys = ("author", "byl", "article:author", "parsely-author", "sailthru.author", "dc.creator")
    return [
        _json_names(main.get("author")) + _json_names(main.get("creator")),
        [value for key in keys for value in metas.get(key, [])],
        [text_of(a) for a in tree.iter("a") if "author" in (a.get("rel") or "").lower().split()],
        _byline_block(tree),
    ]


def _byline_block(tree: HtmlElement) -> list[str]:
    """The page's byline block that reads "By …", when it has one: a listing has one per
    teaser, and none of them is the page's."""
    found = {
        text
        for element in tree.iter()
        if isinstance(element.tag, str) and furniture_kind(element) is Furniture.BYLINE
        if len(text := text_of(element)) <= 120 and _BYLINE_LEAD.match(text)
    }
    return list(found) if len(found) == 1 else []


def byline_from(sources: Iterable[Iterable[str]], site_names: Iterable[str] = ()) -> str | None:
    """The authors of the first source that names any: "Jane Doe and John Roe".

    Each string is cut at commas, semicolons and "and"; what is not a person's name goes
    (the outlet in "Jane Doe, CNN", roles like "Transport correspondent", profile URLs),
    and names in capitals are set in title case ("KATE BELL" → "Kate Bell").
    """
    sites = {s.lower() for s in site_names}
    for source in sources:
        names: list[str] = []
        for value in source:
            for part in _NAME_SPLIT.split(_BYLINE_LEAD.sub("", " ".join(value.split()))):
                name = _person_name(part)
                if name and name.lower() not in sites and name not in names:
                    names.append(name)
        if names:
            return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return None


def _person_name(part: str) -> str | None:
    part = part.strip(" .,:;|-–—")
    if not part or len(part) > 60 or re.search(r"[\d@/<>]|https?:|www\.", part):
        return None
    words = part.split()
    if not 2 <= len(words) <= 5:
        return None
    if not all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in words):
        return None
    if part.isupper():
        part = " ".join(_title_word(w) for w in words)
    return part


def _title_word(word: str) -> str:
    titled = "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))
    titled = re.sub(r"^(O')(\w)", lambda m: m.group(1) + m.group(2).upper(), titled)
    return re.sub(r"^(Ma?c)(\w)", lambda m: m.group(1) + m.group(2).upper(), titled)


# -- helpers ----------------------------------------------------------------------------


def _meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip()
        content = " ".join((meta.get("content") or "").split())
        if key and content:
            found.setdefault(key.lower(), []).append(content)
    return found


def _first(metas: dict[str, list[str]], key: str) -> str | None:
    values = metas.get(key)
    return values[0] if values else None


def _canonical(tree: HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href")
    return None


def _vocabulary(tree: HtmlElement) -> dict[str, str]:
    """The page's words (lower case → its most common spelling), scripts and styles
    left out: what a run-together domain label is split into."""
    counts: Counter[str] = Counter()
    seen = 0
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        for text in (element.text, element.tail):
            if text and seen < 400_000:
                seen += len(text)
                counts.update(re.findall(r"[^\W\d_]+", text))
    spelling: dict[str, str] = {}
    for word, _ in counts.most_common():
        spelling.setdefault(word.lower(), word)
    return spelling


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _same_words(a: str, b: str) -> bool:
    return _letters(a) == _letters(b) or (len(a.split()) > 3 and _letters(a) in _letters(b))


def _unique(values: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen
