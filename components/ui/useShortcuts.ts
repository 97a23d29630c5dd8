"use client";

import { useEffect, useRef } from "react";
import { popupOpen, shortcutKey } from "@/lib/client/shortcutKey";

/** One shortcut: its key, what it does, and whether it applies now. */
export interface Shortcut {
  key: string;
  label: string;
  run: () => void;
  enabled?: boolean;
}

/**
 * Single-key shortcuts on the whole page while the component is mounted: none while typing in a
 * field, nor while a dialog, menu, listbox or popover is open or the key comes from inside one (its
 * keys are its own: a listbox jumps to the option a letter starts).
 */
export function useShortcuts(shortcuts: Shortcut[]): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const key = shortcutKey(e);
      if (!key || popupOpen(document)) return;
      const shortcut = latest.current.find((s) => s.key === key && s.enabled !== false);
      if (!shortcut) return;
      e.preventDefault();
      shortcut.run();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
