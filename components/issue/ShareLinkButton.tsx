"use client";

import { useState } from "react";
import { button } from "@/components/ui/buttonStyles";
import { useToast } from "@/components/ui/Toast";

/** Copies the permanent link (without the event or tab the viewer happens to have open). */
export function ShareLinkButton() {
  const [copied, setCopied] = useState(false);
  const { showToast } = useToast();

  async function share() {
    const url = `${window.location.origin}${window.location.pathname}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      showToast(`Copy this link: ${url}`, "success");
    }
  }

  return (
    <button type="button" className={button.secondary} onClick={share} data-testid="share-link" aria-live="polite">
      {copied ? "Link copied" : "Share"}
    </button>
  );
}
