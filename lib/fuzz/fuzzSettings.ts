import fc from "fast-check";
import { ApiError } from "@/lib/http/ApiError";
import { hasUnstorableText } from "@/lib/text/replaceUnstorable";

/**
 * How hard the property-based fuzz tests (`*.fuzz.test.ts`) try. In `npm test` they run a few
 * hundred cases per property with a fixed seed, so a failure reproduces; `npm run fuzz` runs them
 * long (FUZZ_RUNS, default 20,000) with a random seed unless FUZZ_SEED is given. fast-check prints
 * the seed and the shrunk counter-example of any failure: re-run with FUZZ_SEED=<seed>.
 */
export function fuzzParams(defaultRuns = 300): fc.Parameters<unknown> {
  const runs = Number(process.env.FUZZ_RUNS ?? defaultRuns);
  const seedText = process.env.FUZZ_SEED;
  const long = process.env.FUZZ_RUNS !== undefined;
  return {
    numRuns: Number.isFinite(runs) && runs > 0 ? runs : defaultRuns,
    seed: seedText ? Number(seedText) : long ? Date.now() ^ (Math.random() * 0x7fffffff) : 20261201,
    endOnFailure: true,
  };
}

/** Test timeout that grows with FUZZ_RUNS, so a long run is not cut off by vitest's 5 s default. */
export function fuzzTimeout(defaultRuns = 300): number {
  const runs = Number(process.env.FUZZ_RUNS ?? defaultRuns);
  return Math.max(30_000, runs * 20);
}

/** Strings a hostile or sloppy client sends: every plane, lone surrogates, NUL, control characters. */
export const hostileString = (maxLength = 200) =>
  fc.oneof(
    fc.string({ maxLength, unit: "binary" }),
    fc.string({ maxLength, unit: "grapheme" }),
    fc.string({ maxLength, unit: fc.constantFrom("\u0000", "\uD800", "\uDFFF", "\uFFFD", "\u2028", "\n", "\r", "\t", "\\", '"', "%", ":", "/", "(", ")", "@", " ", "a", "0", "😀") }),
  );

/** An arbitrary JSON-ish value with hostile strings and keys (including __proto__ and constructor). */
export const hostileJson = (maxDepth = 4) =>
  fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", maxDepth },
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.integer(),
      fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 1e308, 2 ** 31, 0.5),
      hostileString(),
      fc.array(tie("value"), { maxLength: 5 }),
      fc.dictionary(fc.oneof(hostileString(20), fc.constantFrom("__proto__", "constructor", "prototype", "type", "message", "exception", "values")), tie("value"), {
        maxKeys: 6,
      }),
    ),
  })).value;

/** Runs `fn` and returns what it threw, or undefined. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error;
  }
}

export async function thrownAsync(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    return error;
  }
}

/** The property of every edge parser: it returns, or throws one of the documented 4xx ApiErrors. */
export function isDocumentedOutcome(error: unknown): boolean {
  return error === undefined || (error instanceof ApiError && error.status >= 400 && error.status < 500);
}

/** True when any string or key inside `value` holds a NUL or an unpaired surrogate (not storable). */
export function hasUnstorableDeep(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === "string") {
      if (hasUnstorableText(node)) return true;
    } else if (Array.isArray(node)) stack.push(...node);
    else if (node !== null && typeof node === "object" && !(node instanceof Date)) {
      for (const [key, item] of Object.entries(node)) {
        if (hasUnstorableText(key)) return true;
        stack.push(item);
      }
    }
  }
  return false;
}
