"""What validation says: jing-style messages, and the error for input it cannot use."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


class UnusableInputError(Exception):
    """The validation cannot run as asked (missing file, unreadable schema, no tei_all): exit 2."""


@dataclass(frozen=True)
class Message:
    path: str
    line: int
    column: int
    severity: str  # "error" | "warning"
    message: str
    rule: str | None = None  # Schematron assert id

    def __str__(self) -> str:
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}{rule}"

    def as_json(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column, "severity": self.severity,
                "message": self.message, "rule": self.rule}



def is_valid(messages: Iterable[Message]) -> bool:
    return not any(m.severity == "error" for m in messages)
