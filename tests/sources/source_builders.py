"""Helpers that build exports for the source tests: zips, tars and Bluesky CAR files."""

from __future__ import annotations

import hashlib
import io
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import libipld

DATA = Path(__file__).parent / "data"


def zip_dir(folder: Path, out: Path, prefix: str = "", rename: dict[str, str] | None = None) -> Path:
    """Zip `folder` into `out`, optionally under a top folder and renaming members."""
    rename = rename or {}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                rel = path.relative_to(folder).as_posix()
                zf.write(path, prefix + rename.get(rel, rel))
    return out


def tar_dir(folder: Path, out: Path) -> Path:
    with tarfile.open(out, "w:gz") as tf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                tf.add(path, path.relative_to(folder).as_posix())
    return out


def add_zip_entry(zf: zipfile.ZipFile, name: str, data: bytes, *, symlink: bool = False) -> None:
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    if symlink:
        info.create_system = 3
        info.external_attr = (0o120777 << 16) & 0xFFFF0000
    zf.writestr(info, data)


def add_tar_entry(tf: tarfile.TarFile, name: str, data: bytes = b"", link: str | None = None) -> None:
    info = tarfile.TarInfo(name)
    if link is not None:
        info.type = tarfile.SYMTYPE
        info.linkname = link
        tf.addfile(info)
        return
    info.size = len(data)
    tf.addfile(info, io.BytesIO(data))


# -- Bluesky CARs ------------------------------------------------------------------------------


def varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def cid_of(block: bytes, codec: int = 0x71) -> bytes:
    """A CIDv1 (sha2-256) in binary form; libipld encodes such bytes as DAG-CBOR links."""
    return bytes([0x01, codec, 0x12, 0x20]) + hashlib.sha256(block).digest()


def _node(entries: list[tuple[str, bytes]], left: bytes | None) -> dict[str, Any]:
    out: list[dict[str, Any]] = []
    prev = b""
    for key, value in entries:
        kb = key.encode()
        shared = 0
        while shared < min(len(prev), len(kb)) and prev[shared] == kb[shared]:
            shared += 1
        out.append({"p": shared, "k": kb[shared:], "v": value, "t": None})
        prev = kb
    return {"l": left, "e": out}


def build_car(
    records: dict[str, dict[str, Any]],
    did: str = "did:plc:testaccountaaaaaaaaaaaa",
    *,
    drop_records: tuple[str, ...] = (),
    drop_left_node: bool = False,
    drop_commit: bool = False,
    orphans: tuple[dict[str, Any], ...] = (),
) -> bytes:
    """A repo CAR with a two-node MST: half the keys in a left subtree, the rest in the root."""
    encoded = {key: libipld.encode_dag_cbor(rec) for key, rec in records.items()}
    items = sorted((key, cid_of(block)) for key, block in encoded.items())
    half = len(items) // 2
    blocks: dict[bytes, bytes] = {}
    left_block = libipld.encode_dag_cbor(_node(items[:half], None)) if half else None
    left_cid = cid_of(left_block) if left_block else None
    root_block = libipld.encode_dag_cbor(_node(items[half:], left_cid))
    root_cid = cid_of(root_block)
    commit = libipld.encode_dag_cbor(
        {
            "did": did,
            "version": 3,
            "data": root_cid,
            "rev": "3lg5umz5uu22b",
            "prev": None,
            "sig": b"\x00" * 64,
        }
    )
    commit_cid = cid_of(commit)
    if not drop_commit:
        blocks[commit_cid] = commit
    blocks[root_cid] = root_block
    if left_block and left_cid and not drop_left_node:
        blocks[left_cid] = left_block
    for key, block in encoded.items():
        if key not in drop_records:
            blocks[cid_of(block)] = block
    for orphan in orphans:
        block = libipld.encode_dag_cbor(orphan)
        blocks[cid_of(block)] = block
    header = libipld.encode_dag_cbor({"version": 1, "roots": [commit_cid]})
    out = bytearray(varint(len(header)) + header)
    for cid, block in blocks.items():
        out += varint(len(cid) + len(block)) + cid + block
    return bytes(out)
