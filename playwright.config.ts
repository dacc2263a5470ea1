import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

// E2E_PORT moves the three servers (e.g. two checkouts testing side by side on one machine).
const PORT = Number(process.env.E2E_PORT || 3100);
const SHORT_PORT = PORT + 1; // the strict server: sign-in links expire after 3 seconds, default rate limits
const DOWN_PORT = PORT + 2; // a third whose database server is unreachable
// A fourth, only for the year's journeys (tests/e2e/journey-*.spec.ts): they move its clock by months
// and run its sweep, which would expire other tests' sign-in links if they shared a server.
const JOURNEY_PORT = PORT + 3;
const baseURL = `http://localhost:${PORT}`;
const journeyURL = `http://localhost:${JOURNEY_PORT}`;
/** The main server's cron secret and test clock (tests/e2e/jobs.spec.ts and the journeys use them). */
export const E2E_CRON_SECRET = 'e2e-cron-secret-e2e-cron-secret';
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const serverEnv = (port: number, extra: Record<string, string> = {}) => ({
  PORT: String(port),
  AUTH_URL: `http://localhost:${port}`,
  AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
  EMAIL_TRANSPORT: 'outbox',
  ADMIN_EMAILS: 'bootstrap-admin@example.org',
  // Playwright on 127.0.0.1 / ::1 plays the reverse proxy: each test's X-Forwarded-For names its own
  // client (fixtures.ts). Any other loopback source (127.0.0.2…) is an untrusted client.
  TRUSTED_PROXIES: '127.0.0.1,::1',
  ...extra,
});

// On the embedded database each server gets its own freshly wiped folder (one process per folder).
const start = (dir: string) => (process.env.DATABASE_URL ? 'npx next start' : `rm -rf ${dir} && npx next start`);

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  forbidOnly: !!process.env.CI,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.data/reports/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /journey-.*\.spec\.ts/ },
    { name: 'journeys', use: { ...devices['Desktop Chrome'], baseURL: journeyURL }, testMatch: /journey-.*\.spec\.ts/ },
  ],
  webServer: [
    {
      command: `${start('.data/e2e-pglite')} --port ${PORT}`,
      url: `${baseURL}/api/health`,
      // Demo accounts sign in in many tests; the limits themselves are tested on the strict server.
      // The test clock and the sweep endpoint are on here: journeys move time and run the sweep.
      env: serverEnv(PORT, {
        PGLITE_DIR: '.data/e2e-pglite',
        SIGN_IN_LIMIT_PER_EMAIL: '1000',
        SIGN_IN_LIMIT_PER_IP: '1000',
        TEST_CLOCK: 'enabled',
        CRON_SECRET: E2E_CRON_SECRET,
      }),
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `${start('.data/e2e-pglite-short')} --port ${SHORT_PORT}`,
      url: `http://localhost:${SHORT_PORT}/api/health`,
      env: serverEnv(SHORT_PORT, { PGLITE_DIR: '.data/e2e-pglite-short', SIGN_IN_LINK_MAX_AGE: '3' }),
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `${start('.data/e2e-pglite-journeys')} --port ${JOURNEY_PORT}`,
      url: `${journeyURL}/api/health`,
      // On PostgreSQL the journeys get a database of their own (tests/run-all.sh makes it): their
      // sweeps, run months ahead, would otherwise complete and remind other specs' pairings.
      env: serverEnv(JOURNEY_PORT, {
        ...(process.env.JOURNEY_DATABASE_URL ? { DATABASE_URL: process.env.JOURNEY_DATABASE_URL } : {}),
        PGLITE_DIR: '.data/e2e-pglite-journeys',
        SIGN_IN_LIMIT_PER_EMAIL: '1000',
        SIGN_IN_LIMIT_PER_IP: '1000',
        TEST_CLOCK: 'enabled',
        CRON_SECRET: E2E_CRON_SECRET,
      }),
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // Production mode against a PostgreSQL address where nothing listens: what people see when the database is down.
      command: `npx next start --port ${DOWN_PORT}`,
      url: `http://localhost:${DOWN_PORT}/sign-in/confirm`,
      env: serverEnv(DOWN_PORT, { DATABASE_URL: 'postgres://postgres@127.0.0.1:9/unreachable' }),
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});

export { DOWN_PORT, JOURNEY_PORT, SHORT_PORT };
