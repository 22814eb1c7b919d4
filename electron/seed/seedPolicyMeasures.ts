import { seedId } from './seedIds';
import type { OwnerSide } from '../../shared/model/action';
import type { ClauseId } from '../../shared/arrangement/clauses';
import type { Fields, Store } from '../store/store';

/** The day the arrangement was signed: the seeded measures have been under study since. */
export const ARRANGEMENT_SIGNED = '2021-09-06';
/** When the seeded measures entered the study stage: the same on every installation (not the time of seeding), so they agree when exchanged. */
export const SEEDED_STAGE_AT = new Date(`${ARRANGEMENT_SIGNED}T00:00:00+08:00`).toISOString();

interface SeedMeasure {
  key: string;
  clause: ClauseId;
  leadSide: OwnerSide;
  title: { hant: string; hans: string; en: string };
}

/**
 * The measures the arrangement names (第二條（二）、（三）1–3), in its order. The Simplified titles
 * were produced with the app's own converter (OpenCC hk2s) and proof-read: 資訊 is 信息 in Mainland
 * usage; 「」 is kept as in the sub-groups' seeded names.
 */
export const seededMeasures: readonly SeedMeasure[] = [
  {
    key: 'flowOfResources',
    clause: '2.2',
    leadSide: 'joint',
    title: {
      hant: '推動人才、資金、物資及數據等創科資源有效流動',
      hans: '推动人才、资金、物资及数据等创科资源有效流动',
      en: 'Effective flow of talent, capital, materials, data and other I&T resources',
    },
  },
  {
    key: 'researcherTravel',
    clause: '2.2',
    leadSide: 'joint',
    title: {
      hant: '便利港深兩地科研人員和科技企業僱員往來',
      hans: '便利港深两地科研人员和科技企业雇员往来',
      en: 'Easier travel between Hong Kong and Shenzhen for researchers and employees of technology enterprises',
    },
  },
  {
    key: 'investmentInZone',
    clause: '2.2',
    leadSide: 'joint',
    title: {
      hant: '鼓勵兩地科研企業於合作區投資',
      hans: '鼓励两地科研企业于合作区投资',
      en: 'Encouraging research enterprises of both places to invest in the Cooperation Zone',
    },
  },
  {
    key: 'sharedInfrastructure',
    clause: '2.2',
    leadSide: 'joint',
    title: {
      hant: '促進科研基礎設施、科研儀器和設備開放共享',
      hans: '促进科研基础设施、科研仪器和设备开放共享',
      en: 'Open sharing of research infrastructure, instruments and equipment',
    },
  },
  {
    key: 'crossBorderData',
    clause: '2.2',
    leadSide: 'joint',
    title: {
      hant: '研究數據資源跨境互通和協同應用',
      hans: '研究数据资源跨境互通和协同应用',
      en: 'Cross-border flow and joint use of data resources',
    },
  },
  {
    key: 'fundedProjectsPool',
    clause: '2.3.1',
    leadSide: 'joint',
    title: {
      hant: '建立港深聯合資助項目庫，分享項目資訊',
      hans: '建立港深联合资助项目库，分享项目信息',
      en: 'A Hong Kong–Shenzhen joint funded-projects pool sharing project information',
    },
  },
  {
    key: 'spaceAndFunding',
    clause: '2.3.1',
    leadSide: 'SZ',
    title: {
      hant: '為已獲香港資助的科研項目及人員提供深圳園區科研空間和資金支持',
      hans: '为已获香港资助的科研项目及人员提供深圳园区科研空间和资金支持',
      en: 'Research space and funding in the Shenzhen Park for Hong Kong-funded projects and researchers',
    },
  },
  {
    key: 'topicsAndCompetition',
    clause: '2.3.1',
    leadSide: 'joint',
    title: {
      hant: '研究合作開展「選題徵集」制、「團隊揭榜」制等科研管理創新機制',
      hans: '研究合作开展「选题征集」制、「团队揭榜」制等科研管理创新机制',
      en: '"Call for topics" and "open competition" mechanisms for managing research',
    },
  },
  {
    key: 'talentMeasures',
    clause: '2.3.2',
    leadSide: 'joint',
    title: {
      hant: '制定鼓勵科研及相關人才進駐合作區的措施，研究為特定界別或學歷人才制定更有力的吸引措施',
      hans: '制定鼓励科研及相关人才进驻合作区的措施，研究为特定界别或学历人才制定更有力的吸引措施',
      en: 'Measures to attract research and related talent to the Cooperation Zone, with stronger ones for particular sectors or qualifications',
    },
  },
  {
    key: 'innoAcademy',
    clause: '2.3.2',
    leadSide: 'HK',
    title: {
      hant: '成立「大灣區創科飛躍學院 InnoAcademy」',
      hans: '成立「大湾区创科飞跃学院 InnoAcademy」',
      en: 'Setting up the InnoAcademy through HKSTP',
    },
  },
  {
    key: 'talentHousing',
    clause: '2.3.2',
    leadSide: 'SZ',
    title: {
      hant: '在深圳園區或園區附近提供人才住房',
      hans: '在深圳园区或园区附近提供人才住房',
      en: 'Talent housing in or near the Shenzhen Park',
    },
  },
  {
    key: 'accommodationSupport',
    clause: '2.3.2',
    leadSide: 'HK',
    title: {
      hant: '因應合作區人才的需求提供住宿支援',
      hans: '因应合作区人才的需求提供住宿支援',
      en: "Accommodation support for the Cooperation Zone's talent",
    },
  },
  {
    key: 'biomedicalRnD',
    clause: '2.3.3',
    leadSide: 'joint',
    title: {
      hant: '深化生物醫藥範疇（含診斷、藥品、醫療器械及先進治療等領域）協同研發及合作',
      hans: '深化生物医药范畴（含诊断、药品、医疗器械及先进治疗等领域）协同研发及合作',
      en: 'Joint biomedical R&D: diagnostics, drugs, medical devices and advanced therapies',
    },
  },
  {
    key: 'ventureCapital',
    clause: '2.3.3',
    leadSide: 'joint',
    title: {
      hant: '支持創投資金跨境流通和融資',
      hans: '支持创投资金跨境流通和融资',
      en: 'Cross-border flow of venture capital and financing',
    },
  },
  {
    key: 'professionalServices',
    clause: '2.3.3',
    leadSide: 'joint',
    title: {
      hant: '吸引創科企業和機構及專業機構服務進駐的支持措施',
      hans: '吸引创科企业和机构及专业机构服务进驻的支持措施',
      en: 'Support for I&T enterprises, institutions and professional services to set up in the Zone',
    },
  },
  {
    key: 'innoExpress',
    clause: '2.3.3',
    leadSide: 'HK',
    title: {
      hant: '成立「大灣區創科快線 InnoExpress」',
      hans: '成立「大湾区创科快线 InnoExpress」',
      en: 'Setting up InnoExpress through HKSTP',
    },
  },
];

