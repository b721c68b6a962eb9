import { SiteHeader } from '@/components/layout/site-header';
import { requireUser } from '@/lib/server/session';

export default async function TeachLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser('/teach/readings');
  return (
    <>
      <SiteHeader userName={user.name || user.email || 'Account'} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
