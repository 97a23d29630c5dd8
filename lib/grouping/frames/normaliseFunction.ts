import type { Language } from "@/lib/ingest/stacktrace/frame";
import { cleanDotnetNames } from "@/lib/ingest/frameNames/cleanModuleName";
import { basename } from "@/lib/ingest/stacktrace/location";
import { matchingOpenParen, outsideAngleBrackets } from "@/lib/ingest/stacktrace/parens";
import { rustPath } from "@/lib/grouping/frames/libraryCode";
import { withoutCpuVariant } from "@/lib/grouping/frames/libcCpuVariant";
import { kotlinNativeName, withoutSwiftTypes } from "@/lib/grouping/frames/nativeSignatures";
import { perlSub } from "@/lib/grouping/frames/perlLibrary";
import { splitElixirCall } from "@/lib/ingest/stacktrace/parseElixir";
import { RUST_HASH } from "@/lib/ingest/stacktrace/parseRust";

export interface FunctionKey {
  /** The stable part of the function name ("" when anonymous or minified). */
  name: string;
  /** The module/class key after language-specific clean-up (JVM, .NET, Go, PHP); "" when none. */
  module: string;
  /** A JavaScript name that a minifier produced: it changes between builds and says nothing. */
  minified: boolean;
}

const MAX = 256;

/**
 * Reduces a frame's function (and module) to what stays the same for one piece of code across
 * engines, runtime versions, builds and compilers. Each language's quirks are one function below.
 */
export function normaliseFunction(rawFunction: string | undefined, rawModule: string | undefined, language: Language): FunctionKey {
  const fn = (rawFunction ?? "").slice(0, 1024).trim().replace(/\s+/g, " ");
  const mod = (rawModule ?? "").slice(0, 1024).trim();
  switch (language) {
    case "javascript":
      return { ...jsName(fn), module: "" };
    case "java":
      return jvmName(fn, mod);
    case "dotnet":
      return dotnetName(fn, mod);
    case "go":
      return { name: goName(fn), module: goName(mod), minified: false };
    case "ruby":
      return { name: rubyName(fn), module: "", minified: false };
    case "python":
      return { name: pythonName(fn), module: pythonModule(mod), minified: false };
    case "php":
      return { name: phpName(fn), module: mod.replace(/^\\/, ""), minified: false };
    case "rust":
      return { ...rustName(fn, mod), minified: false };
    case "elixir":
      return { ...elixirName(fn, mod), minified: false };
    case "dart":
      return { name: fn.replace(/<anonymous closure>/g, "<closure>").slice(0, MAX), module: "", minified: false };
    case "native":
      return { name: nativeName(fn), module: basename(mod).slice(0, MAX), minified: false };
    case "lua":
      return { name: luaName(fn), module: "", minified: false };
    case "perl":
      return { ...perlName(fn, mod), minified: false };
    case "ocaml":
      return { name: fn.slice(0, MAX), module: mod.slice(0, MAX), minified: false };
    case "haskell":
      return { name: fn.slice(0, MAX), module: haskellModule(mod), minified: false };
    case "julia":
      return { name: juliaName(fn), module: "", minified: false };
    case "zig":
      return { name: zigName(fn), module: "", minified: false };
    case "crystal":
    case "nim":
      return { name: fn.slice(0, MAX), module: "", minified: false };
    default:
      return { name: jsName(fn).name || fn.slice(0, MAX), module: mod, minified: false };
  }
}

/** V8 "Foo.bar [as baz]", "async x", "new X", Firefox "outer/<", "a/b<", "async*x", Safari "global code". */
function jsName(raw: string): { name: string; minified: boolean } {
  let fn = raw;
  if (fn.endsWith("]")) {
    const alias = fn.lastIndexOf(" [as ");
    if (alias >= 0) fn = fn.slice(0, alias);
  }
  fn = fn.replace(/^(?:async\*|async |new |get |set |static )+/, "");
  if (fn.includes("<anonymous>") || /^(?:global|module|eval) code$/.test(fn) || fn === "eval") return { name: "", minified: false };
  // Firefox: "outer/<" is an anonymous function inside outer; "outer/inner<" one assigned to inner.
  let end = fn.length;
  while (end > 0 && fn[end - 1] === "<") end--;
  fn = fn.slice(0, end);
  if (fn.endsWith("/")) return { name: "", minified: false };
  fn = fn.slice(fn.lastIndexOf("/") + 1);
  // Chrome qualifies methods with their receiver ("OrderSummary.render", "Object.onClick"); the others don't.
  fn = fn.slice(fn.lastIndexOf(".") + 1);
  if (/^[A-Za-z_$][\w$]?$/.test(fn)) return { name: "", minified: true };
  return { name: fn.slice(0, MAX), minified: false };
}

