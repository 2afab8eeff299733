"""Who is who within one article: entities, their roles, and what each source refers to.

Resolution is deliberately conservative. A short name joins the full name it shortens; a
role noun ("the MP", "the French leader") joins the most recent person introduced with a
compatible role; a pronoun joins the most salient person before it. A pronoun with no
person before it stays unresolved rather than guessed.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from sayso.link.names import NAME_PARTICLES
from sayso.model import Entity
from sayso.nlp.candidates import Candidate
from sayso.nlp.columns import (
    positions_with_text,
)
from sayso.nlp.coref.documents import DocumentIssuers, is_plausible_name
from sayso.nlp.coref.gender import (
    HONORIFIC_GENDER,
    is_given_name,
    looks_like_person,
    name_gender,
)
from sayso.nlp.coref.headlines import headline_tokens, premodifier_role
from sayso.nlp.coref.ranker import MentionRanker
from sayso.nlp.coref.sources import SourceKind, classify
from sayso.nlp.coref.walk import CorefWalk, Example, Teacher
from sayso.nlp.drafts import EntityDraft, Resolution
from sayso.nlp.lexicon import (
    FIRST_PERSON,
    GENERIC_LEADER_NOUNS,
    MEDIA_NAME_WORDS,
    NAME_STOP_MODIFIERS,
    ORG_NAME_WORDS,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from sayso.nlp.mentions import (
    is_acronym_of,
    is_role_phrase,
    organisation_head,
    parenthesised_acronym,
    role_text,
    strip_determiner,
    strip_possessive,
    surnames_of,
    title_start,
    upgrade_title,
)
from sayso.nlp.phrases import NounPhrase
from sayso.nlp.places import PlaceLinking
from sayso.nlp.text import text_of

ENTITY_TYPES = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "NORP",
    "LOC": "LOC",
    "FAC": "FAC",
}


_REFERRING_ROLES = ROLE_NOUNS | GENERIC_LEADER_NOUNS


class SpeakerResolver(PlaceLinking):
    """Builds the entities of one document and resolves every candidate's source."""

    def __init__(
        self,
        doc: Doc,
        candidates: list[Candidate],
        teacher: Teacher | None = None,
        examples: list[Example] | None = None,
    ) -> None:
        self.doc = doc
        self.candidates = candidates
        self.entities: list[EntityDraft] = []
        self._by_token: dict[int, EntityDraft] = {}
        self.teacher = teacher
        self.examples = examples
        self.confidence: dict[int, float] = {}
        self.ranker: MentionRanker | None = None
        self._headline: set[int] = set()

    # -- building entities ----------------------------------------------------------------

    def build(self) -> list[Resolution | None]:
        self._surnames = self._surname_like()
        self._named_entities()
        self._untagged_places()
        self._group_mentions()
        self._surname_mentions()
        for draft in self.entities:
            draft.last_seen = -1
        self._appositive_roles()
        for candidate in self.candidates:
            if candidate.source is not None and candidate.source.role is not None:
                self._source_role(candidate.source)
        self._named_tokens = set(self._by_token)
        self._source_kinds = self._classify_sources()
        self._referring_expressions()
        self._title_nationalities()
        resolutions = [self._resolve(c, i) for i, c in enumerate(self.candidates)]
        self.entities = [e for e in self.entities if e.mentions]
        return resolutions

    def frozen(self) -> list[Entity]:
        ordered = sorted(self.entities, key=lambda e: e.mentions[0])
        for number, draft in enumerate(ordered, start=1):
            draft.id = f"e{number}"
        return [e.freeze() for e in ordered]

    def _new_entity(self, name: str, type_: str) -> EntityDraft:
        draft = EntityDraft(id=f"e{len(self.entities) + 1}", name=name, type=type_)
        self.entities.append(draft)
        return draft

    def _named_entities(self) -> None:
        headline = self._headline = headline_tokens(self.doc)
        deferred = []
        for ent in self.doc.ents:
            type_ = ENTITY_TYPES.get(ent.label_)
            if type_ is None or type_ == "NORP" or not ent.text.strip():
                continue
            start, end = strip_possessive(ent)
            if end <= start:
                continue
            if type_ in {"PERSON", "ORG"} and self.doc[start:end].text.islower():
                continue  # "green algae", "royal council": the tagger's guess, not a name
            if start in headline and type_ in {"PERSON", "ORG"}:
                deferred.append((start, end, type_))
                continue
            self._named_span(start, end, type_)
        for start, end, type_ in deferred:
            self._headline_name(start, end, type_)

    def _named_span(self, start: int, end: int, type_: str) -> None:
        if self._place_mention(start, end, type_):
            return
        after = self.doc[end] if end < len(self.doc) else None
        if type_ == "ORG" and after is not None and after.lower_ == "campaign":
            end += 1  # "the Trump campaign" tagged "Trump" ORG: the campaign is the org
        acronym = parenthesised_acronym(self.doc, start, end)
        if acronym is not None:
            end = acronym[0] - 1
        draft = self._named_mention(start, end, type_)
        if acronym is not None:
            self._link(draft, *acronym)

    def _headline_name(self, start: int, end: int, type_: str) -> None:
        """A name in a title-case headline: the tagger glues words to it ("Black Lawmakers
        Rip Donald Trump", "Obama Sees 'Personal Insult'"), so it counts only as far as it
        names someone the article names too, or looks like a person's name itself."""
        words = [self.doc[i].text for i in range(start, end)]
        for draft in sorted(self.entities, key=lambda d: -len(d.name.split())):
            if draft.type not in {"PERSON", "ORG"}:
                continue
            known = draft.name.split()
            for i in range(len(words) - len(known) + 1):
                if words[i : i + len(known)] == known:
                    self._link(draft, start + i, start + i + len(known))
                    return
        for i, word in enumerate(words):
            person = self._person_by_surname(word)
            if person is not None:
                self._link(person, start + i, start + i + 1)
                return
        if type_ == "PERSON" and looks_like_person(" ".join(words), ORG_NAME_WORDS):
            self._named_span(start, end, type_)

    def _named_mention(self, start: int, end: int, type_: str) -> EntityDraft:
        doc = self.doc
        name = doc[start:end].text
        if type_ == "PERSON" and name.split()[-1].lower() in MEDIA_NAME_WORDS:
            type_ = "ORG"  # "Lusa Wire", "the Daily Herald": named like an organisation
        elif type_ == "ORG" and looks_like_person(name, ORG_NAME_WORDS):
            type_ = "PERSON"  # "Marshall Field Jr", "Ioannis Mamouris" tagged ORG
        if type_ != "PERSON" and self._person_by_surname(name) is not None:
            type_ = "PERSON"  # the tagger calls a repeated surname an ORG ("Weiss told")
        person_like = self._person_like_organisation(name)
        if person_like is not None:
            # "Ricardo Rosselló Nevares" tagged ORG, then "Rosselló said": a surname repeated
            # on its own shows the full name was a person's.
            person_like.type = "PERSON"
            type_ = "PERSON"
            self._drop_leading_place(person_like)
        if type_ == "PERSON":
            while end - 1 > start and _not_name_word(doc[end - 1]):
                end -= 1  # "Donald Trump avoids": the tagger ran on into the verb
            start = self._leading_words(start, end, start in self._headline)
            inner = start
            while inner < end - 1 and doc[inner].lower_ in TITLE_WORDS | ROLE_NOUNS:
                inner += 1  # "Broadcaster Piers Morgan" tagged whole: the title is a role
            if end - inner >= 3 and start > 0 and doc[start - 1].lower_ in {"from", "of"}:
                inner += 1  # "Senator from Vermont Bernie Sanders": the place is the role's
            name = doc[inner:end].text
            draft = self._person(name, start)
            if inner > start:
                draft.add_role(doc[start:inner].text)
            first = title_start(doc, start)
            described = premodifier_role(doc, start)
            if first < start:
                draft.add_role(doc[first:start].text)
                start = first
            if described is not None:
                draft.add_role(described)  # "Indiana Gov." as well as "Gov."
        else:
            draft = self._named(name, type_)
        self._link(draft, start, end)
        return draft

    def _surname_mentions(self) -> None:
        """The tagger misses some repeats of a name ("Goncharenko claims" as an adjective):
        a capitalised token equal to a known person's surname is that person."""
        surnames: dict[str, list[EntityDraft]] = {}
        for draft in self.entities:
            if draft.type == "PERSON":
                for surname in surnames_of(draft.name):
                    surnames.setdefault(surname, []).append(draft)
        for i in positions_with_text(self.doc, surnames):
            token = self.doc[i]
            if i in self._by_token or not _capitalised(token.text):
                continue
            person = self._nearest(surnames[token.text], i)
            if person is None:
                continue
            self._by_token[i] = person
            person.add_mention(token.idx, token.idx + len(token.text))

    def _person_by_surname(self, name: str) -> EntityDraft | None:
        if " " in name or not _capitalised(name):
            return None
        for draft in self.entities:
            if draft.type == "PERSON" and (draft.name == name or name in surnames_of(draft.name)):
                return draft
        return None

    def _person_like_organisation(self, name: str) -> EntityDraft | None:
        if " " in name or not _capitalised(name) or name.lower() in ORG_NAME_WORDS:
            return None
        for draft in self.entities:
            words = draft.name.split()
            if (
                draft.type == "ORG"
                and 2 <= len(words) <= 4
                and all(_capitalised(word) for word in words)
                and not {word.lower() for word in words} & ORG_NAME_WORDS
                and name in surnames_of(draft.name)
            ):
                return draft
        return None

    def _drop_leading_place(self, draft: EntityDraft) -> None:
        """ "Senator from Vermont Bernie Sanders", tagged as one name: the place after
        "from" belongs to the title."""
        words = draft.name.split()
        first = self.doc.char_span(*draft.mentions[0], alignment_mode="expand")
        after_preposition = (
            first is not None
            and first.start > 0
            and self.doc[first.start - 1].lower_ in {"from", "of"}
        )
        if len(words) >= 3 and after_preposition:
            draft.name = " ".join(words[1:])

    def _person(self, name: str, at: int | None = None) -> EntityDraft:
        words = name.split()
        matches = []
        for draft in self.entities:
            if draft.type != "PERSON":
                continue
            known = draft.name.split()
            if words == known:
                return draft
            if len(words) == 1 and words[0] in surnames_of(draft.name):
                matches.append(draft)
                continue
            if (
                1 < len(words) < len(known)
                and [w.lower() for w in known[-len(words) :]] == [w.lower() for w in words]
                and (words[0].lower() in NAME_PARTICLES or _initial(words[0]))
            ):
                return draft  # "von Sanders" after "Liman von Sanders", "J. Trump"
            if len(known) == 1 and known[0] == words[-1] and _same_person(draft, words[0]):
                draft.name = name  # "Goncharenko", then "Aleksey Goncharenko"
                return draft
        if matches:
            nearest = self._nearest(matches, at)
            if nearest is not None:
                return nearest
        for draft in self.entities:
            if draft.type == "ORG" and draft.name.split() == words:
                draft.type = "PERSON"  # "Kallergis" tagged ORG once and PERSON later
                return draft
        return self._new_entity(name, "PERSON")

    def _called_by_surname(self, person: EntityDraft, before: Token) -> bool:
        text = text_of(self.doc)
        surnames = surnames_of(person.name)
        return any(text[s:e] in surnames for s, e in person.mentions if e <= before.idx)

    def _leading_words(self, start: int, end: int, in_headline: bool) -> int:
        """ "Crooked Hillary Clinton", "Rip Donald Trump": a word before a first name that
        is neither a title nor a first name is not part of the name; in a headline, nor is
        one before a known surname ("Injecting Clinton")."""
        doc = self.doc
        if end - start < 2 or _name_start(doc[start]):
            return start
        for i in range(start + 1, end - 1):
            if is_given_name(doc[i].text) and doc[i - 1].lower_ not in TITLE_WORDS:
                return i
        known = self._person_by_surname(doc[end - 1].text) is not None
        if in_headline and end - start == 2 and known:
            return end - 1
        return start

    def _nearest(self, people: list[EntityDraft], at: int | None) -> EntityDraft | None:
        """Of several people a surname may stand for ("Johnson": Gary or Jeh), the one an
        honorific or title before it agrees with ("Mrs. Obama"), then the latest named
        before it. None when the title fits none of them: "President Obama" is not
        "Michelle Obama"."""
        if at is None:
            return people[0]
        token = self.doc[at]
        first = title_start(self.doc, at)
        title = {t.lower_.strip(".") for t in self.doc[first:at]}
        gender = next((HONORIFIC_GENDER[w] for w in title if w in HONORIFIC_GENDER), None)
        if gender is None and at > 0:
            gender = HONORIFIC_GENDER.get(self.doc[at - 1].lower_)
        if gender is not None:
            people = [p for p in people if name_gender(p.name.split()[0]) in {gender, None}]
        roles = title - set(HONORIFIC_GENDER) - {"former", "acting", "deputy", "vice"}
        if roles:
            people = [p for p in people if not p.roles or roles & p.role_words()]
        if not people:
            return None
        if len(people) == 1:
            return people[0]
        bare = [p for p in people if self._called_by_surname(p, token)]
        if len(bare) == 1:
            # "Ted Cruz … Cruz said … his wife, Heidi Cruz … Cruz added": the one the
            # article has already called by the bare surname keeps it
            return bare[0]

        def last_before(person: EntityDraft) -> int:
            return max((s for s, _ in person.mentions if s < token.idx), default=-1)

        return max(people, key=last_before)

    def _named(self, name: str, type_: str) -> EntityDraft:
        key = strip_determiner(name).lower()
        for draft in self.entities:
            if draft.type != "PERSON" and strip_determiner(draft.name).lower() == key:
                if type_ == "GPE" and draft.type in {"ORG", "LOC"}:
                    draft.type = "GPE"
                return draft
        for draft in self.entities:
            if draft.type == "ORG" and type_ == "ORG" and is_acronym_of(key, draft.name):
                return draft
        if type_ == "ORG":
            draft = self._organisation_by_head(key)
            if draft is not None:
                return draft
        return self._new_entity(strip_determiner(name), type_)

    def _organisation_by_head(self, key: str) -> EntityDraft | None:
        """ "the Department" after "the California Department of Corrections": a short form
        names the one organisation of the article whose name has that head."""
        words = key.split()
        if not words:
            return None
        matches = [
            draft
            for draft in self.entities
            if draft.type == "ORG"
            and len(draft.name.split()) > len(words)
            and organisation_head(draft.name).lower() == words[-1]
            and set(words) <= set(draft.name.lower().split())
        ]
        return matches[0] if len(matches) == 1 else None

    def _appositive_roles(self) -> None:
        for ent in self.doc.ents:
            draft = self._by_token.get(ent.root.i)
            if draft is None or draft.type != "PERSON":
                continue
            root = ent.root
            for child in root.children:
                if child.dep_ == "appos" and child.i >= ent.end and is_role_phrase(child):
                    draft.add_role(role_text(child))
            if root.dep_ == "appos" and root.head.i < ent.start and is_role_phrase(root.head):
                draft.add_role(role_text(root.head, stop=ent.start))
            if root.dep_ == "nsubj" and root.head.lemma_ == "be":
                # "Aleksey Goncharenko is a Ukrainian MP"
                for attr in (c for c in root.head.children if c.dep_ == "attr"):
                    if is_role_phrase(attr):
                        draft.add_role(role_text(attr))

    def _source_role(self, source: NounPhrase) -> None:
        draft = self._entity_in(source.start, source.end)
        if draft is None or source.role is None:
            return
        role = self.doc[source.role[0] : source.role[1]]
        if any(t.lemma_.lower() in ROLE_NOUNS or t.pos_ == "NOUN" for t in role):
            draft.add_role(strip_determiner(role.text))

    def _title_nationalities(self) -> None:
        """ "President" plus "the French leader" makes "President of France"."""
        for draft in self.entities:
            if draft.type != "PERSON":
                continue
            draft.roles = [upgrade_title(role, draft.nationality) for role in draft.roles]

    def _entity_in(self, start: int, end: int) -> EntityDraft | None:
        for i in range(start, end):
            draft = self._by_token.get(i)
            if draft is not None and draft.type == "PERSON":
                return draft
        for i in range(start, end):
            if i in self._by_token:
                return self._by_token[i]
        return None

    # -- role nouns and pronouns ----------------------------------------------------------

    def _referring_expressions(self) -> None:
        """Pronouns and descriptions, resolved in text order by the mention ranker."""
        heads: dict[int, list[tuple[int, int]]] = {}
        for candidate in self.candidates:
            if candidate.source is not None:
                heads.setdefault(candidate.source.head, []).extend(candidate.content)
        walk = CorefWalk(
            doc=self.doc,
            entities=self.entities,
            by_token=self._by_token,
            link=self._link,
            new_entity=self._new_entity,
            source_heads=heads,
            quotes=list(self.doc._.quotes or []) if self.doc.has_extension("quotes") else [],
            ranker=self.ranker or MentionRanker(),
            teacher=self.teacher,
            examples=self.examples,
        )
        walk.run()
        self.confidence = walk.confidence
        self.walk = walk

    def _link(self, draft: EntityDraft, start: int, end: int) -> None:
        span = self.doc[start:end]
        draft.add_mention(span.start_char, span.end_char)
        for i in range(start, end):
            self._by_token[i] = draft

    def _classify_sources(self) -> dict[int, SourceKind]:
        """Anonymous, group, spokesperson and document sources become entities (or point at
        the organisation they speak for) before pronouns are resolved, so that "they" can
        refer back to "officials" and "it" to the organisation behind "the report"."""
        kinds: dict[int, SourceKind] = {}
        documents = DocumentIssuers(self.doc, self._by_token)
        for candidate in self.candidates:
            source = candidate.source
            if source is None or source.head in kinds or source.head in self._by_token:
                continue
            head = self.doc[source.head]
            span = self.doc[source.start : source.end]
            kind = classify(span, head)
            if kind is None:
                continue
            kinds[source.head] = kind
            if kind.kind in {"anonymous", "group"}:
                type_ = "ANONYMOUS" if kind.kind == "anonymous" else "GROUP"
                self._by_token[head.i] = self._descriptive(span, type_)
                continue
            owner = self._owner(kind.owner)
            if owner is None and kind.kind == "document":
                owner = documents.issuer_before(head)
            if owner is not None:
                self._by_token[head.i] = owner
                self.confidence[head.i] = 0.85
            elif kind.kind == "voice" and head.lower_ == "police":
                force = self._organisation_named(head.lower_)
                self._by_token[head.i] = force or self._descriptive(span, "ANONYMOUS")
            elif kind.kind == "voice":
                self._by_token[head.i] = self._descriptive(span, "ANONYMOUS")
        return kinds

    def _organisation_named(self, word: str) -> EntityDraft | None:
        """The one organisation of the article with ``word`` in its name ("police": the
        Charlotte-Mecklenburg Police Department)."""
        found = [
            e
            for e in self.entities
            if e.type == "ORG" and word in {w.lower() for w in e.name.split()}
        ]
        return found[0] if len(found) == 1 else None

    def _owner(self, token: Token | None) -> EntityDraft | None:
        if token is None:
            return None
        owner = self._by_token.get(token.i)
        if owner is not None and owner.type not in {"GPE", "LOC"}:
            return owner
        return None

    def _resolve(self, candidate: Candidate, index: int) -> Resolution | None:
        source = candidate.source
        if source is None:
            return None
        doc = self.doc
        head = doc[source.head]
        span = doc[source.start : source.end]
        lower = head.lower_
        if lower in FIRST_PERSON:
            return self._first_person(candidate, index, head)
        if lower == "you":
            return self._people_in_general(head)
        draft = self._by_token.get(head.i)
        if draft is None and head.pos_ == "NOUN":
            draft = self._appositive_name(head)
        if draft is None and head.pos_ == "PROPN":
            draft = self._entity_in(*self._name_part(span, head))
            if draft is None and is_plausible_name(span, head):
                name = self._name_around(span, head)
                draft = self._named(name, "PERSON" if head.ent_type_ == "PERSON" else "ORG")
        if draft is None and lower in {"it", "they"}:
            draft = self._organisation_speaker(head, index)
        if draft is None and head.lemma_.lower() in {"campaign", "team"}:
            draft = self._campaign_before(head)
        if draft is None:
            return Resolution(None)
        draft.add_mention(span.start_char, span.end_char)
        confidence = self.confidence.get(head.i)
        if confidence is None:
            confidence = self._name_confidence(draft, head, span)
        return Resolution(
            draft,
            anonymous=draft.type == "ANONYMOUS",
            group=draft.type == "GROUP",
            confidence=confidence,
            named=head.i in self._named_tokens and draft.type not in {"ANONYMOUS", "GROUP"},
        )

    def _organisation_speaker(self, head: Token, index: int) -> EntityDraft | None:
        """ "it said", "they said" that the ranker left open: in news an organisation speaks
        as "it" — the one that spoke last, or else the latest one named, within two
        paragraphs."""
        limit = head.idx - 1500
        previous = [
            c for c in self.candidates[:index] if c.source is not None and c.source.head < head.i
        ]
        kinds = {"ORG", "COUNTRY"}
        if head.lower_ == "they":
            kinds |= {"GROUP", "ANONYMOUS"}
        for candidate in reversed(previous):
            speaker = self._by_token.get(candidate.source.head)  # type: ignore[union-attr]
            if speaker is not None and speaker.type in kinds:
                self.confidence[head.i] = 0.5  # right about half the time on PolNeAR dev
                return speaker
        organisations = [
            e
            for e in self.entities
            if e.type == "ORG" and any(limit < s < head.idx for s, _ in e.mentions)
        ]
        if not organisations:
            return None
        latest = max(organisations, key=lambda e: max(s for s, _ in e.mentions if s < head.idx))
        self.confidence[head.i] = 0.4
        return latest

    def _campaign_before(self, head: Token) -> EntityDraft | None:
        """ "the campaign": the campaign of the person whose campaign was named last
        ("the Trump campaign", "Clinton's campaign")."""
        doc = self.doc
        for i in range(head.i - 1, -1, -1):
            token = doc[i]
            if token.lemma_.lower() != "campaign":
                continue
            for child in token.children:
                owner = self._by_token.get(child.i)
                if child.dep_ in {"compound", "poss"} and owner is not None:
                    if owner.type == "PERSON":
                        self.confidence[head.i] = 0.75
                        return self.walk.campaign_of(owner)
                    if owner.type == "ORG":
                        return owner
        return None

    def _appositive_name(self, head: Token) -> EntityDraft | None:
        """ "the head of the service, Sergey Naryshkin": the name in apposition."""
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i:
                found = self._entity_in(child.left_edge.i, child.right_edge.i + 1)
                if found is not None and found.type in {"PERSON", "ORG"}:
                    return found
        return None

    def _name_confidence(self, draft: EntityDraft, head: Token, span: Span) -> float:
        """How often each way of resolving a source is right, measured on PolNeAR-speakers
        dev (``sayso eval speakers``, the calibration table): a full name 0.98, a bare
        surname 0.92, a surname two people of the article share 0.75, a group 0.86, an
        anonymous source 0.68 (the line between anonymous and group is a convention),
        a name found inside a description ("the Clinton campaign") 0.68."""
        if draft.type == "GROUP":
            return 0.85
        if draft.type == "ANONYMOUS":
            return 0.7
        if head.i not in self._named_tokens:
            return 0.7
        if draft.type == "PERSON" and head.text in self._shared_surnames():
            return 0.75
        named = sum(1 for t in span if t.i in self._named_tokens)
        return 0.97 if named >= 2 else 0.92

    def _shared_surnames(self) -> set[str]:
        seen: dict[str, int] = {}
        for draft in self.entities:
            if draft.type == "PERSON" and " " in draft.name:
                for surname in surnames_of(draft.name):
                    seen[surname] = seen.get(surname, 0) + 1
        return {surname for surname, count in seen.items() if count > 1}

    def _first_person(self, candidate: Candidate, index: int, head: Token) -> Resolution:
        """ "I" and "we" inside a quotation are its speaker; outside one, "we" and "you"
        are people in general."""
        speaker = self._speaker_of_quote(candidate, index)
        singular = head.lower_ in {"i", "me", "my"}
        if speaker is None and not singular:
            return self._people_in_general(head)
        if speaker is None or (singular and speaker.type in {"GROUP", "ANONYMOUS"}):
            # "I" outside a quotation (an op-ed's author, an interviewee) is not resolved:
            # saying "unresolved" is better than a guess
            return Resolution(None)
        return Resolution(
            speaker,
            anonymous=speaker.type == "ANONYMOUS",
            group=speaker.type == "GROUP",
            confidence=self.confidence.get(head.i, 0.9),
        )

    def _people_in_general(self, head: Token) -> Resolution:
        """ "we" and "you" outside quotations: in an opinion piece, people in general (a
        group, as the PolNeAR speaker annotation reads them); in a transcript, whoever has
        the turn, whom sayso does not know: unresolved."""
        inside = any(s <= head.idx < e for s, e in (self.doc._.quotes or []))
        if inside or _TRANSCRIPT.search(text_of(self.doc)) is not None:
            return Resolution(None)
        draft = self._descriptive(self.doc[head.i : head.i + 1], "GROUP")
        return Resolution(draft, group=True, confidence=0.6)

    def _name_around(self, span: Span, head: Token) -> str:
        """The proper name a source is headed by: "Regina Ip" of "Regina Ip from the
        pro-Beijing camp", without a title in front."""
        doc = self.doc
        start, end = head.i, head.i + 1
        while start > span.start and doc[start - 1].pos_ == "PROPN":
            start -= 1
        while end < span.end and doc[end].pos_ == "PROPN" and doc[end].head.i == head.i:
            end += 1
        while start < head.i and doc[start].lower_ in TITLE_WORDS:
            start += 1
        return doc[start:end].text

    @staticmethod
    def _name_part(span: Span, head: Token) -> tuple[int, int]:
        """Where the name of a source may stand: "the head of the service, Sergey Naryshkin",
        but not in a modifier of what speaks ("a statement released by her family",
        "Putin's spokesman" are not Putin's own words)."""
        end = span.end
        for token in span:
            if token.i != head.i and token.dep_ in {"acl", "relcl"} and token.head.i == head.i:
                end = min(end, token.i)
        start = span.start
        for token in span:
            if token.i < head.i and token.dep_ == "poss" and token.head.i == head.i:
                start = max(start, token.right_edge.i + 1)
        return start, max(start, end)

    def _named_person_head(self, span: Span, head: Token) -> bool:
        draft = self._by_token.get(head.i)
        return draft is not None and draft.type == "PERSON" and head.pos_ == "PROPN"

    def _speaker_of_quote(self, candidate: Candidate, index: int) -> EntityDraft | None:
        """ "I" inside a quotation is whoever the quotation is attributed to."""
        cue_char = self.doc[candidate.cue[0]].idx if candidate.cue else candidate.content_start
        for other in self.candidates:
            if other is candidate or other.source is None or not other.covers(cue_char):
                continue
            head = self.doc[other.source.head]
            if head.lower_ in FIRST_PERSON:
                continue
            return self._by_token.get(head.i) or self._entity_in(
                other.source.start, other.source.end
            )
        return None

    def _plural_antecedent(self, pronoun: Token) -> EntityDraft | None:
        groups = [
            e
            for e in self.entities
            if e.type in {"GROUP", "ORG", "NORP"} and 0 <= e.last_seen < pronoun.idx
        ]
        return max(groups, key=lambda e: e.last_seen) if groups else None

    def _descriptive(self, span: Span, type_: str) -> EntityDraft:
        name = self._canonical_description(span)
        for draft in self.entities:
            if draft.type == type_ and draft.name == name:
                draft.add_mention(span.start_char, span.end_char)
                return draft
        draft = self._new_entity(name, type_)
        draft.add_mention(span.start_char, span.end_char)
        return draft

    def _canonical_description(self, span: Span) -> str:
        """ "his sources close to President Emmanuel Macron" -> "sources close to Emmanuel
        Macron": determiners, possessives and titles dropped, names made canonical."""
        words: list[str] = []
        leading = True
        emitted: set[str] = set()
        for token in span:
            lower = token.lower_
            if leading and (lower in NAME_STOP_MODIFIERS or token.tag_ == "PRP$"):
                continue
            leading = False
            draft = self._by_token.get(token.i)
            if draft is not None and draft.type == "PERSON":
                if draft.id not in emitted:
                    words.append(draft.name)
                    emitted.add(draft.id)
                continue
            words.append(token.text)
        return " ".join(words).replace(" ’s", "’s").replace(" 's", "'s")


