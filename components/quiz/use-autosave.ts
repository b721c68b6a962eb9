'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { saveAnswerAction } from '@/lib/server/actions/quizzes';
import type { Response } from '@/questions/schema';

export type SaveStatus = 'saved' | 'saving' | 'retrying' | 'refused';
export type Draft = { response: Response | null; flagged: boolean; confidence: number | null };

/** Sequence numbers that grow across reloads and tabs: time-based, with a counter for ties. */
let counter = 0;
const nextSeq = () => Date.now() * 1000 + (counter++ % 1000);

/**
 * Saves each answer the moment it changes (text after a short pause), retries with back-off
 * until the server has it, and never lets an older save overtake a newer one.
 */
export function useAutosave(attemptId: string, onRefused: (status: string, message: string) => void) {
  const pending = useRef(new Map<string, { draft: Draft; seq: number }>());
  const inFlight = useRef(new Set<string>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [message, setMessage] = useState('');
  const failures = useRef(0);
  const refusedRef = useRef(onRefused);
  refusedRef.current = onRefused;

  const refreshStatus = useCallback(() => {
    if (pending.current.size === 0 && inFlight.current.size === 0)
      setStatus((s) => (s === 'refused' ? s : 'saved'));
  }, []);

  const send = useCallback(
    async (questionId: string) => {
      const next = pending.current.get(questionId);
      if (!next || inFlight.current.has(questionId)) return;
      pending.current.delete(questionId);
      inFlight.current.add(questionId);
      setStatus((s) => (s === 'retrying' ? s : 'saving'));
      try {
        const result = await saveAnswerAction({ attemptId, questionId, clientSeq: next.seq, ...next.draft });
        inFlight.current.delete(questionId);
        if (result.status === 'ok') {
          failures.current = 0;
          setMessage('');
        } else if (result.reason === 'locked' || result.status === 'invalid') {
          setMessage(result.message);
        } else {
          setStatus('refused');
          setMessage(result.message);
          refusedRef.current(result.reason ?? result.status, result.message);
          return;
        }
      } catch {
        // Network or server trouble: keep the newest draft and try again later.
        inFlight.current.delete(questionId);
        if (!pending.current.has(questionId)) pending.current.set(questionId, next);
        failures.current += 1;
        setStatus('retrying');
        const delay = Math.min(10_000, 500 * 2 ** failures.current);
        timers.current.set(
          questionId,
          setTimeout(() => void send(questionId), delay),
        );
        return;
      }
      if (pending.current.has(questionId)) void send(questionId);
      else refreshStatus();
    },
    [attemptId, refreshStatus],
  );

  const save = useCallback(
    (questionId: string, draft: Draft, delayMs = 0) => {
      pending.current.set(questionId, { draft, seq: nextSeq() });
      setStatus((s) => (s === 'refused' ? s : s === 'retrying' ? s : 'saving'));
      clearTimeout(timers.current.get(questionId));
      timers.current.set(
        questionId,
        setTimeout(() => void send(questionId), delayMs),
      );
    },
    [send],
  );

  /** Sends everything still waiting and resolves once the server has it (before submitting). */
  const flush = useCallback(async () => {
    for (const [questionId, timer] of timers.current) {
      clearTimeout(timer);
      await send(questionId);
    }
    for (let i = 0; i < 50 && (pending.current.size > 0 || inFlight.current.size > 0); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    return pending.current.size === 0 && inFlight.current.size === 0;
  }, [send]);

  // Warn before leaving while an answer is not yet on the server.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current.size > 0 || inFlight.current.size > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return { save, flush, status, message };
}
