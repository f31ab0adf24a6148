import { IntrinsicException } from '@nestjs/common';

/** Extra facts a client can act on, shown beside the code in `extensions` (e.g. `field`). */
export type ApiErrorDetails = Readonly<Record<string, string | number | boolean | null | readonly unknown[]>>;

/**
 * Base of every error the API reports on purpose. Each feature module declares its own
 * string enum of codes and a subclass; `formatGraphqlError` turns any of them into a
 * GraphQL error whose `extensions.code` is the code (and whose other extensions are the
 * `details`). Extends Nest's IntrinsicException so that expected errors (not found, bad
 * input) are not logged as failures.
 */
export abstract class ApiException<TCode extends string = string> extends IntrinsicException {
  protected constructor(
    readonly code: TCode,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
