CREATE TABLE "character_links" (
	"guild_id" text NOT NULL,
	"character_id" bigint NOT NULL,
	"role_ids" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "character_links_guild_id_character_id_pk" PRIMARY KEY("guild_id","character_id")
);
