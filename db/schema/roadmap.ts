/**
 * The application roadmap: the program's template (admins edit it) and each pairing's shared
 * checklist, copied from the template when the pairing is released.
 *
 * A template item's target date is a rule, not a date: (year offset, month, day) relative to the
 * student's application cycle year C (mentee_profiles.target_cycle). "June 30 of C" is (0, 6, 30),
 * "April of C+1" is (1, 4, 30). A Feb 29 rule falls on Feb 28 in other years (lib/roadmap/rules.ts).
 *
 * Nothing here is hard-deleted: template items are archived, checklist items are removed
 * (removed_at / removed_by), and who ticked an item and when stays on the row (plus an audit row
 * per change, which also keeps the history of unticks and edits).
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { pairings } from './pairings';
import { users } from './people';

export const roadmapTemplateItems = pgTable(
  'roadmap_template_items',
  {
    id: serial().primaryKey(),
    /** A stable name for the items the program ships with (the migration seeds them); null for items admins add. */
    key: text(),
    position: integer().notNull(),
    title: text().notNull(),
    description: text(),
    yearOffset: integer().notNull(),
    month: integer().notNull(),
    day: integer().notNull(),
    archivedAt: timestamp({ withTimezone: true, mode: 'date' }),
    archivedBy: text().references(() => users.id),
    updatedBy: text().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('roadmap_template_items_key_uq').on(t.key),
    check('roadmap_template_year_offset', sql`${t.yearOffset} between -4 and 2`),
    // A day the month has (Feb 29 allowed: it falls on Feb 28 outside leap years).
    check(
      'roadmap_template_month_day',
      sql`${t.month} between 1 and 12 and ${t.day} between 1 and (case when ${t.month} = 2 then 29 when ${t.month} in (4, 6, 9, 11) then 30 else 31 end)`,
    ),
    check('roadmap_template_title_length', sql`char_length(${t.title}) between 1 and 120`),
    check('roadmap_template_archived_pair', sql`(${t.archivedAt} is null) = (${t.archivedBy} is null)`),
  ],
);

/** One row per pairing once its checklist exists: the cycle year its dates were computed from. */
export const roadmapChecklists = pgTable('roadmap_checklists', {
  pairingId: integer()
    .primaryKey()
    .references(() => pairings.id),
  cycleYear: integer().notNull(),
  createdAt: createdAt(),
});

export const roadmapItems = pgTable(
  'roadmap_items',
  {
    id: serial().primaryKey(),
    pairingId: integer()
      .notNull()
      .references(() => roadmapChecklists.pairingId),
    /** The template item it was copied from; null for items the pair added. */
    templateItemId: integer().references(() => roadmapTemplateItems.id),
    position: integer().notNull(),
    title: text().notNull(),
    description: text(),
    targetDate: date({ mode: 'string' }).notNull(),
    doneAt: timestamp({ withTimezone: true, mode: 'date' }),
    doneBy: text().references(() => users.id),
    /** Null for items copied from the template. */
    createdBy: text().references(() => users.id),
    updatedBy: text().references(() => users.id),
    removedAt: timestamp({ withTimezone: true, mode: 'date' }),
    removedBy: text().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Copying the template twice (approval and a first visit racing) cannot duplicate an item.
    uniqueIndex('roadmap_items_one_per_template_item')
      .on(t.pairingId, t.templateItemId)
      .where(sql`${t.templateItemId} is not null`),
    index('roadmap_items_pairing_idx').on(t.pairingId, t.targetDate),
    check('roadmap_items_done_pair', sql`(${t.doneAt} is null) = (${t.doneBy} is null)`),
    check('roadmap_items_removed_pair', sql`(${t.removedAt} is null) = (${t.removedBy} is null)`),
    check('roadmap_items_title_length', sql`char_length(${t.title}) between 1 and 120`),
  ],
);

export type RoadmapTemplateItem = typeof roadmapTemplateItems.$inferSelect;
export type RoadmapItem = typeof roadmapItems.$inferSelect;
