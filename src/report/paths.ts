// A households file as the user named it: standard input is read as /dev/stdin (cli/main.ts), and was given as `-`
// (a downstream trial's JSON said "households_file": "/dev/stdin", which no one typed).
export const namedFile = (file: string): string => (file === '/dev/stdin' ? '-' : file);
