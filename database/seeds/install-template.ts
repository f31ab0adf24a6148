import type { AgencySector, Jurisdiction, ProtocolTemplate, TimescaleRuleDefinition } from '@escalation-insights/shared';
import type pg from 'pg';

export interface InstallPartnershipInput {
  readonly code: string;
  readonly name: string;
  readonly jurisdiction: Jurisdiction;
  readonly template: ProtocolTemplate;
  readonly agencies: readonly { readonly name: string; readonly sector: AgencySector }[];
  readonly themeMinCount?: number;
  readonly themeWindowDays?: number;
}

export interface InstalledPartnership {
  readonly partnershipId: string;
  readonly protocolId: string;
  /** Agency id (bigint as text) by agency name. */
  readonly agencyIds: Record<string, string>;
}

/**
 * Creates a partnership with its agencies and an active copy (version 1) of a protocol
 * template: stages, categories and timescale rules. Runs on the caller's client; wrap
 * it in a transaction for all-or-nothing.
 */
export async function installPartnership(client: pg.ClientBase, input: InstallPartnershipInput): Promise<InstalledPartnership> {
  const { template } = input;
  const partnership = await client.query<{ id: string }>(
    `INSERT INTO partnership (code, name, jurisdiction, theme_min_count, theme_window_days)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [input.code, input.name, input.jurisdiction, input.themeMinCount ?? 3, input.themeWindowDays ?? 90],
  );
  const partnershipId = partnership.rows[0]!.id;

  const agencyIds: Record<string, string> = {};
  if (input.agencies.length > 0) {
    const agencies = await client.query<{ id: string; name: string }>(
      `INSERT INTO agency (partnership_id, name, sector)
       SELECT $1, name, sector FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS a (name, sector, n)
       ORDER BY n RETURNING id, name`,
      [partnershipId, input.agencies.map((a) => a.name), input.agencies.map((a) => a.sector)],
    );
    for (const row of agencies.rows) agencyIds[row.name] = row.id;
  }

  const protocol = await client.query<{ id: string }>(
    `INSERT INTO protocol (partnership_id, code, version, name, template_code, source_document, source_version,
                           summary, discourages_email, skip_allowed_for, out_of_scope, is_active)
     VALUES ($1, $2, 1, $3, $2, $4, $5, $6, $7, $8, $9, true) RETURNING id`,
    [
      partnershipId, template.code, template.name, template.sourceDocument, template.sourceVersion,
      template.summary, template.discouragesEmail, [...template.skipAllowedFor], [...template.outOfScope],
    ],
  );
  const protocolId = protocol.rows[0]!.id;

  for (const stage of template.stages) {
    await client.query(
      `INSERT INTO protocol_stage (partnership_id, protocol_id, code, name, ladder_order, tier, roles, description, requirements)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [partnershipId, protocolId, stage.code, stage.name, stage.order, stage.tier, [...stage.roles], stage.description, [...stage.requirements]],
    );
  }

  for (const [index, category] of template.categories.entries()) {
    await client.query(
      `INSERT INTO protocol_category (partnership_id, protocol_id, code, label, display_order) VALUES ($1, $2, $3, $4, $5)`,
      [partnershipId, protocolId, category.code, category.label, index],
    );
  }

  for (const rule of rulesInPrerequisiteOrder(template.rules)) {
    await client.query(
      `INSERT INTO timescale_rule (partnership_id, protocol_id, code, name, stage_code, anchor, targets, limit_unit,
                                   limit_amount, urgencies, applies_when_rule_not_met, source, rationale)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        partnershipId, protocolId, rule.code, rule.name, rule.stageCode,
        JSON.stringify(rule.anchor), JSON.stringify(rule.targets), rule.limit.unit, rule.limit.amount,
        rule.urgencies ? [...rule.urgencies] : null, rule.appliesWhen?.ruleNotMet ?? null, rule.source, rule.rationale,
      ],
    );
  }

  return { partnershipId, protocolId, agencyIds };
}

/** Rules ordered so that each comes after the rule it depends on (the prerequisite foreign key). */
export function rulesInPrerequisiteOrder(rules: readonly TimescaleRuleDefinition[]): TimescaleRuleDefinition[] {
  const byCode = new Map(rules.map((rule) => [rule.code, rule]));
  const placed = new Set<string>();
  const ordered: TimescaleRuleDefinition[] = [];
  const place = (rule: TimescaleRuleDefinition, path: readonly string[]): void => {
    if (placed.has(rule.code)) return;
    if (path.includes(rule.code)) throw new Error(`Timescale rules depend on each other in a cycle: ${[...path, rule.code].join(' → ')}`);
    const prerequisite = rule.appliesWhen?.ruleNotMet;
    if (prerequisite !== undefined) {
      const before = byCode.get(prerequisite);
      if (!before) throw new Error(`Timescale rule "${rule.code}" depends on "${prerequisite}", which the protocol does not define`);
      place(before, [...path, rule.code]);
    }
    placed.add(rule.code);
    ordered.push(rule);
  };
  for (const rule of rules) place(rule, []);
  return ordered;
}
