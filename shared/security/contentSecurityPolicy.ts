/**
 * The renderer may load only the app's own files: no remote origin of any kind. Inline styles are
 * allowed because antd writes its component styles at run time; inline scripts are not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** The origin the app's pages are served from in Electron. */
export const APP_ORIGIN = 'app://hetao';
