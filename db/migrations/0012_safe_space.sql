CREATE TYPE "public"."concern_contact_channel" AS ENUM('email', 'phone');--> statement-breakpoint
CREATE TYPE "public"."concern_outcome" AS ENUM('none', 'resumed', 'ended-rematch');--> statement-breakpoint
CREATE TYPE "public"."concern_status" AS ENUM('new', 'in_progress', 'resolved');--> statement-breakpoint
CREATE TABLE "check_in_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"pairing_id" integer NOT NULL,
	"round" integer NOT NULL,
	"opened_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_rounds_round_positive" CHECK ("check_in_rounds"."round" >= 1)
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"pairing_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"safety" integer NOT NULL,
	"useful" integer NOT NULL,
	"frequency" integer NOT NULL,
	"comment" text,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "check_ins_scores_range" CHECK ("check_ins"."safety" between 1 and 5 and "check_ins"."useful" between 1 and 5 and "check_ins"."frequency" between 1 and 5),
	CONSTRAINT "check_ins_comment_length" CHECK ("check_ins"."comment" is null or char_length("check_ins"."comment") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "concern_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"concern_id" integer NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "concern_notes_body_length" CHECK (char_length("concern_notes"."body") between 1 and 4000)
);
--> statement-breakpoint
CREATE TABLE "concerns" (
	"id" serial PRIMARY KEY NOT NULL,
	"raised_by" text NOT NULL,
	"pairing_id" integer,
	"body" text NOT NULL,
	"paused_pairing" boolean DEFAULT false NOT NULL,
	"contact_requested" boolean DEFAULT false NOT NULL,
	"contact_channel" "concern_contact_channel",
	"contact_phone" text,
	"status" "concern_status" DEFAULT 'new' NOT NULL,
	"assigned_to" text,
	"resolution" text,
	"outcome" "concern_outcome",
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"raised_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concerns_body_length" CHECK (char_length("concerns"."body") between 1 and 4000),
	CONSTRAINT "concerns_contact_channel" CHECK ("concerns"."contact_requested" = ("concerns"."contact_channel" is not null)),
	CONSTRAINT "concerns_contact_phone" CHECK (("concerns"."contact_channel" = 'phone') = ("concerns"."contact_phone" is not null)),
	CONSTRAINT "concerns_resolved_complete" CHECK (("concerns"."status" = 'resolved') = ("concerns"."resolved_at" is not null and "concerns"."resolution" is not null and "concerns"."outcome" is not null))
);
--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "check_in_first_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "check_in_every_days" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "check_in_rounds" ADD CONSTRAINT "check_in_rounds_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_round_id_check_in_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."check_in_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_notes" ADD CONSTRAINT "concern_notes_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_notes" ADD CONSTRAINT "concern_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_rounds_pairing_round_uq" ON "check_in_rounds" USING btree ("pairing_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_one_per_member_round" ON "check_ins" USING btree ("round_id","user_id");--> statement-breakpoint
CREATE INDEX "check_ins_pairing_idx" ON "check_ins" USING btree ("pairing_id","answered_at");--> statement-breakpoint
CREATE INDEX "concern_notes_concern_idx" ON "concern_notes" USING btree ("concern_id","created_at");--> statement-breakpoint
CREATE INDEX "concerns_status_idx" ON "concerns" USING btree ("status","raised_at");--> statement-breakpoint
CREATE INDEX "concerns_pairing_idx" ON "concerns" USING btree ("pairing_id");