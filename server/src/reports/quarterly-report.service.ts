import type { Writable } from 'node:stream';
import { formatUkDateTime, TIER_NAMES, type Tier } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { AnalyticsCount } from '../analytics/models/analytics-count.model.js';
import type { BreachStatistics } from '../analytics/models/breach-statistics.model.js';
import type { AnalyticsOverview, HeadlineCount } from '../analytics/models/overview.model.js';
import type { StageReach } from '../analytics/models/stage-reach.model.js';
import type { ThemeSignals } from '../analytics/models/theme-signals.model.js';
import type { Themes } from '../analytics/models/themes.model.js';
import { Clock } from '../common/clock/clock.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { ANALYTICS_STATISTICS, type ExportScope } from '../exports/analytics-statistics.js';
import { PartnershipsException } from '../partnerships/partnerships.exception.js';
import { ReportDocument, type Bar } from './pdf/report-document.js';
import { periodDates, type ReportPeriod } from './quarter.js';
import { openLearningActions, openLogEntries } from './strategic-records.js';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
const bar = (label: string, count: AnalyticsCount, share?: number | null): Bar => ({
  label,
  value: count.value,
  display: share === undefined ? count.display : `${count.display} (${percent(share)})`,
});

/**
 * The quarterly report for a partnership's executive meeting, as a PDF: headline figures
 * against the previous quarter, the stage funnel, timeliness, themes and theme signals,
 * and the strategic log's open entries with the learning actions still open. Figures
 * come from the analytics API's own services as the signed-in user, so what a role may
 * not see in the app (small numbers) it does not see here either.
 */
@Injectable()
export class QuarterlyReportService {
  constructor(
    private readonly modules: ModuleRef,
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
  ) {}

