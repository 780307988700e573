"""Facebook and Instagram "Download your information" (JSON): the files in
`security_and_login_information/` and beside it (research §2.2, §2.3).

Meta writes the words in these files in the member's language ("Login", "Anmelden",
"Connexion") and changes the case of its labels between exports ("IP Address", "IP address"), so
actions are matched on accent-free lower case in several languages and labels on letters only.
Where a label is not found, the value is recognised by its shape (the one timestamp in a record,
the value that is an IP address). The precise last known location is never read.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from postguard.secure.model import AccountEvent, EventKind, SignIn
from postguard.secure.reading import (
    BadRecord,
    Convert,
    ExportReader,
    Found,
    country_code,
    folded,
    ip_address,
    mask_contact,
    optional_time,
    required_ip,
    required_time,
    shown,
    text,
    utc,
)
from postguard.sources.archive import Archive
from postguard.sources.common import as_dict, as_list

# File name -> the keys its list of records may sit under, in reading order (research §2.2).
FACEBOOK_FILES: dict[str, tuple[str, ...]] = {
    "account_activity.json": ("account_activity_v2", "account_activity"),
    "logins_and_logouts.json": ("account_accesses_v2", "account_accesses"),
    "where_you're_logged_in.json": ("active_sessions_v2", "active_sessions"),
    "ip_address_activity.json": ("used_ip_address_v2", "used_ip_address"),
    "login_protection_data.json": ("login_protection_data_v2",),
    "authorized_logins.json": ("recognized_devices_v2", "recognized_devices"),
    "mobile_devices.json": ("devices_v2", "devices"),
    "email_address_verifications.json": ("contact_verifications_v2",),
    "record_details.json": ("admin_records_v2", "admin_records"),
    "apps_and_websites.json": ("installed_apps_v2", "installed_apps"),
}
# The same for Instagram (research §2.3); both layouts use these names.
INSTAGRAM_FILES: dict[str, tuple[str, ...]] = {
    "signup_information.json": ("account_history_registration_info",),
    "signup_details.json": ("account_history_registration_info",),
    "personal_information.json": ("profile_user",),
    "login_activity.json": ("account_history_login_history",),
    "logout_activity.json": ("account_history_logout_history",),
    "devices.json": ("devices_devices",),
    "password_change_activity.json": ("account_history_password_change_history",),
    "account_privacy_changes.json": ("account_history_account_privacy_history",),
    "profile_changes.json": ("profile_profile_change",),
}
# Files every export of the platform may hold whatever was asked for: they do not make a
# security export on their own.
_NOT_ENOUGH = {"apps_and_websites.json", "personal_information.json", "devices.json"}
LOOKED_FOR = (
    "Facebook security_and_login_information/account_activity.json and the other login files, "
    "Instagram login_activity.json"
)

# Localised words, accent-free lower case, checked in this order ("déconnexion" holds "connexion",
# "inicio de sesión" holds "sesion").
_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("logout", ("log out", "logout", "logged out", "terminated", "sign out", "abmeld", "abgemeldet",
                "beendet", "deconnexion", "deconnecte", "cerrar sesion", "sesion cerrada", "finalizada",
                "disconnessione", "uitloggen", "afgemeld", "sair", "encerrada")),
    ("password_change", ("password", "passwort", "kennwort", "mot de passe", "contrasena", "wachtwoord",
                         "senha", "haslo")),
    ("email_change", ("email", "e-mail", "courriel", "correo", "e-post")),
    ("phone_change", ("phone", "mobile number", "telefon", "handynummer", "telephone", "telefono",
                      "cellulare", "telefoon")),
    ("login", ("login", "log in", "logged in", "sign in", "signed in", "anmeld", "angemeldet",
               "connexion", "connecte", "inicio de sesion", "iniciar sesion", "accesso", "accedi",
               "inloggen", "aanmeld", "ingelogd", "entrar", "logowanie", "zalogowano")),
    ("session", ("session", "sitzung", "sesion", "sessione", "sessie", "sessao")),
)  # fmt: skip
_SIGN_IN_KINDS = {"login", "logout", "session"}
_EVENT_KINDS: dict[str, EventKind] = {
    "password_change": "password_change",
    "email_change": "email_change",
    "phone_change": "phone_change",
}
_HANDLE = ("username", "user name", "benutzername", "nom d'utilisateur", "nombre de usuario", "vanity")
_TWO_STEP = ("two-factor", "two factor", "2fa", "login approvals", "zwei-faktor", "zweistufig",
             "double authentification", "deux facteurs", "dos pasos", "dos factores")  # fmt: skip
_OFF = ("off", "disabled", "removed", "deaktiviert", "ausgeschaltet", "desactiv", "eliminad")
_CHANGE_WORDS: dict[EventKind, str] = {
    "password_change": "password changed",
    "email_change": "email address changed",
    "phone_change": "phone number changed",
    "handle_change": "username changed",
    "mfa": "two-step verification turned on",
    "privacy_change": "privacy setting changed",
}


def classify(action: str) -> str | None:
    """login, logout, session, password_change, email_change or phone_change for an action in
    any of the languages above; None when it is none of these."""
    low = folded(action)
    for kind, words in _WORDS:
        if any(word in low for word in words):
            return kind
    return None


def _turned_off(event: str) -> bool:
    return any(re.search(rf"\b{w}", folded(event)) for w in _OFF)


def _change_kind(event: str) -> EventKind | None:
    """The kind of an account change Facebook names in `record_details.json` (strings unverified);
    None when it is not one postguard knows."""
    low = folded(event)
    if any(word in low for word in _TWO_STEP):
        return "mfa"
    if any(word in low for word in _HANDLE):
        return "handle_change"
    if "privacy" in low or "privatsph" in low or "confidentialite" in low:
        return "privacy_change"
    return _EVENT_KINDS.get(classify(event) or "")


def _place(location: str) -> tuple[str | None, str | None]:
    """(city, country code) from "Leeds, United Kingdom"."""
    if not location:
        return None, None
    city, _, country = location.rpartition(",")
    if not city:
        return None, country_code(location)
    return city.strip() or None, country_code(country)


def _from_ip(ip: str | None) -> str:
    return f" from IP {ip}" if ip else ""


# -- Facebook -------------------------------------------------------------------------------------


class FacebookReader(ExportReader):
    """Sign-ins, sessions, devices, changes and apps from a Facebook export."""

    PLATFORM = "facebook"

    def read(self) -> None:
        converters: dict[str, Convert] = {
            "account_activity.json": self._account_activity,
            "logins_and_logouts.json": self._login_logout,
            "where_you're_logged_in.json": self._session,
            "ip_address_activity.json": self._ip_activity,
            "login_protection_data.json": self._protection,
            "authorized_logins.json": self._recognised,
            "mobile_devices.json": self._mobile_device,
            "email_address_verifications.json": self._verification,
            "record_details.json": self._record,
            "apps_and_websites.json": self._app,
        }
        for basename, keys in FACEBOOK_FILES.items():
            for name in self.archive.by_basename(basename):
                self.read_json(name, keys, converters[basename])
        for member in self.archive.members():
            if re.fullmatch(r"your_posts.*\.json", member.basename.lower()):
                for record in self.stream_records(member.name, "meta"):
                    if isinstance(record, dict):
                        self.note_post(utc(record.get("timestamp")))

    def _sign_in(self, kind: str, when: dt.datetime, source: str, **fields: Any) -> SignIn:
        return SignIn(self.PLATFORM, when, source, kind, **fields)

    def _account_activity(self, record: dict[str, Any], source: str) -> list[Found]:
        action = text(record.get("action"))
        if not action:
            raise BadRecord("no action named")
        kind = classify(action)
        if kind is None:
            raise BadRecord(
                f"the action {shown(action)} is not a sign-in or an account change postguard knows"
            )
        when = required_time(record.get("timestamp"))
        if kind in _SIGN_IN_KINDS:
            return [
                self._sign_in(
                    kind,
                    when,
                    source,
                    ip=required_ip(record.get("ip_address")),
                    city=text(record.get("city")) or None,
                    country=country_code(record.get("country")),
                    user_agent=text(record.get("user_agent")) or None,
                )
            ]
        change = _EVENT_KINDS[kind]
        ip = ip_address(record.get("ip_address"))
        detail = f"{_CHANGE_WORDS[change]} (Facebook: {shown(action)}){_from_ip(ip)}"
        return [AccountEvent(self.PLATFORM, change, when, source, detail, {"action": action, "ip": ip})]

    def _login_logout(self, record: dict[str, Any], source: str) -> list[Found]:
        action = text(record.get("action"))
        if not action:
            raise BadRecord("no action named")
        kind = classify(action) or ""
        if kind not in _SIGN_IN_KINDS:
            raise BadRecord(f"the action {shown(action)} is not a login, logout or session")
        when = required_time(record.get("timestamp"))
        return [self._sign_in(kind, when, source, ip=required_ip(record.get("ip_address")))]

    def _session(self, record: dict[str, Any], source: str) -> list[Found]:
        when = required_time(record.get("created_timestamp"), "start time")
        city, country = _place(text(record.get("location")))
        device = ", ".join(p for p in (text(record.get("device")), text(record.get("app"))) if p)
        return [
            self._sign_in(
                "session",
                when,
                source,
                ip=ip_address(record.get("ip_address")),
                city=city,
                country=country,
                device=device or text(record.get("name")) or None,
                user_agent=text(record.get("user_agent")) or None,
                last_seen=optional_time(record.get("updated_timestamp"), "last-used time"),
            )
        ]

    def _ip_activity(self, record: dict[str, Any], source: str) -> list[Found]:
        # Every record here is an address that used the account: a session unless it says more.
        kind = classify(text(record.get("action"))) or ""
        when = required_time(record.get("timestamp"))
        return [
            self._sign_in(
                kind if kind in _SIGN_IN_KINDS else "session",
                when,
                source,
                ip=required_ip(record.get("ip")),
                user_agent=text(record.get("user_agent")) or None,
            )
        ]

    def _protection(self, record: dict[str, Any], source: str) -> list[Found]:
        session = as_dict(record.get("session"))
        when = required_time(session.get("created_timestamp"), "start time")
        return [
            self._sign_in(
                "session",
                when,
                source,
                ip=ip_address(session.get("ip_address")),
                last_seen=optional_time(session.get("updated_timestamp"), "last-used time"),
            )
        ]

    def _recognised(self, record: dict[str, Any], source: str) -> list[Found]:
        when = required_time(record.get("created_timestamp"), "time it was recognised")
        return [
            self._sign_in(
                "device",
                when,
                source,
                ip=ip_address(record.get("ip_address")),
                device=text(record.get("name")) or None,
                user_agent=text(record.get("user_agent")) or None,
                last_seen=optional_time(record.get("updated_timestamp"), "last-used time"),
            )
        ]

    def _mobile_device(self, record: dict[str, Any], source: str) -> list[Found]:
        device = " ".join(p for p in (text(record.get("type")), text(record.get("os"))) if p)
        if not device:
            raise BadRecord("no device type or system named")
        updated = optional_time(record.get("update_time"), "last update time")
        created = [
            optional_time(as_dict(t).get("creation_time"), "push token's creation time")
            for t in as_list(record.get("push_tokens"))
        ]
        first = min((t for t in created if t is not None), default=updated)
        return [SignIn(self.PLATFORM, first, source, "device", device=device, last_seen=updated)]

    def _verification(self, record: dict[str, Any], source: str) -> list[Found]:
        contact = text(record.get("contact"))
        if not contact:
            raise BadRecord("no email address or phone number")
        when = optional_time(record.get("verification_time"), "verification time")
        detail = f"{mask_contact(contact)} verified as a contact for the account"
        return [AccountEvent(self.PLATFORM, "recovery_contact", when, source, detail, {"contact": contact})]

    def _record(self, record: dict[str, Any], source: str) -> list[Found]:
        event = text(record.get("event"))
        if not event:
            raise BadRecord("no event named")
        session = as_dict(record.get("session"))
        when = required_time(session.get("created_timestamp") or record.get("timestamp"))
        kind = _change_kind(event)
        if kind is None:
            raise BadRecord(f"{shown(event)} is not an account change postguard knows")
        ip = ip_address(session.get("ip_address"))
        data: dict[str, Any] = {"event": event, "ip": ip, "extra": as_dict(record.get("extra_info"))}
        words = _CHANGE_WORDS[kind]
        if kind == "mfa":
            data["on"] = not _turned_off(event)
            words = words if data["on"] else "two-step verification turned off"
        detail = f"{words} (Facebook: {shown(event)}){_from_ip(ip)}"
        return [AccountEvent(self.PLATFORM, kind, when, source, detail, data)]

    def _app(self, record: dict[str, Any], source: str) -> list[Found]:
        name = text(record.get("name"))
        if not name:
            raise BadRecord("no app name")
        added = optional_time(record.get("added_timestamp"), "time it was added")
        removed = optional_time(record.get("removed_timestamp"), "time it was removed")
        gone = f", removed {removed:%d %b %Y}" if removed else ""
        detail = f"app '{name}' uses your Facebook login{gone} (the export does not say what it may do)"
        data = {"name": name, "category": text(record.get("category")) or None,
                "removed": removed.isoformat() if removed else None}  # fmt: skip
        return [AccountEvent(self.PLATFORM, "app", added, source, detail, data)]


# -- Instagram ------------------------------------------------------------------------------------


def _labels(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """`string_map_data` as {label in lower-case letters only: entry}; case varies by export."""
    return {
        re.sub(r"[^a-z]", "", folded(str(label))): as_dict(entry)
        for label, entry in as_dict(record.get("string_map_data")).items()
    }


def _value(labels: dict[str, dict[str, Any]], *names: str) -> str:
    for name in names:
        entry = labels.get(name)
        if entry is not None:
            return text(entry.get("value")) or text(entry.get("href"))
    return ""


def _time(record: dict[str, Any], labels: dict[str, dict[str, Any]], *names: str) -> dt.datetime | None:
    """The record's time: its time label, else its only timestamp, else an ISO `title`."""
    for name in names:
        if name in labels:
            entry = labels[name]
            return optional_time(entry.get("timestamp") or entry.get("value"), "time")
    stamps = [e.get("timestamp") for e in labels.values() if e.get("timestamp") not in (None, 0, "")]
    if len(stamps) == 1:
        return optional_time(stamps[0], "time")
    return utc(record.get("title"))


