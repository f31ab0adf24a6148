import { readFile } from 'node:fs/promises';
import type { GraphqlError } from './test-app.js';
import type { GraphqlCaller } from './escalation-api.js';

/** A fixture file of test/fixtures/imports. */
export async function importFixture(name: string): Promise<Buffer> {
  return readFile(new URL(`../fixtures/imports/${name}`, import.meta.url));
}

export interface UploadAnswer {
  readonly status: number;
  readonly body: Record<string, unknown> & { id?: string; code?: string; message?: string };
}

/** POST /imports as the web app sends it: the file as the body, its name in a header. */
export async function upload(baseUrl: string, cookie: string | null, partnershipId: string, fileName: string, body: Uint8Array | string): Promise<UploadAnswer> {
  const response = await fetch(`${baseUrl}/imports?partnershipId=${partnershipId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName), ...(cookie ? { cookie } : {}) },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as UploadAnswer['body']) : {} };
}

export const IMPORT_SESSION = `
  fragment ImportSessionFields on ImportSession {
    id partnershipId fileName fileKind fileSize fileChecksum status running headers sampleRows error
    progress { phase rowsRead rowsValidated rowsWritten }
    counts { toCreate toUpdate unchanged problemRows problemCount }
    unmatchedValues { kind value rows suggestion suggestionLabel }
    mapping { columns { header field stageCode } dateOrder excelSerialDates dateOnlyTime defaultUrgency defaultRaisedVia values { kind from to } }
  }`;

export interface ApiImportSession {
  id: string;
  partnershipId: string;
  fileName: string;
  fileKind: string;
  fileSize: number;
  fileChecksum: string;
  status: string;
  running: boolean;
  headers: string[];
  sampleRows: string[][];
  error: string | null;
  progress: { phase: string; rowsRead: number; rowsValidated: number; rowsWritten: number };
  counts: { toCreate: number; toUpdate: number; unchanged: number; problemRows: number; problemCount: number } | null;
  unmatchedValues: { kind: string; value: string; rows: number; suggestion: string | null; suggestionLabel: string | null }[];
  mapping: ApiImportMapping | null;
}

export interface ApiImportMapping {
  columns: { header: string; field: string; stageCode: string | null }[];
  dateOrder: string | null;
  excelSerialDates: boolean;
  dateOnlyTime: string;
  defaultUrgency: string | null;
  defaultRaisedVia: string | null;
  values: { kind: string; from: string; to: string }[];
}

export interface ApiImportProblem {
  row: number;
  column: string | null;
  field: string;
  code: string;
  message: string;
  value: string | null;
}

const MAPPING_FIELDS = 'columns { header field stageCode } dateOrder excelSerialDates dateOnlyTime defaultUrgency defaultRaisedVia values { kind from to }';

async function call<T>(caller: GraphqlCaller, query: string, variables: object): Promise<T> {
  const response = await caller.graphql<{ result: T }>(query, variables);
  if (response.errors?.length) throw new ImportApiError(response.errors[0]!);
  return response.data!.result;
}

export class ImportApiError extends Error {
  constructor(readonly error: GraphqlError) {
    super(`${error.extensions?.code}: ${error.message}`);
  }
}

export const importApi = {
  session: (c: GraphqlCaller, partnershipId: string, id: string) =>
    call<ApiImportSession>(c, `query($p: ID!, $id: ID!) { result: importSession(partnershipId: $p, id: $id) { ...ImportSessionFields } } ${IMPORT_SESSION}`, { p: partnershipId, id }),
  suggestion: (c: GraphqlCaller, partnershipId: string, id: string) =>
    call<ApiImportMapping>(c, `query($p: ID!, $id: ID!) { result: suggestedImportMapping(partnershipId: $p, id: $id) { ${MAPPING_FIELDS} } }`, { p: partnershipId, id }),
  problems: (c: GraphqlCaller, partnershipId: string, id: string, limit = 100, offset = 0) =>
    call<ApiImportProblem[]>(c, `query($p: ID!, $id: ID!, $l: Int!, $o: Int!) { result: importProblems(partnershipId: $p, id: $id, limit: $l, offset: $o) { row column field code message value } }`, { p: partnershipId, id, l: limit, o: offset }),
  setMapping: (c: GraphqlCaller, partnershipId: string, importId: string, mapping: object) =>
    call<ApiImportSession>(c, `mutation($input: SetImportMappingInput!) { result: setImportMapping(input: $input) { ...ImportSessionFields } } ${IMPORT_SESSION}`, { input: { partnershipId, importId, mapping } }),
  dryRun: (c: GraphqlCaller, partnershipId: string, id: string) =>
    call<ApiImportSession>(c, `mutation($p: ID!, $id: ID!) { result: startImportDryRun(partnershipId: $p, id: $id) { ...ImportSessionFields } } ${IMPORT_SESSION}`, { p: partnershipId, id }),
  commit: (c: GraphqlCaller, partnershipId: string, id: string) =>
    call<ApiImportSession>(c, `mutation($p: ID!, $id: ID!) { result: commitImport(partnershipId: $p, id: $id) { ...ImportSessionFields } } ${IMPORT_SESSION}`, { p: partnershipId, id }),
};

/** Polls the session until its run has finished (or `until` holds); returns the last answer. */
export async function waitForImport(
  c: GraphqlCaller,
  partnershipId: string,
  id: string,
  until: (session: ApiImportSession) => boolean = (s) => !s.running && s.status !== 'VALIDATING' && s.status !== 'COMMITTING',
  timeoutMs = 120_000,
): Promise<ApiImportSession> {
  const started = Date.now();
  for (;;) {
    const session = await importApi.session(c, partnershipId, id);
    if (until(session)) return session;
    if (Date.now() - started > timeoutMs) throw new Error(`import ${id} did not get there in time: ${JSON.stringify(session)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A mapping input from a suggestion, with the date order stated and anything else overridden. */
export function mappingFrom(suggestion: ApiImportMapping, overrides: Partial<ApiImportMapping> = {}): object {
  return {
    columns: suggestion.columns.map(({ header, field, stageCode }) => ({ header, field, stageCode })),
    dateOrder: suggestion.dateOrder ?? 'DAY_FIRST',
    excelSerialDates: suggestion.excelSerialDates,
    dateOnlyTime: suggestion.dateOnlyTime,
    defaultUrgency: suggestion.defaultUrgency,
    defaultRaisedVia: suggestion.defaultRaisedVia,
    values: suggestion.values.map(({ kind, from, to }) => ({ kind, from, to })),
    ...overrides,
  };
}
