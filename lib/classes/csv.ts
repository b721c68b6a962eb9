import { downloadResponse } from '@/lib/api-response';

/** CSV as spreadsheets and LMS importers read it: RFC 4180 quoting, CRLF, and no formula injection. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A cell starting with = + - @ would run as a formula in Excel or Sheets.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A download of `csv`, led by a UTF-8 byte-order mark so that Excel reads "Tomás" as written. */
export function csvResponse(csv: string, filename: string): Response {
  return downloadResponse(`\uFEFF${csv}`, filename, 'text/csv; charset=utf-8');
}
