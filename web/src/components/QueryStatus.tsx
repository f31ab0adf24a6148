import { useId } from 'react';

/** Shown while a page's data is on its way; announced politely to screen readers. */
export function LoadingMessage({ children }: { children: string }) {
  return (
    <p className="status-message" role="status">
      {children}
    </p>
  );
}

interface LoadErrorProps {
  /** What could not be loaded, as a sentence: "The partnerships could not be loaded." */
  readonly title: string;
  /** What went wrong, in the server's or the browser's words. */
  readonly detail: string;
  readonly onRetry: () => void;
}

/** A failed load: what went wrong, the server's own words, and a way to try again. */
export function LoadError({ title, detail, onRetry }: LoadErrorProps) {
  const titleId = useId();
  return (
    <div className="error-panel" role="alert" aria-labelledby={titleId}>
      <h2 id={titleId} className="error-panel__title">
        {title}
      </h2>
      <p>Check your connection and try again. If this keeps happening, tell your system administrator.</p>
      <p className="error-panel__detail">Details: {detail || 'none were given.'}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
