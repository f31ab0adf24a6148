import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ThemeImpactModule } from '../theme-impact/theme-impact.module.js';
import { StrategicLogEntryResolver } from './strategic-log-entry.resolver.js';
import { StrategicLogThemeService } from './strategic-log-theme.service.js';
import { StrategicLogWritesService } from './strategic-log-writes.service.js';
import { StrategicLogResolver } from './strategic-log.resolver.js';
import { StrategicLogService } from './strategic-log.service.js';

/** The strategic escalation log (docs/strategic-log.md): themes raised to the partnership executive and what became of them. */
@Module({
  imports: [AuditModule, ThemeImpactModule],
  providers: [StrategicLogResolver, StrategicLogEntryResolver, StrategicLogService, StrategicLogThemeService, StrategicLogWritesService],
})
export class StrategicLogModule {}
