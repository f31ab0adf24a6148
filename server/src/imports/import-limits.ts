/** Bounds on what one import may hold, so that one file cannot exhaust the server. */
export const IMPORT_LIMITS = {
  /** Upload size: a 100,000-row log is about 30 MB as CSV, less as .xlsx. */
  maxFileBytes: 250 * 1024 * 1024,
  /** One cell; the longest text field (summary) keeps 10,000 characters. */
  maxCellChars: 100_000,
  /** One CSV record, all its cells together. */
  maxRowChars: 1_000_000,
  maxColumns: 500,
  /** An .xlsx's shared strings, uncompressed: they are held in memory while the sheet streams. */
  maxSharedStringsBytes: 512 * 1024 * 1024,
  /** Problems stored per run; the counts still cover every row. */
  maxProblems: 100_000,
  /** Rows checked against the database and written per statement. */
  batchRows: 2_000,
  /** First rows kept to show beside the mapping. */
  sampleRows: 5,
} as const;
