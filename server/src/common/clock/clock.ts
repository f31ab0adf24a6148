import { Global, Module, type DynamicModule } from '@nestjs/common';

/**
 * The current instant, injected wherever "now" matters (future-time checks, timescale
 * outcomes, audit times), so that tests can move time without sleeping.
 * Inject it by class: `constructor(private readonly clock: Clock)`.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** Reads the system clock. */
export const SYSTEM_NOW = (): Date => new Date();

@Global()
@Module({})
export class ClockModule {
  static forRoot(now: () => Date = SYSTEM_NOW): DynamicModule {
    const clock: Clock = { now: () => new Date(now().getTime()) };
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
