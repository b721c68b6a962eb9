import { headers } from 'next/headers';
import Link from 'next/link';
import { FormMessage } from '@/components/ui/form-message';
import { untrustedHostMessage } from '@/lib/auth/host';

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const untrusted = untrustedHostMessage(await headers());
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link
        href="/"
        className="mb-8 font-serif text-3xl font-bold tracking-tight text-slate-900 dark:text-slate-50"
      >
        Statecraft
      </Link>
      {untrusted && (
        <div className="mb-6 w-full max-w-xl rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950">
          <FormMessage tone="error">{untrusted}</FormMessage>
        </div>
      )}
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8 dark:border-slate-700 dark:bg-slate-900">
        {children}
      </div>
    </main>
  );
}
