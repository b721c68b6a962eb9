import { createLlmProvider, llmConfigFromEnv } from './llm';
import { ruleBasedProvider } from './rule-based';
import type { QuestionProvider } from './types';

export type { LlmConfig } from './llm';
export { createLlmProvider, LlmProviderError, llmConfigFromEnv } from './llm';
export { ruleBasedProvider } from './rule-based';
export type { QuestionProvider } from './types';

/** The LLM provider when QUESTIONS_LLM_* is set, else the rule-based one. */
export function defaultProvider(env: Record<string, string | undefined> = process.env): QuestionProvider {
  const config = llmConfigFromEnv(env);
  return config ? createLlmProvider(config) : ruleBasedProvider;
}
