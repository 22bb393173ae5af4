"use client";
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { format, parseISO } from "date-fns";
import { formatMoney } from "@/lib/money";

const COLORS = ["#4f46e5", "#0891b2", "#f59e0b", "#10b981", "#e11d48", "#94a3b8"];

export type SpendSeries = { key: string; name: string };

// Spend per day (minor units), stacked by series. Money is formatted by Intl in the team's currency.
export function SpendChart({ data, series, currency, height = 280, label }: { data: Record<string, string | number>[]; series: SpendSeries[]; currency: string; height?: number; label: string }) {
  const total = data.reduce((s, row) => s + series.reduce((t, x) => t + Number(row[x.key] ?? 0), 0), 0);
  if (!series.length || total === 0)
    return (
      <div className="flex items-center justify-center rounded-lg border border-dashed border-slate-300 text-sm text-slate-500" style={{ height }}>
        No spend in this period yet.
      </div>
    );
  const money = (v: number) => formatMoney(BigInt(Math.round(v)), currency);
  const compact = (v: number) => {
    const s = money(v);
    return s.replace(/\.00$/, "");
  };
  return (
    <figure aria-label={label} className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="period" tickFormatter={(p: string) => format(parseISO(p), "MMM d")} tick={{ fontSize: 12, fill: "#64748b" }} minTickGap={24} />
          <YAxis tickFormatter={compact} tick={{ fontSize: 12, fill: "#64748b" }} width={72} />
          <Tooltip
            formatter={(v, name) => [money(Number(v)), name]}
            labelFormatter={(p) => format(parseISO(String(p)), "EEE, MMM d yyyy")}
            contentStyle={{ fontSize: 12, borderRadius: 8 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Area key={s.key} type="monotone" dataKey={s.key} name={s.name} stackId="spend" stroke={COLORS[i % COLORS.length]} fill={COLORS[i % COLORS.length]} fillOpacity={0.25} isAnimationActive={false} />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}
