/**
 * A large, realistic data folder for benchmarks: four sub-groups, 20,000 actions carrying 100,000
 * progress entries, 2,000 contacts, in Traditional (Hong Kong side) and Simplified (Shenzhen side)
 * Chinese. Deterministic for a given seed. Shard files are built directly in the store's on-disk
 * layout, because 20,000 awaited inserts would take minutes and measure nothing.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { seededSubGroups, seededWorkingGroup } from '../../../electron/seed/seedWorkingGroup';
import { shardCounts, shardOf, shardRelativePath } from '../../../electron/store/layout';
import { shardFileOf } from '../../../electron/store/shardFile';
import { collectionNames, SCHEMA_VERSION, type CollectionName, type RecordOf } from '../../../shared/model/dataset';
import type { ActionStatus } from '../../../shared/model/action';

export interface DatasetSize {
  subGroups: number;
  actions: number;
  progressEntries: number;
  contacts: number;
}

export const largeDatasetSize: DatasetSize = { subGroups: 4, actions: 20_000, progressEntries: 100_000, contacts: 2_000 };

export interface GeneratedDataset {
  size: DatasetSize;
  bytes: number;
  /** Some action ids, for benchmarks that edit. */
  actionIds: string[];
  contactIds: string[];
}

/** mulberry32: small, fast and the same on every platform. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pair = readonly [hant: string, hans: string];
type Script = 0 | 1;

class Text {
  constructor(readonly random: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  say(items: readonly Pair[], script: Script): string {
    return this.pick(items)[script];
  }

  /** A version-4 UUID from the generator, so ids are stable run to run. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[Math.floor(this.random() * 4)]!;
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

const surnames: Pair[] = [
  ['陳', '陈'], ['李', '李'], ['張', '张'], ['黃', '黄'], ['劉', '刘'], ['林', '林'], ['王', '王'], ['吳', '吴'],
  ['鄭', '郑'], ['梁', '梁'], ['何', '何'], ['周', '周'], ['趙', '赵'], ['馮', '冯'], ['謝', '谢'], ['楊', '杨'],
  ['蔡', '蔡'], ['鄧', '邓'], ['許', '许'], ['羅', '罗'], ['葉', '叶'], ['蘇', '苏'], ['盧', '卢'], ['鍾', '钟'],
];
const givenNames: Pair[] = [
  ['志明', '志明'], ['嘉欣', '嘉欣'], ['家豪', '家豪'], ['詠詩', '咏诗'], ['偉強', '伟强'], ['曉東', '晓东'],
  ['美玲', '美玲'], ['國華', '国华'], ['建軍', '建军'], ['麗娟', '丽娟'], ['俊傑', '俊杰'], ['海濤', '海涛'],
  ['婉婷', '婉婷'], ['子聰', '子聪'], ['文輝', '文辉'], ['靜怡', '静怡'], ['振華', '振华'], ['穎欣', '颖欣'],
  ['啟明', '启明'], ['慧敏', '慧敏'], ['德威', '德威'], ['雅雯', '雅雯'], ['鴻飛', '鸿飞'], ['樂怡', '乐怡'],
];
const posts: Pair[] = [
  ['首席助理秘書長', '首席助理秘书长'], ['助理秘書長', '助理秘书长'], ['高級經理', '高级经理'], ['處長', '处长'],
  ['副處長', '副处长'], ['科長', '科长'], ['項目經理', '项目经理'], ['主任', '主任'], ['副主任', '副主任'],
  ['高級行政主任', '高级行政主任'], ['一級調研員', '一级调研员'], ['二級主任科員', '二级主任科员'],
];
const hkOrganisations: Pair[] = [
  ['創新科技及工業局', '创新科技及工业局'], ['香港科技園公司', '香港科技园公司'], ['創新科技署', '创新科技署'],
  ['政制及內地事務局', '政制及内地事务局'], ['入境事務處', '入境事务处'], ['香港海關', '香港海关'],
  ['商務及經濟發展局', '商务及经济发展局'], ['投資推廣署', '投资推广署'], ['發展局', '发展局'],
];
const szOrganisations: Pair[] = [
  ['深圳市科技創新局', '深圳市科技创新局'], ['福田區人民政府', '福田区人民政府'],
  ['深港科技創新合作區深圳園區發展署', '深港科技创新合作区深圳园区发展署'], ['深圳市發展和改革委員會', '深圳市发展和改革委员会'],
  ['深圳海關', '深圳海关'], ['深圳市市場監督管理局', '深圳市市场监督管理局'], ['深圳市商務局', '深圳市商务局'],
  ['深圳市人力資源和社會保障局', '深圳市人力资源和社会保障局'],
];
const verbs: Pair[] = [
  ['推進', '推进'], ['跟進', '跟进'], ['研究', '研究'], ['落實', '落实'], ['協調', '协调'], ['籌備', '筹备'],
  ['制定', '制定'], ['完善', '完善'], ['審議', '审议'], ['優化', '优化'], ['評估', '评估'], ['擬訂', '拟订'],
];
const subjects: Pair[] = [
  ['科研設備跨境通關便利措施', '科研设备跨境通关便利措施'], ['深圳園區物業租賃安排', '深圳园区物业租赁安排'],
  ['人類遺傳資源跨境使用試點', '人类遗传资源跨境使用试点'], ['科研人員出入境便利政策', '科研人员出入境便利政策'],
  ['跨境數據流動安全評估機制', '跨境数据流动安全评估机制'], ['聯合招商推介會', '联合招商推介会'],
  ['國際創科論壇', '国际创科论坛'], ['園區宣傳短片製作', '园区宣传短片制作'], ['生物樣本跨境運輸', '生物样本跨境运输'],
  ['科研資金跨境撥付', '科研资金跨境拨付'], ['港澳青年創業支援計劃', '港澳青年创业支援计划'],
  ['河套合作區發展規劃', '河套合作区发展规划'], ['實驗室准入及安全標準', '实验室准入及安全标准'],
  ['知識產權保護合作', '知识产权保护合作'], ['人才公寓配套服務', '人才公寓配套服务'], ['跨境專線巴士服務', '跨境专线巴士服务'],
  ['醫療器械註冊審批', '医疗器械注册审批'], ['國際學術會議籌辦', '国际学术会议筹办'], ['海外科創機構引進', '海外科创机构引进'],
  ['創科企業稅務優惠', '创科企业税务优惠'], ['網絡專線接駁', '网络专线接驳'], ['園區一站式服務中心', '园区一站式服务中心'],
];
const documents: Pair[] = [
  ['工作方案', '工作方案'], ['可行性研究報告', '可行性研究报告'], ['諮詢文件', '咨询文件'], ['實施細則', '实施细则'],
  ['進度報告', '进度报告'], ['合作備忘錄草稿', '合作备忘录草稿'], ['預算建議', '预算建议'],
];
const months = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
/** Clause ids of the arrangement, e.g. 2.1 for 第二條（一）. */
const clauses = ['1', '2.1', '2.2', '2.3.1', '2.3.2', '2.3.3', '2.3.4', '3', '4', '5'] as RecordOf<'actions'>['clauses'];

