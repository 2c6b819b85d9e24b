// A smoke test in a real terminal: tmux runs `jiuzhu tui` at 80×24, keys are sent, the screen is read.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Runs `cmd` in a new 80×24 tmux session named after `name`, gives the session to `body`, and ends it. */
async function inTmux(name: string, cmd: string, body: (session: string) => Promise<void>): Promise<void> {
  expect(hasTmux, 'tmux is not installed: apt-get install tmux (.ci/run does)').toBe(true);
  const session = `jiuzhu-${name}-${process.pid}`;
  // (a new session as the last one's server exits may fail — "server exited unexpectedly": a CI run's Ctrl-C test —
  // so it is tried again, three times at most)
  for (let tries = 1; ; tries++) {
    try {
      tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', cmd);
      break;
    } catch (e) {
      if (tries === 3) throw e;
      await sleep(300);
    }
  }
  try {
    await body(session);
  } finally {
    spawnSync('tmux', ['kill-session', '-t', session]);
  }
}
const SAMPLE_CSV = 'policies/samples/households.csv';
const TUI = `${process.execPath} bin/jiuzhu.js tui --policy policies/guangxi-nanning.yaml --date 2025-06-30 --lang en`;

describe('tui in tmux', () => {
  it('opens, moves the tekun knob to 1.6×, shows the delta, and quits on q', async () => {
    await inTmux('o', `${TUI} --households policies/samples/households.csv; echo EXIT=$?; sleep 3`, async (session) => {
      expect(await screenWhen(session, /\[1 overview\]/)).toContain('[1 overview]');
      tmux('send-keys', '-t', session, '3', 'Right', 'Right', 'Right', '1');
      const delta = /特困 tekun \*\s+323\.7\s+379\.6\s+\+56\.0\s+\+17\.3%/;
      expect(await screenWhen(session, delta)).toMatch(delta);
      // the knobs moved and not saved: q asks (a trial lost them to one key), a second q quits
      tmux('send-keys', '-t', session, 'q');
      expect(await screenWhen(session, /knobs not saved/)).toContain('knobs not saved: q again quits');
      tmux('send-keys', '-t', session, 'q');
      expect(await screenWhen(session, /EXIT=\d+/)).toContain('EXIT=0');
    });
  });

  // tui --year, its views on 2 worker threads (forced for the sample): the knob run's year evaluated there beside the
  // baseline's — tekun 1.3 → 1.6 × S over Nanning's 2024 (two periods of parameters), compare --year's 323.7 → 379.6
  it('--year: the budget year, a knob’s year evaluated on the workers', async () => {
    const cmd = `JIUZHU_THREADS=2 JIUZHU_PARALLEL_FROM_HOUSEHOLDS=1 ${TUI.replace('--date 2025-06-30', '--year 2024')} --households ${SAMPLE_CSV}; echo EXIT=$?; sleep 3`;
    await inTmux('y', cmd, async (session) => {
      expect(await screenWhen(session, /\[1 overview\]/)).toContain('Guangxi / Nanning · budget year 2024');
      tmux('send-keys', '-t', session, '3', 'Right', 'Right', 'Right', '1');
      const delta = /特困 tekun \*\s+323\.7\s+379\.6\s+\+56\.0\s+\+17\.3%/;
      expect(await screenWhen(session, delta)).toMatch(delta);
      tmux('send-keys', '-t', session, 'q', 'q');
      expect(await screenWhen(session, /EXIT=\d+/)).toContain('EXIT=0');
    });
  });

  // A QA trial: resized below 80×24, smaller still, then back, the too-small message's first line stayed above the
  // views; and a frame that came out the same after a resize was not drawn again once the screen was cleared
  it('is drawn whole after resizes below 80×24 and back, nothing of the old screen left above it', async () => {
    await inTmux('r', `${TUI} --households ${SAMPLE_CSV}; sleep 3`, async (session) => {
      expect(await screenWhen(session, /\[1 overview\]/)).toContain('[1 overview]');
      tmux('resize-window', '-t', session, '-x', '79', '-y', '23');
      expect(await screenWhen(session, /needs at least 80×24/)).toContain('the terminal is 79×23');
      tmux('resize-window', '-t', session, '-x', '60', '-y', '15');
      expect(await screenWhen(session, /60×15/)).toContain('the terminal is 60×15');
      tmux('resize-window', '-t', session, '-x', '100', '-y', '30');
      const back = await screenWhen(session, /^救助 jiuzhu [^\n]*\n\[1 overview\]/);
      expect(back.split('\n')[0]).toMatch(/^救助 jiuzhu /);
      expect(back).not.toContain('needs at least');
      // a resize that leaves the frame as it was (the charts at 100 and 90 columns): drawn again, not left blank
      tmux('send-keys', '-t', session, '2');
      expect(await screenWhen(session, /\[2 charts\]/)).toContain('[2 charts]');
      tmux('resize-window', '-t', session, '-x', '90', '-y', '28');
      await sleep(1000);
      expect(await screenWhen(session, /\[2 charts\]/)).toMatch(/^救助 jiuzhu [^\n]*\n[^\n]*\[2 charts\]/);
    });
  });

  // An interactive QA trial: Ctrl-C once the screen was up exited 0 (Ink took it as a quit), 130 while it was loading;
  // the README says Ctrl-C is 130. The terminal is given back either way
  it('Ctrl-C exits as interrupted (130), the terminal given back (echo on)', async () => {
    await inTmux(
      'c',
      `${TUI} --households policies/samples/households.csv; echo EXIT=$?; stty -a | grep -q ' echo ' && echo ECHO=on || echo ECHO=off; sleep 3`,
      async (session) => {
        expect(await screenWhen(session, /\[1 overview\]/)).toContain('[1 overview]');
        tmux('send-keys', '-t', session, 'C-c');
        const after = await screenWhen(session, /ECHO=/);
        expect(after).toContain('EXIT=130');
        expect(after).toContain('ECHO=on');
      },
    );
  });

  // A QA trial: the TUI said none of what the other commands say on stderr (here a column it does not read, and a
  // scenario the policy already has), and its screen hid anything written there.
  it('counts the notes of the file, the policy and the scenarios; n shows them; they are said on stderr as it closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-tmux-'));
    const file = join(dir, 'h.csv');
    const cmd = `(head -1 ${SAMPLE_CSV} | sed 's/$/,wt/'; tail -n +2 ${SAMPLE_CSV} | sed 's/$/,1/') > ${file}; ${TUI} --households ${file} --scenario scenarios/low-income-2x.yaml 2>${dir}/err; echo EXIT=$?; sleep 3`;
    await inTmux('n', cmd, async (session) => {
      // stale standards (dibao, disposable incomes), a scenario that changes nothing, the unread column, the sample's few
      // households behind some programs
      expect(await screenWhen(session, /\[1 overview\]/)).toContain('⚠ 5 notes (n)');
      tmux('send-keys', '-t', session, 'n');
      // (the panel's lines joined: where a note wraps depends on the temporary file's path)
      const shown = (await screenWhen(session, /notes 提示/))
        .split('\n')
        .map((l) => l.replace(/^\s*│|│\s*$/g, '').trim())
        .join(' ');
      expect(shown).toContain('reads no column named "wt"');
      expect(shown).toContain('scenario low-income-2x changes no parameter at 2025-06-30');
      tmux('send-keys', '-t', session, 'q');
      expect(await screenWhen(session, /EXIT=\d+/)).toContain('EXIT=0');
    });
    const said = readFileSync(join(dir, 'err'), 'utf8');
    expect(said.match(/^note: /gm)).toHaveLength(5);
    expect(said).toContain('jiuzhu reads no column named "wt"');
  });

  /** compare's notes (stderr) on the same households and policy, at a date or over a year. */
  const compareNotes = (...when: string[]) =>
    spawnSync(
      process.execPath,
      ['bin/jiuzhu.js', 'compare', '--policy', 'policies/guangxi-nanning.yaml', '--households', SAMPLE_CSV, ...when, '--format', 'json'],
      { encoding: 'utf8' },
    ).stderr.split('\n');

  // compare's notes on its figures, which the TUI showed without them (a finance analyst's review): the sample's few
  // households behind tekun and others (±2/√n), and over a year the first gradual exit's January stock.
  it('says compare’s notes on the sample’s few households and, over a year, on the first gradual exit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-tmux-'));
    const year = TUI.replace('--date 2025-06-30', '--year 2025');
    const cmd = `${TUI} --households ${SAMPLE_CSV} 2>${dir}/date; ${year} --households ${SAMPLE_CSV} 2>${dir}/year; echo EXIT=$?; sleep 3`;
    await inTmux('f', cmd, async (session) => {
      expect(await screenWhen(session, /\[1 overview\]/)).toContain('⚠ 3 notes (n)');
      tmux('send-keys', '-t', session, 'q');
      await sleep(500);
      expect(await screenWhen(session, /budget year 2025/)).toContain('⚠ 4 notes (n)');
      tmux('send-keys', '-t', session, 'q');
      expect(await screenWhen(session, /EXIT=\d+/)).toContain('EXIT=0');
    });
    const [atDate, overYear] = ['date', 'year'].map((f) => readFileSync(join(dir, f), 'utf8').split('\n'));
    const few = compareNotes('--date', '2025-06-30').find((l) => l.startsWith('note: few households of the sample'))!;
    expect(few).toContain('特困 tekun (69: ±24 %)');
    expect(atDate).toContain(few);
    const yearly = compareNotes('--year', '2025').filter((l) => /^note: (few households|the gradual exit in 2025)/.test(l));
    expect(yearly).toHaveLength(2);
    for (const line of yearly) expect(overYear).toContain(line);
    expect(atDate.some((l) => l.startsWith('note: the gradual exit'))).toBe(false);
  });

  // compare's notes on localities side by side (a finance analyst's TUI had neither): one file under each one's rules;
  // take-up differing between them where the file's draws leave households out (every draw 0.99: Nanning's dibao
  // take-up 0.6 and Guangzhou's 0.25 leave them out), and not where it has none (the sample: everyone takes up)
  it('with two localities says they are one file under each one’s rules, and where their take-up differs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-tmux-'));
    const drawn = join(dir, 'drawn.csv');
    const both = `${TUI} --policy policies/guangdong-guangzhou.yaml`;
    const cmd = `(head -1 ${SAMPLE_CSV} | sed 's/$/,take_up_draw/'; tail -n +2 ${SAMPLE_CSV} | sed 's/$/,0.99/') > ${drawn}; ${both} --households ${drawn} 2>${dir}/drawn; ${both} --households ${SAMPLE_CSV} 2>${dir}/sample; echo EXIT=$?; sleep 3`;
    await inTmux('t', cmd, async (session) => {
      expect(await screenWhen(session, /\[1 overview\]/)).toContain('[1 overview]');
      tmux('send-keys', '-t', session, 'q');
      await sleep(500);
      expect(await screenWhen(session, /\[1 overview\]/)).toContain('[1 overview]');
      tmux('send-keys', '-t', session, 'q');
      expect(await screenWhen(session, /EXIT=\d+/)).toContain('EXIT=0');
    });
    const [drew, sample] = ['drawn', 'sample'].map((f) => readFileSync(join(dir, f), 'utf8'));
    const oneFile = "note: one household file runs under each locality's rules: the same households in every column";
    expect([drew, sample].map((s) => s.includes(oneFile))).toEqual([true, true]);
    // (as compare says it of the same file)
    const compared = spawnSync(
      process.execPath,
      ['bin/jiuzhu.js', 'compare', '--policy', 'policies/guangxi-nanning.yaml', '--policy', 'policies/guangdong-guangzhou.yaml'].concat([
        '--households',
        drawn,
        '--date',
        '2025-06-30',
        '--format',
        'json',
      ]),
      { encoding: 'utf8' },
    ).stderr.match(/^note: take-up differs.*$/m)![0];
    expect(compared).toContain('(take_up.tekun: guangxi-nanning 0.95, guangdong-guangzhou 0.85; take_up.dibao: guangxi-nanning 0.6,');
    expect(drew.split('\n')).toContain(compared);
    expect(sample).not.toContain('take-up differs');
  });

  // An interactive QA trial: keys pressed while the file was read were echoed over the bar and given to the screen once
  // up (knobs moved unseen), and q did nothing until the read ended. The households come through a FIFO whose writer
  // pauses mid-file, so the keys surely come while it is read.
  const slowly = (pause: number) => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'jiuzhu-tmux-')), 'h.csv');
    execFileSync('mkfifo', [fifo]);
    const writer = `(head -c 20000 policies/samples/households.csv; sleep ${pause}; tail -c +20001 policies/samples/households.csv) > ${fifo} &`;
    return { fifo, writer };
  };

  it('keys pressed while reading are dropped: the screen opens on the overview, its knobs unmoved', async () => {
    const { fifo, writer } = slowly(4);
    await inTmux('l', `${writer} ${TUI} --households ${fifo}; echo EXIT=$?; sleep 3`, async (session) => {
      expect(await screenWhen(session, /q or Ctrl-C stops reading/)).toContain('reading');
      tmux('send-keys', '-t', session, '3', 'Right', '+', '+');
      const up = await screenWhen(session, /\[1 overview\]/);
      expect(up).toContain('[1 overview]');
      expect(up).not.toMatch(/\+\+|\^\[/); // (not echoed)
      tmux('send-keys', '-t', session, '3');
      const knobs = await screenWhen(session, /no knob moved/);
      expect(knobs).toMatch(/tekun basic standard\s+◂\s+1\.3 × S ▸/);
      expect(knobs).toContain('no knob moved: same as the baseline');
      tmux('send-keys', '-t', session, 'q');
      expect(await screenWhen(session, /EXIT=\d+/)).toContain('EXIT=0');
    });
  });

  // A terminal QA trial: with TERM=dumb it drew with cursor moves all the same; and a FIFO's "waiting for" note, written
  // to stderr, stood above the app once it was drawn
  it('TERM=dumb is exit 2 pointing to compare; a FIFO waited for leaves no note over the screen', async () => {
    await inTmux('d', `TERM=dumb ${TUI} --households ${SAMPLE_CSV}; echo EXIT=$?; sleep 3`, async (session) => {
      const said = await screenWhen(session, /EXIT=\d+/);
      expect(said).toContain('TERM=dumb');
      expect(said).toContain('EXIT=2');
    });
    const fifo = join(mkdtempSync(join(tmpdir(), 'jiuzhu-tmux-')), 'h.csv');
    execFileSync('mkfifo', [fifo]);
    await inTmux('f', `(sleep 4; cat ${SAMPLE_CSV} > ${fifo}) & ${TUI} --households ${fifo}; echo EXIT=$?; sleep 3`, async (session) => {
      const up = await screenWhen(session, /\[1 overview\]/);
      expect(up.split('\n')[0]).toMatch(/^救助 jiuzhu/); // the title on the first line: nothing drawn over or above it
      expect(up).not.toContain('waiting for');
      tmux('send-keys', '-t', session, 'q');
      expect(await screenWhen(session, /EXIT=\d+/)).not.toContain('waiting for');
    });
  });

  // (not the TUI: a command reading its households from standard input that is the terminal, in a terminal)
  it('a command reading standard input from the terminal says so, and waits for the CSV (a QA trial: no word)', async () => {
    const cmd = `${process.execPath} bin/jiuzhu.js simulate --policy policies/guangxi-nanning.yaml --households - --date 2025-06-30 --format csv; echo EXIT=$?; sleep 3`;
    await inTmux('s', cmd, async (session) => {
      const asked = (await screenWhen(session, /reading standard input/)).replace(/\s+/g, ' '); // (wrapped at 80)
      expect(asked).toContain('which is this terminal: paste or type the CSV and end it with Ctrl-D');
      for (const line of readFileSync(SAMPLE_CSV, 'utf8').split('\n').slice(0, 3)) tmux('send-keys', '-t', session, '-l', `${line}\n`);
      tmux('send-keys', '-t', session, 'C-d');
      const done = await screenWhen(session, /EXIT=\d+/);
      expect(done).toContain('EXIT=0');
      expect(done).toMatch(/^baseline,\w+,/m); // (the totals of the two households pasted)
    });
  });

  // (and says its notes: a TUI trial's q a second in, the file still read, left none on stderr)
  it('q while reading leaves at once (exit 0), though the writer is still to write, and says the notes', async () => {
    const { fifo, writer } = slowly(30);
    const err = join(mkdtempSync(join(tmpdir(), 'jiuzhu-tmux-')), 'err');
    await inTmux('q', `${writer} ${TUI} --households ${fifo} 2>${err}; echo EXIT=$?; sleep 3`, async (session) => {
      expect(await screenWhen(session, /q or Ctrl-C stops reading/)).toContain('reading');
      tmux('send-keys', '-t', session, 'q');
      expect(await screenWhen(session, /EXIT=\d+/)).toContain('EXIT=0');
    });
    // (Nanning's standards of 2022, older than the date: the policy's note)
    expect(readFileSync(err, 'utf8')).toMatch(/^note: policies\/guangxi-nanning\.yaml: the newest dibao standards/m);
  });
});
