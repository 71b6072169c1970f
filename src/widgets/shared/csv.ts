/**
 * Tables of numbers as CSV text (RFC 4180): what a figure's "CSV" button downloads. Pure, so
 * each widget's `…Csv(state)` is unit-tested without a browser.
 */

/** A header row and rows of cells. */
export interface CsvTable {
  /** Column names. */
  readonly header: readonly string[];
  /** One entry per row, as many cells as the header. */
  readonly rows: readonly (readonly (number | string)[])[];
}

/** One cell: numbers in full precision (shortest round-trip form), text quoted when it must be. */
function cell(value: number | string): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The table as CSV text with CRLF line ends and a final line end. */
export function toCsv(table: CsvTable): string {
  return [table.header, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
