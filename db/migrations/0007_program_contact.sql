ALTER TABLE "program_settings" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "program_settings" ADD COLUMN "contact_email" text;