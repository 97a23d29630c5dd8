"use client";

import { Dialog, DialogPanel, DialogTitle } from "@headlessui/react";
import { useState, type FormEvent } from "react";
import { input } from "@/components/ui/buttonStyles";
import { DialogFooter } from "@/components/ui/DialogFooter";

interface CountDialogProps {
  open: boolean;
  title: string;
  label: string;
  onClose: () => void;
  onConfirm: (n: number) => void;
}

/** Asks for a positive whole number (ignore until N more events / users). */
export function CountDialog({ open, title, label, onClose, onConfirm }: CountDialogProps) {
  const [value, setValue] = useState("10");
  const n = Number(value);
  const isValid = Number.isInteger(n) && n >= 1 && n <= 1_000_000_000;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (isValid) onConfirm(n);
  }

  return (
    <Dialog open={open} onClose={onClose} className="relative z-50">
      <div className="fixed inset-0 bg-black/30" aria-hidden="true" />
      <div className="fixed inset-0 flex items-center justify-center p-4">
        <DialogPanel className="w-full max-w-sm rounded-lg bg-white p-5 shadow-xl dark:bg-gray-900">
          <DialogTitle className="text-base font-semibold text-gray-900 dark:text-gray-100">{title}</DialogTitle>
          <form onSubmit={submit} className="mt-3 space-y-3">
            <label className="block text-sm">
              <span className="text-gray-700 dark:text-gray-300">{label}</span>
              <input type="number" min={1} step={1} value={value} onChange={(e) => setValue(e.target.value)} className={`${input} mt-1 w-full`} autoFocus />
            </label>
            <p className="text-xs text-gray-500 dark:text-gray-400">The issue reopens by itself when the count is reached.</p>
            <DialogFooter label="Ignore" onCancel={onClose} disabled={!isValid} />
          </form>
        </DialogPanel>
      </div>
    </Dialog>
  );
}