/**
 * JVM: generated classes and members get numbers from the compiler/runtime that shift between
 * builds (Java, Kotlin and Scala lambdas, Groovy closures); Kotlin lambdas and coroutine
 * continuations compiled as classes are named after their function.
 */
function jvmName(fn: string, mod: string): FunctionKey {
  let cls = mod.replace(/\$\$.*$/, ""); // Foo$$Lambda$14/0x…, Foo$$EnhancerBySpringCGLIB$$…
  let name = fn;
  // Kotlin: UserService$load$1.invokeSuspend / Foo$bar$2.invoke → UserService.load / Foo.bar
  const kotlin = /^(.*?)\$([A-Za-z_][\w]*)(?:\$\d+)+$/.exec(cls);
  if (kotlin && /^(?:invoke|invokeSuspend|accept|apply|run|call|get)$/.test(name)) {
    cls = kotlin[1];
    name = kotlin[2];
  }
  cls = cls.replace(/\$\d+/g, "").replace(/(\$_\w+_closure)\d+/g, "$1"); // anonymous classes Foo$1, Groovy closures Foo$_run_closure3
  name = name
    .replace(/^lambda\$(.*?)\$\d+$/, "lambda$$$1") // lambda$process$0 → lambda$process
    .replace(/\$lambda[$-]\d+/g, "$$lambda") // Kotlin's invokedynamic lambdas: checkout$lambda$3 (2.x), checkout$lambda-3 (1.x)
    .replace(/\$anonfun\$(?:(\w+?)\$)?\d+(?:\$adapted)?/g, (_m, owner: string | undefined) => `$anonfun$${owner ?? ""}`) // Scala: $anonfun$mean$1, …$1$adapted
    .replace(/\$(?:suspendImpl|default)$/, "")
    .replace(/^<(init|clinit)>$/, "$1");
  return { name: name.slice(0, MAX), module: cls.slice(0, MAX), minified: false };
}

/**
 * .NET: async/iterator state machines, lambdas, closures and local functions resolved to the
 * method written (cleanDotnetNames); Sentry's "enhanced" signatures
 * ("async Task<Order> OrderService.GetAsync(int id)") reduced to the declaring type and method name
 * (the type left out when the module already ends with it); generic arity dropped.
 */
function dotnetName(fn: string, mod: string): FunctionKey {
  // Top-level statements compile to "<Main>$", whose lambdas and local functions are "<<Main>$>b__0_1" and
  // "<<Main>$>g__Handle|0_0": named like any method's below, so their numbers go too.
  let name = fn.replaceAll(TOP_LEVEL_MEMBER, TOP_LEVEL_PLACEHOLDER);
  // Nested types print as "Outer+Inner" in SDK frames and "Outer.Inner" in ToString().
  let cls = mod.replace(/\+/g, ".").replaceAll(TOP_LEVEL_MEMBER, TOP_LEVEL_PLACEHOLDER);
  if (/[\s(]/.test(name)) {
    const open = name.indexOf("(");
    const head = (open >= 0 ? name.slice(0, open) : name).trim();
    const parts = head.split(" ");
    const qualified = parts[parts.length - 1].replace(/<[^<>]*>$/, "");
    const dot = qualified.lastIndexOf(".");
    name = qualified.slice(dot + 1);
    // The declaring type stays with the method when the module is not it (sentry-dotnet's module is
    // the assembly): ShippingValidator.Validate and BillingValidator.Validate are different code.
    const owner = dot > 0 ? qualified.slice(0, dot).replace(/<[^<>]*>/g, "") : "";
    const type = owner.slice(owner.lastIndexOf(".") + 1).replace(/\+/g, ".");
    if (type && !cls.endsWith(type)) name = `${type}.${name}`;
  }
  if (cls && (cls.includes("<") || name.includes("<"))) ({ module: cls, function: name } = cleanDotnetNames(cls, name));
  cls = cls.replace(/`\d+/g, "").replace(/\[[^\]]*\]/g, "");
  name = name.replace(/`\d+/g, "").replace(/\[[^\]]*\]$/, "");
  if (name.includes("TopLevelMain$")) name = name.replaceAll("TopLevelMain$", "<Main>$");
  if (cls.includes("TopLevelMain$")) cls = cls.replaceAll("TopLevelMain$", "<Main>$");
  return { name: name.slice(0, MAX), module: cls.slice(0, MAX), minified: false };
}

