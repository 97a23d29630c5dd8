/**
 * Digit runs that pass for a card number (13–19 digits from 2–6, Luhn-valid) but are none
 * (lib/ingest/scrub.ts keeps them).
 *
 * Release directories: Capistrano, Envoyer and Deployer name every release by its UTC time,
 * `/var/www/releases/20261207093000/`; about one such name in ten passes Luhn, and the trace's
 * paths, the frames' files and the code mappings' roots read `releases/[Filtered]` (review s54).
 */

/**
 * A run of digits that is a valid date and time written YYYYMMDDHHMMSS or YYYYMMDDHHMM (years
 * 1970–2099) — read as one anywhere it stands, not only in a path. Card numbers of 14 digits that
 * are such a timestamp are rare: the networks issuing 14-digit numbers (Diners Club International:
 * 30, 36, 38) start with a 3, which no such year does, and the 16-digit networks' numbers are
 * longer — only a private-label card could be one. A 12-digit timestamp is shorter than any card,
 * and is kept from joining digit groups around it into one.
 */
export function isTimestampDigits(group: string): boolean {
  if (group.length !== 14 && group.length !== 12) return false;
  if (!/^(?:19[7-9]|20[0-9])[0-9]+$/.test(group)) return false;
  const n = (from: number) => Number(group.slice(from, from + 2));
  const year = Number(group.slice(0, 4));
  const month = n(4);
  const day = n(6);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (n(8) > 23 || n(10) > 59) return false;
  return group.length === 12 || n(12) <= 59;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const isSeparator = (c: string | undefined) => c === "/" || c === "\\";
// The path a run stands in ends at white space, a quote or a bracket.
const endsPath = (c: string) => /[\s"'`<>[\]{}]/.test(c);
// A file name with an extension, then the path's end or a line/column reference (":10:5", "(54)").
const FILE_NAME = /\.[A-Za-z][A-Za-z0-9]{0,9}(?:$|[:(),;])/;

/**
 * Tells whether a digit run of `text` is a whole segment of a file path (between `/` or `\`
 * separators) leading to a file (`/var/www/releases/<run>/src/view.js:10:5`,
 * `C:\deploy\<run>\Shop.dll`). Not a URL's path (`https://shop.example/cards/<run>/receipt`), and not
 * a path that names no file (`POST /v1/cards/<run>/capture`): a card number in an API's address
 * stays hidden. Ask for runs in text order: the paths are read once, in time linear in the text.
 */
export function filePathSegmentReader(text: string): (start: number, end: number) => boolean {
  let scanned = 0; // text before this has been read for a URL scheme in the path
  let scheme = false; // "://" seen in the path before `scanned`
  let pathEnd = -1;
  let lastFile = -1; // where the last file name of the path read ahead starts
  return (start, end) => {
    if (!isSeparator(text[start - 1]) || !isSeparator(text[end])) return false;
    for (; scanned < start; scanned++) {
      if (endsPath(text[scanned])) scheme = false;
      else if (text[scanned] === ":" && text[scanned + 1] === "/" && text[scanned + 2] === "/") scheme = true;
    }
    if (scheme) return false;
    if (end > pathEnd) {
      pathEnd = end;
      while (pathEnd < text.length && !endsPath(text[pathEnd])) pathEnd++;
      lastFile = -1;
      let segment = end;
      for (let i = end + 1; i <= pathEnd; i++) {
        if (i < pathEnd && !isSeparator(text[i])) continue;
        if (FILE_NAME.test(text.slice(segment + 1, i))) lastFile = segment;
        segment = i;
      }
    }
    return lastFile >= end;
  };
}
