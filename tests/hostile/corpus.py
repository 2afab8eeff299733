"""The hostile corpus: inputs written to break readers, built into a folder at test time
(binary and huge ones are generated, not committed). ``EXPECT`` says what each must give:
"error" (only errors, each naming the input) or "ok" (at least one article)."""

from __future__ import annotations

import gzip
import json
import random
import zlib
from pathlib import Path

GOOD = (
    "Minister John Smith said on Tuesday that the new bridge would open in May.\n\n"
    "“We are ready,” Smith told reporters in the capital. According to the ministry, "
    "the works cost far less than planned."
)
PAYLOADS = ("=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "＝1+1")
BOMB_BYTES = 200 * 1024 * 1024  # inflated size of the WARC gzip bombs (compressed: ~200 KB)
LONG_LINE_BYTES = 100 * 1024 * 1024

EXPECT: dict[str, str] = {
    "binary.txt": "error",
    "binary.html": "error",
    "empty.txt": "error",
    "empty.html": "error",
    "blank.txt": "error",
    "cp1251-declared-utf8.html": "ok",
    "deep-nesting.html": "error",
    "huge-attribute.html": "error",
    "many-attributes.html": "error",
    "long-line.jsonl": "mixed",
    "long-line.csv": "error",
    "malformed.jsonl": "mixed",
    "malformed.csv": "ok",
    "csv-injection.csv": "ok",
    "nul-and-surrogates.jsonl": "ok",
    "xxe.rss": "ok",
    "billion-laughs.rss": "ok",
    "gzip-bomb.warc.gz": "error",
    "gzip-bomb-payload.warc": "error",
    "truncated.warc.gz": "mixed",
    "garbage.warc": "error",
}


def build(folder: Path) -> Path:
    """Write every hostile input into ``folder``; returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(9)
    write = {name: folder / name for name in EXPECT}
    write["binary.txt"].write_bytes(bytes(rng.randrange(256) for _ in range(8192)))
    write["binary.html"].write_bytes(b"\x89PNG\r\n\x1a\n" + rng.randbytes(8192))
    write["empty.txt"].write_bytes(b"")
    write["empty.html"].write_bytes(b"")
    write["blank.txt"].write_bytes(b" \n\t\n" * 100)
    write["cp1251-declared-utf8.html"].write_bytes(_page(_russian(), "utf-8").encode("cp1251"))
    write["deep-nesting.html"].write_bytes(_page("<div>" * 150_000 + GOOD).encode())
    huge = f'<p title="{"a" * 1_500_000}">{GOOD}</p>'
    write["huge-attribute.html"].write_bytes(_page(huge).encode())
    attributes = " ".join(f"a{i}=x" for i in range(150_000))
    write["many-attributes.html"].write_bytes(_page(f"<p {attributes}>{GOOD}</p>").encode())
    _long_line(write["long-line.jsonl"], b'{"text": "', b'"}\n' + _jsonl(GOOD))
    _long_line(write["long-line.csv"], b'text\n"', b'"\n')
    write["malformed.jsonl"].write_bytes(_malformed_jsonl())
    write["malformed.csv"].write_bytes(_malformed_csv())
    write["csv-injection.csv"].write_bytes(_csv_injection())
    text = GOOD.replace("Tuesday", "Tues\x00day").replace("ready", "re\ud800ady")
    nul = json.dumps({"text": text, "title": "A\x00B"}, ensure_ascii=True)
    write["nul-and-surrogates.jsonl"].write_bytes(nul.encode() + b"\n")
    write["xxe.rss"].write_bytes(_feed('<!ENTITY xxe SYSTEM "file:///etc/passwd">', "&xxe;"))
    laughs = _billion_laughs()
    write["billion-laughs.rss"].write_bytes(_feed(laughs, "&lol9;"))
    write["gzip-bomb.warc.gz"].write_bytes(_warc_bomb())
    bomb = gzip.compress(b"\0" * BOMB_BYTES, compresslevel=9)
    write["gzip-bomb-payload.warc"].write_bytes(_warc_record(bomb, "Content-Encoding: gzip\r\n"))
    whole = gzip.compress(_warc_record(_page(GOOD).encode()))
    write["truncated.warc.gz"].write_bytes(whole + whole[: len(whole) // 2])
    write["garbage.warc"].write_bytes(b"WARC/1.0\r\n" + rng.randbytes(4096))
    return folder


def _page(body: str, charset: str = "utf-8") -> str:
    return (
        f'<!doctype html><html><head><meta charset="{charset}"><title>Bridge</title></head>'
        f"<body><article>{body}</article></body></html>"
    )


def _russian() -> str:
    sentence = "Министр заявил во вторник, что новый мост откроется в мае этого года. "
    return "<p>" + sentence * 6 + "</p>"


def _jsonl(text: str) -> bytes:
    return json.dumps({"text": text}).encode() + b"\n"


def _long_line(path: Path, head: bytes, tail: bytes) -> None:
    chunk = b"x" * (1 << 20)
    with path.open("wb") as out:
        out.write(head)
        for _ in range(LONG_LINE_BYTES // len(chunk)):
            out.write(chunk)
        out.write(tail)


def _malformed_jsonl() -> bytes:
    lines = [b"{not json", b"[1, 2, 3]", b'{"text": 42}', b'{"text": ""}', b"\xff\xfe\x00"]
    return b"\n".join([*lines, _jsonl(GOOD.replace("May", "June"))])


def _malformed_csv() -> bytes:
    good = GOOD.replace("May", "July").replace('"', '""')
    return f'text,title\n"{good}",ok\n"unclosed quote,x\n'.encode()


def _csv_injection() -> bytes:
    rows = ["text,title,publisher"]
    for n, payload in enumerate(PAYLOADS):
        quoted = payload.replace('"', '""')
        body = f"“{payload} is the formula {n},” John Smith said. {GOOD}".replace('"', '""')
        rows.append(f'"{body}","{quoted}","{quoted}"')
    return ("\n".join(rows) + "\n").encode()


def _feed(doctype: str, entity: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [{doctype}]>\n<rss version="2.0"><channel>'
        f"<title>Feed {entity}</title><item><title>Item</title>"
        f"<description>{GOOD} {entity}</description></item></channel></rss>"
    ).encode()


def _billion_laughs() -> str:
    entities = ['<!ENTITY lol0 "lol">']
    entities += [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    return "".join(entities)


def _warc_record(payload: bytes, extra_headers: str = "") -> bytes:
    http = (
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        f"{extra_headers}Content-Length: {len(payload)}\r\n\r\n"
    ).encode() + payload
    return _warc_head(len(http)) + http + b"\r\n\r\n"


def _warc_head(length: int) -> bytes:
    return (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/a\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        "WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode()


def _warc_bomb() -> bytes:
    """One gzip member that inflates to a 200 MB record, streamed through the compressor."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(_warc_head(BOMB_BYTES))]
    zeros = b"\0" * (1 << 20)
    parts += [packer.compress(zeros) for _ in range(BOMB_BYTES // len(zeros))]
    parts.append(packer.flush())
    return b"".join(parts)
