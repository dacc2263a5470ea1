import type { ActionState } from '@/lib/actions';

export type Initial = Record<string, string | string[] | null | undefined>;

/** Reads a field's value: what was just typed (after an error) first, then the saved profile. */
export function valueReader(state: ActionState, initial: Initial) {
  const source = state.values ?? initial;
  return {
    text: (name: string): string => {
      const v = source[name];
      return typeof v === 'string' ? v : '';
    },
    list: (name: string): string[] => {
      const v = source[name];
      return Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : [];
    },
    checked: (name: string): boolean => {
      const v = source[name];
      return v === 'on' || v === 'true' || v === 'yes';
    },
    errors: (name: string) => state.fieldErrors?.[name],
  };
}
export type ValueReader = ReturnType<typeof valueReader>;
