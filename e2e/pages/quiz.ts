import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Question } from '@/questions/schema';

/** The authored Burns bank, read as the tests' answer key. */
export function burnsBank(): Map<string, Question> {
  const file = path.join(import.meta.dirname, '../../content/burns-lead-with-diplomacy/questions.json');
  const bank = JSON.parse(readFileSync(file, 'utf8')) as { questions: Question[] };
  return new Map(bank.questions.map((q) => [q.id, q]));
}

/** The quiz pages, as a student uses them. */
export class QuizPage {
  constructor(private readonly page: Page) {}

  card() {
    return this.page.locator('[data-question-id]');
  }

  async currentQuestionId(): Promise<string> {
    return (await this.card().getAttribute('data-question-id')) ?? '';
  }

  async waitUntilSaved() {
    await this.page.locator('[data-save-status="saved"]').waitFor();
  }

  /** Answers the question on screen with the key (or, for free text, the model answer). */
  async answerCorrectly(question: Question) {
    const card = this.card();
    const choose = (text: string) => card.locator('label').filter({ hasText: text }).locator('input').check();
    switch (question.type) {
      case 'multiple-choice':
        await choose(question.options.find((o) => o.id === question.answer.optionId)!.text);
        break;
      case 'multiple-answer':
        for (const id of question.answer.optionIds)
          await choose(question.options.find((o) => o.id === id)!.text);
        break;
      case 'true-false':
        await card.getByLabel(question.answer.value ? 'True' : 'False', { exact: true }).check();
        break;
      case 'cloze':
        for (const [i, blank] of question.answer.blanks.entries())
          await card.getByLabel(`Blank ${i + 1}`).fill(blank.accepted[0]!);
        break;
      case 'short-answer':
        await card.getByRole('textbox').fill(question.modelAnswer);
        break;
      case 'matching':
        for (const term of question.left) {
          const right = question.right.find((r) => r.id === question.answer.pairs[term.id])!;
          await card.getByLabel(term.text, { exact: true }).selectOption({ label: right.text });
        }
        break;
      case 'ordering':
        for (const [target, id] of question.answer.order.entries()) {
          const text = question.items.find((i) => i.id === id)!.text;
          for (;;) {
            const items = await card.locator('li').allTextContents();
            const at = items.findIndex((t) => t.includes(text));
            if (at <= target) break;
            await card.getByRole('button', { name: `Move “${text}” up` }).click();
          }
        }
        break;
      case 'select-evidence':
        await choose(question.options.find((o) => o.id === question.answer.sentenceIds[0])!.text);
        break;
      case 'claim-evidence-reasoning':
        await choose(question.options.find((o) => o.id === question.answer.sentenceIds[0])!.text);
        await card.getByLabel(/Step 2/).fill(question.modelAnswer);
        break;
    }
  }

  async next() {
    await this.page.getByRole('button', { name: 'Next', exact: true }).click();
  }
}