const TOP_LEVEL_MEMBER = "<<Main>$>";
const TOP_LEVEL_PLACEHOLDER = "<TopLevelMain$>";

/** Go: generic instantiations "[...]", numbered closures func1/func2.3, go/defer wrappers gowrap1. */
function goName(raw: string): string {
  return raw
    .replace(/\[[^\]]*\]/g, "")
    .replace(/(^|\.)(func|gowrap|deferwrap)\d+(?:\.\d+)*(?=\.|$)/g, "$1$2")
    .slice(0, MAX);
}

/**
 * Ruby < 3.4 "block (2 levels) in show"; Ruby 3.4 "block in UsersController#show", "User.find".
 * "rescue in x" / "ensure in x" are the method x itself (and Ruby 3.4 no longer prints them).
 * A compiled Rails view is a method named after its template, its source's hash and an object id
 * ("_app_views_users_show_html_erb___2412341234_61720"): both differ in every process.
 */
function rubyName(raw: string): string {
  const m = /^((?:block(?: \(\d+ levels\))?|rescue|ensure) in )?(?:[A-Z][\w]*(?:::[A-Z][\w]*)*[#.])?(.+)$/.exec(raw);
  if (!m) return raw.slice(0, MAX);
  const prefix = m[1]?.startsWith("block") ? "block in " : "";
  const name = m[2].replace(/^<(top \(required\)|main)>$/, "$1").replace(RAILS_TEMPLATE_SUFFIX, "");
  return `${prefix}${name}`.slice(0, MAX);
}

/** ActionView's "__<source hash>_<object id>" after a template's method name (a negative hash prints a third "_"). */
const RAILS_TEMPLATE_SUFFIX = /(?<=^_\w{1,512}?)_{2,3}\d{1,20}_\d{1,20}$/;

/**
 * Python: the qualified name as the SDK sends it (co_qualname, "OrderView.post", Python 3.11+) — two
 * classes' methods of one name in one module are different code; a traceback prints the bare name
 * ("post"). "<lambda>", "<module>", "<locals>" lose their brackets.
 */
function pythonName(raw: string): string {
  const name = raw.length > 2 * MAX ? raw.slice(0, 2 * MAX) : raw;
  return name.replace(/<(\w{1,64})>/g, "$1").slice(0, MAX);
}

/**
 * A script run directly is the module "__main__" whatever its file: every script of a project would
 * share it, so such a frame is keyed by its file instead (its module left empty).
 */
function pythonModule(mod: string): string {
  return mod === "__main__" ? "" : mod;
}

/**
 * PHP closures, wherever they sit in the name: "{closure}", "App\\{closure}" (≤ 8.3: the namespace),
 * "{closure:App\\X::y():12}" (8.4: where it is defined, with the line) — one key, so moving code
 * or upgrading PHP does not split an issue; "{main}".
 */
function phpName(raw: string): string {
  const name = raw.length > 2 * MAX ? raw.slice(0, 2 * MAX) : raw;
  return name
    .replace(/(?:[\w\\]*\\)?\{closure(?::[^{}]*)?\}/g, "{closure}")
    .replace(/^\{closure\}$/, "closure")
    .replace(/^\{(\w+)\}$/, "$1")
    .slice(0, MAX);
}

/**
 * Rust: the symbol hash ("::h5a5b…"), v0 crate disambiguators ("myapp[3b1d]"), closure numbering
 * ("{closure#0}") and generic arguments ("Option<T>::unwrap", "Vec<u8>") dropped; the function is the
 * last path segment, its module the path before it (a "<T as Trait>" qualifier stays in the module).
 * SDKs may send the module apart ("myapp::handlers" + "load_user"): both forms give the same key.
 */
function rustName(fn: string, mod: string): { name: string; module: string } {
  const full = rustPath(mod, fn)
    .replace(RUST_HASH, "")
    .replace(/\{closure#\d+\}/g, "{{closure}}");
  const path = withoutGenericArguments(full);
  const segments = splitRustPath(path);
  const name = segments.pop() ?? "";
  return { name: name.slice(0, MAX), module: segments.join("::").slice(0, MAX) };
}

/** "Option<T>::unwrap" → "Option::unwrap": angle brackets after a name are generic arguments; a leading "<T as Trait>" is kept whole. */
function withoutGenericArguments(path: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (depth > 0) {
      if (c === "<") depth++;
      else if (c === ">") depth--;
      continue;
    }
    if (c === "<" && i > 0 && /[\w>]/.test(path[i - 1]) && !out.endsWith("::")) {
      depth = 1;
      continue;
    }
    out += c;
  }
  return out;
}

/** Splits on "::" outside angle brackets. */
function splitRustPath(path: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < path.length; i++) {
    if (path[i] === "<") depth++;
    else if (path[i] === ">" && depth > 0) depth--;
    else if (depth === 0 && path[i] === ":" && path[i + 1] === ":") {
      parts.push(path.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  parts.push(path.slice(start));
  return parts.filter(Boolean);
}

/**
 * Elixir: "run/1" (the arity is part of a function's identity) in module "MyApp.Worker", whether
 * the SDK sent "MyApp.Worker.run/1" with the module or the trace printed it whole; "anonymous fn/2
 * in MyApp.Worker.run/1" becomes "anonymous fn/2 in run/1" in the same module; Erlang's numbered
 * funs and comprehensions ("'-get/1-fun-0-'") lose their numbers.
 */
function elixirName(fn: string, mod: string): { name: string; module: string } {
  const split = splitElixirCall(fn);
  const owner = split.module ?? mod;
  // Erlang names a fun by its place in the function: "'-get/1-fun-0-'/2", "'-get/1-lc$^0/1-1-'/2".
  const name = split.function.replace(/-fun-\d+-/g, "-fun-").replace(/-(lc|lbc|mc)\$\^\d+\/(\d+)-\d+-/g, "-$1$$^/$2-");
  return { name: name.slice(0, MAX), module: owner.replace(/^Elixir\./, "").slice(0, MAX) };
}

/**
 * Lua names a function by how it was reached: "process" (a local, an upvalue, a field), "Cart:total" (a
 * method, Lua 5.4.0–5.4.5), "shop.cart.total" (5.4's name for a function of a loaded module). The last
 * segment is the one every version prints; an anonymous function ("<app/x.lua:10>", with the line it
 * is defined at) is unnamed.
 */
function luaName(raw: string): string {
  if (raw.startsWith("<") || raw.startsWith("function <")) return "";
  return raw.slice(Math.max(raw.lastIndexOf("."), raw.lastIndexOf(":")) + 1).slice(0, MAX);
}

/**
 * Perl: the sub in its package, however it came (a trace's bare sub and package, an SDK's qualified
 * sub); the debugger's "__ANON__[lib/X.pm:12]" loses its location, and an eval block or string is
 * "eval" ("eval {...}", "eval '...'").
 */
function perlName(fn: string, mod: string): { name: string; module: string } {
  const { pkg, name } = perlSub(mod, fn);
  const bare = name.startsWith("eval ") ? "eval" : name.replace(/^__ANON__\[[^\]]*\]$/, "__ANON__");
  return { name: bare.slice(0, MAX), module: pkg.slice(0, MAX) };
}

/**
 * Haskell: a frame's module is printed with its package ("shop-0.1.0-inplace:Orders"), whose version
 * and build hash change with every release: the module alone.
 */
function haskellModule(mod: string): string {
  return mod.slice(mod.indexOf(":") + 1).slice(0, MAX);
}

/**
 * Julia prints a method with its arguments' types ("handler(v::Vector{Int64})", before 1.6
 * "handler(::Array{Int64,1})"), which change when a caller passes another type: the name alone. A
 * keyword-argument body ("#handler#3", 1.9+: var"#handler#3") is its function's; an anonymous function
 * ("#3", "(::var\"#3#4\")(x)", numbered by the compiler) is unnamed; "top-level scope" and "macro
 * expansion" stay. The module (printed since 1.6, and not for inlined frames) is left out.
 */
function juliaName(raw: string): string {
  if (raw.startsWith("(")) {
    // A callable object: "(::MyHandler)(req::Request)".
    const callee = raw.slice(0, closingParen(raw) + 1);
    return callee.includes("#") ? "" : callee.slice(0, MAX);
  }
  const open = raw.indexOf("(");
  const name = open > 0 ? raw.slice(0, open) : raw;
  const body = /^(?:var")?#([A-Za-z_][^#"]{0,255})#\d{1,9}"?$/.exec(name);
  if (body) return body[1];
  return name.includes("#") ? "" : name.slice(0, MAX);
}

/** The index of the ")" closing the "(" that `s` starts with; the end of `s` when it is not closed. */
function closingParen(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "(") depth++;
    else if (s[i] === ")" && --depth === 0) return i;
  }
  return s.length - 1;
}

/**
 * Zig: as printed, but for the numbers the compiler gives a generic function's instances and
 * anonymous types ("fmt.format__anon_3338"), which change whenever other code is added.
 */
function zigName(raw: string): string {
  return raw.replace(/__(?:anon|struct|union|enum|opaque)_\d{1,12}/g, "").slice(0, MAX);
}

/**
 * C, C++, Objective-C, Swift: the parameter list of a demangled C++ signature ("parse(std::string
 * const&)") or a Swift one ("viewDidLoad()"), the return type, " + 180" offsets, ABI tags, GCC's
 * "[clone .cold]" suffixes, lambda and closure numbers and Swift's compiler-generated prefixes
 * ("partial apply for", "specialized", "merged", "@objc") dropped; Swift's result types and
 * Kotlin/Native's signatures too (nativeSignatures.ts); libc's CPU-specific builds of one function
 * ("__memmove_avx_unaligned_erms", "__memmove_evex_unaligned_erms") are that function (libcCpuVariant.ts).
 */
function nativeName(raw: string): string {
  const unoffset = raw.replace(/ \+ \d+$/, "");
  const kotlin = kotlinNativeName(unoffset);
  if (kotlin !== null) return kotlin.slice(0, MAX);
  let fn = withoutSwiftTypes(unoffset)
    .replace(/(?: \[clone \.[\w.]{1,64}\])+$/, "") // GCC's optimised copies: "f() [clone .isra.0] [clone .cold]"
    .replace(/\[abi:\w+\]/g, "")
    .replace(/\(anonymous namespace\)|`anonymous namespace'/g, "(anonymous)") // Itanium and MSVC spellings
    // Lambdas and closures numbered by their place in the enclosing function: "{lambda(int)#2}" (GCC/Clang),
    // "<lambda_1>" / "<lambda_9f3c…>" (MSVC), Swift's "closure #2 in".
    .replace(/(\{lambda\([^(){}]{0,256}\))#\d+\}/g, "$1}")
    .replace(/<lambda_\w{1,64}>/g, "<lambda>")
    .replace(/\bclosure #\d+ in /g, "closure in ");
  fn = fn.replace(/^(?:(?:partial apply for|specialized|merged|reabstraction thunk helper from|@objc|thunk for|protocol witness for|dispatch thunk of|(?:await|suspend) resumption partial function for) )+/, "");
  // A Swift extension declared in another module than its type's: "(extension in App):Swift.String.shout()".
  fn = fn.replace(/^\(extension in [^()]{1,256}\):/, "");
  if (/^[-+]\[/.test(fn)) return fn.slice(0, MAX); // Objective-C: "-[ViewController viewDidLoad]"
  fn = fn.replace(/\s+const$/, "");
  const open = matchingOpenParen(fn);
  if (open > 0) fn = fn.slice(0, open);
  // A C++ return type ("void Parser::parse", "std::string util::join") precedes the name after a space outside templates.
  const bare = outsideAngleBrackets(fn);
  if (!/^(?:implicit )?closure in /.test(fn) && / /.test(bare) && !/operator/.test(bare)) fn = fn.slice(lastSpaceOutsideAngleBrackets(fn) + 1);
  return withoutCpuVariant(fn).slice(0, MAX);
}

function lastSpaceOutsideAngleBrackets(s: string): number {
  let depth = 0;
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "<") depth++;
    else if (s[i] === ">" && depth > 0) depth--;
    else if (s[i] === " " && depth === 0) last = i;
  }
  return last;
}
