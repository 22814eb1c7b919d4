import { describe, expect, it } from 'vitest';
import { seededMeasures } from '../../../electron/seed/seedPolicyMeasures';
import { clauseIds } from '../../../shared/arrangement/clauses';
import { toHans } from '../../../shared/script/convert';

/** Where the proof-read Simplified titles differ from OpenCC's hk2s output, and why. */
const proofread: Array<[string, string]> = [['资讯', '信息']]; // 資訊 is 信息 in Mainland usage

describe('the seeded policy measures', () => {
  it('cover what the arrangement names, each with a clause and a lead side', () => {
    const keys = seededMeasures.map((m) => m.key);
    for (const named of ['flowOfResources', 'crossBorderData', 'sharedInfrastructure', 'fundedProjectsPool', 'spaceAndFunding', 'topicsAndCompetition', 'talentMeasures', 'innoAcademy', 'talentHousing', 'biomedicalRnD', 'ventureCapital', 'innoExpress']) {
      expect(keys).toContain(named);
    }
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of seededMeasures) {
      expect(clauseIds).toContain(m.clause);
      expect(['2.2', '2.3.1', '2.3.2', '2.3.3']).toContain(m.clause);
      expect(m.title.en).not.toBe('');
    }
  });

  it('have Simplified titles that are the converter’s output, apart from the proof-read wording', async () => {
    for (const m of seededMeasures) {
      // Stored with the marks as typed, like the sub-groups' names; shown in the reader's script's marks (nameIn).
      let converted = await toHans(m.title.hant, { quotes: 'asWritten' });
      for (const [from, to] of proofread) converted = converted.replaceAll(from, to);
      expect(m.title.hans, m.key).toBe(converted);
    }
  });
});
