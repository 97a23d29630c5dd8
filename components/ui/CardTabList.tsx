import { Tab, TabList } from "@headlessui/react";

/** The underlined tab row under a card's heading (Headless UI tabs: put it inside a TabGroup). */
export function CardTabList({ labels }: { labels: string[] }) {
  return (
    <TabList className="flex gap-1 overflow-x-auto border-b border-gray-200 px-4 sm:px-6 dark:border-gray-800">
      {labels.map((label) => (
        <Tab
          key={label}
          className="-mb-px whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-gray-500 focus:outline-none data-[focus]:ring-2 data-[focus]:ring-blue-500 data-[selected]:border-blue-600 data-[selected]:text-blue-700 dark:text-gray-400 dark:data-[selected]:text-blue-400"
        >
          {label}
        </Tab>
      ))}
    </TabList>
  );
}
