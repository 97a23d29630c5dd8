import { randomBytes } from "node:crypto";
import { assertLocalDatabase } from "@/e2e/support/assertLocalDatabase";
import { createUser } from "@/lib/users/createUser";
import { createWorkspace } from "@/lib/workspaces/createWorkspace";
import { createProject } from "@/lib/projects/createProject";
import { createIngestKey } from "@/lib/projects/createIngestKey";
import { addMember } from "@/lib/workspaces/addMember";
import { hashPassword } from "@/lib/auth/password";

export const BASE_URL = process.env.APP_URL ?? "http://127.0.0.1:3100";

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export interface Tenant {
  workspaceId: string;
  projectId: string;
  projectPublicId: number;
  key: string;
  keyId: string;
  admin: TestUser;
  member: TestUser;
  viewer: TestUser;
}

// Hashing is deliberately slow (scrypt, 2^PASSWORD_HASH_COST): test users of one test process share a password
// hashed once, so seeding tenants stays cheap. Signing in still verifies it like any password.
const sharedPassword = `pw-${randomBytes(9).toString("hex")}`;
let sharedHash: Promise<string> | undefined;

/** A user seeded through lib code with this process's shared test password; `operator`: an instance operator. */
export async function createTestUser(email: string, name: string, options: { operator?: boolean } = {}): Promise<TestUser> {
  sharedHash ??= hashPassword(sharedPassword);
  const user = await createUser({ email, name, passwordHash: await sharedHash, operator: options.operator });
  return { id: user.id, email: user.email, password: sharedPassword };
}

/** A fresh workspace with a project, an ingest key and one user per role, seeded through lib code. */
export async function createTenant(label = "t"): Promise<Tenant> {
  assertLocalDatabase();
  const tag = `${label}-${randomBytes(4).toString("hex")}`;
  const mk = (role: string): Promise<TestUser> => createTestUser(`${role}-${tag}@test.local`, `${role} ${tag}`);
  const admin = await mk("admin");
  const member = await mk("member");
  const viewer = await mk("viewer");
  const workspace = await createWorkspace({ name: `Workspace ${tag}`, ownerId: admin.id });
  await addMember({ workspaceId: workspace.id, userId: member.id, role: "member" });
  await addMember({ workspaceId: workspace.id, userId: viewer.id, role: "viewer" });
  const project = await createProject({ workspaceId: workspace.id, name: `Project ${tag}` });
  const key = await createIngestKey({ projectId: project.id, name: "test" });
  return {
    workspaceId: workspace.id,
    projectId: project.id,
    projectPublicId: project.publicId,
    key: key.key,
    keyId: key.id,
    admin,
    member,
    viewer,
  };
}

/** A second project of a tenant's workspace ("Blog …"), with an ingest key. */
export async function addBlogProject(t: { workspaceId: string }): Promise<{ id: string; name: string; key: string }> {
  const project = await createProject({ workspaceId: t.workspaceId, name: `Blog ${t.workspaceId.slice(-6)}` });
  const key = await createIngestKey({ projectId: project.id, name: "test" });
  return { id: project.id, name: project.name, key: key.key };
}

/** Signs in over HTTP and returns the Cookie header value. */
export async function login(user: TestUser): Promise<string> {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.get("set-cookie");
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0];
}

export function postEvents(key: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${BASE_URL}/api/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-faultline-key": key, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function getJson(path: string, auth: { cookie?: string; key?: string }) {
  return fetch(`${BASE_URL}${path}`, {
    headers: { ...(auth.cookie && { cookie: auth.cookie }), ...(auth.key && { "x-faultline-key": auth.key }) },
  });
}

export function patchJson(path: string, cookie: string, body: unknown) {
  return fetch(`${BASE_URL}${path}`, {
    method: "PATCH",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify(body),
  });
}
