import { asObject, asText, type JsonObject } from "@/lib/sentry/coerce";

/**
 * SDKs that list an exception chain raised exception first, the protocol's order reversed, when
 * they give the exceptions no `mechanism.exception_id`:
 * - sentry-dart: every 8.x, and 9.x unless `groupExceptions` is on.
 */
const RAISED_FIRST_SDKS: readonly { prefix: string }[] = [{ prefix: "sentry.dart" }];

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
  return RAISED_FIRST_SDKS.some((e) => name.startsWith(e.prefix));
}
