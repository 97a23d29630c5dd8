import { describe, expect, it } from "vitest";
import { FILTERED, isSensitiveKey, luhnValid, scrubFrame, scrubString, scrubValue } from "@/lib/ingest/scrub";

const F = FILTERED;

describe("luhnValid", () => {
  it.each([
    ["4111111111111111", true],
    ["4111 1111 1111 1111", true],
    ["4111-1111-1111-1111", true],
    ["5555555555554444", true],
    ["378282246310005", true],
    ["79927398713", true],
    ["4111111111111112", false],
    ["1234567812345678", false],
    ["", false],
    ["0", false],
    ["4111x1111", false],
  ])("%s → %s", (digits, expected) => {
    expect(luhnValid(digits)).toBe(expected);
  });
});

describe("isSensitiveKey", () => {
  it.each([
    "password", "Password", "db_password", "PASSWD", "pwd", "pass", "client_secret", "accessToken", "refresh_token",
    "apiKey", "API_KEY", "x-api-key", "apikey", "access_key", "AWS_SECRET_ACCESS_KEY", "auth", "Authorization",
    "x-auth-token", "oauthState", "Cookie", "set-cookie", "sessionId", "csrf_token", "X-XSRF-TOKEN", "credit_card",
    "creditCard", "credit card", "card_number", "cardNumber", "cvv", "CVC", "ssn", "userSsn", "private_key",
    "privateKey", "credentials", "passphrase", "ssh_passphrase", "sig", "X-Amz-Signature", "x-goog-signature",
  ])("hides %s", (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });

  it.each([
    "author", "authorName", "authority", "username", "email", "className", "classname", "passenger", "compass",
    "max_tokens", "prompt_tokens", "completionTokens", "tokens_used", "keyboard", "monkey", "id", "message",
    "signal", "signature", "design", "sig_handler",
  ])("keeps %s", (key) => {
    expect(isSensitiveKey(key)).toBe(false);
  });
});

