import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { classes, classMembers, users } from '@/db/schema';
import { setUpTestDatabase } from '@/db/test-database';
import { checkCredentials } from '@/lib/auth/accounts';
import { DEMO_INSTRUCTOR, DEMO_PASSWORD, DEMO_STUDENTS, seedDemo } from './seed';

setUpTestDatabase();

describe('seedDemo', () => {
  it('creates an instructor, three students and their class, once', async () => {
    expect(await seedDemo()).toEqual({ created: true });
    expect(await seedDemo()).toEqual({ created: false });
    const db = await getDb();
    expect(await db.select().from(users)).toHaveLength(1 + DEMO_STUDENTS.length);
    expect(await db.select().from(classes)).toHaveLength(1);
    const members = await db.select().from(classMembers);
    expect(members.filter((m) => m.role === 'instructor')).toHaveLength(1);
    expect(members.filter((m) => m.role === 'student')).toHaveLength(3);
  });

  it('gives the demo accounts the published password', async () => {
    const result = await checkCredentials({ email: DEMO_INSTRUCTOR.email, password: DEMO_PASSWORD }, null);
    expect(result.status).toBe('ok');
  });
});
