export declare const SERVER_V8_FLAGS: string[];
export declare function keepServingWhenOutputCloses(): void;
export declare function serverEnv<T extends Record<string, string | undefined>>(env: T): T & { MALLOC_MMAP_THRESHOLD_: string };
export declare function logOutput(child: import("node:child_process").ChildProcess, file: string): void;
