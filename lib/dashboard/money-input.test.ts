import { describe, expect, it } from "vitest";
import { minorToInput, parseMoneyInput } from "./money-input";

describe("parseMoneyInput", () => {
  it("reads major units into exact minor units", () => {
    expect(parseMoneyInput("40", "USD")).toEqual({ ok: true, minor: 4000n });
    expect(parseMoneyInput("12.5", "USD")).toEqual({ ok: true, minor: 1250n });
    expect(parseMoneyInput("1,250.05", "USD")).toEqual({ ok: true, minor: 125005n });
    expect(parseMoneyInput("0.1", "USD")).toEqual({ ok: true, minor: 10n });
    expect(parseMoneyInput("500", "JPY")).toEqual({ ok: true, minor: 500n });
  });
  it("refuses what is not an amount", () => {
    expect(parseMoneyInput("1.234", "USD").ok).toBe(false);
    expect(parseMoneyInput("-5", "USD").ok).toBe(false);
    expect(parseMoneyInput("abc", "USD").ok).toBe(false);
    expect(parseMoneyInput("1.5", "JPY").ok).toBe(false);
  });
  it("writes minor units back as a typed amount", () => {
    expect(minorToInput(4000n, "USD")).toBe("40.00");
    expect(minorToInput(-505n, "USD")).toBe("-5.05");
    expect(minorToInput(500n, "JPY")).toBe("500");
  });
});
