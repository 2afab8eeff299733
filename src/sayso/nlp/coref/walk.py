"""Read an article in order and resolve each pronoun and description as it comes.

Named mentions update what is known of their entity (how often and how recently it was
mentioned, in which grammatical role, whether it just spoke); each pronoun or definite
description is scored against the entities seen so far by the mention ranker and linked
to the best one when the ranker is confident enough, else left unresolved. Resolved
mentions count as mentions from then on, as a reader's would.

Training runs the same walk with a *teacher* that says which choices are right: the
features the model learns from are exactly the ones it will see.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from spacy.tokens import Doc, Token

from sayso.nlp.columns import positions_with_lower
from sayso.nlp.coref.context import DocContext
from sayso.nlp.coref.features import Features, Situation, kind_group, null_features, pair_features
from sayso.nlp.coref.gender import HONORIFIC_GENDER, name_gender, noun_gender
from sayso.nlp.coref.lexicon import (
    CAMPAIGN_NAME_HINTS,
    COMPANY_NAME_HINTS,
    COMPANY_NOUNS,
    GOVERNMENT_NAME_HINTS,
    GOVERNMENT_NOUNS,
    MEDIA_NAME_HINTS,
    MEDIA_NOUNS,
    PARTY_NAME_HINTS,
    UNION_NAME_HINTS,
    UNION_NOUNS,
)
from sayso.nlp.coref.ranker import MentionRanker
from sayso.nlp.coref.referring import Referring, find_referring, grammatical_role
from sayso.nlp.drafts import EntityDraft
from sayso.nlp.lexicon import (
    GENERIC_LEADER_NOUNS,
    LEADER_TITLES,
    ORG_NAME_WORDS,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from sayso.nlp.mentions import nationality_of

# Entity types each kind of mention can refer to.
_COMPATIBLE = {
    "he": frozenset({"PERSON"}),
    "they": frozenset({"ORG", "GROUP", "NORP", "COUNTRY", "ANONYMOUS"}),
    "it": frozenset({"ORG", "COUNTRY"}),
    "person": frozenset({"PERSON"}),
    "org": frozenset({"ORG", "COUNTRY", "GPE"}),
}
MAX_CANDIDATES = 8
# Nouns after "his"/"her" that stand for the person themself ("his office said").
_SELF_NOUNS = frozenset({"office", "spokesman", "spokeswoman", "spokesperson", "camp"})
_CAMPAIGN_NOUNS = frozenset({"campaign", "team", "staff"})

# (mention, candidates) -> indices of the right choices among [null, *candidates]; None
# when the teacher does not know.
Teacher = Callable[[Referring, list[EntityDraft]], set[int] | None]


@dataclass(slots=True)
class Example:
    """One mention as training data: its weight set, the feature rows of leaving it
    unresolved and of each candidate, and which rows are right."""

    group: str
    rows: list[Features]
    right: set[int]


@dataclass(slots=True)
class Choice:
    mention: Referring
    entity: EntityDraft | None
    probability: float


@dataclass
class CorefWalk:
    doc: Doc
    entities: list[EntityDraft]
    by_token: dict[int, EntityDraft]
    link: Callable[[EntityDraft, int, int], None]
    new_entity: Callable[[str, str], EntityDraft]
    source_heads: dict[int, list[tuple[int, int]]]  # source head token -> content ranges
    quotes: list[tuple[int, int]]
    ranker: MentionRanker = field(default_factory=MentionRanker)
    teacher: Teacher | None = None
    examples: list[Example] | None = None
    choices: list[Choice] = field(default_factory=list)
    confidence: dict[int, float] = field(default_factory=dict)

    def run(self) -> None:
        doc = self.doc
        self.context = DocContext.of(doc, self.quotes)
        self._by_recency: list[EntityDraft] = []
        self._last_speaker: EntityDraft | None = None
        runs = self._named_runs()
        referring = find_referring(
            doc, set(self.by_token), self.context.sent_starts, self.context.sent
        )
        events: list[tuple[int, int, object]] = [(head, 0, run) for head, run in runs.items()]
        events.extend((m.head, 1, m) for m in referring)
        events.extend((i, 2, antecedent) for i, antecedent in relative_pronouns(doc))
        events.sort(key=lambda e: (e[0], e[1]))
        for head, order, item in events:
            if order == 0:
                draft, start = cast("tuple[EntityDraft, int]", item)
                self._named(head, draft, start)
            elif order == 2:
                self._relative(head, cast("Token", item))
            else:
                assert isinstance(item, Referring)
                if head in self.by_token:
                    continue  # claimed meanwhile (a possessive's campaign entity)
                self._resolve(item)

    # -- named mentions -------------------------------------------------------------------

    def _named_runs(self) -> dict[int, tuple[EntityDraft, int]]:
        """Head token -> (entity, first token) of every named mention."""
        runs: dict[int, tuple[EntityDraft, int]] = {}
        tokens = sorted(self.by_token)
        position = 0
        while position < len(tokens):
            start = tokens[position]
            draft = self.by_token[start]
            end = start + 1
            position += 1
            while (
                position < len(tokens) and tokens[position] == end and self.by_token[end] is draft
            ):
                end += 1
                position += 1
            head = start
            for i in range(start, end):
                if not start <= self.doc[i].head.i < end or self.doc[i].head.i == i:
                    head = i
            runs[head] = (draft, start)
        return runs

    def _named(self, head: int, draft: EntityDraft, start: int) -> None:
        token = self.doc[head]
        if draft.count == 0:
            self._name_gender(draft)
        if start > 0:
            before = self.doc[start - 1].lower_
            _name_vote(draft, HONORIFIC_GENDER.get(before) or noun_gender(before), sure=True)
        self._seen(draft, token)

    @staticmethod
    def _name_gender(draft: EntityDraft) -> None:
        if draft.type != "PERSON":
            return
        for role in draft.roles:
            for word in role.split():
                _name_vote(draft, noun_gender(word), sure=True)
        words = [w for w in draft.name.split() if w.lower() not in TITLE_WORDS]
        if words:
            # A lone word may be a surname that is also a first name ("Kelly"): not sure.
            _name_vote(draft, name_gender(words[0]), sure=len(words) >= 2)

    @staticmethod
    def _vote(draft: EntityDraft, gender: str | None, weight: float) -> None:
        if gender == "m":
            draft.male += weight
        elif gender == "f":
            draft.female += weight

    def _seen(self, draft: EntityDraft, token: Token) -> None:
        draft.count += 1
        if draft.first_token < 0:
            draft.first_token = token.i
        draft.last_token = token.i
        draft.last_role = grammatical_role(token)
        if token.i in self.source_heads:
            draft.spoke_at = token.i
            self._last_speaker = draft

    def _relative(self, i: int, antecedent: Token) -> None:
        """ "Brian Bosworth, who was run over ...": "who" is a mention of its antecedent,
        resolved by the parse, so that a pronoun in its clause sees Bosworth as subject."""
        token = self.doc[i]
        if i in self.by_token:
            return
        entity = self.by_token.get(antecedent.i)
        if entity is None:
            return
        self.link(entity, i, i + 1)
        self.confidence[i] = self.confidence.get(antecedent.i, 0.95)
        self._seen(entity, token)

    # -- pronouns and descriptions --------------------------------------------------------

    def _resolve(self, mention: Referring) -> None:
        if mention.possessor is not None:
            self._possessed(mention)
            return
        candidates = self._candidates(mention)
        if not candidates:
            return
        if mention.kind == "org" and self.teacher is None:
            named = _named_by_head(mention, candidates)
            if named is not None:
                # "the fund" after "the International Monetary Fund": the only organisation
                # of the article whose name has that head noun
                self.choices.append(Choice(mention, named, 0.9))
                self._take(mention, named, 0.9)
                return
        if mention.kind == "org" and self.teacher is None:
            kind = _of_its_kind(mention, candidates, self.context)
            if kind is not None:
                # "the newspaper" after "The Washington Post", "the company" after
                # "Acme Corp.": the latest organisation of that kind, nearby
                self.choices.append(Choice(mention, kind, 0.75))
                self._take(mention, kind, 0.75)
                return
        if mention.kind == "person" and self.teacher is None:
            titled = _role_referent(mention, candidates)
            if titled is not None:
                # "the MP" after "a senior Ukrainian MP": the role the article gave the
                # person says it; no need to weigh the rest.
                self.choices.append(Choice(mention, titled, 0.8))
                self._take(mention, titled, 0.8)
                return
        situation = self._situation(mention, candidates)
        nearest = min(
            abs(self.context.sent[mention.head] - self.context.sent[max(c.last_token, 0)])
            for c in candidates
        )
        rows = [null_features(mention, situation, nearest)]
        rows.extend(
            pair_features(mention, c, rank, situation, self.context)
            for rank, c in enumerate(candidates)
        )
        group = kind_group(mention)
        right = self.teacher(mention, candidates) if self.teacher else None
        if self.examples is not None and right:
            self.examples.append(Example(group, rows, right))
        if right:
            index = min((i for i in right if i > 0), default=0)
            probability = 1.0
        else:
            probabilities = self.ranker.probabilities(group, rows)
            index = max(range(len(rows)), key=probabilities.__getitem__)
            probability = probabilities[index]
            if index > 0 and probability < self.ranker.threshold(group):
                index = 0
        entity = candidates[index - 1] if index > 0 else None
        self.choices.append(Choice(mention, entity, probability))
        if entity is not None:
            self._take(mention, entity, probability)

    def _take(self, mention: Referring, entity: EntityDraft, probability: float) -> None:
        self.link(entity, mention.start, mention.end)
        self.confidence[mention.head] = probability
        if mention.kind == "person" and entity.nationality is None:
            # "the French leader": what the description says of the person is kept
            entity.nationality = nationality_of(self.doc[mention.start : mention.end].text)
        if probability >= 0.7:
            self._vote(entity, mention.gender, 1.0)
        self._seen(entity, self.doc[mention.head])

    def _candidates(self, mention: Referring) -> list[EntityDraft]:
        compatible = _COMPATIBLE[mention.kind]
        personal = mention.kind in {"he", "person"}
        seen = [
            e
            for e in self.entities
            if 0 <= e.last_token < mention.start
            and (e.type in compatible or (personal and _maybe_person(e)))
            and e.latin
            and not (
                # "she" is never a man the article named in full or called "Mr."
                mention.gender is not None
                and e.name_gender_sure
                and e.name_gender != mention.gender
            )
        ]
        seen.sort(key=lambda e: e.last_token, reverse=True)
        kept = seen[:MAX_CANDIDATES]
        if len(seen) > MAX_CANDIDATES:
            salient = max(seen, key=lambda e: e.count)
            if salient not in kept:
                kept.append(salient)
        later = self._subject_after(mention)
        if later is not None and later not in kept and later.latin:
            kept.append(later)  # "In his youth, John Smith …": the subject after it
        return kept

    def _subject_after(self, mention: Referring) -> EntityDraft | None:
        """The person the pronoun's sentence has as its subject, named after the pronoun:
        a cataphor ("Before he left, Smith said …") can only mean that one."""
        if mention.kind != "he":
            return None
        subject = self.context.subjects[self.context.sent[mention.head]]
        if subject <= mention.head:
            return None
        entity = self.by_token.get(subject)
        return entity if entity is not None and entity.type == "PERSON" else None

    def _situation(self, mention: Referring, candidates: list[EntityDraft]) -> Situation:
        context = self.context
        head = self.doc[mention.head]
        char = context.idx[mention.head]
        quote = context.quote_at(char)
        quote_speaker = None
        if quote is not None:
            for source_head, content in self.source_heads.items():
                if any(s <= char < e for s, e in content):
                    quote_speaker = self.by_token.get(source_head)
                    if quote_speaker is not None:
                        break
        sentence = context.sent[mention.head]
        main = context.subjects[sentence]
        previous = context.subjects[sentence - 1] if sentence > 0 else -1
        return Situation(
            last_speaker=self._last_speaker,
            quote_speaker=quote_speaker,
            in_quote=quote is not None,
            most_mentioned=max(candidates, key=lambda e: e.count),
            first_entity=min(candidates, key=lambda e: e.first_token),
            clause_subject=governing_subject(head, mention.start, self.by_token),
            main_subject=self.by_token.get(main) if 0 <= main < mention.start else None,
            subject_after=self._subject_after(mention),
            subject_token=main,
            previous_subject=self.by_token.get(previous) if previous >= 0 else None,
            own_content=tuple(self.source_heads.get(mention.head, ())),
            co_subject=_co_subject(head, mention, self.by_token),
        )

    def _possessed(self, mention: Referring) -> None:
        """ "his office" is the person; "her campaign", "his team" the person's campaign."""
        assert mention.possessor is not None
        owner = self.by_token.get(mention.possessor)
        if owner is None or owner.type != "PERSON":
            return
        confidence = self.confidence.get(mention.possessor, 0.95)
        if mention.noun in _SELF_NOUNS:
            self._take(mention, owner, confidence)
        elif mention.noun in _CAMPAIGN_NOUNS:
            self._take(mention, self.campaign_of(owner), confidence)

    def campaign_of(self, person: EntityDraft) -> EntityDraft:
        surname = person.name.split()[-1]
        for draft in self.entities:
            words = draft.name.split()
            campaign = "campaign" in {w.lower() for w in words}
            if draft.type == "ORG" and campaign and surname in words:
                return draft
        draft = self.new_entity(f"{person.name} campaign", "ORG")
        draft.affiliations.append(person.name)
        return draft


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLIMB = frozenset({"advcl", "conj", "xcomp", "ccomp", "relcl", "acl", "prep", "pcomp", "pobj"})


