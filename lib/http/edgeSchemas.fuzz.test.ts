import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { UpdateAlertSchema, ListAlertsQuerySchema } from "@/lib/alerts/alertSchemas";
import { CHANNEL_CONFIG_SCHEMAS } from "@/lib/alerts/channels/channelConfigSchemas";
import { CreateChannelSchema, UpdateChannelSchema } from "@/lib/alerts/channels/channelSchemas";
import { ListDeliveriesQuerySchema } from "@/lib/alerts/deliveries/deliverySchemas";
import { CreateRuleSchema, UpdateRuleSchema } from "@/lib/alerts/rules/ruleSchemas";
import { TrackingQuerySchema } from "@/lib/analytics/trackingQuery";
import { isSessionTokenShape, parseCookie } from "@/lib/auth/session";
import { ListErrorsQuerySchema, UpdateErrorSchema } from "@/lib/errors/errorSchemas";
import { ExecutionsBodySchema } from "@/lib/executions/executionSchema";
import { fuzzParams, fuzzTimeout, hasUnstorableDeep, hostileJson, hostileString, isDocumentedOutcome } from "@/lib/fuzz/fuzzSettings";
import { ApiError } from "@/lib/http/ApiError";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { WorkspaceParamsSchema } from "@/lib/http/workspaceRoute";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { CreateIngestKeySchema, IngestKeyParamsSchema, ProjectParamsSchema } from "@/lib/projects/projectSchemas";

const BODY_SCHEMAS: Record<string, z.ZodType> = {
  IngestEventSchema,
  ExecutionsBodySchema,
  UpdateErrorSchema,
  CreateRuleSchema,
  UpdateRuleSchema,
  UpdateAlertSchema,
  CreateChannelSchema,
  UpdateChannelSchema,
  CreateIngestKeySchema,
  WorkspaceParamsSchema,
  ProjectParamsSchema,
  IngestKeyParamsSchema,
  ...Object.fromEntries(Object.entries(CHANNEL_CONFIG_SCHEMAS).map(([kind, schema]) => [`${kind} channel config`, schema])),
};

const QUERY_SCHEMAS: Record<string, z.ZodType> = { ListErrorsQuerySchema, ListAlertsQuerySchema, ListDeliveriesQuerySchema, TrackingQuerySchema };

/** Objects using the schemas' own field names with hostile values, plus arbitrary JSON. */
const FIELDS = ["type", "message", "status", "name", "kind", "config", "url", "headers", "to", "threshold", "windowSeconds", "severities", "stages", "counts", "ok", "failed", "at", "resolution", "assigneeId", "enabled", "workspaceId", "projectId", "keyId", "signingSecret", "routingKey", "__proto__"];
const body = fc.oneof(hostileJson(4), fc.dictionary(fc.constantFrom(...FIELDS), hostileJson(2), { maxKeys: 6 }));

const QUERY_KEYS = ["workspaceId", "projectId", "severity", "status", "category", "environment", "q", "since", "until", "sort", "order", "page", "cursor", "pageSize", "timeframe", "channelId", "alertId", "errorId"];
const queryValue = fc.oneof(hostileString(40), fc.constantFrom("%00", "%", "%ED%A0%80", "0000-01-01T00:00:00Z", "-1", "1e999", "NaN", "high,,critical", "99999999999999999999"));
const query = fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), queryValue), { maxLength: 6 }).map((pairs) =>
  pairs.map(([k, v]) => `${k}=${/^%/.test(v) ? v : percentEncode(v)}`).join("&"),
);

/** Every UTF-8 byte percent-encoded (a lone surrogate becomes EF BF BD, as on the wire). */
function percentEncode(value: string): string {
  return [...Buffer.from(value, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
}

function attempt(fn: () => unknown): { value?: unknown; error?: unknown } {
  try {
    return { value: fn() };
  } catch (error) {
    return { error };
  }
}

describe("zod schemas at the edges answer 422 naming a field, never anything else (fuzz)", () => {
  for (const [name, schema] of Object.entries(BODY_SCHEMAS)) {
    it(`body: ${name}`, () => {
      fc.assert(
        fc.property(body, (input) => {
          const { error } = attempt(() => parseWith(schema, input));
          expect(isDocumentedOutcome(error), String(error)).toBe(true);
          if (error) {
            expect((error as ApiError).status).toBe(422);
            expect((error as ApiError).details?.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.any(String) })]));
          }
        }),
        fuzzParams(150),
      );
    }, fuzzTimeout(150));
  }

  for (const [name, schema] of Object.entries(QUERY_SCHEMAS)) {
    it(`query: ${name}`, () => {
      fc.assert(
        fc.property(query, (qs) => {
          const { value, error } = attempt(() => parseSearchParams(schema, new Request(`http://x/api?${qs}`)));
          expect(isDocumentedOutcome(error), String(error)).toBe(true);
          if (!error) expect(hasUnstorableDeep(value)).toBe(false);
          for (const key of ["since", "until"]) {
            const at = (value as Record<string, unknown> | undefined)?.[key];
            if (typeof at === "string") expect(Date.parse(at)).toBeGreaterThanOrEqual(0);
          }
        }),
        fuzzParams(150),
      );
    }, fuzzTimeout(150));
  }
});

describe("session cookies (fuzz)", () => {
  it("any Cookie header yields a token or nothing, never an exception", () => {
    const header = fc.oneof(
      hostileString(100),
      fc.array(fc.tuple(fc.constantFrom("faultline_session", "other", "", " faultline_session "), fc.oneof(hostileString(50), fc.constantFrom("%", "%zz", "%E0%A4%A", '"', '""'))), { maxLength: 4 }).map((pairs) =>
        pairs.map(([k, v]) => `${k}=${v}`).join("; "),
      ),
    );
    fc.assert(
      fc.property(header, (cookie) => {
        const token = parseCookie(cookie, "faultline_session");
        expect(token === undefined || typeof token === "string").toBe(true);
        if (token !== undefined) isSessionTokenShape(token);
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());
});
