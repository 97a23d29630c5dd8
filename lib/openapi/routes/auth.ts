import { LoginSchema } from "@/lib/auth/loginSchema";
import type { RouteSpec } from "@/lib/openapi/routeSpec";

export const authRoutes: RouteSpec[] = [
  {
    method: "POST", path: "/api/v1/auth/login", tag: "Account", auth: "none",
    summary: "Sign in; sets the HTTP-only session cookie", body: LoginSchema,
    responses: { 200: "`{ok: true}` and Set-Cookie" }, errors: [401, 422, 429],
  },
  {
    method: "POST", path: "/api/v1/auth/logout", tag: "Account", auth: "none",
    summary: "End the session and clear the cookie", responses: { 200: "`{ok: true}`" },
  },
  {
    method: "GET", path: "/api/v1/me", tag: "Account", auth: "session",
    summary: "The signed-in user, their workspaces with role, and projects", responses: { 200: "the user" }, errors: [401],
  },
];
