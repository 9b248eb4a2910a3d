CREATE TABLE "ppk_audit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ppk_audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"guild_id" text NOT NULL,
	"killmail_id" bigint,
	"actor_user_id" text NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"detail" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ppk_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ppk_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"guild_id" text NOT NULL,
	"killmail_id" bigint NOT NULL,
	"character_id" bigint NOT NULL,
	"type" text NOT NULL,
	"user_id" text,
	"corporation_id" bigint,
	"source" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"booked_at" timestamp with time zone NOT NULL,
	"payout_id" integer,
	"paid_shares" integer,
	"paid_isk" bigint,
	"paid_status" text
);
--> statement-breakpoint
CREATE TABLE "ppk_kills" (
	"guild_id" text NOT NULL,
	"killmail_id" bigint NOT NULL,
	"hash" text NOT NULL,
	"killmail_time" timestamp with time zone NOT NULL,
	"solar_system_id" integer NOT NULL,
	"victim" jsonb NOT NULL,
	"attackers" jsonb NOT NULL,
	"zkb_value" double precision,
	"npc" boolean DEFAULT false NOT NULL,
	"awox" boolean DEFAULT false NOT NULL,
	"value_override" double precision,
	"excluded_reason" text,
	"excluded_by" text,
	"excluded_at" timestamp with time zone,
	"channel_id" text NOT NULL,
	"message_id" text,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ppk_kills_guild_id_killmail_id_pk" PRIMARY KEY("guild_id","killmail_id")
);
--> statement-breakpoint
CREATE TABLE "ppk_payouts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ppk_payouts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"guild_id" text NOT NULL,
	"period" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"paid_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ppk_settings" (
	"guild_id" text PRIMARY KEY NOT NULL,
	"shares" jsonb NOT NULL,
	"pool_kind" text DEFAULT 'percent' NOT NULL,
	"percent" double precision DEFAULT 10 NOT NULL,
	"cap_isk" bigint,
	"isk_per_share" bigint,
	"claim_window_days" integer DEFAULT 7 NOT NULL,
	"manager_role_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ppk_audit_guild_kill_idx" ON "ppk_audit" USING btree ("guild_id","killmail_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ppk_events_unique_idx" ON "ppk_events" USING btree ("guild_id","killmail_id","character_id","type");--> statement-breakpoint
CREATE INDEX "ppk_events_guild_booked_idx" ON "ppk_events" USING btree ("guild_id","booked_at");--> statement-breakpoint
CREATE INDEX "ppk_kills_guild_time_idx" ON "ppk_kills" USING btree ("guild_id","killmail_time");--> statement-breakpoint
CREATE UNIQUE INDEX "ppk_payouts_guild_period_idx" ON "ppk_payouts" USING btree ("guild_id","period");