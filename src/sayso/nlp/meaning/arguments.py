"""Participants of an event read off the dependency parse: actors, recipients, location,
quantity and condition.

The actor is the subject (the agent of a passive), found by climbing from an infinitive
to the verb that controls it ("France wants to create": France; "urged Iran to release":
Iran), from a conjunct to its first conjunct, from a relative clause to the noun it
modifies. Recipients come from the object when it is a party, from the prepositions each
category takes ("aid to", "talks with", "sanctions on", "attack on"), from the owner of
the theme ("rejected Iran's proposal") and from a theme's members ("a coalition which
could include Poland and the Baltic states").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sayso.canon.entities import MentionIndex
from sayso.canon.gazetteer import gazetteer
from sayso.model import Entity, EventArgument, TextSpan
from sayso.nlp.meaning.event_lexicon import SECTORS

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Verbs whose object, not subject, does what the infinitive says ("urged Iran to release").
OBJECT_CONTROL = frozenset(
    "urge ask call order press persuade force allow invite help encourage tell instruct "
    "require permit enable authorize authorise".split()
)
RECIPIENT_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "AID": ("to", "for"),
    "CONSULT": ("with",),
    "COOPERATE": ("with",),
    "AGREE": ("with", "to"),
    "SUPPORT": ("for", "of"),
    "SANCTION": ("on", "against", "from"),
    "ASSAULT": ("on", "against", "at"),
    "THREATEN": ("against", "with"),
    "ACCUSE": ("against", "of"),
    "REQUEST": ("from", "on", "of"),
    "REJECT": ("from",),
    "MOBILIZE": ("to", "against", "toward", "towards"),
    "COERCE": ("on", "against", "from"),
    "ANY": ("with", "to", "against", "on", "from"),
    "PROTEST": ("against", "outside"),
    "RETREAT": ("to",),
    "CONCEDE": ("to", "for"),
}
# Verbs whose direct object is the party acted upon, not a theme sent or given.
PARTY_OBJECT_TYPES = frozenset(
    "ASSAULT ACCUSE CONSULT SUPPORT REQUEST THREATEN COERCE AID SANCTION REJECT".split()
)
# Categories whose object is their target whatever it is ("shelled Juba", "outlawed the
# largest extremist organization").
TARGET_OBJECT_TYPES = frozenset({"ASSAULT", "COERCE"})
# Categories whose theme belongs to the actor: "Kiev's units to be sent" are Kiev's own.
OWNER_IS_ACTOR = frozenset({"MOBILIZE", "RETREAT", "AID", "ASSAULT"})
LOCATIVE_PREPOSITIONS = frozenset(
    "in at near outside inside across along within throughout around".split()
)
LOCATION_NOUNS = frozenset(
    """
    region regions border area zone front line lines city town village province territory
    district capital country base camp street square coast sea island airport port
    """.split()
)
_PLACE_TYPES = frozenset({"COUNTRY", "GPE", "LOC", "FAC"})
_PARTY_TYPES = frozenset({"PERSON", "ORG", "COUNTRY", "GPE", "GROUP", "ANONYMOUS", "NORP"})
_TRIM_DEPS = frozenset({"appos", "relcl", "advcl", "parataxis", "conj", "cc"})


def phrase(token: Token) -> Span:
    """The noun phrase headed by ``token``, without appositions, relative clauses and
    trailing punctuation."""
    doc = token.doc
    kept = [token]
    stack = [c for c in token.children if c.dep_ not in _TRIM_DEPS]
    while stack:
        child = stack.pop()
        if child.dep_ in {"appos", "relcl"}:
            continue
        kept.append(child)
        stack.extend(child.children)
    indices = {t.i for t in kept}
    start = token.i
    while start - 1 in indices:
        start -= 1
    end = token.i + 1
    while end in indices:
        end += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def actor_heads(predicate: Token) -> list[Token]:
    """Heads of the actor phrases of a verbal predicate (conjoined actors included)."""
    node = predicate
    came_from = ""
    for _ in range(6):
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            return _with_conjuncts(pobj) if pobj is not None else []
        subject = next((c for c in node.children if c.dep_ in {"nsubj", "csubj"}), None)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                return _with_conjuncts(node.head)
            return _with_conjuncts(subject)
        patient = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
        if patient is not None:
            # "soldiers being sent to aid Kiev": the purpose is the soldiers'.
            return _with_conjuncts(patient) if came_from == "advcl" else []
        following = _controller(node)
        if following is None:
            return []
        if isinstance(following, list):
            return following
        came_from = node.dep_
        node = following
    return []


def _controller(node: Token) -> Token | list[Token] | None:
    """Where the subject of ``node`` is to be found: the verb above, or its object."""
    head = node.head
    if head.i == node.i:
        return None
    if node.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
        objects = [c for c in head.children if c.dep_ in {"dobj", "dative"}]
        if objects:
            return _with_conjuncts(objects[0])
    if node.dep_ in {"xcomp", "conj", "acomp", "oprd"}:
        return head
    if node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return head
    if node.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"}:
        above = head.head
        if head.lemma_.lower() == "order" and above.lower_ == "in":
            return above.head
        if head.dep_ in {"dobj", "attr", "nsubj"} and head.lemma_.lower() in _GOVERNING_NOUNS:
            return above
        if node.tag_ == "VBG" and head.dep_ == "dobj" and above.pos_ == "VERB":
            return above  # "issued a declaration demanding ...": the issuer demands
    if node.dep_ == "pcomp" and head.head.lemma_.lower() in _GOVERNING_NOUNS:
        return None
    return None


_GOVERNING_NOUNS = frozenset(
    "plan plans intention intent desire wish aim goal bid attempt effort readiness "
    "willingness decision proposal right need".split()
)


def _with_conjuncts(token: Token) -> list[Token]:
    """ "Poland and the Baltic states": both. A comma alone is no coordination: the parser
    often makes the speaker of "X, Goncharenko wrote" a conjunct of X."""
    found = [token]
    for child in token.children:
        if child.dep_ != "conj" or child.pos_ not in {"PROPN", "NOUN", "PRON"}:
            continue
        between = token.doc[min(token.i, child.i) : max(token.i, child.i)]
        if any(t.dep_ == "cc" for t in between):
            found.extend(_with_conjuncts(child))
    return found


def nominal_actors(noun: Token) -> list[Token]:
    """ "Russia's attack", "an outright NATO deployment", "criticism from X", "attack by
    rebels"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return [child]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _with_conjuncts(pobj)
    for child in noun.children:
        if child.dep_ in {"compound", "amod"} and (
            child.pos_ == "PROPN" or child.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}
        ):
            return [child]
    return []


