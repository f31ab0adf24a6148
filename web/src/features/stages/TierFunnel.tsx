import { BarRows } from '../../charts/BarRows';
import { ChartPanel, type PanelState } from '../../charts/ChartPanel';
import { DataTable } from '../../components/DataTable';
import { anyApiSuppressed, countWithShare, displayApiShare, type ApiCount } from '../../lib/suppression';
import { funnelFinding, funnelSummary } from './stage-findings';
import type { TierReachRow } from './stages.graphql';

interface TierFunnelProps {
  readonly state: PanelState;
  readonly tiers: readonly TierReachRow[];
  readonly cohort: ApiCount | undefined;
}

/** The stage-reach funnel by tier: how many reached each tier or went beyond it. */
export function TierFunnel({ state, tiers, cohort }: TierFunnelProps) {
  const finding = state.status === 'ready' ? funnelFinding(tiers) : null;
  return (
    <ChartPanel
      title={finding ?? 'How far escalations went, by tier'}
      question="How far up the ladder do disagreements go?"
      state={state}
      summary={cohort ? funnelSummary(tiers, cohort) : undefined}
      suppressed={anyApiSuppressed(tiers.map((tier) => tier.reached))}
      chart={
        <BarRows
          max={cohort?.value ?? undefined}
          rows={tiers.map((tier) => ({
            key: String(tier.tier),
            label: `${tier.tier}. ${tier.tierName}`,
            value: tier.reached.value,
            text: countWithShare(tier.reached, tier.share),
          }))}
        />
      }
      table={
        <DataTable
          caption="Escalations that reached each tier or went beyond it"
          rowKey={(tier) => String(tier.tier)}
          rows={tiers}
          columns={[
            { key: 'tier', header: 'Tier', rowHeader: true, cell: (tier) => `${tier.tier}. ${tier.tierName}` },
            { key: 'reached', header: 'Reached this tier or beyond (escalations)', numeric: true, cell: (tier) => tier.reached.display },
            { key: 'share', header: 'Share of all escalations (%)', numeric: true, cell: (tier) => displayApiShare(tier.share, tier.reached) },
          ]}
        />
      }
      footnotes={['Each bar counts escalations whose highest tier reached is this one or higher, so bars never grow down the ladder. Tiers put different protocols’ stages on one scale, from practice (1) to strategic (5).']}
    />
  );
}
