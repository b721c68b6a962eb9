CREATE TABLE "class_invitation" (
	"id" text PRIMARY KEY NOT NULL,
	"class_id" text NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"token_hash" text NOT NULL,
	"invited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"send_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "class_invitation" ADD CONSTRAINT "class_invitation_class_id_class_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."class"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_invitation" ADD CONSTRAINT "class_invitation_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "class_invitation_class_email_unique" ON "class_invitation" USING btree ("class_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "class_invitation_token_unique" ON "class_invitation" USING btree ("token_hash");