import type { ArrangementNode, ArrangementText, BiText } from './text/buildArrangementText';
import text from './text/arrangement.json';

export type { ArrangementNode, ArrangementText, BiText };

/**
 * The arrangement's full text in both scripts, shipped with the app so it reads offline from the
 * first run: Traditional as signed, Simplified converted and reviewed (scripts/arrangementText.ts).
 */
export const arrangementText: ArrangementText = text;

/** Every node of the text in reading order, with its depth. */
export function flattenNodes(nodes: ArrangementNode[] = arrangementText.nodes, depth = 0): { node: ArrangementNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenNodes(node.children, depth + 1)]);
}

export function findNode(id: string): ArrangementNode | undefined {
  return flattenNodes().find((entry) => entry.node.id === id)?.node;
}

/** Picks one script of a piece of text; English readers get the Traditional text, as signed. */
export function inScript(text: BiText, language: 'zh-Hant' | 'zh-Hans' | 'en'): string {
  return language === 'zh-Hans' ? text.hans : text.hant;
}
