"""Accounts: people, their logins, access tokens and invites, and the rate limits that guard them.

Every write to the account tables goes through here (clinical data goes through ``repository``), and
each one is audited in the same transaction. What lives where:

* A login session is a row keyed by the hash of the cookie's random value. It ends when idle for
  ``idle_minutes`` or ``absolute_hours`` after login, whichever comes first, and at logout (the row is
  deleted, so a copied cookie is dead too). ``last_seen_at`` is written at most once a minute, so a busy
  browser does not turn every read into a write.
* An access token (``oars_pat_…``) is shown once, kept as a hash, and works until revoked.
* An invite is a one-time link: hashed, expiring after ``invite_hours``, and used by a conditional
  UPDATE (``… WHERE used_at IS NULL AND expires_at > now``), so two tabs cannot both use it.
* Failed logins are counted per account and all logins per IP, in the database (see ``ratelimit``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from uuid import uuid4

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from oars.errors import ConfigError, StoreError
from oars.safety import resources_for
from oars.web import ratelimit
from oars.web.audit import Actor, UserView, record
from oars.web.backend import Backend
from oars.web.errors import Conflict, Invalid, NotAuthenticated, NotFound
from oars.web.models import ROLES, AccessToken, Invite, LoginSession, User
from oars.web.security import ACCESS_TOKEN_PREFIX, Passwords, hash_token, new_token, password_problem
from oars.web.text import clean, is_id

__all__ = ["Accounts", "Login", "normalise_email", "view"]

TOUCH_EVERY = timedelta(minutes=1)
"""How stale ``last_seen_at`` / ``last_used_at`` may get before a request writes it again."""

_SESSION_LOGIN = (  # built once: every cookie request runs it
    select(
        LoginSession.created_at,
        LoginSession.last_seen_at,
        User.active,
        *(User.id, User.email, User.name, User.role, User.clinician_id, User.locale),  # a UserView, in its order
    )
    .join(User, User.id == LoginSession.user_id)
    .where(LoginSession.token_hash == bindparam("token_hash"))
)
_TOKEN_LOGIN = (  # built once: every request with an access token runs it
    select(
        AccessToken.id,
        AccessToken.last_used_at,
        *(User.id, User.email, User.name, User.role, User.clinician_id, User.locale),  # a UserView, in its order
    )
    .join(User, User.id == AccessToken.user_id)
    .where(AccessToken.token_hash == bindparam("token_hash"), AccessToken.revoked_at.is_(None), User.active.is_(True))
)


@dataclass(frozen=True)
class Login:
    """A request's authenticated user and, for a cookie login, the session token (the CSRF key)."""

    user: UserView
    session_token: str | None = None


def normalise_email(email: str) -> str:
    """E-mail addresses are compared lower-cased and trimmed; anything without one "@" is refused."""
    cleaned = email.strip().lower()
    local, at, domain = cleaned.partition("@")
    if clean(cleaned) != cleaned:
        raise Invalid("an e-mail address cannot hold control characters")
    if not (local and at and domain) or "@" in domain or len(cleaned) > 254 or any(c.isspace() for c in cleaned):
        raise Invalid(f"not an e-mail address: {email[:60]!r}")
    return cleaned


def view(user: User) -> UserView:
    return UserView(user.id, user.email, user.name, user.role, user.clinician_id, user.locale)


