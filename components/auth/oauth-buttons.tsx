import { buttonClasses } from '@/components/ui/button';
import { signInWithProviderAction } from '@/lib/server/actions/auth';

/** GitHub and Google sign-in, shown only for the providers configured on the server. */
export function OAuthButtons({
  providers,
  callbackUrl,
}: {
  providers: { id: string; name: string }[];
  callbackUrl: string;
}) {
  if (providers.length === 0) return null;
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" /> or{' '}
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
      </div>
      {providers.map((provider) => (
        <form key={provider.id} action={signInWithProviderAction}>
          <input type="hidden" name="provider" value={provider.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button type="submit" className={buttonClasses('secondary', 'w-full')}>
            Continue with {provider.name}
          </button>
        </form>
      ))}
    </div>
  );
}
