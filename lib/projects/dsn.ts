/** A Sentry DSN for a project: `<scheme>://<ingest key>@<host>/<numeric project id>`. */
export function projectDsn(origin: string, key: string, publicId: number): string {
  const url = new URL(origin);
  return `${url.protocol}//${key}@${url.host}/${publicId}`;
}
