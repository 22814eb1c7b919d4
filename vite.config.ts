import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the renderer into dist/renderer, served by the app:// protocol (or the test harness). */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
