import 'server-only';
import { getClass, getMembership } from '@/db/queries/classes';
import type { Class, ClassRole } from '@/db/schema';

/**
 * Who may see and change what in a class, in one place. Pages, actions and routes all ask
 * here: a student sees their own work, an instructor their classes, nobody else anything.
 */
export type ClassAccess = { class: Class; role: ClassRole };

export async function classAccess(classId: string, userId: string): Promise<ClassAccess | null> {
  if (!/^[0-9a-f-]{36}$/.test(classId)) return null;
  const [klass, membership] = await Promise.all([getClass({ classId }), getMembership({ classId, userId })]);
  return klass && membership ? { class: klass, role: membership.role } : null;
}

export async function asInstructor(classId: string, userId: string): Promise<Class | null> {
  const access = await classAccess(classId, userId);
  return access?.role === 'instructor' ? access.class : null;
}

export async function asStudent(classId: string, userId: string): Promise<Class | null> {
  const access = await classAccess(classId, userId);
  return access?.role === 'student' ? access.class : null;
}
