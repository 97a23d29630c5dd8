/** A fresh event id: 32 lowercase hex characters (a random UUIDv4 without dashes, as Sentry uses). */
export function newEventId(): string {
  const bytes = new Uint8Array(16);
  // getRandomValues, unlike randomUUID, also exists on pages served over plain http.
  globalThis.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}

const EVENT_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Whether an id is one the server accepts (1-128 of A-Z a-z 0-9 _ . : -). */
export function isValidEventId(id: unknown): id is string {
  return typeof id === "string" && EVENT_ID.test(id);
}
