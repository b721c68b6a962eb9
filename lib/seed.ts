import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { upsertAuthoredQuestions } from '@/db/queries/questions';
import { upsertDefaultQuiz } from '@/db/queries/quizzes';
import { upsertShippedReading } from '@/db/queries/readings';
import { classes, classMembers, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { loadShippedQuiz, loadShippedReading, shippedReadingSlugs } from '@/lib/reading/content';
import { loadAuthoredBank } from '@/questions/bank';

/** Demo accounts: published in the README, so only for trying the app out (SEED_DEMO=false skips them). */
export const DEMO_PASSWORD = 'statecraft-demo';
export const DEMO_INSTRUCTOR = { name: 'Dr. Amara Okafor', email: 'instructor@demo.statecraft' };
export const DEMO_STUDENTS = [
  { name: 'Lena Fischer', email: 'lena@demo.statecraft' },
  { name: 'Tomás Reyes', email: 'tomas@demo.statecraft' },
  { name: 'Priya Natarajan', email: 'priya@demo.statecraft' },
];
export const DEMO_CLASS = { name: 'IR 210: Great-Power Diplomacy (demo)', joinCode: 'DEMO-210' };

/**
 * The readings in content/ (the Burns essay first) and their authored question banks are part
 * of the app, not demo data: they are created or refreshed on every start.
 */
export async function seedShippedReadings(): Promise<string[]> {
  const slugs = shippedReadingSlugs();
  for (const slug of slugs) {
    const reading = await upsertShippedReading(loadShippedReading(slug));
    const bank = loadAuthoredBank(slug);
    await upsertAuthoredQuestions({ readingId: reading.id, bank });
    const quiz = loadShippedQuiz(slug, new Set(bank.map((q) => q.id)));
    if (quiz) await upsertDefaultQuiz({ readingId: reading.id, ...quiz });
  }
  return slugs;
}

/** Creates whatever part of the demo data is missing; running it again changes nothing. */
export async function seedDemo(): Promise<{ created: boolean }> {
  const db = await getDb();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = false;

  const ensureUser = async (person: { name: string; email: string }) => {
    const [inserted] = await db
      .insert(users)
      // The demo addresses receive no mail: the seed vouches for them, so EMAIL_VERIFICATION=required
      // still lets the demo accounts in.
      .values({ ...person, passwordHash, emailVerified: new Date() })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (inserted) {
      created = true;
      return inserted.id;
    }
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, person.email));
    return existing!.id;
  };

  const instructorId = await ensureUser(DEMO_INSTRUCTOR);
  const studentIds = [];
  for (const student of DEMO_STUDENTS) studentIds.push(await ensureUser(student));

  await db
    .insert(classes)
    .values({ name: DEMO_CLASS.name, joinCode: DEMO_CLASS.joinCode, createdBy: instructorId })
    .onConflictDoNothing({ target: classes.joinCode });
  const [demoClass] = await db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.joinCode, DEMO_CLASS.joinCode), eq(classes.createdBy, instructorId)));
  if (demoClass) {
    const members = [
      { classId: demoClass.id, userId: instructorId, role: 'instructor' as const },
      ...studentIds.map((userId) => ({ classId: demoClass.id, userId, role: 'student' as const })),
    ];
    const added = await db.insert(classMembers).values(members).onConflictDoNothing().returning();
    if (added.length > 0) created = true;
  }
  return { created };
}

export function printDemoAccounts(): void {
  const lines = [
    'Demo accounts (password for each: statecraft-demo):',
    `  instructor  ${DEMO_INSTRUCTOR.email}`,
    ...DEMO_STUDENTS.map((s) => `  student     ${s.email}`),
    `  demo class  "${DEMO_CLASS.name}", join code ${DEMO_CLASS.joinCode}`,
    'Set SEED_DEMO=false to start without them.',
  ];
  console.log(lines.join('\n'));
}
