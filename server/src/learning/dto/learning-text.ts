import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank.js';
import { LEARNING_TEXT_LIMITS } from '../text-limits.js';

/** An optional free-text field of at most `limit` characters; null or absent leaves it as it is. */
export function OptionalText(limit: number, description?: string): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { nullable: true, ...(description ? { description } : {}) }),
    IsOptional(),
    IsString(),
    MaxLength(limit),
  );
}

/** An optional one-line text that, when given, must hold more than spaces. */
export function OptionalLine(limit: number, description?: string): PropertyDecorator {
  return applyDecorators(OptionalText(limit, description), IsNotBlank());
}

/** The briefing's questions: at most ten, each a line of text. */
export function OptionalQuestions(): PropertyDecorator {
  return applyDecorators(
    Field(() => [String], { nullable: true, description: `Questions for teams to consider, at most ${LEARNING_TEXT_LIMITS.questions}; blank ones are dropped.` }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(LEARNING_TEXT_LIMITS.questions),
    IsString({ each: true }),
    MaxLength(LEARNING_TEXT_LIMITS.question, { each: true }),
  );
}
