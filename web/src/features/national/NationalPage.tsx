import { useQuery } from '@apollo/client/react';
import { BarRows } from '../../charts/BarRows';
import { ChartPanel, type PanelState } from '../../charts/ChartPanel';
import { DataTable } from '../../components/DataTable';
import { anyApiSuppressed, displayApiShare } from '../../lib/suppression';
import { SessionEnded } from '../auth/SessionEnded';
import { isSignedOut } from '../auth/session-errors';
import { describeRange } from '../filters/period';
import { useFilters } from '../filters/use-filters';
import { PageHeader } from '../layout/PageHeader';
import { TierFunnel } from '../stages/TierFunnel';
import { NATIONAL_OVERVIEW, type NationalFigures } from './national.graphql';
import { complianceText, countAndShare, raisedFinding, raisedSummary, shareOfTotal } from './national-findings';
import { NationalPeriod } from './NationalPeriod';

const COMPLIANCE_NOTE =
  'Timescale compliance: timescales met ÷ (met + breached + overdue), over the timescales of escalations raised in the period. ' +
  'Escalations marked out of scope are counted on their own and in no other figure.';

/** "How do partnerships compare?": the national and regional viewer's page, counts across partnerships only. */
export function NationalPage() {
  const { range } = useFilters();
  const { data, previousData, loading, error, refetch } = useQuery(NATIONAL_OVERVIEW, {
    variables: { filter: { from: range.from, to: range.to } },
    notifyOnNetworkStatusChange: true,
  });
  const overview = (data ?? previousData)?.nationalOverview;
  const state: PanelState =
    error && !loading
      ? { status: 'error', detail: error.message, onRetry: () => void refetch() }
      : !overview
        ? { status: 'loading' }
        : overview.partnerships.length === 0
          ? { status: 'empty', message: 'There are no partnerships yet.' }
          : { status: 'ready' };
  const partnerships = overview?.partnerships ?? [];
  const total = overview?.total;

  return (
    <>
      <PageHeader
        title="National picture"
        lead="Escalations across partnerships: how many were raised, how far up the ladder they went and whether timescales were met. Numbers from 1 to 4 are never shown."
        filtered={false}
      />
      <div className="filter-area">
        <p className="filter-summary" aria-live="polite">
          Escalations raised from {describeRange(range)} · every partnership
        </p>
        <NationalPeriod />
      </div>
      {isSignedOut(error) ? (
        <SessionEnded />
      ) : (
        <>
          <RaisedByPartnership state={state} partnerships={partnerships} total={total} />
          <FiguresTable state={state} partnerships={partnerships} total={total} />
          <TierFunnel state={state} tiers={total?.reach ?? []} cohort={total?.raised} />
        </>
      )}
    </>
  );
}

interface PanelProps {
  readonly state: PanelState;
  readonly partnerships: readonly NationalFigures[];
  readonly total: NationalFigures | undefined;
}

/** The bar chart: escalations raised per partnership, with its table behind the toggle. */
function RaisedByPartnership({ state, partnerships, total }: PanelProps) {
  const finding = state.status === 'ready' && total ? raisedFinding(partnerships, total) : null;
  return (
    <ChartPanel
      title={finding ?? 'Escalations raised, by partnership'}
      question="Where are disagreements being escalated?"
      state={state}
      summary={total ? raisedSummary(partnerships, total) : undefined}
      suppressed={anyApiSuppressed(partnerships.map((p) => p.raised))}
      chart={<BarRows rows={partnerships.map((p) => ({ key: p.partnershipId ?? 'total', label: p.name, value: p.raised.value, text: p.raised.display }))} />}
      table={
        <DataTable
          caption="Escalations raised in the period, by partnership"
          rowKey={(p) => p.partnershipId ?? 'total'}
          rows={total ? [...partnerships, total] : partnerships}
          columns={[
            { key: 'name', header: 'Partnership', rowHeader: true, cell: (p) => p.name },
            { key: 'raised', header: 'Escalations raised (count)', numeric: true, cell: (p) => p.raised.display },
            {
              key: 'share',
              header: 'Share of all raised (%)',
              numeric: true,
              cell: (p) => (total ? displayApiShare(shareOfTotal(p.raised, total.raised), p.raised) : '–'),
            },
          ]}
        />
      }
      footnotes={['Bars start at zero. A partnership whose count is hidden has no bar.']}
    />
  );
}

/** Every figure of every partnership, and all of them together. */
function FiguresTable({ state, partnerships, total }: PanelProps) {
  const rows = total ? [...partnerships, total] : partnerships;
  const reached = (p: NationalFigures, tier: number) => {
    const row = p.reach.find((r) => r.tier === tier);
    return row ? countAndShare(row.reached, row.share) : '–';
  };
  const counts = rows.flatMap((p) => [p.raised, p.open, p.reachedTopTier, p.timescalesDecided, p.outOfScope, ...p.reach.map((r) => r.reached)]);
  return (
    <ChartPanel
      title="Figures by partnership"
      question="How far do escalations go in each partnership, and are timescales met?"
      state={state}
      suppressed={anyApiSuppressed(counts)}
      table={
        <DataTable
          caption="Escalations raised in the period, by partnership: how many are open, how far they went, and timescale compliance"
          hiddenCaption
          rowKey={(p) => p.partnershipId ?? 'total'}
          rows={rows}
          columns={[
            { key: 'name', header: 'Partnership', rowHeader: true, cell: (p) => p.name },
            { key: 'raised', header: 'Raised (count)', numeric: true, cell: (p) => p.raised.display },
            { key: 'open', header: 'Still open (count, % of raised)', numeric: true, cell: (p) => countAndShare(p.open, p.openShare) },
            { key: 'tier2', header: 'Reached tier 2 or beyond (count, %)', numeric: true, cell: (p) => reached(p, 2) },
            { key: 'tier3', header: 'Reached tier 3 or beyond (count, %)', numeric: true, cell: (p) => reached(p, 3) },
            { key: 'tier4', header: 'Reached tier 4 or beyond (count, %)', numeric: true, cell: (p) => reached(p, 4) },
            { key: 'top', header: 'Reached tier 5, strategic (count, %)', numeric: true, cell: (p) => countAndShare(p.reachedTopTier, p.topTierShare) },
            { key: 'compliance', header: 'Timescale compliance (%)', numeric: true, cell: complianceText },
            { key: 'decided', header: 'Timescales decided (count)', numeric: true, cell: (p) => p.timescalesDecided.display },
            { key: 'outOfScope', header: 'Out of scope (count)', numeric: true, cell: (p) => p.outOfScope.display },
          ]}
        />
      }
      footnotes={[COMPLIANCE_NOTE, '“Not shown”: a percentage that would give a hidden number away. “–”: nothing to divide by.']}
    />
  );
}
