import type { ImportMapping } from '@escalation-insights/shared';
import type { ImportSessionRecord } from './import-sessions.repository.js';
import type { SuggestedMapping } from './imports.service.js';
import type { ImportMappingModel } from './models/import-mapping.model.js';
import type { ImportSession } from './models/import-session.model.js';

export function toImportMapping(mapping: ImportMapping | SuggestedMapping): ImportMappingModel {
  return {
    columns: mapping.columns.map((c) => ({ header: c.header, field: c.field, stageCode: c.stageCode ?? null })),
    dateOrder: mapping.dateOrder,
    excelSerialDates: mapping.excelSerialDates,
    dateOnlyTime: mapping.dateOnlyTime,
    defaultUrgency: mapping.defaultUrgency,
    defaultRaisedVia: mapping.defaultRaisedVia,
    values: mapping.values.map((v) => ({ kind: v.kind, from: v.from, to: v.to })),
  };
}

export function toImportSession(record: ImportSessionRecord, running: boolean): ImportSession {
  return {
    id: record.id,
    partnershipId: record.partnershipId,
    fileName: record.fileName,
    fileKind: record.fileKind,
    fileSize: record.fileSize,
    fileChecksum: record.fileChecksum,
    status: record.status,
    running,
    headers: record.headers,
    sampleRows: record.sampleRows,
    mapping: record.mapping ? toImportMapping(record.mapping) : null,
    progress: { phase: record.phase, rowsRead: record.rowsRead, rowsValidated: record.rowsValidated, rowsWritten: record.rowsWritten },
    counts: record.counts,
    unmatchedValues: record.unmatchedValues,
    error: record.error,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    committedAt: record.committedAt,
  };
}