const extraSubGroup = {
  code: 'TE',
  name: { hant: '「人才交流」專組', hans: '「人才交流」专组', en: 'Sub-group on Talent Exchange' },
  remit: '跟進兩地科研人才交流、聯合培養及人才公寓配套等事宜。',
  archivedAt: null,
};

function description(t: Text, s: Script): string {
  const subject = t.say(subjects, s);
  const doc = t.say(documents, s);
  const org = t.say(s === 0 ? hkOrganisations : szOrganisations, s);
  const month = t.pick(months);
  return s === 0
    ? `為配合${subject}，雙方同意由${org}牽頭${t.say(verbs, 0)}相關安排，並於${month}底前提交${doc}，供工作組審閱。如涉及跨境事宜，須先徵詢深方意見。`
    : `为配合${subject}，双方同意由${org}牵头${t.say(verbs, 1)}相关安排，并于${month}底前提交${doc}，供工作组审阅。如涉及跨境事宜，须先征询港方意见。`;
}

function progressNote(t: Text, s: Script): string {
  const subject = t.say(subjects, s);
  const org = t.say(s === 0 ? szOrganisations : hkOrganisations, s);
  const doc = t.say(documents, s);
  const templates: Array<readonly [string, string]> = [
    [`已與${org}召開工作會議，就${subject}交換意見，對方原則上同意。`, `已与${org}召开工作会议，就${subject}交换意见，对方原则上同意。`],
    [`${doc}初稿已完成，正內部傳閱，預計下周提交。`, `${doc}初稿已完成，正内部传阅，预计下周提交。`],
    [`${org}回覆需時研究，已去信跟進。`, `${org}回复需时研究，已去函跟进。`],
    [`現場視察完成，${subject}的細節尚待雙方確認。`, `现场视察完成，${subject}的细节尚待双方确认。`],
    [`延期：待${org}提供補充資料。`, `延期：待${org}提供补充资料。`],
  ];
  return t.pick(templates)[s];
}

