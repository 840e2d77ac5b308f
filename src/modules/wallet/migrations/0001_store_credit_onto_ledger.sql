-- Store credit issued before the wallet (payments' store_credits) moves onto the ledger: one
-- store_credit account per credit, under the same id and code (hashed as the wallet hashes codes:
-- sha256 of the upper-cased code), with its balance as the opening entry. The payments table stays
-- (refunds still name the code they issued); balances live in the wallet from here on. Skipped on
-- a database without payments' table (the wallet's own tests).
DO $$
BEGIN
  IF to_regclass('store_credits') IS NOT NULL THEN
    INSERT INTO "wallet_accounts" ("id", "kind", "profile_id", "code_hash", "code_hint", "currency", "balance",
      "lifetime", "status", "origin_order_id", "created_at", "updated_at")
    SELECT "id", 'store_credit', "profile_id", encode(sha256(convert_to(upper("code"), 'UTF8')), 'hex'),
      right(upper("code"), 4), "currency", "balance", "issued_amount", 'active', "order_id", "created_at", "created_at"
    FROM "store_credits"
    ON CONFLICT DO NOTHING;
    INSERT INTO "wallet_entries" ("id", "account_id", "kind", "amount", "balance_after", "ref", "order_id",
      "currency", "reason", "created_at")
    SELECT 'wle_migrated_' || "id", "id", 'issue', "balance", "balance", 'issue', "order_id", "currency", NULL, "created_at"
    FROM "store_credits"
    WHERE "balance" > 0
    ON CONFLICT DO NOTHING;
  END IF;
END $$;
