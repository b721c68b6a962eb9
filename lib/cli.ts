/**
 * Database tasks from the command line, on the database the environment names:
 *
 *   npm run db:migrate                 apply the committed migrations
 *   npm run db:seed                    shipped readings (and the demo data unless SEED_DEMO=false)
 *   npm run db:rebuild-results         rebuild the kept class figures from the attempts and answers
 *   npm run admin -- grant <email>     make an account a site administrator
 *   npm run admin -- revoke <email>    make it a plain account again
 *   npm run admin -- list              the site administrators
 */
import { closeDb, configureDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { rebuildEveryAssignmentResult } from '@/db/queries/assignment-results';
import { listSiteAdmins, setSiteRole } from '@/db/queries/users';
import { databaseConfig, env } from '@/lib/env';
import { printDemoAccounts, seedDemo, seedShippedReadings } from '@/lib/seed';

const USAGE =
  'Usage: cli.ts migrate | seed | rebuild-results | admin grant <email> | admin revoke <email> | admin list';

async function run(args: string[]): Promise<number> {
  const [command, sub, email] = args;
  configureDatabase(databaseConfig());
  switch (command) {
    case 'migrate':
      await migrateDatabase();
      console.log('Migrations applied.');
      return 0;
    case 'seed':
      // Under the start-up lock, as a server seeds: a server may be starting on the same database.
      await migrateDatabase(async () => {
        await seedShippedReadings();
        if (env().SEED_DEMO) await seedDemo();
      });
      if (!env().SEED_DEMO) {
        console.log('SEED_DEMO=false: shipped readings only.');
        return 0;
      }
      printDemoAccounts();
      return 0;
    case 'rebuild-results': {
      await migrateDatabase();
      const started = performance.now();
      const { standings, itemTotals } = await rebuildEveryAssignmentResult();
      console.log(
        `Rebuilt ${standings} standings and ${itemTotals} item totals in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
      );
      return 0;
    }
    case 'admin': {
      await migrateDatabase();
      if (sub === 'list') {
        const admins = await listSiteAdmins();
        const fromEnv = env().SITE_ADMIN_EMAILS;
        for (const a of admins) console.log(`${a.email}\t${a.name ?? ''}`);
        for (const e of fromEnv) console.log(`${e}\t(from SITE_ADMIN_EMAILS, once the address is confirmed)`);
        if (admins.length + fromEnv.length === 0) console.log('No site administrators.');
        return 0;
      }
      if ((sub === 'grant' || sub === 'revoke') && email) {
        const changed = await setSiteRole({ email, siteRole: sub === 'grant' ? 'admin' : 'member' });
        if (!changed) {
          console.error(`No account uses ${email}. Sign up first, then grant.`);
          return 1;
        }
        console.log(
          sub === 'grant'
            ? `${email} is now a site administrator.`
            : `${email} is no longer a site administrator.`,
        );
        return 0;
      }
      console.error(USAGE);
      return 2;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
