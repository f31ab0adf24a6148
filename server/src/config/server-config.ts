import { Global, Module, type DynamicModule } from '@nestjs/common';
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
