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
 * Open popups, whose keys are theirs: dialogs, menus, listboxes (a listbox's typeahead jumps to the
 * option starting with the letter typed, without preventing it) and Headless UI's open popovers,
 * listboxes and menus (`data-headlessui-state="open"`; a popover panel has no role of its own).
 */
export const OPEN_POPUP = "[role=dialog], [role=alertdialog], [role=menu], [role=listbox], [data-headlessui-state~=open]";

/**
 * Where a key press is not page content's: inside an open popup, or inside a widget that takes
 * letters itself (a combobox, a menu bar, a tree or grid, an ARIA text box).
 */
const OWN_KEYS = `${OPEN_POPUP}, [role=combobox], [role=menubar], [role=tree], [role=treegrid], [role=grid], [role=textbox], [role=searchbox], [role=spinbutton], [aria-modal=true]`;

/**
 * The single-key shortcut a key press is ("r", "?", "/"), or null: none while typing in a field or
 * from inside a popup or a widget with keys of its own, with Ctrl, Cmd or Alt held (the browser's
 * and the system's own), or once something handled it.
 */
export function shortcutKey(press: KeyPress): string | null {
  if (press.defaultPrevented || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTypingTarget(press.target) || insideOwnKeys(press.target)) return null;
  if (press.key.length !== 1) return null;
  return press.key === "?" || press.key === "/" ? press.key : press.key.toLowerCase() === press.key ? press.key : null;
}

/** Whether the page has a popup open (focus may have stayed on the button that opened it): page shortcuts wait. */
export function popupOpen(page: { querySelector(selectors: string): unknown }): boolean {
  return page.querySelector(OPEN_POPUP) !== null;
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

function insideOwnKeys(target: EventTarget | null): boolean {
  const el = target as { closest?: unknown } | null;
  return typeof el?.closest === "function" && (el.closest as (selectors: string) => unknown).call(el, OWN_KEYS) !== null;
}