  async write(out: Writable, partnershipId: string, period: ReportPeriod, publication: boolean): Promise<void> {
    const scope: ExportScope = { partnershipId, from: period.from, to: period.to, publication };
    const ask = <T>(name: string) => ANALYTICS_STATISTICS[name]!(this.modules, scope) as unknown as Promise<T>;
    const overview = await ask<AnalyticsOverview>('overview');
    const reach = await ask<StageReach>('stage-reach');
    const breaches = await ask<BreachStatistics>('breach-statistics');
    const themes = await ask<Themes>('themes');
    const signals = await ask<ThemeSignals>('theme-signals');
    const { name, log, actions } = await this.db.run(async (manager) => {
      const [partnership] = (await manager.query('SELECT name FROM partnership WHERE id = $1', [partnershipId])) as { name: string }[];
      if (!partnership) throw PartnershipsException.notFound(partnershipId);
      return { name: partnership.name, log: await openLogEntries(manager, partnershipId), actions: await openLearningActions(manager, partnershipId) };
    });

    const doc = new ReportDocument(`${name}: escalations, ${period.label}`, name);
    doc.pdf.pipe(out);
    const suppressed = overview.cohort.smallNumbersSuppressed;
    doc.title(`Escalations report: ${period.label}`, `${name}. Escalations raised ${periodDates(period)}; figures as at ${formatUkDateTime(this.clock.now())} (UK time).`);
    if (suppressed) doc.paragraph('Counts from 1 to 4 are shown as "<5", and some others are withheld so that they cannot be worked out by subtraction.', { muted: true });

    doc.heading('Headline figures');
    const headline = (label: string, figure: HeadlineCount) => ({
      label,
      value: figure.current.display,
      note: `previous quarter ${figure.previous.display}${figure.difference === null ? '' : ` (${figure.difference >= 0 ? '+' : ''}${figure.difference})`}`,
    });
    doc.keyFigures([
      headline('Escalations raised', overview.raised),
      headline('Still open', overview.open),
      headline('Resolved between practitioners', overview.resolvedAtPractice),
      headline('Reached the strategic tier', overview.reachedTopTier),
      { label: 'Timescales met', value: percent(overview.compliance.current), note: `previous quarter ${percent(overview.compliance.previous)}` },
      headline('Timescales overdue now', overview.overdueNow),
    ]);

    doc.heading('How far escalations went');
    doc.barChart('Escalations reaching each tier (share of those raised)', reach.tiers.map((t) => bar(`${t.tier} ${t.tierName}`, t.reached, t.share)));
    if (reach.stages) doc.barChart(`Stages of ${reach.stages.protocolName}`, reach.stages.stages.map((s) => bar(`${s.stageCode} ${s.stageName}`, s.reached, s.share)));
    doc.table(
      [{ header: 'Resolved at', width: 0.6 }, { header: 'Escalations', width: 0.2, align: 'right' }, { header: 'Share', width: 0.2, align: 'right' }],
      reach.resolvedAt.map((r) => [r.tier === null ? r.state.replace(/_/g, ' ') : `tier ${r.tier} (${TIER_NAMES[r.tier as Tier]})`, r.count.display, percent(r.share)]),
    );

    doc.heading('Timeliness');
    doc.paragraph(`Timescales met: ${percent(breaches.overall.compliance)} of ${breaches.overall.counted.display} that fell due (met ${breaches.overall.met.display}, late ${breaches.overall.breached.display}, overdue ${breaches.overall.overdue.display}).`);
    doc.barChart('Share met, by timescale', breaches.byRule.filter((r) => r.counted.value !== 0).map((r) => ({
      label: r.ruleName ?? r.ruleCode ?? '', value: r.compliance === null ? null : r.compliance * 100, display: `${percent(r.compliance)} of ${r.counted.display}`,
    })), { max: 100 });
    doc.table(
      [{ header: 'Stage', width: 0.4 }, { header: 'Met', width: 0.15, align: 'right' }, { header: 'Late', width: 0.15, align: 'right' }, { header: 'Overdue', width: 0.15, align: 'right' }, { header: 'Met %', width: 0.15, align: 'right' }],
      breaches.byStage.map((s) => [`${s.stageCode ?? ''} ${s.stageName ?? ''}`.trim(), s.met.display, s.breached.display, s.overdue.display, percent(s.compliance)]),
    );

    doc.heading('Themes');
    const categories = [...themes.categories].sort((a, b) => (b.change.current.value ?? 0) - (a.change.current.value ?? 0)).slice(0, 12);
    doc.barChart('Escalations by area of disagreement', categories.map((c) => bar(c.label, c.change.current)));
    doc.paragraph(`Theme signals: the same area of disagreement with the same receiving agency, recurring within a rolling window (${signals.settings.map((s) => `${s.minCount} in ${s.windowDays} days`).join('; ') || 'partnership setting'}).`, { muted: true });
    doc.table(
      [{ header: 'Area of disagreement', width: 0.4 }, { header: 'Receiving agency', width: 0.26 }, { header: 'Escalations', width: 0.12, align: 'right' }, { header: 'First – last raised', width: 0.22 }],
      signals.signals.map((s) => [s.categoryLabel, s.receivingAgencyName, s.escalationCount.display, `${formatUkDateTime(new Date(s.firstRaisedAt)).slice(0, 10)} – ${formatUkDateTime(new Date(s.lastRaisedAt)).slice(0, 10)}`]),
      'No theme signal in the quarter.',
    );

    doc.heading('Strategic escalation log: open entries');
    doc.table(
      [{ header: 'Entry', width: 0.3 }, { header: 'Added', width: 0.1 }, { header: 'Owner', width: 0.14 }, { header: 'Status', width: 0.1 }, { header: 'Review', width: 0.1 }, { header: 'Executive response', width: 0.26 }],
      log.map((e) => [`${e.title} (${e.linkedEscalations} linked)`, e.addedOn, e.owner, e.status, e.reviewDate ?? '', e.executiveResponse]),
      'No open entries.',
    );
    doc.heading('Learning actions still open');
    doc.table(
      [{ header: 'Learning', width: 0.3 }, { header: 'Action', width: 0.36 }, { header: 'Owner', width: 0.14 }, { header: 'Due', width: 0.1 }, { header: 'Status', width: 0.1 }],
      actions.map((a) => [a.item, a.action, a.owner, a.dueOn ?? '', a.status]),
      'No open learning actions.',
    );
    doc.finish(`${name} · ${period.label} · ${suppressed ? 'small numbers suppressed' : 'exact counts: not for publication'}`);
  }
}
