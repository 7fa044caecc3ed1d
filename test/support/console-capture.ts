import { afterEach, vi } from 'vitest';

/**
 * What CLI commands print, for tests: `capture()` starts collecting console.log and console.error lines
 * into `output`; after each test the lines are dropped and the console restored.
 */
export function consoleCapture(): { output: string[]; capture: () => void } {
  const output: string[] = [];
  afterEach(() => {
    output.length = 0;
    vi.restoreAllMocks();
  });
  const capture = () => {
    vi.spyOn(console, 'log').mockImplementation((line: string) => void output.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => void output.push(line));
  };
  return { output, capture };
}