describe("scrubString", () => {
  // [what, input, expected]
  const CASES: [string, string, string][] = [
    ["bearer header", "Authorization: Bearer abc123.def-456", `Authorization: ${F}`],
    ["bearer in text", "sent bearer eyZ0aGlzIGlzIGEgdG9rZW4= upstream", `sent bearer ${F} upstream`],
    ["basic in text", "retry with Basic dXNlcjpwYXNzd29yZA==", `retry with Basic ${F}`],
    ["query string", "GET /cb?code=1&password=hunter2&page=2", `GET /cb?code=1&password=${F}&page=2`],
    ["query token + api_key", "https://x.io/v1?token=abc&api_key=ZZZ&apikey=q", `https://x.io/v1?token=${F}&api_key=${F}&apikey=${F}`],
    ["key: value", "login failed, password: hunter2 for bob", `login failed, password: ${F} for bob`],
    ["json", '{"user":"bob","password":"hunter 2","accessToken":"a\\"b"}', `{"user":"bob","password":"${F}","accessToken":"${F}"}`],
    ["json with spaces", '{ "client_secret" : "s3cr3t" }', `{ "client_secret" : "${F}" }`],
    ["escaped json", 'body={\\"password\\":\\"hunter 2\\",\\"n\\":1}', `body={\\"password\\":\\"${F}\\",\\"n\\":1}`],
    ["single quotes", "creds {'password': 'a b c'}", `creds {'password': '${F}'}`],
    ["secret inside a url value", '{"url":"https://a.io/cb?x=1&token=abc","n":2}', `{"url":"https://a.io/cb?x=1&token=${F}","n":2}`],
    ["redirect param", "next=/login?password=p@ss?w=rd&x=1", `next=/login?password=${F}&x=1`],
    ["cookie header", "Cookie: sid=abc; theme=dark\nnext", `Cookie: ${F}\nnext`],
    ["set-cookie header", "Set-Cookie: sid=abc; HttpOnly", `Set-Cookie: ${F}`],
    ["url credentials", "connect postgres://app:s3cr@t@db:5432/app failed", `connect postgres://app:${F}@db:5432/app failed`],
    ["aws key id", "creds AKIAIOSFODNN7EXAMPLE used", `creds ${F} used`],
    ["github token", "token ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked", `token ${F} leaked`],
    ["github fine-grained", "github_pat_11ABCDEFG0123456789_abcdefghijklmnop", F],
    ["slack token", "xoxb-123456789012-abcdefABCDEF rejected", `${F} rejected`],
    ["slack webhook", "POST https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXX", `POST https://${F}`],
    ["stripe key", "Stripe key sk_live_4eC39HqLyjWDarjtT1zdp7dc invalid", `Stripe key ${F} invalid`],
    ["stripe webhook secret", "whsec_abcdef1234567890", F],
    ["llm key", "Incorrect API key provided: sk-proj-abcdefghijklmnopqrstuvwx", `Incorrect API key provided: ${F}`],
    ["jwt", "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_abc-123 expired", `jwt ${F} expired`],
    [
      "pem block",
      "key=\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nIBAAK\n-----END RSA PRIVATE KEY-----\nafter",
      `key=\n${F}\nafter`,
    ],
    ["unterminated pem", "x -----BEGIN PRIVATE KEY-----\nMIIEvQ...", `x ${F}`],
    ["pgp block", "-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQdG\n-----END PGP PRIVATE KEY BLOCK-----", F],
    ["visa spaced", "card 4111 1111 1111 1111 exp 12/30", `card ${F} exp 12/30`],
    ["visa dashed", "card 4111-1111-1111-1111.", `card ${F}.`],
    ["mastercard", "pan=5555555555554444", `pan=${F}`],
    ["amex", "amex 378282246310005", `amex ${F}`],
    ["card inside longer digit run", "Order 1234 4111 1111 1111 1111 done", `Order 1234 ${F} done`],
    ["card after punctuation and before a dash and space", "pan:4111111111111111 - declined", `pan:${F} - declined`],
  ];

  it.each(CASES)("%s", (_what, input, expected) => {
    expect(scrubString(input)).toBe(expected);
  });

  const KEPT: [string, string][] = [
    ["non-Luhn 16-digit id", "order 4111111111111112 not found"],
    ["non-Luhn spaced", "ref 1234 5678 9012 3456"],
    ["ms timestamp (Luhn-valid or not)", "at 1700000000000 and 1700000000001"],
    ["20-digit id", "trace 41111111111111111111"],
    ["short numbers", "line 4111 col 11"],
    ["token as a word", "Invalid token provided; bearer token missing"],
    ["basic as a word", "Basic validation failed"],
    ["author", "author=bob authority=x"],
    ["llm usage", "max_tokens=4096 prompt_tokens: 12"],
    ["plain url", "GET https://example.com/a?page=2&sort=desc"],
    ["stack frame", "    at handler (/app/src/route.ts:120:15)"],
    // UUIDs whose leading digit groups pass for a card number (8-4-4 = 16 digits, Luhn-valid, 2-6 first).
    ["uuid with card-like leading groups", "reconciliation failed for ledger 60771415-7103-4807-8222-4e4239155182: balance mismatch"],
    ["debug id of digits", "image 11111111-2222-3333-4444-555555555555 not found"],
    ["all-digit uuid", "id 60771415-7103-4807-8222-411111111111"],
    ["hex digest", "commit ab4111111111111111cd merged"],
    ["card-like digits glued to a word", "build_4111111111111111 and 4111111111111111rc1"],
  ];

  it.each(KEPT)("keeps %s", (_what, input) => {
    expect(scrubString(input)).toBe(input);
  });

  it("is idempotent", () => {
    for (const [, input] of CASES) {
      const once = scrubString(input);
      expect(scrubString(once)).toBe(once);
    }
  });

  it("handles empty and filter-only strings", () => {
    expect(scrubString("")).toBe("");
    expect(scrubString(F)).toBe(F);
  });

  it("keeps the line numbers of stack frames in files named like a key (session.cpp:42, token.js:12:5), not values after them", () => {
    const frames = [
      "    at verify (/srv/app/src/token.js:12:5)",
      "\t/go/src/app/session.go:42 +0x1d",
      "\tat com.acme.SessionManager.get(SessionManager.java:42)",
      "    #0 0x55d4c8f1e in Session::user() const /src/server/session.cpp:42:10",
      "at Auth.login (webpack:///./src/auth/apiKey.ts:33:7)",
      "/app/lib/credentials.rb:8:in 'load'",
      "   at Acme.Auth.TokenService.Verify() in C:\\src\\Auth\\TokenService.cs:line 42",
      "package:app/auth/token.dart:42:7",
      "  lib/my_app/password.ex:17: MyApp.Password.check/2",
    ];
    for (const frame of frames) expect(scrubString(frame)).toBe(frame);
    // Not a file and a line number: still hidden.
    expect(scrubString("session.id: 12345")).toBe(`session.id: ${F}`);
    expect(scrubString("token.js:abc123")).toBe(`token.js:${F}`);
    expect(scrubString("api.key:99999")).toBe(`api.key:${F}`);
  });
});

