/**
 * CSV for spreadsheet programs (RFC 4180 quoting, CRLF line ends). A text cell that starts with = + - @ (or a tab
 * or carriage return) would be run as a formula by Excel, so it gets a leading apostrophe (OWASP "CSV
 * injection"): names typed by the public reach these files. Numbers are written as they are, so -1.5 stays a
 * number.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | boolean | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Without this byte-order mark, Excel on a Chinese Windows opens UTF-8 as GBK and the Chinese turns to noise. */
export const utf8Bom = '\uFEFF';
