CREATE TYPE "public"."email_status" AS ENUM('queued', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."sweep_status" AS ENUM('running', 'done', 'failed', 'abandoned');--> statement-breakpoint
CREATE TYPE "public"."sweep_trigger" AS ENUM('schedule', 'manual');--> statement-breakpoint
CREATE TABLE "sweep_claims" (
	"task" text NOT NULL,
	"subject" text NOT NULL,
	"period" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sweep_claims_task_subject_period_pk" PRIMARY KEY("task","subject","period")
);
--> statement-breakpoint
CREATE TABLE "sweep_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"trigger" "sweep_trigger" NOT NULL,
	"status" "sweep_status" DEFAULT 'running' NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"summary" jsonb,
	"error" text
);
--> statement-breakpoint
-- Rows from before the queue were sent at once (or failed with their error): keep them as they were.
ALTER TABLE "emails" ADD COLUMN "status" "email_status" DEFAULT 'sent' NOT NULL;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "job_id" uuid;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "retryable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
UPDATE "emails" SET "status" = 'failed', "attempts" = 1 WHERE "error" IS NOT NULL;--> statement-breakpoint
UPDATE "emails" SET "sent_at" = "created_at", "attempts" = 1 WHERE "status" = 'sent';--> statement-breakpoint
ALTER TABLE "emails" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
CREATE UNIQUE INDEX "sweep_runs_one_running" ON "sweep_runs" USING btree ((true)) WHERE "sweep_runs"."status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "sweep_runs_one_scheduled_per_day" ON "sweep_runs" USING btree ("day") WHERE "sweep_runs"."trigger" = 'schedule' and "sweep_runs"."status" in ('running', 'done');--> statement-breakpoint
CREATE INDEX "sweep_runs_day_idx" ON "sweep_runs" USING btree ("day");--> statement-breakpoint
CREATE INDEX "emails_status_idx" ON "emails" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_attempts_nonnegative" CHECK ("emails"."attempts" >= 0);--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_sent_has_time" CHECK ("emails"."status" <> 'sent' or "emails"."sent_at" is not null);