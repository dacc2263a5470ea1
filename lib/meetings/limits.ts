/** Meeting limits the forms (client) and the server share; no imports, so client bundles stay small. */

/** How long after logging a meeting its author may correct or delete it. */
export const MEETING_EDIT_DAYS = 14;
export const MEETING_NOTE_MAX = 2000;
/** Mirrors MEETING_MINUTES in db/schema/meetings.ts (the database check). */
export const MEETING_MINUTES_BOUNDS = { min: 5, max: 480 } as const;
