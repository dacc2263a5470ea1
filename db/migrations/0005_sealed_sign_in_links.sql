ALTER TABLE "emails" ADD COLUMN "sealed_url" text;--> statement-breakpoint
-- Sign-in emails recorded before this migration still carry live links: remove them from the stored copies.
UPDATE "emails" SET "url" = NULL, "html" = '[sign-in link removed from the stored copy]', "text" = '[sign-in link removed from the stored copy]' WHERE "kind" = 'sign-in';
