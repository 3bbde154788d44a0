"""Editors: argon2 password hashes, signed session cookies, CSRF tokens and a login rate limit.

A session is a cookie signed with itsdangerous holding ``{"u": username or None, "csrf": token}``; every
visitor who opens a form gets one, so the login form is CSRF-protected too. Roles rank
``viewer < editor < admin``; editing needs ``editor``.
"""

from __future__ import annotations

import hmac
import os
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..errors import InputError

ROLES = ("viewer", "editor", "admin")
SESSION_COOKIE = "fp_session"
SESSION_MAX_AGE = 8 * 3600
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def add_user(store: Any, username: str, password: str, role: str) -> dict[str, str]:
    """Create or replace an editor account; returns ``{"username", "role"}``."""
    username = username.strip()
    if not username or len(username) > 100 or not all(c.isalnum() or c in "._-@" for c in username):
        raise InputError(f"{username!r} is not a username (letters, digits and . _ - @, at most 100)", where="NAME")
    if role not in ROLES:
        raise InputError(f"{role!r} is not a role (use {', '.join(ROLES)})", where="--role")
    if len(password) < 8:
        raise InputError("the password needs at least 8 characters", where="password")
    store.save_user(username, hash_password(password), role)
    return {"username": username, "role": role}


def authenticate(store: Any, username: str, password: str) -> dict[str, Any] | None:
    user = store.user(username)
    if user is None:
        _hasher.hash(password)  # spend the same time whether or not the user exists
        return None
    return user if verify_password(user["password_hash"], password) else None


def _at_least(role: str | None, needed: str) -> bool:
    return role is not None and role in ROLES and ROLES.index(role) >= ROLES.index(needed)


def can_edit(role: str | None) -> bool:
    """Editors and admins add and correct records."""
    return _at_least(role, "editor")


def can_delete(role: str | None) -> bool:
    """Only admins delete records."""
    return _at_least(role, "admin")


@dataclass
class Session:
    user: str | None = None
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    changed: bool = False
    fresh: bool = False  # no valid cookie came with the request

    def as_dict(self) -> dict[str, Any]:
        return {"u": self.user, "csrf": self.csrf}


class Sessions:
    """Signs and reads the session cookie."""

    def __init__(self, secret: str | None = None) -> None:
        secret = secret or os.environ.get("FOOTPRINT_SECRET_KEY") or secrets.token_hex(32)
        self._serializer = URLSafeTimedSerializer(secret, salt="footprint-session")

    def load(self, cookie: str | None) -> Session:
        if cookie:
            try:
                data = self._serializer.loads(cookie, max_age=SESSION_MAX_AGE)
            except BadSignature:
                data = None
            if isinstance(data, dict) and isinstance(data.get("csrf"), str):
                user = data.get("u")
                return Session(user=user if isinstance(user, str) else None, csrf=data["csrf"])
        return Session(fresh=True)

    def dump(self, session: Session) -> str:
        return self._serializer.dumps(session.as_dict())


def csrf_ok(session: Session, submitted: str | None) -> bool:
    return bool(submitted) and hmac.compare_digest(session.csrf, str(submitted))


class LoginLimiter:
    """At most ``attempts`` failed sign-ins per client address and per username within ``window`` seconds."""

    def __init__(self, attempts: int = 5, window: float = 900.0) -> None:
        self.attempts = attempts
        self.window = window
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures[key]
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def blocked(self, *keys: str) -> bool:
        now = time.monotonic()
        with self._lock:
            return any(len(self._recent(k, now)) >= self.attempts for k in keys)

    def fail(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for k in keys:
                self._recent(k, now).append(now)

    def reset(self, *keys: str) -> None:
        with self._lock:
            for k in keys:
                self._failures.pop(k, None)
