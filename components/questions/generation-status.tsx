'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export type GenerationJobView = {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  message: string | null;
  createdAt: string;
  startedAt: string | null;
};

const WORDS = {
  queued: 'Waiting to start…',
  running: 'Generating questions…',
  done: 'Done.',
  failed: 'Failed.',
} as const;

/**
 * The latest generation job on this bank; while it waits or runs, the page refreshes itself every
 * few seconds, so its drafts appear without a reload.
 */
export function GenerationStatus({
  job,
  estimateSeconds,
}: {
  job: GenerationJobView | null;
  estimateSeconds: number;
}) {
  const router = useRouter();
  const active = job?.status === 'queued' || job?.status === 'running';
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [active, router]);
  if (!job) return null;
  return (
    <p role="status" aria-live="polite" data-generation-status={job.status} className="text-sm">
      <span className="font-semibold">{WORDS[job.status]}</span>{' '}
      {active
        ? `Usually about ${estimateSeconds} s for a reading this long. You can leave this page; the drafts arrive in the bank.`
        : job.message}
    </p>
  );
}
