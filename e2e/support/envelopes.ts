import { randomUUID } from "node:crypto";
import { BASE_URL } from "@/e2e/support/tenant";

export const newEventId = () => randomUUID().replaceAll("-", "");

/** A hand-built envelope: header line, then items (length given unless `noLength`). */
export function envelope(
  header: Record<string, unknown>,
  items: { type: string; payload: string | Buffer; noLength?: boolean; headers?: Record<string, unknown> }[],
  trailingNewline = true,
): Buffer {
  const parts: Buffer[] = [Buffer.from(JSON.stringify(header) + "\n")];
  items.forEach((item, i) => {
    const payload = Buffer.isBuffer(item.payload) ? item.payload : Buffer.from(item.payload);
    const itemHeader = { type: item.type, ...(item.noLength ? {} : { length: payload.length }), ...item.headers };
    parts.push(Buffer.from(JSON.stringify(itemHeader) + "\n"), payload);
    if (trailingNewline || i < items.length - 1) parts.push(Buffer.from("\n"));
  });
  return Buffer.concat(parts);
}

export function errorEvent(eventId: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    event_id: eventId,
    timestamp: Date.now() / 1000,
    platform: "javascript",
    level: "error",
    exception: {
      values: [
        {
          type: "TypeError",
          value: "x is undefined",
          stacktrace: { frames: [{ filename: "app:///main.js", function: "render", lineno: 10, colno: 3, in_app: true }] },
        },
      ],
    },
    ...extra,
  });
}

export function sentryUrl(publicId: number, path: "envelope" | "store" | "minidump" | "security", query = "", slash = true) {
  return `${BASE_URL}/api/${publicId}/${path}${slash ? "/" : ""}${query ? `?${query}` : ""}`;
}

export function postRaw(url: string, body: BodyInit, headers: Record<string, string> = {}) {
  return fetch(url, { method: "POST", body, headers });
}
