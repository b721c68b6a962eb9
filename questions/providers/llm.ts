import { z } from 'zod';
import type { ParsedReading } from '@/questions/reading/types';
import { analyseReading, type GenerationReport, type Rejection, selectQuestions } from '../generate';
import { gradeShortAnswer } from '../grade/short-answer';
import { QUESTION_TYPES, SKILLS } from '../schema';
import type { QuestionProvider } from './types';

/**
 * An optional provider for any OpenAI-compatible chat-completions API. Its output is parsed
 * with the question schema and goes through the same validators as the rule-based questions,
 * so a model's wrong key or dangling prompt is rejected the same way. Off unless configured.
 */

export const llmEnvSchema = z.object({
  QUESTIONS_LLM_BASE_URL: z.url(),
  QUESTIONS_LLM_MODEL: z.string().min(1),
  QUESTIONS_LLM_API_KEY: z.string().min(1).optional(),
});

export type LlmConfig = {
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Milliseconds before the request is abandoned (default 60 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export class LlmProviderError extends Error {}

/** The provider configured by QUESTIONS_LLM_* variables, or null when they are not set. */
export function llmConfigFromEnv(env: Record<string, string | undefined> = process.env): LlmConfig | null {
  if (!env.QUESTIONS_LLM_BASE_URL && !env.QUESTIONS_LLM_MODEL) return null;
  const parsed = llmEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LlmProviderError(
      `QUESTIONS_LLM_${String(issue?.path[0] ?? '').replace('QUESTIONS_LLM_', '')}: ${issue?.message}`,
    );
  }
  return {
    baseUrl: parsed.data.QUESTIONS_LLM_BASE_URL,
    model: parsed.data.QUESTIONS_LLM_MODEL,
    apiKey: parsed.data.QUESTIONS_LLM_API_KEY,
  };
}

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

function instructions(readingSlug: string): string {
  return [
    'You write reading-comprehension questions for international-relations students.',
    'Answer with one JSON object {"questions": [...]} and nothing else.',
    `Each question has: id (lower-case, unique), readingSlug "${readingSlug}", type (one of ${QUESTION_TYPES.join(', ')}),`,
    'prompt, explanation, evidence (ids of the sentences that support the key, e.g. "p9.s2"),',
    `skill (one of ${SKILLS.join(', ')}), concepts (strings), lens (realist, liberal, constructivist or null),`,
    'difficulty (1, 2 or 3), source "generated", status "draft", and per type:',
    'multiple-choice: options [{id,text}] and answer {optionId}; multiple-answer: options and answer {optionIds};',
    'true-false: statement and answer {value}; cloze: text with {{1}} blanks, wordBank, answer {blanks:[{accepted:[...]}]};',
    'short-answer: rubric {keyPoints:[{id,text}]} and modelAnswer; matching: left, right, answer {pairs};',
    'ordering: items and answer {order}; select-evidence: claim, options [{id: sentence id, text}], answer {sentenceIds};',
    'claim-evidence-reasoning: as select-evidence plus rubric and modelAnswer.',
    'Every key must be stated by its evidence sentences. Prompts must name what they refer to.',
  ].join('\n');
}

function readingForModel(reading: ParsedReading): string {
  return reading.paragraphs.flatMap((p) => p.sentences.map((s) => `[${s.id}] ${s.text}`)).join('\n');
}

/** The JSON in a model's reply, with or without a Markdown code fence around it. */
export function questionsInReply(content: string): unknown[] {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(content);
  const text = (fenced ? fenced[1]! : content).trim();
  const parsed: unknown = JSON.parse(text);
  if (Array.isArray(parsed)) return parsed;
  const questions = (parsed as { questions?: unknown }).questions;
  if (!Array.isArray(questions)) throw new LlmProviderError('The reply has no "questions" array');
  return questions;
}

export function createLlmProvider(config: LlmConfig): QuestionProvider {
  const doFetch = config.fetch ?? fetch;
  return {
    name: `llm:${config.model}`,
    async generate(reading, options) {
      const response = await doFetch(`${config.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: config.model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: instructions(options.readingSlug) },
            { role: 'user', content: readingForModel(reading) },
          ],
        }),
        signal: AbortSignal.timeout(config.timeoutMs ?? 60_000),
      });
      if (!response.ok) throw new LlmProviderError(`The model API answered HTTP ${response.status}`);
      const completion = completionSchema.safeParse(await response.json());
      if (!completion.success) throw new LlmProviderError('The model API reply is not a chat completion');
      let raw: unknown[];
      try {
        raw = questionsInReply(completion.data.choices[0]!.message.content);
      } catch (error) {
        throw new LlmProviderError(
          `The model did not answer with JSON questions: ${(error as Error).message}`,
        );
      }
      // Whatever the model says, these are drafts it generated for this reading.
      const candidates = raw.map((question) => ({
        raw:
          question && typeof question === 'object'
            ? { ...question, readingSlug: options.readingSlug, source: 'generated', status: 'draft' }
            : question,
        quality: 0.7,
      }));
      return withGradableRubrics(
        selectQuestions(analyseReading(reading, options.readingSlug), candidates, options),
      );
    },
  };
}

/**
 * A model's free-text question goes through the same calibrated grader as a student's answer:
 * its own model answer must earn full credit against its rubric, or the rubric is one the grader
 * cannot apply (a key point the model answer does not make, or states the other way round), and
 * the question is rejected like any unsupported key.
 */
export function withGradableRubrics(report: GenerationReport): GenerationReport {
  const rejected: Rejection[] = [];
  const questions = report.questions.filter((question) => {
    if (question.type !== 'short-answer' && question.type !== 'claim-evidence-reasoning') return true;
    const grade = gradeShortAnswer({
      rubric: question.rubric,
      answer: question.modelAnswer,
      prompt:
        question.type === 'claim-evidence-reasoning'
          ? `${question.prompt} ${question.claim}`
          : question.prompt,
    });
    if (grade.score >= 1) return true;
    rejected.push({
      id: question.id,
      validator: 'key-unsupported',
      reason: `The grader gives the model answer ${grade.score} against its own rubric; not made: ${grade.keyPointsMissed.map((k) => `“${k.text}”`).join('; ')}`,
    });
    return false;
  });
  if (rejected.length === 0) return report;
  const keptByType = { ...report.keptByType };
  for (const item of rejected) {
    const type = report.questions.find((q) => q.id === item.id)!.type;
    keptByType[type] -= 1;
  }
  return {
    ...report,
    questions,
    keptByType,
    rejections: {
      ...report.rejections,
      'key-unsupported': report.rejections['key-unsupported'] + rejected.length,
    },
    rejected: [...report.rejected, ...rejected],
  };
}
