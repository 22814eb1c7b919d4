import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
// Matchers that say what a user sees: toBeVisible, toHaveTextContent, toBeDisabled.
import '@testing-library/jest-dom/vitest';

// jsdom lacks these browser APIs that antd's responsive components call.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// jsdom cannot compute pseudo-element styles, which antd asks for when measuring scrollbars.
const computeStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computeStyle(element);

// A language switch re-renders every antd component; on a busy 2-core CI machine that can outlast
// testing-library's 1 s default, so waits get the time a slow laptop would also need.
configure({ asyncUtilTimeout: 10_000 });

// antd names a deprecated prop or component once, through console.error, long before removing it:
// the test that used it fails, so the output stays clean and the next antd upgrade holds no surprise.
const consoleError = console.error.bind(console);
let antdDeprecations: string[] = [];
console.error = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (/\[antd: [^\]]+\].*deprecated/.test(text)) antdDeprecations.push(text);
  consoleError(...args);
};

afterEach(() => {
  cleanup();
  const found = antdDeprecations;
  antdDeprecations = [];
  if (found.length > 0) throw new Error(`antd deprecations:\n${found.join('\n')}`);
});
