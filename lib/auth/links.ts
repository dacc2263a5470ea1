/**
 * Turns the Auth.js callback URL (which consumes the token on GET) into the address of our
 * confirmation page carrying the same parameters, and back.
 */
export const CONFIRM_PATH = '/sign-in/confirm';
export const CALLBACK_PATH = '/api/auth/callback/resend';

export function confirmUrlFor(callbackUrl: string, baseUrl: string): string {
  const { searchParams } = new URL(callbackUrl);
  return `${baseUrl}${CONFIRM_PATH}?${searchParams.toString()}`;
}

export function callbackUrlFor(params: { token: string; email: string; callbackUrl: string }, baseUrl: string): string {
  return `${baseUrl}${CALLBACK_PATH}?${new URLSearchParams(params).toString()}`;
}

/** Only same-site paths are followed after sign-in. */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return fallback;
  return value.slice(0, 500);
}
