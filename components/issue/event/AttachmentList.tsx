import { Section } from "@/components/ui/Section";
import { INLINE_IMAGE_TYPES, type AttachmentSummary } from "@/lib/attachments/attachmentSummary";
import { formatBytes } from "@/lib/client/format";

/** Files sent with an event or a piece of feedback: images as thumbnails that open full size, every file as a download. */
export function AttachmentList({ attachments }: { attachments: AttachmentSummary[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-3" data-testid="attachments">
      {attachments.map((a) => {
        const url = `/api/v1/attachments/${a.id}`;
        return (
          <li key={a.id} className="max-w-[14rem] text-xs">
            {INLINE_IMAGE_TYPES.has(a.contentType) && (
              <a href={`${url}?inline=1`} target="_blank" rel="noreferrer" className="mb-1 block">
                {/* eslint-disable-next-line @next/next/no-img-element -- an authenticated API file, not a static asset */}
                <img src={`${url}?inline=1`} alt={a.filename} loading="lazy" className="max-h-32 rounded ring-1 ring-gray-200 dark:ring-gray-700" />
              </a>
            )}
            <a href={url} download={a.filename} className="break-all font-mono text-blue-700 hover:underline dark:text-blue-400">
              {a.filename}
            </a>{" "}
            <span className="text-gray-500 dark:text-gray-400">{formatBytes(a.size)}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The event viewer's section of its attachments. */
export function AttachmentsSection({ attachments }: { attachments: AttachmentSummary[] }) {
  if (attachments.length === 0) return null;
  return (
    <Section id="attachments-title" title={`Attachments (${attachments.length})`}>
      <AttachmentList attachments={attachments} />
    </Section>
  );
}
