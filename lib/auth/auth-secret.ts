// The key that signs session JWTs: NEXTAUTH_SECRET when set; otherwise one generated on first use and kept in
// the data folder, so `npm run dev` works with no configuration and sessions survive a restart.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/db/client";

let cached: string | undefined;

export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (cached) return cached;
  const file = path.join(path.dirname(dataDir()), "nextauth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // "wx": if two processes race, the loser reads the winner's secret instead of overwriting it
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch {}
    cached = fs.readFileSync(file, "utf8").trim();
  }
  return cached;
}
