// Patterns of this family are exported here (see docs/patterns.md).
export {};
