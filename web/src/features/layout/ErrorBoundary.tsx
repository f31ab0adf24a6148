import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryState {
  readonly error: Error | null;
}

/** A page that failed to load or render: say so, and offer to reload, instead of a blank screen. */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A page failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="error-panel" role="alert">
        <h1 className="error-panel__title">This page could not be shown</h1>
        <p>Something went wrong while showing this page. Reloading usually fixes it.</p>
        <p className="error-panel__detail">Details: {this.state.error.message}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