def recipient_heads(
    predicate: Token, category: str, theme: Token | None, index: MentionIndex
) -> list[Token]:
    found: list[Token] = []
    passive = any(c.dep_ == "agent" or c.dep_ == "auxpass" for c in predicate.children)
    for child in predicate.children:
        if child.dep_ in {"dative", "iobj"}:
            found.extend(_with_conjuncts(_pobj(child) or child))
        if category not in PARTY_OBJECT_TYPES:
            continue
        if child.dep_ == "dobj" and (category in TARGET_OBJECT_TYPES or is_party(child, index)):
            found.extend(_with_conjuncts(child))
        if child.dep_ == "nsubjpass" and (passive or is_party(child, index)):
            found.extend(_with_conjuncts(child))
    preps = RECIPIENT_PREPOSITIONS.get(category, ())
    holders = [predicate] if theme is None else [predicate, theme]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                pobj = _pobj(child)
                if pobj is not None and not _is_location_noun(pobj) and not _is_time(pobj):
                    found.extend(_with_conjuncts(pobj))
    if theme is not None and category not in OWNER_IS_ACTOR:
        found += theme_owners(theme)
    if theme is not None:
        for child in theme.children:
            if child.dep_ == "relcl" and child.lemma_.lower() in {"include", "comprise"}:
                for member in (c for c in child.children if c.dep_ == "dobj"):
                    found.extend(_with_conjuncts(member))
    return [t for t in found if t.lower_ not in RELATIVE_PRONOUNS]


def theme_owners(theme: Token) -> list[Token]:
    """Whose the theme is: "Iran's proposal", "an Indian proposal", "a US offer", "calls
    by Belarus's rulers", "inspectors of the IAEA"."""
    owners: list[Token] = []
    for child in theme.children:
        if child.dep_ == "poss" or (
            child.dep_ in {"amod", "compound"}
            and (child.ent_type_ in {"NORP", "GPE", "ORG"} or child.pos_ == "PROPN")
        ):
            owners.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"by", "of", "from"}:
            pobj = _pobj(child)
            if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_):
                owners.append(pobj)
    return owners


def governed_recipients(predicate: Token, category: str, index: MentionIndex) -> list[Token]:
    """ "threatened to break relations with Russia": the recipient of the threatened act."""
    for child in predicate.children:
        if child.dep_ in {"xcomp", "ccomp"} and child.pos_ in {"VERB", "AUX"}:
            found = recipient_heads(child, "ANY", None, index)
            found += [c for c in child.children if c.dep_ == "dobj" and is_party(c, index)]
            if found:
                return found
    return []


