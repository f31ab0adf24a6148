import { describe, expect, it } from '@jest/globals';
import { homePageFor, isCrossPartnership, mayUse, pagesFor } from './pages';

describe('the pages each role may use', () => {
  it('gives the record-level roles every page, the escalations included', () => {
    for (const role of ['BUSINESS_UNIT', 'SCRUTINEER'] as const) {
      expect(pagesFor(role).map((page) => page.name)).toEqual(['Overview', 'Stages', 'Timeliness', 'Themes', 'Escalations', 'Protocols']);
    }
  });

  it('gives executives and the improvement group the strategic picture but not the escalations', () => {
    for (const role of ['EXECUTIVE', 'IMPROVEMENT_GROUP'] as const) {
      expect(pagesFor(role).map((page) => page.name)).toEqual(['Overview', 'Stages', 'Timeliness', 'Themes', 'Protocols']);
      expect(mayUse(role, 'escalations')).toBe(false);
    }
  });

  it('gives administrators and national viewers the protocols alone, and lands them there', () => {
    for (const role of ['ADMINISTRATOR', 'NATIONAL_VIEWER'] as const) {
      expect(pagesFor(role).map((page) => page.name)).toEqual(['Protocols']);
      expect(homePageFor(role).path).toBe('/protocols');
    }
    expect(homePageFor('EXECUTIVE').path).toBe('/');
  });

  it('lets only users without a partnership filter by partnership', () => {
    expect(isCrossPartnership({ partnershipId: null })).toBe(true);
    expect(isCrossPartnership({ partnershipId: '3' })).toBe(false);
  });
});
