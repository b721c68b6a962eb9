CREATE TABLE "assignment_result_skill" (
	"assignment_id" text NOT NULL,
	"user_id" text NOT NULL,
	"skill" text NOT NULL,
	"total" double precision NOT NULL,
	"answers" integer NOT NULL,
	CONSTRAINT "assignment_result_skill_assignment_id_user_id_skill_pk" PRIMARY KEY("assignment_id","user_id","skill")
);
--> statement-breakpoint
ALTER TABLE "assignment_result_skill" ADD CONSTRAINT "assignment_result_skill_assignment_id_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_result_skill" ADD CONSTRAINT "assignment_result_skill_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_result_skill_user_idx" ON "assignment_result_skill" USING btree ("user_id","assignment_id");--> statement-breakpoint
CREATE INDEX "assignment_result_scores_user_idx" ON "assignment_result_scores" USING btree ("user_id","assignment_id");--> statement-breakpoint
CREATE INDEX "assignment_result_user_idx" ON "assignment_result" USING btree ("user_id","assignment_id");--> statement-breakpoint
-- The one definition of the skill sums of a standing: its counted answers (assignment_result_scores.question_scores) by each question's skill as tagged now. Refreshes, rebuilds and the retag trigger all read it.
CREATE FUNCTION "assignment_result_skills_of"(scores jsonb) RETURNS TABLE (skill text, total double precision, answers integer)
LANGUAGE sql STABLE AS $$
	SELECT q.skill, sum(e.value::float8), count(*)::int
	FROM jsonb_each_text(scores) e JOIN "question" q ON q.id = e.key
	GROUP BY q.skill
$$;--> statement-breakpoint
INSERT INTO "assignment_result_skill" (assignment_id, user_id, skill, total, answers)
SELECT s.assignment_id, s.user_id, k.skill, k.total, k.answers
FROM "assignment_result_scores" s, assignment_result_skills_of(s.question_scores) k;--> statement-breakpoint
-- A question retagged with another skill moves its score in every standing that counts it.
CREATE FUNCTION "assignment_result_skill_retag"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM "assignment_result_skill" k USING "assignment_result_scores" s
		WHERE k.assignment_id = s.assignment_id AND k.user_id = s.user_id AND s.question_scores ? NEW.id;
	INSERT INTO "assignment_result_skill" (assignment_id, user_id, skill, total, answers)
		SELECT s.assignment_id, s.user_id, k.skill, k.total, k.answers
		FROM "assignment_result_scores" s, assignment_result_skills_of(s.question_scores) k
		WHERE s.question_scores ? NEW.id;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "question_skill_retag" AFTER UPDATE OF "skill" ON "question"
	FOR EACH ROW WHEN (OLD.skill IS DISTINCT FROM NEW.skill) EXECUTE FUNCTION "assignment_result_skill_retag"();
