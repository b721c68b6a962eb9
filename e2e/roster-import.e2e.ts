import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { setUpBrowser, uniqueEmail } from './browser';
import { AuthPages } from './pages/auth';
import { createClass } from './pages/classes';
import { axeViolations } from './pages/reading';

const browser = setUpBrowser();
const PASSWORD = 'rosters arrive every september';

async function person(name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, '-'));
  await new AuthPages(page).signUp({ name, email, password: PASSWORD });
  await page.waitForURL(/\/home$/);
  return { context, page, email };
}

/** The invitation link of the last mail the server logged for `email` (it logs mail when no SMTP is set). */
function invitationLink(email: string): string {
  const pattern = new RegExp(
    `\\[mail\\] to ${email.replace(/[.+]/g, '\\$&')}:[\\s\\S]*?(http\\S+/invitation\\?token=[\\w-]+)`,
    'g',
  );
  // The action answers after the mail is written, so the log already holds it.
  const found = [...readFileSync(inject('serverLog'), 'utf8').matchAll(pattern)].at(-1)?.[1];
  if (!found) throw new Error(`No invitation to ${email} in the server log.`);
  return new URL(found).pathname + new URL(found).search;
}

/** Uploads a roster on the class's import page and waits for its preview. */
async function previewRoster(page: Page, classUrl: string, csv: string) {
  await page.goto(classUrl);
  await page.getByRole('link', { name: 'Import a roster (CSV)' }).click();
  await page.waitForURL(/\/roster$/);
  await page.getByLabel('Upload the roster (CSV)').setInputFiles({
    name: 'roster.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.locator('[data-roster-preview]').waitFor();
}

describe('roster import', () => {
  it('previews a Canvas roster without telling who has an account, and invites everyone into the class by a mailed link', async () => {
    const instructor = await person('Roster Instructor');
    const student = await person('Chidi Okafor');
    const newcomer = uniqueEmail('rania-haddad');
    const { classUrl } = await createClass(instructor.page, 'IR 210: Roster import');

    // Canvas's gradebook export with an Email column, saved by European Excel: BOM, semicolons, CRLF.
    const csv = `\uFEFF${[
      'Student;ID;SIS User ID;SIS Login ID;Section;Email;Week 1 quiz (4410)',
      '    Points Possible;;;;;;10.00',
      `"Okafor, Chidi";10231;S1002;cokafor;IR 210;${student.email.toUpperCase()};8.50`,
      `"Haddad, Rania";10232;S1003;rhaddad;IR 210;${newcomer};9.00`,
      '"Bello, Tunde";10233;S1004;tbello;IR 210;tunde.bello(at)example.org;7.00',
    ].join('\r\n')}\r\n`;
    const page = instructor.page;
    await previewRoster(page, classUrl, csv);
    expect(await page.locator('[data-roster-counts]').textContent()).toContain('Canvas (gradebook export)');
    const row = (status: string) => page.locator(`[data-roster-row="${status}"]`);
    // The address with an account reads as any other, under the file's name for it: anyone can
    // start a class, so the preview must not say who has an account.
    const invites = await row('invite').allTextContents();
    expect(invites).toEqual([
      expect.stringMatching(new RegExp(`Chidi Okafor.*${student.email}.*Will be invited`, 'i')),
      expect.stringMatching(/Rania Haddad.*Will be invited/),
    ]);
    expect(await row('skipped').allTextContents()).toEqual([
      expect.stringMatching(/^2.*Skipped: a summary row of the export, not a student$/),
      expect.stringMatching(/^5.*Skipped: “tunde\.bello\(at\)example\.org” is not an email address$/),
    ]);
    expect(await axeViolations(page)).toEqual([]);

    // Nothing is written before the confirmation.
    await student.page.goto(classUrl);
    await student.page.getByRole('heading', { name: 'Page not found' }).waitFor();

    await page.getByRole('button', { name: 'Send 2 invitations' }).click();
    await page.getByText('2 invitations sent.').waitFor();

    // The student with an account is not in the class until they accept: they follow their link,
    // signed in already, and join.
    await student.page.goto(classUrl);
    await student.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await student.page.goto(invitationLink(student.email));
    await student.page.getByRole('button', { name: 'Join the class' }).click();
    await student.page.waitForURL((url) => url.pathname === classUrl);
    await student.page.getByRole('heading', { name: 'IR 210: Roster import' }).waitFor();

    // The class page lists the invitation, waiting.
    await page.goto(classUrl);
    await page.locator(`[data-invitation="${newcomer}"]`).waitFor();

    // The new person follows the mailed link, signs up with the invited address and joins.
    const link = invitationLink(newcomer);
    const context = await browser.newContext();
    const guest = await context.newPage();
    await guest.goto(link);
    await guest.getByRole('heading', { name: 'Join IR 210: Roster import' }).waitFor();
    expect(await axeViolations(guest)).toEqual([]);
    await guest.getByRole('link', { name: 'Create an account' }).click();
    await guest.waitForURL(/\/sign-up\?/);
    expect(await guest.getByLabel('Email').inputValue()).toBe(newcomer);
    await guest.getByLabel('Name').fill('Rania Haddad');
    await guest.getByLabel('Password').fill(PASSWORD);
    await guest.getByRole('button', { name: 'Create account' }).click();
    await guest.waitForURL(/\/sign-in\?notice=account-ready/);
    await new AuthPages(guest).signIn({ email: newcomer, password: PASSWORD });
    await guest.waitForURL(/\/invitation\?token=/);
    await guest.getByRole('button', { name: 'Join the class' }).click();
    await guest.waitForURL((url) => url.pathname === classUrl);
    await guest.getByRole('heading', { name: 'IR 210: Roster import' }).waitFor();

    // The link worked once; the invitation is gone from the class page.
    await guest.goto(link);
    await guest.getByRole('heading', { name: 'This invitation no longer works' }).waitFor();
    await page.reload();
    await page.locator('[data-invitations]').getByText('No invitations waiting.').waitFor();
    await context.close();
    await student.context.close();
    await instructor.context.close();
  });

  it('imports nothing twice, and a revoked invitation’s link stops working', async () => {
    const instructor = await person('Revoking Instructor');
    const { classUrl } = await createClass(instructor.page, 'IR 305: Revocations');
    const invitee = uniqueEmail('piotr-kowalski');
    const csv = `Last Name,First Name,Email Address\nKowalski,Piotr,${invitee}\n`;
    const page = instructor.page;
    await previewRoster(page, classUrl, csv);
    await page.getByRole('button', { name: 'Send 1 invitation' }).click();
    await page.getByText('1 invitation sent.').waitFor();
    const link = invitationLink(invitee);

    // A file over the limit is refused with the limit, and nothing is shown as read.
    const huge = `Name,Email\n${'Someone Longname,someone@example.org\n'.repeat(30_000)}`;
    await page.getByLabel('Upload the roster (CSV)').setInputFiles({
      name: 'huge.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(huge, 'utf8'),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('The roster is larger than 1 MB; split it and import the parts.').waitFor();

    // The same roster again: already invited, within a day, so nothing to do.
    await previewRoster(page, classUrl, csv);
    expect(await page.locator('[data-roster-row="invited"]').textContent()).toContain('Already invited');
    await page.getByText('Nothing to do: everyone listed is already in the class or invited.').waitFor();

    await page.goto(classUrl);
    const invitation = page.locator(`[data-invitation="${invitee}"]`);
    await invitation.getByRole('button', { name: 'Revoke' }).click();
    // The class page is rendered again without it.
    await invitation.waitFor({ state: 'detached' });
    const context = await browser.newContext();
    const guest = await context.newPage();
    await guest.goto(link);
    await guest.getByRole('heading', { name: 'This invitation no longer works' }).waitFor();
    await context.close();
    await instructor.context.close();
  });
});
