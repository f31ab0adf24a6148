import { URGENCY_LABELS } from '../protocols/labels';
import { isCrossPartnership } from '../layout/pages';
import { agencyNames, categoryLabels, partnershipsInView, useDashboardContext } from '../layout/use-dashboard-context';
import { describeRange } from './period';
import { useFilters } from './use-filters';

/**
 * The filters in one sentence, always on screen and on paper: "Escalations raised from
 * 27 November 2024 to 26 November 2025 · Receiving agency: Police". Announced politely
 * when it changes, so that a screen-reader user hears the new view after applying filters.
 */
export function FilterSummary() {
  const { filters, range } = useFilters();
  const { viewer, partnerships } = useDashboardContext();
  const inView = partnershipsInView(partnerships, filters.partnershipId);
  const agencies = agencyNames(inView);
  const categories = categoryLabels(inView);

  const parts: string[] = [];
  if (isCrossPartnership(viewer)) {
    parts.push(filters.partnershipId ? `Partnership: ${inView[0]?.name ?? 'unknown'}` : 'All partnerships');
  }
  if (filters.raisingAgencyId) parts.push(`Raised by: ${agencies.get(filters.raisingAgencyId) ?? 'unknown agency'}`);
  if (filters.receivingAgencyId) parts.push(`Raised with: ${agencies.get(filters.receivingAgencyId) ?? 'unknown agency'}`);
  if (filters.categoryCode) parts.push(`Category: ${categories.get(filters.categoryCode) ?? filters.categoryCode}`);
  if (filters.urgency) parts.push(`Urgency: ${URGENCY_LABELS[filters.urgency]}`);

  return (
    <p className="filter-summary" aria-live="polite">
      <span className="filter-summary__period">Escalations raised from {describeRange(range)}</span>
      {parts.map((part) => (
        <span key={part} className="filter-summary__part">
          <span className="filter-summary__separator"> · </span>
          {part}
        </span>
      ))}
    </p>
  );
}
