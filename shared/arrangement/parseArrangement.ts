/**
 * Reads the arrangement's Traditional text (the Markdown shipped beside this file) into its tree:
 * preamble, 第一條 to 第五條, their parts （一）（二）（三） and items 1–4. Node ids are the clause ids
 * records store ('1', '2.1', '2.3.4'…), plus 'preamble', '2', '2.3' and 'signatures'.
 */

export interface TextNode {
  id: string;
  /** The heading after the number, e.g. 原則和目標; empty for the preamble and signatures. */
  heading: string;
  paragraphs: string[];
  children: TextNode[];
}

export interface ParsedArrangement {
  /** The two title lines: the parties, then the arrangement's name. */
  title: string[];
  nodes: TextNode[];
}

const ARTICLE = /^## 第(.)條\s*(.*)$/;
const PART = /^### （(.)）\s*(.*)$/;
const ITEM = /^(\d)\.\s*([^：]+)：/;
const NUMERALS = '一二三四五六七八九十';

export function parseArrangement(markdown: string): ParsedArrangement {
  const title: string[] = [];
  const preamble: TextNode = { id: 'preamble', heading: '', paragraphs: [], children: [] };
  const nodes: TextNode[] = [preamble];
  let article: TextNode | null = null;
  let part: TextNode | null = null;
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const articleMatch = ARTICLE.exec(line);
    const partMatch = PART.exec(line);
    const itemMatch = part ? ITEM.exec(line) : null;
    if (line.startsWith('# ')) {
      title.push(line.slice(2).trim());
    } else if (articleMatch) {
      article = { id: String(NUMERALS.indexOf(articleMatch[1]!) + 1), heading: articleMatch[2]!.trim(), paragraphs: [], children: [] };
      part = null;
      nodes.push(article);
    } else if (partMatch && article) {
      part = { id: `${article.id}.${NUMERALS.indexOf(partMatch[1]!) + 1}`, heading: partMatch[2]!.trim(), paragraphs: [], children: [] };
      article.children.push(part);
    } else if (itemMatch && part) {
      part.children.push({ id: `${part.id}.${itemMatch[1]}`, heading: itemMatch[2]!.trim(), paragraphs: [line], children: [] });
    } else {
      (part ?? article ?? preamble).paragraphs.push(line);
    }
  }
  // The signature lines close 第五條 in the source; they belong to the whole arrangement.
  const last = nodes.at(-1);
  const signatureAt = last ? last.paragraphs.findIndex((p) => /\d{4} 年 \d+ 月 \d+ 日$/.test(p)) : -1;
  if (last && signatureAt > 0) {
    nodes.push({ id: 'signatures', heading: '', paragraphs: last.paragraphs.slice(signatureAt), children: [] });
    last.paragraphs = last.paragraphs.slice(0, signatureAt);
  }
  return { title, nodes };
}
