import type { ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from './agencies/agencies.module.js';
import { createValidationPipe } from './common/errors/validation-pipe.js';
import { type ServerConfig, ServerConfigModule } from './config/server-config.js';
import { typeOrmOptions } from './database/typeorm-options.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { HealthModule } from './health/health.module.js';
import { PartnershipsModule } from './partnerships/partnerships.module.js';
import { ProtocolsModule } from './protocols/protocols.module.js';

@Module({})
export class AppModule {
  static forRoot(config: ServerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServerConfigModule.forRoot(config),
        TypeOrmModule.forRoot(typeOrmOptions(config.databaseUrl, config.production)),
        GraphQLModule.forRoot<ApolloDriverConfig>(graphqlOptions(config)),
        HealthModule,
        PartnershipsModule,
        AgenciesModule,
        ProtocolsModule,
      ],
      providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }],
    };
  }
}
