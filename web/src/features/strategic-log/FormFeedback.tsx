import type { ErrorLike } from '@apollo/client';
import { Link } from '../../app/router';
import { logProblem } from './strategic-log-text';

/** What became of a form's change: refused (with the reason, announced at once), or saved (announced politely). */
export function FormFeedback({ error, saved }: { readonly error: ErrorLike | undefined; readonly saved: string | null }) {
  if (error) {
    const problem = logProblem(error);
    return (
      <div className="error-panel" role="alert">
        <h3 className="error-panel__title">The change was not saved</h3>
        <p>{problem.message}</p>
        {problem.entryId && (
          <p>
            <Link to={`/strategic-log/${problem.entryId}`}>Open that entry</Link>
          </p>
        )}
      </div>
    );
  }
  return (
    <p className="log-saved" role="status">
      {saved ?? ''}
    </p>
  );
}
