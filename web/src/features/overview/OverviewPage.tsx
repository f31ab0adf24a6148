import { SessionEnded } from '../auth/SessionEnded';
import { LoadError } from '../../components/QueryStatus';
import { describeRange } from '../filters/period';
import { useFilters } from '../filters/use-filters';
import { formatMonth } from '../../lib/format';
import { SUPPRESSION_FOOTNOTE } from '../../lib/suppression';
import { useAnalytics } from '../analytics/use-analytics';
import { pageByKey } from '../layout/pages';
import { PageHeader } from '../layout/PageHeader';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { HeadlineCard } from './HeadlineCard';
import { headlines, overviewFinding } from './headlines';
import { ANALYTICS_OVERVIEW } from './overview.graphql';
import { OverdueLogPanel } from '../strategic-log/OverdueLogPanel';

/** The first screen: six headline figures against the previous period, each leading to the page that explains it. */
export function OverviewPage() {
  const { viewer } = useDashboardContext();
  const { hrefWithFilters } = useFilters();
  const result = useAnalytics(ANALYTICS_OVERVIEW, {});
  const overview = result.data?.analyticsOverview;
  const figures = overview ? headlines(overview, viewer.seesRecordLevelDetail) : [];
  const months = overview?.months ?? [];
  const monthsLabel = months.length > 0 ? `${formatMonth(months[0]!)} to ${formatMonth(months[months.length - 1]!)}` : '';

  return (
    <>
      <PageHeader title="Overview" lead="Are disagreements rising, how far do they go, and are timescales met? The headline figures for the period, against the one before." />
      {result.signedOut ? (
        <SessionEnded />
      ) : result.error && !overview ? (
        <LoadError title="The headline figures could not be loaded" detail={result.error.message} onRetry={result.refetch} />
      ) : !overview ? (
        <ul className="headline-grid" aria-busy="true" aria-label="Headline figures, loading">
          {Array.from({ length: 6 }, (_, index) => (
            <li key={index} className="headline headline--loading">
              <span className="visually-hidden">Loading…</span>
            </li>
          ))}
        </ul>
      ) : (
        <section aria-labelledby="overview-finding" aria-busy={result.loading}>
          <h2 className="heading-m" id="overview-finding">
            {overviewFinding(overview)}
          </h2>
          <p className="muted">Compared with the previous period of the same length: {describeRange(overview.previousPeriod)}.</p>
          <ul className="headline-grid">
            {figures.map((figure) => (
              <HeadlineCard key={figure.key} headline={figure} monthsLabel={monthsLabel} href={hrefWithFilters(pageByKey(figure.page).path, figure.pageParams)} />
            ))}
          </ul>
          <ul className="footnotes" aria-label="Notes">
            <li>Each small line shows the figure month by month over the period ({monthsLabel}), from zero.</li>
            <li>“Still open” and “Overdue now” are as at today, for the escalations raised in the period.</li>
            {figures.some((figure) => figure.sparkline.some((value) => value === null)) && <li>A gap in a small line is a month whose figure is too small to show.</li>}
            {figures.some((figure) => figure.suppressed) && <li>{SUPPRESSION_FOOTNOTE}</li>}
          </ul>
        </section>
      )}
      {viewer.partnershipId && !result.signedOut && <OverdueLogPanel partnershipId={viewer.partnershipId} />}
    </>
  );
}
