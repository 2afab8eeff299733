"""Reporting frames: given a cue, find its source and its content.

Each ``*_frame`` function looks at one cue and returns a :class:`Candidate` or ``None``.
Frames read the dependency parse first and check it against the surface order of the
sentence, because the reporting clause is where small parsers fail most ("France is
preparing to send troops, Goncharenko wrote" often comes back with "wrote" as a conjunct).
Where the content lies relative to the cue is :mod:`sayso.nlp.content`'s job.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from sayso.nlp.candidates import (
    Candidate,
    CueCategory,
    cue_category,
    cue_lemma,
    cue_range,
    token_category,
)
from sayso.nlp.content import (
    content_after,
    content_as_clause,
    content_before,
    content_end,
    content_object,
    content_raising,
    has_verb,
    recoordinated_report,
    reporting_clause_start,
    see_as,
)
from sayso.nlp.lexicon import (
    ADDRESSEE_PASSIVES,
    ANONYMOUS_HEADS,
    BELIEF_VERBS,
    CARRIER_NOUNS,
    DEFAULT_PASSIVE_AS,
    EDITORIAL_LABELS,
    EVIDENCE_NOUNS,
    GROUP_HEADS,
    NAMING_VERBS,
    OBJECT_CUE_VERBS,
    OBJECT_REQUIRED_VERBS,
    PASSIVE_AS_PREPOSITIONS,
    PASSIVE_AS_VERBS,
    PASSIVE_CUE_VERBS,
    PREP_CUE_VERBS,
    RAISING_CUE_VERBS,
    ROLE_NOUNS,
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
from sayso.nlp.text import QuoteIndex, finish_content, quote_index, text_of, view_of

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
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

# --- verbal cues -----------------------------------------------------------------------


def verb_frame(doc: Doc, cue: Token, quotes: QuoteIndex) -> Candidate | None:
    lemma = cue.lemma_.lower()
    category = token_category(cue)
    if category is None and lemma not in PASSIVE_CUE_VERBS and lemma not in PASSIVE_AS_VERBS:
        return None
    if _is_passive(cue):
        return passive_frame(doc, cue, quotes)
    if _headline_passive(doc, cue):
        return headline_passive_frame(doc, cue, quotes)
    if category is None or _names_a_thing(doc, cue, lemma):
        return None
    if lemma in RAISING_CUE_VERBS:
        return _raising_frame(doc, cue)
    source = find_source(doc, cue)
    clause_start = reporting_clause_start(doc, cue, source)
    frames = (content_as_clause, content_after, content_before, see_as, content_object)
    quote = quotes.ending_before(doc[clause_start].idx)
    if quote is not None and (quote.end > cue.sent.start_char or _ends_open(text_of(doc), quote)):
        # “A,” he said, “B.”: the quote before the reporting clause comes first. A quote
        # that closed the previous sentence comes second: “… Sanders.” Many said he won.
        frames = (content_as_clause, content_before, content_after, see_as, content_object)
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


def _names_a_thing(doc: Doc, cue: Token, lemma: str) -> bool:
    """ "a program at Fishmongers' Hall called “Learning Together”": a naming verb right
    after a noun, with no subject of its own, even where the parser reads it as a finite
    verb."""
    if lemma not in NAMING_VERBS or cue.i == 0 or doc[cue.i - 1].pos_ not in {"NOUN", "PROPN"}:
        return False
    return not any(c.dep_ in SUBJECT_DEPS for c in cue.children)


def _ends_open(text: str, quote: Quote) -> bool:
    """“A,” he said: a quotation closing on a comma waits for its reporting clause, even
    when the parser ends the sentence at the closing mark."""
    return text[quote.inner_start : quote.inner_end].rstrip().endswith((",", "—", "–"))


def _raising_frame(doc: Doc, cue: Token) -> Candidate | None:
    pieces = content_raising(doc, cue)
    if pieces is None:
        return None
    return Candidate(
        cue=cue_range(cue),
        lemma=cue_lemma(cue),
        category=CueCategory.BELIEF,
        source=None,
        content=pieces,
        rule="raising",
    )


def _is_passive(cue: Token) -> bool:
    return cue.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in cue.children)


def find_source(doc: Doc, cue: Token) -> NounPhrase | None:
    """The mention of who speaks: subject, surface noun phrase, or inherited subject."""
    sent = cue.sent
    if _addressee_participle(cue):
        return None
    subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS and not _quoted_apart(c, cue)]
    if subjects and subjects[0].lower_ != "it":
        subject = subjects[0]
        limit = cue.i if subject.i < cue.i else None
        phrase = np_from_head(subject, limit_end=limit)
        if _opens_relative_clause(subject):
            # "Franklin Graham, who has vowed not to buy ...": the text's mention is "who";
            # speaker resolution reads its antecedent.
            phrase = replace(phrase, mention=(subject.i, subject.i + 1))
        return phrase
    if cue.dep_ == "acl" and cue.head.pos_ in {"NOUN", "PROPN"} and cue.head.i < cue.i:
        # "an ad featuring Hispanics criticizing Trump's proposals": the noun it modifies.
        return np_from_head(cue.head, limit_end=cue.i)
    report = recoordinated_report(cue)
    if report is not None:
        return find_source(doc, report)
    if cue.tag_ == "VBG" and cue.dep_ in {"advcl", "xcomp", "conj", "acl", "pcomp"}:
        return _inherited_source(doc, cue)
    controller = [c for c in cue.head.children if c.dep_ == "dobj"] if cue.dep_ == "xcomp" else []
    if controller and controller[0].i < cue.i:
        # "urged all members to back it": the object of the governing verb does the backing.
        return np_from_head(controller[0], limit_end=cue.i)
    if cue.dep_ == "xcomp" or _is_infinitive_of_purpose(cue):
        # "Sullivan had to explain", "she wants to say", "lawmakers met on Monday to
        # discuss": the subject of the governing verb.
        inherited = _inherited_source(doc, cue)
        if inherited is not None:
            return inherited
    surface = _surface_source_left(doc, cue, sent)
    if surface is not None:
        return surface
    inherited = _inherited_source(doc, cue)
    if inherited is not None:
        return inherited
    return _surface_source_right(doc, cue, sent)


def _addressee_participle(cue: Token) -> bool:
    """ "Asked whether Clinton has the integrity to serve, 75 percent said yes": the one
    who answers was asked; who asked is not said (PolNeAR leaves the source out)."""
    return (
        cue.tag_ == "VBN"
        and cue.lemma_.lower() in ADDRESSEE_PASSIVES
        and not any(c.dep_ in SUBJECT_DEPS | {"aux", "auxpass", "agent"} for c in cue.children)
    )


def _quoted_apart(subject: Token, cue: Token) -> bool:
    """ "“Anybody who attacks him, it's like buyer beware,” said Louise Sunshine": the
    parser may hang a word of the quotation on the cue as its subject, but the words of a
    quotation that closes before the cue are what is said, never who says it."""
    quote = quote_index(subject.doc).containing(subject.idx)
    return quote is not None and quote.closed and quote.end <= cue.idx


def _opens_relative_clause(subject: Token) -> bool:
    return (
        subject.lower_ in {"who", "which", "that"}
        and subject.tag_ in {"WP", "WDT"}
        and subject.head.dep_ == "relcl"
    )


def _is_infinitive_of_purpose(cue: Token) -> bool:
    return cue.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)


def _inherited_source(doc: Doc, cue: Token) -> NounPhrase | None:
    """The subject a conjoined or participial cue shares with the verb it hangs from."""
    head = cue
    for _ in range(6):
        if head.dep_ not in _INHERITING_DEPS or head.head is head:
            return None
        if head.dep_ == "prep":
            verb = head.head
            if verb.pos_ not in {"VERB", "AUX"}:
                return None  # "his talks about endorsing": a noun's preposition
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < head.i]
            if objects and verb.lemma_.lower() in JUDGING_VERBS:
                # "criticized Rubio for opposing": the object does the opposing (but in
                # "ended the interview by saying" the subject does the saying).
                return np_from_head(objects[0], limit_end=head.i)
        head = head.head
        subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
        if subjects and subjects[0].lower_ != "it":
            subject = subjects[0]
            return np_from_head(subject, limit_end=head.i if subject.i < head.i else None)
    return None


# Verbs that judge their object for what it did: "criticized X for", "accused X of".
JUDGING_VERBS = OBJECT_CUE_VERBS | frozenset(PREP_CUE_VERBS) | PASSIVE_AS_VERBS | {"thank"}
# How a participle hangs from the verb whose subject it shares: "began by slamming",
# "said, before clarifying", "distanced himself by saying" climb through the preposition.
_INHERITING_DEPS = frozenset({"conj", "advcl", "xcomp", "acl", "pcomp", "prep"})


def _surface_source_left(doc: Doc, cue: Token, sent: Span) -> NounPhrase | None:
    i = skip_left(doc, cue.i - 1, sent.start)
    if i >= sent.start and doc[i].lower_ in {"not", "n't", "never"}:
        i = skip_left(doc, i - 1, sent.start)  # "but did not suggest": not a noun phrase
    if i < sent.start or (doc[i].lower_ == "to" and doc[i].pos_ == "PART"):
        # "a platform to express": an infinitive's subject is not the noun before it.
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


# --- passives: "it was claimed that", "X is expected to" ---------------------------------


def passive_frame(doc: Doc, cue: Token, quotes: QuoteIndex) -> Candidate | None:
    lemma = cue.lemma_.lower()
    if lemma not in PASSIVE_CUE_VERBS | PASSIVE_AS_VERBS | ADDRESSEE_PASSIVES:
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
    addressed = lemma in ADDRESSEE_PASSIVES
    if clause is not None and (subject is None or subject.lower_ == "it" or addressed):
        piece = finish_content(view_of(doc), clause.left_edge.idx, _right_char(clause))
        pieces = [piece] if piece else []
    elif infinitive is not None and subject is not None and subject.lower_ != "it":
        subject_span = finish_content(view_of(doc), subject.left_edge.idx, _right_char(subject))
        verb_span = finish_content(view_of(doc), infinitive.left_edge.idx, _right_char(infinitive))
        pieces = [p for p in (subject_span, verb_span) if p]
    elif lemma in PASSIVE_AS_VERBS and subject is not None and subject.lower_ != "it":
        pieces = _passive_as(doc, cue, subject)
    if not pieces and source is not None and subject is not None and subject.lower_ != "it":
        # "O'Malley's move was first reported by MSNBC": what the agent reported.
        piece = finish_content(view_of(doc), subject.left_edge.idx, _right_char(subject))
        pieces = [piece] if piece else []
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


_HEADLINE_PREPOSITIONS = frozenset({"of", "for", "over", "to", "after", "as", "on", "by"})


def _headline_passive(doc: Doc, cue: Token) -> bool:
    """ "Meadows accused of timing retirement", "PM urged to quit": a verb that needs an
    object, with none, right after a noun and before a preposition or an infinitive —
    headline grammar's passive without its auxiliary (the parser reads it as active)."""
    if cue.tag_ not in {"VBN", "VBD"} or cue.lemma_.lower() not in OBJECT_REQUIRED_VERBS:
        return False
    if cue.i + 1 >= len(doc) or doc[cue.i + 1].lower_ not in _HEADLINE_PREPOSITIONS:
        return False
    if any(c.dep_ in {"dobj", "dative", "ccomp"} for c in cue.children):
        return False
    return cue.i > 0 and doc[cue.i - 1].pos_ in {"NOUN", "PROPN", "PRON"}


