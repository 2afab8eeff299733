"""PLOVER events coded from sentence structure and the predicate lexicon.

For each verb (and each event noun that no verb took as its object) the coder looks up
the predicate in :mod:`sayso.nlp.meaning.event_lexicon`, picks the sense its theme
selects ("send troops" vs "send aid"), reads the participants off the parse
(:mod:`sayso.nlp.meaning.arguments`), the modality from the words that govern it
(:mod:`sayso.nlp.meaning.modality`), and links it to the innermost attribution whose
content holds it: "France is preparing to send troops" is a planned MOBILIZE that rests on
Goncharenko's word alone. Reporting cues that are acts in themselves ("warned",
"accused", "demanded") are events of their speaker.

Within one article, clauses that tell the same event (same category, actor and original
speaker, both real or both unrealised) become one event with several mentions.
"""

from __future__ import annotations

from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from sayso.canon.entities import MentionIndex
from sayso.model import (
    Attribution,
    Entity,
    Event,
    EventArgument,
    EventMention,
    Modality,
    TextSpan,
    TimeExpression,
)
from sayso.nlp.columns import positions_with_pos
from sayso.nlp.intervals import first_owner
from sayso.nlp.meaning import arguments as args
from sayso.nlp.meaning.clauses import (
    DIPLOMATIC_VERBS,
    Coded,
    attached_verb,
    classify_theme,
    conditional,
    deontic_request,
    governs_conflict,
    infinitival,
    is_official,
    noun_sense,
    protest_targets,
    theme_of,
    warns_of_harm,
)
from sayso.nlp.meaning.conventions import contexts_of, merge_events, plover_type, unique
from sayso.nlp.meaning.event_lexicon import (
    CIVILIAN_NOUNS,
    LIGHT_VERBS,
    Sense,
    noun_senses,
    predicates,
)
from sayso.nlp.meaning.modality import (
    EVENT_NOUN_MODIFIERS,
    GOVERNING_VERBS,
    Marker,
    governing_marker,
    local_marker,
)
from sayso.nlp.text import text_of

_CLIMB = frozenset(
    {"xcomp", "acomp", "acl", "pcomp", "pobj", "prep", "dobj", "oprd", "conj", "advcl"}
)


def code_events(
    doc: Doc,
    attributions: list[Attribution],
    entities: list[Entity],
    times: list[TimeExpression],
) -> list[Event]:
    """Every event of ``doc``, merged within the article, with ids ``v1``, ``v2``…"""
    index = MentionIndex(entities)
    coder = _Coder(doc, attributions, entities, times, index)
    events = coder.code()
    merged = merge_events(events)
    for number, event in enumerate(merged, start=1):
        event.id = f"v{number}"
    by_id = {a.id: a for a in attributions}
    for event in merged:
        for mention in event.mentions:
            attribution = by_id.get(mention.attribution or "")
            if attribution is not None and event.id not in attribution.events:
                attribution.events.append(event.id)
    return merged


def code_clauses(doc: Doc) -> list[Coded]:
    """The event clauses of ``doc`` before participants are resolved (for evaluation)."""
    return _Coder(doc, [], [], [], MentionIndex([])).clauses()


