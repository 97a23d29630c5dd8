/** The longest slug a name gives (a suffix that makes it unique comes on top). */
export const MAX_SLUG_BASE = 40;

/**
 * A name as a slug: lower case, accents dropped (Crème → creme), every other run of characters
 * than a-z 0-9 one `-`, at most MAX_SLUG_BASE characters. A name with nothing left (`支付服务`,
 * `Заказы`, `!!!`) gives `fallback`.
 */
export function slugify(name: string, fallback: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, MAX_SLUG_BASE)
      .replace(/-+$/, "") || fallback
  );
}
