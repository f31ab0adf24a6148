import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { isCrossPartnership } from '../layout/pages';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { actionLabel, isUsablePeriod, KNOWN_ACTIONS, KNOWN_RECORD_TYPES, NO_AUDIT_FILTERS, recordTypeLabel, type AuditParams } from './audit-params';

interface AuditFiltersProps {
  readonly filters: AuditParams;
  readonly onApply: (filters: AuditParams) => void;
}

/** The trail's filters as a form: nothing changes until "Show events". */
export function AuditFilters({ filters, onApply }: AuditFiltersProps) {
  // A new URL (Back, Clear) starts a fresh draft.
  return <AuditFilterForm key={JSON.stringify(filters)} filters={filters} onApply={onApply} />;
}

function AuditFilterForm({ filters, onApply }: AuditFiltersProps) {
  const { viewer, partnerships } = useDashboardContext();
  const id = useId();
  const [draft, setDraft] = useState(filters);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (name: keyof AuditParams, value: string) => setDraft({ ...draft, [name]: value.trim() === '' ? null : value.trim() });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isUsablePeriod(draft.from, draft.last)) {
      setProblem('Enter a "from" date on or before the "to" date.');
      return;
    }
    setProblem(null);
    onApply(draft);
  };

  return (
    <form className="filters" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 className="filters__title" id={`${id}-title`}>
        Which events
      </h2>
      {problem && (
        <p className="filters__problem" role="alert" id={`${id}-problem`}>
          {problem}
        </p>
      )}
      <div className="filters__fields">
        <Field id={`${id}-from`} label="From">
          <input id={`${id}-from`} className="input" type="date" value={draft.from ?? ''} aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(event) => set('from', event.target.value)} />
        </Field>
        <Field id={`${id}-last`} label="To (inclusive)">
          <input id={`${id}-last`} className="input" type="date" value={draft.last ?? ''} aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(event) => set('last', event.target.value)} />
        </Field>
        <Field id={`${id}-action`} label="Action">
          <input id={`${id}-action`} className="input" type="text" list={`${id}-actions`} value={draft.action ?? ''} autoComplete="off"
            spellCheck={false} onChange={(event) => set('action', event.target.value)} />
          <datalist id={`${id}-actions`}>
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action} label={actionLabel(action)} />
            ))}
          </datalist>
        </Field>
        <Field id={`${id}-type`} label="Record type">
          <input id={`${id}-type`} className="input" type="text" list={`${id}-types`} value={draft.entityType ?? ''} autoComplete="off"
            spellCheck={false} onChange={(event) => set('entityType', event.target.value)} />
          <datalist id={`${id}-types`}>
            {KNOWN_RECORD_TYPES.map((type) => (
              <option key={type} value={type} label={recordTypeLabel(type)} />
            ))}
          </datalist>
        </Field>
        <Field id={`${id}-record`} label="Record id">
          <input id={`${id}-record`} className="input" type="text" inputMode="numeric" value={draft.entityId ?? ''} autoComplete="off"
            onChange={(event) => set('entityId', event.target.value)} />
        </Field>
        <Field id={`${id}-actor`} label="User id of who acted">
          <input id={`${id}-actor`} className="input" type="text" inputMode="numeric" value={draft.actorUserId ?? ''} autoComplete="off"
            onChange={(event) => set('actorUserId', event.target.value)} />
        </Field>
        {isCrossPartnership(viewer) && (
          <Field id={`${id}-partnership`} label="Partnership">
            <select id={`${id}-partnership`} className="select" value={draft.partnershipId ?? ''} onChange={(event) => set('partnershipId', event.target.value)}>
              <option value="">Every chain</option>
              {partnerships.map((partnership) => (
                <option key={partnership.id} value={partnership.id}>
                  {partnership.name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <div className="filters__actions">
        <button type="submit" className="button">
          Show events
        </button>
        <button type="button" className="button button--secondary" onClick={() => onApply(NO_AUDIT_FILTERS)}>
          Clear filters
        </button>
      </div>
    </form>
  );
}

function Field({ id, label, children }: { readonly id: string; readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="filters__field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}
