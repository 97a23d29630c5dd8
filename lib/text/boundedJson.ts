type Frame = { kind: "array"; items: readonly unknown[]; next: number } | { kind: "object"; value: Record<string, unknown>; keys: string[]; next: number; wrote: boolean };

/**
 * The JSON text of a parsed JSON value, cut at `maxChars` — to show an untrusted value as text (a
 * frame's variable, a log call's parameter, a tag sent as an object) or to measure it. What
 * JSON.stringify writes, with two differences that matter for request data: it never throws on
 * nesting deeper than the call stack (a 1,000,000-deep array from a 10 MiB body was a RangeError,
 * answered 500), and it stops once the text is long enough (a 5-million-element array shown in
 * 256 characters is not written out first). Undefined when JSON.stringify would give undefined.
 */
export function boundedJson(value: unknown, maxChars: number): string | undefined {
  if (isOmitted(value)) return undefined;
  let out = "";
  const frames: Frame[] = [];
  const write = (v: unknown) => {
    if (v === null || typeof v !== "object") {
      out += scalar(v);
    } else if (Array.isArray(v)) {
      out += "[";
      frames.push({ kind: "array", items: v, next: 0 });
    } else if (v instanceof Date) {
      out += JSON.stringify(v);
    } else {
      out += "{";
      frames.push({ kind: "object", value: v as Record<string, unknown>, keys: Object.keys(v), next: 0, wrote: false });
    }
  };
  write(value);
  while (frames.length > 0 && out.length <= maxChars) {
    const frame = frames[frames.length - 1];
    if (frame.kind === "array") {
      if (frame.next >= frame.items.length) {
        out += "]";
        frames.pop();
        continue;
      }
      if (frame.next > 0) out += ",";
      const item = frame.items[frame.next++];
      write(isOmitted(item) ? null : item);
    } else {
      while (frame.next < frame.keys.length && isOmitted(frame.value[frame.keys[frame.next]])) frame.next++;
      if (frame.next >= frame.keys.length) {
        out += "}";
        frames.pop();
        continue;
      }
      const key = frame.keys[frame.next++];
      out += `${frame.wrote ? "," : ""}${JSON.stringify(key)}:`;
      frame.wrote = true;
      write(frame.value[key]);
    }
  }
  return out.length > maxChars ? out.slice(0, maxChars) : out;
}

/** Values JSON.stringify leaves out of objects (and writes as null in arrays). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function scalar(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : "null";
  if (typeof value === "bigint") return value.toString();
  return String(value);
}
