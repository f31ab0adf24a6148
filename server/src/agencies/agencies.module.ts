import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesService } from './agencies.service.js';
import { PartnershipAgenciesResolver } from './agencies.resolver.js';
import { AgencyEntity } from './agency.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([AgencyEntity])],
  providers: [PartnershipAgenciesResolver, AgenciesService],
  exports: [AgenciesService],
})
export class AgenciesModule {}
