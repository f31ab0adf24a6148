import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock/clock.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { groupByKey, LoaderKey, type RequestLoaders } from '../graphql/request-loaders.js';
import type { EscalationContactInput } from './dto/escalation-contact.input.js';
import type { NamedPerson, PartnershipPerson } from './models/named-person.model.js';
import { RemindersErrorCode, RemindersException } from './reminders.exception.js';

interface EscalationRef {
  readonly partnershipId: string;
  readonly id: string;
}

const NAMED = new LoaderKey<EscalationRef, NamedPerson[]>('escalation-named-people');
const keyOf = (ref: EscalationRef) => `${ref.partnershipId}:${ref.id}`;
const NO_LONGER_ACTIVE = 'A user no longer active';

/** Users of the caller's partnership who may be named, through the SECURITY DEFINER function (app_user shows each user only their own row). */
const PEOPLE_SQL = 'SELECT id::text AS "userId", display_name AS "displayName", role FROM app_partnership_people()';

/**
 * The people named on escalations: business-unit staff name and unname users of their
 * own partnership; each change is audited against the escalation, in the same transaction.
 */
@Injectable()
export class EscalationContactsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Users of the partnership who can be named (the actor's partnership: row-level security), by name. */
  candidates(partnershipId: string): Promise<PartnershipPerson[]> {
    return this.db.run(async (manager) => {
      if (!(await this.partnershipVisible(manager, partnershipId))) return [];
      return (await manager.query(`${PEOPLE_SQL} ORDER BY display_name, id`)) as PartnershipPerson[];
    });
  }

  /** The people named on escalations, in the order they were named; one query per request. */
  namedOn(ref: EscalationRef, loaders: RequestLoaders): Promise<NamedPerson[]> {
    return loaders.get(NAMED, {
      cacheKey: keyOf,
      batch: async (refs) => {
        const rows: (NamedPerson & { partnershipId: string; escalationId: string })[] = await this.db.run((manager) => manager.query(
          `SELECT c.partnership_id::text AS "partnershipId", c.escalation_id::text AS "escalationId", c.user_id::text AS "userId",
                  coalesce(p.display_name, '${NO_LONGER_ACTIVE}') AS "displayName", p.role, c.named_at AS "namedAt"
           FROM escalation_contact c
           LEFT JOIN app_partnership_people() p ON p.id = c.user_id
           WHERE (c.partnership_id, c.escalation_id) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))
           ORDER BY c.named_at, c.user_id`,
          [refs.map((r) => r.partnershipId), refs.map((r) => r.id)],
        ));
        return groupByKey(refs, rows, keyOf, (row) => `${row.partnershipId}:${row.escalationId}`).map((group) =>
          group.map(({ userId, displayName, role, namedAt }) => ({ userId, displayName, role, namedAt })),
        );
      },
    }).load(ref);
  }

  /** @throws RemindersException ESCALATION_NOT_FOUND, PERSON_NOT_FOUND, ALREADY_NAMED */
  name(input: EscalationContactInput, actor: Actor): Promise<NamedPerson[]> {
    return this.db.run(async (manager) => {
      await this.checkEscalation(manager, input);
      const person = await this.person(manager, input.userId);
      const now = this.clock.now();
      const inserted: unknown[] = await manager.query(
        `INSERT INTO escalation_contact (partnership_id, escalation_id, user_id, named_by, named_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING user_id`,
        [input.partnershipId, input.escalationId, input.userId, actor.userId, now.toISOString()],
      );
      if (inserted.length === 0) {
        throw new RemindersException(RemindersErrorCode.ALREADY_NAMED, 'userId', `${person.displayName} is already named on escalation ${input.escalationId}`);
      }
      await this.audit.append(manager, actor, {
        partnershipId: input.partnershipId,
        action: 'escalation.person_named',
        entityType: 'escalation',
        entityId: input.escalationId,
        changes: { before: {}, after: { namedUserId: input.userId, namedRole: person.role } },
      });
      return this.list(manager, input);
    });
  }

  /** @throws RemindersException ESCALATION_NOT_FOUND, NOT_NAMED */
  unname(input: EscalationContactInput, actor: Actor): Promise<NamedPerson[]> {
    return this.db.run(async (manager) => {
      await this.checkEscalation(manager, input);
      const deleted: unknown[] = await manager.query(
        // As a SELECT: TypeORM answers a bare DELETE with [rows, count] rather than the rows.
        `WITH deleted AS (DELETE FROM escalation_contact WHERE partnership_id = $1 AND escalation_id = $2 AND user_id = $3 RETURNING user_id)
         SELECT user_id FROM deleted`,
        [input.partnershipId, input.escalationId, input.userId],
      );
      if (deleted.length === 0) {
        throw new RemindersException(RemindersErrorCode.NOT_NAMED, 'userId', `user ${input.userId} is not named on escalation ${input.escalationId}`);
      }
      await this.audit.append(manager, actor, {
        partnershipId: input.partnershipId,
        action: 'escalation.person_unnamed',
        entityType: 'escalation',
        entityId: input.escalationId,
        changes: { before: { namedUserId: input.userId }, after: {} },
      });
      return this.list(manager, input);
    });
  }

  private async list(manager: EntityManager, input: EscalationContactInput): Promise<NamedPerson[]> {
    return (await manager.query(
      `SELECT c.user_id::text AS "userId", coalesce(p.display_name, '${NO_LONGER_ACTIVE}') AS "displayName", p.role,
              c.named_at AS "namedAt"
       FROM escalation_contact c LEFT JOIN app_partnership_people() p ON p.id = c.user_id
       WHERE c.partnership_id = $1 AND c.escalation_id = $2
       ORDER BY c.named_at, c.user_id`,
      [input.partnershipId, input.escalationId],
    )) as NamedPerson[];
  }

  private async checkEscalation(manager: EntityManager, input: EscalationContactInput): Promise<void> {
    const found: unknown[] = await manager.query('SELECT 1 FROM escalation WHERE partnership_id = $1 AND id = $2 FOR KEY SHARE', [
      input.partnershipId,
      input.escalationId,
    ]);
    if (found.length === 0) {
      throw new RemindersException(RemindersErrorCode.ESCALATION_NOT_FOUND, 'escalationId', `partnership ${input.partnershipId} has no escalation with id ${input.escalationId}`);
    }
  }

  private async person(manager: EntityManager, userId: string): Promise<PartnershipPerson> {
    const rows = (await manager.query(`${PEOPLE_SQL} WHERE id = $1`, [userId])) as PartnershipPerson[];
    if (!rows[0]) {
      throw new RemindersException(
        RemindersErrorCode.PERSON_NOT_FOUND,
        'userId',
        `user ${userId} is not an active business-unit, executive, improvement-group or scrutineer user of the partnership`,
      );
    }
    return rows[0];
  }

  private async partnershipVisible(manager: EntityManager, partnershipId: string): Promise<boolean> {
    return ((await manager.query('SELECT 1 FROM partnership WHERE id = $1 AND id = app_partnership_id()', [partnershipId])) as unknown[]).length > 0;
  }
}
