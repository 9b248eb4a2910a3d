import { expect, it } from 'vitest';
import { createNameRepository } from '../../src/db/name-repository.ts';
import { describeEachDatabase } from '../helpers/database.ts';

describeEachDatabase('name repository (ESI name cache)', (getDb) => {
  const names = () => createNameRepository({ db: getDb().db });

  it('returns only the cached ids, and a later put replaces a renamed entity', async () => {
    await names().put([
      { id: 1, name: 'Goonswarm Federation', category: 'alliance' },
      { id: 2, name: 'Old Name', category: 'character' },
    ]);
    await names().put([{ id: 2, name: 'New Name', category: 'character' }]);
    const found = await names().get([1, 2, 3]);
    expect([...found.entries()]).toEqual([
      [1, { name: 'Goonswarm Federation', category: 'alliance' }],
      [2, { name: 'New Name', category: 'character' }],
    ]);
  });

  it('searches one category, prefix matches first, and treats % and _ literally', async () => {
    await names().put([
      { id: 10, name: 'Test Alliance Please Ignore', category: 'alliance' },
      { id: 11, name: 'Brave Collective', category: 'alliance' },
      { id: 12, name: 'Pandemic Horde', category: 'alliance' },
      { id: 13, name: 'Brave Newbies Inc.', category: 'corporation' },
      { id: 14, name: '100%_Legit', category: 'alliance' },
    ]);
    expect((await names().search('alliance', 'bra', 10)).map((n) => n.id)).toEqual([11]);
    expect((await names().search('alliance', 'e', 2)).map((n) => n.id)).toHaveLength(2);
    expect((await names().search('alliance', '%_', 10)).map((n) => n.id)).toEqual([14]);
    expect((await names().search('alliance', 'zzz', 10)).map((n) => n.id)).toEqual([]);
  });
});
