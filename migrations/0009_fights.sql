CREATE TABLE "fight_kills" (
	"fight_id" bigint NOT NULL,
	"killmail_id" bigint NOT NULL,
	"kill_time" timestamp with time zone NOT NULL,
	"solar_system_id" integer NOT NULL,
	CONSTRAINT "fight_kills_fight_id_killmail_id_pk" PRIMARY KEY("fight_id","killmail_id")
);
--> statement-breakpoint
CREATE TABLE "fights" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fights_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tracker_id" integer NOT NULL,
	"guild_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"first_kill_at" timestamp with time zone NOT NULL,
	"last_kill_at" timestamp with time zone NOT NULL,
	"system_ids" jsonb NOT NULL,
	"last_joined_at" timestamp with time zone NOT NULL,
	"report_opened" boolean DEFAULT false NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "fight_kills_killmail_idx" ON "fight_kills" USING btree ("killmail_id");--> statement-breakpoint
CREATE INDEX "fights_tracker_open_idx" ON "fights" USING btree ("tracker_id","closed_at");--> statement-breakpoint
CREATE INDEX "fights_open_joined_idx" ON "fights" USING btree ("closed_at","last_joined_at");