"""Reporting frames: given a cue, find its source and its content.

Each ``*_frame`` function looks at one cue and returns a :class:`Candidate` or ``None``.
Frames read the dependency parse first and check it against the surface order of the
sentence, because the reporting clause is where small parsers fail most ("France is
preparing to send troops, Goncharenko wrote" often comes back with "wrote" as a conjunct).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sayso.nlp.candidates import Candidate, CueCategory
from sayso.nlp.lexicon import (
    BELIEF_VERBS,
    INTENTION_VERBS,
    NEEDS_THAT_CLAUSE,
    PASSIVE_CUE_VERBS,
    SPEECH_VERBS,
)
from sayso.nlp.phrases import (
    NounPhrase,
    head_of,
    is_name,
    np_from_head,
    np_run_after,
    np_run_before,
    skip_left,
    trim,
)
from sayso.nlp.quotes import Quote
from sayso.nlp.text import QuoteIndex, finish_content

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_TAKING = frozenset(
    {
        "tell",
        "inform",
        "warn",
        "assure",
        "remind",
        "advise",
        "convince",
        "ask",
        "urge",
        "promise",
        "caution",
        "brief",
    }
)
CHANNEL_NOUNS = frozenset(
    """channel account post blog statement interview broadcast television radio website site
    newspaper paper column op-ed letter tweet message video podcast programme program show
    conference briefing speech address page feed platform""".split()
)
PLATFORMS = frozenset(
    """twitter telegram facebook instagram youtube tiktok linkedin weibo wechat vk vkontakte
    substack reddit threads bluesky mastodon truth gab rumble x""".split()
)
CHANNEL_PREPS = frozenset({"on", "in", "via", "through", "over", "during"})
SUBORDINATORS = frozenset(
    {
        "after",
        "before",
        "when",
        "while",
        "if",
        "because",
        "although",
        "though",
        "since",
        "as",
        "once",
        "until",
        "unless",
        "whether",
    }
)
FOLLOW_CUES = frozenset(
    {
        "adding",
        "saying",
        "noting",
        "arguing",
        "insisting",
        "explaining",
        "warning",
        "claiming",
        "stressing",
        "according",
    }
)
SEPARATORS = frozenset({",", "—", "–", "--"})
CLOSING_QUOTES = frozenset({"”", '"', "»", "’", "'", "«", "''"})
SEE_AS_VERBS = frozenset({"see", "view", "regard", "describe", "consider", "portray", "brand"})


def cue_category(lemma: str) -> CueCategory | None:
    if lemma in SPEECH_VERBS:
        return CueCategory.SPEECH
    if lemma in BELIEF_VERBS:
        return CueCategory.BELIEF
    if lemma in INTENTION_VERBS:
        return CueCategory.INTENTION
    return None


def cue_range(cue: Token) -> tuple[int, int]:
    """The cue's own words: the verb and an adjacent particle ("pointed out")."""
    end = cue.i + 1
    for child in cue.children:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return cue.i, end


def cue_lemma(cue: Token) -> str:
    start, end = cue_range(cue)
    return " ".join(t.lemma_.lower() for t in cue.doc[start:end])


# --- verbal cues -----------------------------------------------------------------------


def verb_frame(doc: Doc, cue: Token, quotes: QuoteIndex) -> Candidate | None:
    lemma = cue.lemma_.lower()
    category = cue_category(lemma)
    if category is None and lemma not in PASSIVE_CUE_VERBS:
        return None
    if _is_passive(cue):
        return passive_frame(doc, cue, quotes)
    if category is None:
        return None
    source = find_source(doc, cue)
    clause_start = source.start if source and source.start < cue.i else cue.i
    frames = (_content_after, _content_before, _see_as)
    if quotes.ending_before(doc[clause_start].idx) is not None:
        # “A,” he said, “B.”: the quote before the reporting clause comes first.
        frames = (_content_before, _content_after, _see_as)
    for frame in frames:
        content = frame(doc, cue, source, quotes, category)
        if content:
            pieces, rule = content
            candidate = Candidate(
                cue=cue_range(cue),
                lemma=cue_lemma(cue),
                category=category,
                source=source,
                content=pieces,
                rule=rule,
            )
            candidate.channel, candidate.when = cue_adjuncts(doc, cue)
            return candidate
    return None


