"""The web app and REST API over a sayso store (``sayso serve``)."""

from sayso.web.app import create_app

__all__ = ["create_app"]
