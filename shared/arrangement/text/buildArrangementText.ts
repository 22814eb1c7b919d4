import { parseArrangement, type TextNode } from '../parseArrangement';
import { applyReviewedDifferences } from './reviewedDifferences';

/** A piece of the arrangement in both scripts, both of equal effect (第五條). */
export interface BiText {
  hant: string;
  hans: string;
}

export interface ArrangementNode {
  id: string;
  heading: BiText;
  paragraphs: BiText[];
  children: ArrangementNode[];
}

export interface ArrangementText {
  title: BiText[];
  nodes: ArrangementNode[];
}

/** The tree in both scripts: Traditional as shipped, Simplified converted then reviewed. */
export function buildArrangementText(markdown: string, toHans: (text: string) => string): ArrangementText {
  const both = (hant: string): BiText => ({ hant, hans: hant ? applyReviewedDifferences(toHans(hant)) : '' });
  const node = (n: TextNode): ArrangementNode => ({
    id: n.id,
    heading: both(n.heading),
    paragraphs: n.paragraphs.map(both),
    children: n.children.map(node),
  });
  const parsed = parseArrangement(markdown);
  return { title: parsed.title.map(both), nodes: parsed.nodes.map(node) };
}
