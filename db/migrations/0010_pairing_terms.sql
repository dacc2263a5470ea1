CREATE TYPE "public"."pairing_side" AS ENUM('mentee', 'mentor');--> statement-breakpoint
CREATE TYPE "public"."renewal_choice" AS ENUM('continue', 'conclude');--> statement-breakpoint
CREATE TYPE "public"."term_outcome" AS ENUM('renewed', 'completed', 'ended');--> statement-breakpoint
CREATE TABLE "close_surveys" (
	"id" serial PRIMARY KEY NOT NULL,
	"pairing_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"side" "pairing_side" NOT NULL,
	"rating" smallint NOT NULL,
	"helped_most" text NOT NULL,
	"mentor_again" boolean,
	"would_recommend" boolean NOT NULL,
	"comment" text,
	"answered_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "close_surveys_rating" CHECK ("close_surveys"."rating" between 1 and 5),
	CONSTRAINT "close_surveys_mentor_again" CHECK (("close_surveys"."side" = 'mentor') = ("close_surveys"."mentor_again" is not null))
);
--> statement-breakpoint
CREATE TABLE "pairing_terms" (
	"id" serial PRIMARY KEY NOT NULL,
	"pairing_id" integer NOT NULL,
	"number" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"extended_from" date,
	"outcome" "term_outcome",
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairing_terms_number_positive" CHECK ("pairing_terms"."number" >= 1),
	CONSTRAINT "pairing_terms_dates" CHECK ("pairing_terms"."end_date" > "pairing_terms"."start_date"),
	CONSTRAINT "pairing_terms_closed" CHECK (("pairing_terms"."outcome" is null) = ("pairing_terms"."closed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "renewal_choices" (
	"id" serial PRIMARY KEY NOT NULL,
	"term_id" integer NOT NULL,
	"side" "pairing_side" NOT NULL,
	"user_id" text NOT NULL,
	"choice" "renewal_choice" NOT NULL,
	"chosen_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "close_surveys" ADD CONSTRAINT "close_surveys_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "close_surveys" ADD CONSTRAINT "close_surveys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_terms" ADD CONSTRAINT "pairing_terms_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_choices" ADD CONSTRAINT "renewal_choices_term_id_pairing_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."pairing_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_choices" ADD CONSTRAINT "renewal_choices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "close_surveys_one_per_member" ON "close_surveys" USING btree ("pairing_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pairing_terms_number_uq" ON "pairing_terms" USING btree ("pairing_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "pairing_terms_one_open" ON "pairing_terms" USING btree ("pairing_id") WHERE "pairing_terms"."outcome" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "renewal_choices_one_per_side" ON "renewal_choices" USING btree ("term_id","side");--> statement-breakpoint
CREATE INDEX "renewal_choices_user_idx" ON "renewal_choices" USING btree ("user_id");--> statement-breakpoint
-- Backfill: every active pairing released before terms were kept gets its current term. Earlier
-- renewals' dates were never stored; the current term is taken as an equal share of the pairing's span.
INSERT INTO "pairing_terms" ("pairing_id", "number", "start_date", "end_date")
SELECT p."id", p."renewals" + 1,
  CASE WHEN p."renewals" = 0 THEN p."start_date" ELSE (p."end_date" - ((p."end_date" - p."start_date") / (p."renewals" + 1))) END,
  p."end_date"
FROM "pairings" p
WHERE p."state" = 'active' AND p."start_date" IS NOT NULL AND p."end_date" IS NOT NULL AND p."end_date" > p."start_date"
  AND NOT EXISTS (SELECT 1 FROM "pairing_terms" t WHERE t."pairing_id" = p."id");
