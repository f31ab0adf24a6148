import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ChildKeyService } from '../escalations/child-key.js';
import { TimescaleOutcomesService } from '../escalations/timescale-outcomes.service.js';
import { ProtocolCategoryEntity } from '../protocols/protocol-category.entity.js';
import { ProtocolStageEntity } from '../protocols/protocol-stage.entity.js';
import { ProtocolEntity } from '../protocols/protocol.entity.js';
import { ImportRunner } from './import-runner.service.js';
import { ImportUploadController } from './import-upload.controller.js';
import { ImportsResolver } from './imports.resolver.js';
import { ImportsService } from './imports.service.js';

/**
 * Imports of escalation logs from CSV and .xlsx files (docs/imports.md). The escalation
 * helpers it uses (child keys, timescale outcomes) hold no state, so it provides them
 * itself rather than importing the escalations module (whose scheduler the command line
 * must not start).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ProtocolEntity, ProtocolStageEntity, ProtocolCategoryEntity]), AuditModule],
  controllers: [ImportUploadController],
  providers: [ImportsResolver, ImportsService, ImportRunner, ChildKeyService, TimescaleOutcomesService],
  exports: [ImportsService],
})
export class ImportsModule {}
