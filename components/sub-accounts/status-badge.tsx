import { Badge } from "@/components/ui/badge";

const LABEL: Record<string, string> = {
  active: "Active",
  blocked: "Blocked: limit reached",
  suspended: "Suspended",
  deactivated: "Deactivated",
  deleting: "Scheduled for deletion",
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={status}>{LABEL[status] ?? status}</Badge>;
}