def _is_passive(cue: Token) -> bool:
    return cue.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in cue.children)


def find_source(doc: Doc, cue: Token) -> NounPhrase | None:
    """The mention of who speaks: subject, surface noun phrase, or inherited subject."""
    sent = cue.sent
    subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
    if subjects and subjects[0].lower_ != "it":
        subject = subjects[0]
        limit = cue.i if subject.i < cue.i else None
        return np_from_head(subject, limit_end=limit)
    if cue.tag_ == "VBG" and cue.dep_ in {"advcl", "xcomp", "conj", "acl", "pcomp"}:
        return _inherited_source(doc, cue)
    surface = _surface_source_left(doc, cue, sent)
    if surface is not None:
        return surface
    inherited = _inherited_source(doc, cue)
    if inherited is not None:
        return inherited
    return _surface_source_right(doc, cue, sent)


def _inherited_source(doc: Doc, cue: Token) -> NounPhrase | None:
    """The subject a conjoined or participial cue shares with the verb it hangs from."""
    head = cue
    for _ in range(4):
        if head.dep_ not in {"conj", "advcl", "xcomp", "acl", "pcomp"} or head.head is head:
            return None
        head = head.head
        subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
        if subjects and subjects[0].lower_ != "it":
            subject = subjects[0]
            return np_from_head(subject, limit_end=head.i if subject.i < head.i else None)
    return None


def _surface_source_left(doc: Doc, cue: Token, sent: Span) -> NounPhrase | None:
    i = skip_left(doc, cue.i - 1, sent.start)
    if i < sent.start:
        return None
    if doc[i].text == ",":
        return _appositive_source(doc, i, sent)
    run = np_run_before(doc, i + 1, sent.start)
    if run is None:
        return None
    return NounPhrase(start=run[0], end=run[1], head=head_of(doc, *run).i)


def _appositive_source(doc: Doc, comma: int, sent: Span) -> NounPhrase | None:
    """ ", NAME, DESCRIPTION, cue" or ", DESCRIPTION, NAME, cue"."""
    near = np_run_before(doc, comma, sent.start)
    if near is None or near[0] - 1 < sent.start or doc[near[0] - 1].text != ",":
        return None
    far = np_run_before(doc, near[0] - 1, sent.start)
    if far is None:
        return None
    near_is_name, far_is_name = is_name(doc[near[0] : near[1]]), is_name(doc[far[0] : far[1]])
    if near_is_name == far_is_name:
        return None
    name, role = (near, far) if near_is_name else (far, near)
    return NounPhrase(start=name[0], end=name[1], head=head_of(doc, *name).i, role=role)


def _surface_source_right(doc: Doc, cue: Token, sent: Span) -> NounPhrase | None:
    run = np_run_after(doc, cue_range(cue)[1], sent.end)
    if run is None:
        return None
    return NounPhrase(start=run[0], end=run[1], head=head_of(doc, *run).i)


# --- content after the cue: "X said (that) Y", "X wrote: Y" -----------------------------


def _content_after(
    doc: Doc, cue: Token, source: NounPhrase | None, quotes: QuoteIndex, category: CueCategory
) -> tuple[list[tuple[int, int]], str] | None:
    sent = cue.sent
    start = _content_start_after(doc, cue, category)
    if start is None:
        return None
    token = doc[start]
    if token.text == ":":
        start += 1
        while start < sent.end and doc[start].is_space:
            start += 1
        if start >= sent.end:
            return None
        token = doc[start]
    quote = quotes.starting_at(token.idx)
    if quote is not None:
        return [quotes.inner(quote), *quotes.continuations(quote)], "after-quote"
    end = _content_end(doc, start, sent, quotes)
    pieces = finish_content(doc.text, token.idx, end)
    if pieces is None:
        return None
    return [pieces], "after"


