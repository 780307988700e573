"""The library raises these; the CLI turns each into one line on stderr and exit status 2."""


class PostguardError(Exception):
    """Base of every error postguard reports to the member as bad input."""


class InputError(PostguardError):
    """The post, file or option given cannot be checked (empty, too long, not UTF-8...)."""


class PackError(PostguardError):
    """A policy pack is missing, malformed or refers to something that does not exist."""


class ProfileError(PostguardError):
    """A member profile is missing or malformed."""
