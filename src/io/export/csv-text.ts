/** One CSV cell: quoted when it holds a delimiter, a quote or a line break; a leading =+-@ is defused for Excel. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value)
  // A cell starting with = + - @ runs as a formula in Excel (CSV injection); negative numbers are left alone.
  if (/^[=+\-@]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A CSV document with a UTF-8 BOM (so Excel opens Chinese text correctly) and CRLF line ends. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
