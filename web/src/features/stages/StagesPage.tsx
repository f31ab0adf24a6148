import { SessionEnded } from '../auth/SessionEnded';
import { panelState, useAnalytics } from '../analytics/use-analytics';
import { PageHeader } from '../layout/PageHeader';
import { AgencyReach } from './AgencyReach';
import { ProtocolStages } from './ProtocolStages';
import { ResolvedAt } from './ResolvedAt';
import { STAGE_REACH } from './stages.graphql';
import { TierFunnel } from './TierFunnel';

/** "How far up the ladder do disagreements go, and where are they resolved?" */
export function StagesPage() {
  const result = useAnalytics(STAGE_REACH, {});
  const reach = result.data?.stageReach;
  const state = panelState(result, (data) => data.stageReach.cohort.escalations.value === 0);
  return (
    <>
      <PageHeader title="Stages" lead="How far up the ladder disagreements go before they are settled, and where they are resolved." />
      {result.signedOut ? (
        <SessionEnded />
      ) : (
        <>
          <TierFunnel state={state} tiers={reach?.tiers ?? []} cohort={reach?.cohort.escalations} />
          <ProtocolStages state={state} protocol={reach?.stages ?? null} />
          <ResolvedAt state={state} rows={reach?.resolvedAt ?? []} tiers={reach?.tiers ?? []} />
          <AgencyReach state={state} byReceiving={reach?.byReceivingAgency ?? []} byRaising={reach?.byRaisingAgency ?? []} />
        </>
      )}
    </>
  );
}
