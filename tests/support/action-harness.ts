/**
 * Calling server actions the way a browser would (FormData in, ActionState or a redirect out) and
 * telling the answers apart: refused, redirected, a field error, or an answer.
 */
import type { ActionState } from '@/lib/actions';

export type FormInput = Record<string, string | string[]>;

/** Arrays become `name[]` checkbox groups, as the forms send them. */
export function toFormData(input: FormInput): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(input)) {
    if (Array.isArray(v)) for (const item of v) fd.append(k.endsWith('[]') ? k : `${k}[]`, item);
    else fd.append(k, v);
  }
  return fd;
}

/** What roleAction answers when the session or the role does not admit the caller. */
export const REFUSALS = ['Your session has ended or you do not have access. Sign in again.', 'You do not have access to do that.'];

export type Outcome =
  | { kind: 'refused'; state: ActionState }
  | { kind: 'field-error'; state: ActionState }
  | { kind: 'answered'; state: ActionState }
  | { kind: 'redirect'; to: string }
  | { kind: 'threw'; error: unknown };

type AnyAction = (prev: ActionState, formData: FormData) => Promise<unknown>;

/** Next's redirect() travels as an error with a digest `NEXT_REDIRECT;type;url;status;`. */
function redirectTarget(err: unknown): string | null {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT;') ? digest.split(';')[2] : null;
}

export async function callAction(action: unknown, formData: FormData): Promise<Outcome> {
  try {
    const state = ((await (action as AnyAction)({}, formData)) ?? {}) as ActionState;
    if (state.message && REFUSALS.includes(state.message)) return { kind: 'refused', state };
    if (state.fieldErrors && Object.keys(state.fieldErrors).length) return { kind: 'field-error', state };
    return { kind: 'answered', state };
  } catch (error) {
    const to = redirectTarget(error);
    if (to !== null) return to.startsWith('/sign-in') ? { kind: 'refused', state: {} } : { kind: 'redirect', to };
    return { kind: 'threw', error };
  }
}
