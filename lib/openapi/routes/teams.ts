import { AssignmentRuleParamsSchema, CreateAssignmentRuleSchema, TestAssignmentSchema, UpdateAssignmentRuleSchema } from "@/lib/assignment/assignmentSchemas";
import { WorkspaceParamsSchema } from "@/lib/http/workspaceRoute";
import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { CreateTeamSchema, TeamParamsSchema, UpdateTeamSchema } from "@/lib/teams/teamSchemas";

/** Teams and the assignment rules that route new issues to a person or a team. */
export const teamRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/teams", tag: "Teams", auth: "session", role: "viewer",
    summary: "Teams and their members", params: WorkspaceParamsSchema, responses: { 200: "the teams" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/workspaces/{workspaceId}/teams", tag: "Teams", auth: "session", role: "admin",
    summary: "Create a team", params: WorkspaceParamsSchema, body: CreateTeamSchema,
    responses: { 201: "the team" }, errors: [401, 403, 404, 409, 422],
  },
  {
    method: "PATCH", path: "/api/v1/teams/{id}", tag: "Teams", auth: "session", role: "admin",
    summary: "Rename a team or set its members (people taken out are taken off the team's issues assigned to them, audited; the team stays)", params: TeamParamsSchema, body: UpdateTeamSchema,
    responses: { 200: "the team" }, errors: [401, 403, 404, 409, 422],
  },
  {
    method: "DELETE", path: "/api/v1/teams/{id}", tag: "Teams", auth: "session", role: "admin",
    summary: "Delete a team (its issues become unassigned, its rules go)", params: TeamParamsSchema,
    responses: { 204: "deleted" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/assignment-rules", tag: "Teams", auth: "session", role: "viewer",
    summary: "Assignment rules in evaluation order (first match assigns)", params: WorkspaceParamsSchema,
    responses: { 200: "the rules" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/workspaces/{workspaceId}/assignment-rules", tag: "Teams", auth: "session", role: "admin",
    summary: "Add an assignment rule (appended last); a person assigned must be a member or admin (a viewer: 422 naming `assignee.id`)", params: WorkspaceParamsSchema, body: CreateAssignmentRuleSchema,
    responses: { 201: "the rule" }, errors: [401, 403, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/workspaces/{workspaceId}/assignment-rules/test", tag: "Teams", auth: "session", role: "viewer", dryRun: true,
    summary: "Which rule would assign an issue, and why", params: WorkspaceParamsSchema, body: TestAssignmentSchema,
    responses: { 200: "the matching rule and each rule's verdict" }, errors: [401, 404, 422],
  },
  {
    method: "PATCH", path: "/api/v1/assignment-rules/{id}", tag: "Teams", auth: "session", role: "admin",
    summary: "Change a rule's name, conditions, assignee, enabled flag or position (turning on a rule whose person is no longer a member, or is a viewer: 422 naming `assignee.id`)", params: AssignmentRuleParamsSchema, body: UpdateAssignmentRuleSchema,
    responses: { 200: "the rule" }, errors: [401, 403, 404, 422],
  },
  {
    method: "DELETE", path: "/api/v1/assignment-rules/{id}", tag: "Teams", auth: "session", role: "admin",
    summary: "Delete a rule", params: AssignmentRuleParamsSchema, responses: { 204: "deleted" }, errors: [401, 403, 404, 422],
  },
];
