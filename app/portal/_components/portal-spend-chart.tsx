"use client";
// Spend per day of one sub-account, drawn in the portal's accent colour.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { format, parseISO } from "date-fns";
import { formatMoney } from "@/lib/money";

export function PortalSpendChart({ data, currency, accent }: { data: { period: string; amount: number }[]; currency: string; accent: string }) {
  const money = (v: number) => formatMoney(BigInt(Math.round(v)), currency);
  if (!data.some((d) => d.amount > 0))
    return <div className="flex h-56 items-center justify-center rounded-lg border border-dashed border-slate-300 text-sm text-slate-500">No spend in the last 30 days.</div>;
  return (
    <figure aria-label="Spend per day" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="period" tickFormatter={(p: string) => format(parseISO(p), "MMM d")} tick={{ fontSize: 12, fill: "#64748b" }} minTickGap={24} />
          <YAxis tickFormatter={(v: number) => money(v).replace(/\.00$/, "")} tick={{ fontSize: 12, fill: "#64748b" }} width={72} />
          <Tooltip formatter={(v) => [money(Number(v)), "Spend"]} labelFormatter={(p) => format(parseISO(String(p)), "EEE, MMM d yyyy")} contentStyle={{ fontSize: 12, borderRadius: 8 }} />
          <Bar dataKey="amount" name="Spend" fill={accent} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
