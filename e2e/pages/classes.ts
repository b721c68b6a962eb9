import type { Page } from 'playwright-core';

/** Creates a class as its instructor does; answers its page and join code. */
export async function createClass(page: Page, name: string): Promise<{ classUrl: string; code: string }> {
  await page.goto('/classes');
  await page.getByLabel('Class name').fill(name);
  await page.getByRole('button', { name: 'Create class' }).click();
  await page.waitForURL(/\/classes\/[0-9a-f-]{36}$/);
  return {
    classUrl: new URL(page.url()).pathname,
    code: (await page.getByTestId('join-code').textContent()) ?? '',
  };
}

/** The shipped Burns quiz as the assign form lists it. */
export const BURNS_QUIZ =
  'Lead with Diplomacy: Answering Putin after Salisbury: Lead with Diplomacy: comprehension quiz (12 questions, open to self-study)';

/** Assigns the Burns quiz to a class as its instructor does; answers the assignment's report link. */
export async function assignBurns(page: Page, classUrl: string, title: string, dueAt: string) {
  await page.goto(classUrl);
  await page.getByText('Assign a quiz').click();
  await page.getByLabel('Quiz', { exact: true }).selectOption({ label: BURNS_QUIZ });
  await page.getByLabel('Title shown to students (optional)').fill(title);
  await page.getByLabel(/^Due \(.* time, optional\)$/).fill(dueAt);
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await page.getByText('Assigned. Students see it on their home page.').waitFor();
  await page.reload();
  return (await page.getByRole('link', { name: title }).getAttribute('href'))!;
}
