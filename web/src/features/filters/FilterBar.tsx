import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { addDays } from '../../lib/dates';
import { URGENCY_LABELS } from '../protocols/labels';
import { isCrossPartnership } from '../layout/pages';
import { partnershipsInView, useDashboardContext } from '../layout/use-dashboard-context';
import { DEFAULT_FILTERS, URGENCIES, type DashboardFilters, type FilterUrgency } from './filters';
import { isValidRange, lastDayOf, offeredFinancialYears, periodChoiceLabel, type PeriodChoice } from './period';
import { useFilters } from './use-filters';

/** The period menu's values: one per quick choice, and "custom". */
function periodValue(choice: PeriodChoice): string {
  return choice.kind === 'financial-year' ? `fy-${choice.startYear}` : choice.kind;
}

function choiceFromValue(value: string, custom: { from: string; to: string }): PeriodChoice {
  if (value === 'last-quarter' || value === 'last-12-months') return { kind: value };
  if (value.startsWith('fy-')) return { kind: 'financial-year', startYear: Number(value.slice(3)) };
  return { kind: 'custom', from: custom.from, to: custom.to };
}

/**
 * The shared filters as a form: nothing changes until "Apply filters", so that choosing
 * several at once reloads the figures once, and a keyboard user is never moved mid-choice.
 */
export function FilterBar() {
  const { filters, range, today, setFilters } = useFilters();
  // A new URL (Back, a link, Clear) starts a fresh draft.
  return <FilterForm key={JSON.stringify(filters)} filters={filters} rangeTo={range.to} rangeFrom={range.from} today={today} onApply={setFilters} />;
}

interface FilterFormProps {
  readonly filters: DashboardFilters;
  readonly rangeFrom: string;
  readonly rangeTo: string;
  readonly today: string;
  readonly onApply: (filters: DashboardFilters) => void;
}

function FilterForm({ filters, rangeFrom, rangeTo, today, onApply }: FilterFormProps) {
  const { viewer, partnerships } = useDashboardContext();
  const id = useId();
  const [draft, setDraft] = useState(filters);
  const [periodKey, setPeriodKey] = useState(periodValue(filters.period));
  const [customFrom, setCustomFrom] = useState(rangeFrom);
  const [customLast, setCustomLast] = useState(lastDayOf({ from: rangeFrom, to: rangeTo }));
  const [problem, setProblem] = useState<string | null>(null);

  const inView = partnershipsInView(partnerships, draft.partnershipId);
  const agencies = inView.length === 1 ? [...inView[0]!.agencies].sort((a, b) => a.name.localeCompare(b.name)) : [];
  const categories = new Map(inView.flatMap((p) => p.activeProtocol?.categories.map((c) => [c.code, c.label] as const) ?? []));
  const quickChoices: PeriodChoice[] = [
    { kind: 'last-quarter' },
    { kind: 'last-12-months' },
    ...offeredFinancialYears(today).map((startYear): PeriodChoice => ({ kind: 'financial-year', startYear })),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const custom = { from: customFrom, to: customLast ? addDays(customLast, 1) : '' };
    const period = choiceFromValue(periodKey, isValidRange(custom) ? custom : { from: '', to: '' });
    if (period.kind === 'custom' && !isValidRange(custom)) {
      setProblem('Enter a start date on or before the end date, both as real dates.');
      return;
    }
    setProblem(null);
    onApply({ ...draft, period });
  };

  const select = (name: keyof Omit<DashboardFilters, 'period'>, value: string) => {
    const next = { ...draft, [name]: value === '' ? null : value };
    // Agencies and categories belong to a partnership: a new partnership clears them.
    if (name === 'partnershipId') Object.assign(next, { raisingAgencyId: null, receivingAgencyId: null, categoryCode: null });
    setDraft(next);
  };

  return (
    <form className="filters" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 className="filters__title" id={`${id}-title`}>
        Filters
      </h2>
      {problem && (
        <p className="filters__problem" role="alert" id={`${id}-problem`}>
          {problem}
        </p>
      )}
      <div className="filters__fields">
        <Field id={`${id}-period`} label="Period raised">
          <select id={`${id}-period`} className="select" value={periodKey} onChange={(event) => setPeriodKey(event.target.value)}>
            {quickChoices.map((choice) => (
              <option key={periodValue(choice)} value={periodValue(choice)}>
                {periodChoiceLabel(choice, today)}
              </option>
            ))}
            <option value="custom">Dates of your choosing</option>
          </select>
        </Field>
        {periodKey === 'custom' && (
          <>
            <Field id={`${id}-from`} label="From">
              <input id={`${id}-from`} className="input" type="date" value={customFrom} max={today}
                aria-describedby={problem ? `${id}-problem` : undefined} onChange={(event) => setCustomFrom(event.target.value)} />
            </Field>
            <Field id={`${id}-to`} label="To (inclusive)">
              <input id={`${id}-to`} className="input" type="date" value={customLast}
                aria-describedby={problem ? `${id}-problem` : undefined} onChange={(event) => setCustomLast(event.target.value)} />
            </Field>
          </>
        )}
        {isCrossPartnership(viewer) && (
          <Field id={`${id}-partnership`} label="Partnership">
            <select id={`${id}-partnership`} className="select" value={draft.partnershipId ?? ''} onChange={(event) => select('partnershipId', event.target.value)}>
              <option value="">All partnerships</option>
              {partnerships.map((partnership) => (
                <option key={partnership.id} value={partnership.id}>
                  {partnership.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {agencies.length > 0 ? (
          <>
            <AgencySelect id={`${id}-raising`} label="Raising agency" value={draft.raisingAgencyId} agencies={agencies} onChange={(value) => select('raisingAgencyId', value)} />
            <AgencySelect id={`${id}-receiving`} label="Receiving agency" value={draft.receivingAgencyId} agencies={agencies} onChange={(value) => select('receivingAgencyId', value)} />
          </>
        ) : (
          <p className="filters__hint hint">Choose a partnership to filter by raising or receiving agency.</p>
        )}
        <Field id={`${id}-category`} label="Category">
          <select id={`${id}-category`} className="select" value={draft.categoryCode ?? ''} onChange={(event) => select('categoryCode', event.target.value)}>
            <option value="">Any category</option>
            {[...categories].map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-urgency`} label="Urgency">
          <select id={`${id}-urgency`} className="select" value={draft.urgency ?? ''} onChange={(event) => select('urgency', event.target.value)}>
            <option value="">Any urgency</option>
            {URGENCIES.map((urgency: FilterUrgency) => (
              <option key={urgency} value={urgency}>
                {URGENCY_LABELS[urgency]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        <button type="button" className="button button--secondary" onClick={() => onApply(DEFAULT_FILTERS)}>
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

interface AgencySelectProps {
  readonly id: string;
  readonly label: string;
  readonly value: string | null;
  readonly agencies: readonly { readonly id: string; readonly name: string }[];
  readonly onChange: (value: string) => void;
}

function AgencySelect({ id, label, value, agencies, onChange }: AgencySelectProps) {
  return (
    <Field id={id} label={label}>
      <select id={id} className="select" value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">Any agency</option>
        {agencies.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
