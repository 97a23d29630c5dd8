import { z } from "zod";
import {
  CreateForwardingRuleSchema,
  ForwardingDeliveriesQuerySchema,
  ForwardingRuleParamsSchema,
  UpdateForwardingRuleSchema,
} from "@/lib/forwarding/rules/forwardingRuleSchemas";
import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { ProjectParamsSchema } from "@/lib/projects/projectSchemas";

const RuleParams = ForwardingRuleParamsSchema.extend({ id: z.string().describe("the forwarding rule's id") });

export const forwardingRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/v1/projects/{projectId}/forwarding-rules", tag: "Forwarding", auth: "session", role: "viewer",
    summary: "The project's forwarding rules (secrets masked)", params: ProjectParamsSchema,
    responses: { 200: "`{items: [rule]}`" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/projects/{projectId}/forwarding-rules", tag: "Forwarding", auth: "session", role: "admin",
    summary: "Add a forwarding rule: copies of matching events to a Sentry DSN, a signed HTTP endpoint or a Datadog-style logs URL",
    description: "A webhook rule without `config.secret` gets one, returned once as `signingSecret`. See docs/forwarding.md.",
    params: ProjectParamsSchema, body: CreateForwardingRuleSchema,
    responses: { 201: "the rule (secrets masked), with `signingSecret` when one was generated" }, errors: [401, 403, 404, 422],
  },
  {
    method: "PATCH", path: "/api/v1/forwarding-rules/{id}", tag: "Forwarding", auth: "session", role: "admin",
    summary: "Edit a forwarding rule (masked values sent back keep the stored secret)", params: RuleParams, body: UpdateForwardingRuleSchema,
    responses: { 200: "the rule (secrets masked)" }, errors: [401, 403, 404, 422],
  },
  {
    method: "DELETE", path: "/api/v1/forwarding-rules/{id}", tag: "Forwarding", auth: "session", role: "admin",
    summary: "Delete a forwarding rule and its delivery log", params: RuleParams,
    responses: { 204: "deleted" }, errors: [401, 403, 404],
  },
  {
    method: "GET", path: "/api/v1/projects/{projectId}/forwarding-deliveries", tag: "Forwarding", auth: "session", role: "viewer",
    summary: "The forwarding log: each copy's status, attempts, last error and next try", params: ProjectParamsSchema, query: ForwardingDeliveriesQuerySchema,
    responses: { 200: "`{items: [delivery]}`, newest first" }, errors: [401, 404, 422],
  },
];
