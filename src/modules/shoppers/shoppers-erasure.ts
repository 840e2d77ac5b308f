// Erasure of a shopper's sign-in records: their sessions end and are deleted, and sign-in codes
// asked for with their email addresses go (the code rows hold a hash of the address, which anyone
// holding the address can recompute: personal data).
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import type { ErasureSubject, PersonalDataRegistry } from '../../platform/privacy/personal-data.js';
import { deleteSessionsOfProfiles, deleteSignInCodes } from './shoppers-erasure.repository.js';
import { emailHashOf } from './sign-in-codes.js';

export const SHOPPERS_PERSONAL_DATA: PersonalDataRegistry = {
  owner: 'shoppers',
  personal: [
    {
      table: 'shopper_sign_in_codes',
      column: 'email_hash',
      erasure: 'rows of the erased email addresses deleted',
    },
  ],
};

export async function eraseShopperData(ctx: Ctx, subject: ErasureSubject): Promise<number> {
  const hashes = subject.identifiers.filter((v) => v.includes('@')).map(emailHashOf);
  const codes = await deleteSignInCodes(ctx.db as Executor, hashes);
  const sessions = await deleteSessionsOfProfiles(ctx.db as Executor, subject.profileIds);
  return codes + sessions;
}
