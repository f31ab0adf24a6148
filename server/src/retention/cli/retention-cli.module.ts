import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { ClockModule } from '../../common/clock/clock.js';
import { TenantDatabaseModule } from '../../database/tenant-database.module.js';
import { typeOrmOptions } from '../../database/typeorm-options.js';
import { RetentionJobService } from '../retention-job.service.js';

/** What the command line boots: the restricted role's pool, the audit trail and the job; no HTTP, no GraphQL, no timers. */
@Module({})
export class RetentionCliModule {
  static forRoot(appDatabaseUrl: string, production: boolean, now?: () => Date): DynamicModule {
    return {
      module: RetentionCliModule,
      imports: [ClockModule.forRoot(now), TypeOrmModule.forRoot(typeOrmOptions(appDatabaseUrl, production, 2)), TenantDatabaseModule],
      providers: [AuditService, RetentionJobService],
    };
  }
}

export interface OpenRetentionJob {
  readonly job: RetentionJobService;
  close(): Promise<void>;
}

/** The retention job outside the server, on the restricted role's connection (`appDatabaseUrl`). */
export async function openRetentionJob(appDatabaseUrl: string, options: { production?: boolean; now?: () => Date } = {}): Promise<OpenRetentionJob> {
  const context = await NestFactory.createApplicationContext(RetentionCliModule.forRoot(appDatabaseUrl, options.production ?? false, options.now), {
    logger: ['error', 'warn'],
  });
  return { job: context.get(RetentionJobService), close: () => context.close() };
}
