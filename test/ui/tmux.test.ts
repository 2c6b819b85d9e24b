// A smoke test in a real terminal: tmux runs `jiuzhu tui` at 80×24, keys are sent, the screen is read.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// tmux is needed: .ci/run installs it (Debian's package). Without it this test fails, saying so, rather than skip.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
/** The pane's text once it matches (polled every 100 ms), or as it is after 10 s: a loaded machine draws late. */
async function screenWhen(session: string, wanted: RegExp): Promise<string> {
  let screen = tmux('capture-pane', '-p', '-t', session);
  for (let i = 0; i < 100 && !wanted.test(screen); i++) {
    await sleep(100);
    screen = tmux('capture-pane', '-p', '-t', session);
  }
  return screen;
}

describe('tui in tmux', () => {
  it('opens, moves the tekun knob to 1.6×, shows the delta, and quits on q', async () => {
    expect(hasTmux, 'tmux is not installed: apt-get install tmux (.ci/run does)').toBe(true);
    const session = `jiuzhu-${process.pid}`;
    const cmd = `${process.execPath} bin/jiuzhu.js tui --policy policies/guangxi-nanning.yaml --households policies/samples/households.csv --date 2025-06-30 --lang en; echo EXIT=$?; sleep 3`;
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', cmd);
    try {
      expect(await screenWhen(session, /\[1 overview\]/)).toContain('[1 overview]');
      tmux('send-keys', '-t', session, '3', 'Right', 'Right', 'Right', '1');
      const delta = /特困 tekun \*\s+447\.9\s+525\.1\s+\+77\.2\s+\+17\.2%/;
      expect(await screenWhen(session, delta)).toMatch(delta);
      tmux('send-keys', '-t', session, 'q');
      expect(await screenWhen(session, /EXIT=\d+/)).toContain('EXIT=0');
    } finally {
      spawnSync('tmux', ['kill-session', '-t', session]);
    }
  });

  // An interactive QA trial: Ctrl-C once the screen was up exited 0 (Ink took it as a quit), 130 while it was loading;
  // the README says Ctrl-C is 130. The terminal is given back either way
  it('Ctrl-C exits as interrupted (130), the terminal given back (echo on)', async () => {
    expect(hasTmux, 'tmux is not installed: apt-get install tmux (.ci/run does)').toBe(true);
    const session = `jiuzhu-c-${process.pid}`;
    const cmd = `${process.execPath} bin/jiuzhu.js tui --policy policies/guangxi-nanning.yaml --households policies/samples/households.csv --date 2025-06-30 --lang en; echo EXIT=$?; stty -a | grep -q ' echo ' && echo ECHO=on || echo ECHO=off; sleep 3`;
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', cmd);
    try {
      expect(await screenWhen(session, /\[1 overview\]/)).toContain('[1 overview]');
      tmux('send-keys', '-t', session, 'C-c');
      const after = await screenWhen(session, /ECHO=/);
      expect(after).toContain('EXIT=130');
      expect(after).toContain('ECHO=on');
    } finally {
      spawnSync('tmux', ['kill-session', '-t', session]);
    }
  });
});
