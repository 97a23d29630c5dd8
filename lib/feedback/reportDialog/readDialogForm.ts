import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import { readBody } from "@/lib/http/readBody";
import { fieldsOf } from "@/lib/http/parseWith";

const MAX_FORM_BYTES = 64 * 1024;

/** The report dialog's form fields from a URL-encoded body (what the dialog sends) or a JSON one; bounded (413). */
export async function readDialogForm(req: Request): Promise<unknown> {
  const body = await readBody(req, { maxWireBytes: MAX_FORM_BYTES, maxDecodedBytes: MAX_FORM_BYTES });
  if (/json/i.test(req.headers.get("content-type") ?? "")) return parseJsonBytes(body);
  return fieldsOf(new URLSearchParams(body.toString("utf8")));
}
