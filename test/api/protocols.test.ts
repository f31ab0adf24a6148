import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PROTOCOL_TEMPLATES, TIER_NAMES, type ProtocolTemplate } from '@escalation-insights/shared';
import { insertAllTemplatePartnerships } from '../support/fixtures.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

const PARTNERSHIPS = `{
  partnerships {
    id code name jurisdiction themeMinCount themeWindowDays
    agencies { id name sector isActive }
    protocols { id code version }
    activeProtocol {
      id code version name templateCode sourceDocument sourceVersion summary discouragesEmail isActive skipAllowedFor outOfScope
      stages { code name order tier tierName roles description requirements }
      categories { code label }
      rules { code name stageCode limitUnit limitAmount urgencies source rationale appliesWhenRuleNotMet }
    }
  }
}`;

interface ApiProtocol {
  id: string;
  code: string;
  version: number;
  name: string;
  templateCode: string | null;
  sourceDocument: string | null;
  sourceVersion: string | null;
  summary: string;
  discouragesEmail: boolean;
  isActive: boolean;
  skipAllowedFor: string[];
  outOfScope: string[];
  stages: { code: string; name: string; order: number; tier: number; tierName: string; roles: string[]; description: string; requirements: string[] }[];
  categories: { code: string; label: string }[];
  rules: {
    code: string;
    stageCode: string;
    limitUnit: string;
    limitAmount: number;
    urgencies: string[] | null;
    source: string;
    appliesWhenRuleNotMet: string | null;
  }[];
}

interface ApiPartnership {
  id: string;
  code: string;
  name: string;
  jurisdiction: string;
  themeMinCount: number;
  themeWindowDays: number;
  agencies: { id: string; name: string; sector: string; isActive: boolean }[];
  protocols: { id: string; code: string; version: number }[];
  activeProtocol: ApiProtocol | null;
}

const upper = (value: string) => value.replace(/-/g, '_').toUpperCase();

