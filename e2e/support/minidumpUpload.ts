/** The multipart body Crashpad uploads: annotations as fields, the dump as `upload_file_minidump`. */
export function minidumpUpload(fields: Record<string, string>, dump: Buffer | null, boundary = "----crashpad-boundary-7f3a"): { body: Buffer; contentType: string } {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (dump) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="upload_file_minidump"; filename="crash.dmp"\r\nContent-Type: application/octet-stream\r\n\r\n`), dump, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