describe("release directories and timestamps that pass for card numbers (review s54)", () => {
  // Capistrano's, Envoyer's and Deployer's release names: UTC times. This one passes Luhn.
  const RELEASE = "20261207093000";

  it("keeps a release directory in a trace's paths", () => {
    expect(luhnValid(RELEASE)).toBe(true);
    const node = `TypeError: x is undefined\n    at render (/var/www/releases/${RELEASE}/src/view.js:10:5)\n    at main (/var/www/releases/${RELEASE}/src/main.js:3:1)`;
    expect(scrubString(node)).toBe(node);
    const laravel = `[2026-12-07 10:00:00] production.ERROR: Attempt to read property "email" on null {"exception":"[object] (ErrorException(code: 0): Attempt to read property \\"email\\" on null at /var/www/releases/${RELEASE}/app/Http/Controllers/ProfileController.php:31)\n[stacktrace]\n#0 /var/www/releases/${RELEASE}/vendor/laravel/framework/src/Illuminate/Routing/Controller.php(54): x()`;
    expect(scrubString(laravel)).toBe(laravel);
  });

  it("keeps a digit run that is a valid timestamp anywhere, alone or beside other digit groups", () => {
    // "202612070930 1008" is 16 Luhn-valid digits from a 2: a card, were the timestamp one of its groups.
    expect(luhnValid("2026120709301008")).toBe(true);
    for (const text of [`deployed release ${RELEASE}`, "cd /var/www/releases/20261207090600 && ls", `log ${RELEASE} 4111`, "at 202612070930 1008"]) expect(scrubString(text), text).toBe(text);
    expect(scrubString(`at ${RELEASE} 4111111111111111`)).toBe(`at ${RELEASE} ${F}`);
  });

  it("keeps a whole segment of a path to a file, whatever its digits", () => {
    const text = "    at build (/srv/builds/4111111111111111/src/app.js:3:1)";
    expect(scrubString(text)).toBe(text);
  });

  it("still hides card numbers: in messages, bodies, an API's paths and URLs, and 14 digits that are no timestamp", () => {
    expect(scrubString("card 4111111111111111 declined")).toBe(`card ${F} declined`);
    expect(scrubString("charge 20261312093002 declined")).toBe(`charge ${F} declined`);
    expect(scrubString("diners 36141207093006")).toBe(`diners ${F}`);
    expect(scrubString("POST /v1/cards/4111111111111111/capture failed")).toBe(`POST /v1/cards/${F}/capture failed`);
    expect(scrubString("GET https://shop.example/cards/4111111111111111/receipt.pdf")).toBe(`GET https://shop.example/cards/${F}/receipt.pdf`);
    expect(scrubString('{"pan":"4111 1111 1111 1111","note":"/tmp/4111111111111111"}')).toBe(`{"pan":"${F}","note":"/tmp/${F}"}`);
  });

  it("scrubFrame keeps a frame's file path as sent, and hides card numbers and secrets elsewhere in it", () => {
    const frame = {
      function: "render",
      filename: "/var/www/releases/20261312093002/src/view.js",
      absPath: "/var/www/releases/4111111111111111/src/view.js",
      lineno: 10,
      vars: { pan: "4111111111111111", note: "card 4111111111111111" },
      contextLine: "charge('4111111111111111')",
    };
    expect(scrubFrame(frame)).toEqual({ ...frame, vars: { pan: F, note: `card ${F}` }, contextLine: `charge('${F}')` });
    expect(scrubFrame({ filename: "/srv/app/password=hunter2/x.js" })).toEqual({ filename: `/srv/app/password=${F}` });
    expect(scrubFrame("not a frame")).toBe("not a frame");
  });
});

