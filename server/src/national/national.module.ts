import { Module } from '@nestjs/common';
import { NationalOverviewService } from './national-overview.service.js';
import { NationalResolver } from './national.resolver.js';

/** The national picture: counts across partnerships for national and regional viewers (docs/access-matrix.md). */
@Module({
  providers: [NationalResolver, NationalOverviewService],
})
export class NationalModule {}
