import { MAX_DEBUG_IDS, MAX_PROGUARD_UUIDS } from "@/lib/ingest/eventSchema";
import { asArray, asObject } from "@/lib/sentry/coerce";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { nativeDebugId } from "@/lib/native/nativeDebugId";
import { MAX_NATIVE_IMAGES, type NativeImage } from "@/lib/ingest/eventSchema";
import { normalizeDebugId } from "@/lib/sourcemaps/debugId";

/** A loaded binary as native SDKs list it in `debug_meta.images`. */
export interface DebugImage {
  codeFile: string;
  start: bigint;
  end: bigint;
}

/** More images than a process loads; a hostile event's list is cut here. */
const MAX_IMAGES = 4096;

/** The images of `debug_meta.images` with a code file (or name), a start address and a size (others are skipped). */
export function debugImagesOf(debugMeta: unknown): DebugImage[] {
  const images: DebugImage[] = [];
  for (const raw of (asArray(asObject(debugMeta)?.images) ?? []).slice(0, MAX_IMAGES)) {
    const image = asObject(raw);
    // sentry-rust's "symbolic" images name the file in `name` and have no code_file.
    const file = image?.code_file ?? image?.name;
    const codeFile = typeof file === "string" && file.length > 0 && file.length <= 4096 ? file : undefined;
    const start = addressOf(image?.image_addr);
    const size = typeof image?.image_size === "number" && Number.isSafeInteger(image.image_size) && image.image_size > 0 ? BigInt(image.image_size) : undefined;
    if (codeFile && start !== undefined && size !== undefined) images.push({ codeFile, start, end: start + size });
  }
  return images;
}

/** The image an instruction address lies in (native frames that name no `package`). */
export function imageAt(images: DebugImage[], instructionAddr: unknown): DebugImage | undefined {
  const address = addressOf(instructionAddr);
  if (address === undefined) return undefined;
  return images.find((image) => address >= image.start && address < image.end);
}

/** "0x7f3a…" (as SDKs send addresses) or a safe integer. */
export function addressOf(value: unknown): bigint | undefined {
  if (typeof value === "string" && /^0x[0-9a-f]{1,16}$/i.test(value)) return BigInt(value);
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return undefined;
}

/** Image types that are not native binaries (their IDs name source maps, mappings, bundles). */
const NOT_NATIVE = new Set(["sourcemap", "proguard", "jvm", "dart_symbols"]);

/**
 * The native binaries (`debug_meta.images` with a `debug_id` and `image_addr`: elf, macho, pe,
 * symbolic…) that frames named only by an address lie in, as `{debugId, imageAddr}`: their
 * symbols are looked up by debug ID (lib/native). Undefined when no such frame has its image listed.
 */
export function nativeImagesOf(debugMeta: unknown, frames: Frame[]): NativeImage[] | undefined {
  const listed = asArray(asObject(debugMeta)?.images);
  if (!listed) return undefined;
  const wanted = new Set(frames.flatMap((f) => (f.instructionAddr && f.imageAddr && f.function === undefined ? [BigInt(f.imageAddr)] : [])));
  if (wanted.size === 0) return undefined;
  const images: NativeImage[] = [];
  for (const raw of listed.slice(0, MAX_IMAGES)) {
    const image = asObject(raw);
    if (!image || NOT_NATIVE.has(String(image.type))) continue;
    const debugId = nativeDebugId(image.debug_id ?? image.id);
    const start = addressOf(image.image_addr);
    if (!debugId || start === undefined || !wanted.delete(start)) continue;
    images.push({ debugId, imageAddr: `0x${start.toString(16)}` });
    if (wanted.size === 0 || images.length >= MAX_NATIVE_IMAGES) break;
  }
  return images.length > 0 ? images : undefined;
}

/**
 * The debug IDs of the JavaScript files `debug_meta.images` lists as `{type: "sourcemap",
 * code_file, debug_id}` (what Sentry's JavaScript SDKs send when a bundler injected debug IDs), by
 * file URL; undefined when there are none. IDs that are not UUIDs are skipped.
 */
export function sourceMapDebugIdsOf(debugMeta: unknown): Record<string, string> | undefined {
  const ids: Record<string, string> = {};
  let count = 0;
  for (const raw of (asArray(asObject(debugMeta)?.images) ?? []).slice(0, MAX_IMAGES)) {
    const image = asObject(raw);
    if (image?.type !== "sourcemap" || typeof image.code_file !== "string" || typeof image.debug_id !== "string") continue;
    const debugId = normalizeDebugId(image.debug_id);
    if (!debugId || image.code_file.length === 0 || image.code_file.length > 2048 || Object.hasOwn(ids, image.code_file)) continue;
    ids[image.code_file] = debugId;
    if (++count >= MAX_DEBUG_IDS) break;
  }
  return count > 0 ? ids : undefined;
}

/**
 * The UUIDs of the ProGuard / R8 mappings `debug_meta.images` lists as `{type: "proguard", uuid}`
 * (sentry-java and sentry-android; `debug_id` in newer protocol versions); undefined when none.
 */
export function proguardUuidsOf(debugMeta: unknown): string[] | undefined {
  return imageIdsOf(debugMeta, "proguard");
}

/** The debug IDs of the JVM source bundles `debug_meta.images` lists as `{type: "jvm", debug_id}` (sentry-java, sentry-android); undefined when none. */
export function jvmSourceBundlesOf(debugMeta: unknown): string[] | undefined {
  return imageIdsOf(debugMeta, "jvm");
}

function imageIdsOf(debugMeta: unknown, type: string): string[] | undefined {
  const ids = new Set<string>();
  for (const raw of (asArray(asObject(debugMeta)?.images) ?? []).slice(0, MAX_IMAGES)) {
    const image = asObject(raw);
    if (image?.type !== type) continue;
    const id = typeof image.uuid === "string" ? image.uuid : image.debug_id;
    const normalized = typeof id === "string" ? normalizeDebugId(id) : null;
    if (normalized) ids.add(normalized);
    if (ids.size >= MAX_PROGUARD_UUIDS) break;
  }
  return ids.size > 0 ? [...ids] : undefined;
}
