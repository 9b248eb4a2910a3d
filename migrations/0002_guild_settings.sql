CREATE TABLE "guild_settings" (
	"guild_id" text PRIMARY KEY NOT NULL,
	"manager_role_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
