CREATE TABLE "digest_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "digest_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tracker_id" integer NOT NULL,
	"period" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"message_id" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tracker_ping_cooldowns" (
	"tracker_id" integer PRIMARY KEY NOT NULL,
	"last_ping_at" timestamp with time zone NOT NULL,
	"delivery_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "digest_runs_tracker_period_idx" ON "digest_runs" USING btree ("tracker_id","period_end");--> statement-breakpoint
CREATE INDEX "digest_runs_status_idx" ON "digest_runs" USING btree ("status","next_attempt_at");