// The six domain labels, in the engine's order (shared by the UI; the engine module exports the same list).
export const DOMAINS = ['reasoning', 'coding', 'language', 'mathematics', 'tool_use', 'context'];
