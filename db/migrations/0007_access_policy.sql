CREATE TYPE "public"."generation_job_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."site_role" AS ENUM('member', 'admin');--> statement-breakpoint
CREATE TABLE "bank_copy" (
	"reading_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_copy_reading_id_owner_id_pk" PRIMARY KEY("reading_id","owner_id")
);
--> statement-breakpoint
CREATE TABLE "generation_job" (
	"id" text PRIMARY KEY NOT NULL,
	"reading_id" text NOT NULL,
	"bank_owner_id" text,
	"requested_by" text NOT NULL,
	"status" "generation_job_status" DEFAULT 'queued' NOT NULL,
	"message" text,
	"added" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "question_reading_status_idx";--> statement-breakpoint
ALTER TABLE "question" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "question" ADD COLUMN "copied_from" text;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "site_role" "site_role" DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "bank_copy" ADD CONSTRAINT "bank_copy_reading_id_reading_id_fk" FOREIGN KEY ("reading_id") REFERENCES "public"."reading"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_copy" ADD CONSTRAINT "bank_copy_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generation_job" ADD CONSTRAINT "generation_job_reading_id_reading_id_fk" FOREIGN KEY ("reading_id") REFERENCES "public"."reading"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generation_job" ADD CONSTRAINT "generation_job_bank_owner_id_user_id_fk" FOREIGN KEY ("bank_owner_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generation_job" ADD CONSTRAINT "generation_job_requested_by_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "generation_job_requester_idx" ON "generation_job" USING btree ("requested_by","created_at");--> statement-breakpoint
CREATE INDEX "generation_job_status_idx" ON "generation_job" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "generation_job_one_active_idx" ON "generation_job" USING btree ("requested_by") WHERE "generation_job"."status" in ('queued', 'running');--> statement-breakpoint
ALTER TABLE "question" ADD CONSTRAINT "question_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_reading_owner_status_idx" ON "question" USING btree ("reading_id","owner_id","status");