import { expect, it } from "vitest";
import { setupTestDb } from "@/db/testing";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { updateSubAccount } from "@/lib/accounts/update-sub-account";
import { chargeAccount } from "@/lib/charges/charge-account";
import { makeTeam } from "@/lib/testing/fixtures";
import { listNotifications } from "./list-notifications";

const handle = setupTestDb();

it("lists a team's events newest first, in sentences, a page at a time, and nothing of another team", async () => {
  const { db } = await handle;
  const { team } = await makeTeam(db, { balance: 100_000n });
  const other = await makeTeam(db, { balance: 100_000n });
  const { account: sub } = await createSubAccount(db, team.id, { name: "Acme Mobile", creditLimit: 10_000 });
  const { account: theirs } = await createSubAccount(db, other.team.id, { name: "Theirs", creditLimit: 100 });
  await chargeAccount(db, other.team.id, { accountId: theirs.id, amount: 100n });
  await chargeAccount(db, team.id, { accountId: sub.id, amount: 8_000n });
  await updateSubAccount(db, team.id, sub.id, { status: "suspended" });

  const first = await listNotifications(db, team.id, { limit: 2 });
  expect(first.items.map((n) => [n.type, n.severity, n.title, n.detail])).toEqual([
    ["subaccount.suspended", "warning", "Acme Mobile was suspended", "Charges are refused until it is reactivated"],
    ["subaccount.limit_threshold", "warning", "Acme Mobile used 80% of its credit limit", "$80.00 spent of $100.00"],
  ]);
  const second = await listNotifications(db, team.id, { limit: 2, cursor: first.nextCursor });
  expect(second.items.map((n) => n.title)).toEqual(["Acme Mobile used 50% of its credit limit"]);
  expect(second.nextCursor).toBeNull();
});
