import { createHash } from "node:crypto";

/** RFC 4122's DNS namespace, and the name ProGuard tooling derives its own namespace from. */
const DNS_NAMESPACE = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
const PROGUARD_NAMESPACE = uuidV5(DNS_NAMESPACE, Buffer.from("guardsquare.com"));

/**
 * The UUID sentry-cli and Sentry's Gradle plugin give a mapping file (a name-based UUID, version 5,
 * of its bytes): what an app built with it sends in `debug_meta.images[{type: "proguard", uuid}]`.
 */
export function proguardUuid(content: Buffer): string {
  return uuidV5(PROGUARD_NAMESPACE, content);
}

function uuidV5(namespace: string, name: Buffer): string {
  const hash = createHash("sha1").update(Buffer.from(namespace.replaceAll("-", ""), "hex")).update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
