/** Tests create and delete data: refuse to run against anything but a local database. */
export function assertLocalDatabase(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run tests through `npm test`");
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`refusing to run tests against ${host}`);
  return url;
}
