import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';

/** One message the sink received: its recipients and its raw text as sent over SMTP. */
export type SunkMail = { to: string; raw: string };

/**
 * For tests that follow a mailed link: a real SMTP server (smtp-server, Nodemailer's own) on a
 * free port for this test file, with SMTP_URL pointing at it and any other settings given. The
 * app's env() is read once per process and each test file is its own process, so they are set
 * before anything reads them. Answers the inbox, filled as mail arrives.
 */
export function setUpMailSink(settings: Record<string, string> = {}): SunkMail[] {
  const inbox: SunkMail[] = [];
  let sink: SMTPServer | undefined;
  beforeAll(async () => {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => {
          raw += chunk.toString('utf8');
        });
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
          callback();
        });
      },
    });
    sink = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    Object.assign(process.env, settings);
  });
  afterAll(() => new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve())));
  return inbox;
}

/** The first match of `link` in a message's body, as a mail client shows it (quoted-printable undone). */
export function linkInMail(mail: SunkMail, link: RegExp): string | null {
  const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  return link.exec(body)?.[0] ?? null;
}
