import type { GlossaryTerm } from './glossary';

const term = (id: string, hant: string, hans: string, en: string, note = ''): GlossaryTerm => ({ id, hant, hans, en, note });

/**
 * The glossary a new data set starts with: the bodies and programmes the 2021 arrangement names, in both
 * scripts as the signed texts write them, with English names; then wordings the two sides differ on
 * beyond characters. Ids are stable so a user's edits to a seed term can be recognised later.
 */
export const seedGlossary: readonly GlossaryTerm[] = [
  // 第三條: the bodies
  term('hksar-government', '香港特別行政區政府', '香港特别行政区政府', 'Government of the Hong Kong Special Administrative Region', '第三條: one side of the arrangement (HK).'),
  term('shenzhen-government', '深圳市人民政府', '深圳市人民政府', "Shenzhen Municipal People's Government", '第三條: the other side (SZ).'),
  term('joint-task-force', '河套區港深創新及科技園發展聯合專責小組', '河套区港深创新及科技园发展联合专责小组', 'Joint Task Force on the Development of the Hong Kong-Shenzhen Innovation and Technology Park in the Lok Ma Chau Loop', '第三條: co-led by both governments; the working group reports to it.'),
  term('working-group', '「一區兩園」項目工作組', '“一区两园”项目工作组', '"One Zone, Two Parks" Project Working Group', '第三條: coordinates the sub-groups.'),
  term('one-zone-two-parks', '一區兩園', '一区两园', 'One Zone, Two Parks'),
  term('subgroup-science-park', '「香港科學園落戶深圳」專組', '“香港科学园落户深圳”专组', 'Sub-group on Hong Kong Science Park in Shenzhen', '第二條（一）'),
  term('subgroup-joint-policy', '「聯合政策」專組', '“联合政策”专组', 'Joint Policy Sub-group', '第二條（二）、（三）1–3'),
  term('subgroup-joint-promotion', '「聯合推廣」專組', '“联合推广”专组', 'Joint Promotion Sub-group', '第二條（三）4'),
  term('hkstp', '香港科技園公司', '香港科技园公司', 'Hong Kong Science and Technology Parks Corporation (HKSTP)', 'Leases and manages part of the Shenzhen Park.'),
  term('hk-science-park', '香港科學園', '香港科学园', 'Hong Kong Science Park'),
  term('hsitp', '港深創新及科技園', '港深创新及科技园', 'Hong Kong-Shenzhen Innovation and Technology Park (HSITP)', 'In the Lok Ma Chau Loop; short form 港深創科園.'),
  term('hsitp-short', '港深創科園', '港深创科园', 'HSITP', 'Short form of 港深創新及科技園.'),
  term('shenzhen-park', '深圳科創園區', '深圳科创园区', 'Shenzhen Science and Technology Innovation Zone (Shenzhen Park)', 'North of the Shenzhen River; short form 深圳園區.'),
  term('shenzhen-park-short', '深圳園區', '深圳园区', 'Shenzhen Park', 'Short form of 深圳科創園區.'),
  term('cooperation-zone', '河套深港科技創新合作區', '河套深港科技创新合作区', 'Hetao Shenzhen-Hong Kong Science and Technology Innovation Cooperation Zone'),
  term('cooperation-zone-short', '合作區', '合作区', 'the Cooperation Zone', 'Short form used throughout the arrangement.'),
  term('lok-ma-chau-loop', '落馬洲河套地區', '落马洲河套地区', 'Lok Ma Chau Loop'),
  term('itb', '創新及科技局', '创新及科技局', 'Innovation and Technology Bureau', 'As named at signing (2021).'),
  // 第二條（三）: the programmes
  term('innoacademy', '大灣區創科飛躍學院', '大湾区创科飞跃学院', 'InnoAcademy', '第二條（三）2: set up by HKSTP.'),
  term('innoexpress', '大灣區創科快線', '大湾区创科快线', 'InnoExpress', '第二條（三）3: set up by HKSTP.'),
  term('joint-funding-pool', '港深聯合資助項目庫', '港深联合资助项目库', 'Hong Kong-Shenzhen Joint Funded Projects Pool', '第二條（三）1'),
  term('call-for-topics', '「選題徵集」制', '“选题征集”制', '"call for topics" mechanism', '第二條（三）1'),
  term('open-competition', '「團隊揭榜」制', '“团队揭榜”制', '"open competition" mechanism', '第二條（三）1: teams bid to take on a listed challenge.'),
  term('greater-bay-area', '粵港澳大灣區', '粤港澳大湾区', 'Guangdong-Hong Kong-Macao Greater Bay Area'),
  term('bay-area-short', '大灣區', '大湾区', 'Greater Bay Area'),
  term('one-country-two-systems', '一國兩制', '一国两制', '"one country, two systems"'),
  // Wordings that differ beyond characters. Not paired: bare 數碼/数字 (数字 also means "digits", 數字)
  // and 電郵/电子邮件 (電郵 is also the verb "to email": 請電郵至 must not become 请电子邮件至).
  term('information', '資訊', '信息', 'information', 'HK 資訊, Mainland 信息.'),
  term('personal-data', '個人資料', '个人信息', 'personal data', 'HK 個人資料 (Personal Data (Privacy) Ordinance), Mainland 个人信息.'),
  term('pcpd', '個人資料（私隱）專員公署', '个人资料（私隐）专员公署', 'Office of the Privacy Commissioner for Personal Data', 'A Hong Kong body: its name is kept in both scripts.'),
  term('information-technology', '資訊科技', '信息技术', 'information technology'),
  term('digitalisation', '數碼化', '数字化', 'digitalisation'),
  term('digital-economy', '數碼經濟', '数字经济', 'digital economy'),
  term('digital-technology', '數碼科技', '数字技术', 'digital technology'),
  term('video-conference', '視像會議', '视频会议', 'video conference'),
  term('server', '伺服器', '服务器', 'server'),
  term('sms', '短訊', '短信', 'SMS'),
];
