import { Badge } from "@/components/ui/badge";

const LABELS: Record<string, { label: string; tone: string }> = {
  top_up: { label: "Payment", tone: "active" },
  credit_transfer: { label: "Credit", tone: "info" },
  balance_transfer: { label: "Balance", tone: "neutral" },
  charge: { label: "Charge", tone: "suspended" },
  reversal: { label: "Reversal", tone: "deactivated" },
};

export function TransferKind({ kind }: { kind: string }) {
  const k = LABELS[kind] ?? { label: kind, tone: "neutral" };
  return <Badge tone={k.tone}>{k.label}</Badge>;
}
