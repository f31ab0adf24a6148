import type { AgencySector, ProtocolTemplate } from '@escalation-insights/shared';

/** An agency of a demo partnership, with how often it raises and receives disagreements. */
export interface DemoAgency {
  readonly name: string;
  readonly sector: AgencySector;
  /** Relative weight as the raising agency (0: never raises — a "silent agency"). */
  readonly raises: number;
  /** Relative weight as the receiving agency. */
  readonly receives: number;
}

/** Partnership code, reference prefix and agency area names for each shipped template. */
interface Locality {
  readonly code: string;
  readonly prefix: string;
  readonly area: string;
  readonly police: string;
  readonly health: readonly string[];
  readonly probation: string;
}

const LOCALITIES: Readonly<Record<string, Locality>> = {
  'gloucestershire-gscp-2025': {
    code: 'gloucestershire', prefix: 'GSCP', area: 'Gloucestershire', police: 'Gloucestershire Constabulary',
    health: ['Gloucestershire Hospitals NHS Foundation Trust', 'Gloucestershire Health and Care NHS Foundation Trust', 'NHS Gloucestershire Integrated Care Board'],
    probation: 'Probation Service (South West)',
  },
  dudley: {
    code: 'dudley', prefix: 'DSCB', area: 'Dudley', police: 'West Midlands Police',
    health: ['Dudley Group NHS Foundation Trust', 'Black Country Healthcare NHS Foundation Trust', 'NHS Black Country Integrated Care Board'],
    probation: 'Probation Service (West Midlands)',
  },
  'perth-and-kinross-2019': {
    code: 'perth-and-kinross', prefix: 'PKCPC', area: 'Perth and Kinross', police: 'Police Scotland',
    health: ['NHS Tayside', 'NHS Tayside Child and Adolescent Mental Health Service'],
    probation: 'Perth and Kinross Justice Social Work',
  },
  'dumfries-and-galloway-2024': {
    code: 'dumfries-and-galloway', prefix: 'DGPP', area: 'Dumfries and Galloway', police: 'Police Scotland',
    health: ['NHS Dumfries and Galloway', 'NHS Dumfries and Galloway Mental Health Services'],
    probation: 'Dumfries and Galloway Justice Social Work',
  },
  'cscp-five-stages': {
    code: 'cscp', prefix: 'CSCP', area: 'CSCP area', police: 'CSCP area Police',
    health: ['CSCP area Acute Hospitals NHS Trust', 'CSCP area Community and Mental Health NHS Trust', 'CSCP area Integrated Care Board'],
    probation: 'Probation Service (CSCP area)',
  },
};

/** The locality of a template; a neutral one derived from its code for templates added later. */
export function localityOf(template: ProtocolTemplate): Locality {
  const known = LOCALITIES[template.code];
  if (known) return known;
  const area = template.partnershipName.replace(/\s*\(.*\)\s*$/, '');
  const scottish = template.jurisdiction === 'scotland';
  return {
    code: template.code,
    prefix: template.code.split('-').map((w) => w[0]!.toUpperCase()).join('').slice(0, 6),
    area,
    police: scottish ? 'Police Scotland' : `${area} Police`,
    health: scottish ? [`NHS ${area}`] : [`${area} NHS Trust`, `${area} Integrated Care Board`],
    probation: scottish ? `${area} Justice Social Work` : `Probation Service (${area})`,
  };
}

/**
 * Realistic agencies for a partnership in its nation, 10–14 of them. GP practices
 * rarely raise a disagreement anywhere; `policeSilent` makes the police never raise one.
 */
export function agenciesFor(template: ProtocolTemplate, policeSilent: boolean): DemoAgency[] {
  const place = localityOf(template);
  const scottish = template.jurisdiction === 'scotland';
  const { area } = place;
  const agencies: DemoAgency[] = [
    { name: scottish ? `${area} Council Children and Families Social Work` : `${area} Children's Social Care`, sector: 'childrens_social_care', raises: 22, receives: 46 },
    { name: place.police, sector: 'police', raises: policeSilent ? 0 : 9, receives: 10 },
    ...place.health.map((name, i): DemoAgency => ({ name, sector: 'health', raises: i === 0 ? 12 : 7, receives: i === 0 ? 7 : 5 })),
    { name: scottish ? `${area} GP practices` : `${area} GP practices (primary care)`, sector: 'health', raises: 0.4, receives: 3 },
    { name: scottish ? `${area} Council Education Services` : `${area} schools and academies`, sector: 'education', raises: 20, receives: 8 },
    { name: scottish ? `${area} Early Learning and Childcare` : `${area} early years settings`, sector: 'early_years', raises: 5, receives: 2 },
    { name: place.probation, sector: 'probation', raises: 3, receives: 3 },
    { name: scottish ? `${area} Council Housing Services` : `${area} Housing Options`, sector: 'housing', raises: 2, receives: 4 },
    { name: `${area} Domestic Abuse Support Service`, sector: 'voluntary_sector', raises: 4, receives: 1 },
    { name: `${area} Young Carers and Family Support`, sector: 'voluntary_sector', raises: 2, receives: 1 },
    scottish
      ? { name: "Scottish Children's Reporter Administration", sector: 'other', raises: 2, receives: 2 }
      : { name: `${area} Youth Justice Service`, sector: 'other', raises: 3, receives: 2 },
  ];
  return agencies;
}

/** A practitioner's role as recorded on an escalation, by the raising agency's sector. */
export const RAISING_ROLES: Readonly<Record<AgencySector, readonly string[]>> = {
  childrens_social_care: ['Social worker', 'Senior practitioner', 'Family support worker', 'Independent reviewing officer'],
  police: ['Detective constable', 'Public protection unit officer', 'Police sergeant'],
  health: ['Health visitor', 'School nurse', 'Named nurse for safeguarding', 'Paediatrician', 'Midwife', 'CAMHS practitioner', 'GP'],
  education: ['Designated safeguarding lead', 'Headteacher', 'Pastoral lead', 'Guidance teacher'],
  early_years: ['Nursery manager', 'Early years practitioner', 'Childminder'],
  probation: ['Probation officer', 'Justice social worker'],
  housing: ['Housing officer', 'Tenancy support worker'],
  voluntary_sector: ['Domestic abuse support worker', 'Family support worker', 'Young carers worker'],
  other: ['Youth justice officer', "Children's reporter"],
};

export const SECTOR_LABELS: Readonly<Record<AgencySector, string>> = {
  childrens_social_care: "children's social care",
  police: 'police',
  health: 'health',
  education: 'education',
  early_years: 'early years',
  probation: 'probation',
  housing: 'housing',
  voluntary_sector: 'the voluntary sector',
  other: 'a partner agency',
};
