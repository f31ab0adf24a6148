import { Global, Module } from '@nestjs/common';
import { TenantDatabase } from './tenant-database.js';

/** Makes TenantDatabase injectable everywhere: `constructor(private readonly db: TenantDatabase)`. */
@Global()
@Module({ providers: [TenantDatabase], exports: [TenantDatabase] })
export class TenantDatabaseModule {}
