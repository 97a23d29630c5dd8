import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An OpenID Connect provider of the test's own (discovery, JWKS, token endpoint), standing in for
 * Okta, Entra ID, Keycloak…: `authorize` plays the user signing in at the provider and answers the
 * URL it would send the browser back to. It checks what a real provider checks at the token
 * endpoint (client secret, redirect URI, PKCE verifier, one use per code).
 */
export interface FakeOidcProvider {
  url: string;
  /** From the app's redirect to the provider: the callback URL with a fresh code for these claims. */
  authorize(location: string, claims: Record<string, unknown>, options?: { signWith?: KeyObject }): string;
  close(): Promise<void>;
}

export async function startFakeOidcProvider(client: { id: string; secret: string }): Promise<FakeOidcProvider> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const codes = new Map<string, { claims: Record<string, unknown>; challenge: string; redirectUri: string; key: KeyObject }>();
  let url = "";

  const server = http.createServer(async (req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const path = new URL(req.url ?? "/", url).pathname;
    if (req.method === "GET" && path === "/.well-known/openid-configuration") {
      return json(200, { issuer: url, authorization_endpoint: `${url}/authorize`, token_endpoint: `${url}/token`, jwks_uri: `${url}/jwks` });
    }
    if (req.method === "GET" && path === "/jwks") return json(200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid: "test-1", use: "sig", alg: "RS256" }] });
    if (req.method === "POST" && path === "/token") {
      let body = "";
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      const expectedAuth = `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString("base64")}`;
      if (req.headers.authorization !== expectedAuth) return json(401, { error: "invalid_client" });
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      if (!grant || form.get("grant_type") !== "authorization_code") return json(400, { error: "invalid_grant", error_description: "unknown or used code" });
      if (form.get("redirect_uri") !== grant.redirectUri) return json(400, { error: "invalid_grant", error_description: "redirect_uri differs" });
      if (createHash("sha256").update(form.get("code_verifier") ?? "").digest("base64url") !== grant.challenge) return json(400, { error: "invalid_grant", error_description: "PKCE verifier does not match" });
      return json(200, { access_token: "at", token_type: "Bearer", id_token: idToken(grant.claims, grant.key) });
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function idToken(claims: Record<string, unknown>, key: KeyObject): string {
    const now = Math.floor(Date.now() / 1000);
    const head = Buffer.from(JSON.stringify({ alg: "RS256", kid: "test-1", typ: "JWT" })).toString("base64url");
    const body = Buffer.from(JSON.stringify({ iss: url, aud: client.id, iat: now, exp: now + 300, ...claims })).toString("base64url");
    return `${head}.${body}.${sign("sha256", Buffer.from(`${head}.${body}`), key).toString("base64url")}`;
  }

  return {
    url,
    authorize(location, claims, options = {}) {
      const request = new URL(location);
      if (request.origin + request.pathname !== `${url}/authorize`) throw new Error(`not a redirect to this provider: ${location}`);
      const code = randomBytes(16).toString("hex");
      const redirectUri = request.searchParams.get("redirect_uri")!;
      codes.set(code, {
        claims: { nonce: request.searchParams.get("nonce"), ...claims },
        challenge: request.searchParams.get("code_challenge")!,
        redirectUri,
        key: options.signWith ?? privateKey,
      });
      return `${redirectUri}?code=${code}&state=${encodeURIComponent(request.searchParams.get("state")!)}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
