import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SERVER_CONFIG, type ServerConfig } from '../config/server-config.js';
import { OutcomeRefreshService } from './outcome-refresh.service.js';

/**
 * Runs the outcome refresh once at start-up (before the app takes requests, so counts of
 * overdue escalations are right from the first one) and then every
 * `outcomeRefreshMinutes`. A run never overlaps the previous one; shutdown waits for it.
 */
@Injectable()
export class OutcomeRefreshScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutcomeRefreshScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    private readonly refresh: OutcomeRefreshService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.run();
    const minutes = this.config.outcomeRefreshMinutes;
    if (minutes > 0) {
      this.timer = setInterval(() => void this.run(), Math.max(1, Math.round(minutes * 60_000)));
      this.timer.unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One refresh; a call while one is running waits for that one instead. */
  run(): Promise<void> {
    this.running ??= this.refresh
      .refreshLive()
      .then((summary) => {
        if (summary.failedBatches > 0) this.logger.warn(`Outcome refresh: ${summary.failedBatches} of ${summary.batches} batches failed`);
      })
      .catch((error: unknown) => this.logger.error(`Outcome refresh failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
