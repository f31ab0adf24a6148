import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ANALYTICS_STATISTICS, type ExportScope } from './analytics-statistics.js';
import { csvLine } from './csv/csv-writer.js';
import { tabulate, type FlatTable } from './csv/tabulate.js';
import { ExportsErrorCode, ExportsException } from './exports.exception.js';

/** `stage-reach` (every table of it, one after another) or `stage-reach.tiers` (one table). */
export interface AnalyticsTableName {
  readonly statistic: string;
  readonly table: string | null;
}

/** Parses `<statistic>[.<table>].csv`. @throws ExportsException UNKNOWN_TABLE */
export function analyticsTableName(name: string): AnalyticsTableName {
  const match = /^([a-z-]+)((?:\.[A-Za-z]+)*)\.csv$/.exec(name);
  if (!match || !ANALYTICS_STATISTICS[match[1]!]) {
    throw new ExportsException(ExportsErrorCode.UNKNOWN_TABLE, `"${name}" is not an analytics export: ask for one of ${Object.keys(ANALYTICS_STATISTICS).map((s) => `${s}.csv`).join(', ')}`);
  }
  return { statistic: match[1]!, table: match[2] ? match[2].slice(1) : null };
}

/**
 * Every analytics statistic as CSV, whatever its shape (csv/tabulate.ts): one table in
 * wide form, or all of a statistic's tables in one file, each under a line naming it.
 * Suppression is the API's: by role, and for every role when marked for publication.
 * Answers are small (they are what a dashboard page shows), so the file is built whole:
 * a refusal is still an error response, not a cut-off download.
 */
@Injectable()
export class AnalyticsExportService {
  constructor(private readonly modules: ModuleRef) {}

  async render(name: AnalyticsTableName, scope: ExportScope): Promise<string> {
    const tables = tabulate(await ANALYTICS_STATISTICS[name.statistic]!(this.modules, scope));
    if (name.table === null) return `\uFEFF${tables.map((t) => `${csvLine([`# ${name.statistic}.${t.name}`])}${tableText(t)}`).join('\r\n')}`;
    const table = tables.find((t) => t.name === name.table);
    if (!table) throw new ExportsException(ExportsErrorCode.UNKNOWN_TABLE, `${name.statistic} has no table "${name.table}": it has ${tables.map((t) => t.name).join(', ')}`);
    return `\uFEFF${tableText(table)}`;
  }
}

function tableText(table: FlatTable): string {
  return csvLine(table.columns) + table.rows.map((row) => csvLine(table.columns.map((c) => row[c]))).join('');
}
