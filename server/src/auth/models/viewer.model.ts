import { USER_ROLES, type UserRole } from '@escalation-insights/shared';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { vocabularyEnum } from '../../graphql/vocabulary-enum.js';

export const UserRoleEnum = vocabularyEnum(
  USER_ROLES,
  'UserRole',
  'What a user may see and do (docs/access-matrix.md). BUSINESS_UNIT and SCRUTINEER see record-level detail; the others see aggregates.',
);

@ObjectType({ description: 'The signed-in user.' })
export class Viewer {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => UserRoleEnum)
  role: UserRole;

  @Field(() => ID, { nullable: true, description: "The user's partnership; null for national viewers and administrators of every partnership." })
  partnershipId: string | null;

  @Field({ description: 'Whether this user sees escalation summaries, timelines and child keys, and exact small counts.' })
  seesRecordLevelDetail: boolean;
}
