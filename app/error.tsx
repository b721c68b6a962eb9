'use client';

import { Button } from '@/components/ui/button';

/** Shown when a page or a form's request fails unexpectedly; the digest ties it to the server log. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="font-serif text-3xl font-bold">Something went wrong</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-400">
        Your request could not be completed. Nothing you saved before is lost; try again.
      </p>
      {error.digest && (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Reference: {error.digest}</p>
      )}
      <Button className="mt-8" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
