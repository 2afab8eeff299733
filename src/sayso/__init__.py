"""sayso: for every claim in the news, on whose say-so?"""

import sayso._torchless  # noqa: F401  (first: keeps spaCy from importing torch)
from sayso.analyze import ArticleInput, analyze, analyze_many
from sayso.model import SCHEMA, Analysis

__version__ = "0.1.0"
__all__ = ["SCHEMA", "Analysis", "ArticleInput", "__version__", "analyze", "analyze_many"]
