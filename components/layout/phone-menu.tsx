'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * The phone's Menu: a native disclosure (it opens before any script has loaded) that closes
 * itself when a link in it is tapped, or the page changes.
 */
export function PhoneMenu({ children }: { children: React.ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (details.current && pathname) details.current.open = false;
  }, [pathname]);
  // A followed link (tapped, or Enter) closes the menu, also when it leads to the page already shown.
  useEffect(() => {
    const menu = details.current;
    if (!menu) return;
    const close = (event: MouseEvent) => {
      if ((event.target as HTMLElement).closest('a')) menu.open = false;
    };
    menu.addEventListener('click', close);
    return () => menu.removeEventListener('click', close);
  }, []);
  return (
    <details ref={details} className="relative lg:hidden" data-phone-menu>
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-2 text-sm font-semibold dark:border-slate-600">
        Menu <span aria-hidden="true">☰</span>
      </summary>
      {children}
    </details>
  );
}
