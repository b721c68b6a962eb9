import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationReport } from '@/questions/generate';
import { parseReading } from '@/questions/reading/parse';
import { parseQuestion } from '@/questions/schema';
import {
  createLlmProvider,
  defaultProvider,
  LlmProviderError,
  llmConfigFromEnv,
  ruleBasedProvider,
} from './index';
import { withGradableRubrics } from './llm';

/** A local stand-in for an OpenAI-compatible API: answers with whatever the test queues. */
const replies: { status: number; body: unknown }[] = [];
const requests: {
  headers: IncomingMessage['headers'];
  body: { model: string; messages: { content: string }[] };
}[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      requests.push({ headers: request.headers, body: JSON.parse(body) });
      const reply = replies.shift() ?? { status: 500, body: { error: 'nothing queued' } };
      response.writeHead(reply.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const readingSlug = 'burns-lead-with-diplomacy';
const reading = parseReading({
  text: readFileSync(`content/${readingSlug}/essay.txt`, 'utf8'),
  format: 'text',
});
const common = { explanation: 'See the evidence.', difficulty: 1, concepts: [], lens: null };

const modelQuestions = [
  {
    ...common,
    id: 'llm-opcw',
    type: 'multiple-choice',
    skill: 'context',
    prompt:
      'Which organization does Burns want the United States to work with against Putin’s denials of culpability?',
    options: [
      { id: 'a', text: 'The Organization for the Prohibition of Chemical Weapons' },
      { id: 'b', text: 'The World Trade Organization' },
      { id: 'c', text: 'The International Monetary Fund' },
      { id: 'd', text: 'The Council of Europe' },
    ],
    answer: { optionId: 'a' },
    evidence: ['p9.s4'],
    // The provider overrides whatever the model claims about these.
    source: 'authored',
    status: 'approved',
  },
  {
    ...common,
    id: 'llm-wrong-key',
    type: 'true-false',
    skill: 'claim-and-reason',
    prompt: 'True or false: Burns says working in coalitions is almost always faster and easier.',
    statement: 'Burns says working in coalitions is almost always faster and easier.',
    answer: { value: true },
    evidence: ['p9.s3'],
  },
  {
    ...common,
    id: 'llm-dangling',
    type: 'short-answer',
    skill: 'claim-and-reason',
    prompt: 'Why is it critical that he lose that bet?',
    rubric: {
      keyPoints: [
        { id: 'kp1', text: 'Coordinated pressure can alter Mr. Putin’s calculus in meaningful ways' },
      ],
    },
    modelAnswer: 'Coordinated pressure can alter his calculus.',
    evidence: ['p7.s1', 'p7.s3'],
  },
  { id: 'llm-broken', type: 'multiple-choice', prompt: 'Missing nearly everything?' },
];

const completion = (content: string) => ({
  status: 200,
  body: { choices: [{ message: { role: 'assistant', content } }] },
});

describe('the LLM provider, against a local stand-in API', () => {
  it('sends the reading with its sentence ids and keeps only questions that pass the validators', async () => {
    replies.push(completion(`\`\`\`json\n${JSON.stringify({ questions: modelQuestions })}\n\`\`\``));
    const provider = createLlmProvider({ baseUrl, model: 'test-model', apiKey: 'sk-test' });
    const report = await provider.generate(reading, { readingSlug });

    const request = requests.at(-1)!;
    expect(request.headers.authorization).toBe('Bearer sk-test');
    expect(request.body.model).toBe('test-model');
    expect(request.body.messages[1]!.content).toContain(
      '[p9.s1] His biggest vulnerability is his diplomatic loneliness.',
    );

    expect(report.questions.map((q) => q.id)).toEqual(['llm-opcw']);
    expect(report.questions[0]).toMatchObject({ source: 'generated', status: 'draft', readingSlug });
    expect(report.candidates).toBe(4);
    expect(report.rejections).toMatchObject({ 'key-unsupported': 1, 'dangling-reference': 1, schema: 1 });
  });

  it('reports an API failure or a reply that is not JSON as an error', async () => {
    const provider = createLlmProvider({ baseUrl, model: 'test-model' });
    replies.push({ status: 503, body: { error: 'overloaded' } });
    await expect(provider.generate(reading, { readingSlug })).rejects.toThrow(LlmProviderError);
    replies.push(completion('Here are some questions you might like!'));
    await expect(provider.generate(reading, { readingSlug })).rejects.toThrow(/did not answer with JSON/);
  });
});

describe('provider configuration', () => {
  it('is off unless the variables are set', () => {
    expect(llmConfigFromEnv({})).toBeNull();
    expect(defaultProvider({})).toBe(ruleBasedProvider);
  });

  it('reads base URL, model and key, and refuses a bad URL', () => {
    const env = {
      QUESTIONS_LLM_BASE_URL: 'http://127.0.0.1:9/v1',
      QUESTIONS_LLM_MODEL: 'm',
      QUESTIONS_LLM_API_KEY: 'k',
    };
    expect(llmConfigFromEnv(env)).toEqual({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm', apiKey: 'k' });
    expect(defaultProvider(env).name).toBe('llm:m');
    expect(() => llmConfigFromEnv({ QUESTIONS_LLM_BASE_URL: 'not a url', QUESTIONS_LLM_MODEL: 'm' })).toThrow(
      LlmProviderError,
    );
  });
});

describe('free-text questions from a model', () => {
  const shortAnswer = (id: string, modelAnswer: string) =>
    parseQuestion({
      id,
      readingSlug,
      type: 'short-answer',
      prompt: 'Why does Burns call Putin diplomatically lonely?',
      explanation: 'See paragraph 9.',
      evidence: ['p9.s1', 'p9.s2'],
      skill: 'claim-and-reason',
      difficulty: 2,
      source: 'generated',
      status: 'draft',
      rubric: {
        keyPoints: [
          {
            id: 'web',
            text: 'He has nothing close to the web of alliances and partnerships that anchor the United States.',
          },
        ],
      },
      modelAnswer,
    });

  it('keeps those whose model answer earns full credit from the grader, and rejects the rest', () => {
    const good = shortAnswer(
      'llm-good',
      'Because he has nothing like the web of alliances and partnerships that anchor the United States.',
    );
    const bad = shortAnswer('llm-bad', 'Because the Russian economy depends on oil and gas exports.');
    const report = {
      questions: [good, bad],
      candidates: 2,
      passed: 2,
      rejections: Object.fromEntries(
        [
          'schema',
          'unknown-evidence',
          'dangling-reference',
          'key-unsupported',
          'ambiguous-key',
          'weak-distractors',
        ].map((name) => [name, 0]),
      ),
      rejected: [],
      keptByType: { 'short-answer': 2 },
      paragraphCoverage: 1,
    } as unknown as GenerationReport;
    const checked = withGradableRubrics(report);
    expect(checked.questions.map((q) => q.id)).toEqual(['llm-good']);
    expect(checked.rejections['key-unsupported']).toBe(1);
    expect(checked.rejected.at(-1)).toMatchObject({ id: 'llm-bad', validator: 'key-unsupported' });
    expect(checked.keptByType['short-answer']).toBe(1);
  });
});
