"""LinkedIn "Get a copy of your data" (the complete archive): `Logins.csv`, `Security
Challenges.csv`, `Registration.csv`, `Email Addresses.csv` and `PhoneNumbers.csv` (research §2.4).

The smaller "posts only" archive has none of these, so LinkedIn exports without them are sent back
with a request for the complete one. LinkedIn records no privacy-setting history.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from postguard.secure.model import AccountEvent, SignIn
from postguard.secure.reading import (
    BadRecord,
    Convert,
    ExportReader,
    Found,
    country_code,
    ip_address,
    mask_contact,
    mask_phone,
    optional_time,
    required_ip,
    required_time,
    text,
    utc,
)
from postguard.sources.archive import Archive

PLATFORM = "linkedin"
# In reading order: the registration date decides whether an email address was added later.
SECURITY = (
    "Registration.csv",
    "Logins.csv",
    "Security Challenges.csv",
    "Email Addresses.csv",
    "PhoneNumbers.csv",
)
LOOKED_FOR = "LinkedIn Logins.csv, Security Challenges.csv, Email Addresses.csv, Registration.csv"
# An address updated within a day of registering is the one the account was opened with.
_SAME_DAY = dt.timedelta(days=1)
_NO_DATE = {"not available", "n/a", "none", "-"}


def find(archive: Archive) -> list[str]:
    """The LinkedIn security files present."""
    return [n for b in SECURITY for n in archive.by_basename(b)]


class LinkedInReader(ExportReader):
    """Logins, security challenges, registration and contacts from a LinkedIn archive."""

    registered: dt.datetime | None = None

    def read(self) -> None:
        converters: dict[str, Convert] = {
            "Registration.csv": self._registration,
            "Logins.csv": self._login,
            "Security Challenges.csv": self._challenge,
            "Email Addresses.csv": self._email,
            "PhoneNumbers.csv": self._phone,
        }
        for basename in SECURITY:
            for name in self.archive.by_basename(basename):
                self.read_csv(name, converters[basename])
        for name in self.archive.by_basename("Shares.csv"):
            for row in self.stream_records(name, "linkedin"):
                self.note_post(utc(row.get("date")))

    def _login(self, row: dict[str, Any], source: str) -> list[Found]:
        when = required_time(row.get("login date"), "login date")
        ip = required_ip(row.get("ip address"))
        return [
            SignIn(PLATFORM, when, source, "login", ip=ip, user_agent=text(row.get("user agent")) or None)
        ]

    def _challenge(self, row: dict[str, Any], source: str) -> list[Found]:
        when = required_time(row.get("challenge date"), "challenge date")
        ip = ip_address(row.get("ip address"))
        country = country_code(row.get("country"))
        if ip is None and country is None:
            raise BadRecord("no IP address or country")
        agent = text(row.get("user agent")) or None
        return [SignIn(PLATFORM, when, source, "challenge", ip=ip, country=country, user_agent=agent)]

    def _registration(self, row: dict[str, Any], source: str) -> list[Found]:
        when = required_time(row.get("registered at"), "registration date")
        self.registered = when if self.registered is None else min(when, self.registered)
        ip = ip_address(row.get("registration ip"))
        detail = f"account registered{f' from IP {ip}' if ip else ''}"
        return [AccountEvent(PLATFORM, "account_created", when, source, detail, {"ip": ip})]

    def _email(self, row: dict[str, Any], source: str) -> list[Found]:
        email = text(row.get("email address"))
        if not email:
            raise BadRecord("no email address")
        raw = text(row.get("updated on"))
        updated = None if raw.lower() in _NO_DATE else optional_time(raw, "update date")
        primary = text(row.get("primary")).lower() == "yes"
        confirmed = text(row.get("confirmed")).lower() == "yes"
        state = ("primary, " if primary else "") + ("confirmed" if confirmed else "unconfirmed")
        data = {"email": email, "primary": primary, "confirmed": confirmed}
        detail = f"email address on the account: {mask_contact(email)} ({state})"
        found: list[Found] = [AccountEvent(PLATFORM, "recovery_contact", updated, source, detail, data)]
        if updated and self.registered and updated - self.registered > _SAME_DAY:
            detail = f"email address {mask_contact(email)} added or changed ({state})"
            found.append(AccountEvent(PLATFORM, "email_change", updated, source, detail, data))
        return found

    def _phone(self, row: dict[str, Any], source: str) -> list[Found]:
        # Columns unverified (research §2.4): the number is in the column whose name says so.
        phone = next((text(v) for k, v in row.items() if "number" in str(k) and text(v)), "")
        if not phone:
            raise BadRecord("no phone number")
        detail = f"phone number on the account: {mask_phone(phone)}"
        return [AccountEvent(PLATFORM, "recovery_contact", None, source, detail, {"phone": phone})]
