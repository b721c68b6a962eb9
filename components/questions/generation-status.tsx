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

const POLL_MS = 3000;

/**
 * The latest generation job on this bank. While it waits or runs, the job's state is polled from a
 * small route every few seconds; once the job has ended, the page renders itself again (once), so
 * the drafts and the job's report appear together without a reload. Rendering the whole bank page
 * on every poll would cost the server far more than the job's state does.
 */
export function GenerationStatus({
  readingId,
  job,
  estimateSeconds,
}: {
  readingId: string;
  job: GenerationJobView | null;
  estimateSeconds: number;
}) {
  const router = useRouter();
  const active = job?.status === 'queued' || job?.status === 'running';
  const jobId = job?.id;
  useEffect(() => {
    if (!active || !jobId) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/readings/${encodeURIComponent(readingId)}/bank/generation`, {
          cache: 'no-store',
        });
        if (!response.ok) return;
        const { job: latest } = (await response.json()) as { job: { id: string; status: string } | null };
        const ended =
          !latest || latest.id !== jobId || (latest.status !== 'queued' && latest.status !== 'running');
        if (ended && !stopped) {
          stopped = true;
          clearInterval(timer);
          router.refresh();
        }
      } catch {
        // Offline for a moment: the next poll tries again.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [active, jobId, readingId, router]);
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
