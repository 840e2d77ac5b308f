// Personal data in the wallet: accounts and entries hold a profile id, amounts and refs, no contact
// data; only the reason staff write on an adjustment can name a person, and erasure clears it. The
// balances stay: they are owed to the customer (or whoever holds a gift card's code).
import type { Ctx } from '../../platform/context.js';
import type { ErasureSubject, PersonalDataRegistry } from '../../platform/privacy/personal-data.js';
import { clearReasonsOfProfiles } from './wallet.repository.js';

export const WALLET_PERSONAL_DATA: PersonalDataRegistry = {
  owner: 'wallet',
  personal: [{ table: 'wallet_entries', column: 'reason', erasure: 'cleared for the erased profiles' }],
  notPersonal: [
    { table: 'wallet_accounts', column: 'code_hint', reason: "the last 4 characters of a card's code" },
    { table: 'wallet_code_attempts', column: 'caller_key', reason: 'an API key or session id and address' },
  ],
};

/** Clears what staff wrote on the erased profiles' entries; returns how many entries changed. */
export async function eraseWalletOfCustomer(
  ctx: Ctx,
  subject: Pick<ErasureSubject, 'profileIds'>,
): Promise<number> {
  return clearReasonsOfProfiles(ctx.db, subject.profileIds);
}
