"""postguard: check social media posts against a professional body's policy, offline."""

from postguard.engine import check, check_many
from postguard.model import Finding, Report, Severity, Verdict

__all__ = ["Finding", "Report", "Severity", "Verdict", "check", "check_many"]
__version__ = "0.1.0"
