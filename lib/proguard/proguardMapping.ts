/**
 * A ProGuard / R8 mapping file (`mapping.txt`), indexed for retracing: each obfuscated class's
 * original name and where its members are in the text. A class's methods are read the first time a
 * frame names it (a mapping is mostly classes no trace touches), so a mapping costs about its text
 * in memory. Fields are skipped (a stack trace names none). Pure.
 *
 *   com.example.shop.Cart -> a.a:
 *   # {"id":"sourceFile","fileName":"Cart.kt"}
 *       java.util.List items -> a
 *       1:1:int total():40:40 -> a
 *       3:3:void com.example.shop.Tax.apply():12:12 -> b     (an inlined method of another class)
 *       3:3:int total():44 -> b                             (…and the line that called it)
 *
 * R8's metadata comments after a method line are kept with it: `com.android.tools.r8.outline`
 * (code R8 moved out into a shared method), `…outlineCallsite` (which line of the caller each
 * position of the outline stands for) and `…rewriteFrame` (frames to drop when a given exception is
 * thrown there, e.g. the `Objects.requireNonNull` R8 put in for a Kotlin null check).
 */

export interface MethodMapping {
  /** The obfuscated line range this entry covers (absent: any line; lines were not remapped). */
  obfuscatedStart?: number;
  obfuscatedEnd?: number;
  /** The class the original method is declared in, when R8 inlined it from another class. */
  originalClass?: string;
  originalName: string;
  /** The original line range; a single line when only the start is given. */
  originalStart?: number;
  originalEnd?: number;
  /** R8 created this method by outlining code shared by several callers. */
  outline?: true;
  /** At a call of an outline: the caller's obfuscated line for each position inside the outline. */
  outlineCallsite?: Record<string, number>;
  /** Inner frames to drop when one of these exceptions (qualified class names) is thrown here. */
  rewriteFrames?: RewriteFrame[];
}

export interface RewriteFrame {
  throws: string[];
  removeInnerFrames: number;
}

export interface ClassMapping {
  originalName: string;
  /** The source file R8 recorded for it (`# {"id":"sourceFile","fileName":"Cart.kt"}`). */
  sourceFile?: string;
  /** Methods by obfuscated name, in file order (an inlined chain: innermost first). */
  methods: Map<string, MethodMapping[]>;
}

export class ProguardMappingError extends Error {}

interface ClassEntry {
  originalName: string;
  /** Where the class's member lines are in the text. */
  start: number;
  end: number;
}

const CLASS_LINE = /^(\S+) -> (\S+):$/;
// [start:end:]returnType [class.]name(args)[:origStart[:origEnd]] -> obfuscated
const METHOD_LINE = /^(?:(\d+):(\d+):)?[^\s()]+ ([^\s()]+)\([^()]*\)(?::(\d+)(?::(\d+))?)? -> (\S+)$/;
const METADATA = /^#\s*(\{.*\})\s*$/;
/** Positions read per outline call site, rewrite rules per method: R8 writes a handful. */
const MAX_POSITIONS = 1_000;
const MAX_REWRITES = 16;
/** Top-level lines that are neither class nor comment tolerated (a hand-edited file); more: not a mapping. */
const MAX_UNREADABLE_LINES = 20;
/** Classes whose members are kept read, per mapping. */
const MAX_READ_CLASSES = 2_000;

export class ProguardMapping {
  private readonly byObfuscated = new Map<string, ClassEntry>();
  private readonly byOriginal = new Map<string, ClassEntry>();
  private readonly read = new Map<string, ClassMapping>();

  /** Indexes `text`; throws ProguardMappingError when it is not a ProGuard / R8 mapping. */
  constructor(private readonly text: string) {
    let current: ClassEntry | undefined;
    let unreadable = 0;
    let lineNumber = 0;
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      lineNumber++;
      const first = text.charCodeAt(start);
      // Members are indented; comments and blank lines belong to the class above.
      if (first !== 32 && first !== 9 && first !== 35 && first !== 10 && first !== 13) {
        const m = CLASS_LINE.exec(text.slice(start, text[end - 1] === "\r" ? end - 1 : end));
        if (current) current.end = start;
        if (m) {
          current = { originalName: m[1], start: end + 1, end: text.length };
          this.byObfuscated.set(m[2], current);
          this.byOriginal.set(m[1], current);
        } else {
          current = undefined;
          if (++unreadable > MAX_UNREADABLE_LINES || this.byObfuscated.size === 0) throw new ProguardMappingError(`line ${lineNumber} is not a ProGuard mapping line ("original -> obfuscated:")`);
        }
      }
      start = end + 1;
    }
    if (this.byObfuscated.size === 0) throw new ProguardMappingError('no class mappings ("original -> obfuscated:" lines) found');
  }

  get classCount(): number {
    return this.byObfuscated.size;
  }

  /** An obfuscated class's original name (fully qualified). */
  originalNameOf(obfuscated: string): string | undefined {
    return this.byObfuscated.get(obfuscated)?.originalName;
  }

  /** An obfuscated class with its methods. */
  classNamed(obfuscated: string): ClassMapping | undefined {
    const cached = this.read.get(obfuscated);
    if (cached) return cached;
    const entry = this.byObfuscated.get(obfuscated);
    if (!entry) return undefined;
    const read = this.readClass(entry);
    if (this.read.size >= MAX_READ_CLASSES) this.read.clear();
    this.read.set(obfuscated, read);
    return read;
  }

  /** The source file recorded for a class by its original name. */
  sourceFileOf(originalName: string): string | undefined {
    const entry = this.byOriginal.get(originalName);
    return entry ? this.readClass(entry, { sourceFileOnly: true }).sourceFile : undefined;
  }

  private readClass(entry: ClassEntry, opts: { sourceFileOnly?: boolean } = {}): ClassMapping {
    const out: ClassMapping = { originalName: entry.originalName, methods: new Map() };
    let last: MethodMapping | undefined;
    for (const raw of this.text.slice(entry.start, entry.end).split("\n")) {
      const line = raw.trim();
      if (line.startsWith("#")) {
        const metadata = metadataIn(line);
        if (!metadata) continue;
        if (last) applyMethodMetadata(last, metadata);
        else out.sourceFile ??= sourceFileOf(metadata);
        continue;
      }
      if (opts.sourceFileOnly) {
        if (line !== "") break; // R8 writes the class's comments before its members
        continue;
      }
      const method = methodIn(line);
      last = method?.mapping;
      if (!method) continue;
      const list = out.methods.get(method.obfuscated);
      if (list) list.push(method.mapping);
      else out.methods.set(method.obfuscated, [method.mapping]);
    }
    return out;
  }
}

