"""The per-install Ed25519 key that signs export bundles, kept owner-only beside the log.

A signature shows that a bundle was made on the computer holding this key and was not changed
since. The key is made on the first export and never replaced silently: a new key would make
every earlier bundle look as if it came from another computer.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from postguard.evidence.home import FILE_MODE, ensure_private_dir, fsync_dir
from postguard.evidence.store import StoreError

KEY_NAME = "signing-key.pem"


def signing_key(home: Path) -> Ed25519PrivateKey:
    """This install's private key, created on first use."""
    path = home / KEY_NAME
    if not path.exists():
        _create(path)
    return _load(path)


def installed_key(home: Path) -> Ed25519PublicKey | None:
    """This install's public key, or None when no bundle was ever exported here."""
    path = home / KEY_NAME
    return _load(path).public_key() if path.exists() else None


def public_pem(key: Ed25519PublicKey) -> bytes:
    """The public key as PEM, the form OpenSSL reads."""
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def read_public_pem(data: bytes) -> Ed25519PublicKey | None:
    """A public key from PEM bytes; None when they are not an Ed25519 public key."""
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return None
    return key if isinstance(key, Ed25519PublicKey) else None


def fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw 32-byte public key, in hex: short enough to print and compare."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def signature_holds(key: Ed25519PublicKey, signature: bytes, data: bytes) -> bool:
    try:
        key.verify(signature, data)
    except InvalidSignature:
        return False
    return True


def _create(path: Path) -> None:
    """Write a new key to a temporary file, then link it into place.

    Linking never replaces a key another export created meanwhile: both then use that one.
    """
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    temp = path.with_name(f".{path.name}.tmp-{secrets.token_hex(6)}")
    try:
        ensure_private_dir(path.parent)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(temp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        raise StoreError(f"cannot create the signing key {path}: {exc.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _load(path: Path) -> Ed25519PrivateKey:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"cannot read the signing key {path}: {exc.strerror}") from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise StoreError(
            f"the signing key {path} is damaged; restore it from a backup (a new key would not "
            "match the bundles already exported)"
        )
    return key
