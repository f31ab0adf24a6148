import { BarRows } from '../../charts/BarRows';
import { ChartPanel, type PanelState } from '../../charts/ChartPanel';
import { DataTable } from '../../components/DataTable';
import { stageTitle } from '../protocols/format';
import { anyApiSuppressed, countWithShare, displayApiShare, type ApiCount } from '../../lib/suppression';
import { skippedStages } from './stage-findings';
import type { StageReachRow } from './stages.graphql';

interface ProtocolStagesProps {
  readonly state: PanelState;
  readonly protocol: { readonly protocolName: string; readonly escalations: ApiCount; readonly stages: readonly StageReachRow[] } | null;
}

const name = (stage: StageReachRow) => stageTitle({ code: stage.stageCode, name: stage.stageName });

/** Reach by the protocol's own stages, with the stages escalations went past without entering. */
export function ProtocolStages({ state, protocol }: ProtocolStagesProps) {
  const stages = protocol?.stages ?? [];
  const skipped = skippedStages(stages);
  const panelState: PanelState =
    state.status === 'ready' && protocol === null
      ? { status: 'empty', message: 'Each partnership has its own ladder: choose one partnership in the filters to see its stages.' }
      : state;
  const title = skipped.length > 0 ? `${skipped.length === 1 ? 'One stage was' : `${skipped.length} stages were`} skipped by some escalations` : 'Reach of each stage of the protocol';
  return (
    <ChartPanel
      title={protocol ? title : 'Reach of each stage of the protocol'}
      question={protocol ? `How far up ${protocol.protocolName} do disagreements go, and which stages are passed over?` : 'How far up the protocol’s own ladder do disagreements go?'}
      state={panelState}
      summary={stages.map((stage) => `${name(stage)}: reached by ${stage.reached.display}, entered by ${stage.entered.display}, skipped by ${stage.skipped.display}`).join('. ')}
      suppressed={anyApiSuppressed(stages.flatMap((stage) => [stage.reached, stage.entered, stage.skipped]))}
      chart={
        <BarRows
          max={protocol?.escalations.value ?? undefined}
          rows={stages.map((stage) => ({
            key: stage.stageCode,
            label: name(stage),
            value: stage.reached.value,
            text: `${countWithShare(stage.reached, stage.share)} reached`,
            secondary: { value: stage.entered.value, text: `${stage.entered.display} entered${stage.skipped.value === 0 ? '' : `, ${stage.skipped.display} skipped`}` },
          }))}
        />
      }
      table={
        <DataTable
          caption={`Escalations at each stage of ${protocol?.protocolName ?? 'the protocol'}`}
          rowKey={(stage) => stage.stageCode}
          rows={stages}
          columns={[
            { key: 'stage', header: 'Stage', rowHeader: true, cell: name },
            { key: 'tier', header: 'Tier', numeric: true, cell: (stage) => String(stage.tier) },
            { key: 'reached', header: 'Reached this stage or beyond (escalations)', numeric: true, cell: (stage) => stage.reached.display },
            { key: 'share', header: 'Share (%)', numeric: true, cell: (stage) => displayApiShare(stage.share, stage.reached) },
            { key: 'entered', header: 'Entered this stage (escalations)', numeric: true, cell: (stage) => stage.entered.display },
            { key: 'skipped', header: 'Went past it without entering (escalations)', numeric: true, cell: (stage) => stage.skipped.display },
          ]}
        />
      }
      footnotes={[
        'Dark bars: escalations that reached the stage or a later one. Light bars: those that entered the stage itself. The difference passed over the stage, as the protocol allows for urgent matters.',
      ]}
    />
  );
}
