"""One reader of the values people type in rosters and workbooks: dates, amounts, rates and
the encoding of text files. The roster importer (revorg.io.roster) and the workbook importer
(revorg.io.xlsx_import) both read through it, so the same text gives the same value in both.

The policy (docs/values.md says it for users):

- Dates: a date cell as it is; a number, or a text of digits, is an Excel serial converted by
  openpyxl's from_excel (the workbook's 1900 or 1904 system), refused outside 1910-2199; text
  is ISO (2027-03-15, 2027-03), dd/mm/yyyy or mm/dd/yyyy, mm/yyyy, 2027年3月15日 or a named
  month (Mar 2027, 15 de marzo de 2027). Whether 04/01/2027 is day or month first is decided
  per column: by its unambiguous dates (13/01/2027 makes it day first), else by the language
  of the headings (English: month first, the US habit; Spanish and Chinese: day first), and a
  note says which order was assumed. A column with unambiguous dates of both orders refuses
  its ambiguous ones.
- Amounts: Decimal, never float. Thousands separators, a decimal comma or point, "65k", a
  currency symbol or ISO code before or after ("USD 485,000.00", "485.000,00 €", "¥300,000").
  A lone separator followed by three digits ("1,250") is a thousands separator unless the
  column shows a decimal comma or point elsewhere ("1.234,56", "12,5"); after a 0 it is always
  a decimal mark ("0,250" is 0.25).
- Rates: "10 %", "10,5%" or 0.1; a bare 10 stays 10 (the field says whether that is allowed).
- Text files: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), else
  GB18030, Big5, Shift-JIS or Windows-1252 as charset-normalizer and the headings tell; an
  import finding names a legacy encoding.
"""

from revorg.io.values.amounts import (
    Amount,
    DecimalMark,
    NegativeAmountError,
    decimal_mark,
    heading_currency,
    parse_amount,
    parse_number,
    parse_rate_value,
    parse_whole,
    read_amount,
)
from revorg.io.values.dates import (
    DateColumn,
    DateOrder,
    date_column,
    parse_date,
    parse_month,
    read_date,
)
from revorg.io.values.encodings import Decoded, UndecodableError, decode
from revorg.io.values.text import normalize

__all__ = [
    "Amount",
    "DateColumn",
    "DateOrder",
    "DecimalMark",
    "Decoded",
    "NegativeAmountError",
    "UndecodableError",
    "date_column",
    "decimal_mark",
    "decode",
    "heading_currency",
    "normalize",
    "parse_amount",
    "parse_date",
    "parse_month",
    "parse_number",
    "parse_rate_value",
    "parse_whole",
    "read_amount",
    "read_date",
]
