import { useId, useState, type FormEvent } from 'react';
import type { ListParams } from './escalation-list-params';
import { STATUS_LABELS } from './escalation-labels';
import type { GqlEscalationStatus } from './escalations.graphql';

const STATUSES: readonly GqlEscalationStatus[] = ['OPEN', 'RESOLVED', 'WITHDRAWN', 'OUT_OF_SCOPE'];

/** The list's own narrowing, beside the shared filters: status, and overdue only. */
export function ListOptions({ list, onApply }: { readonly list: ListParams; readonly onApply: (next: ListParams) => void }) {
  return <ListOptionsForm key={`${list.status}-${list.overdueOnly}`} list={list} onApply={onApply} />;
}

function ListOptionsForm({ list, onApply }: { readonly list: ListParams; readonly onApply: (next: ListParams) => void }) {
  const id = useId();
  const [status, setStatus] = useState<GqlEscalationStatus | null>(list.status);
  const [overdueOnly, setOverdueOnly] = useState(list.overdueOnly);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({ ...list, status, overdueOnly });
  };
  return (
    <form className="list-options" aria-label="Narrow the list" onSubmit={submit}>
      <div className="filters__field">
        <label className="label" htmlFor={`${id}-status`}>
          Status
        </label>
        <select id={`${id}-status`} className="select" value={status ?? ''} onChange={(event) => setStatus((event.target.value || null) as GqlEscalationStatus | null)}>
          <option value="">Any status</option>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="checkbox">
        <input id={`${id}-overdue`} className="checkbox__input" type="checkbox" checked={overdueOnly} onChange={(event) => setOverdueOnly(event.target.checked)} />
        <label className="checkbox__label" htmlFor={`${id}-overdue`}>
          Only those with a timescale overdue now
        </label>
      </div>
      <button type="submit" className="button button--secondary">
        Update list
      </button>
    </form>
  );
}
