// electron-builder's beforeBuild hook. Everything the app runs is bundled into dist/ (main, preload
// and the renderer's chunks), so electron-builder must neither install nor copy `dependencies`:
// answering false tells it node_modules are handled outside it, and none go into app.asar.
module.exports = async () => false;
