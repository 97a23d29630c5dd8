/**
 * Strips the parts of a function name that vary without the code's meaning changing:
 * async/constructor markers, anonymous placeholders and compiler-numbered closures.
 */
export function cleanFunctionName(raw: string): string {
  let fn = raw.trim().replace(/\s+/g, " ");
  fn = stripAlias(fn);
  fn = stripPrefixes(fn);
  fn = fn === "Object.<anonymous>" ? "" : fn.replace(/\.?<anonymous>/g, ""); // V8 module scope / anonymous fns
  fn = trimFirefoxClosure(fn);
  fn = fn
    .replace(/^block \(\d+ levels\) in /, "block in ") // Ruby nested blocks
    .replace(/lambda\$[\w$]*/g, "lambda") // Java lambda$main$0
    .replace(/(^|\.)func\d+(?:\.\d+)*(?=\.|$)/g, "$1func") // Go closures main.func1, func2.1
    .replace(/^\{closure[^}]*\}$/, "closure") // PHP {closure}, PHP 8.4 {closure:/x.php:12}
    .replace(/^\{(\w+)\}$/, "$1") // PHP {main}
    .replace(/<([\w ()]+)>/g, "$1"); // Python <lambda>/<module>, Ruby <main>, JVM <init>
  if (SAFARI_TOP_LEVEL.has(fn)) return "";
  return trimDots(fn).slice(0, 256);
}

const PREFIXES = ["async ", "async*", "new "];
const SAFARI_TOP_LEVEL = new Set(["global code", "module code", "eval code"]);

function stripPrefixes(fn: string): string {
  let out = fn;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of PREFIXES) {
      if (out.startsWith(p)) {
        out = out.slice(p.length);
        changed = true;
      }
    }
  }
  return out;
}

/** Firefox names anonymous inner functions "outer/<" or "outer/inner<"; drop the markers. */
function trimFirefoxClosure(fn: string): string {
  let end = fn.length;
  while (end > 0 && (fn[end - 1] === "<" || fn[end - 1] === "/")) end--;
  return fn.slice(0, end);
}

/** Leftover separators after removals ("Foo." from "Foo.<anonymous>"); a loop, not /\.+$/, to stay linear. */
function trimDots(fn: string): string {
  let start = 0;
  let end = fn.length;
  while (start < end && fn[start] === ".") start++;
  while (end > start && fn[end - 1] === ".") end--;
  return fn.slice(start, end);
}

/** V8 "Foo.bar [as baz]": the alias is the property name the function was called through. */
function stripAlias(fn: string): string {
  if (!fn.endsWith("]")) return fn;
  const at = fn.lastIndexOf(" [as ");
  return at >= 0 && fn.indexOf("]", at) === fn.length - 1 ? fn.slice(0, at) : fn;
}
