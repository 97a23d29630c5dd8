/**
 * Dart's uncaught error, as the VM prints it ("Unhandled exception:" with the error's toString() on
 * the lines below, up to its stack), Flutter's engine ("[ERROR:flutter/runtime/dart_vm_initializer.cc(41)]
 * Unhandled Exception: Bad state: No element") and Flutter's framework ("The following _TypeError was
 * thrown building OrderList(dirty):" with the message on the next lines).
 *
 * Dart prints an error by its toString(), which names the class only for some: the others are known
 * by the wording the core library gives them ("Bad state: …" is a StateError).
 */
const ENGINE = /Unhandled Exception: ([\s\S]{1,8192})$/;
const VM = /^Unhandled exception:$/;
const FLUTTER_THROWN = /^The following (?:assertion was thrown|([\w$]{1,256}) (?:was thrown|object was thrown))\b[^:\n]{0,1024}:$/;
/** Where a message printed over several lines ends: a stack frame, Flutter's sections, a blank line. */
const MESSAGE_END = /^(?:#\d|<asynchronous suspension>|When the exception was thrown|The relevant error-causing|═|$)/;

/** toString() wordings of dart:core's errors → their class. */
const WORDINGS: [RegExp, string][] = [
  [/^Bad state: ?/, "StateError"],
  [/^Invalid argument(?:\(s\))?(?: \([^()\n]{0,256}\))?: ?/, "ArgumentError"],
  [/^RangeError(?: \([^()\n]{0,256}\))?: ?/, "RangeError"],
  [/^Unsupported operation: ?/, "UnsupportedError"],
  [/^Concurrent modification during iteration: ?/, "ConcurrentModificationError"],
  [/^Null check operator used on a null value$/, "TypeError"],
  [/^type '[^'\n]{1,512}' is not a subtype of type /, "TypeError"],
  [/^Exception: ?/, "Exception"],
  [/^Stack Overflow$/, "StackOverflowError"],
  [/^Out of Memory$/, "OutOfMemoryError"],
  [/^'[^'\n]{1,2048}': Failed assertion: /, "AssertionError"],
];
/** "FormatException: …", "LateInitializationError: …", "NoSuchMethodError: …", an app's "OrderException: …". */
const NAMED = /^([A-Z][\w$]{0,255}): ([\s\S]*)$/;
/** An error class without a toString of its own: "Instance of 'PaymentDeclined'". */
const INSTANCE = /^Instance of '([\w$]{1,256})'$/;

export function dartHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  for (const [at, raw] of lines.entries()) {
    const line = raw.trim();
    const engine = line.includes("Unhandled Exception: ") ? ENGINE.exec(line) : null;
    if (engine) return typed(messageFrom([engine[1]], lines, at + 1));
    if (VM.test(line)) return typed(messageFrom([], lines, at + 1));
    const flutter = line.startsWith("The following ") ? FLUTTER_THROWN.exec(line) : null;
    if (flutter) {
      const message = messageFrom([], lines, at + 1);
      return flutter[1] ? { type: flutter[1], message: typed(message)?.message ?? message } : typed(message);
    }
  }
  return undefined;
}

/** The message's first line and those below it up to where it ends. */
function messageFrom(first: string[], lines: readonly string[], from: number): string {
  const out = [...first];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i].trim();
    if (MESSAGE_END.test(line) && (out.length > 0 || line !== "")) break;
    if (line) out.push(line);
  }
  return out.join("\n").trim();
}

function typed(message: string): { type: string; message: string } | undefined {
  if (!message) return undefined;
  for (const [wording, type] of WORDINGS) {
    const m = wording.exec(message);
    if (m) return { type, message: type === "TypeError" || type === "StackOverflowError" || type === "OutOfMemoryError" || type === "AssertionError" ? message : message.slice(m[0].length).trim() };
  }
  const instance = INSTANCE.exec(message);
  if (instance) return { type: instance[1], message: "" };
  const named = NAMED.exec(message);
  if (named) return { type: named[1], message: named[2].trim() };
  return { type: "Error", message };
}