function methodIn(line: string): { obfuscated: string; mapping: MethodMapping } | undefined {
  const m = METHOD_LINE.exec(line);
  if (!m) return undefined; // a field, or a member form retracing does not need
  const [, obfStart, obfEnd, qualified, origStart, origEnd, obfuscated] = m;
  const dot = qualified.lastIndexOf(".");
  const mapping: MethodMapping = { originalName: dot >= 0 ? qualified.slice(dot + 1) : qualified };
  if (dot >= 0) mapping.originalClass = qualified.slice(0, dot);
  if (obfStart !== undefined) {
    mapping.obfuscatedStart = Number(obfStart);
    mapping.obfuscatedEnd = Number(obfEnd);
  }
  if (origStart !== undefined) {
    mapping.originalStart = Number(origStart);
    if (origEnd !== undefined) mapping.originalEnd = Number(origEnd);
  }
  return { obfuscated, mapping };
}

/** An R8 metadata comment (`# {"id": "…", …}`) as an object, or undefined for a plain comment. */
function metadataIn(comment: string): Record<string, unknown> | undefined {
  const m = METADATA.exec(comment);
  if (!m) return undefined;
  try {
    const parsed: unknown = JSON.parse(m[1]);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) && typeof (parsed as { id?: unknown }).id === "string" ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // not R8's metadata: a plain comment
  }
}

/** R8's `# {"id":"sourceFile","fileName":"Cart.kt"}`. */
function sourceFileOf(metadata: Record<string, unknown>): string | undefined {
  const { id, fileName } = metadata;
  return id === "sourceFile" && typeof fileName === "string" && fileName.length > 0 && fileName.length <= 256 ? fileName : undefined;
}

function applyMethodMetadata(method: MethodMapping, metadata: Record<string, unknown>): void {
  switch (metadata.id) {
    case "com.android.tools.r8.outline":
      method.outline = true;
      break;
    case "com.android.tools.r8.outlineCallsite": {
      const positions = metadata.positions;
      if (positions === null || typeof positions !== "object" || Array.isArray(positions)) break;
      const entries = Object.entries(positions).filter(([position, line]) => /^\d{1,9}$/.test(position) && Number.isInteger(line) && (line as number) > 0);
      method.outlineCallsite = Object.fromEntries(entries.slice(0, MAX_POSITIONS)) as Record<string, number>;
      break;
    }
    case "com.android.tools.r8.rewriteFrame": {
      const rule = rewriteRuleOf(metadata.conditions, metadata.actions);
      if (rule && (method.rewriteFrames?.length ?? 0) < MAX_REWRITES) (method.rewriteFrames ??= []).push(rule);
      break;
    }
  }
}

/** `conditions: ["throws(Ljava/lang/NullPointerException;)"]`, `actions: ["removeInnerFrames(1)"]`. */
function rewriteRuleOf(conditions: unknown, actions: unknown): RewriteFrame | undefined {
  if (!Array.isArray(conditions) || !Array.isArray(actions)) return undefined;
  const throws = conditions.map((c) => (typeof c === "string" ? /^throws\(L([\w$/]+);\)$/.exec(c)?.[1].replaceAll("/", ".") : undefined));
  const removes = actions.map((a) => (typeof a === "string" ? /^removeInnerFrames\((\d{1,3})\)$/.exec(a)?.[1] : undefined));
  // A condition or action this reader does not know: the rule is not applied.
  if (throws.length === 0 || throws.some((t) => t === undefined) || removes.length !== 1 || removes[0] === undefined) return undefined;
  return { throws: throws as string[], removeInnerFrames: Number(removes[0]) };
}
