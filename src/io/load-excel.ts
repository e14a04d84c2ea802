import type * as ExcelJSModule from 'exceljs'

/** Loads exceljs on first use: it is large and only an XLSX export needs it (import reads with xlsx-sheet-reader). */
export async function loadExcel(): Promise<typeof ExcelJSModule> {
  const module = await import('exceljs')
  // The CommonJS build arrives as the default export under Vite and Node ESM.
  return (module as unknown as { default?: typeof ExcelJSModule }).default ?? module
}
