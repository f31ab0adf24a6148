import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { ReminderSettings } from './reminder-config.js';
import type { RetentionSchedule } from '../retention/retention-schedule.js';
import type { AuthSettings, QueryLimits } from './security-config.js';

/** What the Nest application needs to know, resolved by `createApp` from its options. */
export interface ServerConfig {
  /** The owner's connection: migrations and start-up tasks only. */
  readonly databaseUrl: string;
  /** Request traffic: a role that row-level security applies to (docs/security.md). */
  readonly appDatabaseUrl: string;
  readonly databasePoolSize: number;
  readonly auth: AuthSettings;
  readonly queryLimits: QueryLimits;
  readonly production: boolean;
  readonly childKeySecret: string;
  readonly serveWeb: boolean;
  readonly webDist: string;
  /** Where GraphQL writes the schema at start-up; null keeps it in memory. */
  readonly schemaFile: string | null;
  /** Minutes between refreshes of the live timescale outcomes; 0: only the one at start-up. */
  readonly outcomeRefreshMinutes: number;
  /** When the retention job runs in the server; absent: DEFAULT_RETENTION_SCHEDULE; null: never (the command line still runs it). */
  readonly retentionSchedule?: RetentionSchedule | null;
  /** How long a request waits for a database connection before SERVICE_UNAVAILABLE (default 5 s). */
  readonly databaseConnectTimeoutMs?: number;
  /** Seconds an analytics answer is kept while nothing behind it changes (default 30; 0: none kept). */
  readonly answerCacheSeconds?: number;
  /** Seconds after its computation began that a superseded answer may still be sent while its replacement is worked out (default 0: never). */
  readonly answerStaleSeconds?: number;
  /** Reminder emails: mail server, link address, timer and working hours; `publicUrl` always set here. */
  readonly reminders: ReminderSettings & { readonly publicUrl: string };
}

/** Injection token: `@Inject(SERVER_CONFIG) config: ServerConfig`. */
export const SERVER_CONFIG = Symbol('SERVER_CONFIG');

@Global()
@Module({})
export class ServerConfigModule {
  static forRoot(config: ServerConfig): DynamicModule {
    return {
      module: ServerConfigModule,
      providers: [{ provide: SERVER_CONFIG, useValue: config }],
      exports: [SERVER_CONFIG],
    };
  }
}
