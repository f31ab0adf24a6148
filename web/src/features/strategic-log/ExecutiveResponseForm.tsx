import type { ErrorLike } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormFeedback } from './FormFeedback';
import { RESPOND_TO_LOG_ENTRY, type LogEntryDetail, type LogStatus } from './strategic-log.graphql';
import { LOG_STATUS_LABELS, nextStatuses } from './strategic-log-text';

/** The executive's answer to an entry: its response, and the status it leads to, with a note for the history. */
export function ExecutiveResponseForm({ entry, onSaved }: { readonly entry: LogEntryDetail; readonly onSaved: () => Promise<unknown> }) {
  const id = useId();
  const [respond, { loading }] = useMutation(RESPOND_TO_LOG_ENTRY);
  const [response, setResponse] = useState(entry.executiveResponse);
  const [status, setStatus] = useState<LogStatus | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ErrorLike | undefined>();
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    setSaved(null);
    try {
      await respond({
        variables: {
          input: {
            partnershipId: entry.partnershipId,
            id: entry.id,
            expectedVersion: entry.version,
            ...(response !== entry.executiveResponse ? { executiveResponse: response } : {}),
            ...(status ? { status, note } : {}),
          },
        },
      });
      await onSaved();
      setStatus('');
      setNote('');
      setSaved(status ? `Response recorded; the entry is now ${LOG_STATUS_LABELS[status].toLowerCase()}.` : 'Response recorded.');
    } catch (caught) {
      setError(caught as ErrorLike);
    }
  };

  return (
    <section className="log-section log-form" aria-labelledby={`${id}-title`}>
      <h2 className="heading-m" id={`${id}-title`}>
        The executive’s response
      </h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-response`}>
            Response
          </label>
          <p className="hint" id={`${id}-response-hint`}>
            What the executive decided, and who will do what.
          </p>
          <textarea
            id={`${id}-response`}
            className="input textarea"
            rows={5}
            aria-describedby={`${id}-response-hint`}
            value={response}
            onChange={(event) => setResponse(event.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-status`}>
            Status
          </label>
          <select id={`${id}-status`} className="select" value={status} onChange={(event) => setStatus(event.target.value as LogStatus | '')}>
            <option value="">Leave as {LOG_STATUS_LABELS[entry.status].toLowerCase()}</option>
            {nextStatuses(entry.status).map((next) => (
              <option key={next} value={next}>
                {LOG_STATUS_LABELS[next]}
              </option>
            ))}
          </select>
        </div>
        {status && (
          <div className="form-group">
            <label className="label" htmlFor={`${id}-note`}>
              Why the status changes
            </label>
            <input id={`${id}-note`} className="input" value={note} onChange={(event) => setNote(event.target.value)} />
          </div>
        )}
        <FormFeedback error={error} saved={saved} />
        <button type="submit" className="button" disabled={loading}>
          {loading ? 'Saving…' : 'Record the response'}
        </button>
      </form>
    </section>
  );
}
