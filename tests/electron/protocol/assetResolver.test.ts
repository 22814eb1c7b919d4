import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, isAllowedRequest, resolveAsset } from '../../../electron/protocol/assetResolver';

const root = path.resolve('/opt/hetao/dist/renderer');

describe('resolveAsset', () => {
  it('serves files inside the build folder, and index.html for the root', () => {
    expect(resolveAsset(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveAsset(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAsset(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveAsset(root, '/assets/%E5%9C%96.png')).toBe(path.join(root, 'assets/圖.png'));
  });

  it('refuses every path that escapes the build folder', () => {
    for (const attempt of [
      '/../package.json',
      '/assets/../../electron/main.cjs',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/..%5c..%5cwindows%5cwin.ini',
      '/assets/%00.js',
      '/%E0%A4%A',
    ]) {
      expect(resolveAsset(root, attempt), attempt).toBeNull();
    }
  });

  it('names the content type browsers need for modules and styles', () => {
    expect(contentTypeOf('a/index.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a/index.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('a/file.bin')).toBe('application/octet-stream');
  });
});

describe('isAllowedRequest', () => {
  it.each([true, false])('lets the renderer reach only the app’s own protocol (packaged: %s)', (packaged) => {
    expect(isAllowedRequest('app://hetao/assets/index.js', packaged)).toBe(true);
    expect(isAllowedRequest('https://fonts.googleapis.com/css', packaged)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:8080/', packaged)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', packaged)).toBe(false);
  });

  it('refuses DevTools pages in a packaged build and allows them in development', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', true)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', false)).toBe(true);
  });
});
