import 'server-only';
import type { Transporter } from 'nodemailer';
import { env } from '@/lib/env';

/** One email the app sends: plain text always (every client reads it), HTML optional. */
export type Mail = { to: string; subject: string; text: string };

const globalForMail = globalThis as unknown as { statecraftMailer?: Promise<Transporter> };

/**
 * The mail transport, made once per process with Nodemailer: SMTP when SMTP_URL is set; otherwise
 * Nodemailer's JSON transport, whose messages are written to the server log, so that a laptop or
 * demo install (no mail server) can still follow a reset link.
 */
function transport(): Promise<Transporter> {
  globalForMail.statecraftMailer ??= (async () => {
    const { default: nodemailer } = await import('nodemailer');
    const url = env().SMTP_URL;
    return url ? nodemailer.createTransport(url) : nodemailer.createTransport({ jsonTransport: true });
  })();
  return globalForMail.statecraftMailer;
}

export function mailFrom(): string {
  return env().MAIL_FROM ?? 'Statecraft <no-reply@statecraft.invalid>';
}

export async function sendMail(mail: Mail): Promise<void> {
  const transporter = await transport();
  await transporter.sendMail({ from: mailFrom(), ...mail });
  if (!env().SMTP_URL) {
    // No mail server configured: the message goes to the log, where the person running the app finds it.
    console.log(`[mail] to ${mail.to}: ${mail.subject}\n${mail.text}\n[mail] end`);
  }
}

/**
 * Whether a link the app mails may also be shown on the page that asked for it: only when no mail
 * server is configured (the message went to the log) and the app is not running in production, so
 * that `npm run dev` on one machine needs no trip to the log. A production install, or any install
 * with SMTP_URL set, never shows a link: it proves control of the mailbox, and must stay in it.
 */
export function mailShownInDevelopment(): boolean {
  return !env().SMTP_URL && process.env.NODE_ENV !== 'production';
}

/** Forgets the transport (tests that point SMTP_URL at a new server). */
export function resetMailTransport(): void {
  globalForMail.statecraftMailer = undefined;
}
