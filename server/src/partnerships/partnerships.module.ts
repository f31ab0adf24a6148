import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PartnershipEntity } from './partnership.entity.js';
import { PartnershipsResolver } from './partnerships.resolver.js';
import { PartnershipsService } from './partnerships.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([PartnershipEntity])],
  providers: [PartnershipsResolver, PartnershipsService],
  exports: [PartnershipsService],
})
export class PartnershipsModule {}
