import { installPartnership, type InstalledPartnership } from '@escalation-insights/database';
import { PROTOCOL_TEMPLATES, type AgencySector, type ProtocolTemplate } from '@escalation-insights/shared';
import { withClient } from './test-database.js';

export interface AgencyFixture {
  readonly name: string;
  readonly sector: AgencySector;
}

/** A small, fixed set of agencies, one per common sector. */
export const STANDARD_AGENCIES: readonly AgencyFixture[] = [
  { name: "Children's Social Care", sector: 'childrens_social_care' },
  { name: 'Police', sector: 'police' },
  { name: 'Health', sector: 'health' },
  { name: 'Education', sector: 'education' },
];

export interface PartnershipFixture {
  readonly template: ProtocolTemplate;
  readonly code?: string;
  readonly name?: string;
  readonly agencies?: readonly AgencyFixture[];
}

/**
 * Inserts a partnership with its agencies and an active copy of a protocol template,
 * in one transaction. Code, name and jurisdiction default to the template's.
 */
export async function insertPartnership(databaseUrl: string, fixture: PartnershipFixture): Promise<InstalledPartnership> {
  return withClient(databaseUrl, async (client) => {
    await client.query('BEGIN');
    try {
      const installed = await installPartnership(client, {
        code: fixture.code ?? fixture.template.code,
        name: fixture.name ?? fixture.template.partnershipName,
        jurisdiction: fixture.template.jurisdiction,
        template: fixture.template,
        agencies: fixture.agencies ?? STANDARD_AGENCIES,
      });
      await client.query('COMMIT');
      return installed;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

/** One partnership per shipped protocol template, keyed by template code. */
export async function insertAllTemplatePartnerships(databaseUrl: string): Promise<Record<string, InstalledPartnership>> {
  const installed: Record<string, InstalledPartnership> = {};
  for (const template of PROTOCOL_TEMPLATES) installed[template.code] = await insertPartnership(databaseUrl, { template });
  return installed;
}
