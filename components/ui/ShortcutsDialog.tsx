"use client";

import { ModalDialog } from "@/components/ui/ModalDialog";
import type { Shortcut } from "@/components/ui/useShortcuts";

/** The page's keyboard shortcuts, listed ("?" opens it). */
export function ShortcutsDialog({ open, shortcuts, onClose }: { open: boolean; shortcuts: Pick<Shortcut, "key" | "label">[]; onClose: () => void }) {
  return (
    <ModalDialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm" data-testid="shortcut-list">
        {shortcuts.map((s) => (
          <div key={s.key} className="contents">
            <dt>
              <kbd className="inline-block min-w-[1.75rem] rounded border border-gray-300 bg-gray-50 px-1.5 py-0.5 text-center font-mono text-xs text-gray-800 dark:border-gray-600 dark:bg-gray-800 dark:text-gray-100">{s.key}</kbd>
            </dt>
            <dd className="text-gray-700 dark:text-gray-300">{s.label}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-xs text-gray-500 dark:text-gray-400">Shortcuts are off while you type in a field or a menu or list is open.</p>
    </ModalDialog>
  );
}
