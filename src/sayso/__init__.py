"""sayso: for every claim in the news, on whose say-so?

``import sayso`` loads no spaCy: the NLP pipeline is loaded when the first article is
analysed.
"""

import sayso._torchless  # noqa: F401  (first: keeps spaCy's thinc from importing torch)
from sayso.analyze import ArticleInput, analyze, analyze_many
from sayso.model import SCHEMA, Analysis

__version__ = "0.1.0"
__all__ = ["SCHEMA", "Analysis", "ArticleInput", "__version__", "analyze", "analyze_many"]
