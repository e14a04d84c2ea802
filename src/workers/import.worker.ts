import { expose } from 'comlink'
import { createImportSession } from './import-session'

// Parsing, validation and region lookup of 100,000 rows run here, off the main thread, so the dialog stays responsive.
expose(createImportSession())
