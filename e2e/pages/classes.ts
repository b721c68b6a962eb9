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
