import { Injectable } from '@nestjs/common';
import { checkNotInFuture, planFirstStage } from '@escalation-insights/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock/clock.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { PartnershipsException } from '../partnerships/partnerships.exception.js';
import { ProtocolStageEntity } from '../protocols/protocol-stage.entity.js';
import { ProtocolEntity } from '../protocols/protocol.entity.js';
import { ChildKeyService } from './child-key.js';
import type { RecordEscalationInput } from './dto/record-escalation.input.js';
import { recordedValues } from './escalation-columns.js';
import { insertEscalation, insertStageEntry, nextEscalationId, type NewEscalation, type NewStageEntry } from './escalation-inserts.js';
import { toStageDefinition } from './escalation-journey.js';
import { requireAgency, requireCategory, requireWithinCalendar } from './escalation-references.js';
import { EscalationTransactionService } from './escalation-transaction.service.js';
import { EscalationsErrorCode, EscalationsException } from './escalations.exception.js';
import { EscalationsService } from './escalations.service.js';
import type { Escalation } from './models/escalation.model.js';

const AUDITED_ESCALATION_FIELDS = [
  'reference', 'protocolId', 'childKey', 'raisedAt', 'raisingAgencyId', 'raisingRole', 'receivingAgencyId', 'categoryCode',
  'urgency', 'raisedVia', 'summary', 'status', 'currentStageCode', 'highestTier', 'highestStageOrder',
];
const AUDITED_ENTRY_FIELDS = ['stageCode', 'enteredAt', 'skippedStageCodes', 'participants', 'notes'];

/** Records new escalations on the partnership's active protocol. */
@Injectable()
export class EscalationRecordingService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
    private readonly childKeys: ChildKeyService,
    private readonly transactions: EscalationTransactionService,
    private readonly escalations: EscalationsService,
  ) {}

  /**
   * Checks the input against the protocol (category, start stage and skip, times),
   * then writes the escalation and its first stage entry, its timescale outcomes and
   * the audit event in one transaction.
   */
  async record(input: RecordEscalationInput, actor: Actor): Promise<Escalation> {
    // The escalation is read back inside the transaction: a failure there rolls the write back, so a
    // mutation that reports an error (a database outage, say) never leaves its write behind.
    return this.db.run(async (manager): Promise<Escalation> => {
      const now = this.clock.now();
      const { partnershipId } = input;
      const protocol = await this.activeProtocol(manager, partnershipId);
      await requireAgency(manager, partnershipId, input.raisingAgencyId, 'raisingAgencyId', { active: true });
      await requireAgency(manager, partnershipId, input.receivingAgencyId, 'receivingAgencyId', { active: true });
      await requireCategory(manager, partnershipId, protocol.id, input.categoryCode, 'categoryCode');
      requireWithinCalendar(input.raisedAt, 'raisedAt');
      const future = checkNotInFuture(input.raisedAt, now, 'raisedAt');
      if (future) throw EscalationsException.violation(future);
      const stages = await manager.find(ProtocolStageEntity, { where: { partnershipId, protocolId: protocol.id }, order: { ladderOrder: 'ASC' } });
      const plan = planFirstStage(stages.map(toStageDefinition), input.urgency, protocol.skipAllowedFor, input.startStageCode ?? undefined);
      if (!plan.ok) throw EscalationsException.violation(plan.violation);

      const id = await nextEscalationId(manager);
      const { stage, skipped } = plan.value;
      const escalation: NewEscalation = {
        partnershipId,
        id,
        reference: input.reference?.trim() ?? `ESC-${id}`,
        protocolId: protocol.id,
        childKey: input.childReference ? this.childKeys.keyOf(input.childReference) : null,
        raisedAt: input.raisedAt,
        raisingAgencyId: input.raisingAgencyId,
        raisingRole: input.raisingRole.trim(),
        receivingAgencyId: input.receivingAgencyId,
        categoryCode: input.categoryCode,
        urgency: input.urgency,
        raisedVia: input.raisedVia,
        summary: input.summary,
        status: 'open',
        currentStageCode: stage.code,
        highestTier: stage.tier,
        highestStageOrder: stage.order,
      };
      await insertEscalation(manager, escalation, actor.userId, now);
      const entry: NewStageEntry = {
        partnershipId,
        escalationId: id,
        protocolId: protocol.id,
        stageCode: stage.code,
        tier: stage.tier,
        ladderOrder: stage.order,
        enteredAt: input.raisedAt,
        skippedStageCodes: skipped,
        participants: input.participants ?? [],
        notes: input.notes ?? '',
      };
      const entryId = await insertStageEntry(manager, entry);

      const key = { partnershipId, id };
      await this.transactions.afterWrite(manager, key, actor, now, {
        action: 'escalation.recorded',
        before: {},
        after: {
          ...recordedValues(escalation, AUDITED_ESCALATION_FIELDS),
          version: 1,
          stageEntry: { id: entryId, ...recordedValues(entry, AUDITED_ENTRY_FIELDS) },
        },
      });
      return this.escalations.get(key.partnershipId, key.id);
    });
  }

  /** @throws PartnershipsException PARTNERSHIP_NOT_FOUND; EscalationsException NO_ACTIVE_PROTOCOL */
  private async activeProtocol(manager: EntityManager, partnershipId: string): Promise<ProtocolEntity> {
    const partnership: unknown[] = await manager.query('SELECT 1 FROM partnership WHERE id = $1', [partnershipId]);
    if (partnership.length === 0) throw PartnershipsException.notFound(partnershipId);
    const protocol = await manager.findOneBy(ProtocolEntity, { partnershipId, isActive: true });
    if (!protocol) {
      throw EscalationsException.invalid(EscalationsErrorCode.NO_ACTIVE_PROTOCOL, 'partnershipId', `partnership ${partnershipId} has no active protocol to record escalations on`);
    }
    return protocol;
  }
}
