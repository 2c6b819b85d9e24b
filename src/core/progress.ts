// What a long read reports as it goes: bytes read of the total, and rows so far (the CLI's progress line and the
// TUI's loading screen show it).
export interface ReadProgress {
  readonly bytes: number;
  readonly totalBytes: number;
  readonly rows: number;
}
