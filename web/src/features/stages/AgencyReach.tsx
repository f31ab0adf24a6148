import { useState } from 'react';
import { BarRows } from '../../charts/BarRows';
import { ChartPanel, type PanelState } from '../../charts/ChartPanel';
import { DataTable } from '../../components/DataTable';
import { formatPercent } from '../../lib/format';
import { anyApiSuppressed, countWithShare, displayApiShare } from '../../lib/suppression';
import type { ReachBreakdownRow } from './stages.graphql';

/** Agencies drawn as small multiples; the rest are in the table. */
const MULTIPLES = 9;

interface AgencyReachProps {
  readonly state: PanelState;
  readonly byReceiving: readonly ReachBreakdownRow[];
  readonly byRaising: readonly ReachBreakdownRow[];
}

function sorted(rows: readonly ReachBreakdownRow[]): ReachBreakdownRow[] {
  return [...rows].sort((a, b) => (b.escalations.value ?? 0) - (a.escalations.value ?? 0) || a.label.localeCompare(b.label));
}

/** Reach by tier for each agency, on one scale (0–100%), so that agencies can be compared at a glance. */
export function AgencyReach({ state, byReceiving, byRaising }: AgencyReachProps) {
  const [side, setSide] = useState<'receiving' | 'raising'>('receiving');
  const rows = sorted(side === 'receiving' ? byReceiving : byRaising);
  const tier3 = (row: ReachBreakdownRow) => row.tiers.find((tier) => tier.tier === 3);
  const comparable = rows.filter((row) => tier3(row)?.share != null && (row.escalations.value ?? 0) >= 10).sort((a, b) => tier3(b)!.share! - tier3(a)!.share!);
  const highest = comparable.length >= 2 ? comparable[0] : undefined;
  const title = highest
    ? `Escalations ${side === 'receiving' ? 'raised with' : 'raised by'} ${highest.label} went furthest: ${formatPercent(tier3(highest)!.share!)} reached tier 3 or above`
    : 'Reach by agency';
  return (
    <ChartPanel
      title={title}
      question={`Do escalations go further with some ${side === 'receiving' ? 'receiving' : 'raising'} agencies than others?`}
      state={state}
      summary={rows.map((row) => `${row.label}: ${row.escalations.display} escalations, ${tier3(row) ? countWithShare(tier3(row)!.reached, tier3(row)!.share) : 'none'} reached tier 3 or above`).join('. ')}
      suppressed={anyApiSuppressed(rows.flatMap((row) => [row.escalations, ...row.tiers.map((tier) => tier.reached)]))}
      controls={
        <div className="view-toggle" role="group" aria-label="Compare agencies by">
          <button type="button" className="view-toggle__button" aria-pressed={side === 'receiving'} onClick={() => setSide('receiving')}>
            Receiving agency
          </button>
          <button type="button" className="view-toggle__button" aria-pressed={side === 'raising'} onClick={() => setSide('raising')}>
            Raising agency
          </button>
        </div>
      }
      chart={
        <>
          <ul className="multiples">
            {rows.slice(0, MULTIPLES).map((row) => (
              <li key={row.key} className="multiples__item">
                <h4 className="multiples__title">{row.label}</h4>
                <p className="multiples__count">{row.escalations.display} escalations</p>
                <BarRows
                  max={1}
                  rows={row.tiers.map((tier) => ({ key: String(tier.tier), label: `Tier ${tier.tier}`, value: tier.share, text: tier.share === null ? tier.reached.display : formatPercent(tier.share) }))}
                />
              </li>
            ))}
          </ul>
          {rows.length > MULTIPLES && <p className="muted">The other {rows.length - MULTIPLES} agencies are in the table.</p>}
        </>
      }
      table={
        <DataTable
          caption={`Reach by tier, by ${side} agency`}
          rowKey={(row) => row.key}
          rows={rows}
          columns={[
            { key: 'agency', header: `${side === 'receiving' ? 'Receiving' : 'Raising'} agency`, rowHeader: true, cell: (row) => row.label },
            { key: 'n', header: 'Escalations (count)', numeric: true, cell: (row) => row.escalations.display },
            ...[2, 3, 4, 5].map((tierNumber) => ({
              key: `t${tierNumber}`,
              header: `Reached tier ${tierNumber}+ (%)`,
              numeric: true,
              cell: (row: ReachBreakdownRow) => {
                const tier = row.tiers.find((item) => item.tier === tierNumber);
                return tier ? displayApiShare(tier.share, tier.reached) : '–';
              },
            })),
          ]}
        />
      }
      footnotes={['Each small chart shows the share of that agency’s escalations reaching each tier or beyond, on the same 0–100% scale.']}
    />
  );
}
