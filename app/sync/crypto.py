"""The sync folder's key and boxes: a 32-byte key derived from the passphrase by
Argon2id (libsodium's ``pwhash``) with a salt kept in the folder, and every file
sealed with XSalsa20-Poly1305 (``SecretBox``): a wrong key or one changed byte
fails authentication, and nothing of such a file is read."""

from __future__ import annotations

from nacl import pwhash, secret, utils
from nacl.exceptions import CryptoError

from app.errors import ErrorCode, FokusError

SALT_BYTES = pwhash.argon2id.SALTBYTES
KEY_BYTES = secret.SecretBox.KEY_SIZE
# libsodium's "interactive" limits (64 MiB, a fraction of a second): a key is
# derived once per machine at setup, then kept in the data directory.
OPSLIMIT = pwhash.argon2id.OPSLIMIT_INTERACTIVE
MEMLIMIT = pwhash.argon2id.MEMLIMIT_INTERACTIVE


def new_salt() -> bytes:
    return utils.random(SALT_BYTES)


def derive_key(passphrase: str, salt: bytes) -> bytes:
    if not passphrase:
        raise FokusError(ErrorCode.INVALID_VALUE, field="passphrase", value="")
    return bytes(pwhash.argon2id.kdf(KEY_BYTES, passphrase.encode("utf-8"), salt,
                                     opslimit=OPSLIMIT, memlimit=MEMLIMIT))


def seal(key: bytes, plain: bytes) -> bytes:
    return bytes(secret.SecretBox(key).encrypt(plain))


def open_box(key: bytes, sealed: bytes, name: str) -> bytes:
    """The plain bytes, or FokusError(SYNC_FILE_REFUSED) naming the file."""
    try:
        return bytes(secret.SecretBox(key).decrypt(sealed))
    except (CryptoError, ValueError, TypeError):
        raise FokusError(ErrorCode.SYNC_FILE_REFUSED, file=name) from None
