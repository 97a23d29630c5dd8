import { z } from "zod";

/**
 * A manifest's `files` object (file path → what the manifest says of it) read as a Map of its own
 * keys: `z.record` builds a plain object, where a file named `__proto__` (a legal ZIP entry name)
 * would set the prototype instead of adding an entry and be dropped without a word. Issues name the
 * path as a record's do (`files.<path>.url`).
 */
export function manifestFilesSchema<S extends z.ZodType>(file: S) {
  return z.preprocess(
    (value) => (value !== null && typeof value === "object" && !Array.isArray(value) ? new Map(Object.entries(value)) : value),
    z.map(z.string(), file, { error: "expected an object of files by path" }),
  );
}
