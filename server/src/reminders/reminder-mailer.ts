import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Mail } from 'nodemailer';
import { SERVER_CONFIG, type ServerConfig } from '../config/server-config.js';

export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Seconds to wait for the mail server at each step before the send counts as failed. */
const TIMEOUT_MS = 30_000;

/**
 * Sends plain-text email through the mail server of SMTP_URL (nodemailer). Without one it
 * is not configured and sends nothing. Resolves once the server has accepted the message.
 */
@Injectable()
export class ReminderMailer implements OnApplicationShutdown {
  private transport: Mail | undefined;

  constructor(@Inject(SERVER_CONFIG) private readonly config: ServerConfig) {}

  get configured(): boolean {
    return this.config.reminders.smtpUrl !== null;
  }

  async send(email: OutgoingEmail): Promise<void> {
    const smtpUrl = this.config.reminders.smtpUrl;
    if (smtpUrl === null) throw new Error('No mail server is configured (SMTP_URL)');
    this.transport ??= createTransport({ url: smtpUrl, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS });
    await this.transport.sendMail({ from: this.config.reminders.from, to: email.to, subject: email.subject, text: email.text });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
    this.transport = undefined;
  }
}
