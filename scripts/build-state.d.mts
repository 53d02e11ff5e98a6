export function isBuildStale(): boolean;
export function build(options?: { quiet?: boolean }): void;
export function ensureBuilt(options?: { quiet?: boolean }): void;
