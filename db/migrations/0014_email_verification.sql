CREATE TABLE "email_verification" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "email_verification" ADD CONSTRAINT "email_verification_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_verification_user_idx" ON "email_verification" USING btree ("user_id");--> statement-breakpoint
-- Accounts made before email verification existed count as verified: turning EMAIL_VERIFICATION on
-- later never locks out the people already using the app (README, Configuration).
UPDATE "user" SET "emailVerified" = "created_at" WHERE "emailVerified" IS NULL;