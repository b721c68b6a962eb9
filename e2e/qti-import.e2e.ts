import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { setUpBrowser, uniqueEmail } from './browser';
import { AuthPages } from './pages/auth';

const browser = setUpBrowser();

const ESSAY = `Sanctions and Their Limits ${Date.now()}

Sanctions work best when many countries apply them together, because a target cannot simply move its trade to a partner who refuses to join. The European Union and the United States coordinated financial sanctions on Russia in 2014 after the annexation of Crimea.

Sanctions fail when they are unilateral, because companies in other countries fill the gap. Iran kept selling oil to China during the years of American sanctions, so the pressure on its economy was weaker than planned.`;

const NS = 'xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1"';

/** A QTI 2.1 package as another tool writes one: a choice, a text entry, a slider (no counterpart here). */
const PACKAGE: Record<string, string> = {
  'imsmanifest.xml': `<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="M1">
  <organizations/>
  <resources>
    <resource identifier="R1" type="imsqti_item_xmlv2p1" href="q1.xml"><file href="q1.xml"/></resource>
    <resource identifier="R2" type="imsqti_item_xmlv2p1" href="q2.xml"><file href="q2.xml"/></resource>
    <resource identifier="R3" type="imsqti_item_xmlv2p1" href="q3.xml"><file href="q3.xml"/></resource>
  </resources>
</manifest>`,
  'q1.xml': `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem ${NS} identifier="q1" title="Coordination" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>ChoiceA</value></correctResponse>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <itemBody>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">
      <prompt>When do sanctions work best?</prompt>
      <simpleChoice identifier="ChoiceA">When many countries apply them together</simpleChoice>
      <simpleChoice identifier="ChoiceB">When one country acts alone</simpleChoice>
      <simpleChoice identifier="ChoiceC">When they target ordinary citizens</simpleChoice>
    </choiceInteraction>
  </itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
</assessmentItem>`,
  'q2.xml': `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem ${NS} identifier="q2" title="Gap" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">
    <correctResponse><value>gap</value></correctResponse>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <itemBody>
    <p>Complete the sentence from the essay.</p>
    <p>Unilateral sanctions fail because companies in other countries fill the <textEntryInteraction responseIdentifier="RESPONSE" expectedLength="10"/>.</p>
  </itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
</assessmentItem>`,
  'q3.xml': `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem ${NS} identifier="q3" title="Slider" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="integer"/>
  <itemBody><sliderInteraction responseIdentifier="RESPONSE" lowerBound="0" upperBound="10"/></itemBody>
</assessmentItem>`,
  'images/logo.png': 'not really a png',
};

const zip = (files: Record<string, string | Uint8Array>) =>
  Buffer.from(
    zipSync(
      Object.fromEntries(Object.entries(files).map(([p, v]) => [p, typeof v === 'string' ? strToU8(v) : v])),
    ),
  );

/** A new instructor with a draft reading of ESSAY; answers the reading's bank address. */
async function instructorWithReading(name: string, emailLabel: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new AuthPages(page).signUp({
    name,
    email: uniqueEmail(emailLabel),
    password: 'bringing my canvas bank',
  });
  await page.waitForURL(/\/home$/);
  await page.goto('/teach/readings/new');
  await page.getByLabel('Essay text').fill(ESSAY);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.waitForURL(/\/teach\/readings\/[0-9a-f-]{36}$/);
  return { context, page, bankUrl: `${new URL(page.url()).pathname}/questions` };
}

