import { suppressesSmallNumbers } from '@escalation-insights/shared';
import { Injectable } from '@nestjs/common';
import { currentActor } from '../database/actor-scope.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { EscalationEntity } from '../escalations/entities/escalation.entity.js';
import { toEscalation } from '../escalations/escalation.mappers.js';
import type { Escalation } from '../escalations/models/escalation.model.js';
import { groupByKey, LoaderKey, type LoaderSpec, type RequestLoaders } from '../graphql/request-loaders.js';
import type { ThemeImpact } from '../theme-impact/theme-impact.model.js';
import { ThemeImpactService } from '../theme-impact/theme-impact.service.js';
import { LearningItemsService } from './learning-items.service.js';
import {
  LEARNING_ACTION_ORDER,
  LEARNING_ACTION_SELECT,
  LEARNING_ITEM_SELECT,
  toLearningAction,
  toLearningItem,
  type LearningActionRow,
  type LearningItemRow,
} from './learning-rows.js';
import type { LearningAction } from './models/learning-action.model.js';
import type { LearningItem } from './models/learning-item.model.js';
import type { LearningTheme } from './models/learning-theme.model.js';

/** An item or an escalation, by its key. */
export interface RecordRef {
  readonly partnershipId: string;
  readonly id: string;
}

const ACTIONS = new LoaderKey<RecordRef, LearningAction[]>('learning-item-actions');
const ESCALATIONS = new LoaderKey<RecordRef, Escalation[]>('learning-item-escalations');
const THEMES = new LoaderKey<RecordRef, LearningTheme>('learning-item-themes');
const ITEMS_OF_ESCALATION = new LoaderKey<RecordRef, LearningItem[]>('escalation-learning-items');

const keyOf = (ref: RecordRef) => `${ref.partnershipId}:${ref.id}`;
const refParams = (refs: readonly RecordRef[]) => [refs.map((r) => r.partnershipId), refs.map((r) => r.id)];

function spec<V>(batch: (refs: readonly RecordRef[]) => Promise<V[]>): LoaderSpec<RecordRef, V> {
  return { batch, cacheKey: keyOf };
}

/**
 * What a learning item links to — its actions, its escalations, its theme and the
 * "has it worked?" comparison — and, the other way, the items an escalation produced.
 * Each collection costs one query per request, however many items the request shows.
 */