/**
 * Adds the arrangement's measures when the register has never held any (a new data folder, or one
 * from before this version). A folder whose measures were all deleted keeps them deleted: deleted
 * records are still there, so nothing is added. Returns how many were added.
 */
export async function seedPolicyMeasures(store: Store): Promise<number> {
  if (store.list('policyMeasures', { includeDeleted: true }).length > 0) return 0;
  for (const measure of seededMeasures) {
    await store.insert('policyMeasures', seededMeasureFields(measure, { id: seedId('policyMeasures.stageLog', measure.key), at: SEEDED_STAGE_AT }), seedId('policyMeasures', measure.key));
  }
  return seededMeasures.length;
}

/** A seeded measure's fields, its first stage entry (study, since the arrangement was signed) with the id and time given. */
export function seededMeasureFields(measure: SeedMeasure, firstStage: { id: string; at: string }): Fields<'policyMeasures'> {
  return {
    title: measure.title,
    clauses: [measure.clause],
    leadSide: measure.leadSide,
    stage: 'study',
    nextStep: '',
    nextStepDate: null,
    actionIds: [],
    meetingIds: [],
    notes: '',
    stageLog: [{ ...firstStage, on: ARRANGEMENT_SIGNED, from: null, to: 'study', note: '' }],
    seedKey: measure.key,
  };
}
