CREATE TYPE "public"."meeting_format" AS ENUM('video', 'phone', 'in-person');--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"pairing_id" integer NOT NULL,
	"date" date NOT NULL,
	"format" "meeting_format" NOT NULL,
	"duration_minutes" integer NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"logged_by" text NOT NULL,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"updated_by" text,
	"updated_at" timestamp with time zone,
	"deleted_by" text,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "meetings_duration_bounds" CHECK ("meetings"."duration_minutes" between 5 and 480),
	CONSTRAINT "meetings_deleted_both" CHECK (("meetings"."deleted_at" is null) = ("meetings"."deleted_by" is null)),
	CONSTRAINT "meetings_confirmed_both" CHECK (("meetings"."confirmed_at" is null) = ("meetings"."confirmed_by" is null)),
	CONSTRAINT "meetings_confirmed_by_other" CHECK ("meetings"."confirmed_by" is null or "meetings"."confirmed_by" <> "meetings"."logged_by")
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_logged_by_users_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_one_per_pairing_day" ON "meetings" USING btree ("pairing_id","date") WHERE "meetings"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "meetings_pairing_date_idx" ON "meetings" USING btree ("pairing_id","date");