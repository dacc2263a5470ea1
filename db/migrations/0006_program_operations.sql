CREATE TABLE "admin_invites" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"invited_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" text,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	CONSTRAINT "admin_invites_email_lower" CHECK ("admin_invites"."email" = lower("admin_invites"."email"))
);
--> statement-breakpoint
CREATE TABLE "admin_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" text,
	"pairing_id" integer,
	"body" text NOT NULL,
	"author_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_notes_one_subject" CHECK (("admin_notes"."user_id" is null) <> ("admin_notes"."pairing_id" is null)),
	CONSTRAINT "admin_notes_body_length" CHECK (char_length("admin_notes"."body") between 1 and 4000)
);
--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "program_name" text DEFAULT 'Physician Mentorship Program' NOT NULL;--> statement-breakpoint
ALTER TABLE "pairings" ADD COLUMN "mentee_waiting_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "admin_invites" ADD CONSTRAINT "admin_invites_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_invites" ADD CONSTRAINT "admin_invites_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_invites" ADD CONSTRAINT "admin_invites_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_notes" ADD CONSTRAINT "admin_notes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_notes" ADD CONSTRAINT "admin_notes_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_notes" ADD CONSTRAINT "admin_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admin_invites_one_open_per_email" ON "admin_invites" USING btree ("email") WHERE "admin_invites"."accepted_at" is null and "admin_invites"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "admin_notes_user_idx" ON "admin_notes" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "admin_notes_pairing_idx" ON "admin_notes" USING btree ("pairing_id","created_at");--> statement-breakpoint
ALTER TABLE "program_settings" ADD CONSTRAINT "program_settings_name_length" CHECK (char_length("program_settings"."program_name") between 1 and 120);