/**
 * Runs once when the server starts (never at build time): migrate, seed the shipped readings and
 * the demo data, make sure a signing secret exists. A server that cannot do this (bad configuration,
 * a database it cannot open) stops here with the reason, instead of serving errors.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareServer } = await import('./lib/server-start');
  await prepareServer();
}
