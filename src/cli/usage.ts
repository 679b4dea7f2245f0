// The error a command line mistake raises: main.ts prints it with the command's name and exits 2.
export class UsageError extends Error {}
