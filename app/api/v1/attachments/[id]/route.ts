import { AttachmentQuerySchema, attachmentResponse, readAttachment } from "@/lib/attachments/readAttachment";
import { authenticate } from "@/lib/auth/authenticate";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/attachments/:id — a file sent with an event (a download; `?inline=1` shows an image). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const query = parseSearchParams(AttachmentQuerySchema, req);
  const auth = await authenticate(req);
  return attachmentResponse(await readAttachment(auth, id), query);
});
