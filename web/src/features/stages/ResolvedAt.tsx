import { BarRows } from '../../charts/BarRows';
import { ChartPanel, type PanelState } from '../../charts/ChartPanel';
import { DataTable } from '../../components/DataTable';
import { anyApiSuppressed, countWithShare, displayApiShare } from '../../lib/suppression';
import { resolutionLabel, resolvedAtFinding } from './stage-findings';
import type { ResolutionShareRow, TierReachRow } from './stages.graphql';

/** Where escalations ended up: resolved at each tier, still open, or withdrawn. */
export function ResolvedAt({ state, rows, tiers }: { readonly state: PanelState; readonly rows: readonly ResolutionShareRow[]; readonly tiers: readonly TierReachRow[] }) {
  const finding = state.status === 'ready' ? resolvedAtFinding(rows, tiers) : null;
  const key = (row: ResolutionShareRow) => `${row.state}-${row.tier ?? ''}`;
  return (
    <ChartPanel
      title={finding ?? 'Where escalations were resolved'}
      question="Where are disagreements resolved?"
      state={state}
      summary={`${rows.map((row) => `${resolutionLabel(row, tiers)}: ${countWithShare(row.count, row.share)}`).join('; ')}.`}
      suppressed={anyApiSuppressed(rows.map((row) => row.count))}
      chart={
        <BarRows
          rows={rows.map((row) => ({ key: key(row), label: resolutionLabel(row, tiers), value: row.count.value, text: countWithShare(row.count, row.share) }))}
        />
      }
      table={
        <DataTable
          caption="Escalations by where they were resolved"
          rowKey={key}
          rows={rows}
          columns={[
            { key: 'where', header: 'Where', rowHeader: true, cell: (row) => resolutionLabel(row, tiers) },
            { key: 'count', header: 'Escalations (count)', numeric: true, cell: (row) => row.count.display },
            { key: 'share', header: 'Share of all escalations (%)', numeric: true, cell: (row) => displayApiShare(row.share, row.count) },
          ]}
        />
      }
    />
  );
}