def _subject_of(verb: Token, before: int, by_token: dict[int, EntityDraft]) -> EntityDraft | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS and child.i < before:
            return by_token.get(child.i)
    return None


def _co_subject(
    token: Token, mention: Referring, by_token: dict[int, EntityDraft]
) -> EntityDraft | None:
    """The subject of the verb a personal pronoun is the object of ("Marlene informs her")."""
    if mention.kind != "he" or token.dep_ not in {"dobj", "dative"}:
        return None
    return _subject_of(token.head, mention.start, by_token)


def governing_subject(
    token: Token, before: int, by_token: dict[int, EntityDraft]
) -> EntityDraft | None:
    """The named subject of the nearest clause above ``token`` that has one before it:
    "Wright would engage Mueller to build his buildings" -> Wright."""
    node = token.head
    for _ in range(8):
        found = _subject_of(node, before, by_token)
        if found is not None or node.head.i == node.i or node.dep_ not in _CLIMB | {"dobj"}:
            return found
        node = node.head
    return None


def relative_pronouns(doc: Doc) -> list[tuple[int, Token]]:
    """(position, antecedent) of each "who"/"which"/"that" opening a relative clause."""
    found = []
    for i in positions_with_lower(doc, ("who", "which", "that", "whom")):
        antecedent = relative_antecedent(doc[i])
        if antecedent is not None:
            found.append((i, antecedent))
    return found


def relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head its clause modifies; or, when the
    parser attached the clause elsewhere ("the Chicago Police Department which reported…"
    parsed as an adverbial clause of the sentence's verb), the noun just before "who" or
    "which" (a comma between). Not "that", which is as often "said that"."""
    if token.tag_ not in {"WP", "WDT"}:
        return None
    if token.head.dep_ == "relcl":
        return token.head.head
    if token.lower_ not in {"who", "which", "whom"} or token.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    start = token.sent.start
    before = token.i - 1
    if before > start and token.doc[before].text == ",":
        before -= 1
    if before <= start:
        return None
    noun = token.doc[before]
    return noun if noun.pos_ in {"NOUN", "PROPN"} else None


def _maybe_person(entity: EntityDraft) -> bool:
    """A name the tagger called an organisation or a place that may be a person's after
    all ("Cowan", "Danielle"): not a place or organisation the gazetteer knows, and no
    word of an organisation's name."""
    if entity.type not in {"ORG", "GPE", "LOC"} or entity.canonical is not None:
        return False
    words = entity.name.split()
    return (
        len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not any(w.lower() in ORG_NAME_WORDS for w in words)
    )


def _name_vote(draft: EntityDraft, gender: str | None, sure: bool) -> None:
    """Record the gender a name, honorific or role gives; a sure one overrides a guess."""
    if gender is None or (draft.name_gender_sure and not sure):
        return
    if draft.name_gender is None or sure:
        draft.name_gender = gender
        draft.name_gender_sure = sure


def _role_referent(mention: Referring, candidates: list[EntityDraft]) -> EntityDraft | None:
    """The latest person the article gave this role ("the MP"), or a matching high office
    for a generic one ("the French leader" after "President Macron")."""
    for person in candidates:
        if person.type != "PERSON":
            continue
        words = person.role_words()
        nationality = nationality_of(" ".join(mention.modifiers))
        if nationality and person.nationality and person.nationality != nationality:
            continue
        if mention.noun in words:
            return person
        generic = mention.noun in GENERIC_LEADER_NOUNS and words & (LEADER_TITLES | ROLE_NOUNS)
        if generic and (mention.noun != "leader" or words & LEADER_TITLES):
            return person
    return None


def _named_by_head(mention: Referring, candidates: list[EntityDraft]) -> EntityDraft | None:
    noun = mention.noun
    found = [
        c
        for c in candidates
        if c.type == "ORG" and noun in {w.lower().strip(".,") for w in c.name.split()}
    ]
    return found[0] if len({id(c) for c in found}) == 1 else None


_KINDS = (
    (MEDIA_NOUNS, MEDIA_NAME_HINTS),
    (COMPANY_NOUNS, COMPANY_NAME_HINTS),
    (GOVERNMENT_NOUNS, GOVERNMENT_NAME_HINTS),
    (frozenset({"party"}), PARTY_NAME_HINTS),
    (frozenset({"campaign"}), CAMPAIGN_NAME_HINTS),
    (UNION_NOUNS, UNION_NAME_HINTS),
)


def _of_its_kind(
    mention: Referring, candidates: list[EntityDraft], context: DocContext
) -> EntityDraft | None:
    """The latest organisation, within three paragraphs, whose name says it is of the kind
    the noun names."""
    for nouns, hints in _KINDS:
        if mention.noun not in nouns:
            continue
        for candidate in candidates:
            if context.para[mention.head] - context.para[candidate.last_token] > 3:
                break
            words = {w.lower().strip(".,’'") for w in candidate.name.split()}
            if candidate.type == "ORG" and words & hints:
                return candidate
            places = {"COUNTRY", "GPE"} if mention.noun == "state" else {"COUNTRY"}
            governing = mention.noun in {"government", "administration", "state"}
            if candidate.type in places and governing:
                return candidate
    return None
