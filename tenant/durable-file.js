// Crash-safe whole-file replacement: a reader sees either the old file or the new one,
// never a mix, and once this returns the new content survives a kill -9 or power loss.
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export function fsyncDirectory(dir) {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeFileDurably(file, content, mode = 0o644) {
  const temp = `${file}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w', mode);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  // The rename itself lives in the directory: without this it may not survive a crash.
  fsyncDirectory(dirname(file));
}
