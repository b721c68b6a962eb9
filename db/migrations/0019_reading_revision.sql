ALTER TABLE "reading" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every change to a reading moves its revision, whoever makes it and however.
CREATE FUNCTION "reading_revision_next"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.revision := OLD.revision + 1;
	RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "reading_revision_next" BEFORE UPDATE ON "reading"
	FOR EACH ROW EXECUTE FUNCTION "reading_revision_next"();--> statement-breakpoint
-- So does every change to what the reading's page shows beside its text: the reading (or both, when a
-- row moves between readings) is touched, and the trigger above moves its revision.
CREATE FUNCTION "reading_revision_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		UPDATE "reading" SET "revision" = "revision" WHERE "id" = OLD.reading_id;
	END IF;
	IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.reading_id IS DISTINCT FROM OLD.reading_id) THEN
		UPDATE "reading" SET "revision" = "revision" WHERE "id" = NEW.reading_id;
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "glossary_term_reading_revision" AFTER INSERT OR UPDATE OR DELETE ON "glossary_term"
	FOR EACH ROW EXECUTE FUNCTION "reading_revision_touch"();--> statement-breakpoint
CREATE TRIGGER "context_note_reading_revision" AFTER INSERT OR UPDATE OR DELETE ON "context_note"
	FOR EACH ROW EXECUTE FUNCTION "reading_revision_touch"();--> statement-breakpoint
CREATE TRIGGER "question_reading_revision" AFTER INSERT OR UPDATE OR DELETE ON "question"
	FOR EACH ROW EXECUTE FUNCTION "reading_revision_touch"();--> statement-breakpoint
CREATE TRIGGER "quiz_reading_revision" AFTER INSERT OR UPDATE OR DELETE ON "quiz"
	FOR EACH ROW EXECUTE FUNCTION "reading_revision_touch"();
