import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { formatNumber, pluralise } from '../../lib/format';
import type { ContextPartnership } from '../layout/dashboard-context.graphql';
import { isRunning, STATUS_TEXT, withValueMapping } from './import-mapping';
import { IMPORT_PROBLEMS, type ImportMapping, type ImportSession } from './imports.graphql';

const PROBLEMS_PAGE = 100;

interface ImportResultsProps {
  readonly session: ImportSession;
  readonly partnership: ContextPartnership;
  readonly mapping: ImportMapping;
  readonly onMappingChange: (mapping: ImportMapping) => void;
  /** The rows of the file, once a run has counted them: what progress is measured against. */
  readonly totalRows: number | null;
}

/** Progress while a run goes on; then the counts, the spellings to map, and every problem by row and column. */
export function ImportResults({ session, partnership, mapping, onMappingChange, totalRows }: ImportResultsProps) {
  const running = isRunning(session);
  const { progress, counts } = session;
  return (
    <section className="import-results" aria-live="polite">
      <h2 className="heading-m">{STATUS_TEXT[session.status]}</h2>
      {running && (
        <p>
          {totalRows ? <progress max={totalRows} value={progress.phase === 'timescales' ? totalRows : progress.rowsValidated} /> : null}{' '}
          {progress.phase === 'timescales'
            ? 'Working out the timescales of what was imported…'
            : `${formatNumber(progress.rowsValidated)} rows checked${session.status === 'COMMITTING' ? `, ${formatNumber(progress.rowsWritten)} written` : ''}.`}
        </p>
      )}
      {session.error && <p className="error-panel__detail">{session.error}</p>}
      {counts && !running && (
        <ul>
          <li>{pluralise(counts.toCreate, 'new escalation')}</li>
          <li>{formatNumber(counts.toUpdate)} changed (matched by their reference)</li>
          <li>{formatNumber(counts.unchanged)} already imported exactly so</li>
          <li>{pluralise(counts.problemRows, 'row')} with {pluralise(counts.problemCount, 'problem')}</li>
        </ul>
      )}
      {!running && session.unmatchedValues.length > 0 && (
        <UnmatchedValues session={session} partnership={partnership} mapping={mapping} onMappingChange={onMappingChange} />
      )}
      {!running && counts && counts.problemCount > 0 && <ProblemList session={session} total={counts.problemCount} />}
    </section>
  );
}

function UnmatchedValues({ session, partnership, mapping, onMappingChange }: Omit<ImportResultsProps, 'totalRows'>) {
  const options = (kind: string) =>
    kind === 'AGENCY' ? partnership.agencies.map((a) => ({ value: a.id, label: a.name }))
    : kind === 'CATEGORY' ? (partnership.activeProtocol?.categories ?? []).map((c) => ({ value: c.code, label: c.label }))
    : kind === 'STAGE' ? (partnership.activeProtocol?.stages ?? []).map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))
    : [];
  return (
    <div className="table-wrapper">
    <table className="table table--data">
      <caption className="table__caption">Written differently in the file: say what each means, then check again</caption>
      <thead>
        <tr><th scope="col">In the file</th><th scope="col">Rows</th><th scope="col">Means</th></tr>
      </thead>
      <tbody>
        {session.unmatchedValues.map((v) => {
          const chosen = mapping.values.find((m) => m.kind === v.kind && m.from === v.value)?.to ?? '';
          return (
            <tr key={`${v.kind}:${v.value}`}>
              <th scope="row">{v.value}</th>
              <td>{formatNumber(v.rows)}</td>
              <td>
                <select className="select" aria-label={`What "${v.value}" means`} value={chosen} onChange={(e) => onMappingChange(withValueMapping(mapping, { kind: v.kind, from: v.value, to: e.target.value }))}>
                  <option value="">{v.suggestionLabel ? `Choose (nearest: ${v.suggestionLabel})` : 'Choose'}</option>
                  {options(v.kind).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}

function ProblemList({ session, total }: { readonly session: ImportSession; readonly total: number }) {
  const [offset, setOffset] = useState(0);
  const { data } = useQuery(IMPORT_PROBLEMS, { variables: { partnershipId: session.partnershipId, id: session.id, limit: PROBLEMS_PAGE, offset }, fetchPolicy: 'network-only' });
  return (
    <div className="table-wrapper">
    <table className="table table--data">
      <caption className="table__caption">Problems, by row ({formatNumber(offset + 1)}–{formatNumber(Math.min(offset + PROBLEMS_PAGE, total))} of {formatNumber(total)})</caption>
      <thead>
        <tr><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">Problem</th></tr>
      </thead>
      <tbody>
        {(data?.importProblems ?? []).map((p, i) => (
          <tr key={`${p.row}:${i}`}><td>{p.row}</td><td>{p.column ?? '—'}</td><td>{p.value ?? ''}</td><td>{p.message}</td></tr>
        ))}
      </tbody>
      {total > PROBLEMS_PAGE && (
        <tfoot>
          <tr>
            <td colSpan={4}>
              <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PROBLEMS_PAGE))}>Previous</button>{' '}
              <button type="button" className="button button--secondary" disabled={offset + PROBLEMS_PAGE >= total} onClick={() => setOffset(offset + PROBLEMS_PAGE)}>Next</button>
            </td>
          </tr>
        </tfoot>
      )}
    </table>
    </div>
  );
}
