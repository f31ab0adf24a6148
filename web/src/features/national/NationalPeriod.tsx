import { useId, useState, type FormEvent } from 'react';
import { addDays } from '../../lib/dates';
import { isValidRange, lastDayOf, offeredFinancialYears, periodChoiceLabel, type DateRange, type PeriodChoice } from '../filters/period';
import { useFilters } from '../filters/use-filters';

function periodValue(choice: PeriodChoice): string {
  return choice.kind === 'financial-year' ? `fy-${choice.startYear}` : choice.kind;
}

/**
 * The national picture's one filter, the period of raising, with the quick choices of
 * every page; held in the URL as the shared filters are (?period=… or ?from=…&to=…).
 */
export function NationalPeriod() {
  const { filters, range, today, setFilters } = useFilters();
  // A new URL (Back, a link) starts a fresh draft.
  return (
    <PeriodForm
      key={`${range.from}/${range.to}/${periodValue(filters.period)}`}
      current={filters.period}
      range={range}
      today={today}
      onApply={(period) => setFilters({ ...filters, period })}
    />
  );
}

interface PeriodFormProps {
  readonly current: PeriodChoice;
  readonly range: DateRange;
  readonly today: string;
  readonly onApply: (period: PeriodChoice) => void;
}

function PeriodForm({ current, range, today, onApply }: PeriodFormProps) {
  const id = useId();
  const [periodKey, setPeriodKey] = useState(periodValue(current));
  const [customFrom, setCustomFrom] = useState(range.from);
  const [customLast, setCustomLast] = useState(lastDayOf(range));
  const [problem, setProblem] = useState<string | null>(null);
  const quickChoices: PeriodChoice[] = [
    { kind: 'last-quarter' },
    { kind: 'last-12-months' },
    ...offeredFinancialYears(today).map((startYear): PeriodChoice => ({ kind: 'financial-year', startYear })),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let period: PeriodChoice;
    if (periodKey === 'custom') {
      const custom = { from: customFrom, to: customLast ? addDays(customLast, 1) : '' };
      if (!isValidRange(custom)) {
        setProblem('Enter a start date on or before the end date, both as real dates.');
        return;
      }
      period = { kind: 'custom', ...custom };
    } else {
      period = quickChoices.find((choice) => periodValue(choice) === periodKey) ?? { kind: 'last-12-months' };
    }
    setProblem(null);
    onApply(period);
  };

  return (
    <form className="filters" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 className="filters__title" id={`${id}-title`}>
        Period
      </h2>
      {problem && (
        <p className="filters__problem" role="alert" id={`${id}-problem`}>
          {problem}
        </p>
      )}
      <div className="filters__fields">
        <div className="filters__field">
          <label className="label" htmlFor={`${id}-period`}>
            Period raised
          </label>
          <select id={`${id}-period`} className="select" value={periodKey} onChange={(event) => setPeriodKey(event.target.value)}>
            {quickChoices.map((choice) => (
              <option key={periodValue(choice)} value={periodValue(choice)}>
                {periodChoiceLabel(choice, today)}
              </option>
            ))}
            <option value="custom">Dates of your choosing</option>
          </select>
        </div>
        {periodKey === 'custom' && (
          <>
            <div className="filters__field">
              <label className="label" htmlFor={`${id}-from`}>
                From
              </label>
              <input id={`${id}-from`} className="input" type="date" value={customFrom} max={today}
                aria-describedby={problem ? `${id}-problem` : undefined} onChange={(event) => setCustomFrom(event.target.value)} />
            </div>
            <div className="filters__field">
              <label className="label" htmlFor={`${id}-to`}>
                To (inclusive)
              </label>
              <input id={`${id}-to`} className="input" type="date" value={customLast}
                aria-describedby={problem ? `${id}-problem` : undefined} onChange={(event) => setCustomLast(event.target.value)} />
            </div>
          </>
        )}
      </div>
      <div className="filters__actions">
        <button type="submit" className="button">
          Apply
        </button>
      </div>
    </form>
  );
}
