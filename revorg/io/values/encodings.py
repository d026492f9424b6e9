"""The encoding of a text file (a CSV roster): Unicode told by its byte-order mark or by
decoding as UTF-8; any other text is given to charset-normalizer, limited to the encodings that
rosters of RevOrg's users come in.

charset-normalizer alone reads a short Spanish roster in Windows-1252 as Central European
(cp1250) or DOS code pages, and a Chinese roster whose rows repeat as Big5: so it only chooses
among CANDIDATES, and a caller may say which decoding looks right (the roster: the one whose
first line has known headings).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass

from revorg.io.messages import Localized

# Legacy encodings tried, in charset-normalizer's spelling (Shift-JIS as Microsoft's cp932).
CANDIDATES = ("gb18030", "big5", "cp932", "cp1252")
ENCODING_NAMES = {
    "utf-16": Localized({"en": "UTF-16", "es": "UTF-16", "zh": "UTF-16"}),
    "gb18030": Localized(
        {"en": "GB18030 (Simplified Chinese)", "es": "GB18030 (chino simplificado)",
         "zh": "GB18030（简体中文）"}
    ),
    "big5": Localized(
        {"en": "Big5 (Traditional Chinese)", "es": "Big5 (chino tradicional)",
         "zh": "Big5（繁体中文）"}
    ),
    "cp932": Localized(
        {"en": "Shift-JIS (Japanese)", "es": "Shift-JIS (japonés)", "zh": "Shift-JIS（日语）"}
    ),
    "cp1252": Localized(
        {"en": "Windows-1252 (Western European)", "es": "Windows-1252 (Europa occidental)",
         "zh": "Windows-1252（西欧）"}
    ),
}  # fmt: skip
# How much of a file charset-normalizer looks at: the headings and a few hundred rows tell.
SAMPLE_BYTES = 256 * 1024


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-16" or one of CANDIDATES
    first_foreign_line: int = 1  # for a legacy encoding: the first line that is not UTF-8

    @property
    def is_unicode(self) -> bool:
        return self.encoding in ("utf-8", "utf-16")

    def name(self) -> Localized:
        return ENCODING_NAMES[self.encoding]


class UndecodableError(ValueError):
    """Bytes that none of the encodings reads."""


def byte_order_encoding(head: bytes) -> str | None:
    """ "utf-16" or "utf-8" when the bytes start with a byte-order mark, else None."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8"
    return None


def decode(data: bytes, looks_right: Callable[[str], bool] | None = None) -> Decoded:
    """The text of a file; raises UndecodableError (for UTF-16 that is not: no guessing)."""
    marked = byte_order_encoding(data[:4])
    if marked == "utf-16":
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as error:
            raise UndecodableError("utf-16") from error
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
    candidates = _candidates(data)
    # Strictly first; then with a replacement character for the few bytes a damaged file has
    # wrong, so that one bad byte late in a Chinese roster does not make it Windows-1252.
    for errors in ("strict", "replace"):
        for encoding in candidates:
            try:
                text = data.decode(encoding, errors=errors)
            except UnicodeDecodeError:
                continue
            if looks_right is None or looks_right(text):
                return Decoded(text, encoding, line)
    # Nothing looked right: Windows-1252 reads every byte but five, and shows where it is wrong.
    return Decoded(data.decode("cp1252", errors="replace"), "cp1252", line)


def _candidates(data: bytes) -> list[str]:
    """CANDIDATES, charset-normalizer's choices first (best first)."""
    # Imported here: the window loads this module at start and needs it only for a roster.
    from charset_normalizer import from_bytes

    sample = data[:SAMPLE_BYTES]
    if len(data) > SAMPLE_BYTES:
        sample = sample[: sample.rfind(b"\n") + 1] or sample
    chosen = [match.encoding for match in from_bytes(sample, cp_isolation=list(CANDIDATES))]
    # Then Windows-1252 before the multi-byte ones, which decode much Latin text as nonsense.
    return [*dict.fromkeys([*chosen, "cp1252", *CANDIDATES])]
