"""NLP stage: spaCy components that read attributions and speakers out of a Doc.

Importing it registers sayso's factories and Doc extensions; :func:`to_analysis` reads the
typed analysis from a processed Doc.
"""

from sayso.nlp.annotations import register_extensions, to_analysis
from sayso.nlp.pipeline import load_pipeline, shared_pipeline

__all__ = ["load_pipeline", "register_extensions", "shared_pipeline", "to_analysis"]
