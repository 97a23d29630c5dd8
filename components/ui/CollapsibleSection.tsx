"use client";

import { useState, type ReactNode } from "react";
import { Section } from "@/components/ui/Section";

/**
 * A Section closed until its "Show" is pressed (long, rarely needed lists: an event's threads, its
 * packages): `summary` says what is inside meanwhile; `children` is rendered only while open, under
 * `contentId` (what the button controls).
 */
export function CollapsibleSection({ id, title, contentId, summary, children }: { id: string; title: ReactNode; contentId: string; summary: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Section
      id={id}
      title={title}
      actions={
        <button type="button" className="text-xs text-blue-700 hover:underline dark:text-blue-400" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls={contentId}>
          {open ? "Hide" : "Show"}
        </button>
      }
    >
      {open ? <div id={contentId}>{children}</div> : <p className="text-sm text-gray-500 dark:text-gray-400">{summary}</p>}
    </Section>
  );
}
