import { asObject, asText, type JsonObject } from "@/lib/sentry/coerce";

/**
 * SDKs that list an exception chain raised exception first, the protocol's order reversed, when
 * they give the exceptions no `mechanism.exception_id`:
 * - sentry-dart: every 8.x, and 9.x unless `groupExceptions` is on.
 * - sentry-react-native from 5.9.0 (Aug 2023): its NativeLinkedErrors integration, which replaces
 *   the JavaScript SDK's LinkedErrors on iOS and Android, appends each `cause` (a JS error, the
 *   Java or Objective-C exception behind a native module's rejection, its `nativeStackAndroid`)
 *   after the captured error. Before 5.9 the JavaScript SDK's LinkedErrors listed them in protocol
 *   order, with exception ids.
 */
const RAISED_FIRST_SDKS: readonly { prefix: string; since?: readonly [major: number, minor: number] }[] = [
  { prefix: "sentry.dart" },
  { prefix: "sentry.javascript.react-native", since: [5, 9] },
];

/**
 * `exception.values` in the protocol's order: oldest cause first, the raised exception last. A
 * chain whose exceptions carry ids is in that order whatever the SDK; one from an SDK that lists
 * raised first (RAISED_FIRST_SDKS) is reversed.
 */
export function inProtocolOrder(values: JsonObject[], sdk: unknown): JsonObject[] {
  if (values.length < 2 || !listsRaisedFirst(sdk)) return values;
  const numbered = values.some((v) => typeof asObject(v.mechanism)?.exception_id === "number");
  return numbered ? values : values.slice().reverse();
}

function listsRaisedFirst(sdk: unknown): boolean {
  const name = asText(asObject(sdk)?.name) ?? "";
  const entry = RAISED_FIRST_SDKS.find((e) => name.startsWith(e.prefix));
  if (!entry) return false;
  if (!entry.since) return true;
  const version = /^(\d+)\.(\d+)/.exec(asText(asObject(sdk)?.version) ?? "");
  // Without a readable version, the SDK as it is today.
  if (!version) return true;
  const [major, minor] = [Number(version[1]), Number(version[2])];
  return major > entry.since[0] || (major === entry.since[0] && minor >= entry.since[1]);
}
