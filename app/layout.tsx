import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Mentor Match — physician mentors for pre-med students', template: '%s · Mentor Match' },
  description: 'A year-long mentorship pairing pre-med students from underrepresented communities with physicians committed to anti-racism and cultural humility.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f766e' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request's nonce makes every page render per request, so each carries the nonce of
  // its own Content-Security-Policy (proxy.ts); Next adds it to its scripts.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" data-csp={nonce ? 'nonce' : undefined}>
      <body className="min-h-dvh">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
