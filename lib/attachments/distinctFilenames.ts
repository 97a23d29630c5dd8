/**
 * One request's attachments of an event under names that differ: two files whose names come down to
 * the same one (`service-a/app.log` and `service-b/app.log` both keep only `app.log`; two unnamed ones
 * are both `attachment`) are `app.log` and `app (2).log`, so the second is kept rather than taken for
 * a retry of the first (storeAttachments skips a name already stored for the event).
 */
export function distinctFilenames<T extends { eventId: string; filename: string }>(items: readonly T[], maxLength: number): T[] {
  const taken = new Set<string>();
  return items.map((item) => {
    let filename = item.filename;
    for (let n = 2; taken.has(key(item.eventId, filename)); n++) filename = numbered(item.filename, n, maxLength);
    taken.add(key(item.eventId, filename));
    return filename === item.filename ? item : { ...item, filename };
  });
}

function key(eventId: string, filename: string): string {
  return `${eventId}\u0000${filename}`;
}

/** `app.log` → `app.log (2)`… keeping the extension last when it has one (`trace (2).json`), within maxLength. */
function numbered(filename: string, n: number, maxLength: number): string {
  const suffix = ` (${n})`;
  const dot = filename.lastIndexOf(".");
  const [stem, extension] = dot > 0 && filename.length - dot <= 10 ? [filename.slice(0, dot), filename.slice(dot)] : [filename, ""];
  return `${stem.slice(0, Math.max(1, maxLength - suffix.length - extension.length))}${suffix}${extension}`;
}
