/**
 * A project's ingest key exists in clear only in the answer that created it. The setup form and the
 * "new project" form keep it in this tab's sessionStorage so the first-run screen can show the DSN
 * and curl with the real key; it is removed once the first error arrives or the screen is left.
 */
const KEY = "faultline:first-run-key";

export interface FirstRunKey {
  projectId: string;
  ingestKey: string;
}

export function rememberFirstRunKey(value: FirstRunKey): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(value));
  } catch {
    // storage disabled: the screen shows a placeholder key
  }
}

export function readFirstRunKey(projectId: string | undefined): string | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as FirstRunKey | null;
    return value && value.projectId === projectId ? value.ingestKey : undefined;
  } catch {
    return undefined;
  }
}

export function forgetFirstRunKey(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
