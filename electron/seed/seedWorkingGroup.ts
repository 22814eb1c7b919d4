import { seedId } from './seedIds';
import type { Fields, Store } from '../store/store';

/** The bodies of the arrangement's 第三條, as the data folder starts on first run. */
export const seededWorkingGroup: Fields<'workingGroup'> = {
  name: { hant: '「一區兩園」項目工作組', hans: '「一区两园」项目工作组', en: '"One Zone, Two Parks" Project Working Group' },
};

export const seededSubGroups: Array<Omit<Fields<'subGroups'>, 'sortOrder' | 'convenors'>> = [
  {
    code: 'SP',
    name: { hant: '「香港科學園落戶深圳」專組', hans: '「香港科学园落户深圳」专组', en: 'Sub-group on HK Science Park in Shenzhen' },
    remit:
      '跟進香港科技園公司承租及管理深圳園區部分物業空間，讓有興趣的機構和企業盡早在大灣區開展科研工作和業務（合作安排第二條（一））。',
    archivedAt: null,
  },
  {
    code: 'JP',
    name: { hant: '「聯合政策」專組', hans: '「联合政策」专组', en: 'Sub-group on Joint Policy' },
    remit: '跟進推動制度創新、創科資源便捷流動及為合作區推行創新政策的措施（合作安排第二條（二）、（三）1至3）。',
    archivedAt: null,
  },
  {
    code: 'PR',
    name: { hant: '「聯合推廣」專組', hans: '「联合推广」专组', en: 'Sub-group on Joint Promotion' },
    remit: '協調雙方宣傳推廣策略，提升合作區的國際地位，招才引智及吸引國際科創資源（合作安排第二條（三）4）。',
    archivedAt: null,
  },
];

/** Fills a new data folder with the working group and its three sub-groups. */
export async function seedWorkingGroup(store: Store): Promise<void> {
  await store.insert('workingGroup', seededWorkingGroup, seedId('workingGroup', 'working-group'));
  for (const [index, subGroup] of seededSubGroups.entries()) {
    await store.insert('subGroups', { ...subGroup, convenors: { HK: null, SZ: null }, sortOrder: index }, seedId('subGroups', subGroup.code));
  }
}
