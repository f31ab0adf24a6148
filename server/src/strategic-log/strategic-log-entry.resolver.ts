import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import { ThemeImpact } from '../theme-impact/theme-impact.model.js';
import { ThemeImpactService } from '../theme-impact/theme-impact.service.js';
import { StrategicLogEscalation, StrategicLogStatusChange, StrategicLogThemeFigures } from './models/strategic-log-details.model.js';
import { StrategicLogEntry } from './models/strategic-log-entry.model.js';
import { StrategicLogThemeService } from './strategic-log-theme.service.js';
import { StrategicLogService } from './strategic-log.service.js';

/** What an entry shows beyond its own columns, each read when asked for. */
@Resolver(() => StrategicLogEntry)
export class StrategicLogEntryResolver {
  constructor(
    private readonly log: StrategicLogService,
    private readonly theme: StrategicLogThemeService,
    private readonly impact: ThemeImpactService,
  ) {}

  @ResolveField(() => [StrategicLogStatusChange], { description: 'Every status the entry has had, oldest first.' })
  @Access('StrategicLogEntry.statusHistory')
  statusHistory(@Parent() entry: StrategicLogEntry): Promise<StrategicLogStatusChange[]> {
    return this.log.statusHistory(entry);
  }

  @ResolveField(() => [StrategicLogEscalation], { description: 'The escalations linked to the entry, by raising (at most 200).' })
  @Access('StrategicLogEntry.linkedEscalations')
  linkedEscalations(@Parent() entry: StrategicLogEntry): Promise<StrategicLogEscalation[]> {
    return this.log.linkedEscalations(entry);
  }

  @ResolveField(() => [StrategicLogEscalation], {
    description: "Escalations of the entry's theme raised since it was added, newest first (at most 200); none without a theme.",
  })
  @Access('StrategicLogEntry.themeEscalationsSinceAdded')
  themeEscalationsSinceAdded(@Parent() entry: StrategicLogEntry): Promise<StrategicLogEscalation[]> {
    return this.log.themeEscalationsSinceAdded(entry);
  }

  @ResolveField(() => StrategicLogThemeFigures, { nullable: true, description: "The theme's figures since the entry was added; null without a theme." })
  @Access('StrategicLogEntry.themeFigures')
  themeFigures(@Parent() entry: StrategicLogEntry): Promise<StrategicLogThemeFigures | null> {
    return this.theme.figures(entry);
  }

  @ResolveField(() => ThemeImpact, {
    nullable: true,
    description: "Has it worked? The theme's escalation rate before and after the completion date; null without a theme or a completion date.",
  })
  @Access('StrategicLogEntry.hasItWorked')
  async hasItWorked(@Parent() entry: StrategicLogEntry): Promise<ThemeImpact | null> {
    if (!entry.theme || !entry.completedOn) return null;
    return this.impact.compare(
      entry.partnershipId,
      {
        categoryCodes: entry.theme.categoryCode ? [entry.theme.categoryCode] : [],
        receivingAgencyIds: entry.theme.receivingAgencyId ? [entry.theme.receivingAgencyId] : [],
      },
      entry.completedOn,
    );
  }
}
