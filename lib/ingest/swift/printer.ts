import type { ParsedSymbol } from "@/lib/ingest/swift/demangler";
import { functionTypeOf } from "@/lib/ingest/swift/entities";
import { fail } from "@/lib/ingest/swift/state";
import { ENTITIES, NOMINALS, type Kind, type SwiftNode } from "@/lib/ingest/swift/swiftNode";

/** A frame's function name is at most 1024 characters (FrameSchema). */
export const MAX_OUTPUT = 1024;
/** Back-references can share one subtree many times over: printing is bounded in nodes visited and depth. */
const MAX_VISITS = 4096;
const MAX_DEPTH = 48;

const SUGARED = new Set(["Optional", "Array", "Dictionary"]);

/** Symbols that name code or data; a bare type, module or identifier is not a frame's function. */
const GLOBALS: ReadonlySet<Kind> = new Set<Kind>([...ENTITIES, "Prefixed", "Witness", "LazyWitness", "VTableThunk", "Thunk", "GlobalInit"]);

/**
 * The simplified form (see demangleSwift.ts): module-qualified names, argument labels, no types
 * except where a type is all there is to name (metadata, outlined copies, conformances).
 */
export function printSymbol({ main, attributes }: ParsedSymbol): string {
  if (!GLOBALS.has(main.kind)) fail();
  const text = attributes.join("") + new Printer().print(main, 0);
  if (text.length > MAX_OUTPUT) fail();
  return text;
}

interface Context {
  text: string;
  /** Printed before a member's name with a dot ("App.OrderService"); otherwise the member is "… in <context>". */
  prefix: boolean;
}

class Printer {
  private visits = 0;

  print(n: SwiftNode, depth: number): string {
    this.visit(depth);
    const text = this.render(n, depth + 1);
    if (text.length > MAX_OUTPUT) fail();
    return text;
  }

  private visit(depth: number): void {
    if (++this.visits > MAX_VISITS || depth > MAX_DEPTH) fail();
  }

  private render(n: SwiftNode, d: number): string {
    const [first, second, third, fourth] = n.children;
    switch (n.kind) {
      case "Type":
      case "DependentGeneric":
        return this.print(first, d);
      case "Module":
      case "Class":
      case "Struct":
      case "Enum":
      case "Protocol":
      case "TypeAlias":
      case "Nominal":
      case "Extension":
        return this.context(n, d).text;
      case "Function":
        return this.qualify(first, this.declName(second, d) + this.parameters(third, fourth), second.kind === "LocalName", d);
      case "Variable":
        return this.qualify(first, this.declName(second, d), second.kind === "LocalName", d);
      case "Subscript":
        return this.qualify(first, `subscript${this.parameters(second, third)}`, false, d);
      case "Init":
        return this.qualify(first, n.text + this.parameters(second, third), false, d);
      case "Deinit":
        return this.qualify(first, n.text, false, d);
      case "Accessor":
        return `${this.print(first, d)}.${n.text}`;
      case "Closure":
        return `${n.text} #${n.index + 1} in ${this.context(first, d).text}`;
      case "DefaultArgument":
        return `default argument ${n.index} of ${this.print(first, d)}`;
      case "EntityOf":
        return `${n.text} of ${this.print(first, d)}`;
      case "Static":
        return `static ${this.print(first, d)}`;
      case "Prefixed":
      case "Thunk":
        return n.text + (first ? this.print(first, d) : "");
      case "Conformance":
        return `${this.print(first, d)} : ${this.print(second, d)}`;
      case "Witness":
        return `protocol witness for ${this.print(second, d)} in conformance ${this.print(first.children[0], d)}`;
      case "LazyWitness":
        return `${n.text}${this.print(first, d)} and conformance ${this.print(second, d)}`;
      case "VTableThunk":
        return `vtable thunk for ${this.print(second, d)} dispatching to ${this.print(first, d)}`;
      case "GlobalInit": {
        const context = this.context(first, d);
        const names = n.children.slice(1).map((name) => (context.prefix ? `${context.text}.${this.declName(name, d)}` : `${this.declName(name, d)} in ${context.text}`));
        return n.text + names.join(", ");
      }
      default:
        return this.type(n, d);
    }
  }

  private type(n: SwiftNode, d: number): string {
    const [first, second] = n.children;
    switch (n.kind) {
      case "BoundGeneric":
        return this.boundGeneric(n, d);
      case "Tuple":
        return `(${n.children.map((element) => this.print(element, d)).join(", ")})`;
      case "TupleElement":
        return `${n.text ? `${n.text}: ` : ""}${this.print(first, d)}${n.index === 1 ? "..." : ""}`;
      case "FunctionType": {
        const parameters = first.children[0]?.kind === "Tuple" ? this.print(first, d) : `(${this.print(first, d)})`;
        return `${n.text ? `${n.text} ` : ""}${parameters} -> ${this.print(second, d)}`;
      }
      case "ImplFunctionType":
        return "function";
      case "GenericParam":
        return n.text || genericParamName(n.depth, n.index);
      case "DependentMember":
        return `${this.print(first, d)}.${n.text}`;
      case "Existential": {
        const members = n.children.map((t) => this.print(t, d));
        if (n.text) members.push(n.text);
        return members.length > 0 ? members.join(" & ") : "Any";
      }
      case "Metatype":
        return `${this.print(first, d)}.Type`;
      case "Modified":
        return `${n.text} ${this.print(first, d)}`;
      case "Opaque":
        return "some";
      case "DynamicSelf":
        return "Self";
      case "Builtin":
        return n.text;
      case "ErrorType":
        return "<<error type>>";
      default:
        fail();
    }
  }

