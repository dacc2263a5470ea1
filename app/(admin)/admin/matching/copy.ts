/** Words for the matching and pairing pages, shared by server pages and client components. */
import type { WaitlistEntry } from '@/lib/matching/workbench';

type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info';
type Preference = WaitlistEntry['identityPreference'];

export const PREFERENCE_BADGES: Record<Preference, { label: string; tone: Tone }> = {
  none: { label: 'None', tone: 'neutral' },
  preferred: { label: 'Preferred', tone: 'info' },
  required: { label: 'Required', tone: 'warn' },
};

export const PREFERENCE_TEXT: Record<Preference, string> = {
  none: 'No preference about their mentor’s identity.',
  preferred: 'Would prefer a mentor who shares their identity (a bonus in the score).',
  required: 'Only a mentor who shares their identity (a hard rule: they may wait longer).',
};

export const RULE_LABELS = {
  lock: { label: 'Locked', tone: 'good', long: 'Locked for the optimiser' },
  exclude: { label: 'Never pair', tone: 'bad', long: 'Never pair these two' },
} as const satisfies Record<'lock' | 'exclude', { label: string; tone: Tone; long: string }>;
