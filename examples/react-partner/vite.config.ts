import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Served from any folder (the journey test serves dist/ on a port of its own).
  base: './',
});
