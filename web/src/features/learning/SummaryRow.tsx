import type { ReactNode } from 'react';

/** One term and its value in a summary list. */
export function SummaryRow({ term, children }: { readonly term: string; readonly children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
