"""X / Twitter archive: the security files in `data/` (research §2.1), each a
`window.YTD.<name>.part0 = [...]` array whose records are wrapped in one key.

Files are recognised by the global name on their first line, so a renamed file still counts, and
by their usual file name in the `data/` folder, so a file whose first line is damaged is reported
rather than missed.
"""

from __future__ import annotations

from typing import Any

from postguard.errors import InputError
from postguard.secure.model import AccountEvent, SignIn
from postguard.secure.reading import (
    BadRecord,
    Convert,
    ExportReader,
    Found,
    Unread,
    mask_contact,
    mask_phone,
    optional_time,
    required_ip,
    required_time,
    shown,
    text,
    utc,
)
from postguard.sources.archive import Archive
from postguard.sources.common import as_list
from postguard.sources.detect import ytd_global_name
from postguard.sources.textcodec import decode_head

PLATFORM = "x"
# Global name (`YTD.<name>.part0`) -> the key each record is wrapped in, in reading order.
SECURITY = {
    "account": "account",
    "account_timezone": "accountTimezone",
    "ip_audit": "ipAudit",
    "device_token": "deviceToken",
    "key_registry": "registeredDevices",
    "email_address_change": "emailAddressChange",
    "screen_name_change": "screenNameChange",
    "phone_number": "device",
    "ni_devices": "niDeviceResponse",
    "connected_application": "connectedApplication",
    "protected_history": "protectedHistory",
}
POSTS = ("tweets", "tweet")
LOOKED_FOR = "X data/ip-audit.js, device-token.js, account.js and the other security files"


def _global(archive: Archive, name: str) -> str | None:
    """`ip_audit` for a file starting `window.YTD.ip_audit.part0 = [`."""
    try:
        declared = ytd_global_name(decode_head(archive.head(name, 256)))
    except (OSError, InputError):
        return None
    return declared.split(".")[1] if declared else None


def _by_file_name(basename: str) -> str:
    """`ip-audit.js` -> `ip_audit`; `tweets-part1.js` -> `tweets`."""
    stem = basename.lower().removesuffix(".js").replace("-", "_")
    return stem.split("_part")[0]


def find(archive: Archive) -> dict[str, list[str]]:
    """The archive's X files by global name: the security files and the post files."""
    found: dict[str, list[str]] = {}
    for member in archive.members():
        if not member.basename.lower().endswith(".js"):
            continue
        name = _global(archive, member.name)
        if name is None and member.name.split("/")[-2:-1] == ["data"]:
            name = _by_file_name(member.basename)
        if name in SECURITY or name in POSTS:
            found.setdefault(name, []).append(member.name)
    return found


