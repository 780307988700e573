"""The local web app and REST API (`postguard web`)."""
