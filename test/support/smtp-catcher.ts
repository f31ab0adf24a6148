import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** A message the catcher accepted: the envelope, the headers and the decoded text body. */
export interface CaughtMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly headers: string;
  readonly text: string;
}

/**
 * A tiny SMTP server on 127.0.0.1 that keeps every message it accepts: enough of RFC 5321
 * for a client to send mail (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS, no
 * AUTH). `rejectNext(n)` answers the next n messages' DATA with a temporary failure (451),
 * as a mail server that is down would.
 */
export class SmtpCatcher {
  readonly messages: CaughtMail[] = [];
  private rejections = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<SmtpCatcher> {
    const server = createServer();
    const catcher = new SmtpCatcher(server);
    server.on('connection', (socket) => catcher.session(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    return catcher;
  }

  /** `smtp://127.0.0.1:<port>` */
  get url(): string {
    return `smtp://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  rejectNext(count: number): void {
    this.rejections = count;
  }

  /** Forgets the messages caught so far. */
  clear(): void {
    this.messages.length = 0;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private session(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setEncoding('utf8');
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let envelope: { from: string; to: string[] } = { from: '', to: [] };
    let data: string[] | null = null;

    reply('220 127.0.0.1 ESMTP test catcher');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line !== '.') {
            data.push(line.startsWith('..') ? line.slice(1) : line);
            continue;
          }
          const raw = data.join('\r\n');
          data = null;
          if (this.rejections > 0) {
            this.rejections -= 1;
            reply('451 4.3.0 Try again later');
          } else {
            this.messages.push(parse(envelope, raw));
            reply('250 2.0.0 Queued');
          }
          envelope = { from: '', to: [] };
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'EHLO') {
          reply('250-127.0.0.1 greets you');
          reply('250 8BITMIME');
        } else if (command === 'HELO' || command === 'NOOP') reply('250 OK');
        else if (command === 'RSET') {
          envelope = { from: '', to: [] };
          reply('250 OK');
        } else if (command === 'MAIL') {
          envelope.from = address(line);
          reply('250 OK');
        } else if (command === 'RCPT') {
          envelope.to.push(address(line));
          reply('250 OK');
        } else if (command === 'DATA') {
          data = [];
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (command === 'QUIT') {
          reply('221 Bye');
          socket.end();
        } else reply('502 5.5.2 Command not recognised');
      }
    });
  }
}

function address(line: string): string {
  return /<([^>]*)>/.exec(line)?.[1] ?? '';
}

/** Splits headers from body and undoes quoted-printable or base64, so tests read the text as written. */
function parse(envelope: { from: string; to: string[] }, raw: string): CaughtMail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4) : '';
  const unfolded = headers.replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { from: envelope.from, to: [...envelope.to], subject: header('Subject'), headers, text: text.replace(/\r\n/g, '\n') };
}
