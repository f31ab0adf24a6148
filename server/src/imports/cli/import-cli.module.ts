import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../../common/clock/clock.js';
import { type ServerConfig, ServerConfigModule } from '../../config/server-config.js';
import { TenantDatabaseModule } from '../../database/tenant-database.module.js';
import { typeOrmOptions } from '../../database/typeorm-options.js';
import { ImportsModule } from '../imports.module.js';

/** What the command line boots: the database pool and the imports module, no HTTP and no GraphQL. */
@Module({})
export class ImportCliModule {
  static forRoot(config: ServerConfig): DynamicModule {
    return {
      module: ImportCliModule,
      imports: [
        ServerConfigModule.forRoot(config),
        ClockModule.forRoot(),
        TypeOrmModule.forRoot(typeOrmOptions(config.appDatabaseUrl, config.production, 3)),
        TenantDatabaseModule,
        ImportsModule,
      ],
    };
  }
}
