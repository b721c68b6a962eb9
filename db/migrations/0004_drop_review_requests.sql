ALTER TABLE "review_request" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "review_request" CASCADE;--> statement-breakpoint
DROP INDEX "glossary_term_reading_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "glossary_term_reading_term_unique" ON "glossary_term" USING btree ("reading_id","term");