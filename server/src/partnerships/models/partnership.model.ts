import type { Jurisdiction } from '@escalation-insights/shared';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JurisdictionEnum } from '../../graphql/domain-enums.js';

/**
 * A safeguarding partnership (the tenant). `agencies`, `protocols` and `activeProtocol`
 * are resolved by the agencies and protocols modules.
 */
@ObjectType({ description: 'A safeguarding partnership: the tenant whose escalations are analysed.' })
export class Partnership {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Stable kebab-case code, unique across partnerships.' })
  code: string;

  @Field()
  name: string;

  @Field(() => JurisdictionEnum)
  jurisdiction: Jurisdiction;

  @Field(() => Int, { description: 'How many escalations of one category and receiving agency make a theme signal.' })
  themeMinCount: number;

  @Field(() => Int, { description: 'The rolling window, in days, within which those escalations must be raised.' })
  themeWindowDays: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Years after an escalation closes that its record-level detail is kept before the retention job clears it; null keeps it.',
  })
  retentionYearsAfterClose: number | null;
}
