import { CreateDomainSchema1764180000000 } from './1764180000000-CreateDomainSchema.js';
import { AddEscalationWorkIndexes1764190000000 } from './1764190000000-AddEscalationWorkIndexes.js';
import { CreateAnalyticsFacts1764200000000 } from './1764200000000-CreateAnalyticsFacts.js';
import { CreateSignInSessions1764210000000 } from './1764210000000-CreateSignInSessions.js';
import { EnforcePartnershipIsolation1764220000000 } from './1764220000000-EnforcePartnershipIsolation.js';
import { CreateImportSessions1764240000000 } from './1764240000000-CreateImportSessions.js';
import { GuardStrategicLogWrites1764250000000 } from './1764250000000-GuardStrategicLogWrites.js';
import { PrepareLearningWorkflow1764251000000 } from './1764251000000-PrepareLearningWorkflow.js';
import { CreateRemindersAndContacts1764252000000 } from './1764252000000-CreateRemindersAndContacts.js';
import { PreAggregateBreachesAndBulkLoads1764253000000 } from './1764253000000-PreAggregateBreachesAndBulkLoads.js';
import { AddAuditTrailAndNationalViews1764254000000 } from './1764254000000-AddAuditTrailAndNationalViews.js';
import { AddRecordRetention1764257000000 } from './1764257000000-AddRecordRetention.js';
import { NotifyDataChanges1764258000000 } from './1764258000000-NotifyDataChanges.js';
import { NotifySessionChanges1764259000000 } from './1764259000000-NotifySessionChanges.js';

export { DATA_CHANGED_CHANNEL, UNWATCHED_TABLES } from './1764258000000-NotifyDataChanges.js';
export { SESSIONS_CHANGED_CHANNEL } from './1764259000000-NotifySessionChanges.js';

/** Every migration, oldest first. Append; never edit one that has landed. */
export const MIGRATIONS = [CreateDomainSchema1764180000000, AddEscalationWorkIndexes1764190000000, CreateAnalyticsFacts1764200000000, CreateSignInSessions1764210000000, EnforcePartnershipIsolation1764220000000, CreateImportSessions1764240000000, GuardStrategicLogWrites1764250000000, PrepareLearningWorkflow1764251000000, CreateRemindersAndContacts1764252000000, PreAggregateBreachesAndBulkLoads1764253000000, AddAuditTrailAndNationalViews1764254000000, AddRecordRetention1764257000000, NotifyDataChanges1764258000000, NotifySessionChanges1764259000000];
