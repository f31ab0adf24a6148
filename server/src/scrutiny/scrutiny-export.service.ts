import { formatUkDateTime } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { csvLine, type CsvColumn } from '../exports/csv/csv-writer.js';
import type { ScrutinyEscalation, ScrutinyRequirement } from './models/scrutiny-review.model.js';
import { ScrutinyService, type ScrutinyPeriod } from './scrutiny.service.js';

const local = (at: Date | null) => (at ? formatUkDateTime(at) : null);

/** A requirement in words: "met", "missing at stage 3", "not recorded", "not required by this protocol". */
export function requirementText(check: ScrutinyRequirement | undefined): string {
  if (!check) return '';
  switch (check.status) {
    case 'met':
      return 'met';
    case 'missing':
      return `missing at stage ${check.missingAtStages.join(', ')}`;
    case 'not_recorded':
      return 'not recorded (no milestone can show it)';
    case 'not_required':
      return check.requiredByProtocol ? 'not required at the stages entered' : 'not required by this protocol';
  }
}

const requirement = (name: string): CsvColumn<ScrutinyEscalation>['value'] => (e) => requirementText(e.requirements.find((r) => r.requirement === name));

/** The review's columns: one row per escalation, the audit trail as one line per event in its last cell. */
const COLUMNS: readonly CsvColumn<ScrutinyEscalation>[] = [
  { header: 'Reference', value: (e) => e.reference },
  { header: 'Raised (UK time)', value: (e) => local(e.raisedAt) },
  { header: 'Status', value: (e) => e.status.replace(/_/g, ' ') },
  { header: 'Highest tier', value: (e) => e.highestTier },
  { header: 'Tiers reached', value: (e) => e.tiersReached.join(' > ') },
  { header: 'Stages entered', value: (e) => e.stagesEntered.join(' > ') },
  { header: 'Resolved (UK time)', value: (e) => local(e.resolvedAt) },
  { header: 'Resolved at tier', value: (e) => e.resolvedTier },
  { header: 'Closed (UK time)', value: (e) => local(e.closedAt) },
  { header: 'Outcome', value: (e) => e.outcome },
  { header: 'Written confirmation', value: requirement('written_confirmation') },
  { header: 'Feedback to the raiser', value: requirement('feedback_to_raiser') },
  { header: 'Notification form', value: requirement('notification_form') },
  { header: 'Independent facilitation', value: requirement('independent_facilitation') },
  { header: 'Written confirmation given (stated at resolution)', value: (e) => e.writtenConfirmationGiven },
  { header: 'Feedback given (stated at resolution)', value: (e) => e.feedbackGiven },
  { header: 'Timescales met', value: (e) => e.timescales.met },
  { header: 'Timescales breached', value: (e) => e.timescales.breached },
  { header: 'Timescales overdue', value: (e) => e.timescales.overdue },
  { header: 'Timescales pending', value: (e) => e.timescales.pending },
  { header: 'Audit events', value: (e) => e.auditEvents.length },
  {
    header: 'Audit trail (UK time, who, what)',
    value: (e) => e.auditEvents.map((event) => `${formatUkDateTime(event.occurredAt)} ${event.actorLabel} ${event.action}`).join('\n'),
  },
];

/** The scrutiny review as CSV (formula-guarded cells, see csvCell); the export itself is audited. */
@Injectable()
export class ScrutinyExportService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly scrutiny: ScrutinyService,
    private readonly audit: AuditService,
  ) {}

  /** @throws ScrutinyException INVALID_PERIOD */
  async render(period: ScrutinyPeriod, actor: Actor): Promise<string> {
    const review = await this.scrutiny.review(period);
    await this.db.run((manager) => this.audit.append(manager, actor, {
      partnershipId: period.partnershipId,
      action: 'scrutiny_review.exported',
      entityType: 'scrutiny_review',
      entityId: null,
      changes: { before: {}, after: { format: 'csv', from: period.from, to: period.to, rows: review.escalations.length } },
    }));
    return `\uFEFF${csvLine(COLUMNS.map((c) => c.header))}${review.escalations.map((row) => csvLine(COLUMNS.map((c) => c.value(row)))).join('')}`;
  }
}
