import { redirect } from "next/navigation";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";

/** `/errors` (the parent of every issue page's address) is the dashboard's issue list. */
export default async function ErrorsIndex({ searchParams }: { searchParams: Promise<SearchParams> }) {
  redirect(pathWithSearch("/", await searchParams));
}
