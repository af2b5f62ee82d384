// Crash-safe whole-file replacement: a reader sees either the old file or the new one,
// never a mix, and once this returns the new content survives a kill -9 or power loss.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
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
  const bytes = Buffer.from(content);
  const fd = openSync(temp, 'w', mode);
  try {
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } catch (error) {
    // A full disk: give back what the half-written copy took; the old file is untouched.
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
  // The rename itself lives in the directory: without this it may not survive a crash.
  fsyncDirectory(dirname(file));
}
