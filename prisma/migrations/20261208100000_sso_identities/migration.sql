-- AlterTable
ALTER TABLE "SignInChallenge" ADD COLUMN     "ssoIssuer" TEXT,
ADD COLUMN     "ssoSubject" TEXT;

-- CreateTable
CREATE TABLE "SsoIdentity" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "issuer" TEXT,
    "subject" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SsoIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SsoIdentity_issuer_subject_key" ON "SsoIdentity"("issuer", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "SsoIdentity_userId_issuer_key" ON "SsoIdentity"("userId", "issuer");

-- AddForeignKey
ALTER TABLE "SsoIdentity" ADD CONSTRAINT "SsoIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: accounts single sign-on made before identities were kept. Only what the database records
-- as made by single sign-on (lib/auth/oidc/provisionSsoUser.ts, in the transaction that made the
-- account): the system's "member.added … via single sign-on" in the default workspace, or an
-- invitation accepted "via single sign-on" with a new account. Never guessed from the email. The row
-- has no issuer or subject: the next single sign-on with the account's verified email claims it.
INSERT INTO "SsoIdentity" ("id", "userId", "createdAt")
SELECT gen_random_uuid(), u."id", u."createdAt"
FROM "User" u
WHERE EXISTS (
  SELECT 1 FROM "AuditLog" a
  WHERE a."after"->>'via' = 'single sign-on'
    AND ((a."action" = 'member.added' AND a."actorType" = 'system' AND a."after"->>'userId' = u."id"::text)
      OR (a."action" = 'invitation.accepted' AND a."actorId" = u."id" AND a."after"->>'newAccount' = 'true'))
);
