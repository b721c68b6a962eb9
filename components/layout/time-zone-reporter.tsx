'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { setTimeZoneAction } from '@/lib/server/actions/auth';

/**
 * Tells the server the browser's time zone the first time a signed-in person visits, so dates
 * show in their own time from then on (they can change it on the account page).
 */
export function TimeZoneReporter({ known }: { known: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (known) return;
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!timeZone) return;
    void setTimeZoneAction({ timeZone, onlyIfUnset: true }).then((result) => {
      if (result.status === 'ok') router.refresh();
    });
  }, [known, router]);
  return null;
}
