import { describe, expect, it } from '@jest/globals';
import { RECORD_LEVEL_ROLES, seesRecordLevelDetail, suppressesSmallNumbers } from './record-access.js';
import { USER_ROLES } from './vocabulary.js';

describe('record-level access', () => {
  it('is for business-unit staff and scrutineers only', () => {
    expect(USER_ROLES.filter((role) => seesRecordLevelDetail(role))).toEqual(['business_unit', 'scrutineer']);
    expect(seesRecordLevelDetail(null)).toBe(false);
    expect(RECORD_LEVEL_ROLES.every((role) => USER_ROLES.includes(role))).toBe(true);
  });

  it('suppresses small numbers for every other role, and for everyone in an export marked for publication', () => {
    expect(USER_ROLES.filter((role) => suppressesSmallNumbers(role))).toEqual(
      ['administrator', 'executive', 'improvement_group', 'national_viewer'],
    );
    expect(USER_ROLES.every((role) => suppressesSmallNumbers(role, { forPublication: true }))).toBe(true);
    expect(suppressesSmallNumbers(null)).toBe(true);
  });
});
