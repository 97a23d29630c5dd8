-- AlterTable
ALTER TABLE "SignInChallenge" ADD COLUMN     "invitationId" UUID;

