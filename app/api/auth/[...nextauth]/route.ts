import { NextResponse, type NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/auth';
import { CALLBACK_PATH, CONFIRM_PATH } from '@/lib/auth/links';

/**
 * The email callback consumes the token on GET. Nobody is sent here by a link we email (links go
 * to the confirmation page), but a direct GET — an old link, a scanner guessing — is turned back to
 * the confirmation page instead of spending the token.
 */
export async function GET(req: NextRequest) {
  if (req.nextUrl.pathname === CALLBACK_PATH) {
    return NextResponse.redirect(new URL(`${CONFIRM_PATH}${req.nextUrl.search}`, req.nextUrl), 303);
  }
  return handlers.GET(req);
}

export const POST = handlers.POST;
