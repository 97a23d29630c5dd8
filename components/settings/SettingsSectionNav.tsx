/** The project settings page's sections (their headings' ids), in page order; some are for admins only. */
const SECTIONS: { id: string; label: string; adminOnly?: boolean }[] = [
  { id: "ingest-title", label: "Sending errors" },
  { id: "keys-title", label: "Ingest keys" },
  { id: "project-details-title", label: "Details", adminOnly: true },
  { id: "code-mappings-title", label: "Code mappings", adminOnly: true },
  { id: "forwarding-title", label: "Forwarding" },
  { id: "inbound-filters-title", label: "Inbound filters" },
  { id: "grouping-rules-title", label: "Grouping rules" },
  { id: "source-maps-title", label: "Source maps" },
  { id: "proguard-title", label: "ProGuard" },
  { id: "native-symbols-title", label: "Native symbols" },
  { id: "danger-title", label: "Danger zone", adminOnly: true },
];

/** "On this page": a long settings page's sections as links, so nobody scrolls thousands of pixels to find one. */
export function SettingsSectionNav({ isAdmin }: { isAdmin: boolean }) {
  const shown = SECTIONS.filter((s) => isAdmin || !s.adminOnly);
  return (
    <nav aria-label="On this page" className="flex flex-wrap gap-x-1 gap-y-1 text-sm" data-testid="settings-sections">
      {shown.map((s) => (
        <a key={s.id} href={`#${s.id}`} className="rounded-md px-2 py-1 text-gray-600 hover:bg-gray-100 hover:text-gray-900 dark:text-gray-300 dark:hover:bg-gray-800 dark:hover:text-gray-100">
          {s.label}
        </a>
      ))}
    </nav>
  );
}
