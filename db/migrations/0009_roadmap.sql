CREATE TABLE "roadmap_checklists" (
	"pairing_id" integer PRIMARY KEY NOT NULL,
	"cycle_year" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"pairing_id" integer NOT NULL,
	"template_item_id" integer,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"target_date" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" text,
	"created_by" text,
	"updated_by" text,
	"removed_at" timestamp with time zone,
	"removed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmap_items_done_pair" CHECK (("roadmap_items"."done_at" is null) = ("roadmap_items"."done_by" is null)),
	CONSTRAINT "roadmap_items_removed_pair" CHECK (("roadmap_items"."removed_at" is null) = ("roadmap_items"."removed_by" is null)),
	CONSTRAINT "roadmap_items_title_length" CHECK (char_length("roadmap_items"."title") between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "roadmap_template_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"year_offset" integer NOT NULL,
	"month" integer NOT NULL,
	"day" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"archived_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmap_template_year_offset" CHECK ("roadmap_template_items"."year_offset" between -4 and 2),
	CONSTRAINT "roadmap_template_month_day" CHECK ("roadmap_template_items"."month" between 1 and 12 and "roadmap_template_items"."day" between 1 and (case when "roadmap_template_items"."month" = 2 then 29 when "roadmap_template_items"."month" in (4, 6, 9, 11) then 30 else 31 end)),
	CONSTRAINT "roadmap_template_title_length" CHECK (char_length("roadmap_template_items"."title") between 1 and 120),
	CONSTRAINT "roadmap_template_archived_pair" CHECK (("roadmap_template_items"."archived_at" is null) = ("roadmap_template_items"."archived_by" is null))
);
--> statement-breakpoint
ALTER TABLE "roadmap_checklists" ADD CONSTRAINT "roadmap_checklists_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_pairing_id_roadmap_checklists_pairing_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."roadmap_checklists"("pairing_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_template_item_id_roadmap_template_items_id_fk" FOREIGN KEY ("template_item_id") REFERENCES "public"."roadmap_template_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_template_items" ADD CONSTRAINT "roadmap_template_items_archived_by_users_id_fk" FOREIGN KEY ("archived_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_template_items" ADD CONSTRAINT "roadmap_template_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_items_one_per_template_item" ON "roadmap_items" USING btree ("pairing_id","template_item_id") WHERE "roadmap_items"."template_item_id" is not null;--> statement-breakpoint
CREATE INDEX "roadmap_items_pairing_idx" ON "roadmap_items" USING btree ("pairing_id","target_date");--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_template_items_key_uq" ON "roadmap_template_items" USING btree ("key");--> statement-breakpoint
-- The program's default roadmap (lib/roadmap/rules.ts DEFAULT_ROADMAP); admins edit it at /admin/roadmap.
INSERT INTO "roadmap_template_items" ("key", "position", "title", "description", "year_offset", "month", "day") VALUES
  ('shadowing', 10, 'Shadowing and clinical hours under way', 'Regular shadowing and patient-facing hours started two years before the cycle; keep a log of dates, places and hours.', -2, 12, 31),
  ('research', 20, 'Research or scholarly project', 'A research, quality-improvement or community project, finished or well along by the end of the summer before the cycle year.', -1, 8, 31),
  ('clinical-hours', 30, 'Shadowing and clinical hours ready to report', 'Hours counted and described for the experiences section of the application.', -1, 12, 31),
  ('personal-statement', 40, 'Personal statement drafts', 'Start in January of the cycle year; share drafts with your mentor and finish a full draft by the end of March.', 0, 3, 31),
  ('letters', 50, 'Letters of recommendation requested', 'Ask letter writers in the spring, with your CV and statement draft, so letters arrive before the primary is submitted.', 0, 4, 15),
  ('primary-opens', 60, 'Primary application opens (AMCAS for MD, AACOMAS for DO)', 'Both open in early May: create the accounts, request transcripts, start entering courses.', 0, 5, 1),
  ('primary-submitted', 70, 'Primary application submitted', 'Submitting early in the cycle matters: schools review applications as they arrive.', 0, 6, 15),
  ('mcat', 80, 'MCAT registered and taken', 'Register early for a test date that reports scores in time; the test taken by the end of June.', 0, 6, 30),
  ('secondaries', 90, 'Secondary applications', 'Secondaries arrive through July; aim to return each within two weeks.', 0, 7, 31),
  ('early-decision', 100, 'Early decision deadline (if applying early decision)', 'The early decision programs’ deadline for the primary application.', 0, 8, 1),
  ('interviews', 110, 'Interview season (September – March)', 'Interviews run from September of C to March of C+1: practise with your mentor before invitations arrive.', 0, 9, 1),
  ('decisions', 120, 'Decisions and commitment', 'Compare offers and financial aid; commit to one school by the end of April of C+1.', 1, 4, 30)
ON CONFLICT DO NOTHING;
