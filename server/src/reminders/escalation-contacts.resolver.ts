import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import type { Actor } from '../common/actor/actor.js';
import { CurrentActor } from '../common/actor/current-actor.decorator.js';
import { Escalation } from '../escalations/models/escalation.model.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { EscalationContactInput } from './dto/escalation-contact.input.js';
import { ContactCandidatesArgs } from './dto/partnership.args.js';
import { EscalationContactsService } from './escalation-contacts.service.js';
import { NamedPerson, PartnershipPerson } from './models/named-person.model.js';

const CHANGED = 'Returns the people named on the escalation afterwards. Refusals carry extensions.code and extensions.field and change nothing.';

@Resolver(() => Escalation)
export class EscalationContactsResolver {
  constructor(private readonly contacts: EscalationContactsService) {}

  @ResolveField('namedPeople', () => [NamedPerson], { description: 'The people named on the escalation, in the order they were named.' })
  @Access('Escalation.namedPeople')
  namedPeople(@Parent() escalation: Escalation, @Context('loaders') loaders: RequestLoaders): Promise<NamedPerson[]> {
    return this.contacts.namedOn(escalation, loaders);
  }

  @Query(() => [PartnershipPerson], { description: 'The users of the partnership who can be named on its escalations, by name.' })
  @Access('Query.escalationContactCandidates')
  escalationContactCandidates(@Args() args: ContactCandidatesArgs): Promise<PartnershipPerson[]> {
    return this.contacts.candidates(args.partnershipId);
  }

  @Mutation(() => [NamedPerson], { description: `Names a user of the partnership on an escalation. ${CHANGED}` })
  @Access('Mutation.nameEscalationContact')
  nameEscalationContact(@Args('input') input: EscalationContactInput, @CurrentActor() actor: Actor): Promise<NamedPerson[]> {
    return this.contacts.name(input, actor);
  }

  @Mutation(() => [NamedPerson], { description: `Takes a person's name off an escalation. ${CHANGED}` })
  @Access('Mutation.unnameEscalationContact')
  unnameEscalationContact(@Args('input') input: EscalationContactInput, @CurrentActor() actor: Actor): Promise<NamedPerson[]> {
    return this.contacts.unname(input, actor);
  }
}
