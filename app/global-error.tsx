'use client';

/** The last resort when even the root layout fails. Plain HTML: no styles are guaranteed here. */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 560, margin: '80px auto', padding: 16, textAlign: 'center' }}>
        <h1>We can’t load this page right now</h1>
        <p>Something on our side is not responding. Nothing you saved has been lost. Please try again in a minute.</p>
        <button type="button" onClick={() => reset()} style={{ padding: '10px 18px', fontSize: 16 }}>
          Try again
        </button>
      </body>
    </html>
  );
}