class Accounts:
    """Logins, tokens and invites on one backend."""

    def __init__(self, backend: Backend, passwords: Passwords) -> None:
        self.backend = backend
        self.passwords = passwords
        self.settings = backend.settings

    # -- people ----------------------------------------------------------------------------------------

    def add_user(
        self,
        db: Session,
        *,
        email: str,
        name: str,
        role: str,
        locale: str,
        clinician_id: str | None = None,
        password: str | None = None,
    ) -> User:
        """Add a person in ``db``'s transaction; without a password they stay inactive until an invite is used."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; expected one of {', '.join(ROLES)}")
        try:
            resources_for(locale)  # an unknown locale is refused now, not when a crisis reply needs it
        except ConfigError as error:
            raise Invalid(str(error)) from None  # the caller sent it: a 400 naming the known locales, not a 500
        address = normalise_email(email)
        if db.scalar(select(User.id).where(User.email == address)) is not None:
            raise Conflict("an account with this e-mail address already exists")
        user = User(
            id=uuid4().hex,
            email=address,
            name=_name(name),
            role=role,
            clinician_id=clinician_id,
            locale=locale,
            password_hash=self._password_hash(password) if password is not None else None,
            active=password is not None,
            created_at=self.backend.clock(),
        )
        db.add(user)
        db.flush()
        return user

    def create_admin(self, email: str, name: str, password: str) -> UserView:
        """The first admin (``oars admin create``): active at once, with the password given."""
        actor = Actor(None, route="cli: oars admin create")
        try:
            with self.backend.writing() as db:
                user = self.add_user(
                    db, email=email, name=name, role="admin", locale=self.settings.default_locale, password=password
                )
                record(db, actor, self.backend.clock(), "create", "user", user.id)
                return view(user)
        except StoreError as error:
            if isinstance(error.__cause__, IntegrityError):  # the same address, added by someone else just now
                raise Conflict("an account with this e-mail address already exists") from None
            raise

    def issue_invite(self, db: Session, actor: Actor, user_id: str) -> str:
        """A new one-time link token for ``user_id``; earlier unused links for them stop working."""
        at = self.backend.clock()
        db.execute(update(Invite).where(Invite.user_id == user_id, Invite.used_at.is_(None)).values(expires_at=at))
        token = new_token()
        db.add(
            Invite(
                id=uuid4().hex,
                user_id=user_id,
                created_by=actor.user.id if actor.user else None,
                token_hash=hash_token(token),
                created_at=at,
                expires_at=at + timedelta(hours=self.settings.invite_hours),
            )
        )
        record(db, actor, at, "invite", "user", user_id, client_id=_client_of(db, user_id))
        return token

    def accept_invite(self, actor: Actor, token: str, password: str) -> UserView:
        """Use an invite: set the password and activate the account. A used or expired link is NotFound."""
        hashed = self._password_hash(password)  # before the transaction: hashing is slow on purpose
        at = self.backend.clock()
        self._count(f"invite:ip:{actor.ip}", self.settings.login_per_ip, "attempts from this address")
        with self.backend.writing() as db:
            used = db.execute(
                update(Invite)
                .where(Invite.token_hash == hash_token(token), Invite.used_at.is_(None), Invite.expires_at > at)
                .values(used_at=at)
                .returning(Invite.user_id)
            ).scalar_one_or_none()
            if used is None:
                raise NotFound("this invitation link is not valid: it was used already, has expired, or never existed")
            user = db.get_one(User, used)
            user.password_hash, user.active = hashed, True
            db.execute(delete(LoginSession).where(LoginSession.user_id == user.id))  # a reset ends old logins
            record(db, Actor(view(user), "none", actor.ip, actor.route), at, "accept_invite", "user", user.id)
            return view(user)

    def invite_status(self, token: str) -> UserView:
        """Who a still-valid invite is for (the page greets them by name); NotFound otherwise."""
        with self.backend.reading() as db:
            user = db.scalar(
                select(User)
                .join(Invite, Invite.user_id == User.id)
                .where(
                    Invite.token_hash == hash_token(token),
                    Invite.used_at.is_(None),
                    Invite.expires_at > self.backend.clock(),
                )
            )
            if user is None:
                raise NotFound("this invitation link is not valid: it was used already, has expired, or never existed")
            return view(user)

    # -- logging in and out ----------------------------------------------------------------------------

    def login(self, actor: Actor, email: str, password: str) -> tuple[UserView, str]:
        """Check the password and open a login session; return the user and the cookie's value.

        Failures say only "wrong e-mail or password", take the same time whether the account exists or
        not, and count against the account; every attempt counts against the IP address.
        """
        address = clean(email).strip().lower()[:254]
        window = self.settings.rate_window_seconds
        self._count(f"login:ip:{actor.ip}", self.settings.login_per_ip, "login attempts from this address")
        with self.backend.reading() as db:
            at = self.backend.clock()
            ratelimit.check(
                db,
                f"login:account:{address}",
                self.settings.login_per_account,
                at=at,
                seconds=window,
                what="failed logins",
            )
            user = db.scalar(select(User).where(User.email == address))
        usable = user is not None and user.active
        if not self.passwords.verify(user.password_hash if usable and user else None, password) or user is None:
            with self.backend.writing() as db:
                ratelimit.bump(db, f"login:account:{address}", at=self.backend.clock(), seconds=window)
                record(db, actor, self.backend.clock(), "login", "user", user.id if user else None, outcome="failed")
            raise NotAuthenticated("wrong e-mail or password")
        token = new_token()
        with self.backend.writing() as db:
            at = self.backend.clock()
            if self.passwords.needs_rehash(user.password_hash or ""):
                db.execute(update(User).where(User.id == user.id).values(password_hash=self.passwords.hash(password)))
            db.add(
                LoginSession(token_hash=hash_token(token), user_id=user.id, created_at=at, last_seen_at=at, ip=actor.ip)
            )
            record(db, Actor(view(user), "cookie", actor.ip, actor.route), at, "login", "user", user.id)
        return view(user), token

    def session_login(self, token: str) -> Login | None:
        """The user of a login session cookie, or None if it is unknown, idle too long, or too old.

        Every cookie request asks this, so it is one Core read of the columns needed (no ORM objects);
        it writes only when the session ends or ``last_seen_at`` is more than TOUCH_EVERY old.
        """
        key = hash_token(token)
        at = self.backend.clock()
        with self.backend.connect() as conn:
            found = conn.execute(_SESSION_LOGIN, {"token_hash": key}).one_or_none()
        if found is None:
            return None
        created_at, last_seen_at, active, *user = found
        idle = at - last_seen_at > timedelta(minutes=self.settings.idle_minutes)
        old = at - created_at > timedelta(hours=self.settings.absolute_hours)
        if idle or old or not active:
            with self.backend.connect(write=True) as conn:
                conn.execute(delete(LoginSession).where(LoginSession.token_hash == key))
            return None
        if at - last_seen_at > TOUCH_EVERY:
            with self.backend.connect(write=True) as conn:
                conn.execute(update(LoginSession).where(LoginSession.token_hash == key).values(last_seen_at=at))
        return Login(UserView(*user), token)

    def logout(self, actor: Actor, token: str) -> None:
        """End the login session server-side: the cookie's value stops working everywhere at once."""
        with self.backend.writing() as db:
            db.execute(delete(LoginSession).where(LoginSession.token_hash == hash_token(token)))
            if actor.user is not None:
                record(db, actor, self.backend.clock(), "logout", "user", actor.user.id)

    def token_login(self, token: str) -> Login | None:
        """The user of a bearer access token, or None if it is unknown or revoked."""
        if not token.startswith(ACCESS_TOKEN_PREFIX):
            return None
        at = self.backend.clock()
        with self.backend.connect() as conn:
            found = conn.execute(_TOKEN_LOGIN, {"token_hash": hash_token(token)}).one_or_none()
        if found is None:
            return None
        token_id, last_used_at, *user = found
        if last_used_at is None or at - last_used_at > TOUCH_EVERY:
            with self.backend.connect(write=True) as conn:
                conn.execute(update(AccessToken).where(AccessToken.id == token_id).values(last_used_at=at))
        return Login(UserView(*user))

    # -- access tokens ---------------------------------------------------------------------------------

    def create_token(self, actor: Actor, name: str) -> tuple[AccessToken, str]:
        """A new personal access token for the actor; the plain token is returned only here."""
        user = _required(actor)
        token = new_token(ACCESS_TOKEN_PREFIX)
        with self.backend.writing() as db:
            at = self.backend.clock()
            row = AccessToken(
                id=uuid4().hex,
                user_id=user.id,
                name=_name(name),
                token_hash=hash_token(token),
                prefix=token[: len(ACCESS_TOKEN_PREFIX) + 4],
                created_at=at,
            )
            db.add(row)
            record(db, actor, at, "create", "token", row.id)
        return row, token

    def tokens(self, actor: Actor) -> list[AccessToken]:
        user = _required(actor)
        with self.backend.reading() as db:
            query = select(AccessToken).where(AccessToken.user_id == user.id).order_by(AccessToken.created_at.desc())
            return list(db.scalars(query).all())

    def revoke_token(self, actor: Actor, token_id: str) -> None:
        """Revoke one of the actor's own tokens; anyone else's is NotFound."""
        user = _required(actor)
        if not is_id(token_id):
            raise NotFound("no such access token")
        with self.backend.writing() as db:
            revoked = db.execute(
                update(AccessToken)
                .where(AccessToken.id == token_id, AccessToken.user_id == user.id, AccessToken.revoked_at.is_(None))
                .values(revoked_at=self.backend.clock())
            ).rowcount
            if not revoked:
                raise NotFound("no such access token")
            record(db, actor, self.backend.clock(), "revoke", "token", token_id)

    # -- internals -------------------------------------------------------------------------------------

    def _password_hash(self, password: str) -> str:
        problem = password_problem(password)
        if problem:
            raise Invalid(problem)
        return self.passwords.hash(password)

    def _count(self, key: str, limit: int, what: str) -> None:
        """Bump ``key`` in its own transaction (it must stick even when the request then fails)."""
        seconds = self.settings.rate_window_seconds
        with self.backend.writing() as db:
            at = self.backend.clock()
            count = ratelimit.bump(db, key, at=at, seconds=seconds)
        if count > limit:
            raise ratelimit.too_many(what, at=at, seconds=seconds)


def _required(actor: Actor) -> UserView:
    if actor.user is None:
        raise NotAuthenticated("log in first")
    return actor.user


def _name(name: str) -> str:
    cleaned = " ".join(clean(name).split())
    if not cleaned or len(cleaned) > 120:
        raise Invalid("a name is 1 to 120 characters")
    return cleaned


def _client_of(db: Session, user_id: str) -> str | None:
    """The user id if it is a client's (audit entries about a client carry it for filtering)."""
    return user_id if db.scalar(select(User.role).where(User.id == user_id)) == "client" else None
