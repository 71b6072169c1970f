/** Running-text helpers shared by the course and the notices. */

/** Items as prose: "A", "A and B", "A, B and C" (no serial comma, as the site writes). */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