def _content_start_after(doc: Doc, cue: Token, category: CueCategory) -> int | None:
    lemma = cue.lemma_.lower()
    after_cue = cue_range(cue)[1]
    clauses = [c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i]
    if lemma in INTENTION_VERBS:
        clauses += [
            c
            for c in cue.children
            if c.dep_ == "xcomp" and c.i > cue.i and any(a.lower_ == "to" for a in c.children)
        ]
    explicit = _explicit_opening(doc, after_cue, cue.sent)
    if lemma in NEEDS_THAT_CLAUSE:
        return explicit
    if explicit is not None:
        return explicit
    if clauses:
        start = min(c.left_edge.i for c in clauses)
        return start if start >= after_cue else None
    return None


def _explicit_opening(doc: Doc, start: int, sent: Span) -> int | None:
    """A "that"/"whether" complementiser or a colon after the cue's adjuncts ("told
    reporters on Monday that"), or a quotation right after the cue ("said, “...”")."""
    i = start
    while i < sent.end and (doc[i].is_space or doc[i].text == ","):
        i += 1
    if i < sent.end and doc[i].text in _OPENING_QUOTES:
        return i
    budget = 14
    while i < sent.end and budget > 0:
        token = doc[i]
        lower = token.lower_
        if lower in {"that", "whether"} or (lower == "if" and token.dep_ == "mark"):
            return i
        if token.text == ":":
            return i
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "acl"}:
            return None
        if token.text in {";", "."} or token.text in _OPENING_QUOTES:
            return None
        budget -= 1
        i += 1
    return None


_OPENING_QUOTES = frozenset({"“", '"', "«", "„", "''", "``"})


def _content_end(doc: Doc, start: int, sent: Span, quotes: QuoteIndex) -> int:
    """Where content that starts at token ``start`` ends: at the sentence end, or before
    a trailing ", according to ..." / ", adding ..." that opens a new attribution, or at
    the end of a quotation that runs on past the sentence."""
    end_char = sent.end_char
    for i in range(start + 1, sent.end - 1):
        token = doc[i]
        if token.text == "," and doc[i + 1].lower_ in FOLLOW_CUES:
            end_char = token.idx
            break
    enclosing = quotes.containing(doc[start].idx)
    if enclosing is not None and enclosing.start < doc[start].idx:
        # A cue inside a quotation: its content ends where the quotation does.
        return min(end_char, enclosing.inner_end)
    return quotes.reaching_past(doc[start].idx, end_char)


# --- content before the cue: "Y, X wrote", "“Y,” said X" ------------------------------


def _content_before(
    doc: Doc, cue: Token, source: NounPhrase | None, quotes: QuoteIndex, category: CueCategory
) -> tuple[list[tuple[int, int]], str] | None:
    sent = cue.sent
    if cue.tag_ in {"VBG", "VBN", "TO"} or cue.lemma_.lower() in INTENTION_VERBS - SPEECH_VERBS:
        return None
    if _takes_object(cue):
        return None
    clause_start = source.start if source and source.start < cue.i else cue.i
    sep = skip_left(doc, clause_start - 1, sent.start)
    while sep >= sent.start and doc[sep].is_space:
        sep -= 1
    if sep < sent.start and not quotes.ending_before(doc[clause_start].idx):
        return None
    quote = quotes.ending_before(doc[clause_start].idx)
    if quote is not None:
        pieces = [*quotes.continued_from(quote), quotes.inner(quote)]
        pieces += _split_quote_tail(doc, cue, sent, quotes)
        return pieces, "before-quote"
    if sep < sent.start or doc[sep].text not in SEPARATORS:
        return None
    first = sent.start
    while first < sep and (doc[first].is_space or doc[first].text in SEPARATORS):
        first += 1
    if doc[first].lower_ in SUBORDINATORS or not _has_verb(doc, first, sep):
        return None
    piece = finish_content(doc.text, doc[first].idx, doc[sep].idx)
    if piece is None:
        return None
    return [piece], "before"


def _takes_object(cue: Token) -> bool:
    """A cue with a direct object describes an act ("Smith wrote a letter"), except where
    the object is the addressee ("told reporters")."""
    if cue.lemma_.lower() in OBJECT_TAKING:
        return False
    return any(c.dep_ == "dobj" and c.i > cue.i and c.pos_ != "PRON" for c in cue.children)


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} for t in doc[start:end])


