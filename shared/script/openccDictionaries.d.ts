/**
 * opencc-js ships each OpenCC dictionary as its own ES module (dist/esm-lib/dict/*.js, reached through
 * the package's "./*" export) whose default export is the dictionary text "source target|source target|…"
 * with the first candidate of each entry. The package has no typings for these deep paths.
 */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
