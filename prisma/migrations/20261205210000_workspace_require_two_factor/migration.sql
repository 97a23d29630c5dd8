-- A workspace may require two-factor sign-in of its members.
ALTER TABLE "Workspace" ADD COLUMN "requireTwoFactor" BOOLEAN NOT NULL DEFAULT false;