class XReader(ExportReader):
    """Sign-ins, devices, account changes, apps and two-step evidence from an X archive."""

    def read(self, files: dict[str, list[str]]) -> None:
        converters: dict[str, Convert] = {
            "account": self._account,
            "account_timezone": self._timezone,
            "ip_audit": self._ip_audit,
            "device_token": self._device_token,
            "key_registry": self._key_registry,
            "email_address_change": self._email_change,
            "screen_name_change": self._handle_change,
            "phone_number": self._phone,
            "ni_devices": self._ni_device,
            "connected_application": self._app,
            "protected_history": self._protected,
        }
        for global_name, key in SECURITY.items():
            for name in files.get(global_name, []):
                self.read_js(name, key, converters[global_name])
        for global_name in POSTS:
            for name in files.get(global_name, []):
                self._last_post(name)

    def _last_post(self, name: str) -> None:
        for record in self.stream_records(name, "x"):
            tweet = record.get("tweet") if isinstance(record, dict) else None
            if isinstance(tweet, dict):
                self.note_post(utc(tweet.get("created_at")))

    # -- sign-ins and devices --------------------------------------------------------------------
    def _ip_audit(self, record: dict[str, Any], source: str) -> list[Found]:
        when = required_time(record.get("createdAt"), "login time")
        return [SignIn(PLATFORM, when, source, "login", ip=required_ip(record.get("loginIp")))]

    def _device_token(self, record: dict[str, Any], source: str) -> list[Found]:
        return [
            SignIn(
                PLATFORM,
                required_time(record.get("createdAt"), "creation time"),
                source,
                "device",
                device=text(record.get("clientApplicationName")) or None,
                last_seen=optional_time(record.get("lastSeenAt"), "last-seen time"),
            )
        ]

    def _key_registry(self, record: dict[str, Any], source: str) -> list[Found]:
        devices = record.get("deviceMetadataList")
        if not isinstance(devices, list):
            raise BadRecord("no list of registered devices")
        found: list[Found] = []
        for i, device in enumerate(devices, 1):
            if not isinstance(device, dict):
                found.append(Unread(f"device {i}: not a record"))
                continue
            try:
                when = required_time(device.get("createdAt"), "registration time")
            except BadRecord as exc:
                found.append(Unread(f"device {i}: {exc}"))
                continue
            agent = text(device.get("userAgent")) or None
            found.append(SignIn(PLATFORM, when, source, "device", user_agent=agent))
        return found

    # -- changes to the account ------------------------------------------------------------------
    def _email_change(self, record: dict[str, Any], source: str) -> list[Found]:
        # X's README documents a flat record; real archives nest it under `emailChange`.
        change = record.get("emailChange")
        change = change if isinstance(change, dict) else record
        when = required_time(change.get("changedAt"), "time of the change")
        new = text(change.get("changedTo"))
        old = text(change.get("changedFrom")) or text(record.get("changedFrom"))
        if not new:
            raise BadRecord("no new email address")
        was = f" (was {mask_contact(old)})" if old else ""
        detail = f"email address changed to {mask_contact(new)}{was}"
        return [
            AccountEvent(PLATFORM, "email_change", when, source, detail, {"to": new, "from": old or None})
        ]

    def _handle_change(self, record: dict[str, Any], source: str) -> list[Found]:
        change = record.get("screenNameChange")
        change = change if isinstance(change, dict) else record
        when = required_time(change.get("changedAt"), "time of the change")
        new, old = text(change.get("changedTo")), text(change.get("changedFrom"))
        if not new:
            raise BadRecord("no new username")
        self.add_handles(old, new)
        detail = f"username changed from @{old} to @{new}" if old else f"username changed to @{new}"
        return [
            AccountEvent(PLATFORM, "handle_change", when, source, detail, {"to": new, "from": old or None})
        ]

    def _protected(self, record: dict[str, Any], source: str) -> list[Found]:
        when = required_time(record.get("protectedAt"), "time of the change")
        action = text(record.get("action"))
        if not action:
            raise BadRecord("no action (protect or unprotect)")
        detail = {
            "protect": "posts protected: only approved followers can see them",
            "unprotect": "posts made public: anyone can see them",
        }.get(action.lower(), f"post protection changed ({shown(action)})")
        return [AccountEvent(PLATFORM, "privacy_change", when, source, detail, {"action": action})]

    # -- the account, its contacts and two-step verification -------------------------------------
    def _account(self, record: dict[str, Any], source: str) -> list[Found]:
        email, username = text(record.get("email")), text(record.get("username"))
        created = optional_time(record.get("createdAt"), "creation time")
        if not (email or username or created):
            raise BadRecord("no email address, username or creation time")
        self.add_handles(username, text(record.get("accountDisplayName")))
        found: list[Found] = []
        if email:
            detail = f"email address on the account: {mask_contact(email)}"
            found.append(AccountEvent(PLATFORM, "recovery_contact", None, source, detail, {"email": email}))
        if created:
            via = text(record.get("createdVia"))
            detail = f"account created{f' (via {via})' if via else ''}"
            found.append(
                AccountEvent(PLATFORM, "account_created", created, source, detail, {"via": via or None})
            )
        return found

    def _timezone(self, record: dict[str, Any], source: str) -> list[Found]:
        zone = text(record.get("timeZone"))
        if not zone:
            raise BadRecord("no time zone")
        self.data.timezone = zone
        return []

    def _phone(self, record: dict[str, Any], source: str) -> list[Found]:
        phone = _phone_number(record.get("phoneNumber"))
        detail = f"phone number on the account: {mask_phone(phone)}"
        return [AccountEvent(PLATFORM, "recovery_contact", None, source, detail, {"phone": phone})]

    def _ni_device(self, record: dict[str, Any], source: str) -> list[Found]:
        device = record.get("messagingDevice")
        if not isinstance(device, dict):
            raise BadRecord("not a phone for text messages (no messagingDevice)")
        phone = _phone_number(device.get("phoneNumber"))
        kind = text(device.get("deviceType"))
        when = optional_time(device.get("createdDate"), "date it was added")
        data = {"phone": phone, "device_type": kind or None, "carrier": text(device.get("carrier")) or None}
        if kind.lower() == "auth":  # X's own README: a device used only for two-factor codes
            detail = f"two-step verification by text message, codes sent to {mask_phone(phone)}"
            return [AccountEvent(PLATFORM, "mfa", when, source, detail, data)]
        detail = f"phone {mask_phone(phone)} receives text messages from X"
        return [AccountEvent(PLATFORM, "recovery_contact", when, source, detail, data)]

    # -- connected apps --------------------------------------------------------------------------
    def _app(self, record: dict[str, Any], source: str) -> list[Found]:
        organization = record.get("organization")
        org = text(organization.get("name")) if isinstance(organization, dict) else ""
        name = text(record.get("name")) or org
        if not name:
            raise BadRecord("no app name")
        when = optional_time(record.get("approvedAt"), "approval time")
        permissions = [text(p) for p in as_list(record.get("permissions")) if text(p)]
        by = f" (by {org})" if org and org != name else ""
        detail = f"app '{name}'{by} {_abilities(permissions)}"
        data = {
            "name": name,
            "organization": org or None,
            "permissions": permissions,
            "id": text(record.get("id")) or None,
        }
        return [AccountEvent(PLATFORM, "app", when, source, detail, data)]


def _abilities(permissions: list[str]) -> str:
    """What an app's permissions let it do, in words."""
    low = [p.lower() for p in permissions]
    can = []
    if any("write" in p for p in low):
        can.append("post as you")
    if any("direct" in p or p in {"dm", "dms"} for p in low):
        can.append("read and send your direct messages")
    if can:
        return "can " + " and ".join(can)
    if low:
        return f"can only read ({', '.join(permissions)})"
    return "is connected (the export does not say what it may do)"


def _phone_number(value: object) -> str:
    if value is not None and not isinstance(value, str):
        raise BadRecord(f"the phone number {shown(value)} is not text")
    phone = text(value)
    if not phone:
        raise BadRecord("no phone number")
    return phone
