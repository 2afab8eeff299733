"""The model's attribute ruler, compiled: the same rules, the same tags, a tenth of the time.

spaCy's ``attribute_ruler`` runs its 179 rules (POS and morphology by tag, lemma exceptions,
a few two-word patterns) through the general token Matcher, which walks a state machine for
every rule at every token: on news text it cost as much as the parser. The rules only ever
test a token's TAG, LOWER, DEP and IS_SPACE, by equality, set membership or a regex, with
no operators; compiled here into lookups by the value each rule needs, they are checked
only against the tokens that can match. Matches are applied exactly as spaCy applies them:
all found first on the untouched tokens, then set in rule order, later rules winning, each
through spaCy's own ``set_token_attrs``. A ruler using anything else is left as it is.

:class:`CompiledAttributeRuler` is spaCy's ``AttributeRuler`` matching this way: the
pipeline's ``sayso_attribute_rules``, which holds, saves and loads its own patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

Row = list[int]  # a token's TAG, LOWER, DEP hashes and IS_SPACE, as Doc.to_array gives them
Test = Callable[[Row], bool]
COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
# Which test of a rule's first token to look it up by: the rarest values first.
ANCHOR_ORDER = ("LOWER", "TAG", "DEP", "IS_SPACE")
MAX_CACHED = 200_000


class Unsupported(ValueError):
    """A rule this compiler does not handle: the pipeline keeps spaCy's ruler."""


@dataclass(frozen=True, slots=True)
class Rule:
    key: int  # the rule's place in the ruler: later rules win
    tokens: tuple[tuple[Test, ...], ...]  # per token of the pattern, every test it must pass
    index: int  # which token of the match the attributes go to (negative: from the end)
    certain: bool  # one token and nothing left to test: found is matched


def _rule(key: int, tests: list[list[tuple[str, Test]]], index: int) -> Rule:
    tokens = tuple(tuple(test for _, test in spec) for spec in tests)
    return Rule(key, tokens, index, len(tokens) == 1 and not tokens[0])


class CompiledRules:
    """Finds and applies an attribute ruler's matches; see the module's docstring."""

    def __init__(self, ruler: Any) -> None:
        strings = ruler.vocab.strings
        self.attrs: list[dict[int, Any]] = list(ruler.attrs)
        self.by_value: list[dict[int, list[Rule]]] = [{} for _ in COLUMNS]
        self.everywhere: list[Rule] = []  # rules with no value to look up (a regex)
        # The rules of ``everywhere`` a token passes the first test of, by the token's row.
        self._passed: dict[tuple[int, ...], tuple[Rule, ...]] = {}
        for key in range(len(self.attrs)):
            for pattern in ruler.matcher.get(str(key))[1]:
                self._add(key, pattern, ruler.indices[key], strings)

    def _add(
        self, key: int, pattern: list[dict[str, Any]], index: int, strings: StringStore
    ) -> None:
        tests = [[(a, _test(a, v, strings)) for a, v in spec.items()] for spec in pattern]
        for attr in ANCHOR_ORDER:
            values = _anchor_values(pattern[0].get(attr), attr, strings)
            if values is not None:
                # Filed under the value its first token needs, that test is passed already.
                tests[0] = [(a, t) for a, t in tests[0] if a != attr]
                rule = _rule(key, tests, index)
                for value in values:
                    self.by_value[COLUMNS[attr]].setdefault(value, []).append(rule)
                return
        self.everywhere.append(_rule(key, tests, index))

    def __call__(self, doc: Doc) -> Doc:
        rows: list[Row] = doc.to_array(ARRAY_ATTRS).tolist()
        merged: dict[int, dict[int, Any]] = {}
        for key, start, end, rule in sorted(self._matches(rows), key=lambda m: m[:3]):
            at = start + rule.index if rule.index >= 0 else end + rule.index
            if not start <= at < end:
                raise ValueError(f"attribute rule {key}: index {rule.index} outside its match")
            merged.setdefault(at, {}).update(self.attrs[key])
        for at, attrs in merged.items():
            set_token_attrs(doc[at], attrs)
        return doc

    def _matches(self, rows: list[Row]) -> set[tuple[int, int, int, Rule]]:
        found: set[tuple[int, int, int, Rule]] = set()
        n = len(rows)
        for start, row in enumerate(rows):
            for column, value in enumerate(row):
                for rule in self.by_value[column].get(value, ()):
                    if rule.certain or _fits(rule, rows, start, n):
                        found.add((rule.key, start, start + len(rule.tokens), rule))
            for rule in self._first_passed(row):
                if _fits(rule, rows, start, n):
                    found.add((rule.key, start, start + len(rule.tokens), rule))
        return found

    def _first_passed(self, row: Row) -> tuple[Rule, ...]:
        # A regex per rule per token costs more than everything else: tested once per
        # kind of token instead (the cache is bounded, rows of news text repeat a lot).
        key = tuple(row)
        passed = self._passed.get(key)
        if passed is None:
            if len(self._passed) >= MAX_CACHED:
                self._passed.clear()
            first = (r for r in self.everywhere if all(test(row) for test in r.tokens[0]))
            passed = self._passed[key] = tuple(first)
        return passed


