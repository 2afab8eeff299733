"""Terminal output of ``sayso trace`` and ``sayso events``; every piece of text is plain,
never read as markup (article text is untrusted)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from sayso.graph.tracing import ClaimTrace

_RELATION_STYLE = {
    "contradiction": "bold red",
    "wire_copy": "dim",
    "re_report": "yellow",
    "corroboration": "green",
}


def _plain(text: object, style: str = "") -> Text:
    return Text(str(text), style=style)


def _path(telling: dict[str, Any]) -> str:
    voices = [v["name"] for v in telling["chain"]]
    return " → ".join([telling.get("publisher") or "(unknown publisher)", *voices])


def render_trace(result: ClaimTrace, console: Console) -> None:
    data = result.to_dict()
    if result.status != "linked" or data["claim"] is None:
        why = {
            "pending": "not linked yet: run `sayso link`",
            "none": "it has no telling of its own (no words to compare)",
        }.get(result.status, result.status)
        console.print(_plain(f"{result.article_id}/{result.attribution_id}: {why}"))
        return
    claim, provenance = data["claim"], data["provenance"]
    if data["query"]:
        q = data["query"]
        console.print(_plain(f"nearest claim to “{q['text']}” (cosine {q['cosine']:.2f})", "dim"))
    header = Text()
    header.append(f"{claim['article_id']}/{claim['attribution_id']} ", style="bold")
    header.append(_path(claim))
    console.print(header)
    console.print(_plain(f"  “{claim['content']}”"))
    if data["stands_for"]:
        console.print(
            _plain(f"  (traced through {data['stands_for']}, the claim told inside it)", "dim")
        )
    _print_score(provenance, console)
    if data.get("own_score"):
        _print_own_score(data["own_score"], console)
    console.print(_provenance_tree(provenance))
    _print_tellings(data["tellings"], console)
    _print_stances(provenance.get("stances") or [], console)
    _print_events(data["events"], console)


def _print_score(provenance: dict[str, Any], console: Console) -> None:
    score, depth = provenance["score"], provenance["chain_depth"]
    console.print(
        _plain(
            f"say-so score {score['value']}/100 — {provenance['tellings']} tellings in "
            f"{provenance['articles']} articles, {provenance['independent_sources']} independent "
            f"source(s), depth {depth['min']}–{depth['max']}, "
            f"anonymous {100 * provenance['anonymous_share']:.0f}%, first seen "
            f"{provenance['first_seen'] or '?'}, latest {provenance['last_seen'] or '?'}",
            "bold",
        )
    )
    if provenance.get("covers"):
        console.print(_plain(f"  covers: {provenance['covers']}"))
    _print_reasons(score, console, evidence=True)


def _print_own_score(own: dict[str, Any], console: Console) -> None:
    """A nested claim's own score: what its chain alone is worth."""
    heading = f"this telling on its own (told through others): {own['value']}/100"
    console.print(_plain(heading, "bold"))
    _print_reasons(own, console, evidence=False)


def _print_reasons(score: dict[str, Any], console: Console, evidence: bool) -> None:
    """A score's base and its reasons, each with its evidence when asked."""
    console.print(_plain(f"  {score['base']:+d}  base"))
    for reason in score["reasons"]:
        console.print(_plain(f"  {reason['points']:+d}  {reason['why']}"))
        for item in (reason.get("evidence") or []) if evidence else []:
            console.print(_plain(f"        {item}", "dim"))


def _provenance_tree(provenance: dict[str, Any]) -> Tree:
    root = Tree(_plain("provenance: original speakers, who passed it on, who published it"))
    for node in provenance["tree"]:
        _branch(root, node)
    return root


def _branch(parent: Tree, node: dict[str, Any]) -> None:
    if node["kind"] == "publisher":
        for t in node["tellings"]:
            pairs = (
                ("denies", t["denies"]),
                ("wire copy", t["wire_copy"]),
                (f"own voice: {t.get('statement')}", t.get("own_voice")),
            )
            flags = [f for f, on in pairs if on]
            suffix = f" [{', '.join(flags)}]" if flags else ""
            parent.add(
                _plain(
                    f"{node['name']} {t['published'] or ''} "
                    f"{t['article_id']}/{t['attribution_id']}{suffix}"
                )
            )
        return
    label = node["name"] + (" (anonymous)" if node.get("anonymous") else "")
    if node.get("cue"):
        label += f" — {node['cue']}"
    branch = parent.add(_plain(label))
    for child in node["children"]:
        _branch(branch, child)


def _print_tellings(tellings: list[dict[str, Any]], console: Console) -> None:
    if not tellings:
        console.print(_plain("no other tellings in the store"))
        return
    console.print(_plain(f"{len(tellings)} other telling(s):", "bold"))
    for t in tellings:
        relation = t["relation"] or {}
        line = Text("  ")
        line.append(
            f"{relation.get('kind', '?'):<13} ",
            style=_RELATION_STYLE.get(relation.get("kind", ""), ""),
        )
        line.append(f"{t['article_id']}/{t['attribution_id']} {t['published'] or ''} {_path(t)}")
        console.print(line)
        console.print(_plain(f"      “{t['content']}” — {relation.get('reason', '')}", "dim"))


def _print_stances(stances: list[dict[str, Any]], console: Console) -> None:
    if not stances:
        return
    console.print(_plain("each article's stance toward the claim:", "bold"))
    for item in stances:
        style = {"for": "green", "against": "bold red"}.get(item["stance"], "")
        line = Text("  ")
        line.append(f"{item['stance']:<10}", style=style)
        line.append(
            f"{item['publisher'] or '(unknown publisher)'} {item['published'] or 'undated'} "
            f"{item['article_id']} — {item['evidence'].get('why', '')}"
        )
        console.print(line)


def _print_events(events: list[dict[str, Any]], console: Console) -> None:
    for event in events:
        mates = event["elsewhere"]
        console.print(
            _plain(
                f"event {event['event_id']} {event['type']} “{event['trigger']}”: "
                f"told in {len(mates)} other article(s)"
            )
        )
        for mate in mates[:10]:
            console.print(
                _plain(
                    f"    {mate['article_id']}/{mate['event_id']} {mate['day'] or ''} "
                    f"{mate['publisher'] or ''} “{mate['trigger']}”"
                )
            )


def render_events(clusters: list[dict[str, Any]], console: Console) -> None:
    if not clusters:
        console.print(_plain("no event is told by more than one article (yet)"))
        return
    for cluster in clusters:
        console.print(
            _plain(
                f"#{cluster['id']} {cluster['label']}: {cluster['articles']} articles, "
                f"{cluster['mentions']} mentions, {cluster['first_seen'] or '?'} – "
                f"{cluster['last_seen'] or '?'}; {', '.join(cluster['publishers'])}",
                "bold",
            )
        )
        for m in cluster["members"]:
            console.print(
                _plain(
                    f"    {m['article_id']}/{m['event_id']} {m['day'] or ''} "
                    f"{m['publisher'] or ''}: “{m['trigger']}” — {m['title'] or ''}"
                )
            )
