/**
 * Runs once when the server starts (never at build time): migrate, seed the demo data, make
 * sure a signing secret exists. With PGlite this is the only process that opens the data folder.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareServer } = await import('./lib/server-start');
  await prepareServer();
}
