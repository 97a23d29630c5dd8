/**
 * The multipart body Crashpad uploads: annotations as fields, the dump as `upload_file_minidump`,
 * and any other files (an attached log, sentry-native's `__sentry-breadcrumb1`…) as file parts.
 */
export function minidumpUpload(
  fields: Record<string, string>,
  dump: Buffer | null,
  boundary = "----crashpad-boundary-7f3a",
  files: { name: string; filename: string; body: Buffer }[] = [],
): { body: Buffer; contentType: string } {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (dump) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="upload_file_minidump"; filename="crash.dmp"\r\nContent-Type: application/octet-stream\r\n\r\n`), dump, Buffer.from("\r\n"));
  }
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.body, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
