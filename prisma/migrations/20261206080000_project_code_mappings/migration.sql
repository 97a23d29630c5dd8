-- A project's code mappings (lib/projects/codeMappings): stack-trace paths to files in its repository,
-- so the event viewer links each frame to its source.
ALTER TABLE "Project" ADD COLUMN "codeMappings" JSONB NOT NULL DEFAULT '[]';
