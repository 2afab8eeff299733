"""NLP stage: spaCy components that read attributions and speakers out of a Doc."""

from sayso.nlp.components import register_extensions
from sayso.nlp.pipeline import load_pipeline, shared_pipeline

__all__ = ["load_pipeline", "register_extensions", "shared_pipeline"]
