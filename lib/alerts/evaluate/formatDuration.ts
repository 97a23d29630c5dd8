/** "5 min", "1 h", "90 s", "2 d": compact durations for alert titles and messages. */
export function formatDuration(seconds: number): string {
  if (seconds <= 0) return "immediately";
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
