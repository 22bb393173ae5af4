import next from "eslint-config-next";

const config = [
  { ignores: [".next/**", "node_modules/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...next,
];

export default config;
