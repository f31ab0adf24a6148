import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Clock } from '../common/clock/clock.js';
import { SERVER_CONFIG, type ServerConfig } from '../config/server-config.js';
import { ReminderEmailsService } from './reminder-emails.service.js';

/**
 * Runs the reminder emails every `reminders.emailMinutes` (REMINDER_EMAIL_MINUTES) when a
 * mail server is configured; off otherwise, and whenever the interval is 0 (as in tests,
 * which call ReminderEmailsService.runReminderEmails with a clock of their own). The
 * timer does not keep the process alive; a run never overlaps the previous one; shutdown
 * stops the timer and waits for a run in progress, before the database pool closes.
 */
@Injectable()
export class ReminderEmailScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderEmailScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    private readonly emails: ReminderEmailsService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const { smtpUrl, emailMinutes } = this.config.reminders;
    if (smtpUrl === null || emailMinutes <= 0) return;
    this.timer = setInterval(() => void this.run(), emailMinutes * 60_000);
    this.timer.unref();
  }

  /** While the database is still open: no new run, and the one in progress finished. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** One run at the clock's "now"; a call while one is running waits for that one instead. */
  run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.emails
      .runReminderEmails(this.clock.now())
      .then((run) => {
        if (run.emailsSent > 0 || run.emailsFailed > 0) {
          this.logger.log(`Reminder emails: ${run.emailsSent} sent (${run.remindersSent} deadlines), ${run.emailsFailed} failed`);
        }
      })
      .catch((error: unknown) => this.logger.error(`Reminder emails failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
