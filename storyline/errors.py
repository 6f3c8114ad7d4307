"""storyline's errors: one hierarchy, stable codes.

Every error storyline raises on purpose is a :class:`StorylineError` with a
stable ``code`` (documented in ``docs/errors.md``), the ``path`` it concerns
when there is one, and a human ``reason``. The CLI turns them into one line,
``path: CODE reason``; library callers catch the class they care about.

Codes:

===== ======================= ==============================================
code  class                   meaning
===== ======================= ==============================================
E100  InputError              any problem with one input (base class)
E101  EmptyInputError         the input has no bytes, or only white space
E102  BinaryInputError        the input is binary (NUL bytes, an image, …)
E103  DecodeInputError        the bytes are not valid text in any encoding tried
E104  InputTooLargeError      the input is over the ``max_bytes`` setting
E105  NotAnArticleError       decoded, but no article text could be found
E106  InputNotFoundError      the path does not exist or cannot be read
E200  ConfigError             a setting or data file is wrong (base class)
E201  KnowledgeBaseError      a bad entry in a knowledge-base file (names the line)
E202  SettingError            a setting has a bad value
E203  ModelError              a spaCy model or storyline's trained model is missing
E300  StoreError              the database failed (base class)
E301  MigrationError          the schema could not be migrated
E400  EvalError               benchmark data missing or malformed
===== ======================= ==============================================
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base of every storyline error; ``str(err)`` is ``path: CODE reason``."""

    code = "E000"

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.code} {self.reason}"


class InputError(StorylineError):
    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class DecodeInputError(InputError):
    code = "E103"


class InputTooLargeError(InputError):
    code = "E104"


class NotAnArticleError(InputError):
    code = "E105"


class InputNotFoundError(InputError):
    code = "E106"


class ConfigError(StorylineError):
    code = "E200"


class KnowledgeBaseError(ConfigError):
    code = "E201"

    def __init__(self, reason: str, path: str | None = None, line: int | None = None) -> None:
        self.line = line
        super().__init__(reason if line is None else f"line {line}: {reason}", path)


class SettingError(ConfigError):
    code = "E202"


class ModelError(ConfigError):
    code = "E203"


class StoreError(StorylineError):
    code = "E300"


class MigrationError(StoreError):
    code = "E301"


class EvalError(StorylineError):
    code = "E400"


ALL_ERRORS: tuple[type[StorylineError], ...] = (
    StorylineError, InputError, EmptyInputError, BinaryInputError, DecodeInputError,
    InputTooLargeError, NotAnArticleError, InputNotFoundError, ConfigError,
    KnowledgeBaseError, SettingError, ModelError, StoreError, MigrationError, EvalError,
)