def headline_passive_frame(doc: Doc, cue: Token, quotes: QuoteIndex) -> Candidate | None:
    """The patient before the participle and what it is accused of, urged to do or
    criticised for; the source is the "by" agent, if the headline names one."""
    line_start = text_of(doc).rfind("\n", 0, cue.idx) + 1
    floor = doc.char_span(line_start, cue.idx, alignment_mode="expand")
    run = np_run_before(doc, cue.i, floor.start if floor is not None else cue.sent.start)
    if run is None:
        return None
    patient = finish_content(view_of(doc), doc[run[0]].idx, _char_end(doc, run[1]))
    line_end = _line_end(text_of(doc), cue.idx)
    rest_start = cue.i + 1
    source = None
    if doc[rest_start].lower_ == "by":
        agent = np_run_after(doc, rest_start + 1, len(doc))
        if agent is None:
            return None
        source = NounPhrase(start=agent[0], end=agent[1], head=head_of(doc, *agent).i)
        rest_start = agent[1]
        if rest_start >= len(doc) or doc[rest_start].lower_ not in _HEADLINE_PREPOSITIONS:
            return None
    end = min(line_end, cue.sent.end_char, content_end(doc, rest_start, cue.sent, quotes))
    complement = finish_content(view_of(doc), doc[rest_start].idx, max(end, doc[rest_start].idx))
    if patient is None or complement is None:
        return None
    return Candidate(
        cue=cue_range(cue),
        lemma=cue_lemma(cue),
        category=CueCategory.SPEECH,
        source=source,
        content=[patient, complement],
        rule="headline-passive",
    )


