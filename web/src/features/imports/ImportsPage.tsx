import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { pluralise } from '../../lib/format';
import { PageHeader } from '../layout/PageHeader';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { ImportResults } from './ImportResults';
import { isRunning, mappingInput } from './import-mapping';
import { COMMIT_IMPORT, IMPORT_SESSION, SET_IMPORT_MAPPING, START_IMPORT_DRY_RUN, SUGGESTED_IMPORT_MAPPING, type ImportMapping } from './imports.graphql';
import { MappingForm } from './MappingForm';
import { uploadFile } from './upload-file';

/**
 * Bringing an escalation log in (business-unit staff): upload a CSV or .xlsx file, say
 * which column is which and how dates are written, check every row (nothing is written),
 * map the spellings the check could not place, then import — all of it or none.
 * The page `/imports`, in the navigation of the business unit only (pages.ts).
 */
export function ImportsPage() {
  const { viewer, partnerships } = useDashboardContext();
  const partnership = partnerships.find((p) => p.id === viewer.partnershipId) ?? null;
  const [importId, setImportId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const upload = async (file: File) => {
    if (!partnership) return;
    setUploading(true);
    setUploadError(null);
    try {
      setImportId((await uploadFile(partnership.id, file)).id);
    } catch (error) {
      setUploadError(error instanceof Error ? error.message : String(error));
    } finally {
      setUploading(false);
    }
  };

  return (
    <>
      <PageHeader title="Import escalations" lead="Bring an escalation log in from a spreadsheet (CSV or Excel .xlsx): check every row first, then import it whole." filtered={false} />
      {!partnership ? (
        <p>Imports are made by a partnership's business unit.</p>
      ) : (
        <>
          <label className="import-upload">
            <span className="label">File to import</span>
            <input className="import-upload__input" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={uploading}
              onChange={(e) => { const file = e.target.files?.[0]; if (file) void upload(file); }} />
          </label>
          {uploading && <p role="status">Uploading…</p>}
          {uploadError && <p className="error-panel" role="alert">{uploadError}</p>}
          {importId && <ImportSteps key={importId} partnershipId={partnership.id} importId={importId} />}
        </>
      )}
    </>
  );
}

function ImportSteps({ partnershipId, importId }: { readonly partnershipId: string; readonly importId: string }) {
  const { partnerships } = useDashboardContext();
  const partnership = partnerships.find((p) => p.id === partnershipId)!;
  const variables = { partnershipId, id: importId };
  const [polling, setPolling] = useState(false);
  const { data, error } = useQuery(IMPORT_SESSION, { variables, pollInterval: polling ? 500 : 0, fetchPolicy: 'network-only' });
  const suggestion = useQuery(SUGGESTED_IMPORT_MAPPING, { variables });
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [totalRows, setTotalRows] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [setImportMapping] = useMutation(SET_IMPORT_MAPPING);
  const [startDryRun] = useMutation(START_IMPORT_DRY_RUN);
  const [commitImport] = useMutation(COMMIT_IMPORT);
  const session = data?.importSession;

  useEffect(() => {
    if (!mapping && suggestion.data) setMapping(session?.mapping ?? suggestion.data.suggestedImportMapping);
  }, [mapping, suggestion.data, session?.mapping]);
  useEffect(() => {
    if (!session) return;
    setPolling(isRunning(session));
    if (!isRunning(session) && session.counts) setTotalRows(session.progress.rowsRead);
  }, [session]);

  if (error) return <p className="error-panel" role="alert">{error.message}</p>;
  if (!session || !mapping) return <p role="status">Reading the file…</p>;
  const running = isRunning(session);

  const run = async (kind: 'check' | 'import') => {
    setProblem(null);
    const input = mappingInput(mapping);
    if (!input.ok) return setProblem(input.reason);
    try {
      if (kind === 'check') {
        await setImportMapping({ variables: { input: { partnershipId, importId, mapping: input.input } } });
        await startDryRun({ variables });
      } else {
        await commitImport({ variables });
      }
      setPolling(true);
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <>
      <p>
        {session.fileName} ({session.fileKind === 'XLSX' ? 'Excel workbook' : 'CSV'}), SHA-256 <code>{session.fileChecksum.slice(0, 16)}…</code>
      </p>
      <MappingForm session={session} partnership={partnership} mapping={mapping} onChange={setMapping} disabled={running || session.status === 'COMMITTED'} />
      {problem && <p className="error-panel" role="alert">{problem}</p>}
      <p className="import-actions">
        <button type="button" className="button" disabled={running || session.status === 'COMMITTED'} onClick={() => void run('check')}>Check every row</button>{' '}
        <button type="button" className="button" disabled={running || session.status !== 'VALIDATED'} onClick={() => void run('import')}>
          {session.status === 'VALIDATED' && session.counts ? `Import ${pluralise(session.counts.toCreate + session.counts.toUpdate, 'escalation')}` : 'Import'}
        </button>
      </p>
      <ImportResults session={session} partnership={partnership} mapping={mapping} onMappingChange={setMapping} totalRows={totalRows} />
    </>
  );
}