def _split_quote_tail(
    doc: Doc, cue: Token, sent: Span, quotes: QuoteIndex
) -> list[tuple[int, int]]:
    """The second half of a quote split by its reporting clause: “A,” he said, “B.”"""
    after = quotes.next_after(cue.idx)
    if after is None:
        return []
    between = doc.text[cue.idx + len(cue.text) : after.start]
    if "\n" in between or len(between) > 80:
        return []
    gap = doc.char_span(cue.idx, after.start, alignment_mode="expand")
    if gap is not None and any(
        t.pos_ == "VERB" and t.i != cue.i and t.lemma_.lower() in SPEECH_VERBS for t in gap
    ):
        return []
    if not between.strip(" ,.;—–\t") or _only_adjuncts(gap):
        return [quotes.inner(after), *quotes.continuations(after)]
    return []


def _only_adjuncts(gap: Span | None) -> bool:
    if gap is None:
        return False
    return not any(t.pos_ in {"VERB", "AUX"} for t in gap[1:]) and len(gap) <= 12


# --- "Berlin sees X as Y" ---------------------------------------------------------------


def _see_as(
    doc: Doc, cue: Token, source: NounPhrase | None, quotes: QuoteIndex, category: CueCategory
) -> tuple[list[tuple[int, int]], str] | None:
    if cue.lemma_.lower() not in SEE_AS_VERBS or source is None:
        return None
    obj = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i]
    heads = [cue, *obj[:1]]
    as_pp = [
        c
        for h in heads
        for c in h.children
        if c.lower_ == "as" and c.dep_ == "prep" and c.i > cue.i
    ]
    if not obj or not as_pp:
        return None
    start = obj[0].left_edge.i
    end = as_pp[0].right_edge.i + 1
    for conj in (c for c in cue.children if c.dep_ == "conj" and c.i > end):
        end = conj.right_edge.i + 1
    piece = finish_content(doc.text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    return ([piece], "see-as") if piece else None


# --- passives: "it was claimed that", "X is expected to" ---------------------------------


def passive_frame(doc: Doc, cue: Token, quotes: QuoteIndex) -> Candidate | None:
    lemma = cue.lemma_.lower()
    if lemma not in PASSIVE_CUE_VERBS:
        return None
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    source = None
    if agent is not None:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        source = np_from_head(pobj) if pobj is not None else None
    subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    infinitive = next((c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i), None)
    pieces: list[tuple[int, int]] = []
    if clause is not None and (subject is None or subject.lower_ == "it"):
        piece = finish_content(doc.text, clause.left_edge.idx, _right_char(clause))
        pieces = [piece] if piece else []
    elif infinitive is not None and subject is not None and subject.lower_ != "it":
        subject_span = finish_content(doc.text, subject.left_edge.idx, _right_char(subject))
        verb_span = finish_content(doc.text, infinitive.left_edge.idx, _right_char(infinitive))
        pieces = [p for p in (subject_span, verb_span) if p]
    if not pieces:
        return None
    start, end = cue_range(cue)
    auxiliaries = [c.i for c in cue.children if c.dep_ in {"auxpass", "aux"} and c.i < cue.i]
    if auxiliaries:
        start = min(auxiliaries)
    candidate = Candidate(
        cue=(start, end),
        lemma=cue_lemma(cue),
        category=CueCategory.BELIEF if lemma in BELIEF_VERBS else CueCategory.SPEECH,
        source=source,
        content=pieces,
        rule="passive",
    )
    candidate.channel, candidate.when = cue_adjuncts(doc, cue)
    return candidate


def _right_char(token: Token) -> int:
    last = token.right_edge
    return last.idx + len(last.text)


# --- "according to X" --------------------------------------------------------------------


def according_to_frame(doc: Doc, according: Token, quotes: QuoteIndex) -> Candidate | None:
    sent = according.sent
    if according.i + 1 >= sent.end or doc[according.i + 1].lower_ != "to":
        return None
    to = doc[according.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is not None:
        source = np_from_head(pobj)
        pp_end = max(pobj.right_edge.i, to.i) + 1
    else:
        run = np_run_after(doc, to.i + 1, sent.end)
        if run is None:
            return None
        source = NounPhrase(start=run[0], end=run[1], head=head_of(doc, *run).i)
        pp_end = run[1]
    pieces = []
    left = trim(doc, sent.start, according.i)
    right = trim(doc, pp_end, sent.end)
    parenthetical = (
        left[1] > left[0]
        and right[1] > right[0]
        and doc[according.i - 1].text == ","
        and pp_end < sent.end
        and doc[pp_end].text == ","
    )
    if left[1] > left[0] and (_has_verb(doc, *left) or parenthetical):
        piece = finish_content(doc.text, doc[left[0]].idx, _char_end(doc, left[1]))
        if piece:
            pieces.append(piece)
    if right[1] > right[0] and (
        _has_verb(doc, *right) or quotes.any_in(doc[right[0]].idx, _char_end(doc, right[1]))
    ):
        end = _content_end(doc, right[0], sent, quotes)
        piece = finish_content(doc.text, doc[right[0]].idx, end)
        if piece:
            pieces.append(piece)
    if not pieces:
        return None
    candidate = Candidate(
        cue=(according.i, to.i + 1),
        lemma="according to",
        category=CueCategory.ACCORDING_TO,
        source=source,
        content=pieces,
        rule="according-to",
    )
    return candidate


def _char_end(doc: Doc, end_token: int) -> int:
    last = doc[end_token - 1]
    return last.idx + len(last.text)


# --- "Trump: “We will win.”" -------------------------------------------------------------


def colon_frame(doc: Doc, colon: Token, quotes: QuoteIndex) -> Candidate | None:
    sent = colon.sent
    run = np_run_before(doc, colon.i, sent.start)
    if run is None or run[0] != trim(doc, sent.start, colon.i)[0]:
        return None
    speaker = doc[run[0] : run[1]]
    if not any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in speaker):
        return None
    start = colon.i + 1
    while start < sent.end and doc[start].is_space:
        start += 1
    if start >= sent.end:
        return None
    quote = quotes.starting_at(doc[start].idx)
    if quote is not None:
        pieces = [quotes.inner(quote), *quotes.continuations(quote)]
    else:
        if not _has_verb(doc, start, sent.end):
            return None
        piece = finish_content(doc.text, doc[start].idx, sent.end_char)
        if piece is None:
            return None
        pieces = [piece]
    return Candidate(
        cue=(colon.i, colon.i + 1),
        lemma=":",
        category=CueCategory.COLON,
        source=NounPhrase(start=run[0], end=run[1], head=head_of(doc, *run).i),
        content=pieces,
        rule="colon",
    )


# --- channel and time of the statement ---------------------------------------------------


def cue_adjuncts(doc: Doc, cue: Token) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The medium ("on his Telegram channel") and time ("on Wednesday") of a statement."""
    channel = when = None
    for child in cue.children:
        if child.dep_ in {"ccomp", "xcomp", "nsubj", "dobj"}:
            continue
        tokens = list(child.subtree)
        if when is None and tokens and _is_time(tokens):
            when = (tokens[0].i, tokens[-1].i + 1)
            continue
        if channel is None and child.dep_ == "prep" and child.lower_ in CHANNEL_PREPS:
            channel = _channel_in(tokens)
    return channel, when


def _is_time(tokens: list[Token]) -> bool:
    timed = [t for t in tokens if t.ent_type_ in {"DATE", "TIME"}]
    return bool(timed) and len(timed) >= len(tokens) - 2


def _channel_in(tokens: list[Token]) -> tuple[int, int] | None:
    platforms = [t for t in tokens if t.lower_ in PLATFORMS]
    if platforms:
        return platforms[0].i, platforms[0].i + 1
    if not any(t.lemma_.lower() in CHANNEL_NOUNS for t in tokens):
        return None
    names = [t for t in tokens if t.pos_ == "PROPN"]
    if names:
        return names[0].i, names[-1].i + 1
    nouns = [t for t in tokens if t.lemma_.lower() in CHANNEL_NOUNS]
    return nouns[0].i, nouns[0].i + 1


__all__ = [
    "Quote",
    "according_to_frame",
    "colon_frame",
    "cue_adjuncts",
    "find_source",
    "passive_frame",
    "verb_frame",
]