def _passive_as(doc: Doc, cue: Token, subject: Token) -> list[tuple[int, int]]:
    """ "Trump is seen as a risk", "X was criticized for Y": subject and complement."""
    complements = [
        c
        for c in cue.children
        if c.i > cue.i
        and (
            (c.dep_ == "prep" and c.lower_ in _judging_prepositions(cue))
            or c.dep_ in {"oprd", "attr", "acomp"}
        )
    ]
    if not complements:
        return []
    subject_span = finish_content(view_of(doc), subject.left_edge.idx, _right_char(subject))
    last = complements[-1]
    complement = finish_content(view_of(doc), complements[0].idx, _right_char(last))
    return [p for p in (subject_span, complement) if p] if subject_span and complement else []


def _judging_prepositions(cue: Token) -> frozenset[str]:
    return PASSIVE_AS_PREPOSITIONS.get(cue.lemma_.lower(), DEFAULT_PASSIVE_AS)


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
    if left[1] > left[0] and (has_verb(doc, *left) or parenthetical):
        piece = finish_content(view_of(doc), doc[left[0]].idx, _char_end(doc, left[1]))
        if piece:
            pieces.append(piece)
    if right[1] > right[0] and (
        has_verb(doc, *right) or quotes.any_in(doc[right[0]].idx, _char_end(doc, right[1]))
    ):
        end = content_end(doc, right[0], sent, quotes)
        piece = finish_content(view_of(doc), doc[right[0]].idx, end)
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
    leads_line = _leads_line(doc, speaker)
    if not leads_line and not any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in speaker):
        return None
    label = _speaker_label(speaker) if leads_line else _STRONG
    if label is None:
        return None  # "Zimbabwe coup: army takes control": a topic, not a speaker
    start = colon.i + 1
    while start < sent.end and doc[start].is_space:
        start += 1
    if start >= sent.end:
        return None
    if label is _WEAK and _reports_itself(doc, start, sent.end):
        return None  # "Brexit: May says the deal is dead": the report is after the colon
    # A headline "Poll: ..." or a transcript line "SMITH: ..." speaks to the end of its line.
    end_char = _line_end(text_of(doc), colon.idx) if leads_line else sent.end_char
    quote = quotes.starting_at(doc[start].idx)
    if quote is not None:
        pieces = [quotes.inner(quote), *quotes.continuations(quote)]
    else:
        headline = leads_line and label is _STRONG
        if not headline and not has_verb(doc, start, sent.end):
            return None  # a headline's words after "Trump:" may have no verb tagged
        piece = finish_content(view_of(doc), doc[start].idx, end_char)
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


