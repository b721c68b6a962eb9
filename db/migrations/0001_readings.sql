CREATE TYPE "public"."reading_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "context_note" (
	"id" text PRIMARY KEY NOT NULL,
	"reading_id" text NOT NULL,
	"paragraph_id" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "glossary_term" (
	"id" text PRIMARY KEY NOT NULL,
	"reading_id" text NOT NULL,
	"term" text NOT NULL,
	"definition" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "highlight" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"reading_id" text NOT NULL,
	"sentence_id" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reading_progress" (
	"user_id" text NOT NULL,
	"reading_id" text NOT NULL,
	"last_paragraph_id" text,
	"furthest_paragraph" integer DEFAULT 0 NOT NULL,
	"sections_read" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reading_progress_user_id_reading_id_pk" PRIMARY KEY("user_id","reading_id")
);
--> statement-breakpoint
CREATE TABLE "reading" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"author" text,
	"author_note" text,
	"source" text,
	"published_on" text,
	"status" "reading_status" DEFAULT 'draft' NOT NULL,
	"created_by" text,
	"paragraphs" jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"word_count" integer NOT NULL,
	"reading_minutes" integer NOT NULL,
	"guided_mode" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "context_note" ADD CONSTRAINT "context_note_reading_id_reading_id_fk" FOREIGN KEY ("reading_id") REFERENCES "public"."reading"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_term" ADD CONSTRAINT "glossary_term_reading_id_reading_id_fk" FOREIGN KEY ("reading_id") REFERENCES "public"."reading"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "highlight" ADD CONSTRAINT "highlight_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "highlight" ADD CONSTRAINT "highlight_reading_id_reading_id_fk" FOREIGN KEY ("reading_id") REFERENCES "public"."reading"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_progress" ADD CONSTRAINT "reading_progress_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_progress" ADD CONSTRAINT "reading_progress_reading_id_reading_id_fk" FOREIGN KEY ("reading_id") REFERENCES "public"."reading"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading" ADD CONSTRAINT "reading_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "context_note_reading_idx" ON "context_note" USING btree ("reading_id");--> statement-breakpoint
CREATE INDEX "glossary_term_reading_idx" ON "glossary_term" USING btree ("reading_id");--> statement-breakpoint
CREATE UNIQUE INDEX "highlight_user_sentence_unique" ON "highlight" USING btree ("user_id","reading_id","sentence_id");--> statement-breakpoint
CREATE INDEX "highlight_user_reading_idx" ON "highlight" USING btree ("user_id","reading_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reading_slug_unique" ON "reading" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "reading_created_by_idx" ON "reading" USING btree ("created_by");