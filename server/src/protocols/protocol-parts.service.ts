import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TenantDatabase } from '../database/tenant-database.js';
import { groupByKey, LoaderKey, type LoaderSpec, type RequestLoaders } from '../graphql/request-loaders.js';
import type { Category } from './models/category.model.js';
import type { ProtocolStage } from './models/protocol-stage.model.js';
import type { TimescaleRule } from './models/timescale-rule.model.js';
import { ProtocolCategoryEntity } from './protocol-category.entity.js';
import { ProtocolStageEntity } from './protocol-stage.entity.js';
import { toCategory, toProtocolStage, toTimescaleRule } from './protocol.mappers.js';
import { TimescaleRuleEntity } from './timescale-rule.entity.js';

/** A protocol's key: the partnership id comes first in every key of the schema. */
export interface ProtocolKey {
  readonly partnershipId: string;
  readonly id: string;
}

const STAGES = new LoaderKey<ProtocolKey, ProtocolStage[]>('protocol-stages');
const CATEGORIES = new LoaderKey<ProtocolKey, Category[]>('protocol-categories');
const RULES = new LoaderKey<ProtocolKey, TimescaleRule[]>('protocol-rules');

const keyOf = (key: ProtocolKey) => `${key.partnershipId}:${key.id}`;
const keyOfRow = (row: { partnershipId: string; protocolId: string }) => `${row.partnershipId}:${row.protocolId}`;

/**
 * The ladder, categories and timescale rules of protocols. Each collection is loaded with
 * one query for all the protocols a request asks about.
 */
@Injectable()
export class ProtocolPartsService {
  constructor(private readonly db: TenantDatabase) {}

  /** The stages in ladder order. */
  stagesOf(protocol: ProtocolKey, loaders: RequestLoaders): Promise<ProtocolStage[]> {
    return loaders.get(STAGES, this.spec((keys) => this.loadStages(keys))).load(protocol);
  }

  /** The categories in display order. */
  categoriesOf(protocol: ProtocolKey, loaders: RequestLoaders): Promise<Category[]> {
    return loaders.get(CATEGORIES, this.spec((keys) => this.loadCategories(keys))).load(protocol);
  }

  /** The timescale rules by ladder order of their stage, then code. */
  rulesOf(protocol: ProtocolKey, loaders: RequestLoaders): Promise<TimescaleRule[]> {
    return loaders.get(RULES, this.spec((keys) => this.loadRules(keys))).load(protocol);
  }

  private spec<V>(batch: (keys: readonly ProtocolKey[]) => Promise<V[]>): LoaderSpec<ProtocolKey, V> {
    return { batch, cacheKey: keyOf };
  }

  /**
   * Filters by both halves of the key; a row matching one protocol's partnership and
   * another's id is dropped by `groupByKey`, which matches the full pair.
   */
  private whereKeys(keys: readonly ProtocolKey[]) {
    return {
      partnershipId: In(unique(keys.map((key) => key.partnershipId))),
      protocolId: In(unique(keys.map((key) => key.id))),
    };
  }

  private async loadStages(keys: readonly ProtocolKey[]): Promise<ProtocolStage[][]> {
    const rows = await this.db.run((manager) =>
      manager.find(ProtocolStageEntity, { where: this.whereKeys(keys), order: { ladderOrder: 'ASC' } }),
    );
    return groupByKey(keys, rows, keyOf, keyOfRow).map((group) => group.map(toProtocolStage));
  }

  private async loadCategories(keys: readonly ProtocolKey[]): Promise<Category[][]> {
    const rows = await this.db.run((manager) =>
      manager.find(ProtocolCategoryEntity, { where: this.whereKeys(keys), order: { displayOrder: 'ASC', code: 'ASC' } }),
    );
    return groupByKey(keys, rows, keyOf, keyOfRow).map((group) => group.map(toCategory));
  }

  private async loadRules(keys: readonly ProtocolKey[]): Promise<TimescaleRule[][]> {
    const rows = await this.db.run((manager) =>
      manager
        .createQueryBuilder(TimescaleRuleEntity, 'r')
        .innerJoin(
          ProtocolStageEntity,
          's',
          's.partnershipId = r.partnershipId AND s.protocolId = r.protocolId AND s.code = r.stageCode',
        )
        .where('r.partnershipId IN (:...partnershipIds) AND r.protocolId IN (:...protocolIds)', {
          partnershipIds: unique(keys.map((key) => key.partnershipId)),
          protocolIds: unique(keys.map((key) => key.id)),
        })
        .orderBy('s.ladderOrder', 'ASC')
        .addOrderBy('r.code', 'ASC')
        .getMany(),
    );
    return groupByKey(keys, rows, keyOf, keyOfRow).map((group) => group.map(toTimescaleRule));
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
