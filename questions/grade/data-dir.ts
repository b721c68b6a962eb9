import path from 'node:path';

/**
 * The folder of this directory's data files (model, vectors, training sets). Under tsx and Node
 * `import.meta.dirname` names it; in Next's server bundle it is undefined, and the app runs from
 * the repository root, so the folder is found from there.
 */
export const GRADE_DIR = import.meta.dirname ?? path.join(process.cwd(), 'questions', 'grade');

export const gradeDataFile = (name: string) => path.join(GRADE_DIR, 'data', name);
