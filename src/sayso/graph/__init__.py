"""The claim graph: one claim and all its tellings across the store.

``sayso link`` (run by ``sayso ingest``) clusters the attributions of every article with
those of the others (``cluster``), reads who each comes from and through whom
(``tellings``), links events that tell the same happening (``events``, ``eventlink``);
``sayso trace`` shows a claim's tellings, their relations, provenance and say-so score
(``tracing``, ``relations``, ``provenance``). The web app reaches it through
:func:`trace` (``sayso.web.service.graph_trace``).
"""

from sayso.graph.tracing import ClaimTrace, trace

__all__ = ["ClaimTrace", "trace"]
