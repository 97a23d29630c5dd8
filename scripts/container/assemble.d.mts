// Types of assemble.mjs for the standalone API test.
export function assembleRuntime(root: string, dest: string, distDir?: string): string;
