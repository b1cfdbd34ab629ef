export declare const PWSH_VERSION: string;
export declare const PWSH_INSTALL_COMMAND: string;
export declare const PWSH_MISSING: string;
export declare function findPwsh(env?: Record<string, string | undefined>): string | undefined;
export declare function ensurePwsh(env?: Record<string, string | undefined>): string;
