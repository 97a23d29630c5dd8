import { NotFoundPage } from "@/components/ui/NotFoundPage";

/** An issue id nobody signed in here can see (answered with status 404, in the app's 404 page). */
export default function IssueNotFound() {
  return (
    <NotFoundPage title="Issue not found" href="/errors" linkLabel="Back to the issues">
      It was deleted, its events passed the retention period, or it belongs to a workspace you are not a member of.
    </NotFoundPage>
  );
}
