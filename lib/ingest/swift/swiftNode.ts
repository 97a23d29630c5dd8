/**
 * The tree a mangled Swift symbol is read into. Swift's mangling is postfix: operands come first
 * and an operator ("C" class, "F" function, "G" generic arguments…) takes them off a stack, so every
 * operator builds one of these nodes from the nodes below it (see demangler.ts).
 */
export type Kind =
  // Markers the operators read and drop.
  | "EmptyList" // "y": no parameters, no result, no labels, the start of generic arguments
  | "FirstElement" // "_": ends the first element of a list; an unlabelled argument
  | "Variadic"
  | "LabelList"
  | "TypeList"
  | "GenericSignature"
  | "Requirement"
  | "Annotation" // async, throws, @Sendable… of the function type being built
  | "Attribute" // a suffix of the whole symbol ("partial apply for ", "merged "…), in `text`
  // Names.
  | "Identifier"
  | "LocalName" // a declaration local to a function: `index` tells same-named ones apart
  | "PrivateName" // a private declaration: the file discriminator is dropped
  | "RelatedName"
  | "Operator" // "+ infix"
  // Contexts.
  | "Module"
  | "Class"
  | "Struct"
  | "Enum"
  | "Protocol"
  | "TypeAlias"
  | "Nominal" // a nominal type of a kind the runtime did not know
  | "Extension" // [module, extended nominal]
  // Types. A type on the stack is always wrapped in "Type", as in Swift's own demangler.
  | "Type"
  | "BoundGeneric" // [nominal, TypeList per nesting level, innermost first]
  | "Tuple"
  | "TupleElement" // [type]; label in `text`, variadic when index is 1
  | "FunctionType" // [parameters, result]; convention and effects in `text`
  | "ImplFunctionType"
  | "GenericParam" // depth, index; "Self" in `text`
  | "DependentMember" // [base]; associated type name in `text`
  | "Existential" // [protocol or superclass types]; "AnyObject" in `text` when class-bound
  | "Metatype"
  | "Modified" // [type]; "inout", "__owned", "weak"…
  | "Opaque"
  | "OpaqueDecl"
  | "Builtin"
  | "DynamicSelf"
  | "DependentGeneric" // [type] of a generic signature
  | "ErrorType"
  // Entities.
  | "Function" // [context, name, function type, labels?]
  | "Variable" // [context, name]
  | "Subscript" // [context, function type, labels?]
  | "Accessor" // [variable or subscript]; "getter", "setter"… in `text`
  | "Init" // [context, function type, labels?]; "init" or "__allocating_init"
  | "Deinit" // [context]; "deinit", "__deallocating_deinit"…
  | "Closure" // [context]; "closure" or "implicit closure", index
  | "DefaultArgument" // [function]; index
  | "EntityOf" // [entity]; "variable initialization expression"…
  | "Static"
  // Whole symbols that are not plain entities.
  | "Prefixed" // [entity or type]; what it is for, in `text`
  | "Conformance" // [type, protocol]
  | "Witness" // [conformance, requirement]
  | "LazyWitness" // [type, conformance]
  | "VTableThunk" // [derived, base]
  | "Thunk"
  | "GlobalInit"; // [context, names…]

export interface SwiftNode {
  readonly kind: Kind;
  readonly children: readonly SwiftNode[];
  readonly text: string;
  readonly index: number;
  readonly depth: number;
}

export function mk(kind: Kind, children: readonly SwiftNode[] = [], text = "", index = 0, depth = 0): SwiftNode {
  return { kind, children, text, index, depth };
}

export const NOMINALS: ReadonlySet<Kind> = new Set<Kind>(["Class", "Struct", "Enum", "Protocol", "TypeAlias", "Nominal"]);

export const DECL_NAMES: readonly Kind[] = ["Identifier", "LocalName", "PrivateName", "RelatedName", "Operator"];

/** What a symbol can name as its own: functions, accessors, closures… (and a `static` one). */
export const ENTITIES: ReadonlySet<Kind> = new Set<Kind>(["Function", "Variable", "Subscript", "Accessor", "Init", "Deinit", "Closure", "DefaultArgument", "EntityOf", "Static"]);

/** What another declaration can be declared in. */
export const CONTEXTS: ReadonlySet<Kind> = new Set<Kind>([...NOMINALS, ...ENTITIES, "Module", "Extension"]);
