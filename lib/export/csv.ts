/**
 * CSV as RFC 4180 defines it: records end with CRLF, fields are separated by commas, and a field
 * holding a comma, a double quote, CR or LF is enclosed in double quotes with inner quotes doubled.
 *
 * One deliberate addition: a text field starting with = + - @ or a tab/CR gets a leading
 * apostrophe, so a spreadsheet opening the export does not run an attacker's formula from an error
 * message (CSV injection). Numbers, booleans and dates are written as they are.
 */
export type CsvValue = string | number | boolean | Date | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRecord(values: CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
