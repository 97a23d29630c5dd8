/** A refused request's reason as the server gave it: its message and each field's issue ("422 invalid body; commits[0].sha: a commit hash"), else the status text. */
export async function serverReason(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string; issues?: { path: string; message: string }[] } } | null;
  return [body?.error?.message, ...(body?.error?.issues ?? []).map((i) => `${i.path}: ${i.message}`)].filter(Boolean).join("; ") || res.statusText;
}
