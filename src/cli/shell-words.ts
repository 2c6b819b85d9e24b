// A command line as a person would type it again: each word as is where a shell reads it so, else in single quotes.

/** One word, quoted for a POSIX shell where it needs to be. */
export const shellWord = (s: string): string => (/^[\w./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);

/** `jiuzhu` and its arguments, each quoted where it needs to be. */
export const commandLine = (args: readonly string[]): string => ['jiuzhu', ...args.map(shellWord)].join(' ');
