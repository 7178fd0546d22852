/** "7, 2" → [7, 2]; undefined when it is not a list of whole days 1–90 (empty: none). */
export function parseDays(text: string): number[] | undefined {
  const parts = text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const days = parts.map(Number);
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 90)) return undefined;
  if (new Set(days).size !== days.length || days.length > 5) return undefined;
  return days.sort((a, b) => b - a);
}
