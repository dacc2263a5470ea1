ALTER TABLE "program_settings" ADD COLUMN "time_zone" text DEFAULT 'America/Chicago' NOT NULL;--> statement-breakpoint
-- Audit subject types now share one spelling (kebab-case, like the actions; lib/audit/events.ts).
UPDATE "audit_log" SET "subject_type" = 'values-statement' WHERE "subject_type" = 'values_statement';
