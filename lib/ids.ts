// Random public ids: short, url-safe, unguessable.
import { randomBytes } from "node:crypto";

const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

export function randomId(length = 16) {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += alphabet[b % 36];
  return out;
}

export function newId(prefix: string) {
  return `${prefix}_${randomId(16)}`;
}
