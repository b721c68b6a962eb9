'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { refusalText } from '@/components/ui/action-form';
import { type Progress, postWithProgress } from '@/components/ui/progress-request';
import { SubmitWithProgress } from '@/components/ui/work-progress';
import type { FormResult } from '@/lib/server/result';
import { IDLE } from '@/lib/server/result';

/**
 * The new-reading form. With scripts it sends the file (or the pasted text) to
 * POST /api/readings/import and shows the conversion and the parse as they go, then opens the
 * draft; without them, the form posts to its server action and the page waits.
 */
export function NewReadingForm({
  action,
  children,
}: {
  action: (formData: FormData) => Promise<void>;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [result, setResult] = useState<FormResult<{ readingId: string }>>(IDLE);
  const [working, setWorking] = useState<{ progress: Progress | null } | null>(null);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const file = data.get('file');
    const upload = file instanceof File && file.size > 0 ? file : null;
    const query = new URLSearchParams({
      source: upload ? 'file' : 'paste',
      format: String(data.get('format') ?? 'text'),
      title: String(data.get('title') ?? ''),
      author: String(data.get('author') ?? ''),
      ...(upload ? { name: upload.name } : {}),
    });
    setResult(IDLE);
    setWorking({ progress: null });
    const answer = await postWithProgress<{ readingId: string }>(
      `/api/readings/import?${query}`,
      upload ?? String(data.get('text') ?? ''),
      (progress) => setWorking({ progress }),
    );
    if (answer.status === 'ok') {
      // The bar stays until the draft's page is there.
      router.push(`/teach/readings/${answer.data.readingId}`);
      return;
    }
    setWorking(null);
    setResult(answer);
  }

  return (
    <form
      action={action}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
      encType="multipart/form-data"
      className="space-y-3"
      noValidate
    >
      {children}
      <SubmitWithProgress
        label="Create draft"
        busyLabel="Reading the text…"
        running={working !== null}
        progress={working?.progress ?? null}
        doing="Reading the text"
        waiting="Sending the text…"
        refusal={refusalText(result)}
      />
    </form>
  );
}
