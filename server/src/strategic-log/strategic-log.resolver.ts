import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import type { Actor } from '../common/actor/actor.js';
import { CurrentActor } from '../common/actor/current-actor.decorator.js';
import { CreateLogEntryInput } from './dto/create-log-entry.input.js';
import { RaiseLogEntryFromThemeSignalInput } from './dto/raise-log-entry.input.js';
import { ChangeLogEntryStatusInput, RespondToLogEntryInput } from './dto/respond-to-log-entry.input.js';
import { OverdueLogEntriesArgs, StrategicLogArgs, StrategicLogEntryArgs } from './dto/strategic-log.args.js';
import { UpdateLogEntryInput } from './dto/update-log-entry.input.js';
import { OverdueLogEntries, StrategicLogEntry, StrategicLogPage } from './models/strategic-log-entry.model.js';
import { StrategicLogWritesService } from './strategic-log-writes.service.js';
import { StrategicLogService } from './strategic-log.service.js';

const CHANGED = 'Returns the entry as changed. Refusals carry extensions.code and extensions.field and change nothing.';

@Resolver(() => StrategicLogEntry)
export class StrategicLogResolver {
  constructor(
    private readonly log: StrategicLogService,
    private readonly writes: StrategicLogWritesService,
  ) {}

  @Query(() => StrategicLogPage, { description: "A page of the partnership's strategic escalation log, newest first." })
  @Access('Query.strategicLog')
  strategicLog(@Args() args: StrategicLogArgs): Promise<StrategicLogPage> {
    return this.log.list(args);
  }

  @Query(() => StrategicLogEntry, { description: 'One entry of the log; an unknown id is an error with code LOG_ENTRY_NOT_FOUND.' })
  @Access('Query.strategicLogEntry')
  strategicLogEntry(@Args() args: StrategicLogEntryArgs): Promise<StrategicLogEntry> {
    return this.log.get(args.partnershipId, args.id);
  }

  @Query(() => OverdueLogEntries, { description: 'Entries not closed whose review date has passed, for the overview.' })
  @Access('Query.overdueLogEntries')
  overdueLogEntries(@Args() args: OverdueLogEntriesArgs): Promise<OverdueLogEntries> {
    return this.log.overdue(args);
  }

  @Mutation(() => StrategicLogEntry, { description: `Puts a theme signal on the log, its escalations linked. ${CHANGED}` })
  @Access('Mutation.raiseLogEntryFromThemeSignal')
  raiseLogEntryFromThemeSignal(@Args('input') input: RaiseLogEntryFromThemeSignalInput, @CurrentActor() actor: Actor): Promise<StrategicLogEntry> {
    return this.writes.raiseFromThemeSignal(input, actor);
  }

  @Mutation(() => StrategicLogEntry, { description: `Adds an entry written by hand. ${CHANGED}` })
  @Access('Mutation.createLogEntry')
  createLogEntry(@Args('input') input: CreateLogEntryInput, @CurrentActor() actor: Actor): Promise<StrategicLogEntry> {
    return this.writes.create(input, actor);
  }

  @Mutation(() => StrategicLogEntry, { description: `Edits an entry's title, description, owner, review or completion date. ${CHANGED}` })
  @Access('Mutation.updateLogEntry')
  updateLogEntry(@Args('input') input: UpdateLogEntryInput, @CurrentActor() actor: Actor): Promise<StrategicLogEntry> {
    return this.writes.update(input, actor);
  }

  @Mutation(() => StrategicLogEntry, { description: `Records the executive's response and/or a status change. ${CHANGED}` })
  @Access('Mutation.respondToLogEntry')
  respondToLogEntry(@Args('input') input: RespondToLogEntryInput, @CurrentActor() actor: Actor): Promise<StrategicLogEntry> {
    return this.writes.respond(input, actor);
  }

  @Mutation(() => StrategicLogEntry, { description: `Changes an entry's status, with a note for its history. ${CHANGED}` })
  @Access('Mutation.changeLogEntryStatus')
  changeLogEntryStatus(@Args('input') input: ChangeLogEntryStatusInput, @CurrentActor() actor: Actor): Promise<StrategicLogEntry> {
    return this.writes.changeStatus(input, actor);
  }
}
