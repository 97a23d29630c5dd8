import { z } from "zod";
import { ListAlertsQuerySchema, UpdateAlertSchema } from "@/lib/alerts/alertSchemas";
import { CreateChannelSchema, UpdateChannelSchema } from "@/lib/alerts/channels/channelSchemas";
import { ListDeliveriesQuerySchema } from "@/lib/alerts/deliveries/deliverySchemas";
import { CreateRuleSchema, UpdateRuleSchema } from "@/lib/alerts/rules/ruleSchemas";
import { WorkspaceParamsSchema } from "@/lib/http/workspaceRoute";
import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { IdSchema } from "@/lib/domain/idSchema";

const IdParams = z.object({ id: IdSchema });

export const alertRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/alert-rules", tag: "Alerts", auth: "session", role: "viewer",
    summary: "Alert rules, built-in ones included", params: WorkspaceParamsSchema,
    responses: { 200: "the rules" }, errors: [401, 404],
  },
  {
    method: "POST", path: "/api/v1/workspaces/{workspaceId}/alert-rules", tag: "Alerts", auth: "session", role: "admin",
    summary: "Create a custom alert rule", params: WorkspaceParamsSchema, body: CreateRuleSchema,
    responses: { 201: "the rule" }, errors: [401, 403, 404, 422],
  },
  {
    method: "PATCH", path: "/api/v1/alert-rules/{id}", tag: "Alerts", auth: "session", role: "admin",
    summary: "Change a rule's thresholds, windows, escalation or enabled flag", params: IdParams, body: UpdateRuleSchema,
    responses: { 200: "the rule" }, errors: [401, 403, 404, 422],
  },
  {
    method: "DELETE", path: "/api/v1/alert-rules/{id}", tag: "Alerts", auth: "session", role: "admin",
    summary: "Delete a custom rule (built-in rules can only be disabled)", params: IdParams,
    responses: { 204: "deleted" }, errors: [401, 403, 404, 409],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/alerts", tag: "Alerts", auth: "session", role: "viewer",
    summary: "Alerts, newest first, paged (`projectId`: that project's and the workspace-wide ones)", params: WorkspaceParamsSchema, query: ListAlertsQuerySchema,
    responses: { 200: "`{items, page, pageSize, total, counts}` (counts per status under the other filters)" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/alerts/{id}", tag: "Alerts", auth: "session", role: "viewer",
    summary: "One alert with its deliveries and history", params: IdParams,
    responses: { 200: "the alert" }, errors: [401, 404],
  },
  {
    method: "PATCH", path: "/api/v1/alerts/{id}", tag: "Alerts", auth: "session", role: "member",
    summary: "Acknowledge or resolve an alert", params: IdParams, body: UpdateAlertSchema,
    responses: { 200: "the alert" }, errors: [401, 403, 404, 409, 422],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/channels", tag: "Alerts", auth: "session", role: "viewer",
    summary: "Notification channels (secrets masked)", params: WorkspaceParamsSchema,
    responses: { 200: "the channels" }, errors: [401, 404],
  },
  {
    method: "POST", path: "/api/v1/workspaces/{workspaceId}/channels", tag: "Alerts", auth: "session", role: "admin",
    summary: "Create a webhook, Slack, email or PagerDuty channel", params: WorkspaceParamsSchema, body: CreateChannelSchema,
    responses: { 201: "the channel (secrets masked)" }, errors: [401, 403, 404, 422],
  },
  {
    method: "PATCH", path: "/api/v1/channels/{id}", tag: "Alerts", auth: "session", role: "admin",
    summary: "Change a channel; masked values sent back keep their value", params: IdParams, body: UpdateChannelSchema,
    responses: { 200: "the channel" }, errors: [401, 403, 404, 422],
  },
  {
    method: "DELETE", path: "/api/v1/channels/{id}", tag: "Alerts", auth: "session", role: "admin",
    summary: "Delete a channel", params: IdParams, responses: { 204: "deleted" }, errors: [401, 403, 404],
  },
  {
    method: "POST", path: "/api/v1/channels/{id}/test", tag: "Alerts", auth: "session", role: "admin",
    summary: "Send a test notification now (signed like a real one, marked as a test)",
    description: "Nothing is queued or retried; works on disabled channels. Webhooks carry `event: \"test\"` and `X-Faultline-Test: 1`. Audited.",
    params: IdParams,
    responses: { 200: "the receiver's answer `{ok, status, error, durationMs}`" }, errors: [401, 403, 404],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/deliveries", tag: "Alerts", auth: "session", role: "viewer",
    summary: "The notification delivery log with every attempt", params: WorkspaceParamsSchema, query: ListDeliveriesQuerySchema,
    responses: { 200: "`{items, page, pageSize, total}`" }, errors: [401, 404, 422],
  },
];
