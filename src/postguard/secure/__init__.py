"""The security checkup (`postguard secure`): sign-ins, account changes, passwords, unused accounts, and the hacked-account response."""
