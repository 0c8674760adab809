"""A problem found in a deck file, located to the line and column the author must look at."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from briefquiz.text.control import strip_controls


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    path: Path
    line: int  # 1-based
    column: int  # 1-based
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        shown = f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"
        return strip_controls(shown)  # a file name may hold an ESC too

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
        }
