-- Alert rules on new user feedback (lib/alerts/onFeedbackStored.ts). Adding an enum value is instant.
ALTER TYPE "AlertRuleKind" ADD VALUE 'user_feedback';