  /** Swift's sugar for Optional, Array and Dictionary; otherwise "Outer<A>.Inner<B>". */
  private boundGeneric(n: SwiftNode, d: number): string {
    const [base, ...lists] = n.children;
    const args = (level: number) => lists[level]?.children.map((t) => this.print(t, d)) ?? [];
    const name = base.children[1]?.kind === "Identifier" ? base.children[1].text : "";
    if (lists.length === 1 && base.children[0]?.kind === "Module" && base.children[0].text === "Swift" && SUGARED.has(name)) {
      const own = args(0);
      if (name === "Optional" && own.length === 1) return own[0].includes(" ") ? `(${own[0]})?` : `${own[0]}?`;
      if (name === "Array" && own.length === 1) return `[${own[0]}]`;
      if (name === "Dictionary" && own.length === 2) return `[${own[0]} : ${own[1]}]`;
    }
    const print = (nominal: SwiftNode, level: number, depth: number): string => {
      this.visit(depth);
      const own = args(level);
      const suffix = own.length > 0 ? `<${own.join(", ")}>` : "";
      const parent = nominal.children[0];
      if (parent && NOMINALS.has(parent.kind) && level + 1 < lists.length) return `${print(parent, level + 1, depth + 1)}.${this.declName(nominal.children[1], depth)}${suffix}`;
      return this.context(nominal, depth).text + suffix;
    };
    return print(base, 0, d);
  }

  /** How a declaration reads as the context of another (see Context). */
  private context(n: SwiftNode, d: number): Context {
    this.visit(d);
    const [first, second] = n.children;
    if (n.kind === "Module") return { text: n.text, prefix: true };
    if (NOMINALS.has(n.kind)) {
      const own = this.declName(second, d + 1);
      const parent = this.context(first, d + 1);
      return second.kind !== "LocalName" && parent.prefix ? { text: `${parent.text}.${own}`, prefix: true } : { text: `${own} in ${parent.text}`, prefix: false };
    }
    if (n.kind === "Extension") {
      // An extension in another module keeps that module: "(extension in App):Swift.Array.total()".
      const extended = this.context(second, d + 1);
      return extended.prefix && moduleOf(second) !== first.text ? { text: `(extension in ${first.text}):${extended.text}`, prefix: true } : extended;
    }
    if (ENTITIES.has(n.kind)) return { text: this.print(n, d + 1), prefix: false };
    fail();
  }

  private qualify(context: SwiftNode, own: string, multiWord: boolean, d: number): string {
    const c = this.context(context, d);
    return c.prefix && !multiWord ? `${c.text}.${own}` : `${own} in ${c.text}`;
  }

  private declName(n: SwiftNode, d: number): string {
    this.visit(d);
    switch (n.kind) {
      case "Identifier":
      case "Operator":
        return n.text;
      case "LocalName":
        return `${this.declName(n.children[0], d + 1)} #${n.index + 1}`;
      case "PrivateName":
      case "RelatedName":
        return n.children[0] ? this.declName(n.children[0], d + 1) : "";
      default:
        fail();
    }
  }

  /** "(items:)", "(_:didFinishLaunchingWithOptions:)", "()": one label per parameter, "_" for none. */
  private parameters(t: SwiftNode | undefined, labels: SwiftNode | undefined): string {
    const fn = functionTypeOf(t);
    if (!fn) return "";
    const parameters = fn.children[0].children[0];
    const tuple = parameters.kind === "Tuple";
    const count = tuple ? parameters.children.length : 1;
    const explicit = labels !== undefined && labels.children.length > 0;
    let text = "";
    for (let i = 0; i < count; i++) {
      const label = explicit ? labels.children[i] : undefined;
      const name = explicit ? (label?.kind === "Identifier" ? label.text : "_") : (tuple && parameters.children[i].text) || "_";
      text += `${name}:`;
      if (text.length > MAX_OUTPUT) fail();
    }
    return `(${text})`;
  }
}

/** The module a nominal type is declared in (through nested types, extensions and local contexts). */
function moduleOf(n: SwiftNode): string {
  let current: SwiftNode | undefined = n;
  for (let i = 0; current && i < MAX_DEPTH; i++) {
    if (current.kind === "Module") return current.text;
    if (current.kind === "Extension") return current.children[0].text;
    current = current.children[0];
  }
  return "";
}

/** A, B, … Z, BA…; the depth after it when not the outermost ("A1"), as Swift prints them. */
function genericParamName(depth: number, index: number): string {
  let name = "";
  let i = index;
  do {
    name += String.fromCharCode(65 + (i % 26));
    i = Math.floor(i / 26);
  } while (i > 0);
  return depth === 0 ? name : `${name}${depth}`;
}
