/**
 * Dates and times written with weekday or month names, as runtimes and logs print them, replaced by
 * `<timestamp>` (with a time of day) or `<date>` before a message is parameterised: the parameteriser
 * (lib/ingest/parameteriseMessage.ts) turns their digits into `<num>` but keeps `Mon` / `Dec`, so a
 * message keyed with one split by day and month. ISO 8601 (`2026-12-07T18:56:51Z`,
 * `2026-12-07 18:56:51,123`) and all-digit forms (`07.12.2026`, `18:56:51`) are the parameteriser's.
 *
 * Read:
 *   Mon Dec 07 18:56:51 UTC 2026                 Java's Date.toString()
 *   Mon Dec  7 18:56:51 2026                     C asctime / ctime, Python time.ctime()
 *   Mon Dec 07 2026 18:56:51 GMT+0000 (Coordinated Universal Time)   JavaScript Date.toString()
 *   Mon, 07 Dec 2026 18:56:51 GMT                RFC 1123 / 7231 (HTTP dates, toUTCString), RFC 2822 (`+0000`)
 *   Monday, 07-Dec-26 18:56:51 GMT               RFC 850
 *   07/Dec/2026:18:56:51 +0000                   access logs (Apache / nginx combined format)
 *   07-Dec-2026 18:56:51.123                     Tomcat's and Oracle's `dd-MMM-yyyy`; `07-DEC-26`
 *   Dec  7 18:56:51                              syslog (RFC 3164)
 *   Dec 7, 2026 · December 7, 2026 6:56:51 PM · 7 December 2026 · December 2026   prose and locales
 *
 * A weekday or month name alone is a word ("May", "Sat", "Mar", "Sun"): only a name next to a day
 * and a year, or a day and a time of day, is read as a date; a zone name only right after a time.
 * Every pattern is bounded (no unbounded repetition inside a repetition), so a crafted message
 * costs linear time.
 */

const MONTHS = ["Jan(?:uary)?", "Feb(?:ruary)?", "Mar(?:ch)?", "Apr(?:il)?", "May", "June?", "July?", "Aug(?:ust)?", "Sep(?:t(?:ember)?)?", "Oct(?:ober)?", "Nov(?:ember)?", "Dec(?:ember)?"];
const WEEKDAYS = ["Mon(?:day)?", "Tue(?:s(?:day)?)?", "Wed(?:nesday)?", "Thu(?:r(?:s(?:day)?)?)?", "Fri(?:day)?", "Sat(?:urday)?", "Sun(?:day)?"];

/** Each name as printed: capitalised (`Dec`, `December`) or upper case (`DEC`, Oracle's and some loggers'). */
const names = (list: string[]) => `(?:${[...list, ...list.map((n) => n.toUpperCase())].join("|")})`;

const MONTH = names(MONTHS);
const WEEKDAY = names(WEEKDAYS);
const SPACE = "[ \\t]{1,3}";
/** 18:56, 18:56:51, 18:56:51.123, 18:56:51,123456789, 6:56:51 PM */
const TIME = "\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:[ ]?[AaPp]\\.?[Mm]\\.?(?![A-Za-z]))?";
/** Zone names printed after a time: UTC, GMT+01:00, CET, PDT, +0000, Z. Not any capitalised word: `POST`, `ERROR` and `EXIT` are no zones. */
const ZONE =
  "(?:(?:UTC|GMT|UT)(?:[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{2}:?\\d{2}|Z|[ECMPAH][SD]T|AK[SD]T|HST|CES?T|EES?T|WES?T|BST|IST|MSK|JST|KST|HKT|SGT|AE[SD]T|AC[SD]T|AWST|NZ[SD]T)(?![A-Za-z0-9])";
/** JavaScript's zone description after the offset: ` (Coordinated Universal Time)`, ` (Central European Standard Time)`. */
const ZONE_NAME = "\\([A-Z][A-Za-z .'-]{1,60}\\)";
const DAY = "\\d{1,2}(?:st|nd|rd|th)?(?!\\d)";
/** 1800–2999: four digits after a month name are not always a year ("May 1200 rows"). */
const YEAR = "(?:1[89]|2\\d)\\d{2}(?!\\d)";

/**
 * Day before month: `Mon, 07 Dec 2026 18:56:51 GMT`, `07/Dec/2026:18:56:51 +0000`, `07-Dec-2026 18:56:51.123`,
 * `7 December 2026`, `Monday, 07-Dec-26 …`. A two-digit year only between dashes or slashes.
 */
const DAY_FIRST = new RegExp(
  `(?<![\\w/.-])(?:${WEEKDAY},?${SPACE})?\\d{1,2}(?:${SPACE}${MONTH},?${SPACE}${YEAR}|([-/])${MONTH}\\1(?:${YEAR}|\\d{2}(?!\\d)))` +
    `(?:(?:${SPACE}|:|T)${TIME}(?:(?:${SPACE})?${ZONE})?)?`,
  "g",
);

/**
 * Month before day: `Mon Dec 07 18:56:51 UTC 2026`, `Mon Dec  7 18:56:51 2026`, `Mon Dec 07 2026 18:56:51 GMT+0000 (…)`,
 * `Dec  7 18:56:51`, `Dec 7, 2026`, `December 7, 2026 at 6:56 PM`. Needs a year or a time after the day.
 */
const MONTH_FIRST = new RegExp(
  `(?<![\\w/.-])(?:${WEEKDAY},?${SPACE})?${MONTH}\\.?${SPACE}${DAY}(,?${SPACE}${YEAR})?` +
    `(?:(?:,?${SPACE}(?:at${SPACE})?)(${TIME})(?:${SPACE}${ZONE})?(?:${SPACE}${YEAR})?(?:${SPACE}${ZONE_NAME})?)?`,
  "g",
);

/** `December 2026`, `Dec 2026`: a month of a year. */
const MONTH_YEAR = new RegExp(`(?<![\\w/.-])${MONTH}\\.?,?${SPACE}${YEAR}`, "g");

export function withoutNamedDates(text: string): string {
  if (!/[A-Za-z]{3}/.test(text) || !/\d/.test(text)) return text;
  return text
    .replace(DAY_FIRST, (match) => (/\d:\d/.test(match) ? "<timestamp>" : "<date>"))
    .replace(MONTH_FIRST, (match, year: string | undefined, time: string | undefined) => (time ? "<timestamp>" : year ? "<date>" : match))
    .replace(MONTH_YEAR, "<date>");
}
