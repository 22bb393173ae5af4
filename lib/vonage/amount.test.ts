// Decimal major units ↔ bigint minor units, exactly, for currencies with 2, 0 and 3 decimal places.
import { describe, expect, it } from "vitest";
import { majorText, parseMajorAmount } from "./amount";
import { stringify, major } from "./json";

describe("parseMajorAmount", () => {
  it("reads numbers and numeric strings digit by digit", () => {
    expect(parseMajorAmount(40, "USD")).toBe(4000n);
    expect(parseMajorAmount(12.5, "USD")).toBe(1250n);
    expect(parseMajorAmount("30", "USD")).toBe(3000n);
    expect(parseMajorAmount("0.01", "USD")).toBe(1n);
    expect(parseMajorAmount(0.01, "USD")).toBe(1n);
    expect(parseMajorAmount("12.50", "USD")).toBe(1250n);
    expect(parseMajorAmount("12.500", "USD")).toBe(1250n);
    expect(parseMajorAmount("90071992547409.91", "USD")).toBe(9007199254740991n);
    expect(parseMajorAmount("500", "JPY")).toBe(500n);
    expect(parseMajorAmount("1.234", "BHD")).toBe(1234n);
  });

  it("refuses more precision than the currency has, non-positive, too large and non-decimal amounts", () => {
    const reason = (v: unknown, c = "USD") => {
      try {
        parseMajorAmount(v, c);
        return "accepted";
      } catch (e) {
        return (e as { fields: Record<string, string> }).fields.amount;
      }
    };
    expect(reason("12.345")).toBe("USD has 2 decimal places; 12.345 has more");
    expect(reason(0.001)).toBe("USD has 2 decimal places; 0.001 has more");
    expect(reason("0.5", "JPY")).toBe("JPY has no minor unit; send a whole amount");
    expect(reason("0")).toBe("must be positive");
    expect(reason("0.00")).toBe("must be positive");
    expect(reason(-5)).toBe("must be positive");
    expect(reason("90071992547409.92")).toBe("is too large");
    for (const bad of ["", "1e3", 1e21, "1,5", " .5", "abc", null, true, {}]) expect(reason(bad), String(bad)).toBe('must be a decimal amount such as 40 or "12.50"');
  });
});

describe("majorText and the JSON writer", () => {
  it("writes the shortest exact decimal, signs included", () => {
    expect(majorText(4000n, "USD")).toBe("40");
    expect(majorText(1250n, "USD")).toBe("12.5");
    expect(majorText(-1n, "USD")).toBe("-0.01");
    expect(majorText(0n, "USD")).toBe("0");
    expect(majorText(-9007199254740991n, "USD")).toBe("-90071992547409.91");
    expect(majorText(500n, "JPY")).toBe("500");
  });

  it("puts amounts in the JSON text as number literals, leaving look-alike strings alone", () => {
    expect(stringify({ a: major(-9007199254740991n, "USD"), b: null, name: "__decimal_x__1" })).toBe('{"a":-90071992547409.91,"b":null,"name":"__decimal_x__1"}');
  });
});
