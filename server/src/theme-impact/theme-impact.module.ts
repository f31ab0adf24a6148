import { Module } from '@nestjs/common';
import { ThemeImpactService } from './theme-impact.service.js';

/**
 * "Has it worked?" (ThemeImpactService): a theme's escalation rate before and after a
 * completion date, for the strategic log and learning items. Import this module and
 * inject the service; expose the result as the `ThemeImpact` object type.
 */
@Module({
  providers: [ThemeImpactService],
  exports: [ThemeImpactService],
})
export class ThemeImpactModule {}
