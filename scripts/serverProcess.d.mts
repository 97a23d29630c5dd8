export declare const SERVER_V8_FLAGS: string[];
export declare function serverEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
