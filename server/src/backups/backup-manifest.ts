/**
 * What a backup says about itself, written as the second line of the file (inside the
 * compressed stream, so the checksum covers it): the tables with their columns and row
 * counts, the sequences' positions, the migrations the schema was at and the head of
 * every audit chain — all read in the one snapshot the rows were copied from.
 */
export const BACKUP_FORMAT = 'escalation-insights-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupTable {
  readonly name: string;
  /** Copied columns, in order (generated columns are recomputed, never copied). */
  readonly columns: readonly string[];
  readonly rows: number;
}

export interface BackupSequence {
  readonly name: string;
  /** bigint as text */
  readonly lastValue: string;
  readonly isCalled: boolean;
}

/** The last event of one partnership's audit chain (partnershipId null: events outside any partnership). */
export interface AuditChainHead {
  readonly partnershipId: string | null;
  readonly events: number;
  readonly lastId: string;
  readonly lastHash: string;
}

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  /** ISO instant the snapshot was taken. */
  readonly createdAt: string;
  readonly database: string;
  readonly serverVersion: string;
  /** Names of the applied migrations, in the order they ran. */
  readonly migrations: readonly string[];
  readonly tables: readonly BackupTable[];
  readonly sequences: readonly BackupSequence[];
  readonly auditChains: readonly AuditChainHead[];
}

export const TITLE_LINE = '-- Escalation Insights backup. Restore it with: npm run restore -- FILE';
export const MANIFEST_PREFIX = '-- manifest ';
/** Ends the rows of one table, as in PostgreSQL's own text dumps. */
export const END_OF_ROWS = '\\.';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** An identifier already checked against IDENTIFIER, quoted so that keywords (`timestamp`, `before`) stay names. */
export function quoted(name: string): string {
  return `"${name}"`;
}

/** `COPY public."<table>" ("<column>", …) FROM stdin;` — the line that starts a table's rows, and the statement that loads them. */
export function copyLine(table: Pick<BackupTable, 'name' | 'columns'>): string {
  return `COPY public.${quoted(table.name)} (${table.columns.map(quoted).join(', ')}) FROM stdin;`;
}

/** Reads the manifest line; throws a plain sentence when it is not one this version understands. */
export function parseManifestLine(line: string | undefined): BackupManifest {
  if (line === undefined || !line.startsWith(MANIFEST_PREFIX)) throw new Error('it does not start with a backup manifest');
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(line.slice(MANIFEST_PREFIX.length)) as BackupManifest;
  } catch {
    throw new Error('its manifest is not valid JSON');
  }
  if (manifest.format !== BACKUP_FORMAT) throw new Error('it is not an Escalation Insights backup');
  if (manifest.version !== BACKUP_FORMAT_VERSION) {
    throw new Error(`it is in backup format ${String(manifest.version)}; this version reads format ${BACKUP_FORMAT_VERSION}`);
  }
  const names = [...manifest.tables.map((t) => t.name), ...manifest.tables.flatMap((t) => t.columns), ...manifest.sequences.map((s) => s.name)];
  const odd = names.find((name) => !IDENTIFIER.test(name));
  if (odd !== undefined) throw new Error(`its manifest names an unexpected table, column or sequence "${odd}"`);
  return manifest;
}

/** `escalation-insights-2025-11-27T10-15-00Z.backup`: sorts by time, safe on every file system. */
export function backupFileName(at: Date): string {
  return `escalation-insights-${at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')}.backup`;
}
