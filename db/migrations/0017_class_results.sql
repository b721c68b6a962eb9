CREATE TABLE "assignment_item_total" (
	"assignment_id" text NOT NULL,
	"question_id" text NOT NULL,
	"total" double precision NOT NULL,
	"answers" integer NOT NULL,
	CONSTRAINT "assignment_item_total_assignment_id_question_id_pk" PRIMARY KEY("assignment_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "assignment_result_scores" (
	"assignment_id" text NOT NULL,
	"user_id" text NOT NULL,
	"question_scores" jsonb NOT NULL,
	CONSTRAINT "assignment_result_scores_assignment_id_user_id_pk" PRIMARY KEY("assignment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "assignment_result" (
	"assignment_id" text NOT NULL,
	"user_id" text NOT NULL,
	"attempts" integer NOT NULL,
	"in_progress" boolean NOT NULL,
	"best_attempt_id" text,
	"best_counted" double precision,
	"best_late" boolean DEFAULT false NOT NULL,
	CONSTRAINT "assignment_result_assignment_id_user_id_pk" PRIMARY KEY("assignment_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "assignment_item_total" ADD CONSTRAINT "assignment_item_total_assignment_id_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_item_total" ADD CONSTRAINT "assignment_item_total_question_id_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_result_scores" ADD CONSTRAINT "assignment_result_scores_assignment_id_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_result_scores" ADD CONSTRAINT "assignment_result_scores_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_result" ADD CONSTRAINT "assignment_result_assignment_id_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_result" ADD CONSTRAINT "assignment_result_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_result" ADD CONSTRAINT "assignment_result_best_attempt_id_attempt_id_fk" FOREIGN KEY ("best_attempt_id") REFERENCES "public"."attempt"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Backfill from the attempts already stored: the rebuild of db/queries/assignment-results.ts as it stood when these tables were added.
CREATE TEMPORARY TABLE "fresh_result" AS
WITH standing AS (
	SELECT a.assignment_id, a.user_id,
		count(*)::int AS attempts,
		bool_or(a.status = 'in-progress') AS in_progress,
		(array_agg(a.id ORDER BY c.counted DESC, a.number) FILTER (WHERE a.status = 'submitted'))[1] AS best_attempt_id,
		max(c.counted) FILTER (WHERE a.status = 'submitted') AS best_counted,
		coalesce((array_agg(a.late ORDER BY c.counted DESC, a.number) FILTER (WHERE a.status = 'submitted'))[1], false) AS best_late
	FROM "attempt" a
	JOIN "assignment" g ON g.id = a.assignment_id
	CROSS JOIN LATERAL (
		SELECT CASE WHEN a.late AND g.late_policy->>'kind' = 'penalty'
			THEN greatest(0, coalesce(a.score::text::float8, 0) * (1 - (g.late_policy->>'percent')::float8 / 100))
			ELSE coalesce(a.score::text::float8, 0) END AS counted
	) c
	GROUP BY a.assignment_id, a.user_id
)
SELECT s.*, coalesce((
		SELECT jsonb_object_agg(r.question_id, coalesce(r.override_score::text::float8, (r.grade->>'score')::float8, 0))
		FROM "attempt_response" r
		WHERE r.attempt_id = s.best_attempt_id AND r.grade IS NOT NULL
	), '{}'::jsonb) AS question_scores
FROM standing s;--> statement-breakpoint
INSERT INTO "assignment_result" (assignment_id, user_id, attempts, in_progress, best_attempt_id, best_counted, best_late)
SELECT assignment_id, user_id, attempts, in_progress, best_attempt_id, best_counted, best_late FROM "fresh_result";--> statement-breakpoint
INSERT INTO "assignment_result_scores" (assignment_id, user_id, question_scores)
SELECT assignment_id, user_id, question_scores FROM "fresh_result";--> statement-breakpoint
INSERT INTO "assignment_item_total" (assignment_id, question_id, total, answers)
SELECT r.assignment_id, e.key, sum(e.value::float8), count(*)::int
FROM "assignment_result_scores" r, jsonb_each_text(r.question_scores) e
GROUP BY r.assignment_id, e.key;--> statement-breakpoint
DROP TABLE "fresh_result";
