/** Debian's Chromium; playwright-core drives it (browser downloads are not available here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
