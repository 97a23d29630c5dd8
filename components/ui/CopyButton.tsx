"use client";

import { useState } from "react";
import { button } from "@/components/ui/buttonStyles";
import { useToast } from "@/components/ui/Toast";

/** Copies text to the clipboard and says so; falls back to a message when the clipboard is blocked. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const { showToast } = useToast();

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      showToast("The browser blocked the clipboard: select the text and copy it by hand.");
    }
  }

  return (
    <button type="button" onClick={copy} className={button.secondary} aria-live="polite">
      {copied ? "Copied" : label}
    </button>
  );
}
