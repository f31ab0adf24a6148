import { Global, Module, type DynamicModule } from '@nestjs/common';

/** What the Nest application needs to know, resolved by `createApp` from its options. */
export interface ServerConfig {
  readonly databaseUrl: string;
  readonly production: boolean;
  readonly childKeySecret: string;
  readonly serveWeb: boolean;
  readonly webDist: string;
  /** Where GraphQL writes the schema at start-up; null keeps it in memory. */
  readonly schemaFile: string | null;
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