def _fits(rule: Rule, rows: list[Row], start: int, n: int) -> bool:
    if start + len(rule.tokens) > n:
        return False
    return all(test(rows[start + i]) for i, tests in enumerate(rule.tokens) for test in tests)


def _hash(value: str, strings: StringStore) -> int:
    # The empty string (an unset TAG or DEP) is 0 in a Doc's arrays.
    return 0 if value == "" else int(strings.add(value))


def _column(attr: str) -> int:
    if attr not in COLUMNS:
        raise Unsupported(f"attribute {attr}")
    return COLUMNS[attr]


def _anchor_values(value: Any, attr: str, strings: StringStore) -> Iterable[int] | None:
    """The row values under which a rule whose first token tests ``value`` is filed."""
    if value is None:
        return None
    if attr == "IS_SPACE":
        return [int(bool(value))]
    if isinstance(value, str):
        return [_hash(value, strings)]
    if isinstance(value, dict) and list(value) == ["IN"]:
        return {_hash(v, strings) for v in value["IN"]}
    return None


def _test(attr: str, value: Any, strings: StringStore) -> Test:
    column = _column(attr)
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE {value!r}")
        wanted = int(value)
        return lambda row: row[column] == wanted
    if isinstance(value, str):
        equal = _hash(value, strings)
        return lambda row: row[column] == equal
    if not (isinstance(value, dict) and len(value) == 1):
        raise Unsupported(f"{attr} {value!r}")
    [(op, arg)] = value.items()
    if op == "IN":
        members = frozenset(_hash(v, strings) for v in arg)
        return lambda row: row[column] in members
    if op == "NOT_IN":
        others = frozenset(_hash(v, strings) for v in arg)
        return lambda row: row[column] not in others
    if op == "REGEX":
        regex = re.compile(arg)
        return lambda row: regex.search(strings[row[column]]) is not None
    raise Unsupported(f"{attr} {op}")


class CompiledAttributeRuler(AttributeRuler):
    """spaCy's attribute ruler, matching with :class:`CompiledRules`.

    Its patterns are kept, added, saved and loaded exactly as spaCy's ruler keeps them (so
    ``nlp.to_disk`` and ``spacy.load`` round-trip it); they are compiled at the first call
    after a change. A pattern the compiler does not handle makes it match with spaCy's own
    Matcher, as ``attribute_ruler`` would.
    """

    def __init__(
        self,
        vocab: Vocab,
        name: str = "sayso_attribute_rules",
        *,
        validate: bool = False,
        scorer: Callable[..., dict[str, Any]] | None = attribute_ruler_score,
    ) -> None:
        super().__init__(vocab, name, validate=validate, scorer=scorer)
        self._compiled: CompiledRules | None = None
        self._unsupported = False

    def clear(self) -> None:
        super().clear()
        self._changed()

    def add(self, patterns: Iterable[Any], attrs: dict[str, Any], index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._changed()

    def _changed(self) -> None:
        self._compiled, self._unsupported = None, False

    def compiled(self) -> CompiledRules | None:
        """The compiled rules; None when a rule does not compile."""
        if self._compiled is None and not self._unsupported:
            try:
                self._compiled = CompiledRules(self)
            except Unsupported:
                self._unsupported = True
        return self._compiled

    def __call__(self, doc: Doc) -> Doc:
        compiled = self.compiled()
        if compiled is None:
            return super().__call__(doc)
        try:
            return compiled(doc)
        except Exception as error:
            return self.get_error_handler()(self.name, self, [doc], error)


@Language.factory(
    "sayso_attribute_rules",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
    requires=["token.tag"],
    assigns=["token.pos", "token.morph", "token.lemma"],
)
def make_attribute_rules(
    nlp: Language, name: str, validate: bool, scorer: Callable[..., dict[str, Any]] | None
) -> CompiledAttributeRuler:
    """spaCy's ``attribute_ruler``, compiled (see :class:`CompiledAttributeRuler`)."""
    return CompiledAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def compile_attribute_ruler(nlp: Language) -> None:
    """Put the compiled rules in the place of the model's attribute ruler, with its
    patterns, if it has one and every rule of it compiles; otherwise leave the pipeline as
    it is."""
    if "attribute_ruler" not in nlp.pipe_names or "sayso_attribute_rules" in nlp.pipe_names:
        return
    ruler = cast(AttributeRuler, nlp.get_pipe("attribute_ruler"))
    try:
        CompiledRules(ruler)
    except Unsupported:
        return
    compiled = cast(
        CompiledAttributeRuler, nlp.add_pipe("sayso_attribute_rules", before="attribute_ruler")
    )
    compiled.add_patterns(ruler.patterns)
    nlp.remove_pipe("attribute_ruler")
