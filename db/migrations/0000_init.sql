CREATE TYPE "public"."credential" AS ENUM('MD', 'DO', 'other');--> statement-breakpoint
CREATE TYPE "public"."email_transport" AS ENUM('outbox', 'resend');--> statement-breakpoint
CREATE TYPE "public"."identity_preference" AS ENUM('none', 'preferred', 'required');--> statement-breakpoint
CREATE TYPE "public"."match_rule_kind" AS ENUM('lock', 'exclude');--> statement-breakpoint
CREATE TYPE "public"."pairing_state" AS ENUM('proposed', 'active', 'completed', 'ended');--> statement-breakpoint
CREATE TYPE "public"."person_status" AS ENUM('registering', 'pending', 'approved', 'waitlisted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('mentee', 'mentor', 'admin');--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "attestations" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"statement_version" integer NOT NULL,
	"signature_name" text NOT NULL,
	"attested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"program_year" integer NOT NULL,
	"launch_date" date NOT NULL,
	"is_open" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emails" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"url" text,
	"kind" text NOT NULL,
	"transport" "email_transport" NOT NULL,
	"provider_id" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_answers" (
	"user_id" text PRIMARY KEY NOT NULL,
	"races" text[] DEFAULT '{}'::text[] NOT NULL,
	"self_description" text,
	"prefer_not_to_answer" boolean DEFAULT false NOT NULL,
	"gender" text,
	"consented_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"mentee_id" text NOT NULL,
	"mentor_id" text NOT NULL,
	"kind" "match_rule_kind" NOT NULL,
	"reason" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentee_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"preferred_name" text NOT NULL,
	"pronouns" text,
	"meeting_formats" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text[] DEFAULT '{}'::text[] NOT NULL,
	"city" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"about" text DEFAULT '' NOT NULL,
	"expectations_version" integer NOT NULL,
	"expectations_accepted_at" timestamp with time zone NOT NULL,
	"cohort_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"school" text NOT NULL,
	"school_year" text NOT NULL,
	"major" text NOT NULL,
	"target_cycle" integer NOT NULL,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"specialty_other" text,
	"help_with" text[] DEFAULT '{}'::text[] NOT NULL,
	"help_other" text,
	"first_gen" boolean,
	"identity_preference" "identity_preference" DEFAULT 'none' NOT NULL,
	"identity_preference_races" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentor_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"preferred_name" text NOT NULL,
	"pronouns" text,
	"meeting_formats" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text[] DEFAULT '{}'::text[] NOT NULL,
	"city" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"about" text DEFAULT '' NOT NULL,
	"expectations_version" integer NOT NULL,
	"expectations_accepted_at" timestamp with time zone NOT NULL,
	"cohort_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"credential" "credential" NOT NULL,
	"credential_other" text,
	"specialty" text NOT NULL,
	"specialty_other" text,
	"organisation" text NOT NULL,
	"years_in_practice" integer NOT NULL,
	"residency_affiliation" text,
	"capacity" integer NOT NULL,
	"advice" text[] DEFAULT '{}'::text[] NOT NULL,
	"show_identity" boolean DEFAULT false NOT NULL,
	"paused_until" date,
	CONSTRAINT "mentor_capacity_range" CHECK ("mentor_profiles"."capacity" between 1 and 3),
	CONSTRAINT "mentor_years_range" CHECK ("mentor_profiles"."years_in_practice" between 0 and 70)
);
--> statement-breakpoint
CREATE TABLE "pairings" (
	"id" serial PRIMARY KEY NOT NULL,
	"mentee_id" text NOT NULL,
	"mentor_id" text NOT NULL,
	"state" "pairing_state" DEFAULT 'proposed' NOT NULL,
	"score" integer,
	"score_breakdown" jsonb,
	"proposed_by" text,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"start_date" date,
	"end_date" date,
	"renewals" integer DEFAULT 0 NOT NULL,
	"intro_subject" text,
	"intro_body" text,
	"ended_by" text,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"rematch_requested" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairings_distinct_people" CHECK ("pairings"."mentee_id" <> "pairings"."mentor_id")
);
--> statement-breakpoint
CREATE TABLE "program_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"term_months" integer DEFAULT 12 NOT NULL,
	"renewal_window_days" integer DEFAULT 30 NOT NULL,
	"cadence_due_soon_days" integer DEFAULT 45 NOT NULL,
	"cadence_overdue_days" integer DEFAULT 60 NOT NULL,
	"match_weights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_settings_singleton" CHECK ("program_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "rate_limit_hits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"role" "user_role",
	"status" "person_status" DEFAULT 'registering' NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"waiting_since" timestamp with time zone,
	"priority_rematch_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "values_statements" (
	"version" integer PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_statement_version_values_statements_version_fk" FOREIGN KEY ("statement_version") REFERENCES "public"."values_statements"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_answers" ADD CONSTRAINT "identity_answers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_rules" ADD CONSTRAINT "match_rules_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_rules" ADD CONSTRAINT "match_rules_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_rules" ADD CONSTRAINT "match_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_profiles" ADD CONSTRAINT "mentee_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_profiles" ADD CONSTRAINT "mentee_profiles_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "values_statements" ADD CONSTRAINT "values_statements_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attestations_user_version_uq" ON "attestations" USING btree ("user_id","statement_version");--> statement-breakpoint
CREATE INDEX "audit_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_created_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "emails_to_created_idx" ON "emails" USING btree ("to","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "match_rules_pair_uq" ON "match_rules" USING btree ("mentee_id","mentor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pairings_one_open_per_mentee" ON "pairings" USING btree ("mentee_id") WHERE "pairings"."state" in ('proposed', 'active');--> statement-breakpoint
CREATE INDEX "pairings_mentor_state_idx" ON "pairings" USING btree ("mentor_id","state");--> statement-breakpoint
CREATE INDEX "rate_limit_hits_key_created_idx" ON "rate_limit_hits" USING btree ("key","created_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_role_status_idx" ON "users" USING btree ("role","status");