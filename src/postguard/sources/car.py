"""Read an AT Protocol repository CAR file lazily and walk its Merkle Search Tree.

Blocks are indexed by CID (offsets only) and decoded on demand with `libipld`, the DAG-CBOR
decoder `atproto.CAR` itself uses, so a 50,000-record repo never sits decoded in memory and a
truncated file still yields the blocks before the cut. Records are found by walking the tree from
the commit (never by scanning blocks: a CAR can hold old commits and deleted records). Missing
nodes or records are reported and the walk carries on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import libipld

from postguard.errors import InputError
from postguard.sources.common import Warnings, one_line

MAX_DEPTH = 64


def read_varint(data: bytes, pos: int) -> tuple[int, int]:
    """An unsigned LEB128 varint at `pos`: (value, position after it)."""
    value, shift = 0, 0
    while True:
        if pos >= len(data) or shift > 63:
            raise ValueError("truncated varint")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, pos
        shift += 7


def cid_length(data: bytes, pos: int) -> int:
    """Byte length of the binary CID starting at `pos` (v0 or v1)."""
    if data[pos : pos + 2] == b"\x12\x20":
        return 34
    version, p = read_varint(data, pos)
    if version != 1:
        raise ValueError(f"unsupported CID version {version}")
    _codec, p = read_varint(data, p)
    _hash_code, p = read_varint(data, p)
    digest_len, p = read_varint(data, p)
    return p + digest_len - pos


def cid_str(link: object) -> str | None:
    """The text form (`bafy...`) of a link as the decoder gives it (raw CID bytes), or None."""
    if isinstance(link, dict):
        link = link.get("$link")
    if isinstance(link, str):
        return link
    if isinstance(link, bytes):
        try:
            return libipld.encode_cid(link)
        except ValueError:
            return None
    return None


class Car:
    """A CAR v1 file in memory: its root and a lazily decoded block index."""

    def __init__(self, data: bytes, source: str, warnings: Warnings) -> None:
        self.data = data
        self.source = source
        self.warnings = warnings
        self.index: dict[bytes, tuple[int, int]] = {}
        try:
            length, pos = read_varint(data, 0)
            header = libipld.decode_dag_cbor(data[pos : pos + length])
        except (ValueError, RecursionError) as exc:
            raise InputError(one_line(f"{source}: not a readable CAR file ({exc})")) from None
        roots = header.get("roots") if isinstance(header, dict) else None
        if not isinstance(roots, list) or not roots or not isinstance(roots[0], bytes):
            raise InputError(one_line(f"{source}: CAR header has no root"))
        self.root: bytes = roots[0]
        self._scan(pos + length)

    def _scan(self, pos: int) -> None:
        data = self.data
        while pos < len(data):
            try:
                length, start = read_varint(data, pos)
                end = start + length
                if length == 0 or end > len(data):
                    raise ValueError("block runs past the end of the file")
                cid_end = start + cid_length(data, start)
                if cid_end > end:
                    raise ValueError("CID longer than its block")
            except (ValueError, IndexError) as exc:
                self.warnings.add(
                    self.source,
                    f"CAR is truncated or corrupt at byte {pos} ({exc}); {len(self.index)} blocks read",
                )
                return
            self.index.setdefault(data[start:cid_end], (cid_end, end))
            pos = end

    def __contains__(self, cid: object) -> bool:
        return cid in self.index

    def get(self, cid: bytes) -> Any:
        """The decoded block, or None when absent or undecodable (reported)."""
        span = self.index.get(cid)
        if span is None:
            return None
        try:
            return libipld.decode_dag_cbor(self.data[span[0] : span[1]])
        except (ValueError, RecursionError) as exc:
            self.warnings.add(self.source, f"block {cid_str(cid)} is not valid DAG-CBOR ({exc})")
            return None

    # -- Merkle Search Tree --------------------------------------------------------------------
    def _node(self, cid: bytes, seen: set[bytes]) -> dict[str, Any] | None:
        if cid in seen:
            self.warnings.add(self.source, f"MST node {cid_str(cid)} repeats (a cycle); skipped")
            return None
        seen.add(cid)
        node = self.get(cid)
        if node is None:
            self.warnings.add(self.source, f"MST node {cid_str(cid)} is missing: records under it are lost")
            return None
        if not isinstance(node, dict) or not isinstance(node.get("e"), list):
            self.warnings.add(self.source, f"block {cid_str(cid)} is not an MST node; skipped")
            return None
        return node

    def walk(self, root: bytes) -> Iterator[tuple[str, bytes]]:
        """(key, record CID) for every entry of the tree, in key order."""
        yield from self._walk(root, set(), 0)

    def _walk(self, cid: bytes, seen: set[bytes], depth: int) -> Iterator[tuple[str, bytes]]:
        if depth > MAX_DEPTH:
            self.warnings.add(self.source, "MST deeper than expected; stopped descending")
            return
        node = self._node(cid, seen)
        if node is None:
            return
        left = node.get("l")
        if isinstance(left, bytes):
            yield from self._walk(left, seen, depth + 1)
        key = b""
        for entry in node["e"]:
            try:
                prefix, suffix, value = entry["p"], entry["k"], entry["v"]
                if not isinstance(suffix, bytes) or not isinstance(value, bytes):
                    raise TypeError("bad entry types")
                key = key[:prefix] + suffix
            except (KeyError, TypeError) as exc:
                self.warnings.add(self.source, f"malformed MST entry skipped ({exc!r})")
                continue
            try:
                yield key.decode("utf-8"), value
            except UnicodeDecodeError:
                self.warnings.add(self.source, f"MST key {key!r} is not UTF-8; skipped")
            tree = entry.get("t")
            if isinstance(tree, bytes):
                yield from self._walk(tree, seen, depth + 1)

    def lookup(self, root: bytes, wanted: str) -> bytes | None:
        """The record CID stored under `wanted`, descending only the branch that can hold it."""
        target = wanted.encode()
        cid: bytes | None = root
        seen: set[bytes] = set()
        for _ in range(MAX_DEPTH):
            if cid is None:
                return None
            node = self._node(cid, seen)
            if node is None:
                return None
            nxt = node.get("l") if isinstance(node.get("l"), bytes) else None
            key = b""
            for entry in node["e"]:
                try:
                    key = key[: entry["p"]] + entry["k"]
                except (KeyError, TypeError):
                    return None
                if key == target:
                    value = entry.get("v")
                    return value if isinstance(value, bytes) else None
                if key > target:
                    break
                nxt = entry.get("t") if isinstance(entry.get("t"), bytes) else None
            cid = nxt
        return None
