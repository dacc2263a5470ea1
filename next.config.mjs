/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships ~16 MB of wasm; keep it a runtime dependency instead of copying it into the bundle.
  // pg-boss (and its pg driver) runs as plain Node: bundling it gains nothing and trips on pg's optional native driver.
  serverExternalPackages: ['@electric-sql/pglite', 'pg-boss', 'pg'],
  poweredByHeader: false,
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

export default nextConfig;
