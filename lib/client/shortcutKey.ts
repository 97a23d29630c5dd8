/** What a keydown handler needs of the event (KeyboardEvent has all of it). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

/**
 * The single-key shortcut a key press is ("r", "?", "/"), or null: none while typing in a field,
 * with Ctrl, Cmd or Alt held (the browser's and the system's own), or once something handled it.
 */
export function shortcutKey(press: KeyPress): string | null {
  if (press.defaultPrevented || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTypingTarget(press.target)) return null;
  if (press.key.length !== 1) return null;
  return press.key === "?" || press.key === "/" ? press.key : press.key.toLowerCase() === press.key ? press.key : null;
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof target !== "object") return false;
  const el = target as { tagName?: unknown; isContentEditable?: unknown; type?: unknown };
  if (el.isContentEditable === true) return true;
  const tag = typeof el.tagName === "string" ? el.tagName.toUpperCase() : "";
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  // Checkboxes and buttons are not typed in; every other input is.
  return tag === "INPUT" && !["checkbox", "radio", "button", "submit", "reset"].includes(String(el.type ?? "text"));
}
