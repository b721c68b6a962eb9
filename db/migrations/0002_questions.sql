CREATE TYPE "public"."question_status" AS ENUM('draft', 'approved', 'retired');--> statement-breakpoint
CREATE TABLE "guided_answer" (
	"user_id" text NOT NULL,
	"question_id" text NOT NULL,
	"reading_id" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"best_score" real DEFAULT 0 NOT NULL,
	"last_score" real DEFAULT 0 NOT NULL,
	"last_response" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guided_answer_user_id_question_id_pk" PRIMARY KEY("user_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "question" (
	"id" text PRIMARY KEY NOT NULL,
	"reading_id" text NOT NULL,
	"type" text NOT NULL,
	"skill" text NOT NULL,
	"source" text NOT NULL,
	"status" "question_status" DEFAULT 'draft' NOT NULL,
	"data" jsonb NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "guided_answer" ADD CONSTRAINT "guided_answer_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guided_answer" ADD CONSTRAINT "guided_answer_question_id_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guided_answer" ADD CONSTRAINT "guided_answer_reading_id_reading_id_fk" FOREIGN KEY ("reading_id") REFERENCES "public"."reading"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question" ADD CONSTRAINT "question_reading_id_reading_id_fk" FOREIGN KEY ("reading_id") REFERENCES "public"."reading"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question" ADD CONSTRAINT "question_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guided_answer_user_reading_idx" ON "guided_answer" USING btree ("user_id","reading_id");--> statement-breakpoint
CREATE INDEX "question_reading_status_idx" ON "question" USING btree ("reading_id","status");