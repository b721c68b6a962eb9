import { SiteHeader } from '@/components/layout/site-header';
import { TimeZoneReporter } from '@/components/layout/time-zone-reporter';
import { requireUser } from '@/lib/server/session';

export default async function StudyLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <SiteHeader userName={user.name || user.email || 'Account'} />
      <TimeZoneReporter known={user.timeZoneKnown} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
