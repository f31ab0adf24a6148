import { useId, useState, type FormEvent } from 'react';
import { addDays } from '../../lib/dates';
import { isValidRange, lastDayOf, offeredFinancialYears, periodChoiceLabel, type DateRange, type PeriodChoice } from '../filters/period';

interface ReviewPeriodFormProps {
  readonly choice: PeriodChoice;
  readonly range: DateRange;
  readonly today: string;
  /** The new choice, for the page to write into the URL. */
  readonly onChoose: (choice: PeriodChoice) => void;
}

const valueOf = (choice: PeriodChoice) => (choice.kind === 'financial-year' ? `fy-${choice.startYear}` : choice.kind);

/** The period of raising to review: a quick choice, or two dates (first and last day). Nothing changes until "Show". */
export function ReviewPeriodForm({ choice, range, today, onChoose }: ReviewPeriodFormProps) {
  const id = useId();
  const [value, setValue] = useState(valueOf(choice));
  const [first, setFirst] = useState(range.from);
  const [last, setLast] = useState(lastDayOf(range));
  const [problem, setProblem] = useState<string | null>(null);
  const quick: PeriodChoice[] = [
    { kind: 'last-quarter' },
    { kind: 'last-12-months' },
    ...offeredFinancialYears(today).map((startYear): PeriodChoice => ({ kind: 'financial-year', startYear })),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (value === 'custom') {
      const custom = { from: first, to: last ? addDays(last, 1) : '' };
      if (!isValidRange(custom)) {
        setProblem('Enter a first day on or before the last day, both as real dates.');
        return;
      }
      setProblem(null);
      onChoose({ kind: 'custom', ...custom });
      return;
    }
    setProblem(null);
    onChoose(quick.find((item) => valueOf(item) === value) ?? { kind: 'last-12-months' });
  };

  return (
    <form className="filters review-period" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 className="filters__title" id={`${id}-title`}>
        Period of raising
      </h2>
      {problem && (
        <p className="filters__problem" role="alert" id={`${id}-problem`}>
          {problem}
        </p>
      )}
      <div className="filters__fields">
        <div className="form-group">
          <label className="label" htmlFor={`${id}-period`}>
            Escalations raised in
          </label>
          <select id={`${id}-period`} className="select" value={value} onChange={(event) => setValue(event.target.value)}>
            {quick.map((item) => (
              <option key={valueOf(item)} value={valueOf(item)}>
                {periodChoiceLabel(item, today)}
              </option>
            ))}
            <option value="custom">Dates of your choosing</option>
          </select>
        </div>
        {value === 'custom' && (
          <>
            <div className="form-group">
              <label className="label" htmlFor={`${id}-first`}>
                First day
              </label>
              <input
                id={`${id}-first`}
                className="input"
                type="date"
                value={first}
                aria-describedby={problem ? `${id}-problem` : undefined}
                onChange={(event) => setFirst(event.target.value)}
              />
            </div>
            <div className="form-group">
              <label className="label" htmlFor={`${id}-last`}>
                Last day
              </label>
              <input
                id={`${id}-last`}
                className="input"
                type="date"
                value={last}
                aria-describedby={problem ? `${id}-problem` : undefined}
                onChange={(event) => setLast(event.target.value)}
              />
            </div>
          </>
        )}
      </div>
      <div className="filters__actions">
        <button type="submit" className="button">
          Show escalations
        </button>
      </div>
    </form>
  );
}
