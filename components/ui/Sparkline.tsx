/** A tiny bar chart of counts (oldest first) as inline SVG: cheap enough for every list row. */
export function Sparkline({ values, label, className = "h-6 w-24" }: { values: number[]; label: string; className?: string }) {
  const max = Math.max(1, ...values);
  const width = Math.max(1, values.length);
  return (
    <svg viewBox={`0 0 ${width} 20`} preserveAspectRatio="none" role="img" aria-label={label} className={`text-blue-500 dark:text-blue-400 ${className}`} data-testid="sparkline">
      {values.map((v, i) => {
        const h = v === 0 ? 0.6 : Math.max(1.5, (v / max) * 20);
        return <rect key={i} x={i + 0.1} y={20 - h} width={0.8} height={h} className={v === 0 ? "fill-gray-200 dark:fill-gray-700" : "fill-current"} />;
      })}
    </svg>
  );
}
