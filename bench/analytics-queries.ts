/**
 * Every analytics query with the whole of its answer selected — what the dashboard could
 * ask for at most — timed by the benchmark.
 */
const COUNT = `{ value display suppressed }`;
const COHORT = `cohort { period { from to days } escalations ${COUNT} outOfScope ${COUNT} smallNumbersSuppressed asOf }`;
const TIER = `{ tier tierName reached ${COUNT} share }`;
const RESOLUTION = `{ state tier count ${COUNT} share }`;
const TIMES = `{ count median p90 }`;
const GROUP = `{ ruleCode ruleName stageCode stageName tier agencyId agencyName month monthLabel met ${COUNT} breached ${COUNT}
  overdue ${COUNT} pending ${COUNT} counted ${COUNT} compliance durations { unit timeTaken ${TIMES} lateness ${TIMES} } }`;
const COUNTS_ONLY = `{ ruleCode ruleName stageCode stageName tier agencyId agencyName month monthLabel met ${COUNT} breached ${COUNT}
  overdue ${COUNT} pending ${COUNT} counted ${COUNT} compliance }`;
const CURVE = `{ tier escalations ${COUNT} resolved ${COUNT} censored ${COUNT} medianDays medianLowerDays medianUpperDays totalSteps thinned
  steps { time atRisk events censored survival lower upper } }`;
const CHANGE = `{ current ${COUNT} previous ${COUNT} difference ratio }`;
const AXIS = `{ key label partnershipId total ${COUNT} }`;
const MATRIX = `{ rows ${AXIS} columns ${AXIS} cells { rowKey columnKey count ${COUNT} } }`;
const HEADLINE = `{ current ${COUNT} previous ${COUNT} difference ratio share previousShare sparkline ${COUNT} }`;

export const ANALYTICS_QUERIES: Readonly<Record<string, string>> = {
  analyticsOverview: `query Overview($filter: AnalyticsFilter!) { analyticsOverview(filter: $filter) {
    ${COHORT} previousPeriod { from to days } months raised ${HEADLINE} open ${HEADLINE} resolvedAtPractice ${HEADLINE}
    reachedTopTier ${HEADLINE} compliance { current previous difference denominator ${COUNT} previousDenominator ${COUNT} sparkline }
    overdueNow ${HEADLINE} } }`,
  stageReach: `query StageReach($filter: AnalyticsFilter!) { stageReach(filter: $filter) {
    ${COHORT} tiers ${TIER} resolvedAt ${RESOLUTION}
    stages { protocolId protocolName escalations ${COUNT} stages { stageCode stageName ladderOrder tier reached ${COUNT} entered ${COUNT} skipped ${COUNT} share } }
    byRaisingAgency { key label partnershipId escalations ${COUNT} tiers ${TIER} resolvedAt ${RESOLUTION} }
    byReceivingAgency { key label partnershipId escalations ${COUNT} tiers ${TIER} resolvedAt ${RESOLUTION} }
    byCategory { key label partnershipId escalations ${COUNT} tiers ${TIER} resolvedAt ${RESOLUTION} } } }`,
  breachStatistics: `query Breach($filter: AnalyticsFilter!) { breachStatistics(filter: $filter) {
    ${COHORT} agencyRole overall ${GROUP} byRule ${GROUP} byStage ${GROUP} byTier ${GROUP} byAgency ${GROUP} byMonth ${GROUP}
    byRuleAndMonth ${GROUP} } }`,
  /** The same without the percentiles, which are skipped when no `durations` is selected. */
  breachCounts: `query BreachCounts($filter: AnalyticsFilter!) { breachStatistics(filter: $filter) {
    ${COHORT} agencyRole overall ${COUNTS_ONLY} byRule ${COUNTS_ONLY} byStage ${COUNTS_ONLY} byTier ${COUNTS_ONLY} byAgency ${COUNTS_ONLY}
    byMonth ${COUNTS_ONLY} byRuleAndMonth ${COUNTS_ONLY} } }`,
  timeToResolution: `query TimeToResolution($filter: AnalyticsFilter!) { timeToResolution(filter: $filter) {
    ${COHORT} overall ${CURVE} byTier ${CURVE} } }`,
  themes: `query Themes($filter: AnalyticsFilter!) { themes(filter: $filter, interval: QUARTER) {
    ${COHORT} interval buckets { start end label partial } bucketTotals ${COUNT}
    categories { categoryCode label series ${COUNT} change ${CHANGE} } previousPeriod { from to days } change ${CHANGE}
    agencyPairs ${MATRIX} categoryByReceiving ${MATRIX} } }`,
  themeSignals: `query ThemeSignals($filter: AnalyticsFilter!) { themeSignals(filter: $filter) {
    ${COHORT} settings { partnershipId minCount windowDays fromPartnership }
    signals { partnershipId categoryCode categoryLabel receivingAgencyId receivingAgencyName minCount windowDays escalationCount ${COUNT}
      firstRaisedAt lastRaisedAt windows { start end escalations ${COUNT} } escalations { id reference raisedAt } } } }`,
  drift: `query Drift($filter: AnalyticsFilter!) { drift(filter: $filter) {
    ${COHORT} open ${COUNT} byAge { label minDays maxDays escalations ${COUNT} }
    byCurrentStage { protocolId stageCode stageName tier ladderOrder escalations ${COUNT} }
    overdue { timescales ${COUNT} escalations ${COUNT} list { partnershipId escalationId reference ruleCode ruleName stageCode deadline overdueDays unit lateness } } } }`,
  silentAgencies: `query SilentAgencies($filter: AnalyticsFilter!) { silentAgencies(filter: $filter) {
    ${COHORT} periods { from to days } periodTotals ${COUNT}
    agencies { agencyId name sector partnershipId isActive silent raised ${COUNT} } } }`,
};
