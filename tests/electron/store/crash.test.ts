import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crashTheStore } from '../../support/storeCrash';

const KILLS = 32;

describe('a writer killed at random moments', () => {
  it(`loses no acknowledged write over ${KILLS} kills`, { timeout: 120_000 }, async () => {
    const report = await crashTheStore(KILLS);
    expect(report.kills).toBe(KILLS);
    expect(report.surprises).toEqual([]);
    expect(report.acks).toBeGreaterThan(KILLS * 5);
    expect(report.leftovers).toEqual([]);
    expect(report.lostAcks).toEqual([]);
  });

  it(`in an encrypted folder, loses no acknowledged write over ${KILLS / 2} kills and leaves nothing in plain form`, { timeout: 120_000 }, async () => {
    const report = await crashTheStore(KILLS / 2, 0x5e41ed, randomBytes(32));
    expect(report.kills).toBe(KILLS / 2);
    expect(report.surprises).toEqual([]);
    expect(report.acks).toBeGreaterThan(KILLS * 2);
    expect(report.plainText).toEqual([]);
    expect(report.lostAcks).toEqual([]);
  });
});
