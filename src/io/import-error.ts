/** Where in an input file a problem is: the file, and when known the line (1 = the header) and the field. */
export interface ImportLocation {
  file: string
  row?: number
  field?: string
}

/** A problem with an input file, worded so a user can find and fix it: "sites.csv: row 7, field 经度: …". */
export class ImportError extends Error {
  constructor(readonly location: ImportLocation, readonly reason: string) {
    super(`${describeLocation(location)}: ${reason}`)
    this.name = 'ImportError'
  }
}

function describeLocation({ file, row, field }: ImportLocation): string {
  const parts = [row !== undefined ? `row ${row}` : null, field !== undefined ? `field ${field}` : null].filter(Boolean)
  return parts.length > 0 ? `${file}: ${parts.join(', ')}` : file
}