def _ip(labels: dict[str, dict[str, Any]]) -> str:
    """The IP address label, or (its label localised) the one value that is an IP address."""
    for name in ("ipaddress", "ip"):
        if name in labels:
            return required_ip(labels[name].get("value"))
    for entry in labels.values():
        try:
            found = ip_address(entry.get("value"))
        except BadRecord:
            continue
        if found:
            return found
    raise BadRecord("no IP address")


def _agent(labels: dict[str, dict[str, Any]]) -> str | None:
    """The user agent label, or (its label localised) the value that looks like one."""
    values = [_value(labels, "useragent"), *(text(e.get("value")) for e in labels.values())]
    return next((v for v in values if "Mozilla/" in v or v.startswith("Instagram ")), None)


class InstagramReader(ExportReader):
    """Logins, devices, password, privacy and profile changes, and contacts from Instagram."""

    PLATFORM = "instagram"

    def read(self) -> None:
        converters: dict[str, Convert] = {
            "signup_information.json": self._signup,
            "signup_details.json": self._signup,
            "personal_information.json": self._personal,
            "login_activity.json": self._login,
            "logout_activity.json": self._logout,
            "devices.json": self._device,
            "password_change_activity.json": self._password,
            "account_privacy_changes.json": self._privacy,
            "profile_changes.json": self._profile_change,
        }
        for basename, keys in INSTAGRAM_FILES.items():
            for name in self.archive.by_basename(basename):
                self.read_json(name, keys, converters[basename])
        for member in self.archive.members():
            if re.fullmatch(r"posts_\d+\.json", member.basename.lower()):
                for record in self.stream_records(member.name, "meta"):
                    self._note_post(record)

    def _note_post(self, record: object) -> None:
        post = as_dict(record)
        media = [m for m in as_list(post.get("media")) if isinstance(m, dict)]
        stamp = post.get("creation_timestamp") or (media[0].get("creation_timestamp") if media else None)
        self.note_post(utc(stamp))

    def _login(self, record: dict[str, Any], source: str, kind: str = "login") -> list[Found]:
        labels = _labels(record)
        when = _time(record, labels, "time")
        if when is None:
            raise BadRecord("no time")
        return [SignIn(self.PLATFORM, when, source, kind, ip=_ip(labels), user_agent=_agent(labels))]

    def _logout(self, record: dict[str, Any], source: str) -> list[Found]:
        return self._login(record, source, "logout")

    def _device(self, record: dict[str, Any], source: str) -> list[Found]:
        labels = _labels(record)
        last = _time(record, labels, "lastlogin")
        agent = _agent(labels)
        if last is None and not agent:
            raise BadRecord("no last login time or user agent")
        return [SignIn(self.PLATFORM, None, source, "device", user_agent=agent, last_seen=last)]

    def _event(
        self, kind: EventKind, record: dict[str, Any], source: str, detail: str, data: dict[str, Any]
    ) -> list[Found]:
        labels = _labels(record)
        when = _time(record, labels, "time", "changedate")
        if when is None:
            raise BadRecord("no time")
        return [AccountEvent(self.PLATFORM, kind, when, source, detail, data)]

    def _password(self, record: dict[str, Any], source: str) -> list[Found]:
        return self._event("password_change", record, source, "password changed", {})

    def _privacy(self, record: dict[str, Any], source: str) -> list[Found]:
        title = text(record.get("title"))
        detail = f"account privacy changed: {shown(title, 80)}" if title else "account privacy changed"
        return self._event("privacy_change", record, source, detail, {"title": title or None})

    def _profile_change(self, record: dict[str, Any], source: str) -> list[Found]:
        # Fields of profile_changes.json are unverified (research §2.3); read as Instagram shows them.
        labels = _labels(record)
        what = _value(labels, "changed")
        kind: EventKind | None = (
            "email_change" if "mail" in folded(what)
            else "phone_change" if "phone" in folded(what)
            else "handle_change" if "username" in folded(what)
            else None
        )  # fmt: skip
        if kind is None:
            raise BadRecord(f"a change of {shown(what)}, not of a contact or the username")
        new, old = _value(labels, "newvalue"), _value(labels, "previousvalue")
        if kind == "handle_change":
            self.add_handles(old, new)
            shown_new, shown_old = new, old
        else:
            shown_new, shown_old = mask_contact(new) if new else "", mask_contact(old) if old else ""
        detail = (
            _CHANGE_WORDS[kind] + (f" to {shown_new}" if new else "") + (f" (was {shown_old})" if old else "")
        )
        return self._event(kind, record, source, detail, {"to": new or None, "from": old or None})

    def _contacts(
        self, labels: dict[str, dict[str, Any]], source: str, when: dt.datetime | None
    ) -> list[Found]:
        found: list[Found] = []
        for label, key, what in (
            ("email", "email", "email address"),
            ("phonenumber", "phone", "phone number"),
        ):
            value = _value(labels, label, label + "address")
            if value:
                detail = f"{what} on the account: {mask_contact(value)}"
                found.append(
                    AccountEvent(self.PLATFORM, "recovery_contact", when, source, detail, {key: value})
                )
        return found

    def _signup(self, record: dict[str, Any], source: str) -> list[Found]:
        labels = _labels(record)
        when = _time(record, labels, "time")
        if when is None:
            raise BadRecord("no time")
        self.add_handles(_value(labels, "username"))
        ip = ip_address(_value(labels, "ipaddress") or None)
        device = _value(labels, "device")
        detail = f"account created{_from_ip(ip)}{f' on {device}' if device else ''}"
        created = AccountEvent(
            self.PLATFORM, "account_created", when, source, detail, {"ip": ip, "device": device or None}
        )
        return [created, *self._contacts(labels, source, when)]

    def _personal(self, record: dict[str, Any], source: str) -> list[Found]:
        labels = _labels(record)
        self.add_handles(_value(labels, "username"), _value(labels, "name"))
        found = self._contacts(labels, source, None)
        if not found and not _value(labels, "username"):
            raise BadRecord("no email address, phone number or username")
        return found


def find(archive: Archive, files: dict[str, tuple[str, ...]]) -> list[str]:
    """The security files of `files` present in the archive."""
    return [n for b in files if b not in _NOT_ENOUGH for n in archive.by_basename(b)]
