/**
 * Why `typed` does not confirm deleting the workspace named `name`, or null when it does: the name
 * must be typed again exactly (surrounding spaces aside) — the settings dialog, the API's `confirm`
 * and the CLI's `--confirm` alike.
 */
export function confirmationProblem(typed: string | undefined, name: string): string | null {
  if (typed === undefined || typed.trim() === "") return "type the workspace's name to delete it";
  if (typed.trim() !== name.trim()) return "does not match the workspace's name";
  return null;
}