@Injectable()
export class LearningRelationsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly items: LearningItemsService,
    private readonly impact: ThemeImpactService,
  ) {}

  /** Soonest due first; `isOverdue` against the partnership's today. */
  actionsOf(item: RecordRef, loaders: RequestLoaders): Promise<LearningAction[]> {
    return loaders.get(ACTIONS, spec(async (refs) => {
      const today = this.items.today();
      const rows: LearningActionRow[] = await this.db.run((manager) => manager.query(
        `${LEARNING_ACTION_SELECT}
         WHERE (a.partnership_id, a.learning_item_id) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))
         ORDER BY ${LEARNING_ACTION_ORDER}`,
        refParams(refs),
      ));
      return groupByKey(refs, rows, keyOf, (row) => `${row.partnershipId}:${row.learningItemId}`).map((group) => group.map((row) => toLearningAction(row, today)));
    })).load(item);
  }

  /** The escalations behind an item, oldest raised first. */
  escalationsOf(item: RecordRef, loaders: RequestLoaders): Promise<Escalation[]> {
    return loaders.get(ESCALATIONS, spec(async (refs) => {
      const { links, escalations } = await this.db.run(async (manager) => {
        const links: { partnershipId: string; itemId: string; escalationId: string }[] = await manager.query(
          `SELECT l.partnership_id::text AS "partnershipId", l.learning_item_id::text AS "itemId", l.escalation_id::text AS "escalationId"
           FROM learning_item_escalation l
           WHERE (l.partnership_id, l.learning_item_id) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))`,
          refParams(refs),
        );
        const escalations = links.length === 0 ? [] : await manager.find(EscalationEntity, {
          where: links.map((link) => ({ partnershipId: link.partnershipId, id: link.escalationId })),
        });
        return { links, escalations };
      });
      const byKey = new Map(escalations.map((row) => [`${row.partnershipId}:${row.id}`, toEscalation(row)]));
      const rows = links.map((link) => ({ key: `${link.partnershipId}:${link.itemId}`, escalation: byKey.get(`${link.partnershipId}:${link.escalationId}`)! }));
      return groupByKey(refs, rows, keyOf, (row) => row.key).map((group) =>
        group.map((row) => row.escalation).sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime() || Number(a.id) - Number(b.id)),
      );
    })).load(item);
  }

  /** The areas of disagreement and receiving agencies of an item's escalations, with their names. */
  themeOf(item: RecordRef, loaders: RequestLoaders): Promise<LearningTheme> {
    return loaders.get(THEMES, spec(async (refs) => {
      const rows: { partnershipId: string; itemId: string; kind: 'category' | 'agency'; key: string; name: string }[] = await this.db.run((manager) =>
        manager.query(
          `SELECT DISTINCT l.partnership_id::text AS "partnershipId", l.learning_item_id::text AS "itemId", 'category' AS kind,
                  e.category_code AS key, c.label AS name
           FROM learning_item_escalation l
           JOIN escalation e ON e.partnership_id = l.partnership_id AND e.id = l.escalation_id
           JOIN protocol_category c ON c.partnership_id = e.partnership_id AND c.protocol_id = e.protocol_id AND c.code = e.category_code
           WHERE (l.partnership_id, l.learning_item_id) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))
           UNION
           SELECT DISTINCT l.partnership_id::text, l.learning_item_id::text, 'agency', e.receiving_agency_id::text, a.name
           FROM learning_item_escalation l
           JOIN escalation e ON e.partnership_id = l.partnership_id AND e.id = l.escalation_id
           JOIN agency a ON a.partnership_id = e.partnership_id AND a.id = e.receiving_agency_id
           WHERE (l.partnership_id, l.learning_item_id) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))
           ORDER BY name, key`,
          refParams(refs),
        ),
      );
      return groupByKey(refs, rows, keyOf, (row) => `${row.partnershipId}:${row.itemId}`).map((group) => ({
        // One category code may carry different labels in different protocol versions: the first by label stands for it.
        categories: [...new Map(group.filter((row) => row.kind === 'category').map((row) => [row.key, row.name] as const).reverse()).entries()]
          .map(([code, label]) => ({ code, label }))
          .sort((a, b) => a.label.localeCompare(b.label, 'en-GB')),
        receivingAgencies: group.filter((row) => row.kind === 'agency').map((row) => ({ id: row.key, name: row.name })),
      }));
    })).load(item);
  }

  /**
   * "Has it worked?": the rate of the item's theme (its escalations' areas of disagreement
   * with their receiving agencies) before and after the date it was completed; null until
   * it has a completion date.
   */
  async hasItWorked(item: LearningItem, loaders: RequestLoaders): Promise<ThemeImpact | null> {
    if (item.completedOn === null) return null;
    const theme = await this.themeOf(item, loaders);
    if (theme.categories.length === 0) return null;
    return this.impact.compare(item.partnershipId, {
      categoryCodes: theme.categories.map((category) => category.code),
      receivingAgencyIds: theme.receivingAgencies.map((agency) => agency.id),
    }, item.completedOn);
  }

  /** The learning items an escalation is behind, newest first. */
  itemsOfEscalation(escalation: RecordRef, loaders: RequestLoaders): Promise<LearningItem[]> {
    return loaders.get(ITEMS_OF_ESCALATION, spec(async (refs) => {
      const rows: (LearningItemRow & { escalationId: string })[] = await this.db.run((manager) => manager.query(
        `SELECT item.*, l.escalation_id::text AS "escalationId"
         FROM learning_item_escalation l
         CROSS JOIN LATERAL (${LEARNING_ITEM_SELECT} WHERE i.partnership_id = l.partnership_id AND i.id = l.learning_item_id) item
         WHERE (l.partnership_id, l.escalation_id) IN (SELECT * FROM unnest($2::bigint[], $3::bigint[]))
         ORDER BY item."createdAt" DESC, item.id::bigint DESC`,
        [this.items.today(), ...refParams(refs)],
      ));
      const suppress = suppressesSmallNumbers(currentActor()?.role ?? null);
      return groupByKey(refs, rows, keyOf, (row) => `${row.partnershipId}:${row.escalationId}`).map((group) =>
        group.map(({ escalationId: _escalationId, ...row }) => toLearningItem(row, suppress)),
      );
    })).load(escalation);
  }
}
