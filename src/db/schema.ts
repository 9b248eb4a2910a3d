// Drizzle schema: every table of the bot, one file per group of tables. Migrations in ../../migrations are
// generated from the files under ./schema (drizzle.config.ts); code imports the tables from here.
export * from './schema/sde.ts';
export * from './schema/trackers.ts';
export * from './schema/killmails.ts';
export * from './schema/deliveries.ts';
export * from './schema/guilds.ts';
export * from './schema/pilots.ts';
export * from './schema/ppk.ts';
export * from './schema/pings-and-digests.ts';
export * from './schema/fights.ts';