describe('QTI packages in and out of a bank', () => {
  it('previews an uploaded QTI 2.1 package (each item, each file left aside and why), adds drafts on confirmation, exports QTI 3.0 and 2.1 zips, and refuses a zip bomb', async () => {
    const { context, page, bankUrl } = await instructorWithReading('QTI Instructor', 'qti');

    await page.goto(`${bankUrl}/import`);
    await page.getByLabel('QTI 2.1 or 3.0 package (.zip, upload only)').check();
    await page.locator('#import-file').setInputFiles({
      name: 'canvas-bank.zip',
      mimeType: 'application/zip',
      buffer: zip(PACKAGE),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.locator('[data-import-preview]');
    await preview.waitFor();
    await expect
      .poll(() => preview.locator('[data-preview-counts]').textContent())
      .toMatch(/2 questions will be added as drafts; 1 could not be read/);
    expect(await preview.locator('[data-import-errors] li').allTextContents()).toEqual([
      expect.stringMatching(
        /^q3\.xml \(item 3\): sliderInteraction: no question type of the app answers like this\.$/,
      ),
    ]);
    await preview.getByText('images/logo.png: Not an XML file (media, styles): not imported.').waitFor();
    const drafts = preview.locator('[data-import-draft]');
    expect(await drafts.count()).toBe(2);
    expect(await drafts.nth(0).textContent()).toMatch(/Item 1 · “Coordination” · Multiple choice/);
    expect(await drafts.nth(1).textContent()).toMatch(/Item 2 · “Gap” · Fill in the blanks/);
    expect(await drafts.nth(1).textContent()).toMatch(/Evidence found in the reading.*p2\.s1/);

    // Nothing is written by the preview.
    const bank = await context.newPage();
    await bank.goto(bankUrl);
    await bank.getByText('0 questions: 0 approved').waitFor();
    await bank.close();

    await page.getByRole('button', { name: 'Import 2 questions as drafts' }).click();
    await page.getByText('2 questions added as drafts. Approve them when they are ready.').waitFor();

    // Both package formats download as zips holding the manifest, the test and one item per question.
    await page.goto(`${bankUrl}/export`);
    for (const [name, type] of [
      ['QTI 3.0 package (.zip), drafts and approved', 'imsqti_item_xmlv3p0'],
      ['QTI 2.1 package (.zip, for Canvas and Blackboard), drafts and approved', 'imsqti_item_xmlv2p1'],
    ] as const) {
      const link = page.getByRole('link', { name });
      const response = await page.request.get((await link.getAttribute('href'))!);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/zip');
      expect(response.headers()['content-disposition']).toMatch(/attachment; filename=".*\.qti(3|21)\.zip"/);
      const files = unzipSync(new Uint8Array(await response.body()));
      expect(Object.keys(files).sort()).toEqual([
        'assessment-test.xml',
        'imsmanifest.xml',
        'items/item-001.xml',
        'items/item-002.xml',
      ]);
      expect(new TextDecoder().decode(files['imsmanifest.xml'])).toContain(`type="${type}"`);
    }

    // A zip bomb is refused with a clear message; nothing is added.
    await page.goto(`${bankUrl}/import`);
    await page.getByLabel('QTI 2.1 or 3.0 package (.zip, upload only)').check();
    await page.locator('#import-file').setInputFiles({
      name: 'bomb.zip',
      mimeType: 'application/zip',
      buffer: zip({ 'items/a.xml': new Uint8Array(20 * 1024 * 1024) }),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page
      .getByText(/once unpacked|unpacks to more than|as zip bombs are/)
      .first()
      .waitFor();
    expect(await page.locator('[data-import-preview]').count()).toBe(0);
    await context.close();
  });

  it('imports a Canvas quiz as a quiz (its questions as drafts, in the package order) and exports it again', async () => {
    const { context, page, bankUrl } = await instructorWithReading('Quiz Mover', 'quiz-move');

    await page.goto(`${bankUrl}/import`);
    await page.locator('#import-file').setInputFiles({
      name: 'Week_2 sanctions quiz.zip',
      mimeType: 'application/zip',
      buffer: zip(PACKAGE),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('[data-import-preview]').waitFor();
    // No test title in this package: the file's name is offered.
    const title = page.getByLabel('Quiz title');
    expect(await title.inputValue()).toBe('Week 2 sanctions quiz');
    await page.getByLabel(/Also make a quiz of these 2 questions/).check();
    await title.fill('Sanctions: week 2');
    await page.getByRole('button', { name: 'Import 2 questions as drafts' }).click();
    await page.getByText(/2 questions added as drafts\. Quiz “Sanctions: week 2” made of them/).waitFor();

    await page.goto(bankUrl);
    const quiz = page.locator('[data-quiz="Sanctions: week 2"]');
    await quiz.waitFor();
    expect(await quiz.textContent()).toMatch(/2 questions · 2 still drafts: students see them once approved/);
    const gift = await page.request.get(
      (await quiz.getByRole('link', { name: 'GIFT' }).getAttribute('href'))!,
    );
    expect(gift.status()).toBe(200);
    expect(gift.headers()['content-disposition']).toMatch(/filename="sanctions-week-2-quiz\.gift\.txt"/);
    const text = await gift.text();
    expect(text.indexOf('When do sanctions work best?')).toBeGreaterThan(-1);
    expect(text.indexOf('When do sanctions work best?')).toBeLessThan(text.indexOf('fill the'));
    const qti = await page.request.get(
      (await quiz
        .getByRole('link', { name: 'QTI 2.1 package (.zip, for Canvas and Blackboard)' })
        .getAttribute('href'))!,
    );
    const files = unzipSync(new Uint8Array(await qti.body()));
    expect(new TextDecoder().decode(files['assessment-test.xml'])).toContain('title="Sanctions: week 2"');
    await context.close();
  });
});
