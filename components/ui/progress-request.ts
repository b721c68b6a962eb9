import type { ProgressLine } from '@/lib/api-response';
import type { RefusalCode, Result } from '@/lib/server/result';

export type Progress = { done: number; total: number; stage?: string };

/**
 * Sends a body to a route that answers a progress stream (progressResponse in lib/api-response.ts)
 * and tells `onProgress` each step; answers the route's Result, a refusal it answered at once (a
 * plain 4xx), or a refusal in plain words when the server could not be reached or stopped midway.
 */
export async function postWithProgress<T>(
  url: string,
  body: BodyInit,
  onProgress: (progress: Progress) => void,
): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/octet-stream' },
    });
  } catch {
    return {
      status: 'unavailable',
      message: 'The server could not be reached: check the connection and try again.',
    };
  }
  if (!response.body || !response.headers.get('content-type')?.includes('ndjson')) {
    const answer = (await response.json().catch(() => null)) as {
      error?: { code: RefusalCode; message: string; fieldErrors?: Record<string, string[]> };
    } | null;
    return answer?.error
      ? { status: answer.error.code, message: answer.error.message, fieldErrors: answer.error.fieldErrors }
      : { status: 'unavailable', message: `The server answered ${response.status}; try again in a moment.` };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let result: Result<T> | null = null;
  const take = (line: string) => {
    if (!line.trim()) return;
    const parsed = JSON.parse(line) as ProgressLine<T>;
    if ('progress' in parsed) onProgress(parsed.progress);
    else result = parsed.result;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += value;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      lines.forEach(take);
    }
    take(buffered);
  } catch {
    // The connection dropped midway: said below like a stream that ended without its result.
  }
  return (
    result ?? {
      status: 'unavailable',
      message: 'The server stopped before it finished. Try again in a moment.',
    }
  );
}
