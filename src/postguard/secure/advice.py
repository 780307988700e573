"""Where each fix lives: every platform's settings paths and official pages, the BABCP policy's
security clauses, and NCSC's steps for a hacked account. Sources: shared/research/security-checkup.md
§0, §3 and §5 (the platforms' help centres, NCSC guidance, NIST SP 800-63B)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Platform:
    name: str
    two_step: str
    sessions: str
    apps: str
    privacy: str
    password: str
    hacked: str  # the official route when the member is locked out
    hacked_steps: tuple[str, ...]  # the platform's own steps while still logged in


PLATFORMS = {
    "x": Platform(
        name="X (Twitter)",
        two_step="Settings and privacy > Security and account access > Security > Two-factor authentication "
        "(choose Authentication app or Security key rather than Text message)",
        sessions="Settings and privacy > Security and account access > Apps and sessions > Sessions > "
        "Log out all other sessions",
        apps="Settings and privacy > Security and account access > Apps and sessions > Connected apps > "
        "Revoke app permissions",
        privacy="Settings and privacy > Privacy and safety > Audience and tagging (Protect your posts)",
        password="Settings and privacy > Your account > Change your password",
        hacked="https://help.x.com/en/safety-and-security/x-account-compromised (locked out: Log in > "
        "Forgot password, then X's support form)",
        hacked_steps=(
            "Change the password from a device you trust.",
            "Make sure the email address on the account is yours and secure.",
            "Revoke every connected app you do not recognise.",
            "Update the password in the apps you do trust.",
        ),
    ),
    "facebook": Platform(
        name="Facebook",
        two_step="Settings & privacy > Settings > Accounts Centre > Password and security > Two-factor authentication",
        sessions="Settings & privacy > Settings > Accounts Centre > Password and security > Where you're logged in",
        apps="Settings & privacy > Settings > Apps and websites",
        privacy="Settings & privacy > Privacy Checkup",
        password="Settings & privacy > Settings > Accounts Centre > Password and security > Change password",
        hacked="https://www.facebook.com/hacked",
        hacked_steps=(
            "Change the password and review recent logins.",
            "If the email address was changed, use the link Facebook sent to your previous address to undo it.",
            "Check your name, birthday, friend requests, messages and posts for anything you did not do.",
        ),
    ),
    "instagram": Platform(
        name="Instagram",
        two_step="Settings and privacy > Accounts Centre > Password and security > Two-factor authentication",
        sessions="Settings and privacy > Accounts Centre > Password and security > Where you're logged in",
        apps="Settings and privacy > Website permissions > Apps and websites",
        privacy="Settings and privacy > Account privacy",
        password="Settings and privacy > Accounts Centre > Password and security > Change password",
        hacked="https://www.instagram.com/hacked",
        hacked_steps=(
            "Run Instagram's Security Checkup: check login activity, review your profile details, "
            "and update your recovery email and phone.",
            "Genuine emails from Instagram are listed under Settings > Emails from Instagram; Instagram "
            "never asks for your password by direct message.",
        ),
    ),
    "linkedin": Platform(
        name="LinkedIn",
        two_step="Settings & Privacy > Sign in & security > Two-step verification",
        sessions="Settings & Privacy > Sign in & security > Where you're signed in > End these sessions",
        apps="Settings & Privacy > Data privacy > Other applications > Permitted services",
        privacy="Settings & Privacy > Visibility",
        password="Settings & Privacy > Sign in & security > Change password",
        hacked="LinkedIn Help: 'Reporting Account Access Issue' form (include your profile URL)",
        hacked_steps=(
            "Change the password and turn on two-step verification.",
            "Sign out of everywhere, then check the email addresses and phone numbers on the account.",
        ),
    ),
    "mastodon": Platform(
        name="Mastodon",
        two_step="Preferences > Account > Two-factor Auth",
        sessions="Preferences > Account > Sessions (Revoke)",
        apps="Preferences > Account > Authorized apps",
        privacy="Preferences > Public profile > Privacy and reach",
        password="Preferences > Account > Change password",
        hacked="Contact your server's administrators (see its About page): they can reset the password or "
        "two-factor authentication",
        hacked_steps=("Revoke unknown sessions and authorised apps, then change the password.",),
    ),
    "bluesky": Platform(
        name="Bluesky",
        two_step="Settings > Privacy and security > Two-factor authentication (2FA)",
        sessions="Settings > Privacy and security > App passwords (revoke the ones you do not use)",
        apps="Settings > Privacy and security > App passwords",
        privacy="Settings > Privacy and security",
        password="Settings > Account > Change password",
        hacked="Reset your password from the sign-in page; Bluesky has no hacked-account page",
        hacked_steps=("Reset the password and revoke every app password.",),
    ),
}

#: NCSC "Recovering a hacked account", in its order (www.ncsc.gov.uk/guidance/recovering-a-hacked-account).
NCSC_RECOVERY = (
    "Contact the platform through its help pages (its route is above).",
    "Check your email account first: its filters and forwarding rules, which criminals use to receive "
    "your password resets. Give your email its own strong password and 2-step verification.",
    "Change the password of the hacked account, and of any account that shares that password.",
    "Log every device and app out of the account.",
    "Set up 2-step verification.",
    "Update your devices and run a virus scan.",
    "Tell your contacts, so they ignore messages and posts you did not send.",
    "Check bank statements and shopping accounts linked to it.",
    "Report it to Action Fraud (www.actionfraud.police.uk, 0300 123 2040) if money or your identity was involved.",
)

# The BABCP policy's security clauses (shared/policy/babcp-social-media-policy.txt, lines 60-79).
CLAUSE_PASSWORDS = (
    "\u201cIt is good practice to use different and \u2018strong\u2019 and unique passwords for each site or "
    "account you use. A password generator can help you create strong passwords and a password manager "
    "can help store them.\u201d"
)
CLAUSE_CHANGE_REGULARLY = (
    "\u201cYou can reduce the risk of hackers gaining control of an account by changing passwords regularly "
    "and by keeping an eye on your accounts\u201d"
)
CLAUSE_MFA = "\u201cUse \u2018multi-factor authentication\u2019 if it is available, use it\u201d"
CLAUSE_PRIVACY = (
    "\u201cYou should check privacy settings ... \u2018Updates\u2019 on apps and sites can \u2018reset\u2019 your "
    "privacy settings.\u201d"
)
CLAUSE_UNUSED = "\u201cHacking can happen ... It can be accounts which aren\u2019t used regularly\u201d"
CLAUSE_HACKED = (
    "\u201cyou should take all reasonable steps to regain control of your account and remove any "
    "inappropriate material. We expect our members to let us know if such posts might lead to a "
    "professional complaint being made.\u201d"
)
CLAUSE_SUSPICIOUS = (
    "\u201cThink about whether a message or a link is suspicious before clicking on it even if they appear "
    "to be posted by someone you know.\u201d"
)

#: How postguard reads "change passwords regularly" (NCSC, NIST SP 800-63B §5.1.1.2).
PASSWORD_CHANGE = (
    "Change a password at once when there is any sign it is known to someone else (a login you do not "
    "recognise, a breach notice, a phishing link you followed). NCSC and NIST SP 800-63B advise against "
    "changing on a timetable, which leads to weaker, predictable passwords."
)

RECHECK = (
    "Check again after each app update and every few months: updates can reset privacy settings, and a "
    "new data export shows new sign-ins."
)


def platform(name: str) -> Platform:
    return PLATFORMS[name] if name in PLATFORMS else _unknown(name)


def _unknown(name: str) -> Platform:
    generic = "the account's security settings"
    return Platform(
        name=name,
        two_step=generic,
        sessions=generic,
        apps=generic,
        privacy="the account's privacy settings",
        password=generic,
        hacked="the platform's help pages",
        hacked_steps=(),
    )
