// npm run dev: seed the demo team on the first run (the embedded database needs no server), print how to
// sign in, then hand over to `next dev`. The seeding process closes the database before Next opens it.
import { spawn, spawnSync } from "node:child_process";

const seeded = spawnSync("npx", ["tsx", "cli/index.ts", "demo"], { stdio: "inherit", env: process.env });
if (seeded.status !== 0) process.exit(seeded.status ?? 1);
console.log("\nDashboard: http://localhost:%s  (demo sign-in: demo@subledger.local / demo-password)\n", process.env.PORT ?? "3000");
const next = spawn("npx", ["next", "dev", "-p", process.env.PORT ?? "3000"], { stdio: "inherit", env: process.env });
next.on("exit", (code) => process.exit(code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => next.kill(sig));
