"""Clause-level readings the event coder relies on: a predicate's theme and its class,
nouns that name events, warnings of harm, deontic reports and protest targets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from sayso.canon.entities import MentionIndex
from sayso.nlp.lexicon import SPEECH_VERBS
from sayso.nlp.meaning import arguments as args
from sayso.nlp.meaning.event_lexicon import Sense, predicates, theme_classes

# Words that make a warning a threat: what is warned of is harm.
HARM_WORDS = frozenset(
    """
    war attack retaliation retaliate consequence consequences response respond action
    sanction sanctions force strike confrontation escalation reprisal punishment punish
    measure measures crackdown invasion invade destroy destruction
    """.split()
)
# Categories whose announcement is a threat when vowed ("vowed to retaliate").
CONFLICT_TYPES = frozenset("ASSAULT COERCE SANCTION MOBILIZE THREATEN REJECT".split())
# A protest "lodged" or "filed" is a diplomatic protest: ACCUSE, not street PROTEST.
DIPLOMATIC_VERBS = frozenset({"lodge", "file", "deliver", "issue"})
# "joint exercises", "a common base": cooperation whatever the noun.
_JOINT = frozenset({"joint", "common", "shared", "mutual"})


@dataclass(slots=True)
class Coded:
    """An event as first coded from one clause."""

    predicate: Token
    trigger: list[Token]
    sense: Sense
    theme: Token | None
    theme_class: str | None
    nominal: bool = False
    actors: list[Token] = field(default_factory=list)
    recipients: list[Token] | None = None  # set when the parse alone would not find them


def theme_of(verb: Token, key: str) -> Token | None:
    """What the verb acts on: its object, the subject of its passive, or the object of
    the preposition of "take part in", "participate in", "call for"."""
    children = list(verb.children)
    if " " in key:
        word = key.split(" ", 1)[1]
        for child in children:
            if child.dep_ == "prep" and child.lower_ == word:
                return args._pobj(child)
        for child in children:
            if child.dep_ == "prep" and child.lower_ in {"in", "into", "on", "for"}:
                return args._pobj(child)
    for child in children:
        if child.dep_ == "dobj":
            return child
    for child in children:
        if child.dep_ == "nsubjpass":
            return child
    head = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and head.pos_ in {"NOUN", "PROPN"}:
        return head  # "the military stationed there": the noun is what is stationed
    if verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in children):
        return next((c for c in head.children if c.dep_ == "dobj"), None)  # "units to be sent"
    for child in children:
        if child.dep_ == "prep" and child.lower_ in {"for", "in", "on", "of", "to"}:
            pobj = args._pobj(child)
            if pobj is not None and pobj.lemma_.lower() in theme_classes():
                return pobj
    return None


def classify_theme(theme: Token | None, wanted: dict[str, Sense]) -> str | None:
    if theme is None:
        return None
    words = [theme, *[c for c in theme.children if c.dep_ in {"compound", "amod"}]]
    for child in theme.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = args._pobj(child)
            if pobj is not None:
                words.append(pobj)
    classes: list[str] = []
    if any(w.lower_ in _JOINT for w in words):
        classes.append("coalition")
    for word in words:
        classes += theme_classes().get(word.lemma_.lower(), [])
        classes += theme_classes().get(word.lower_, [])
    return next((c for c in classes if c in wanted), classes[0] if classes else None)


def noun_sense(noun: Token, sense: Sense) -> Sense:
    """ "air strike" is an assault, "general strike" a protest; "joint exercises"."""
    modifiers = {c.lower_ for c in noun.children if c.dep_ in {"compound", "amod"}}
    if noun.lemma_.lower() == "strike" and modifiers & {"air", "missile", "drone", "military"}:
        return Sense("ASSAULT", "aerial")
    return sense


def warns_of_harm(verb: Token) -> bool:
    return any(t.lemma_.lower() in HARM_WORDS for t in verb.subtree if t.i != verb.i)


def governs_conflict(verb: Token) -> bool:
    lexicon = predicates()
    for child in verb.children:
        if child.dep_ != "xcomp":
            continue
        entry = lexicon.get(child.lemma_.lower())
        if child.lemma_.lower() in {"retaliate", "avenge", "punish", "crush", "fight"}:
            return True
        if entry is not None and entry.default is not None:
            return entry.default.type in CONFLICT_TYPES
    return False


def is_official(subject: Token) -> bool:
    return subject.pos_ == "PROPN" or subject.lemma_.lower() in {
        "government", "ministry", "minister", "embassy", "official", "president", "state",
    }  # fmt: skip


def conditional(predicate: Token) -> bool:
    return any(t.lower_ in {"would", "if", "unless"} for t in predicate.subtree)


def attached_verb(noun: Token) -> Token | None:
    """The verb a noun hangs from through a preposition: "converging for a rally"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        return head.head
    return None


def deontic_request(verb: Token) -> Coded | None:
    """ "Straw said the government must reach an agreement": a speaker saying another
    party must or should act is making a demand (CAMEO's reading of such reports)."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    modal = next(
        (c for c in verb.children if c.dep_ == "aux" and c.lower_ in {"must", "should"}), None
    )
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if modal is None or subject is None:
        return None
    speech = verb.head
    return Coded(speech, [speech, modal], Sense("REQUEST"), None, None, recipients=[subject])


def protest_targets(predicate: Token, category: str, index: MentionIndex) -> list[Token]:
    """ "began a hunger strike to protest against Sweden's decision": what is protested."""
    if category != "PROTEST":
        return []
    for clause in predicate.subtree:
        if clause.lemma_.lower() != "protest" or clause.i == predicate.i:
            continue
        for child in clause.children:
            if child.dep_ == "dobj":
                return [*args.theme_owners(child), child]
            if child.dep_ == "prep" and child.lower_ in {"against", "at", "over"}:
                pobj = args._pobj(child)
                if pobj is not None:
                    return [*args.theme_owners(pobj), pobj]
    return []


def infinitival(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
