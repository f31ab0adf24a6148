import { describe, expect, it } from '@jest/globals';
import { homePageFor, isCrossPartnership, mayUse, pagesFor } from './pages';

describe('the pages each role may use', () => {
  it('gives the record-level roles every page, the escalations included, and the business unit the import', () => {
    expect(pagesFor('BUSINESS_UNIT').map((page) => page.name)).toEqual(['Overview', 'Stages', 'Timeliness', 'Themes', 'Escalations', 'Import', 'Strategic log', 'Learning', 'Reminders', 'Scrutiny', 'Protocols']);
    expect(pagesFor('SCRUTINEER').map((page) => page.name)).toEqual(['Overview', 'Stages', 'Timeliness', 'Themes', 'Escalations', 'Strategic log', 'Learning', 'Reminders', 'Scrutiny', 'Protocols', 'Audit trail']);
  });

  it('lets only the business unit import escalation logs', () => {
    expect((['BUSINESS_UNIT', 'SCRUTINEER', 'EXECUTIVE', 'IMPROVEMENT_GROUP', 'ADMINISTRATOR', 'NATIONAL_VIEWER'] as const).filter((role) => mayUse(role, 'imports'))).toEqual(['BUSINESS_UNIT']);
  });

  it('gives the strategic log to the partnership roles, and not to administrators or national viewers', () => {
    expect((['BUSINESS_UNIT', 'SCRUTINEER', 'EXECUTIVE', 'IMPROVEMENT_GROUP', 'ADMINISTRATOR', 'NATIONAL_VIEWER'] as const).filter((role) => mayUse(role, 'strategic-log')))
      .toEqual(['BUSINESS_UNIT', 'SCRUTINEER', 'EXECUTIVE', 'IMPROVEMENT_GROUP']);
  });

  it('gives learning to the partnership roles, and not to administrators or national viewers', () => {
    expect((['BUSINESS_UNIT', 'SCRUTINEER', 'EXECUTIVE', 'IMPROVEMENT_GROUP', 'ADMINISTRATOR', 'NATIONAL_VIEWER'] as const).filter((role) => mayUse(role, 'learning')))
      .toEqual(['BUSINESS_UNIT', 'SCRUTINEER', 'EXECUTIVE', 'IMPROVEMENT_GROUP']);
  });

  it('gives reminders to the partnership roles, and the scrutiny review to the record-level roles alone', () => {
    const roles = ['BUSINESS_UNIT', 'SCRUTINEER', 'EXECUTIVE', 'IMPROVEMENT_GROUP', 'ADMINISTRATOR', 'NATIONAL_VIEWER'] as const;
    expect(roles.filter((role) => mayUse(role, 'reminders'))).toEqual(['BUSINESS_UNIT', 'SCRUTINEER', 'EXECUTIVE', 'IMPROVEMENT_GROUP']);
    expect(roles.filter((role) => mayUse(role, 'scrutiny'))).toEqual(['BUSINESS_UNIT', 'SCRUTINEER']);
  });

  it('gives executives and the improvement group the strategic picture but not the escalations', () => {
    for (const role of ['EXECUTIVE', 'IMPROVEMENT_GROUP'] as const) {
      expect(pagesFor(role).map((page) => page.name)).toEqual(['Overview', 'Stages', 'Timeliness', 'Themes', 'Strategic log', 'Learning', 'Reminders', 'Protocols']);
      expect(mayUse(role, 'escalations')).toBe(false);
    }
  });

  it('gives administrators the protocols and the audit trail, landing on the protocols', () => {
    expect(pagesFor('ADMINISTRATOR').map((page) => page.name)).toEqual(['Protocols', 'Audit trail']);
    expect(homePageFor('ADMINISTRATOR').path).toBe('/protocols');
    expect(homePageFor('EXECUTIVE').path).toBe('/');
  });

  it('gives the audit trail to scrutineers and administrators only', () => {
    const roles = ['BUSINESS_UNIT', 'SCRUTINEER', 'EXECUTIVE', 'IMPROVEMENT_GROUP', 'ADMINISTRATOR', 'NATIONAL_VIEWER'] as const;
    expect(roles.filter((role) => mayUse(role, 'audit'))).toEqual(['SCRUTINEER', 'ADMINISTRATOR']);
  });

  it('lands national viewers on the national picture, their one page of figures, beside the protocols', () => {
    expect(pagesFor('NATIONAL_VIEWER').map((page) => page.name)).toEqual(['National picture', 'Protocols']);
    expect(homePageFor('NATIONAL_VIEWER').path).toBe('/national');
    const roles = ['BUSINESS_UNIT', 'SCRUTINEER', 'EXECUTIVE', 'IMPROVEMENT_GROUP', 'ADMINISTRATOR', 'NATIONAL_VIEWER'] as const;
    expect(roles.filter((role) => mayUse(role, 'national'))).toEqual(['NATIONAL_VIEWER']);
  });

  it('lets only users without a partnership filter by partnership', () => {
    expect(isCrossPartnership({ partnershipId: null })).toBe(true);
    expect(isCrossPartnership({ partnershipId: '3' })).toBe(false);
  });
});
