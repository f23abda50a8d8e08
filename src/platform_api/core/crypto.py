"""Field encryption of personal data at rest: AES-256-GCM under a keyring that rotates.

Pure: keys come in, bytes go out, nothing is read or written here. A ciphertext is

    version (1 byte) | key id length (1 byte) | key id | nonce (12 bytes) | sealed text

and names the key it was sealed with, so old rows still open after a new key becomes the
active one. The associated data binds the header, the tenant, the row and the column: a
ciphertext copied to another row, column or tenant (or given another key id) does not
open, it raises `UndecryptableError`.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_VERSION = 1
_NONCE_BYTES = 12
KEY_BYTES = 32
_KEY_ID = re.compile(r"^[A-Za-z0-9._-]{1,32}$")


class UndecryptableError(ValueError):
    """The ciphertext is damaged, sealed for another row, column or tenant, or under a key
    the keyring does not hold."""


def parse_key(encoded: str) -> bytes:
    """A base64 (standard or URL-safe) 256-bit key."""
    try:
        key = base64.b64decode(encoded.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("a personal-data key must be base64") from None
    if len(key) != KEY_BYTES:
        raise ValueError(f"a personal-data key must be {KEY_BYTES} bytes (AES-256)")
    return key


def new_key() -> str:
    """A fresh key, base64 as `PII_KEYS` takes it."""
    return base64.b64encode(os.urandom(KEY_BYTES)).decode()


@dataclass(frozen=True)
class Keyring:
    """Every key that may have sealed a stored value, and the one new values use."""

    active: str
    _ciphers: Mapping[bytes, AESGCM]

    @classmethod
    def from_keys(cls, keys: Mapping[str, bytes], active: str) -> Keyring:
        for key_id in keys:
            if not _KEY_ID.match(key_id):
                raise ValueError(f"key id {key_id!r}: 1-32 of A-Z a-z 0-9 . _ -")
        if active not in keys:
            raise ValueError(f"the active key {active!r} is not in the keyring")
        return cls(active, {kid.encode(): AESGCM(key) for kid, key in keys.items()})

    def encrypt(self, text: str, *, tenant_id: uuid.UUID, row_id: uuid.UUID, column: str) -> bytes:
        kid = self.active.encode()
        header = bytes((_VERSION, len(kid))) + kid
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._ciphers[kid].encrypt(
            nonce, text.encode(), _associated(header, tenant_id, row_id, column)
        )
        return header + nonce + sealed

    def decrypt(self, blob: bytes, *, tenant_id: uuid.UUID, row_id: uuid.UUID, column: str) -> str:
        if len(blob) < 2 or blob[0] != _VERSION:
            raise UndecryptableError("not a personal-data ciphertext")
        end = 2 + blob[1]
        cipher = self._ciphers.get(blob[2:end])
        if cipher is None:
            raise UndecryptableError("sealed under a key the keyring does not hold")
        try:
            text = cipher.decrypt(
                blob[end : end + _NONCE_BYTES],
                blob[end + _NONCE_BYTES :],
                _associated(blob[:end], tenant_id, row_id, column),
            )
        except InvalidTag:
            raise UndecryptableError("damaged, or sealed for another row or column") from None
        return text.decode()


def _associated(header: bytes, tenant_id: uuid.UUID, row_id: uuid.UUID, column: str) -> bytes:
    return header + tenant_id.bytes + row_id.bytes + column.encode()
