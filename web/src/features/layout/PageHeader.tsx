import type { ReactNode } from 'react';
import { FilterBar } from '../filters/FilterBar';
import { FilterSummary } from '../filters/FilterSummary';

interface PageHeaderProps {
  readonly title: string;
  /** What the page answers, in a sentence. */
  readonly lead: ReactNode;
  /** Whether the shared filters apply; they are shown under the lead when they do. */
  readonly filtered?: boolean;
}

/**
 * A page's heading, the question it answers, and then the filters: always at the top, the
 * summary sentence on screen and on paper, the form on screen only.
 */
export function PageHeader({ title, lead, filtered = true }: PageHeaderProps) {
  return (
    <div className="page-header">
      <h1 className="heading-xl">{title}</h1>
      <p className="lead">{lead}</p>
      {filtered && (
        <div className="filter-area">
          <FilterSummary />
          <FilterBar />
        </div>
      )}
    </div>
  );
}