def _leads_line(doc: Doc, speaker: Span) -> bool:
    """A short capitalised name opening its line: "Poll:", "JOEL BENENSON:", "Q:"."""
    line_start = text_of(doc).rfind("\n", 0, speaker.start_char) + 1
    if text_of(doc)[line_start : speaker.start_char].strip() or len(speaker) > 5:
        return False
    return speaker[0].text[:1].isupper() and not any(t.pos_ in {"VERB", "AUX"} for t in speaker)


_LABEL_NOUNS = ROLE_NOUNS | ANONYMOUS_HEADS | EVIDENCE_NOUNS | CARRIER_NOUNS | GROUP_HEADS


_STRONG, _WEAK = "speaker", "maybe a speaker"


def _speaker_label(speaker: Span) -> str | None:
    """Whether a label before a colon names who speaks — surely for a person, an
    organisation, a role, a poll or a document ("Clinton camp:", "JOEL BENENSON:",
    "Minister:", "Poll:"), maybe for another name ("Trump:" tagged as a noun) — or a topic
    ("Zimbabwe coup:", "Live updates:")."""
    if any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in speaker):
        return _STRONG
    head = speaker[-1]
    if head.lower_ in EDITORIAL_LABELS or head.lemma_.lower() in EDITORIAL_LABELS:
        return None  # "Correction: An earlier version ...", "Editor's note:": the newsroom's
    if head.lemma_.lower() in _LABEL_NOUNS or head.lower_ in _LABEL_NOUNS:
        return _STRONG
    words = [t.text for t in speaker if t.is_alpha]
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return _STRONG  # "SMITH:" in a transcript
    if any(t.ent_type_ in _PLACE_ENTS for t in speaker) or not head.text[:1].isupper():
        return None
    return _WEAK if head.pos_ in {"PROPN", "NOUN"} else None


_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "EVENT", "DATE", "TIME", "LAW"})


def _reports_itself(doc: Doc, start: int, end: int) -> bool:
    """Whether the words after a colon hold a report with its own subject."""
    return any(
        token_category(t) is CueCategory.SPEECH
        and t.pos_ in {"VERB", "AUX"}
        and any(c.dep_ in SUBJECT_DEPS for c in t.children)
        for t in doc[start:end]
    )


def _line_end(text: str, char: int) -> int:
    end = text.find("\n", char)
    return len(text.rstrip()) if end < 0 else end


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
    "cue_category",
    "find_source",
    "passive_frame",
    "verb_frame",
]
