// Discord-shaped ids for the fake: increasing, unique within the test process.
const DISCORD_EPOCH = 1_420_070_400_000n;
let sequence = 0n;

export function nextSnowflake(): string {
  sequence = (sequence + 1n) & 0xfffn;
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | sequence);
}

/** A fresh id whose guild Discord serves on `shard` of `shardCount`: `(id >> 22) % shardCount === shard`. */
export function snowflakeOnShard(shard: number, shardCount: number): string {
  const id = BigInt(nextSnowflake());
  const count = BigInt(shardCount);
  const offset = (BigInt(shard) - ((id >> 22n) % count) + count) % count;
  return String(id + (offset << 22n));
}
