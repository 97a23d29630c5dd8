-- Notification channels for Discord and Microsoft Teams webhooks.
ALTER TYPE "ChannelKind" ADD VALUE IF NOT EXISTS 'discord';
ALTER TYPE "ChannelKind" ADD VALUE IF NOT EXISTS 'teams';
