import { Query, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import type { Actor } from '../common/actor/actor.js';
import { CurrentActor } from '../common/actor/current-actor.decorator.js';
import { MyReminders } from './models/reminder.model.js';
import { RemindersService } from './reminders.service.js';

@Resolver(() => MyReminders)
export class RemindersResolver {
  constructor(private readonly reminders: RemindersService) {}

  @Query(() => MyReminders, {
    description:
      "Deadlines approaching (within the next working day) or passed, clocks still running: all of the partnership's for business-unit staff, " +
      'those of the escalations they are named on for everyone else.',
  })
  @Access('Query.myReminders')
  myReminders(@CurrentActor() actor: Actor): Promise<MyReminders> {
    return this.reminders.forActor(actor);
  }
}
