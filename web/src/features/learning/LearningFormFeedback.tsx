import type { ErrorLike } from '@apollo/client';
import { learningProblem } from './learning-text';

/** What became of a form's change: refused (with the reason, announced at once), or saved (announced politely). */
export function LearningFormFeedback({ error, saved }: { readonly error: ErrorLike | undefined; readonly saved: string | null }) {
  if (error) {
    return (
      <div className="error-panel" role="alert">
        <h3 className="error-panel__title">The change was not saved</h3>
        <p>{learningProblem(error)}</p>
      </div>
    );
  }
  return (
    <p className="learning-saved" role="status">
      {saved ?? ''}
    </p>
  );
}
