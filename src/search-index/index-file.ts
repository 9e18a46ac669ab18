import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import type { IndexSnapshot } from './memory-index.js';

/**
 * The search index on disk, so that a process starts from it and replays only the store's newer
 * changes. Layout: 8 magic bytes, a 4-byte header length, a JSON header, padding to 8, then the
 * arrays (32-bit ones first, so every view is aligned) and the terms as UTF-8 lines. The header
 * carries a CRC-32 of the body (format 3; format 2 files, with a SHA-1, are still read): a torn or
 * damaged file is refused, and the index rebuilt from the store. CRC-32 finds accidental damage as
 * well and costs less on every start of a process (a 1 GB index just read: 1.5 s against 1.9 s for
 * SHA-1 on this machine, most of either being the first touch of the freshly read memory).
 */
const MAGIC = Buffer.from('VRTYIX01');
const FORMAT_VERSION = 3;
/** The earlier format, the same layout with a SHA-1 of the body instead. */
const SHA1_FORMAT_VERSION = 2;

interface Header {
  version: number;
  storeId: string;
  seq: number;
  docs: number;
  terms: number;
  postings: number;
  tokens: number;
  termBytes: number;
  /** Format 3: CRC-32 of the body. */
  crc32?: number;
  /** Format 2: SHA-1 of the body, in hex. */
  sha1?: string;
}

/** Why a file could not be used; the caller rebuilds the index. */
export class IndexFileError extends Error {}

function bytesOf(array: ArrayBufferView): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** Writes the snapshot to `path` atomically (a temporary file, synced, then renamed over it). */
export function saveIndexFile(path: string, snapshot: IndexSnapshot): void {
  const listLengths = Uint32Array.from(snapshot.postings, (list) => list.docs.length);
  const postings = listLengths.reduce((sum, length) => sum + length, 0);
  const docs = new Uint32Array(postings);
  const tfs = new Uint16Array(postings);
  let at = 0;
  for (const list of snapshot.postings) {
    docs.set(list.docs, at);
    tfs.set(list.tfs, at);
    at += list.docs.length;
  }
  const terms = Buffer.from(snapshot.terms.join('\n'), 'utf8');
  const body = [
    snapshot.rowids,
    snapshot.lengths,
    snapshot.days,
    snapshot.starts,
    listLengths,
    snapshot.forward,
    docs,
    tfs,
    snapshot.deleted,
  ].map(bytesOf);
  body.push(terms);
  const checksum = body.reduce((value, part) => crc32(part, value), 0);
  const header: Header = {
    version: FORMAT_VERSION,
    storeId: snapshot.storeId,
    seq: snapshot.seq,
    docs: snapshot.rowids.length,
    terms: snapshot.terms.length,
    postings,
    tokens: snapshot.forward.length,
    termBytes: terms.length,
    crc32: checksum,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(Math.ceil((MAGIC.length + 4 + json.length) / 8) * 8);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(json.length, MAGIC.length);
  json.copy(prefix, MAGIC.length + 4);
  const temporary = `${path}.tmp-${process.pid}`;
  const fd = openSync(temporary, 'w');
  try {
    for (const part of [prefix, ...body]) writeSync(fd, part);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
}

/** Reads a saved index; throws IndexFileError when the file is not one, or is damaged. */
export function loadIndexFile(path: string): IndexSnapshot {
  let file = readFileSync(path);
  if (file.byteOffset % 8 !== 0) file = Buffer.from(file);
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC))
    throw new IndexFileError('not a Verity search index');
  const jsonLength = file.readUInt32LE(MAGIC.length);
  let header: Header;
  try {
    header = JSON.parse(
      file.subarray(MAGIC.length + 4, MAGIC.length + 4 + jsonLength).toString('utf8'),
    ) as Header;
  } catch {
    throw new IndexFileError('its header is damaged');
  }
  if (header.version !== FORMAT_VERSION && header.version !== SHA1_FORMAT_VERSION)
    throw new IndexFileError(
      `it has format ${header.version}, this version reads ${SHA1_FORMAT_VERSION} and ${FORMAT_VERSION}`,
    );
  const start = Math.ceil((MAGIC.length + 4 + jsonLength) / 8) * 8;
  const { docs, terms, postings, tokens, termBytes } = header;
  const expected = start + 4 * (4 * docs + terms + tokens + postings) + 2 * postings + docs + termBytes;
  if (file.length !== expected)
    throw new IndexFileError(
      `it is ${file.length} bytes where its header implies ${expected} (a torn write?)`,
    );
  const body = file.subarray(start);
  const intact =
    header.version === FORMAT_VERSION
      ? crc32(body) === header.crc32
      : createHash('sha1').update(body).digest('hex') === header.sha1;
  if (!intact) throw new IndexFileError('its checksum does not match (damaged on disk)');
  let at = file.byteOffset + start;
  const take32 = (n: number) => {
    const view = new Uint32Array(file.buffer, at, n);
    at += 4 * n;
    return view;
  };
  const rowids = take32(docs);
  const lengths = take32(docs);
  const days = take32(docs);
  const starts = take32(docs);
  const listLengths = take32(terms);
  const forward = take32(tokens);
  const allDocs = take32(postings);
  const allTfs = new Uint16Array(file.buffer, at, postings);
  at += 2 * postings;
  const deleted = new Uint8Array(file.buffer, at, docs);
  at += docs;
  const termText = Buffer.from(file.buffer, at, termBytes).toString('utf8');
  const termList = terms === 0 ? [] : termText.split('\n');
  if (termList.length !== terms) throw new IndexFileError('its term list is damaged');
  let offset = 0;
  const lists = Array.from(listLengths, (length) => {
    const list = {
      docs: allDocs.subarray(offset, offset + length),
      tfs: allTfs.subarray(offset, offset + length),
    };
    offset += length;
    return list;
  });
  return {
    storeId: header.storeId,
    seq: header.seq,
    terms: termList,
    postings: lists,
    rowids,
    lengths,
    days,
    deleted,
    starts,
    forward,
  };
}
