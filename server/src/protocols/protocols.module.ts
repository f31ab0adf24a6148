import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PartnershipProtocolsResolver } from './partnership-protocols.resolver.js';
import { ProtocolCategoryEntity } from './protocol-category.entity.js';
import { ProtocolPartsService } from './protocol-parts.service.js';
import { ProtocolStageEntity } from './protocol-stage.entity.js';
import { ProtocolEntity } from './protocol.entity.js';
import { ProtocolsResolver } from './protocols.resolver.js';
import { ProtocolsService } from './protocols.service.js';
import { TimescaleRuleEntity } from './timescale-rule.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProtocolEntity, ProtocolStageEntity, ProtocolCategoryEntity, TimescaleRuleEntity])],
  providers: [ProtocolsResolver, PartnershipProtocolsResolver, ProtocolsService, ProtocolPartsService],
  exports: [ProtocolsService, ProtocolPartsService],
})
export class ProtocolsModule {}
