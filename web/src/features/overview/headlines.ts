import { formatCountChange, formatPercent, formatPointsChange } from '../../lib/format';
import type { ApiCount } from '../../lib/suppression';
import type { PageKey } from '../layout/pages';
import type { HeadlineCount, HeadlineRatio, OverviewData } from './overview.graphql';

/** One headline figure as the overview shows it. */
export interface Headline {
  readonly key: string;
  readonly label: string;
  /** The figure itself: "1,204", "<5" or "78%". */
  readonly value: string;
  /** A second line: "42% of those raised". */
  readonly detail: string | null;
  /** Against the previous period: "up 12 (8%)", "down 3 points", or why there is no comparison. */
  readonly change: string;
  readonly sparkline: readonly (number | null)[];
  /** The scale's top for a share (1), or none for a count. */
  readonly sparkMax?: number;
  readonly suppressed: boolean;
  /** Where to read more, and any parameters of that page's own. */
  readonly page: PageKey;
  readonly pageParams?: Readonly<Record<string, string>>;
  readonly linkText: string;
}

/** "up 12 (8%)", "no change", or "not compared: the numbers are too small to show". */
export function countChange(headline: HeadlineCount): string {
  if (headline.difference === null) return headline.current.suppressed || headline.previous.suppressed ? 'not compared: a number is too small to show' : 'not compared';
  const relative = headline.ratio === null || headline.difference === 0 ? '' : ` (${formatPercent(Math.abs(headline.ratio))})`;
  return `${formatCountChange(headline.difference)}${relative} on the previous period`;
}

/** "up 5 points on the previous period (was 73%)". */
export function ratioChange(ratio: HeadlineRatio): string {
  if (ratio.difference === null || ratio.previous === null) return 'not compared: too few timescales to show';
  return `${formatPointsChange(ratio.difference)} on the previous period (was ${formatPercent(ratio.previous)})`;
}

function shareDetail(headline: HeadlineCount): string | null {
  return headline.share === null ? null : `${formatPercent(headline.share)} of those raised`;
}

const values = (series: readonly ApiCount[]) => series.map((count) => count.value);

/** The six headline figures, in the order the overview shows them. */
export function headlines(overview: OverviewData['analyticsOverview'], recordLevel: boolean): Headline[] {
  const count = (key: string, label: string, headline: HeadlineCount, page: PageKey, linkText: string, withShare = true): Headline => ({
    key,
    label,
    value: headline.current.display,
    detail: withShare ? shareDetail(headline) : null,
    change: countChange(headline),
    sparkline: values(headline.sparkline),
    suppressed: headline.current.suppressed || headline.previous.suppressed || headline.sparkline.some((item) => item.suppressed),
    page,
    linkText,
  });
  const { compliance } = overview;
  return [
    count('raised', 'Escalations raised', overview.raised, 'themes', 'What keeps recurring', false),
    { ...count('open', 'Still open', overview.open, recordLevel ? 'escalations' : 'timeliness', recordLevel ? 'See the open escalations' : 'How long they take'), ...(recordLevel ? { pageParams: { status: 'open' } } : {}) },
    count('practice', 'Resolved at practice level', overview.resolvedAtPractice, 'stages', 'Where they are resolved'),
    count('top', 'Reached the strategic tier', overview.reachedTopTier, 'stages', 'How far up the ladder they go'),
    {
      key: 'compliance',
      label: 'Timescales met',
      value: compliance.current === null ? 'not shown' : formatPercent(compliance.current),
      detail: compliance.denominator.suppressed ? null : `of ${compliance.denominator.display} timescales due`,
      change: ratioChange(compliance),
      sparkline: compliance.sparkline,
      sparkMax: 1,
      suppressed: compliance.denominator.suppressed || compliance.previousDenominator.suppressed,
      page: 'timeliness',
      linkText: 'Which timescales are missed',
    },
    { ...count('overdue', 'Overdue now', overview.overdueNow, recordLevel ? 'escalations' : 'timeliness', recordLevel ? 'See the overdue escalations' : 'What is overdue'), ...(recordLevel ? { pageParams: { overdue: '1' } } : {}) },
  ];
}

/** The page's finding: "1,204 escalations were raised, up 96 (9%) on the previous period." */
export function overviewFinding(overview: OverviewData['analyticsOverview']): string {
  const raised = overview.raised;
  const what = `${raised.current.display} ${raised.current.value === 1 ? 'escalation was' : 'escalations were'} raised`;
  return raised.difference === null ? `${what}.` : `${what}, ${countChange(raised)}.`;
}
