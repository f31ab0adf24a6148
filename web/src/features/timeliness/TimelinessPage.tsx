import { navigate, useLocation } from '../../app/router';
import { SessionEnded } from '../auth/SessionEnded';
import { panelState, useAnalytics } from '../analytics/use-analytics';
import { PageHeader } from '../layout/PageHeader';
import { useDashboardContext } from '../layout/use-dashboard-context';
import { ComplianceByRule } from './ComplianceByRule';
import { ComplianceOverTime } from './ComplianceOverTime';
import { LatenessHistogram } from './LatenessHistogram';
import { OverdueList } from './OverdueList';
import { TimeToResolutionPanel } from './TimeToResolutionPanel';
import { chosenComplianceLines } from './timeliness-findings';
import { BREACH_STATISTICS, DRIFT, TIME_TO_RESOLUTION } from './timeliness.graphql';

/** "Are timescales met?": compliance per rule over time, lateness, time to resolution, and what is overdue now. */
export function TimelinessPage() {
  const { viewer } = useDashboardContext();
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  /** A chart's own choice, kept in the URL beside the filters so that a shared link shows the same view. */
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(name, value);
    navigate(`${pathname}?${next.toString()}`, { replace: true });
  };
  const breach = useAnalytics(BREACH_STATISTICS, {});
  const resolution = useAnalytics(TIME_TO_RESOLUTION, {});
  const drift = useAnalytics(DRIFT, {});
  const breachState = panelState(breach, (data) => (data.breachStatistics.overall.counted.value ?? 1) === 0, 'No timescale applied to the escalations that match these filters.');
  const resolutionState = panelState(resolution, (data) => data.timeToResolution.overall.escalations.value === 0);
  const driftState = panelState(drift, () => false);
  if (breach.signedOut || resolution.signedOut || drift.signedOut) return <SessionEnded />;
  return (
    <>
      <PageHeader title="Timeliness" lead="Whether each stage’s timescales are met, how long disagreements take to resolve, and what is overdue now." />
      <ComplianceOverTime state={breachState} data={breach.data?.breachStatistics} lines={chosenComplianceLines(params.get('compliance'))} onLines={(lines) => setParam('compliance', lines)} />
      <ComplianceByRule state={breachState} byRule={breach.data?.breachStatistics.byRule ?? []} byStage={breach.data?.breachStatistics.byStage ?? []} />
      <LatenessHistogram state={breachState} rules={breach.data?.breachStatistics.latenessByRule ?? []} asked={params.get('lateness')} onRule={(key) => setParam('lateness', key)} />
      <TimeToResolutionPanel state={resolutionState} data={resolution.data?.timeToResolution} />
      <OverdueList state={driftState} data={drift.data?.drift} linkEscalations={viewer.seesRecordLevelDetail} />
    </>
  );
}
