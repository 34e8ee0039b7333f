"""From the bytes of a plain-text source to text that XML can hold, changing no word.

`decode` turns bytes into text: a byte-order mark (UTF-8, UTF-16, UTF-32) decides the encoding
and is dropped; CRLF and lone CR become LF; a file with NUL bytes and no UTF-16/32 mark is not
text. `repair` replaces, one for one, the characters XML 1.0 cannot hold or that no reader can see
(control characters other than tab and line breaks, Unicode noncharacters, lone surrogates):

- the separators among them (form feed, vertical tab, the information separators U+001C-U+001F,
  NEL U+0085) become a space, so words stay apart exactly as the source had them;
- every other one becomes U+FFFD REPLACEMENT CHARACTER, which is visible where the source had
  an invisible character and, like the control character, is no letter or digit.

So the words of the source (runs of letters and digits, see `tei_tools.fidelity`) are the same
before and after, and offsets do not move. Each run of replaced characters is a `Repair`, which
the converter reports and the header declares like the passages it leaves out.
"""
from __future__ import annotations

import codecs
import re

from tei_tools.model import Repair

# Longest mark first: the UTF-32-LE mark begins with the UTF-16-LE one.
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                    (codecs.BOM_UTF16_BE, "utf-16"))
REPAIR_REASON = "forbidden-character"
REPAIR_DESCRIPTION = ("Characters that XML does not allow or that no reader can see (control characters other "
                      "than tab and line breaks, Unicode noncharacters) were replaced one for one: form feeds, "
                      "vertical tabs and the other separators by a space, any other by U+FFFD (\ufffd), so that "
                      "no word of the source changed.")
SEPARATORS = "\x0b\x0c\x1c\x1d\x1e\x1f\x85"
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xfffe)}{chr(plane * 0x10000 + 0xffff)}" for plane in range(1, 17))
FORBIDDEN = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]+")
# One forbidden character, as the characters it is not: the same set, but `re` tells an ordinary
# character (found in the first ranges) from it many times faster; most sources have none.
_ALLOWED = "\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd" + "".join(
    f"{chr(plane * 0x10000)}-{chr(plane * 0x10000 + 0xfffd)}" for plane in range(1, 17))
ANY_FORBIDDEN = re.compile(f"[^{_ALLOWED}]")


class DecodingError(ValueError):
    """Bytes that are not text in the encoding asked for; str() is the user's one-line message."""


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """Text from bytes: a byte-order mark wins over `encoding`; line endings become LF."""
    for mark, marked_encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            encoding = marked_encoding
            break
    else:
        if b"\x00" in data and not _is_wide(encoding):
            raise DecodingError("looks like a binary file (it contains NUL bytes), not plain text; if it is "
                                "UTF-16 or UTF-32 text without a byte-order mark, give e.g. --encoding utf-16-le")
    try:
        text = data.decode(encoding)
    except LookupError:
        raise DecodingError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise DecodingError(f"not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                            "give the right --encoding, e.g. --encoding cp1252") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _is_wide(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def repair(text: str) -> tuple[str, list[Repair]]:
    """The text with every character XML cannot hold replaced (see the module), and the repairs."""
    if ANY_FORBIDDEN.search(text) is None:
        return text, []
    repairs: list[Repair] = []
    pieces: list[str] = []
    position, line = 0, 1
    for found in FORBIDDEN.finditer(text):
        original = found.group()
        replacement = "".join(" " if c in SEPARATORS else "\ufffd" for c in original)
        line += text.count("\n", position, found.start())
        pieces += [text[position:found.start()], replacement]
        repairs.append(Repair(original, found.start(), line, REPAIR_REASON, REPAIR_DESCRIPTION, replacement))
        position = found.end()
    if not repairs:
        return text, repairs
    pieces.append(text[position:])
    return "".join(pieces), repairs
