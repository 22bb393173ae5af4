import { apiRoute, json } from "@/lib/api/route";
import { getAccount } from "@/lib/accounts/get-account";
import { loadTeam } from "@/lib/ledger/post-movements";
import { chargeAvailable } from "@/lib/ledger/rules";
import { toNumber } from "@/lib/money";

export const GET = apiRoute(async ({ db, auth }) => {
  const team = await loadTeam(db, auth.teamId);
  const a = auth.account;
  if (auth.isPrimary) return json({ balance: toNumber(a.balance), currency: team.currency, creditLimit: toNumber(a.creditLimit), totalSpent: toNumber(a.totalSpent), available: toNumber(chargeAvailable(a, undefined)) });
  const primary = a.balanceMode === "shared" ? await getAccount(db, auth.teamId, team.primaryAccountId) : undefined;
  return json({
    balance: a.balanceMode === "own" ? toNumber(a.balance) : toNumber(primary!.balance),
    currency: team.currency,
    isSubAccount: true,
    totalSpent: toNumber(a.totalSpent),
    creditLimit: toNumber(a.creditLimit),
    balanceMode: a.balanceMode,
    available: toNumber(chargeAvailable(a, primary)),
  });
});
