import { CreateDomainSchema1764180000000 } from './1764180000000-CreateDomainSchema.js';
import { AddEscalationWorkIndexes1764190000000 } from './1764190000000-AddEscalationWorkIndexes.js';
import { CreateAnalyticsFacts1764200000000 } from './1764200000000-CreateAnalyticsFacts.js';
import { CreateSignInSessions1764210000000 } from './1764210000000-CreateSignInSessions.js';
import { EnforcePartnershipIsolation1764220000000 } from './1764220000000-EnforcePartnershipIsolation.js';
import { CreateImportSessions1764240000000 } from './1764240000000-CreateImportSessions.js';

/** Every migration, oldest first. Append; never edit one that has landed. */
export const MIGRATIONS = [CreateDomainSchema1764180000000, AddEscalationWorkIndexes1764190000000, CreateAnalyticsFacts1764200000000, CreateSignInSessions1764210000000, EnforcePartnershipIsolation1764220000000, CreateImportSessions1764240000000];
