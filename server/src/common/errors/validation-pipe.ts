import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { CommonErrorCode, CommonException } from './common-error-code.js';

/** The global pipe: validates every `@Args`/`@InputType` with class-validator. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new CommonException(CommonErrorCode.BAD_USER_INPUT, describeValidationErrors(errors)),
  });
}

/** One sentence per broken constraint, e.g. "id must be a number (digits only, no sign or spaces)". */
export function describeValidationErrors(errors: readonly ValidationError[], parent = ''): string {
  const messages: string[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    messages.push(...Object.values(error.constraints ?? {}));
    if (error.children?.length) messages.push(describeValidationErrors(error.children, field));
  }
  return messages.join('; ') || 'The arguments are not valid';
}
