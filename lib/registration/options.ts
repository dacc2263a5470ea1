/**
 * The program's vocabularies: one list each, shared by forms, validation, matching and seed data.
 * Values are stable keys stored in the database; labels are what people read.
 */
export type Option<V extends string = string> = { value: V; label: string };

const options = <const V extends string>(list: readonly (readonly [V, string])[]): Option<V>[] =>
  list.map(([value, label]) => ({ value, label }));
export const valuesOf = <V extends string>(list: Option<V>[]) => list.map((o) => o.value) as [V, ...V[]];
export const labelOf = (list: Option[], value: string) => list.find((o) => o.value === value)?.label ?? value;

export const HELP_AREAS = options([
  ['application-timeline', 'Application timeline'],
  ['mcat', 'MCAT'],
  ['personal-statement', 'Personal statement'],
  ['interviews', 'Interviews'],
  ['shadowing', 'Shadowing and clinical experience'],
  ['choosing-schools', 'Choosing schools'],
  ['career-paths', 'Career paths in medicine'],
  ['other', 'Something else'],
] as const);

export const SPECIALTIES = options([
  ['family-medicine', 'Family medicine'],
  ['internal-medicine', 'Internal medicine'],
  ['pediatrics', 'Pediatrics'],
  ['obstetrics-gynecology', 'Obstetrics and gynecology'],
  ['emergency-medicine', 'Emergency medicine'],
  ['psychiatry', 'Psychiatry'],
  ['surgery', 'Surgery'],
  ['neurology', 'Neurology'],
  ['cardiology', 'Cardiology'],
  ['public-health', 'Public health and preventive medicine'],
  ['undecided', 'Not sure yet'],
] as const);

export const MEETING_FORMATS = options([
  ['video', 'Video call'],
  ['phone', 'Phone call'],
  ['in-person', 'In person'],
] as const);

export const DAYS = options([
  ['weekday', 'Weekdays'],
  ['weekend', 'Weekends'],
] as const);
export const TIMES = options([
  ['morning', 'Morning'],
  ['afternoon', 'Afternoon'],
  ['evening', 'Evening'],
] as const);
/** Availability slots are "weekday-morning", "weekend-evening", … */
export const AVAILABILITY_SLOTS = DAYS.flatMap((d) => TIMES.map((t) => `${d.value}-${t.value}`)) as [string, ...string[]];

export const SCHOOL_YEARS = options([
  ['first-year', 'First year'],
  ['second-year', 'Second year'],
  ['third-year', 'Third year'],
  ['fourth-year', 'Fourth year or later'],
  ['post-bacc', 'Post-baccalaureate'],
  ['gap-year', 'Gap year / graduated'],
] as const);

export const CREDENTIALS = options([
  ['MD', 'MD'],
  ['DO', 'DO'],
  ['other', 'Other'],
] as const);

/** The seven current U.S. federal minimum categories (OMB SPD 15, 2024). */
export const RACE_CATEGORIES = options([
  ['american-indian-alaska-native', 'American Indian or Alaska Native'],
  ['asian', 'Asian'],
  ['black-african-american', 'Black or African American'],
  ['hispanic-latino', 'Hispanic or Latino'],
  ['middle-eastern-north-african', 'Middle Eastern or North African'],
  ['native-hawaiian-pacific-islander', 'Native Hawaiian or Pacific Islander'],
  ['white', 'White'],
] as const);

/** Every category except White counts as BIPOC for the "prefers a BIPOC mentor" preference. */
export const BIPOC_CATEGORIES = RACE_CATEGORIES.map((r) => r.value).filter((v) => v !== 'white');

export const IDENTITY_PREFERENCES = options([
  ['none', 'No preference'],
  ['preferred', 'I would prefer a mentor who shares this identity'],
  ['required', 'I would only like a mentor who shares this identity (I may wait longer)'],
] as const);

export const LANGUAGES = options([
  ['english', 'English'],
  ['spanish', 'Spanish'],
  ['somali', 'Somali'],
  ['hmong', 'Hmong'],
  ['vietnamese', 'Vietnamese'],
  ['arabic', 'Arabic'],
  ['amharic', 'Amharic'],
  ['oromo', 'Oromo'],
  ['karen', 'Karen'],
  ['ojibwe', 'Ojibwe'],
  ['dakota', 'Dakota'],
  ['mandarin', 'Mandarin'],
  ['french', 'French'],
] as const);

export const DEFAULT_SCHOOL = 'University of Minnesota';