describe("scrubValue", () => {
  it("filters sensitive keys deep in objects and arrays", () => {
    const input = {
      user: { name: "bob", password: "hunter2", profile: { ssn: 123456789, cvv: "123" } },
      items: [{ token: "t" }, { note: "card 4111 1111 1111 1111" }],
      count: 3,
      ok: true,
      missing: null,
      pan: 4111111111111111,
      orderId: 4111111111111112,
    };
    expect(scrubValue(input)).toEqual({
      user: { name: "bob", password: F, profile: { ssn: F, cvv: F } },
      items: [{ token: F }, { note: `card ${F}` }],
      count: 3,
      ok: true,
      missing: null,
      pan: F,
      orderId: 4111111111111112,
    });
  });

  it("does not mutate its input", () => {
    const input = { password: "x", nested: { token: "y" } };
    scrubValue(input);
    expect(input).toEqual({ password: "x", nested: { token: "y" } });
  });

  it("filters header maps whatever their casing", () => {
    const headers = {
      Authorization: "Bearer abc",
      cookie: "sid=1",
      "Set-Cookie": ["a=1", "b=2"],
      "X-Api-Key": "k",
      "x-csrf-token": "c",
      Accept: "application/json",
      Referer: "https://app.example.com/?token=abc",
    };
    expect(scrubValue({ request: { headers } })).toEqual({
      request: {
        headers: {
          Authorization: F,
          cookie: F,
          "Set-Cookie": F,
          "X-Api-Key": F,
          "x-csrf-token": F,
          Accept: "application/json",
          Referer: `https://app.example.com/?token=${F}`,
        },
      },
    });
  });

  it("filters header lists given as pairs or name/value objects", () => {
    expect(scrubValue([["Authorization", "Bearer x"], ["Accept", "*/*"]])).toEqual([["Authorization", F], ["Accept", "*/*"]]);
    expect(scrubValue(["--password", "hunter2"])).toEqual(["--password", F]);
    expect(scrubValue([{ name: "Cookie", value: "sid=1" }, { name: "Host", value: "a" }])).toEqual([
      { name: "Cookie", value: F },
      { name: "Host", value: "a" },
    ]);
  });

  it("scrubs two strings whose first merely mentions a secret as text, not as a [name, value] pair", () => {
    // A header line and a URL, an argv, log arguments: the secret is in the first string itself.
    expect(scrubValue(["-H 'Authorization: Bearer LEAKME123'", "https://api.example.com"])).toEqual([`-H 'Authorization: ${F}'`, "https://api.example.com"]);
    expect(scrubValue(["password=LEAKPW2", 1])).toEqual([`password=${F}`, 1]);
    expect(scrubValue(["token=BCLEAK9", "retry"])).toEqual([`token=${F}`, "retry"]);
    expect(scrubValue(["--password=NATLEAK1", "--verbose"])).toEqual([`--password=${F}`, "--verbose"]);
    expect(scrubValue({ args: ["Authorization: Bearer abc123.def-456", "x"] })).toEqual({ args: [`Authorization: ${F}`, "x"] });
  });

  it("marks cycles without throwing, but keeps shared references", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    a.list = [a];
    const shared = { v: 1 };
    expect(scrubValue(a)).toEqual({ name: "a", self: "[Circular]", list: ["[Circular]"] });
    expect(scrubValue({ x: shared, y: shared })).toEqual({ x: { v: 1 }, y: { v: 1 } });
  });

  it("bounds depth", () => {
    const root: Record<string, unknown> = {};
    let node = root;
    for (let i = 0; i < 50; i++) {
      const next: Record<string, unknown> = {};
      node.n = next;
      node = next;
    }
    const text = JSON.stringify(scrubValue(root));
    expect(text).toContain("[Truncated]");
    expect(text.split('"n"').length - 1).toBe(16);
    expect(JSON.stringify(scrubValue(root, 2))).toBe('{"n":{"n":"[Truncated]"}}');
  });

  it("bounds size", () => {
    const wide = Array.from({ length: 50_000 }, (_, i) => ({ i }));
    const out = scrubValue(wide) as unknown[];
    expect(out.length).toBeLessThan(wide.length);
    expect(out[out.length - 1]).toBe("[Truncated]");
  });

  it("copes with unusual values", () => {
    const err = new Error("password=hunter2", { cause: { token: "t" } });
    const throwing = Object.defineProperty({}, "boom", {
      enumerable: true,
      get() {
        throw new Error("nope");
      },
    });
    const out = scrubValue({
      when: new Date("2024-01-15T10:30:00Z"),
      big: 10n,
      fn: () => 1,
      map: new Map<unknown, unknown>([["token", "t"], ["a", 1]]),
      set: new Set(["x"]),
      err,
      throwing,
      undef: undefined,
    }) as Record<string, unknown>;
    expect(out.when).toBe("2024-01-15T10:30:00.000Z");
    expect(out.big).toBe("10");
    expect(out.fn).toBe("[Function]");
    expect(out.map).toEqual({ token: F, a: 1 });
    expect(out.set).toEqual(["x"]);
    expect(out.err).toMatchObject({ name: "Error", message: `password=${F}`, cause: { token: F } });
    expect(out.throwing).toEqual({ boom: "[Unreadable]" });
    expect(out.undef).toBeUndefined();
    expect(scrubValue("token=abc")).toBe(`token=${F}`);
    expect(scrubValue(42)).toBe(42);
    expect(scrubValue(null)).toBeNull();
  });

  it("treats a __proto__ key as data", () => {
    const input = JSON.parse('{"__proto__":{"password":"x"},"a":1}') as unknown;
    const out = scrubValue(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value).toEqual({ password: F });
  });
});