describe('protocols over GraphQL', () => {
  let app: TestApp;
  /** An administrator of every partnership: sees all five. */
  let administrator: TestClient;
  let partnerships: ApiPartnership[];

  beforeAll(async () => {
    app = await startTestApp({ seed: insertAllTemplatePartnerships });
    administrator = await app.as('administrator');
    const response = await administrator.graphql<{ partnerships: ApiPartnership[] }>(PARTNERSHIPS);
    expect(response.errors).toBeUndefined();
    partnerships = response.data!.partnerships;
  });
  afterAll(async () => {
    await app.close();
  });

  const byCode = (code: string) => {
    const found = partnerships.find((partnership) => partnership.code === code);
    if (!found) throw new Error(`no partnership ${code}`);
    return found;
  };
  const active = (code: string): ApiProtocol => byCode(code).activeProtocol!;

  it('lists the five partnerships by name, each with its active protocol', () => {
    expect(partnerships.map((partnership) => partnership.name)).toEqual([
      'CSCP (five-stage protocol)',
      'Dudley Safeguarding Children Board',
      'Dumfries and Galloway',
      'Gloucestershire Safeguarding Children Partnership',
      'Perth and Kinross Child Protection Committee',
    ]);
    for (const partnership of partnerships) {
      expect(partnership.activeProtocol).not.toBeNull();
      expect(partnership.protocols).toEqual([{ id: partnership.activeProtocol!.id, code: partnership.code, version: 1 }]);
    }
  });

  it('shows jurisdictions and agency sectors as UPPER_SNAKE enum names', () => {
    expect(byCode('gloucestershire-gscp-2025').jurisdiction).toBe('ENGLAND_AND_WALES');
    expect(byCode('perth-and-kinross-2019').jurisdiction).toBe('SCOTLAND');
    expect(byCode('dudley')).toMatchObject({ themeMinCount: 3, themeWindowDays: 90 });
    expect(byCode('dudley').agencies.map(({ name, sector, isActive }) => ({ name, sector, isActive }))).toEqual([
      { name: "Children's Social Care", sector: 'CHILDRENS_SOCIAL_CARE', isActive: true },
      { name: 'Education', sector: 'EDUCATION', isActive: true },
      { name: 'Health', sector: 'HEALTH', isActive: true },
      { name: 'Police', sector: 'POLICE', isActive: true },
    ]);
  });

  it.each([
    ['gloucestershire-gscp-2025', ['1:1', '2:3', '3:4', '4:5']],
    ['dudley', ['1:1', '2:2', '3a:3', '3b:4', 'exceptional:5']],
    ['perth-and-kinross-2019', ['resolution:1', '1:2', '2:2', '3:4', '4:5']],
    ['dumfries-and-galloway-2024', ['resolution:1', 'line-managers:2', 'next-tier-managers:3', 'strategic:5']],
    ['cscp-five-stages', ['1:1', '2:2', '3:3', '4:4', '5:5']],
  ])('returns the %s ladder in order with its tiers', (code, ladder) => {
    const stages = active(code).stages;
    expect(stages.map((stage) => `${stage.code}:${stage.tier}`)).toEqual(ladder);
    expect(stages.map((stage) => stage.order)).toEqual(ladder.map((_, index) => index + 1));
    for (const stage of stages) expect(stage.tierName).toBe(TIER_NAMES[stage.tier as 1 | 2 | 3 | 4 | 5]);
  });

  it('returns the stated timescales with their units, amounts, urgencies and sources', () => {
    const gloucestershire = active('gloucestershire-gscp-2025').rules;
    expect(gloucestershire).toEqual([
      expect.objectContaining({ code: 'line-manager-contact-24h', stageCode: '1', limitUnit: 'HOURS', limitAmount: 24, urgencies: null, source: 'PROTOCOL' }),
      expect.objectContaining({ code: 'stage-3-joint-plan-5wd', stageCode: '3', limitUnit: 'WORKING_DAYS', limitAmount: 5, appliesWhenRuleNotMet: null }),
      expect.objectContaining({ code: 'stage-4-when-no-joint-plan', stageCode: '3', appliesWhenRuleNotMet: 'stage-3-joint-plan-5wd' }),
    ]);
    const sameDay = active('dumfries-and-galloway-2024').rules.find((rule) => rule.code === 'immediate-risk-same-day');
    expect(sameDay).toMatchObject({ stageCode: 'resolution', limitUnit: 'SAME_WORKING_DAY', limitAmount: 1, urgencies: ['IMMEDIATE'], source: 'PROTOCOL' });
    const urgent = active('dudley').rules.find((rule) => rule.code === 'stage-1-urgent-24h');
    expect(urgent).toMatchObject({ limitUnit: 'HOURS', limitAmount: 24, urgencies: ['URGENT'], source: 'PROTOCOL' });
    expect(active('perth-and-kinross-2019').rules.every((rule) => rule.source === 'LOCAL_TARGET')).toBe(true);
  });

  it('orders rules by the ladder order of their stage, then by code', () => {
    for (const partnership of partnerships) {
      const { stages, rules } = partnership.activeProtocol!;
      const order = new Map(stages.map((stage) => [stage.code, stage.order]));
      const expected = [...rules].sort((a, b) => order.get(a.stageCode)! - order.get(b.stageCode)! || (a.code < b.code ? -1 : 1));
      expect(rules.map((rule) => rule.code)).toEqual(expected.map((rule) => rule.code));
    }
    expect(active('dudley').rules.slice(0, 4).map((rule) => rule.code)).toEqual([
      'stage-1-immediate-same-day',
      'stage-1-standard-local-5wd',
      'stage-1-urgent-24h',
      'written-confirmation-local-2wd',
    ]);
  });

  it.each(PROTOCOL_TEMPLATES.map((template) => [template.code, template] as const))(
    'returns every fact of the %s template unchanged',
    (code, template: ProtocolTemplate) => {
      const protocol = active(code);
      expect(protocol).toMatchObject({
        code: template.code,
        version: 1,
        name: template.name,
        templateCode: template.code,
        sourceDocument: template.sourceDocument,
        sourceVersion: template.sourceVersion,
        summary: template.summary,
        discouragesEmail: template.discouragesEmail,
        isActive: true,
        skipAllowedFor: template.skipAllowedFor.map(upper),
        outOfScope: [...template.outOfScope],
      });
      expect(protocol.stages).toEqual(
        template.stages.map((stage) => ({
          code: stage.code,
          name: stage.name,
          order: stage.order,
          tier: stage.tier,
          tierName: TIER_NAMES[stage.tier],
          roles: [...stage.roles],
          description: stage.description,
          requirements: stage.requirements.map(upper),
        })),
      );
      expect(protocol.categories).toEqual(template.categories.map(({ code: categoryCode, label }) => ({ code: categoryCode, label })));
      expect(new Map(protocol.rules.map((rule) => [rule.code, rule]))).toEqual(
        new Map(
          template.rules.map((rule) => [
            rule.code,
            expect.objectContaining({
              code: rule.code,
              stageCode: rule.stageCode,
              limitUnit: upper(rule.limit.unit),
              limitAmount: rule.limit.amount,
              urgencies: rule.urgencies ? rule.urgencies.map(upper) : null,
              source: upper(rule.source),
              appliesWhenRuleNotMet: rule.appliesWhen?.ruleNotMet ?? null,
            }),
          ]),
        ),
      );
    },
  );

  it('returns a partnership by id with the same protocol', async () => {
    const dudley = byCode('dudley');
    const response = await administrator.graphql<{ partnership: { id: string; name: string; activeProtocol: { id: string; stages: { code: string }[] } } }>(
      'query ($id: ID!) { partnership(id: $id) { id name activeProtocol { id stages { code } } } }',
      { id: dudley.id },
    );
    expect(response).toEqual({
      data: {
        partnership: {
          id: dudley.id,
          name: 'Dudley Safeguarding Children Board',
          activeProtocol: { id: dudley.activeProtocol!.id, stages: ['1', '2', '3a', '3b', 'exceptional'].map((code) => ({ code })) },
        },
      },
    });
  });
});
