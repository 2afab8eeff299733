"""Parse a page and find anything that could run: tags, handlers, script URLs."""

from __future__ import annotations

from html.parser import HTMLParser


class Inventory(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def dangers(html: str) -> list[str]:
    """Every element or attribute in ``html`` that could run script not served by sayso."""
    inventory = Inventory()
    inventory.feed(html)
    found = []
    for tag, attrs in inventory.tags:
        if tag in ("img", "iframe", "object", "embed", "svg", "math", "base", "form") and (
            tag != "form" or (attrs.get("action") or "/").startswith(("http", "javascript"))
        ):
            found.append(f"<{tag}>")
        if tag == "script" and not (attrs.get("src") or "").startswith("/static/"):
            found.append(f"<script {attrs}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                found.append(f"<{tag} {name}={value}>")
    return found
