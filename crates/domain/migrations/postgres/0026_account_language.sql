-- The person's language rules their mails and consent receipts (issue 25): chosen when
-- asking for the account, changed with the portal's language switch. Accounts made before
-- are Dutch, as every mail to them was.
ALTER TABLE accounts ADD COLUMN language TEXT NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en'));
