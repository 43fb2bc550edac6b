#!/usr/bin/env python3
"""Writes the seed corpus in fuzz/corpus/<target>/: small valid and nearly valid inputs that show
libFuzzer the shape of each format. Re-run after changing it; the files are committed."""
import gzip, os, pathlib

root = pathlib.Path(__file__).resolve().parent / "corpus"

def write(target, name, data):
    d = root / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)

# Control bytes of the request-parser harness: limits selector, split mode, split seed (2 bytes).
# 0xFF = the default limits; modes: 0 whole, 1 byte at a time, 2 random pieces.
requests = {
    "get": b"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
    "get-query": b"GET /api/v1/builds?limit=1&offset=0 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n",
    "absolute-form": b"GET http://example.com/a%20b?q=1 HTTP/1.1\r\nHost: example.com\r\n\r\n",
    "options-asterisk": b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
    "post-length": b"POST /api/v1/builds HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"url\":\"a b\"}",
    "post-chunked": b"POST /u HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n",
    "expect-continue": b"PUT /u HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc",
    "pipelined": b"GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n\r\nHEAD /c HTTP/1.0\r\n\r\n",
    "http10-keepalive": b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    "content-length-list": b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2, 2\r\n\r\nok",
    "smuggle-cl-te": b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    "te-gzip": b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
    "bare-lf": b"GET / HTTP/1.1\nHost: x\n\n",
    "obs-fold": b"GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n",
    "version-2": b"GET / HTTP/2.0\r\nHost: x\r\n\r\n",
    "no-host": b"GET / HTTP/1.1\r\n\r\n",
    "percent-bad": b"GET /%zz%C3%28 HTTP/1.1\r\nHost: x\r\n\r\n",
}
body = b'{"prompt":"Build me a todo app"}' * 4
gz = gzip.compress(body, mtime=0)
requests["post-gzip"] = (b"POST /g HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(gz)) + gz
chunked_gz = b"%x\r\n" % len(gz) + gz + b"\r\n0\r\n\r\n"
requests["post-gzip-chunked"] = b"POST /g HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked_gz

for name, data in requests.items():
    write("request-parser", name, bytes([0xFF, 0, 0, 0]) + data)
    write("request-parser", name + "-bytes", bytes([0xFF, 1, 0, 0]) + data)
    write("request-parser", name + "-pieces-small-limits", bytes([0x55, 2, 0x12, 0x34]) + data)

# Chunked decoder control bytes: limits selector (0xFF = generous), split mode, seed.
chunked = {
    "simple": b"5\r\nhello\r\n0\r\n\r\n",
    "extensions": b"3;a=b;c=\"d\"\r\nabc\r\n0;last\r\n\r\n",
    "trailers": b"4\r\nwiki\r\n5\r\npedia\r\n0\r\nExpires: never\r\nX-Sum: 1\r\n\r\nNEXT",
    "uppercase-hex": b"A\r\n0123456789\r\n0\r\n\r\n",
    "huge-size": b"FFFFFFFFFFFFFFFFFFFF\r\n",
    "bad-crlf": b"3\r\nabcX\r\n",
    "bare-lf": b"3\nabc\n0\n\n",
}
for name, data in chunked.items():
    write("chunked-decoder", name, bytes([0xFF, 0, 0, 0]) + data)
    write("chunked-decoder", name + "-bytes", bytes([0xFF, 1, 0, 0]) + data)
    write("chunked-decoder", name + "-pieces-small-limits", bytes([0x55, 2, 0xAB, 0xCD]) + data)

# gzip: control byte picks the output limit (low 3 bits) and the round-trip level.
samples = {
    "json": b'{"id":"bld_1","status":"queued"}' * 20,
    "empty": b"",
    "zeros": bytes(70000),
    "text": b"The quick brown fox jumps over the lazy dog. " * 50,
}
for name, data in samples.items():
    write("gzip", name, bytes([0x36]) + gzip.compress(data, mtime=0))
    write("gzip", name + "-small-limit", bytes([0x02]) + gzip.compress(data, mtime=0))
two = gzip.compress(b"first member ", mtime=0) + gzip.compress(b"second member", mtime=0)
write("gzip", "two-members", bytes([0x36]) + two)
write("gzip", "truncated", bytes([0x36]) + gzip.compress(samples["json"], mtime=0)[:-6])
write("gzip", "plain", bytes([0x36]) + b"not gzip at all")
