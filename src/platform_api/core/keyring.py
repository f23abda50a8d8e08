"""The process's personal-data keyring: from `PII_KEYS`, or on a development machine a key
generated once under `var_dir/keys` (so `make run` needs no configuration). Settings
refuse `ENVIRONMENT=production` without `PII_KEYS`.

The keyring is installed once per process by `create_app` and `migrate`, from the same
settings, and read by the services that seal and open personal fields.
"""

from __future__ import annotations

from platform_api.core.crypto import Keyring, new_key, parse_key
from platform_api.core.files import create_once
from platform_api.settings import Settings

#: The key id of a generated development key.
DEVELOPMENT_KEY_ID = "development"

_installed: Keyring | None = None


def load_keyring(settings: Settings) -> Keyring:
    if settings.pii_keys:
        keys = {kid: parse_key(key.get_secret_value()) for kid, key in settings.pii_keys.items()}
        if not settings.pii_active_key and len(keys) > 1:
            raise ValueError("PII_ACTIVE_KEY must name the key of PII_KEYS that seals new values")
        return Keyring.from_keys(keys, settings.pii_active_key or next(iter(keys)))
    path = settings.var_dir / "keys" / "personal-data.key"
    create_once(path, new_key().encode())
    key = parse_key(path.read_text().strip())
    return Keyring.from_keys({DEVELOPMENT_KEY_ID: key}, DEVELOPMENT_KEY_ID)


def install_keyring(settings: Settings) -> Keyring:
    global _installed
    _installed = load_keyring(settings)
    return _installed


def keyring() -> Keyring:
    if _installed is None:
        raise RuntimeError("no personal-data keyring: create_app() or migrate() installs it")
    return _installed
