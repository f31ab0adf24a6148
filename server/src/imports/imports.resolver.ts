import type { ImportMapping } from '@escalation-insights/shared';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import type { Actor } from '../common/actor/actor.js';
import { CurrentActor } from '../common/actor/current-actor.decorator.js';
import { ImportArgs, ImportProblemsArgs } from './dto/import.args.js';
import { SetImportMappingInput } from './dto/import-mapping.input.js';
import { toImportMapping, toImportSession } from './import.mappers.js';
import { ImportRunner } from './import-runner.service.js';
import { ImportsService } from './imports.service.js';
import { ImportMappingModel } from './models/import-mapping.model.js';
import { ImportProblemModel, ImportSession } from './models/import-session.model.js';

const ERRORS = 'Errors: IMPORT_NOT_FOUND, IMPORT_BUSY, INVALID_MAPPING (extensions.problems lists why), BAD_USER_INPUT.';

/** The steps of an import after the upload (POST /imports): mapping, dry run, commit, and watching them. */
@Resolver(() => ImportSession)
export class ImportsResolver {
  constructor(
    private readonly imports: ImportsService,
    private readonly runner: ImportRunner,
  ) {}

  @Query(() => ImportSession, { description: 'An import with its progress and results: poll it while a run goes on. Errors: IMPORT_NOT_FOUND.' })
  @Access('Query.importSession')
  async importSession(@Args() args: ImportArgs): Promise<ImportSession> {
    return toImportSession(await this.imports.get(args.partnershipId, args.id), this.runner.isRunning(args.partnershipId, args.id));
  }

  @Query(() => ImportMappingModel, { description: 'The mapping to start from: as last time for this partnership where the headers fit, else matched by name.' })
  @Access('Query.suggestedImportMapping')
  async suggestedImportMapping(@Args() args: ImportArgs): Promise<ImportMappingModel> {
    return toImportMapping(await this.imports.suggestedMapping(await this.imports.get(args.partnershipId, args.id)));
  }

  @Query(() => [ImportProblemModel], { description: 'The problems of the last dry run or refused commit, in file order. Errors: IMPORT_NOT_FOUND.' })
  @Access('Query.importProblems')
  importProblems(@Args() args: ImportProblemsArgs): Promise<ImportProblemModel[]> {
    return this.imports.problems(args.partnershipId, args.id, args.limit, args.offset);
  }

  @Mutation(() => ImportSession, { description: `Chooses how the file is read, and keeps it for the partnership's next file. ${ERRORS}` })
  @Access('Mutation.setImportMapping')
  async setImportMapping(@Args('input') input: SetImportMappingInput, @CurrentActor() actor: Actor): Promise<ImportSession> {
    const mapping: ImportMapping = { ...input.mapping, defaultUrgency: input.mapping.defaultUrgency ?? null, defaultRaisedVia: input.mapping.defaultRaisedVia ?? null };
    return toImportSession(await this.imports.setMapping(actor, input.partnershipId, input.importId, mapping), false);
  }

  @Mutation(() => ImportSession, { description: `Checks every row and counts what a commit would create and update; writes nothing. Runs in the background. ${ERRORS}` })
  @Access('Mutation.startImportDryRun')
  async startImportDryRun(@Args() args: ImportArgs, @CurrentActor() actor: Actor): Promise<ImportSession> {
    return toImportSession(await this.imports.start('dry_run', actor, args.partnershipId, args.id), true);
  }

  @Mutation(() => ImportSession, { description: `Imports the file in one transaction: all of it, or (on any problem) nothing. Runs in the background. ${ERRORS}` })
  @Access('Mutation.commitImport')
  async commitImport(@Args() args: ImportArgs, @CurrentActor() actor: Actor): Promise<ImportSession> {
    return toImportSession(await this.imports.start('commit', actor, args.partnershipId, args.id), true);
  }
}
