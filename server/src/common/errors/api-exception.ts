import { IntrinsicException } from '@nestjs/common';

/**
 * Base of every error the API reports on purpose. Each feature module declares its own
 * string enum of codes and a subclass; `formatGraphqlError` turns any of them into a
 * GraphQL error whose `extensions.code` is the code. Extends Nest's IntrinsicException
 * so that expected errors (not found, bad input) are not logged as failures.
 */
export abstract class ApiException<TCode extends string = string> extends IntrinsicException {
  protected constructor(
    readonly code: TCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
