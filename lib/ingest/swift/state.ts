import { CONTEXTS, DECL_NAMES, ENTITIES, mk, type Kind, type SwiftNode } from "@/lib/ingest/swift/swiftNode";

/**
 * Thrown inside the demangler when the text is not a symbol it understands (demangleSwift turns it
 * into null). One instance: building a stack trace for every hostile input would be the slow part.
 */
class NotUnderstood extends Error {}
const NOT_UNDERSTOOD = new NotUnderstood("not a Swift symbol this demangler understands");

export function fail(): never {
  throw NOT_UNDERSTOOD;
}

export function isNotUnderstood(error: unknown): boolean {
  return error === NOT_UNDERSTOOD;
}

/** Bounds on hostile input: real symbols stay far below them. */
const MAX_STACK = 512;
const MAX_SUBSTITUTIONS = 512;
const MAX_DIGITS = 6;

export interface State {
  readonly text: string;
  pos: number;
  readonly stack: SwiftNode[];
  /** Modules, types and identifiers in the order they were read, for "A…" back-references. */
  readonly substitutions: SwiftNode[];
  /** The words of the identifiers read so far, for "0…" word references (at most 26). */
  readonly words: string[];
  /** Swift 4.0 ("_T0"): argument labels are the parameter tuple's, there is no separate label list. */
  readonly oldMangling: boolean;
  /** A specialisation suffix was read: its arguments stay on the stack above the specialised function. */
  specialized: boolean;
}

export function newState(text: string, oldMangling: boolean): State {
  return { text, pos: 0, stack: [], substitutions: [], words: [], oldMangling, specialized: false };
}

export function peek(s: State): string {
  return s.text[s.pos] ?? "";
}

export function next(s: State): string {
  const c = s.text[s.pos];
  if (c === undefined) fail();
  s.pos++;
  return c;
}

export function nextIf(s: State, c: string): boolean {
  if (s.text[s.pos] !== c) return false;
  s.pos++;
  return true;
}

/** Consumes the next character when it is one of `chars`. */
export function skipOne(s: State, chars: string): boolean {
  const c = s.text[s.pos];
  if (c === undefined || !chars.includes(c)) return false;
  s.pos++;
  return true;
}

export function isDigit(c: string): boolean {
  return c.length === 1 && c >= "0" && c <= "9";
}

export function isLower(c: string): boolean {
  return c.length === 1 && c >= "a" && c <= "z";
}

export function isUpper(c: string): boolean {
  return c.length === 1 && c >= "A" && c <= "Z";
}

/** A decimal number (leading zeros allowed, as Swift's demangler reads them); at most six digits. */
export function natural(s: State): number {
  let n = 0;
  let digits = 0;
  while (isDigit(peek(s))) {
    if (++digits > MAX_DIGITS) fail();
    n = n * 10 + (s.text.charCodeAt(s.pos) - 48);
    s.pos++;
  }
  if (digits === 0) fail();
  return n;
}

/** INDEX: "_" is 0, "N_" is N + 1. */
export function index(s: State): number {
  if (nextIf(s, "_")) return 0;
  const n = natural(s);
  if (!nextIf(s, "_")) fail();
  return n + 1;
}

export function push(s: State, n: SwiftNode): void {
  if (s.stack.length >= MAX_STACK) fail();
  s.stack.push(n);
}

export function addSubstitution(s: State, n: SwiftNode): void {
  if (s.substitutions.length >= MAX_SUBSTITUTIONS) fail();
  s.substitutions.push(n);
}

export function top(s: State): SwiftNode | undefined {
  return s.stack[s.stack.length - 1];
}

/** The top node when it is of one of `kinds` (taken off), else undefined (the stack unchanged). */
export function popIf(s: State, ...kinds: Kind[]): SwiftNode | undefined {
  const t = top(s);
  return t && kinds.includes(t.kind) ? s.stack.pop() : undefined;
}

/** The top node, which must be of `kind`. */
export function popKind(s: State, kind: Kind): SwiftNode {
  return popIf(s, kind) ?? fail();
}

export function popType(s: State): SwiftNode {
  return popKind(s, "Type");
}

export function popDeclName(s: State): SwiftNode {
  return popIf(s, ...DECL_NAMES) ?? fail();
}

export function popEntity(s: State): SwiftNode {
  const t = top(s);
  if (!t || !ENTITIES.has(t.kind)) fail();
  s.stack.pop();
  return t;
}

/** A module: an identifier read where a module is expected, or "s" / "So" / "SC". */
export function popModule(s: State): SwiftNode | undefined {
  const t = top(s);
  if (t?.kind === "Identifier") {
    s.stack.pop();
    return mk("Module", [], t.text);
  }
  return popIf(s, "Module");
}

/** What a declaration is declared in: a module, a type (unwrapped), an extension or another declaration. */
export function popContext(s: State): SwiftNode {
  const moduleNode = popModule(s);
  if (moduleNode) return moduleNode;
  const t = top(s);
  if (!t) fail();
  const context = t.kind === "Type" ? t.children[0] : t;
  if (!CONTEXTS.has(context.kind)) fail();
  s.stack.pop();
  return context;
}

/** A protocol: a protocol type ("…P", "SQ", a back-reference), or a context and name ("s5Error" in "s5Error_p"). */
export function popProtocol(s: State): SwiftNode {
  const t = top(s);
  if (t?.kind === "Type") {
    if (t.children[0].kind !== "Protocol") fail();
    s.stack.pop();
    return t;
  }
  const name = popDeclName(s);
  const context = popContext(s);
  return mk("Type", [mk("Protocol", [context, name])]);
}

/** "type protocol module? generic-signature?": a type's conformance to a protocol. */
export function popConformance(s: State): SwiftNode {
  popIf(s, "GenericSignature");
  popModule(s);
  const protocol = popProtocol(s);
  return mk("Conformance", [popType(s), protocol]);
}