/** Writes the dataset into `dataDir` (which should be empty) in the store's shard layout. */
export async function generateLargeDataset(dataDir: string, seed = 20261124, size = largeDatasetSize): Promise<GeneratedDataset> {
  const t = new Text(prng(seed));
  const base = Date.UTC(2024, 0, 1);
  const instant = (dayOffset: number): string => new Date(base + dayOffset * 86_400_000 + t.int(0, 86_399_999)).toISOString();
  const stamps = (day: number, revision = 1) => ({
    createdAt: instant(day),
    updatedAt: instant(day + t.int(0, 30)),
    deletedAt: t.random() < 0.01 ? instant(day + 31) : null,
    revision,
  });

  // Collections left out here start empty, as on a fresh data folder.
  const records: { [C in CollectionName]?: RecordOf<C>[] } & Pick<{ [C in CollectionName]: RecordOf<C>[] }, 'subGroups' | 'contacts' | 'actions'> = {
    settings: [{ id: t.uuid(), ...stamps(0), deletedAt: null, language: 'zh-Hant' }],
    workingGroup: [{ id: t.uuid(), ...stamps(0), deletedAt: null, ...seededWorkingGroup }],
    subGroups: [],
    contacts: [],
    actions: [],
  };
  const groups = [...seededSubGroups, extraSubGroup].slice(0, size.subGroups);
  for (const [sortOrder, group] of groups.entries()) {
    records.subGroups.push({ id: t.uuid(), ...stamps(0), deletedAt: null, convenors: { HK: null, SZ: null }, ...group, sortOrder });
  }
  const subGroupIds = records.subGroups.map((g) => g.id);

  const bySide: Record<'HK' | 'SZ', string[]> = { HK: [], SZ: [] };
  for (let i = 0; i < size.contacts; i++) {
    const side = i % 2 === 0 ? 'HK' : 'SZ';
    const s: Script = side === 'HK' ? 0 : 1;
    const surname = t.pick(surnames);
    const given = t.pick(givenNames);
    const id = t.uuid();
    bySide[side].push(id);
    records.contacts.push({
      id,
      ...stamps(t.int(0, 700), t.int(1, 4)),
      name: surname[s] + given[s],
      title: t.say(posts, s),
      organisation: t.say(side === 'HK' ? hkOrganisations : szOrganisations, s),
      side,
      email: side === 'HK' ? `officer${i}@itib.gov.hk` : `officer${i}@sz.gov.cn`,
      phone: side === 'HK' ? `+852 ${t.int(2000, 3999)} ${t.int(1000, 9999)}` : `+86 755 ${t.int(2000, 8999)} ${t.int(1000, 9999)}`,
      memberships: [{ subGroupId: t.pick(subGroupIds), role: t.random() < 0.05 ? 'convenor' : 'member' }],
    });
  }

  // Five entries an action on average, shuffled so that some have none and some have many.
  const progressCounts = Array.from({ length: size.actions }, (_, i) =>
    Math.floor(((i + 1) * size.progressEntries) / size.actions) - Math.floor((i * size.progressEntries) / size.actions),
  );
  for (let moves = 0; moves < size.actions * 2; moves++) {
    const from = t.int(0, size.actions - 1);
    const to = t.int(0, size.actions - 1);
    if (progressCounts[from]! > 0 && progressCounts[to]! < 15) {
      progressCounts[from]!--;
      progressCounts[to]!++;
    }
  }

  const szContacts = new Set(bySide.SZ);
  const statuses: ActionStatus[] = ['notStarted', 'inProgress', 'inProgress', 'blocked', 'done', 'dropped'];
  const sequence = new Map<string, number>();
  for (let i = 0; i < size.actions; i++) {
    const groupIndex = t.int(0, groups.length - 1);
    const group = groups[groupIndex]!;
    const ownerSide = t.pick(['HK', 'SZ', 'joint'] as const);
    const s: Script = ownerSide === 'SZ' ? 1 : 0;
    const year = 2024 + t.int(0, 2);
    const seq = (sequence.get(`${group.code}${year}`) ?? 0) + 1;
    sequence.set(`${group.code}${year}`, seq);
    const day = t.int(0, 900);
    const leadSides = ownerSide === 'joint' ? (['HK', 'SZ'] as const) : ([ownerSide] as const);
    let status = t.pick(statuses);
    const progress = Array.from({ length: progressCounts[i]! }, (_, p) => {
      const from = status;
      const changes = t.random() < 0.2;
      if (changes) status = t.pick(statuses);
      const by = t.random() < 0.9 ? t.pick(bySide[t.random() < 0.5 ? 'HK' : 'SZ']) : null;
      return {
        id: t.uuid(),
        at: instant(day + p * 7),
        byContactId: by,
        note: progressNote(t, by && szContacts.has(by) ? 1 : s),
        statusChange: changes ? { from, to: status } : null,
      };
    });
    records.actions.push({
      id: t.uuid(),
      ...stamps(day, 1 + progress.length),
      subGroupId: subGroupIds[groupIndex]!,
      reference: `${group.code}-${year}-${String(seq).padStart(3, '0')}`,
      title: `${t.say(verbs, s)}${t.say(subjects, s)}`,
      description: description(t, s),
      ownerSide,
      leads: leadSides.map((side) => ({ side, contactId: t.pick(bySide[side]), status: t.pick(statuses) })),
      officerIds: Array.from({ length: t.int(0, 3) }, () => t.pick(bySide[t.random() < 0.5 ? 'HK' : 'SZ'])),
      dueDate: t.random() < 0.8 ? new Date(base + (day + t.int(14, 200)) * 86_400_000).toISOString().slice(0, 10) : null,
      priority: t.pick(['high', 'normal', 'normal', 'low'] as const),
      status,
      clauses: Array.from({ length: t.int(0, 2) }, () => t.pick(clauses)),
      meetingId: t.random() < 0.3 ? t.uuid() : null,
      agendaItemId: null,
      progress,
    });
  }

  let bytes = 0;
  for (const collection of collectionNames) {
    const shards = Array.from({ length: shardCounts[collection] }, () => ({}) as Record<string, unknown>);
    for (const record of records[collection] ?? []) shards[shardOf(record.id, shards.length)]![record.id] = record;
    for (const [index, shard] of shards.entries()) {
      const file = path.join(dataDir, shardRelativePath(collection, index));
      const text = JSON.stringify(shardFileOf(collection, SCHEMA_VERSION, shard));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
      bytes += Buffer.byteLength(text);
    }
  }
  return {
    size,
    bytes,
    actionIds: records.actions.map((a) => a.id),
    contactIds: records.contacts.map((c) => c.id),
  };
}
