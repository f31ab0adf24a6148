import { IMPORT_FIELDS, type ImportMapping } from './import-fields.js';
import type { ImportContext } from './import-row.js';
import { clockTimeMs } from './parse-date.js';

/**
 * What is wrong with a mapping before any row is read: required fields without a
 * column, headers not in the file, a field or stage mapped twice, unknown stages or
 * value targets, an unreadable date-only time, no urgency or raised-via at all.
 */
export function checkMapping(headers: readonly string[], mapping: ImportMapping, context: Pick<ImportContext, 'stages' | 'agencies' | 'categories'>): string[] {
  const problems: string[] = [];
  const fields = new Set<string>();
  const stageCodes = new Set(context.stages.map((s) => s.code));
  for (const column of mapping.columns) {
    if (!headers.includes(column.header)) problems.push(`Column "${column.header}" is not in the file.`);
    if (!(IMPORT_FIELDS as readonly string[]).includes(column.field)) problems.push(`"${column.field}" is not a field.`);
    const id = column.field === 'stage_entered' ? `stage:${column.stageCode ?? ''}` : column.field;
    if (column.field === 'stage_entered' && (!column.stageCode || !stageCodes.has(column.stageCode))) {
      problems.push(`Column "${column.header}" dates stage "${column.stageCode ?? ''}", which is not a stage of the protocol.`);
    }
    if (fields.has(id)) problems.push(column.field === 'stage_entered' ? `Stage "${column.stageCode}" is dated by two columns.` : `Two columns are mapped to ${column.field}.`);
    fields.add(id);
  }
  for (const required of ['reference', 'raised_at', 'raising_agency', 'receiving_agency', 'category']) {
    if (!fields.has(required)) problems.push(`No column is mapped to ${required}.`);
  }
  if (!fields.has('urgency') && !mapping.defaultUrgency) problems.push('No column is mapped to urgency: choose a default urgency.');
  if (!fields.has('raised_via') && !mapping.defaultRaisedVia) problems.push('No column is mapped to raised_via: choose a default for how escalations were raised.');
  if (clockTimeMs(mapping.dateOnlyTime) === null) problems.push(`"${mapping.dateOnlyTime}" is not a clock time (HH:MM) for dates written without one.`);
  const agencyIds = new Set(context.agencies.map((a) => a.id));
  const categoryCodes = new Set(context.categories.map((c) => c.code));
  for (const value of mapping.values) {
    const known =
      value.kind === 'agency' ? agencyIds.has(value.to)
      : value.kind === 'category' ? categoryCodes.has(value.to)
      : value.kind === 'stage' ? stageCodes.has(value.to)
      : true;
    if (!known) problems.push(`"${value.from}" is mapped to ${value.kind} "${value.to}", which does not exist.`);
  }
  return problems;
}