describe("key => value (Ruby, PHP, Perl)", () => {
  it.each([
    ["Ruby Hash#inspect", `Validation failed for {"email"=>"bob@x.com", "password"=>"RubyPass1", "api_key"=>"RubyKey2"}`, `Validation failed for {"email"=>"bob@x.com", "password"=>"${F}", "api_key"=>"${F}"}`],
    ["Ruby 3.4 inspect", `{"email" => "bob@x.com", "password" => "RubyPass1"}`, `{"email" => "bob@x.com", "password" => "${F}"}`],
    ["Ruby symbol keys", `{:user=>"bob", :password=>"PYPASS7", :token=>nil, :id=>1}`, `{:user=>"bob", :password=>"${F}", :token=>${F}, :id=>1}`],
    ["Ruby 3.4 symbol keys", `{user: "bob", password: "PYPASS8"}`, `{user: "bob", password: "${F}"}`],
    ["PHP var_export", `array ( 'user' => 'bob', 'password' => 'PhpPass3', )`, `array ( 'user' => 'bob', 'password' => '${F}', )`],
    ["PHP short array", `['password' => 'PYPASS9', 'id' => 4]`, `['password' => '${F}', 'id' => 4]`],
    ["PHP print_r", `Array\n(\n    [user] => bob\n    [password] => PhpPass4\n    [id] => 7\n)`, `Array\n(\n    [user] => bob\n    [password] => ${F}\n    [id] => 7\n)`],
    ["PHP query array", `user[password]=PhpPass5&user[name]=bob`, `user[password]=${F}&user[name]=bob`],
    ["Perl Data::Dumper", `$VAR1 = { 'password' => 'PerlPass6', 'user' => 'bob' };`, `$VAR1 = { 'password' => '${F}', 'user' => 'bob' };`],
    ["Perl bareword", `{ password => "PerlPass7", user => "bob" }`, `{ password => "${F}", user => "bob" }`],
  ])("%s", (_what, input, expected) => {
    expect(scrubString(input)).toBe(expected);
    expect(scrubString(expected)).toBe(expected);
  });
});

