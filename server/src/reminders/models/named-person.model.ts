import type { UserRole } from '@escalation-insights/shared';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserRoleEnum } from '../../auth/models/viewer.model.js';

@ObjectType({ description: 'A user of the partnership who can be named on its escalations (never their email address).' })
export class PartnershipPerson {
  @Field(() => ID)
  userId: string;

  @Field()
  displayName: string;

  @Field(() => UserRoleEnum)
  role: UserRole;
}

@ObjectType({ description: 'A person named on an escalation: they see its deadlines among their reminders, and are emailed about them.' })
export class NamedPerson {
  @Field(() => ID)
  userId: string;

  @Field({ description: 'Their name; "A user no longer active" once their account is closed.' })
  displayName: string;

  @Field(() => UserRoleEnum, { nullable: true, description: 'Null once their account is closed (they get no reminders then).' })
  role: UserRole | null;

  @Field()
  namedAt: Date;
}
