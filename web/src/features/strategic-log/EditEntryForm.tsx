import type { ErrorLike } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormFeedback } from './FormFeedback';
import { CHANGE_LOG_ENTRY_STATUS, UPDATE_LOG_ENTRY, type LogEntryDetail, type LogStatus } from './strategic-log.graphql';
import { LOG_STATUS_LABELS, nextStatuses } from './strategic-log-text';

interface FormProps {
  readonly entry: LogEntryDetail;
  readonly onSaved: () => Promise<unknown>;
}

/** The business unit keeping an entry up to date: title, description, owner and review date. */
export function EditEntryForm({ entry, onSaved }: FormProps) {
  const id = useId();
  const [update, { loading }] = useMutation(UPDATE_LOG_ENTRY);
  const [title, setTitle] = useState(entry.title);
  const [description, setDescription] = useState(entry.description);
  const [owner, setOwner] = useState(entry.owner);
  const [reviewDate, setReviewDate] = useState(entry.reviewDate ?? '');
  const [error, setError] = useState<ErrorLike | undefined>();
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    setSaved(null);
    try {
      await update({
        variables: {
          input: {
            partnershipId: entry.partnershipId,
            id: entry.id,
            expectedVersion: entry.version,
            ...(title !== entry.title ? { title } : {}),
            ...(description !== entry.description ? { description } : {}),
            ...(owner !== entry.owner ? { owner } : {}),
            ...(reviewDate !== (entry.reviewDate ?? '') ? { reviewDate: reviewDate || null } : {}),
          },
        },
      });
      await onSaved();
      setSaved('Entry saved.');
    } catch (caught) {
      setError(caught as ErrorLike);
    }
  };

  return (
    <section className="log-section log-form" aria-labelledby={`${id}-title`}>
      <h2 className="heading-m" id={`${id}-title`}>
        Keep the entry up to date
      </h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-entry-title`}>
            Title
          </label>
          <input id={`${id}-entry-title`} className="input" value={title} onChange={(event) => setTitle(event.target.value)} />
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-description`}>
            Description
          </label>
          <textarea id={`${id}-description`} className="input textarea" rows={4} value={description} onChange={(event) => setDescription(event.target.value)} />
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-owner`}>
            Owner
          </label>
          <input id={`${id}-owner`} className="input" value={owner} onChange={(event) => setOwner(event.target.value)} />
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-review`}>
            Review date
          </label>
          <input id={`${id}-review`} className="input input--date" type="date" min={entry.addedOn} value={reviewDate} onChange={(event) => setReviewDate(event.target.value)} />
        </div>
        <FormFeedback error={error} saved={saved} />
        <button type="submit" className="button" disabled={loading}>
          {loading ? 'Saving…' : 'Save the entry'}
        </button>
      </form>
    </section>
  );
}

/** A status change recorded by the business unit (e.g. closing a duplicate), with a note for the history. */
export function StatusChangeForm({ entry, onSaved }: FormProps) {
  const id = useId();
  const [change, { loading }] = useMutation(CHANGE_LOG_ENTRY_STATUS);
  const options = nextStatuses(entry.status);
  const [choice, setStatus] = useState<LogStatus>(options[0]!);
  // After a change the entry's own status moves on, and with it the statuses it may take.
  const status = options.includes(choice) ? choice : options[0]!;
  const [note, setNote] = useState('');
  const [error, setError] = useState<ErrorLike | undefined>();
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    setSaved(null);
    try {
      await change({ variables: { input: { partnershipId: entry.partnershipId, id: entry.id, expectedVersion: entry.version, status, note } } });
      await onSaved();
      setNote('');
      setSaved(`The entry is now ${LOG_STATUS_LABELS[status].toLowerCase()}.`);
    } catch (caught) {
      setError(caught as ErrorLike);
    }
  };

  return (
    <section className="log-section log-form" aria-labelledby={`${id}-title`}>
      <h2 className="heading-m" id={`${id}-title`}>
        Change the status
      </h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-status`}>
            New status
          </label>
          <select id={`${id}-status`} className="select" value={status} onChange={(event) => setStatus(event.target.value as LogStatus)}>
            {options.map((next) => (
              <option key={next} value={next}>
                {LOG_STATUS_LABELS[next]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-note`}>
            Why
          </label>
          <input id={`${id}-note`} className="input" value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <FormFeedback error={error} saved={saved} />
        <button type="submit" className="button button--secondary" disabled={loading}>
          {loading ? 'Saving…' : 'Change the status'}
        </button>
      </form>
    </section>
  );
}
