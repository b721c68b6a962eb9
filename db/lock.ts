import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export class DataFolderInUseError extends Error {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process, as PostgreSQL's postmaster.pid does: a file created
 * exclusively beside the folder, holding our pid and host. A live holder is named in the error; a
 * file left by a process that has died (killed, power cut) is taken over. Answers the release.
 */
export function lockDataFolder(folder: string): () => void {
  mkdirSync(folder, { recursive: true });
  const lockFile = `${path.resolve(folder)}.pid`;
  const host = hostname();
  for (let tries = 0; tries < 3; tries++) {
    let fd: number;
    try {
      fd = openSync(lockFile, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid: number; host: string; since: string };
      try {
        const [pid = '', holderHost = '', since = ''] = readFileSync(lockFile, 'utf8').split('\n');
        holder = { pid: Number(pid), host: holderHost, since };
      } catch {
        continue; // released between our open and our read
      }
      // Another bundle of this same process (Next loads server code more than once) shares the client.
      if (holder.pid === process.pid && holder.host === host) return () => {};
      if (holder.host === host && (!Number.isInteger(holder.pid) || !isRunning(holder.pid))) {
        try {
          unlinkSync(lockFile);
        } catch {}
        continue;
      }
      throw new DataFolderInUseError(
        `The data folder ${folder} is in use by process ${holder.pid} on ${holder.host || 'an unknown host'} (since ${holder.since || 'an unknown time'}). ` +
          'PGlite allows one process per folder: stop that process first, give this one another PGLITE_DATA_DIR, ' +
          'or use a PostgreSQL server (DATABASE_URL) to run several.',
      );
    }
    writeSync(fd, `${process.pid}\n${host}\n${new Date().toISOString()}\n`);
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      try {
        unlinkSync(lockFile);
      } catch {}
    };
    process.on('exit', release);
    return release;
  }
  throw new DataFolderInUseError(
    `Could not take the data folder ${folder}; another process keeps taking it.`,
  );
}
