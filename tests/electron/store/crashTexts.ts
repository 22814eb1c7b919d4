// What the crash writer writes, for it and for the scan of a sealed folder after the kills.
export const CRASH_NAMES = ['陳志明', '李嘉欣', '張家豪', '黃詠詩', '劉偉強', '林曉東', '王美玲', '吳國華', '鄭建軍', '梁麗娟'];
export const CRASH_NOTES = ['已與深圳市科技創新局召開工作會議。', '可行性研究報告初稿已完成。', '待香港科技園公司提供補充資料。'];
export const CRASH_ACTION_TITLE = '推進科研設備跨境通關便利措施';
export const CRASH_DESCRIPTION = '為配合科研設備跨境通關便利措施，雙方同意由創新科技署牽頭落實相關安排。';
/** Every text the writer puts in a record, its fields' defaults included. */
export const CRASH_TEXTS = [...CRASH_NAMES, ...CRASH_NOTES, CRASH_ACTION_TITLE, CRASH_DESCRIPTION, '高級經理', 'officer@hkstp.org'];
