import { NestFactory } from '@nestjs/core';
import { GRAPHQL_SDL_FILE_END, GRAPHQL_SDL_FILE_HEADER, GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { PartnershipAgenciesResolver } from '../agencies/agencies.resolver.js';
import { AnalyticsResolver } from '../analytics/analytics.resolver.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { EscalationContextResolver } from '../escalations/escalation-context.resolver.js';
import { EscalationLifecycleResolver } from '../escalations/escalation-lifecycle.resolver.js';
import { EscalationTimelineResolver } from '../escalations/escalation-timeline.resolver.js';
import { EscalationsResolver } from '../escalations/escalations.resolver.js';
import { StageEntryResolver } from '../escalations/stage-entry.resolver.js';
import { HealthResolver } from '../health/health.resolver.js';
import { ImportsResolver } from '../imports/imports.resolver.js';
import { EscalationLearningResolver } from '../learning/escalation-learning.resolver.js';
import { LearningItemsResolver } from '../learning/learning-items.resolver.js';
import { LearningMutationsResolver } from '../learning/learning-mutations.resolver.js';
import { NationalResolver } from '../national/national.resolver.js';
import { PartnershipsResolver } from '../partnerships/partnerships.resolver.js';
import { PartnershipProtocolsResolver } from '../protocols/partnership-protocols.resolver.js';
import { ProtocolsResolver } from '../protocols/protocols.resolver.js';
import { EscalationContactsResolver } from '../reminders/escalation-contacts.resolver.js';
import { RemindersResolver } from '../reminders/reminders.resolver.js';
import { RetentionResolver } from '../retention/retention.resolver.js';
import { ScrutinyResolver } from '../scrutiny/scrutiny.resolver.js';
import { StrategicLogEntryResolver } from '../strategic-log/strategic-log-entry.resolver.js';
import { StrategicLogResolver } from '../strategic-log/strategic-log.resolver.js';

/** Every resolver of the API. A test checks that the running app's schema matches the one built from this list. */
export const API_RESOLVERS: readonly Function[] = [
  HealthResolver,
  AuthResolver,
  PartnershipsResolver,
  PartnershipAgenciesResolver,
  ProtocolsResolver,
  PartnershipProtocolsResolver,
  EscalationsResolver,
  EscalationTimelineResolver,
  EscalationContextResolver,
  StageEntryResolver,
  EscalationLifecycleResolver,
  AuditResolver,
  AnalyticsResolver,
  ImportsResolver,
  RemindersResolver,
  EscalationContactsResolver,
  ScrutinyResolver,
  StrategicLogResolver,
  StrategicLogEntryResolver,
  LearningItemsResolver,
  LearningMutationsResolver,
  EscalationLearningResolver,
  NationalResolver,
  RetentionResolver,
];

/** The text of `server/schema.graphql`, exactly as the running server writes it. */
export function printSchemaFile(schema: GraphQLSchema): string {
  return GRAPHQL_SDL_FILE_HEADER + printSchema(lexicographicSortSchema(schema)) + GRAPHQL_SDL_FILE_END;
}

/** Builds the schema from the resolvers without a database or an HTTP server. */
export async function generateSchemaSdl(): Promise<string> {
  const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false, abortOnError: false });
  try {
    const schema = await context.get(GraphQLSchemaFactory).create([...API_RESOLVERS]);
    return printSchemaFile(schema);
  } finally {
    await context.close();
  }
}
