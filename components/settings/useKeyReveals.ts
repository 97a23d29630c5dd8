"use client";

import { useCallback, useRef, useState } from "react";
import { fetchRevealedKey } from "@/lib/client/hooks/useIngestKeysQuery";
import type { RevealedIngestKey } from "@/lib/projects/revealProjectKey";

export type KeyReveal = { status: "pending" } | { status: "shown"; value: RevealedIngestKey } | { status: "failed"; error: Error };

export interface KeyReveals {
  /** The state of one key's reveal, undefined before it was asked for. */
  of(keyId: string): KeyReveal | undefined;
  /** Fetches the key in full (once per key while the page is open: every fetch is audited). */
  reveal(keyId: string): Promise<RevealedIngestKey>;
}

/**
 * The keys an admin revealed on this page (Settings → Project): shared by the key list's Show / Copy
 * DSN and the "Sending errors" examples, so showing a key in one place does not fetch it again for
 * the other. Kept in memory only, for the project shown.
 */
export function useKeyReveals(projectId: string): KeyReveals {
  const [states, setStates] = useState<Record<string, KeyReveal>>({});
  const requests = useRef(new Map<string, Promise<RevealedIngestKey>>());
  const slot = useCallback((keyId: string) => `${projectId}/${keyId}`, [projectId]);

  const reveal = useCallback(
    (keyId: string) => {
      const id = slot(keyId);
      const known = requests.current.get(id);
      if (known) return known;
      setStates((s) => ({ ...s, [id]: { status: "pending" } }));
      const request = fetchRevealedKey(projectId, keyId).then(
        (value) => {
          setStates((s) => ({ ...s, [id]: { status: "shown", value } }));
          return value;
        },
        (error: Error) => {
          requests.current.delete(id);
          setStates((s) => ({ ...s, [id]: { status: "failed", error } }));
          throw error;
        },
      );
      requests.current.set(id, request);
      return request;
    },
    [projectId, slot],
  );

  return { of: (keyId) => states[slot(keyId)], reveal };
}
