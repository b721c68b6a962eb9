import { generateQuestions } from '../generate';
import type { QuestionProvider } from './types';

/** The default: templates over the text, offline and deterministic. */
export const ruleBasedProvider: QuestionProvider = {
  name: 'rule-based',
  async generate(reading, options) {
    return generateQuestions(reading, options);
  },
};
