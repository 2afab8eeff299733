"""Articles made to attack the web app: script and attribute-breaking payloads in the
text, the title, the publisher, speaker names, cues, ids, removed pieces and events."""

from __future__ import annotations

from sayso.analyze import article_id
from sayso.model import (
    Analysis,
    Article,
    Attribution,
    AttributionKind,
    Content,
    Cue,
    Entity,
    EntityType,
    Event,
    EventArgument,
    RemovedKind,
    RemovedPiece,
    Source,
    TextSpan,
)

SCRIPT = '<script>alert("xss-script")</script>'
IMG = '"><img src=x onerror=alert("xss-img")>'
PAYLOADS = (SCRIPT, IMG)

# The NLP path: a text the pipeline analyses itself, with payloads in and around claims.
NLP_TEXT = (
    f"Minister John Smith said that {SCRIPT} was found in the ministry's code.\n\n"
    f"“The attack {IMG} was stopped in time,” Smith told reporters on Tuesday.\n\n"
    f"According to the police, {IMG} and {SCRIPT} are harmless strings."
)


def hostile_analysis() -> Analysis:
    """An analysis built by hand: every field a page shows carries a payload."""
    speaker = f"Evil {IMG} Person"
    other = f"{SCRIPT} Jones"
    cue = "said"
    first = f"{speaker} {cue} that the {SCRIPT} plan works."
    second = f"{other} {cue} that {IMG} is fine."
    caption = f"FILE PHOTO: {IMG}"
    text = f"{first}\n\n{second}\n\n{caption}"
    s1, c1 = 0, len(speaker) + 1
    t1 = c1 + len(cue) + 1
    o2 = len(first) + 2
    c2 = o2 + len(other) + 1
    t2 = c2 + len(cue) + 1
    r0 = text.index(caption)
    e1 = Entity(
        "e1", speaker, EntityType.PERSON, roles=[SCRIPT], mentions=[(s1, s1 + len(speaker))]
    )
    e2 = Entity("e2", other, EntityType.PERSON, roles=[IMG], mentions=[(o2, o2 + len(other))])
    a1 = Attribution(
        id="a1",
        kind=AttributionKind.INDIRECT,
        source=Source(s1, s1 + len(speaker), speaker, entity=speaker, entity_id="e1"),
        cue=Cue(c1, c1 + len(cue), cue, "say"),
        content=Content(((t1, len(first) - 1),), text[t1 : len(first) - 1]),
        events=["v1"],
    )
    a2 = Attribution(
        id='"><script>a2',  # ids are VARCHAR(16) in the store
        kind=AttributionKind.INDIRECT,
        source=Source(o2, o2 + len(other), other, entity=other, entity_id="e2"),
        cue=Cue(c2, c2 + len(cue), cue, "say"),
        content=Content(((t2, len(first) + 2 + len(second) - 1),), ""),
        nested_in="a1",
    )
    a2.content = Content(a2.content.spans, text[a2.content.start : a2.content.end])
    trigger_at = text.index("plan")
    event = Event(
        id="v1",
        type=SCRIPT,
        trigger=TextSpan(trigger_at, trigger_at + 4, "plan"),
        predicate=IMG,
        actors=[EventArgument(s1, s1 + len(speaker), speaker, entity=speaker, code=IMG)],
        attribution="a1",
        according_to=[speaker],
    )
    article = Article(
        id=article_id(text),
        text=text,
        url="javascript:alert('xss-url')",
        title=f"Title {SCRIPT} {IMG}",
        standfirst=IMG,
        publisher=f"Publisher {IMG}",
        byline=SCRIPT,
        published="2024-04-01",
    )
    return Analysis(
        article=article,
        removed=[RemovedPiece(RemovedKind.PHOTO_CAPTION, r0, r0 + len(caption), caption)],
        attributions=[a1, a2],
        entities=[e1, e2],
        events=[event],
    )