def location_head(predicate: Token, theme: Token | None, index: MentionIndex) -> Token | None:
    holders = [predicate] if theme is None else [predicate, theme]
    for holder in holders:
        for child in holder.children:
            if child.dep_ != "prep":
                continue
            pobj = _pobj(child)
            if pobj is None:
                continue
            if child.lower_ in LOCATIVE_PREPOSITIONS and _is_place(pobj, index):
                return pobj
            if child.lower_ in {"to", "into", "toward", "towards"} and _is_location_noun(pobj):
                return pobj
    return _later_location(predicate, index)


def _later_location(predicate: Token, index: MentionIndex) -> Token | None:
    """ "create “a joint base …” in Ukraine" often parses with "in Ukraine" attached to a
    conjunct: look for "in PLACE" after the predicate within its clause."""
    top = predicate
    while top.dep_ in {"xcomp", "conj"} and top.head.i != top.i:
        top = top.head
    for token in top.subtree:
        if token.i <= predicate.i or token.dep_ != "prep" or token.lower_ not in {"in", "at"}:
            continue
        pobj = _pobj(token)
        if pobj is not None and _is_place(pobj, index):
            return pobj
    return None


def quantity_span(theme: Token | None) -> Span | None:
    """ "up to 2,000 troops", "thousands of soldiers": the counted part of the theme."""
    if theme is None:
        return None
    for token in theme.subtree:
        if token.dep_ == "nummod" and token.head.pos_ in {"NOUN", "PROPN"}:
            start = min([token.i, *[c.i for c in token.children if c.dep_ == "quantmod"]])
            return token.doc[start : token.head.i + 1]
    return None


def condition_span(predicate: Token) -> Span | None:
    """An "if"/"unless" clause, or the topic of "Commenting on X, ... warned"."""
    for child in predicate.children:
        if child.dep_ != "advcl":
            continue
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in child.children):
            return child.doc[child.left_edge.i : child.right_edge.i + 1]
        if child.tag_ == "VBG" and child.i < predicate.i:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in {"on", "about", "over"}:
                    pobj = _pobj(prep)
                    if pobj is not None:
                        return phrase(pobj)
    return None


def argument(
    doc: Doc, head: Token, index: MentionIndex, fallback: Entity | None = None
) -> EventArgument:
    """An :class:`EventArgument` for the phrase headed by ``head``."""
    span = phrase(head) if head.pos_ not in {"PRON"} else head.doc[head.i : head.i + 1]
    entity = index.at(head.idx, head.idx + len(head.text)) or fallback
    code = _code(entity, span)
    return EventArgument(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        entity=entity.name if entity else None,
        entity_id=entity.id if entity else None,
        code=code,
        sector=_sector(head, entity),
    )


def is_party(token: Token, index: MentionIndex) -> bool:
    entity = index.at(token.idx, token.idx + len(token.text))
    if entity is not None:
        return entity.type in _PARTY_TYPES
    return token.pos_ in {"PROPN", "PRON"} or token.lemma_.lower() in SECTORS


def text_span(span: Span) -> TextSpan:
    return TextSpan(start=span.start_char, end=span.end_char, text=span.text)


def _code(entity: Entity | None, span: Span) -> str | None:
    if entity is not None:
        if entity.country:
            return entity.country
        if entity.canonical and entity.canonical.startswith("org:") and entity.type == "ORG":
            place = gazetteer().lookup(entity.name)
            if place is not None and place.kind == "org":
                return "IGO"
    head = span.root
    for token in [head, *head.children]:
        if token.i == head.i or token.dep_ in {"amod", "compound", "poss"}:
            code = gazetteer().country_of(token.text)
            if code is not None:
                return code
    return None


def _sector(head: Token, entity: Entity | None) -> str | None:
    sector = SECTORS.get(head.lemma_.lower())
    if sector is not None:
        return sector
    if entity is not None and entity.type == "PERSON":
        words = " ".join(entity.roles).lower().split()
        return next((SECTORS[w] for w in words if w in SECTORS), None)
    if entity is not None and entity.type == "COUNTRY":
        return "GOV"
    return None


def _pobj(preposition: Token) -> Token | None:
    return next((c for c in preposition.children if c.dep_ in {"pobj", "pcomp"}), None)


def _is_place(token: Token, index: MentionIndex) -> bool:
    entity = index.at(token.idx, token.idx + len(token.text))
    if entity is not None:
        return entity.type in _PLACE_TYPES
    return token.ent_type_ in {"GPE", "LOC", "FAC"} or _is_location_noun(token)


def _is_time(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL"}


def _is_location_noun(token: Token) -> bool:
    return token.lemma_.lower() in LOCATION_NOUNS and token.ent_type_ not in {"PERSON", "ORG"}
