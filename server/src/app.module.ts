import type { ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from './agencies/agencies.module.js';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClockModule } from './common/clock/clock.js';
import { createValidationPipe } from './common/errors/validation-pipe.js';
import { type ServerConfig, ServerConfigModule } from './config/server-config.js';
import { TenantDatabaseModule } from './database/tenant-database.module.js';
import { typeOrmOptions } from './database/typeorm-options.js';
import { EscalationsModule } from './escalations/escalations.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { HealthModule } from './health/health.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { PartnershipsModule } from './partnerships/partnerships.module.js';
import { ProtocolsModule } from './protocols/protocols.module.js';

@Module({})
export class AppModule {
  static forRoot(config: ServerConfig, now?: () => Date): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServerConfigModule.forRoot(config),
        ClockModule.forRoot(now),
        TypeOrmModule.forRoot(typeOrmOptions(config.appDatabaseUrl, config.production, config.databasePoolSize)),
        TenantDatabaseModule,
        AuthModule,
        GraphQLModule.forRoot<ApolloDriverConfig>(graphqlOptions(config)),
        HealthModule,
        PartnershipsModule,
        AgenciesModule,
        ProtocolsModule,
        AuditModule,
        EscalationsModule,
        AnalyticsModule,
        ImportsModule,
        ExportsModule,
      ],
      providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }],
    };
  }
}
