import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import { readBody } from "@/lib/http/readBody";
import { replaceUnstorableText } from "@/lib/text/replaceUnstorable";

const MAX_FORM_BYTES = 64 * 1024;

/** The report dialog's form fields from a URL-encoded body (what the dialog sends) or a JSON one; bounded (413). */
export async function readDialogForm(req: Request): Promise<unknown> {
  const body = await readBody(req, { maxWireBytes: MAX_FORM_BYTES, maxDecodedBytes: MAX_FORM_BYTES });
  if (/json/i.test(req.headers.get("content-type") ?? "")) return parseJsonBytes(body);
  const fields = new URLSearchParams(body.toString("utf8"));
  return Object.fromEntries([...fields.entries()].map(([key, value]) => [replaceUnstorableText(key), replaceUnstorableText(value)]));
}
