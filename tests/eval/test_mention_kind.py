"""The kind of a source mention, by which ``sayso eval speakers`` breaks its figures down."""

from __future__ import annotations

import pytest

from sayso.eval.mentionkind import MentionKind, mention_kind

CASES = [
    ("he", MentionKind.PRONOUN),
    ("She", MentionKind.PRONOUN),
    ("I", MentionKind.PRONOUN),
    ("they", MentionKind.PRONOUN),
    ("who", MentionKind.PRONOUN),  # relative pronouns are pronouns
    ("which", MentionKind.PRONOUN),
    ("Caddell", MentionKind.SHORT_NAME),
    ("WALLACE", MentionKind.SHORT_NAME),  # transcripts
    ("The Post", MentionKind.SHORT_NAME),
    ("the IMF", MentionKind.SHORT_NAME),
    ("Trump’s", MentionKind.SHORT_NAME),  # possessive
    ("@nycsouthpaw", MentionKind.SHORT_NAME),
    ("Roe, the president of the union,", MentionKind.SHORT_NAME),  # name, apposition
    ("Mr. Obama", MentionKind.TITLE_NAME),
    ("President Obama", MentionKind.TITLE_NAME),
    ("Vice President Pence", MentionKind.TITLE_NAME),
    ("Sen. Kaine", MentionKind.TITLE_NAME),
    ("Mrs. Clinton's", MentionKind.TITLE_NAME),
    ("the president", MentionKind.DESCRIPTION),
    ("The President", MentionKind.DESCRIPTION),  # a title alone names no one
    ("The Republican nominee", MentionKind.DESCRIPTION),
    ("a source", MentionKind.DESCRIPTION),
    ("his campaign", MentionKind.DESCRIPTION),
    ("Republicans", MentionKind.DESCRIPTION),  # a party in the plural: a group
    ("Democrats", MentionKind.DESCRIPTION),
    ("Twelve percent", MentionKind.DESCRIPTION),
    ("the Clinton campaign", MentionKind.DESCRIPTION),
    ("", MentionKind.DESCRIPTION),
]


@pytest.mark.parametrize(("text", "kind"), CASES)
def test_mention_kind(text, kind):
    assert mention_kind(text) == kind
