import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';

@ArgsType()
export class VerifyAuditChainArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'The partnership whose chain to check; null or absent: the chain of events outside any partnership.',
  })
  @IsOptional()
  @IsRecordId()
  partnershipId?: string | null;
}
