import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import type { Actor } from '../common/actor/actor.js';
import { CurrentActor } from '../common/actor/current-actor.decorator.js';
import { Partnership } from '../partnerships/models/partnership.model.js';
import { RetentionPeriodInput } from './dto/retention-period.input.js';
import { RetentionSettingsService } from './retention-settings.service.js';

@Resolver()
export class RetentionResolver {
  constructor(private readonly settings: RetentionSettingsService) {}

  @Mutation(() => Partnership, {
    description:
      "Sets how many years after an escalation closes its record-level detail is kept (null keeps it); past that the daily retention job clears it, " +
      'keeping the anonymous facts the statistics read. Audited. Errors: BAD_USER_INPUT, PARTNERSHIP_NOT_FOUND.',
  })
  @Access('Mutation.setRetentionPeriod')
  setRetentionPeriod(@CurrentActor() actor: Actor, @Args('input') input: RetentionPeriodInput): Promise<Partnership> {
    return this.settings.set(actor, input);
  }
}
