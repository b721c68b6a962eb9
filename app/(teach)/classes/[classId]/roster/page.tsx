import type { Metadata } from 'next';
import Link from 'next/link';
import { RosterImport } from '@/components/classes/roster-import';
import { INVITATION_LIMITS } from '@/lib/classes/invitations';
import { ROSTER_LIMITS } from '@/lib/classes/roster';
import { classToTeach } from '@/lib/server/policy';
import { grantedOrNotFound, requireUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Import a roster' };

export default async function RosterImportPage({ params }: PageProps<'/classes/[classId]/roster'>) {
  const { classId } = await params;
  const classHref = `/classes/${classId}`;
  const user = await requireUser(`${classHref}/roster`);
  const { klass } = await grantedOrNotFound(classToTeach(user, classId));

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href={classHref} className="underline">
            {klass.name}
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-bold">Import a roster</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          Upload the class list your LMS exports: Canvas (gradebook export), Moodle (participants, grades, or
          a user upload file) or Google Classroom (grades export), or any CSV with a name and an email column;
          commas, semicolons and tabs all work. You see what happens to every row before anything changes.
          Students who already have an account with the address join at once; new addresses get an invitation
          by email, whose link works for {INVITATION_LIMITS.days} days. Up to{' '}
          {ROSTER_LIMITS.rows.toLocaleString('en')} rows and {ROSTER_LIMITS.bytes / 1024 / 1024} MB a file.
        </p>
      </div>
      {klass.archivedAt ? (
        <p role="status">This class is archived: restore it in Class settings before adding students.</p>
      ) : (
        <RosterImport classId={klass.id} classHref={classHref} />
      )}
    </div>
  );
}
