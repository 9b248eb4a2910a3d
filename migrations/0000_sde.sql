CREATE TABLE "sde_categories" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"published" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sde_constellations" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sde_groups" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category_id" integer NOT NULL,
	"published" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sde_import" (
	"id" integer PRIMARY KEY NOT NULL,
	"build_number" integer NOT NULL,
	"release_date" text,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sde_regions" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sde_stargates" (
	"from_system_id" integer NOT NULL,
	"to_system_id" integer NOT NULL,
	CONSTRAINT "sde_stargates_from_system_id_to_system_id_pk" PRIMARY KEY("from_system_id","to_system_id")
);
--> statement-breakpoint
CREATE TABLE "sde_systems" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"constellation_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"security" double precision NOT NULL,
	"x" double precision NOT NULL,
	"y" double precision NOT NULL,
	"z" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sde_types" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"group_id" integer NOT NULL,
	"published" boolean NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sde_systems_lower_name_idx" ON "sde_systems" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "sde_types_lower_name_idx" ON "sde_types" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "sde_types_group_idx" ON "sde_types" USING btree ("group_id");