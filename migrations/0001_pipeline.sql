CREATE TABLE "deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"guild_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"killmail_id" bigint NOT NULL,
	"matches" jsonb NOT NULL,
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
CREATE TABLE "entity_names" (
	"id" bigint PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ingest_cursor" (
	"id" integer PRIMARY KEY NOT NULL,
	"sequence" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "killmails" (
	"id" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"kill_time" timestamp with time zone NOT NULL,
	"solar_system_id" integer NOT NULL,
	"sequence" bigint,
	"document" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trackers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "trackers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"guild_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"disabled_reason" text,
	"revision" bigint NOT NULL,
	"last_match_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trackers_revision" (
	"id" integer PRIMARY KEY NOT NULL,
	"revision" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_channel_killmail_idx" ON "deliveries" USING btree ("channel_id","killmail_id");--> statement-breakpoint
CREATE INDEX "deliveries_pending_idx" ON "deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "deliveries_channel_idx" ON "deliveries" USING btree ("channel_id","id");--> statement-breakpoint
CREATE INDEX "entity_names_category_lower_name_idx" ON "entity_names" USING btree ("category",lower("name"));--> statement-breakpoint
CREATE INDEX "killmails_kill_time_idx" ON "killmails" USING btree ("kill_time");--> statement-breakpoint
CREATE INDEX "killmails_received_at_idx" ON "killmails" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "trackers_guild_name_idx" ON "trackers" USING btree ("guild_id",lower("name"));--> statement-breakpoint
CREATE INDEX "trackers_channel_idx" ON "trackers" USING btree ("channel_id");