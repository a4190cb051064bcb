// The empty module the start-up benchmark imports, to show what any import costs in Node.
export const ready = true;
