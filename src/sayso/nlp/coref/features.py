"""What the mention ranker knows about a (mention, candidate entity) pair.

Each feature is a name and a value; the ranker has one weight per name and kind of
mention, so "the candidate was the subject of the last sentence" can matter for "he" and
not for "the newspaper". The features are the classic ones of mention-ranking
coreference (Durrett & Klein 2013, Lee et al. 2017 before the encoder): distance in
sentences and paragraphs, recency rank, salience, grammatical role and parallelism,
gender and number agreement, entity type; and three of news: who spoke last, who is
speaking the quotation the mention stands in, and whether a description fits what the
article has said of the entity (its roles, its kind of organisation).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sayso.nlp.coref.context import DocContext
from sayso.nlp.coref.lexicon import (
    CAMPAIGN_NAME_HINTS,
    COMPANY_NAME_HINTS,
    COMPANY_NOUNS,
    GOVERNMENT_NAME_HINTS,
    GOVERNMENT_NOUNS,
    MEDIA_NAME_HINTS,
    MEDIA_NOUNS,
    PARTY_MEMBER_NOUNS,
    PARTY_NAME_HINTS,
)
from sayso.nlp.coref.referring import Referring
from sayso.nlp.drafts import EntityDraft
from sayso.nlp.lexicon import GENERIC_LEADER_NOUNS, LEADER_TITLES

Features = dict[str, float]
PLACE_TYPES = frozenset({"COUNTRY", "GPE", "LOC"})


def kind_group(mention: Referring) -> str:
    """The weight set a mention is scored with."""
    return mention.kind


@dataclass(slots=True)
class Situation:
    """What holds for one mention whatever the candidate: computed once per mention."""

    last_speaker: EntityDraft | None  # the source of the latest attribution before it
    quote_speaker: EntityDraft | None  # who speaks the quotation it stands in
    in_quote: bool
    most_mentioned: EntityDraft | None
    first_entity: EntityDraft | None
    clause_subject: EntityDraft | None  # the subject of the clause governing it, named before
    main_subject: EntityDraft | None  # the subject of its sentence's main clause
    previous_subject: EntityDraft | None  # the subject of the sentence before
    subject_after: EntityDraft | None = None  # its sentence's subject, named after it
    subject_token: int = -1  # that subject's token
    own_content: tuple[tuple[int, int], ...] = ()  # characters of what the mention says
    co_subject: EntityDraft | None = None  # the subject of the verb it is the object of


def null_features(mention: Referring, situation: Situation, nearest: int) -> Features:
    """The features of leaving the mention unresolved: ``nearest`` is the distance in
    sentences to the closest candidate (99 with none)."""
    features: Features = {"null": 1.0}
    if situation.in_quote:
        features["null:in_quote"] = 1.0
    if nearest >= 3:
        features["null:far"] = 1.0
    if mention.role == "subj":
        features["null:subj"] = 1.0
    if mention.possessor is not None:
        features["null:possessed"] = 1.0
    if mention.modifiers:
        features["null:modified"] = 1.0
    return features


def pair_features(
    mention: Referring,
    entity: EntityDraft,
    rank: int,
    situation: Situation,
    context: DocContext,
) -> Features:
    head = mention.head
    last = entity.last_token
    features: Features = {"bias": 1.0}
    if entity is situation.subject_after:
        features["cataphor"] = 1.0
        if not 0 <= last < head:
            last = situation.subject_token  # measured from the mention to come
    sentences = context.sent[head] - context.sent[last]
    paragraphs = context.para[head] - context.para[last]
    features[_bucket("sent", sentences, (0, 1, 2, 4))] = 1.0
    features[_bucket("para", paragraphs, (0, 1, 2))] = 1.0
    features[_bucket("rank", rank, (0, 1, 2, 3))] = 1.0
    features["log_tokens"] = math.log1p(max(0, head - last)) / 5.0
    features["log_count"] = math.log1p(entity.count)
    features["type:" + _type(entity)] = 1.0
    features["c_role:" + (entity.last_role or "other")] = 1.0
    if entity.last_role == mention.role:
        features["parallel"] = 1.0
        features["parallel:" + mention.role] = 1.0
    if entity is situation.most_mentioned:
        features["most_mentioned"] = 1.0
    if entity is situation.first_entity:
        features["first_entity"] = 1.0
    if entity is situation.last_speaker:
        features["last_speaker"] = 1.0
        features["last_speaker:" + mention.role] = 1.0
    if entity.spoke_at >= 0 and context.para[head] - context.para[entity.spoke_at] <= 1:
        features["spoke_recently"] = 1.0
    if situation.quote_speaker is not None:
        key = "quote_speaker" if entity is situation.quote_speaker else "quote_other"
        features[key] = 1.0
    if entity is situation.clause_subject:
        features["clause_subject:" + mention.role] = 1.0
    if entity is situation.co_subject:
        # "Marlene informs her that …": a pronoun that is its verb's object is not that
        # verb's subject (a reflexive would be); binding theory's principle B.
        features["co_subject"] = 1.0
    if entity is situation.main_subject:
        features["main_subject:" + mention.role] = 1.0
    if context.sent[last] == context.sent[head]:
        features["same_sentence:" + mention.role] = 1.0
    if situation.own_content and 0 <= last < head:
        at = context.idx[last]
        if any(start <= at < end for start, end in situation.own_content):
            # "… vote for Hillary, but it's not enough," she said: one named in the words a
            # speaker says is seldom that speaker
            features["named_in_own_words"] = 1.0
    if entity is situation.previous_subject:
        features["previous_subject"] = 1.0
        if context.sent[head] != context.sent[last]:
            features["previous_subject:new_sentence"] = 1.0
    if mention.kind == "he":
        _gender(features, mention, entity)
    elif mention.kind in {"person", "org"}:
        _description(features, mention, entity)
    return features


def _bucket(name: str, value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"{name}:{edge}"
    return f"{name}:>{edges[-1]}"


def _type(entity: EntityDraft) -> str:
    if entity.type in PLACE_TYPES:
        return "PLACE"
    return entity.type if entity.type in {"PERSON", "ORG", "GROUP", "NORP"} else "OTHER"


def _gender(features: Features, mention: Referring, entity: EntityDraft) -> None:
    if entity.name_gender is not None:
        source = "name" if entity.name_gender_sure else "guess"
        agree = entity.name_gender == mention.gender
        features[f"gender:{source}_{'agree' if agree else 'clash'}"] = 1.0
        return
    gender = entity.gender
    if gender is None:
        features["gender:unknown"] = 1.0
    elif gender == mention.gender:
        features["gender:pronouns_agree"] = 1.0
    else:
        features["gender:pronouns_clash"] = 1.0


def _description(features: Features, mention: Referring, entity: EntityDraft) -> None:
    noun = mention.noun
    roles = entity.role_words()
    name_words = {w.lower().strip(".,’'") for w in entity.name.replace("’s", "").split()}
    if noun in roles:
        features["desc:role"] = 1.0
    elif noun in GENERIC_LEADER_NOUNS and roles & LEADER_TITLES:
        features["desc:leader"] = 1.0
    if noun in name_words:
        features["desc:in_name"] = 1.0
    if noun in PARTY_MEMBER_NOUNS and noun in roles | {r.rstrip("s") for r in roles}:
        features["desc:party"] = 1.0
    modifiers = [m for m in mention.modifiers if m.isalpha() or "-" in m]
    if modifiers:
        context_words = roles | name_words | {a.lower() for a in entity.affiliations}
        if any(m in context_words for m in modifiers):
            features["desc:modifier"] = 1.0
        else:
            features["desc:modifier_unseen"] = 1.0
    if mention.gender is not None:
        _gender(features, mention, entity)
    if mention.kind == "org":
        if noun in MEDIA_NOUNS:
            features["org:media"] = float(bool(name_words & MEDIA_NAME_HINTS))
        if noun in COMPANY_NOUNS:
            features["org:company"] = float(bool(name_words & COMPANY_NAME_HINTS))
        if noun in GOVERNMENT_NOUNS:
            government = bool(name_words & GOVERNMENT_NAME_HINTS) or entity.type == "COUNTRY"
            features["org:government"] = float(government)
        if noun == "campaign":
            features["org:campaign"] = float(bool(name_words & CAMPAIGN_NAME_HINTS))
        if noun == "party":
            features["org:party"] = float(bool(name_words & PARTY_NAME_HINTS))