describe("secrets without a plain key=value", () => {
  it.each([
    ["curl -u", "curl -u admin:CurlPass1 https://api.example.com", `curl -u admin:${F} https://api.example.com`],
    ["curl --user=", "curl --user=admin:CurlPass2 -X POST", `curl --user=admin:${F} -X POST`],
    ["curl quoted", "curl -s -u 'deploy:Curl Pass' https://x", `curl -s -u 'deploy:${F} Pass' https://x`],
    ["curl proxy user", "curl -U proxy:ProxyPass3 https://x", `curl -U proxy:${F} https://x`],
    ["docker uid:gid kept", "docker run -u 1000:1000 app", "docker run -u 1000:1000 app"],
    ["url-encoded query in a value", "GET /login?next=%2Faccount%3Fpassword%3DEncPass4%26tab%3D2", `GET /login?next=%2Faccount%3Fpassword%3D${F}%26tab%3D2`],
    ["url-encoded pair at a run start", "q=token%3DEncTok5", `q=token%3D${F}`],
    ["url-encoded harmless pair", "next=%2Fa%3Fpage%3D2%26sort%3Dname", "next=%2Fa%3Fpage%3D2%26sort%3Dname"],
    ["sig= query value", "https://acct.blob.core.windows.net/c/f?sv=2022-11-02&sig=AbC%2Bd3F&se=2026", `https://acct.blob.core.windows.net/c/f?sv=2022-11-02&sig=${F}&se=2026`],
    ["X-Amz-Signature", "https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIA&X-Amz-Signature=9f8e7d6c5b4a", `https://b.s3.amazonaws.com/k?X-Amz-Credential=${F}&X-Amz-Signature=${F}`],
    ["passphrase", "ssh-keygen passphrase=hunter22", `ssh-keygen passphrase=${F}`],
    ["full-width colon", "password：FullWidth1 for bob", `password：${F} for bob`],
    ["AWS CLI prompt", "AWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", `AWS Secret Access Key [None]: ${F}`],
    ["AWS env, space-separated", "export AWS_SECRET_ACCESS_KEY wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY done", `export AWS_SECRET_ACCESS_KEY ${F} done`],
    ["40 base64 characters alone kept", "digest wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "digest wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
  ])("%s", (_what, input, expected) => {
    expect(scrubString(input)).toBe(expected);
    expect(scrubString(expected)).toBe(expected);
  });
});

describe("linear time on 1 MB inputs", () => {
  const MB = 1 << 20;
  const inputs: [string, string][] = [
    ["prose with secrets", "The fox password=abc 4111 1111 1111 1111 jumps over. ".repeat(MB / 53)],
    ["one digit run", "7".repeat(MB)],
    ["spaced digits", "4 ".repeat(MB / 2)],
    ["digit groups", "4111 ".repeat(MB / 5)],
    ["jwt-like prefixes", "eyJ-".repeat(MB / 4)],
    ["jwt-like segments", "eyJa.".repeat(MB / 5)],
    ["key separators", "a=".repeat(MB / 2)],
    ["unterminated quotes", 'password="'.repeat(MB / 10)],
    ["escaped quotes", 'a=\\"'.repeat(MB / 4)],
    ["bearer words", "Bearer ".repeat(MB / 7)],
    ["pem headers", "-----BEGIN RSA PRIVATE KEY-----".repeat(MB / 31)],
    ["pem words", `-----BEGIN ${"A ".repeat(MB / 2)}`],
    ["url schemes", "postgres://".repeat(MB / 11)],
    ["long userinfo", `x://${"u".repeat(300)}:${"p".repeat(MB)}`],
    ["word run", "a".repeat(MB)],
    ["slack prefixes", "xoxb-".repeat(MB / 5)],
    ["json keys", '{"k":"'.repeat(MB / 6)],
    ["mixed quote kinds", `k='k=\\"k="`.repeat(MB / 12)],
    ["nested non-sensitive values", "u=https://x/?a=b&".repeat(MB / 17)],
    ["backslashes", "\\".repeat(MB)],
    ["fat arrows", "password=>".repeat(MB / 10)],
    ["brackets before arrows", "[token] => [".repeat(MB / 12)],
    ["curl users", `curl ${"-u a:".repeat(MB / 5)}`],
    ["encoded pairs", "%3Fa%3D%3F".repeat(MB / 10)],
    ["encoded values", `token%3D${"%41".repeat(MB / 3)}`],
    ["aws secret names", "aws_secret_access_key [".repeat(MB / 23)],
    ["option dashes", "--password-".repeat(MB / 11)],
    ["option dashes with separators", "a--token--=".repeat(MB / 11)],
    ["card-like path segments", "/4111111111111111".repeat(MB / 17)],
    ["card-like segments of one long path", `${"/4111111111111111/".repeat(60)}${"a".repeat(900)} `.repeat(MB / 2000)],
    ["file names after card-like segments", "/4111111111111111/a.js:".repeat(MB / 23)],
    ["url schemes before a segment", `${"://".repeat(MB / 3)}/4111111111111111/a.js`],
    ["timestamp groups", "20261207093000 ".repeat(MB / 15)],
  ];

  // A guard against catastrophic backtracking, not a speed target: a quadratic pass over 1 MB takes
  // minutes, these linear ones well under a second even on a loaded 2-core machine (15 s: 10x headroom).
  it.each(inputs)("%s", (_what, input) => {
    const start = performance.now();
    scrubString(input);
    expect(performance.now() - start).toBeLessThan(15_000);
  });

  it("scrubs a secret at the end of a large input", () => {
    const out = scrubString(`${"lorem ipsum ".repeat(MB / 12)} password=hunter2`);
    expect(out.endsWith(`password=${F}`)).toBe(true);
  });
});

// scrubString skips a pattern's pass when a cheap screen says the text cannot match it: every
// family each screen stands for must still be caught, in the middle of ordinary text.
describe("scrubString screens", () => {
  const secrets = [
    "AKIAABCDEFGHIJKLMNOP",
    "ASIAABCDEFGHIJKLMNOP",
    "AGPAABCDEFGHIJKLMNOP",
    "AIDAABCDEFGHIJKLMNOP",
    "AROAABCDEFGHIJKLMNOP",
    "ANPAABCDEFGHIJKLMNOP",
    "ANVAABCDEFGHIJKLMNOP",
    "AIPAABCDEFGHIJKLMNOP",
    `AIza${"x".repeat(35)}`,
    `ghp_${"a1".repeat(12)}`,
    `gho_${"a1".repeat(12)}`,
    `github_pat_${"a1".repeat(12)}`,
    "xoxb-1234567890-abcdef",
    "xoxp-1234567890-abcdef",
    "sk_live_abcdefgh1234",
    "sk_test_abcdefgh1234",
    "rk_live_abcdefgh1234",
    "rk_test_abcdefgh1234",
    "whsec_abcdefgh1234",
    `sk-${"a".repeat(24)}`,
    `sk-proj-${"a".repeat(24)}`,
    `sk-ant-${"a".repeat(24)}`,
    "eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl",
  ];
  it.each(secrets)("hides %s", (secret) => {
    const out = scrubString(`request failed (${secret}) after 3 tries`);
    expect(out).not.toContain(secret);
    expect(out).toContain(F);
    expect(out.startsWith("request failed (")).toBe(true);
  });

  it.each([
    ["Authorization: BEARER abcDEF123456", "abcDEF123456"],
    ["header bearer abcDEF123456 sent", "abcDEF123456"],
    ["header BASIC dXNlcjpwYXNzd29yZA== sent", "dXNlcjpwYXNzd29yZA=="],
    ["see https://hooks.slack.com/services/T000/B000/XXXXXXXX now", "T000/B000/XXXXXXXX"],
    ["db postgres://app:s3cret@db:5432/x down", "s3cret"],
    ["card 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 declined", "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1"],
    ["card 4111-1111-1111-1111 declined", "4111-1111-1111-1111"],
    ["card 4111111111111111 declined", "4111111111111111"],
    ["Set-Cookie: sid=abc; Path=/", "sid=abc"],
    ["config SECRET=hunter2 loaded", "hunter2"],
  ])("hides the secret in %s", (text, secret) => {
    expect(scrubString(text)).not.toContain(secret);
  });

  it("leaves text that no screen matches as it was", () => {
    for (const text of ["GET /api/items/3", "v20.20.2", "node", "TypeError in handler 7 for request 123456789012", "a 1 2 3 4 5 6 7 8 9 0 1 2"]) {
      expect(scrubString(text)).toBe(text);
    }
  });
});

describe("auth schemes after a sensitive key", () => {
  it.each(["BEARER", "Bearer", "bearer", "BASIC", "Basic", "DIGEST", "Digest", "TOKEN", "Token", "token"])("hides the credential after %s (the scheme goes with it)", (scheme) => {
    expect(scrubString(`Authorization: ${scheme} abcDEF123456`)).toBe(`Authorization: ${F}`);
  });
});

describe("scrubValue keys", () => {
  it("scrubs secrets in object keys like values, and leaves ordinary keys", () => {
    expect(scrubValue({ "sk_live_ABCDEFGHijklmnop1234": 1, "4111 1111 1111 1111": 2, "note token=abcdef123": 3, plain: 4 })).toEqual({ [F]: 2, "note token=[Filtered]": F, plain: 4 });
  });
});
