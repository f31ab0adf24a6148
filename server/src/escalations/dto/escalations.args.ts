import { ArgsType, Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { EscalationFilter } from './escalation-filter.input.js';

export const ESCALATION_SORT_FIELDS = ['raised_at', 'updated_at', 'reference', 'highest_tier'] as const;
export type EscalationSortField = (typeof ESCALATION_SORT_FIELDS)[number];
export const EscalationSortFieldEnum = {
  RAISED_AT: 'raised_at',
  UPDATED_AT: 'updated_at',
  REFERENCE: 'reference',
  HIGHEST_TIER: 'highest_tier',
} as const satisfies Record<string, EscalationSortField>;
registerEnumType(EscalationSortFieldEnum, { name: 'EscalationSortField', description: 'What to order escalations by (ties: by id).' });

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

@InputType()
export class EscalationSort {
  @Field(() => EscalationSortFieldEnum, { defaultValue: 'raised_at' })
  @IsIn(ESCALATION_SORT_FIELDS)
  field: EscalationSortField;

  @Field({ defaultValue: true })
  @IsBoolean()
  descending: boolean;
}

@ArgsType()
export class EscalationsArgs {
  @Field(() => EscalationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EscalationFilter)
  filter?: EscalationFilter | null;

  @Field(() => EscalationSort, { nullable: true, description: 'Default: newest raised first.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EscalationSort)
  sort?: EscalationSort | null;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset: number;

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number;
}
