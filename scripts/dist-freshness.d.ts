export declare const buildStamp: (root: string) => string;
export declare function staleReason(root: string): string | null;
