import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../renderer/api/hetao';
import { useRenderedApp } from './realBackend';

const renderApp = useRenderedApp();

// antd under jsdom renders slowly; a whole flow takes longer than the project's default.
const SLOW = 90_000;

async function start(systemLocale: string) {
  const app = await renderApp({ systemLocale });
  await screen.findAllByRole('tab');
  return { app, user: userEvent.setup() };
}

/** An antd modal by its title; nested in Settings, it is not exposed as a dialog role to jsdom. */
const modalTitled = (title: string) =>
  waitFor(() => {
    const modal = [...document.querySelectorAll<HTMLElement>('.ant-modal')].find((m) => m.querySelector('.ant-modal-title')?.textContent === title);
    if (!modal) throw new Error(`no modal ${title}`);
    return modal;
  });

const contact = (name: string, organisation: string, side: 'HK' | 'SZ') =>
  unwrap(window.hetao.contacts.create({ name, title: '', organisation, side, email: '', phone: '', memberships: [] }));

describe("content in the reader's script", () => {
  it(
    'shows contacts typed in Simplified in Traditional to a Hong Kong reader, and finds them by a Traditional query, highlighted',
    async () => {
      const { user } = await start('zh-HK');
      await contact('陈大文', '深圳市科技创新局', 'SZ');
      await contact('李小明', '創新科技署', 'HK');
      await user.click(screen.getByRole('tab', { name: '通訊錄' }));
      // Converted once the dictionaries have loaded; stored text is shown meanwhile.
      expect(await screen.findByText('陳大文')).toBeVisible();
      expect(await screen.findByText('深圳市科技創新局')).toBeVisible();
      expect(screen.queryByText('陈大文')).toBeNull();

      await user.type(screen.getByLabelText('搜尋姓名、職銜、機構、電郵或電話'), '科技創新');
      await waitFor(() => expect(screen.queryByText('李小明')).toBeNull());
      const marks = [...document.querySelectorAll('mark')].map((m) => m.textContent);
      expect(marks).toEqual(['科技創新']);

      // Stored as typed: the record itself is still in Simplified.
      const stored = await unwrap(window.hetao.contacts.list({ includeDeleted: false }));
      expect(stored.find((c) => c.side === 'SZ')).toMatchObject({ name: '陈大文', writtenIn: 'hans' });
    },
    SLOW,
  );

  it(
    'edits the glossary in Settings: a duplicate is refused beside its field and what was typed stays',
    async () => {
      const { user } = await start('zh-CN');
      await user.click(screen.getByRole('button', { name: '设置和关于' }));
      await user.click(await screen.findByRole('button', { name: /术语表/ }));
      const glossary = await modalTitled('术语表');
      expect(await within(glossary).findByText('香港特别行政区政府')).toBeVisible();

      await user.type(within(glossary).getByLabelText('搜索术语（繁简皆可）'), '港深聯合');
      expect(await within(glossary).findByText('Hong Kong-Shenzhen Joint Funded Projects Pool')).toBeVisible();
      await waitFor(() => expect(within(glossary).queryByText('香港特别行政区政府')).toBeNull());

      await user.click(within(glossary).getByRole('button', { name: /新增术语/ }));
      const form = await modalTitled('新增术语');
      await user.type(within(form).getByLabelText('繁体'), '香港科技園公司');
      await user.type(within(form).getByLabelText('简体'), '港科园{Enter}');
      expect(await within(form).findByText('术语表已有“香港科技園公司”，同一词语只可有一个对应。')).toBeVisible();
      expect((within(form).getByLabelText('简体') as HTMLInputElement).value).toBe('港科园');

      await user.clear(within(form).getByLabelText('繁体'));
      await user.type(within(form).getByLabelText('繁体'), '軟件');
      await user.clear(within(form).getByLabelText('简体'));
      await user.type(within(form).getByLabelText('简体'), '软件{Enter}');
      expect(await screen.findByText('已新增“軟件”。')).toBeVisible();
      const terms = await unwrap(window.hetao.script.glossary({ includeDeleted: false }));
      expect(terms.at(-1)).toMatchObject({ hant: '軟件', hans: '软件' });
    },
    SLOW,
  );

  it(
    "writes quotation marks the reader's way, and as typed once Settings says so for the working group",
    async () => {
      const { user } = await start('zh-CN');
      const [subGroup] = await unwrap(window.hetao.subGroups.list());
      await unwrap(
        window.hetao.actions.create({
          subGroupId: subGroup!.id,
          fields: { title: '落實「先行先試『白名單』」安排', description: '', ownerSide: 'HK', leads: [], officerIds: [], dueDate: null, priority: 'normal', clauses: [] },
        }),
      );
      await user.click(screen.getByRole('tab', { name: '香港科学园落户深圳' }));
      expect(await screen.findByText('落实“先行先试‘白名单’”安排')).toBeVisible();
      expect(screen.getAllByText('“香港科学园落户深圳”专组').length).toBeGreaterThan(0);

      await user.click(screen.getByRole('button', { name: '设置和关于' }));
      await user.click(await screen.findByRole('radio', { name: '保留输入时的引号' }));
      expect(await screen.findByText('已更改引号设置，适用于整个工作组的显示、导出、打印及会议文件包。')).toBeVisible();
      expect(await screen.findByText('落实「先行先试『白名单』」安排')).toBeVisible();
      expect((await unwrap(window.hetao.workingGroup.get())).quoteMarks).toBe('asWritten');
    },
    SLOW,
  );
});
