import type { GqlUserRole } from '../auth/auth.graphql';

/*
 * The pages of the app, and which roles may use each, as the API's access matrix allows
 * (docs/access-matrix.md, server/src/auth/access-matrix.ts): the strategic picture for a
 * partnership's own roles, the escalations themselves for the record-level roles only,
 * and the protocols for everyone. Administrators see no escalation data at all: they
 * get the protocols (their home) and the audit trail, as scrutineers do, without the
 * changes of events about records. National viewers see no single partnership's
 * analytics: their home is the national picture, counts across partnerships from the
 * aggregate views, always small-number suppressed.
 */

export type PageKey = 'overview' | 'stages' | 'timeliness' | 'themes' | 'escalations' | 'imports' | 'strategic-log' | 'learning' | 'reminders' | 'scrutiny' | 'national' | 'protocols' | 'audit';

export interface PageDefinition {
  readonly key: PageKey;
  readonly path: string;
  /** The name in the navigation and the start of the document title. */
  readonly name: string;
  readonly roles: readonly GqlUserRole[];
  /** Whether the shared filters apply (and are shown) on this page. */
  readonly filtered: boolean;
}

const AGGREGATE_READERS: readonly GqlUserRole[] = ['BUSINESS_UNIT', 'EXECUTIVE', 'IMPROVEMENT_GROUP', 'SCRUTINEER'];
/** RECORD_LEVEL_ROLES in shared/src/domain/record-access.ts, as the API names them. */
export const RECORD_LEVEL_READERS: readonly GqlUserRole[] = ['BUSINESS_UNIT', 'SCRUTINEER'];
const EVERYONE: readonly GqlUserRole[] = [...AGGREGATE_READERS, 'ADMINISTRATOR', 'NATIONAL_VIEWER'];

export const PAGES: readonly PageDefinition[] = [
  { key: 'overview', path: '/', name: 'Overview', roles: AGGREGATE_READERS, filtered: true },
  { key: 'stages', path: '/stages', name: 'Stages', roles: AGGREGATE_READERS, filtered: true },
  { key: 'timeliness', path: '/timeliness', name: 'Timeliness', roles: AGGREGATE_READERS, filtered: true },
  { key: 'themes', path: '/themes', name: 'Themes', roles: AGGREGATE_READERS, filtered: true },
  { key: 'escalations', path: '/escalations', name: 'Escalations', roles: RECORD_LEVEL_READERS, filtered: true },
  { key: 'imports', path: '/imports', name: 'Import', roles: ['BUSINESS_UNIT'], filtered: false },
  { key: 'strategic-log', path: '/strategic-log', name: 'Strategic log', roles: AGGREGATE_READERS, filtered: false },
  { key: 'learning', path: '/learning', name: 'Learning', roles: AGGREGATE_READERS, filtered: false },
  { key: 'reminders', path: '/reminders', name: 'Reminders', roles: AGGREGATE_READERS, filtered: false },
  { key: 'scrutiny', path: '/scrutiny', name: 'Scrutiny', roles: RECORD_LEVEL_READERS, filtered: false },
  { key: 'national', path: '/national', name: 'National picture', roles: ['NATIONAL_VIEWER'], filtered: false },
  { key: 'protocols', path: '/protocols', name: 'Protocols', roles: EVERYONE, filtered: false },
  { key: 'audit', path: '/audit', name: 'Audit trail', roles: ['SCRUTINEER', 'ADMINISTRATOR'], filtered: false },
];

export function pageByKey(key: PageKey): PageDefinition {
  return PAGES.find((page) => page.key === key)!;
}

export function pagesFor(role: GqlUserRole): PageDefinition[] {
  return PAGES.filter((page) => page.roles.includes(role));
}

export function mayUse(role: GqlUserRole, key: PageKey): boolean {
  return pageByKey(key).roles.includes(role);
}

/** Where a role lands: the first page it may use (the overview; protocols for administrators; the national picture for national viewers). */
export function homePageFor(role: GqlUserRole): PageDefinition {
  return pagesFor(role)[0] ?? pageByKey('protocols');
}

/** Roles that see more than one partnership, and so may filter by partnership. */
export function isCrossPartnership(viewer: { readonly partnershipId: string | null }): boolean {
  return viewer.partnershipId === null;
}

export const ROLE_LABELS: Readonly<Record<GqlUserRole, string>> = {
  ADMINISTRATOR: 'Administrator',
  BUSINESS_UNIT: 'Business unit',
  EXECUTIVE: 'Partnership executive',
  IMPROVEMENT_GROUP: 'Practice improvement group',
  SCRUTINEER: 'Independent scrutineer',
  NATIONAL_VIEWER: 'National viewer',
};