def resolve_sources(
    doc: Doc, candidates: list[Candidate]
) -> tuple[list[Resolution | None], list[Entity]]:
    """Resolve every candidate's source and return the article's entities."""
    resolver = SpeakerResolver(doc, candidates)
    resolutions = resolver.build()
    return resolutions, resolver.frozen()


def _initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _not_name_word(token: Token) -> bool:
    """A word that ends no person's name: lower case (but "de", "von"), or a verb."""
    if token.lower_ in NAME_PARTICLES:
        return False
    return token.is_lower or token.pos_ in {"VERB", "AUX"} or token.is_punct


def _name_start(token: Token) -> bool:
    lower = token.lower_
    return lower in TITLE_WORDS or lower in NAME_PARTICLES or is_given_name(token.text)


def _same_person(draft: EntityDraft, given: str) -> bool:
    """Whether a surname-only person may take this first name: "Mr. Obama" is not
    "Michelle Obama"."""
    words = draft.role_words()
    gender = next((HONORIFIC_GENDER[w] for w in words if w in HONORIFIC_GENDER), None)
    return gender is None or name_gender(given) in {gender, None}


# Three or more lines opening with a speaker's turn ("WN: …", "SMITH: …", Wikinews'
# "((Valeria Gazzola)) …"): a transcript, where "we" is the speaker's.
_TURN = r"(?:[A-Z][\w .'’-]{0,40}:|\(\([^()\n]{1,40}\)\))\s"
_TRANSCRIPT = re.compile(rf"(?:^|\n){_TURN}(?:.*\n+{_TURN}){{2}}")


def _capitalised(word: str) -> bool:
    """A name's capitals: "Trump", "DuVernay", "McAuliffe", "O'Neill", not "NATO" or "the"."""
    letters = [ch for ch in word if ch.isalpha()]
    return bool(letters) and letters[0].isupper() and not (len(letters) > 1 and word.isupper())
