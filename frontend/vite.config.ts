import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// `npm run dev` proxies the API to a running `agenda serve` (AGENDA_DEV_API, default :8000), so the
// browser sees one origin as it does in production, where the server itself serves dist/.
const api = process.env.AGENDA_DEV_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", sourcemap: true, chunkSizeWarningLimit: 600 },
  server: {
    proxy: {
      "/graphql": api,
      "/export": api,
      "/workshops/": { target: api, bypass: (req) => (req.url?.endsWith(".csv") ? undefined : req.url) },
    },
  },
  test: { environment: "node", include: ["src/**/*.test.{ts,tsx}"] },
});
