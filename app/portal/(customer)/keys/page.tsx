import { ApiKeysPanel } from "@/components/sub-accounts/api-keys-panel";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getSubAccount } from "@/lib/accounts/get-account";
import { listCustomerKeys } from "@/lib/portal/customer-keys";
import { requireCustomerPage } from "@/lib/portal/customer-scope";
import { createPortalKeyAction, revokePortalKeyAction } from "../actions";

export default async function PortalKeysPage() {
  const c = await requireCustomerPage();
  const db = await getDb();
  const [account, keys] = await Promise.all([getSubAccount(db, c.teamId, c.accountId), listCustomerKeys(db, c)]);
  const manage = account.customerKeysAllowed && account.status !== "deactivated";
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
      <Card title="Keys of this account">
        {!account.customerKeysAllowed && <p className="mb-3 text-sm text-slate-600">Your provider manages this account&apos;s API keys.</p>}
        <ApiKeysPanel
          keys={keys.map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, environment: k.environment, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt, revoke: revokePortalKeyAction.bind(null, k.id) }))}
          create={createPortalKeyAction}
          canEdit={manage}
          canCreate={manage}
        />
      </Card>
    </>
  );
}
