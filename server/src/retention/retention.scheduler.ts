import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SERVER_CONFIG, type ServerConfig } from '../config/server-config.js';
import { RetentionJobService } from './retention-job.service.js';
import { DEFAULT_RETENTION_SCHEDULE } from './retention-schedule.js';

/**
 * Runs the retention job inside the server: first a while after start-up, then daily
 * (ServerConfig.retentionSchedule; null: never). The timers are unref'd, so they never
 * keep the process alive; a run never overlaps the previous one, and shutdown stops the
 * timers and waits for a run in progress (its transaction commits or rolls back whole).
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionScheduler.name);
  private first: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    private readonly job: RetentionJobService,
  ) {}

  onApplicationBootstrap(): void {
    const schedule = this.config.retentionSchedule === undefined ? DEFAULT_RETENTION_SCHEDULE : this.config.retentionSchedule;
    if (!schedule) return;
    this.first = setTimeout(() => {
      void this.run();
      this.timer = setInterval(() => void this.run(), schedule.everyMs);
      this.timer.unref();
    }, schedule.firstRunAfterMs);
    this.first.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.first);
    clearInterval(this.timer);
    await this.running;
  }

  /** One run over every partnership with a retention period; a call while one runs waits for it. */
  run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.job
      .run({ trigger: 'schedule' })
      .then((result) => {
        for (const p of result.partnerships) {
          if (p.escalations > 0) this.logger.log(`Retention: cleared the detail of ${p.escalations} escalations of partnership ${p.partnershipId}`);
        }
      })
      .catch((error: unknown) => this.logger.error(`Retention run failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
