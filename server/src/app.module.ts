import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from './agencies/agencies.module.js';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AnswerCache } from './analytics/answer-cache.js';
import { AnswerCacheModule } from './analytics/answer-cache.module.js';
import { answerCachePlugin } from './analytics/answer-cache.plugin.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { Clock, ClockModule } from './common/clock/clock.js';
import { createValidationPipe } from './common/errors/validation-pipe.js';
import { type ServerConfig, ServerConfigModule } from './config/server-config.js';
import { TenantDatabaseModule } from './database/tenant-database.module.js';
import { typeOrmOptions } from './database/typeorm-options.js';
import { EscalationsModule } from './escalations/escalations.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { HealthModule } from './health/health.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { LifecycleModule } from './lifecycle/lifecycle.module.js';
import { ServerLifecycle } from './lifecycle/server-lifecycle.js';
import { LearningModule } from './learning/learning.module.js';
import { NationalModule } from './national/national.module.js';
import { PartnershipsModule } from './partnerships/partnerships.module.js';
import { ProtocolsModule } from './protocols/protocols.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { RemindersModule } from './reminders/reminders.module.js';
import { ScrutinyModule } from './scrutiny/scrutiny.module.js';
import { StrategicLogModule } from './strategic-log/strategic-log.module.js';

@Module({})
export class AppModule {
  static forRoot(config: ServerConfig, now?: () => Date, lifecycle = new ServerLifecycle()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServerConfigModule.forRoot(config),
        ClockModule.forRoot(now),
        LifecycleModule.forRoot(lifecycle),
        TypeOrmModule.forRoot(typeOrmOptions(config.appDatabaseUrl, config.production, config.databasePoolSize, config.databaseConnectTimeoutMs)),
        TenantDatabaseModule,
        AuthModule,
        AnswerCacheModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AnswerCache, Clock],
          useFactory: (cache: AnswerCache, clock: Clock) => graphqlOptions(config, [
            answerCachePlugin(cache, clock, (config.answerStaleSeconds ?? 0) * 1000),
          ]),
        }),
        HealthModule,
        PartnershipsModule,
        AgenciesModule,
        ProtocolsModule,
        AuditModule,
        EscalationsModule,
        AnalyticsModule,
        ImportsModule,
        ExportsModule,
        RetentionModule,
        RemindersModule,
        ScrutinyModule,
        StrategicLogModule,
        LearningModule,
        NationalModule,
      ],
      providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }],
    };
  }
}