class _Coder:
    def __init__(
        self,
        doc: Doc,
        attributions: list[Attribution],
        entities: list[Entity],
        times: list[TimeExpression],
        index: MentionIndex,
    ) -> None:
        self.doc = doc
        self.attributions = attributions
        self.entities = entities
        self.times = times
        self.index = index
        self.countries = {e.country: e for e in entities if e.type == "COUNTRY" and e.country}
        self._innermost: list[int] | None = None
        self._time_of: dict[int, TimeExpression] | None = None
        self.cue_tokens: dict[int, Attribution] = {}
        for attribution in attributions:
            if attribution.cue is not None:
                span = doc.char_span(attribution.cue.start, attribution.cue.end, "expand")
                for token in span or []:
                    self.cue_tokens[token.i] = attribution

    # -- finding event clauses ------------------------------------------------------------

    def clauses(self) -> list[Coded]:
        found: list[Coded] = []
        taken: set[int] = set()
        for i in positions_with_pos(self.doc, (VERB, AUX)):
            token = self.doc[i]
            if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
                coded = self._verbal(token)
                if coded is not None:
                    found.append(coded)
                    if coded.theme is not None:
                        taken.add(coded.theme.i)
                request = deontic_request(token)
                if request is not None:
                    found.append(request)
        for i in positions_with_pos(self.doc, (NOUN,)):
            token = self.doc[i]
            if token.pos_ == "NOUN" and token.i not in taken:
                coded = self._nominal(token)
                if coded is not None:
                    found.append(coded)
        return found

    def _verbal(self, verb: Token) -> Coded | None:
        lexicon = predicates()
        lemma = verb.lemma_.lower()
        keys = [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in {"prt", "dobj", "prep"}]
        key = next((k for k in keys if k in lexicon), lemma)
        entry = lexicon.get(key)
        light_verb = lemma in LIGHT_VERBS or key == "carry out"
        if entry is None and not light_verb:
            return None  # most verbs: no event, and no theme to look for (0.4 % of the analysis)
        theme = theme_of(verb, key)
        if light_verb:
            light = self._light(verb, theme)
            if light is not None:
                return light
        if entry is None:
            return None
        theme_class = classify_theme(theme, entry.by_theme)
        sense = entry.by_theme.get(theme_class or "", entry.default)
        sense = self._special(verb, lemma, sense, theme)
        if sense is None:
            return None
        trigger = [verb, *[c for c in verb.children if c.dep_ == "prt"]]
        if key != lemma:
            word = key.split(" ", 1)[1]
            trigger += [c for c in verb.children if c.lower_ == word and c.dep_ != "prep"]
        return Coded(verb, sorted(set(trigger), key=lambda t: t.i), sense, theme, theme_class)

    def _light(self, verb: Token, theme: Token | None) -> Coded | None:
        if theme is None:
            return None
        words = [theme, *[c for c in theme.children if c.dep_ == "compound"]]
        noun = next((w for w in words if w.lemma_.lower() in noun_senses()), None)
        if noun is None:
            return None
        sense = noun_sense(noun, noun_senses()[noun.lemma_.lower()])
        if sense.type == "PROTEST" and verb.lemma_.lower() in DIPLOMATIC_VERBS:
            sense = Sense("ACCUSE", "disapprove")  # a protest lodged is a diplomatic one
        return Coded(verb, [verb, theme], sense, theme, None)

    def _special(
        self, verb: Token, lemma: str, sense: Sense | None, theme: Token | None
    ) -> Sense | None:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        civilian = subject is not None and subject.lemma_.lower() in CIVILIAN_NOUNS
        if lemma == "warn":
            return Sense("THREATEN") if warns_of_harm(verb) else None
        if lemma in {"vow", "promise", "pledge", "swear"} and governs_conflict(verb):
            return Sense("THREATEN")
        if lemma == "protest" and not civilian and subject is not None:
            return Sense("ACCUSE", "disapprove") if is_official(subject) else sense
        if lemma in {"strike", "march", "rally", "gather"} and civilian and theme is None:
            return Sense("PROTEST", "strike" if lemma == "strike" else "demo")
        if lemma == "occupy" and civilian:
            return Sense("PROTEST", "obstruct")
        if (
            lemma == "fire"
            and theme is None
            and any(c.dep_ == "prep" and c.lower_ in {"on", "at", "upon"} for c in verb.children)
        ):
            return Sense("ASSAULT", "firearms")
        return sense

    def _nominal(self, noun: Token) -> Coded | None:
        sense = noun_senses().get(noun.lemma_.lower())
        if sense is None or noun.dep_ in {"compound"}:
            return None
        actors = args.nominal_actors(noun)
        attached = attached_verb(noun)
        if not actors and attached is not None:
            actors = args.actor_heads(attached)  # "converged for a rally": the convergers
        has_participant = actors or any(
            c.dep_ == "prep" and c.lower_ in {"to", "against", "on", "with", "in"}
            for c in noun.children
        )
        if not has_participant:
            return None
        return Coded(noun, [noun], noun_sense(noun, sense), None, None, True, actors)

    # -- from clauses to events -----------------------------------------------------------

    def code(self) -> list[Event]:
        events = []
        for coded in self.clauses():
            event = self._event(coded)
            if event.action == "AID" and not event.recipients and coded.theme_class != "aid":
                continue  # PLOVER: AID requires a recipient; "this will help" is no aid
            events.append(event)
        return events

    def _event(self, coded: Coded) -> Event:
        doc, predicate = self.doc, coded.predicate
        attribution = self._asserting(predicate)
        actor_heads = coded.actors if coded.nominal else args.actor_heads(predicate)
        if not actor_heads and coded.theme is not None and coded.sense.type in args.OWNER_IS_ACTOR:
            actor_heads = [c for c in coded.theme.children if c.dep_ == "poss"]
        actors = [self._argument(h, attribution) for h in actor_heads]
        heads = coded.recipients
        if heads is None:
            heads = args.recipient_heads(predicate, coded.sense.type, coded.theme, self.index)
            heads = heads or args.governed_recipients(predicate, coded.sense.type, self.index)
            heads = heads or protest_targets(predicate, coded.sense.type, self.index)
        in_trigger = {t.i for t in coded.trigger}
        recipients = [self._argument(h, attribution) for h in heads if h.i not in in_trigger]
        condition = args.condition_span(predicate)
        if coded.sense.type == "THREATEN" and not recipients and condition is not None:
            recipients = self._parties_in(condition, actors)
        location_head = args.location_head(predicate, coded.theme, self.index)
        location = args.argument(doc, location_head, self.index) if location_head else None
        if location is not None and location_head is not None:
            recipients += self._place_owner(location_head, recipients, actors)
            if not recipients and location.code and location.code not in {a.code for a in actors}:
                recipients = [location]  # "a curfew in Algiers": the place is the target
        marker = self._modality(coded)
        modality = marker.modality if marker else Modality.ACTUAL
        if coded.sense.type == "THREATEN" and (condition is not None or conditional(predicate)):
            modality = Modality.CONDITIONAL
            would = [t for t in predicate.subtree if t.lower_ in {"would", "if", "unless"}]
            marker = Marker(Modality.CONDITIONAL, would[:1])
        category = plover_type(coded.sense.type, modality, marker, condition, actors)
        quantity = args.quantity_span(coded.theme)
        trigger = _span(doc, coded.trigger)
        return Event(
            id="",
            type=category,
            action=coded.sense.type,
            mode=coded.sense.mode,
            context=contexts_of(coded),
            trigger=trigger,
            predicate=" ".join(t.lemma_.lower() for t in coded.trigger),
            actors=actors,
            recipients=unique(recipients, actors),
            location=location,
            quantity=args.text_span(quantity) if quantity is not None else None,
            time=self._time(predicate),
            modality=modality,
            modality_cue=_span(doc, marker.tokens) if marker and marker.tokens else None,
            condition=args.text_span(condition) if condition is not None else None,
            attribution=attribution.id if attribution else None,
            according_to=self._according_to(attribution),
            mentions=[
                EventMention(
                    trigger.start,
                    trigger.end,
                    trigger.text,
                    attribution.id if attribution else None,
                )
            ],
        )

    def _asserting(self, predicate: Token) -> Attribution | None:
        """The attribution whose cue this is, else the innermost (shortest content, the
        first of equals) whose content holds it."""
        if predicate.i in self.cue_tokens:
            return self.cue_tokens[predicate.i]
        if self._innermost is None:  # once per document: one lookup per predicate after
            spans = [a.content.spans for a in self.attributions]
            order = sorted(
                range(len(spans)), key=lambda i: (len(self.attributions[i].content.text), i)
            )
            self._innermost = first_owner(spans, order, len(text_of(self.doc)))
        at = predicate.idx
        owner = self._innermost[at] if 0 <= at < len(self._innermost) else -1
        return self.attributions[owner] if owner >= 0 else None

    def _according_to(self, attribution: Attribution | None) -> list[str]:
        chain: list[str] = []
        by_id = {a.id: a for a in self.attributions}
        seen: set[str] = set()
        while attribution is not None and attribution.id not in seen:
            seen.add(attribution.id)
            source = attribution.source
            if source is not None:
                name = source.entity or source.text
                if name not in chain:
                    chain.append(name)
            attribution = by_id.get(attribution.nested_in or "")
        return chain

    def _argument(self, head: Token, attribution: Attribution | None) -> EventArgument:
        fallback = None
        if head.pos_ == "PRON" and attribution is not None and attribution.source is not None:
            fallback = self._pronoun_referent(head, attribution)
        found = args.argument(self.doc, head, self.index, fallback)
        if found.entity is None and found.code is not None:
            # "the Ukrainian regions": the country the article already knows.
            country = self.countries.get(found.code)
            if country is not None:
                found.entity, found.entity_id = country.name, country.id
        return found

    def _pronoun_referent(self, pronoun: Token, attribution: Attribution) -> Entity | None:
        """ "they had no plans", "I can say": a pronoun in a content that agrees with its
        speaker is the speaker."""
        if attribution.source is None:
            return None
        entity = next((e for e in self.entities if e.id == attribution.source.entity_id), None)
        if entity is None:
            return None
        lower = pronoun.lower_
        plural = entity.type in {"GROUP", "ORG", "COUNTRY", "ANONYMOUS", "GPE"}
        if lower in {"i", "me", "we", "us"}:
            return entity
        if lower in {"they", "them", "it", "its"} and plural:
            return entity
        if lower in {"he", "she", "him", "her"} and entity.type == "PERSON":
            return entity
        return None

    def _parties_in(self, condition: object, actors: list[EventArgument]) -> list[EventArgument]:
        taken = {a.entity_id for a in actors}
        for token in condition:  # type: ignore[attr-defined]
            entity = self.index.at(token.idx, token.idx + len(token.text))
            if entity is not None and entity.id not in taken and entity.type != "PERSON":
                return [args.argument(self.doc, token, self.index)]
        return []

    def _place_owner(self, place: Token, recipients: list[EventArgument], actors: list) -> list:
        """ "to the Ukrainian regions": the country a destination belongs to."""
        if recipients:
            return []
        for child in place.children:
            if child.dep_ == "amod" and (child.ent_type_ in {"NORP", "GPE"}):
                argument = self._argument(child, None)
                if argument.code and argument.code not in {a.code for a in actors}:
                    return [argument]
        return []

    def _modality(self, coded: Coded) -> Marker | None:
        predicate = coded.predicate
        if coded.nominal:
            for child in predicate.children:
                modifier = EVENT_NOUN_MODIFIERS.get(child.lower_)
                if child.dep_ == "amod" and modifier is not None:
                    return Marker(modifier, [child])
        marker = local_marker(predicate)
        if marker is not None:
            return marker
        node = predicate
        for _ in range(6):
            if node.dep_ not in _CLIMB or node.head.i == node.i:
                return None
            if node.head.i in self.cue_tokens:
                # "France wants to send troops": a cue of intention is also the modality.
                cue = node.head
                return (
                    governing_marker(cue, node) if cue.lemma_.lower() in GOVERNING_VERBS else None
                )
            if node.dep_ in {"acl", "advcl"} and not infinitival(node):
                return None
            head = node.head
            marker = local_marker(head) if node.dep_ == "conj" else governing_marker(head, node)
            if marker is not None:
                return marker
            node = head
        return None

    def _time(self, predicate: Token) -> TimeExpression | None:
        """The first time expression attached to the predicate: its head, the head of its
        preposition, or of the phrase it is the object of. Read once per document."""
        if self._time_of is None:
            self._time_of = {}
            for expression in self.times:
                span = self.doc.char_span(expression.start, expression.end, "expand")
                if span is None:
                    continue
                root = span.root
                head = root.head
                attached = [head.i]
                if head.dep_ == "prep" or root.dep_ == "pobj":
                    attached.append(head.head.i)
                for i in attached:
                    self._time_of.setdefault(i, expression)
        return self._time_of.get(predicate.i)


# -- helpers ------------------------------------------------------------------------------


def _span(doc: Doc, tokens: list[Token]) -> TextSpan:
    # doc.text joins every token on each call: slice a span of the tokens instead.
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    span = doc[first.i : last.i + 1]
    return TextSpan(start=span.start_char, end=span.end_char, text=span.text)
