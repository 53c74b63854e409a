var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __glob = (map) => (path3) => {
  var fn = map[path3];
  if (fn) return fn();
  throw new Error("Module not found in bundle: " + path3);
};
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// protocol/jsonrpc.ts
function httpStatusFor(error) {
  if (!error) return 200;
  if (error.code === RpcCode.INVALID_REQUEST) return 400;
  if (error.code === RpcCode.METHOD_NOT_FOUND) return 404;
  return 500;
}
var RpcCode, RpcError;
var init_jsonrpc = __esm({
  "protocol/jsonrpc.ts"() {
    "use strict";
    RpcCode = {
      PARSE_ERROR: -32700,
      INVALID_REQUEST: -32600,
      METHOD_NOT_FOUND: -32601,
      INTERNAL_ERROR: -32603,
      MISC_ERROR: -1,
      TYPE_ERROR: -3,
      WALLET_ERROR: -4,
      INVALID_ADDRESS_OR_KEY: -5,
      WALLET_INSUFFICIENT_FUNDS: -6,
      WALLET_INVALID_ACCOUNT_NAME: -11,
      INVALID_PARAMETER: -8,
      DESERIALIZATION_ERROR: -22,
      VERIFY_ERROR: -25,
      VERIFY_REJECTED: -26,
      VERIFY_ALREADY_IN_CHAIN: -27,
      IN_WARMUP: -28
    };
    RpcError = class extends Error {
      constructor(code, message) {
        super(message);
        this.code = code;
        this.name = "RpcError";
      }
      code;
      toJSON() {
        return { code: this.code, message: this.message };
      }
    };
  }
});

// devchain/crypto/jsCrc32.ts
function jsCrc32(data, crc = 0) {
  const T = TABLES;
  let c = ~crc;
  let i = 0;
  const n = data.length;
  for (; i + 8 <= n; i += 8) {
    const a = (c ^ (data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24)) >>> 0;
    c = T[1792 + (a & 255)] ^ T[1536 + (a >>> 8 & 255)] ^ T[1280 + (a >>> 16 & 255)] ^ T[1024 + (a >>> 24)] ^ T[768 + data[i + 4]] ^ T[512 + data[i + 5]] ^ T[256 + data[i + 6]] ^ T[data[i + 7]];
  }
  for (; i < n; i++) c = T[(c ^ data[i]) & 255] ^ c >>> 8;
  return ~c >>> 0;
}
var TABLES;
var init_jsCrc32 = __esm({
  "devchain/crypto/jsCrc32.ts"() {
    "use strict";
    TABLES = (() => {
      const t = new Uint32Array(8 * 256);
      for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
        t[n] = c;
      }
      for (let n = 0; n < 256; n++) for (let s = 1; s < 8; s++) t[s * 256 + n] = t[(s - 1) * 256 + n] >>> 8 ^ t[t[(s - 1) * 256 + n] & 255];
      return t;
    })();
  }
});

// devchain/platform/node/index.ts
import * as nodeCrypto from "node:crypto";
import { createECDH, createHash, randomBytes as nodeRandomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
function publicKey(priv) {
  const ecdh = createECDH("secp256k1");
  ecdh.setPrivateKey(priv);
  return new Uint8Array(ecdh.getPublicKey(null, "compressed"));
}
function powWorkerPath() {
  const here = new URL("../../../modules/faucet/powWorker.mjs", import.meta.url);
  if (here.protocol === "file:" && existsSync(fileURLToPath(here))) return fileURLToPath(here);
  return resolve(process.cwd(), "modules/faucet/powWorker.mjs");
}
function crc32(data, crc) {
  if (zlibCrc32 === void 0) zlibCrc32 = createRequire(import.meta.url)("node:zlib").crc32 ?? null;
  return zlibCrc32 ? zlibCrc32(data, crc) : jsCrc32(data, crc);
}
var oneShot, zlibCrc32, startPowWorker, platform;
var init_node = __esm({
  "devchain/platform/node/index.ts"() {
    "use strict";
    init_jsCrc32();
    oneShot = nodeCrypto.hash;
    startPowWorker = () => {
      const { Worker } = createRequire(import.meta.url)("node:worker_threads");
      return new Worker(powWorkerPath(), { execArgv: [] });
    };
    platform = {
      name: "node",
      sha256: oneShot ? (data) => oneShot("sha256", data, "buffer") : (data) => createHash("sha256").update(data).digest(),
      publicKey,
      toHex: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex"),
      fromHex: (h) => new Uint8Array(Buffer.from(h, "hex")),
      randomBytes: (n) => new Uint8Array(nodeRandomBytes(n)),
      yieldToEventLoop: () => new Promise((r) => setImmediate(r)),
      env: () => process.env,
      // A server's search shares the machine with every reader's requests: two workers at most.
      parallelism: () => Math.min(2, availableParallelism()),
      crc32,
      startPowWorker
    };
  }
});

// devchain/crypto/hash.ts
import { ripemd160 } from "@noble/hashes/legacy.js";
import { blake2b } from "@noble/hashes/blake2.js";
function sha256(data) {
  return platform.sha256(data);
}
function sha256d(data) {
  return sha256(sha256(data));
}
function hash160(data) {
  return ripemd160(sha256(data));
}
function blake2b256(data, personalization) {
  return blake2b(data, { dkLen: 32, personalization });
}
function toHex(b) {
  return platform.toHex(b);
}
function fromHex(h) {
  return platform.fromHex(h);
}
function hashToHex(h) {
  return toHex(Uint8Array.from(h).reverse());
}
function hexToHash(h) {
  return fromHex(h).reverse();
}
var init_hash = __esm({
  "devchain/crypto/hash.ts"() {
    "use strict";
    init_node();
  }
});

// protocol/addressVersions.ts
var R_ADDRESS_VERSION, SCRIPT_ADDRESS_VERSION, SECRET_KEY_VERSION;
var init_addressVersions = __esm({
  "protocol/addressVersions.ts"() {
    "use strict";
    R_ADDRESS_VERSION = 60;
    SCRIPT_ADDRESS_VERSION = 85;
    SECRET_KEY_VERSION = 188;
  }
});

// devchain/crypto/keys.ts
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { createBase58check } from "@scure/base";
function keyFromPrivate(priv) {
  if (!secp256k1.utils.isValidSecretKey(priv)) throw new Error("invalid private key");
  const pub = platform.publicKey(priv);
  return { priv, pub, pubHex: toHex(pub), address: addressFromPubkey(pub) };
}
function keyFromSeed(seed, label) {
  let priv = sha256(new TextEncoder().encode(`devchain:${seed}:${label}`));
  while (!secp256k1.utils.isValidSecretKey(priv)) priv = sha256(priv);
  return keyFromPrivate(priv);
}
function encodeAddress(version, hash2) {
  const payload = new Uint8Array(21);
  payload[0] = version;
  payload.set(hash2, 1);
  return b58c.encode(payload);
}
function addressFromPubkey(pub) {
  return encodeAddress(R_ADDRESS_VERSION, hash160(pub));
}
function decodeAddress(addr) {
  if (typeof addr !== "string" || addr.length < 26 || addr.length > 36) return null;
  try {
    const raw = b58c.decode(addr);
    if (raw.length !== 21) return null;
    if (raw[0] !== R_ADDRESS_VERSION && raw[0] !== SCRIPT_ADDRESS_VERSION) return null;
    return { version: raw[0], hash: raw.slice(1) };
  } catch {
    return null;
  }
}
function encodeWif(priv) {
  const payload = new Uint8Array(34);
  payload[0] = SECRET_KEY_VERSION;
  payload.set(priv, 1);
  payload[33] = 1;
  return b58c.encode(payload);
}
function decodeWif(wif) {
  try {
    const raw = b58c.decode(wif);
    if (raw[0] !== SECRET_KEY_VERSION || raw.length !== 34 && raw.length !== 33) return null;
    return raw.slice(1, 33);
  } catch {
    return null;
  }
}
function segidOf(address) {
  const h = sha256(new TextEncoder().encode(address));
  return (h[0] | h[1] << 8 | h[2] << 16 | h[3] << 24) & 63;
}
function isPubkeyHex(s) {
  if (typeof s !== "string" || !/^0[23][0-9a-fA-F]{64}$/.test(s)) return false;
  try {
    secp256k1.Point.fromHex(s);
    return true;
  } catch {
    return false;
  }
}
function signDer(hash32, priv) {
  return secp256k1.sign(hash32, priv, { prehash: false, format: "der" });
}
function verifyDer(sigDer, hash32, pub) {
  try {
    return secp256k1.verify(sigDer, hash32, pub, { prehash: false, format: "der", lowS: false });
  } catch {
    return false;
  }
}
var b58c;
var init_keys = __esm({
  "devchain/crypto/keys.ts"() {
    "use strict";
    init_node();
    init_hash();
    init_addressVersions();
    b58c = createBase58check(sha256);
  }
});

// devchain/tx/bytes.ts
var DecodeError, Writer, Reader;
var init_bytes = __esm({
  "devchain/tx/bytes.ts"() {
    "use strict";
    DecodeError = class extends Error {
    };
    Writer = class {
      buf;
      view;
      len = 0;
      constructor(size = 128) {
        this.buf = new Uint8Array(size);
        this.view = new DataView(this.buf.buffer);
      }
      /** Makes room for `n` more bytes (a subclass may hand what it holds on instead: snapshot.ts). */
      grow(n) {
        if (this.len + n <= this.buf.length) return;
        let size = this.buf.length * 2;
        while (size < this.len + n) size *= 2;
        const next = new Uint8Array(size);
        next.set(this.buf.subarray(0, this.len));
        this.buf = next;
        this.view = new DataView(next.buffer);
      }
      u8(v) {
        this.grow(1);
        this.buf[this.len++] = v;
        return this;
      }
      u32(v) {
        this.grow(4);
        this.view.setUint32(this.len, v >>> 0, true);
        this.len += 4;
        return this;
      }
      i32(v) {
        this.grow(4);
        this.view.setInt32(this.len, v, true);
        this.len += 4;
        return this;
      }
      /** 64-bit signed amount; satoshi values stay far below 2^53. */
      i64(v) {
        this.grow(8);
        this.view.setBigInt64(this.len, BigInt(v), true);
        this.len += 8;
        return this;
      }
      varint(n) {
        if (n < 253) return this.u8(n);
        if (n <= 65535) {
          this.u8(253);
          this.grow(2);
          this.view.setUint16(this.len, n, true);
          this.len += 2;
          return this;
        }
        if (n <= 4294967295) return this.u8(254).u32(n);
        this.u8(255);
        this.grow(8);
        this.view.setBigUint64(this.len, BigInt(n), true);
        this.len += 8;
        return this;
      }
      bytes(b) {
        this.grow(b.length);
        this.buf.set(b, this.len);
        this.len += b.length;
        return this;
      }
      varbytes(b) {
        return this.varint(b.length).bytes(b);
      }
      finish() {
        return this.buf.slice(0, this.len);
      }
      /** What was written, without a copy (for a writer that is done with: later writes may change it). */
      written() {
        return this.buf.subarray(0, this.len);
      }
    };
    Reader = class {
      constructor(buf) {
        this.buf = buf;
        this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      }
      buf;
      pos = 0;
      view;
      need(n) {
        if (this.pos + n > this.buf.length) throw new DecodeError("read past end");
      }
      get remaining() {
        return this.buf.length - this.pos;
      }
      u8() {
        this.need(1);
        return this.buf[this.pos++];
      }
      u32() {
        this.need(4);
        const v = this.view.getUint32(this.pos, true);
        this.pos += 4;
        return v;
      }
      i32() {
        this.need(4);
        const v = this.view.getInt32(this.pos, true);
        this.pos += 4;
        return v;
      }
      i64() {
        this.need(8);
        const v = this.view.getBigInt64(this.pos, true);
        this.pos += 8;
        return Number(v);
      }
      varint() {
        const b = this.u8();
        if (b < 253) return b;
        if (b === 253) {
          this.need(2);
          const v2 = this.view.getUint16(this.pos, true);
          this.pos += 2;
          return v2;
        }
        if (b === 254) return this.u32();
        this.need(8);
        const v = Number(this.view.getBigUint64(this.pos, true));
        this.pos += 8;
        return v;
      }
      bytes(n) {
        this.need(n);
        const out = this.buf.subarray(this.pos, this.pos + n);
        this.pos += n;
        return out;
      }
      varbytes() {
        return this.bytes(this.varint());
      }
    };
  }
});

// devchain/tx/transaction.ts
function newTx(vin, vout, lockTime = 0, expiryHeight = 0) {
  return { version: 4, overwintered: true, versionGroupId: SAPLING_VERSION_GROUP_ID, vin, vout, lockTime, expiryHeight, valueBalance: 0 };
}
function isCoinbase(tx) {
  return tx.vin.length === 1 && tx.vin[0].prevIndex === 4294967295 && tx.vin[0].prevHash.every((b) => b === 0);
}
function writeTx(w, tx) {
  if (tx.overwintered) {
    w.u32((tx.version | 2147483648) >>> 0);
    w.u32(tx.versionGroupId);
  } else {
    w.i32(tx.version);
  }
  w.varint(tx.vin.length);
  for (const i of tx.vin) w.bytes(i.prevHash).u32(i.prevIndex).varbytes(i.script).u32(i.sequence);
  w.varint(tx.vout.length);
  for (const o of tx.vout) w.i64(o.value).varbytes(o.script);
  w.u32(tx.lockTime);
  if (tx.overwintered) w.u32(tx.expiryHeight);
  const sapling = tx.overwintered && tx.version >= 4;
  if (sapling) {
    w.i64(tx.valueBalance);
    w.varint(0);
    w.varint(0);
  }
  if (tx.version >= 2) w.varint(0);
}
function serializeTx(tx) {
  const w = new Writer();
  writeTx(w, tx);
  return w.finish();
}
function readTx(r) {
  const header = r.u32();
  const overwintered = (header & 2147483648) !== 0;
  const version = overwintered ? header & 2147483647 : header | 0;
  let versionGroupId = 0;
  if (overwintered) {
    versionGroupId = r.u32();
    const ok = version === 3 && versionGroupId === OVERWINTER_VERSION_GROUP_ID || version === 4 && versionGroupId === SAPLING_VERSION_GROUP_ID;
    if (!ok) throw new DecodeError("unknown tx version group");
  } else if (version < 1) {
    throw new DecodeError("bad version");
  }
  const nIn = r.varint();
  if (nIn > r.remaining / 41) throw new DecodeError("too many inputs");
  const vin = [];
  for (let k = 0; k < nIn; k++) vin.push({ prevHash: r.bytes(32), prevIndex: r.u32(), script: r.varbytes(), sequence: r.u32() });
  const nOut = r.varint();
  if (nOut > r.remaining / 9) throw new DecodeError("too many outputs");
  const vout = [];
  for (let k = 0; k < nOut; k++) vout.push({ value: r.i64(), script: r.varbytes() });
  const lockTime = r.u32();
  const expiryHeight = overwintered ? r.u32() : 0;
  let valueBalance = 0;
  if (overwintered && version >= 4) {
    valueBalance = r.i64();
    if (r.varint() !== 0 || r.varint() !== 0) throw new DecodeError("shielded spends/outputs are not supported");
  }
  if (version >= 2 && r.varint() !== 0) throw new DecodeError("joinsplits are not supported");
  return { version, overwintered, versionGroupId, vin, vout, lockTime, expiryHeight, valueBalance };
}
function parseTx(raw) {
  const r = new Reader(raw);
  const tx = readTx(r);
  if (r.remaining !== 0) throw new DecodeError("trailing bytes");
  return tx;
}
function txidOf(raw) {
  return hashToHex(sha256d(raw));
}
function coinbaseInput(script2) {
  return { prevHash: NULL_HASH, prevIndex: 4294967295, script: script2, sequence: SEQUENCE_FINAL };
}
var SAPLING_VERSION_GROUP_ID, OVERWINTER_VERSION_GROUP_ID, SAPLING_BRANCH_ID, OVERWINTER_BRANCH_ID, SEQUENCE_FINAL, NULL_HASH;
var init_transaction = __esm({
  "devchain/tx/transaction.ts"() {
    "use strict";
    init_bytes();
    init_hash();
    SAPLING_VERSION_GROUP_ID = 2301567109;
    OVERWINTER_VERSION_GROUP_ID = 63210096;
    SAPLING_BRANCH_ID = 1991772603;
    OVERWINTER_BRANCH_ID = 1537743641;
    SEQUENCE_FINAL = 4294967295;
    NULL_HASH = new Uint8Array(32);
  }
});

// devchain/tx/script.ts
import { concatBytes as concat } from "@noble/hashes/utils.js";
function pushData(data) {
  const n = data.length;
  let head;
  if (n < 76) head = [n];
  else if (n <= 255) head = [76, n];
  else if (n <= 65535) head = [77, n & 255, n >> 8];
  else head = [78, n & 255, n >> 8 & 255, n >> 16 & 255, n >>> 24];
  const out = new Uint8Array(head.length + n);
  out.set(head);
  out.set(data, head.length);
  return out;
}
function p2pk(pub) {
  return concat(pushData(pub), Uint8Array.of(OP.OP_CHECKSIG));
}
function p2pkh(h160) {
  return concat(Uint8Array.of(OP.OP_DUP, OP.OP_HASH160, 20), h160, Uint8Array.of(OP.OP_EQUALVERIFY, OP.OP_CHECKSIG));
}
function opReturn(data) {
  return concat(Uint8Array.of(OP.OP_RETURN), pushData(data));
}
function scriptNum(n) {
  if (n === 0) return Uint8Array.of(OP.OP_0);
  if (n >= 1 && n <= 16) return Uint8Array.of(OP.OP_1 + n - 1);
  const bytes = [];
  let v = n;
  while (v > 0) {
    bytes.push(v & 255);
    v = Math.floor(v / 256);
  }
  if (bytes[bytes.length - 1] & 128) bytes.push(0);
  return pushData(Uint8Array.from(bytes));
}
function parseScript(s) {
  const ops = [];
  let i = 0;
  while (i < s.length) {
    const op = s[i++];
    if (op > 0 && op <= OP.OP_PUSHDATA4) {
      let n = op;
      if (op === OP.OP_PUSHDATA1) {
        if (i + 1 > s.length) return null;
        n = s[i];
        i += 1;
      } else if (op === OP.OP_PUSHDATA2) {
        if (i + 2 > s.length) return null;
        n = s[i] | s[i + 1] << 8;
        i += 2;
      } else if (op === OP.OP_PUSHDATA4) {
        if (i + 4 > s.length) return null;
        n = (s[i] | s[i + 1] << 8 | s[i + 2] << 16 | s[i + 3] << 24) >>> 0;
        i += 4;
      }
      if (i + n > s.length) return null;
      ops.push({ op, data: s.subarray(i, i + n) });
      i += n;
    } else {
      ops.push({ op });
    }
  }
  return ops;
}
function looksLikeDerSig(d) {
  return d.length >= 9 && d.length <= 73 && d[0] === 48 && d[1] === d.length - 3;
}
function scriptToAsm(s, decodeSighash = false) {
  const ops = parseScript(s);
  if (!ops) return "[error]";
  const out = [];
  for (const { op, data } of ops) {
    if (data !== void 0) {
      if (data.length <= 4) {
        out.push(String(scriptNumValue(data)));
      } else if (decodeSighash && looksLikeDerSig(data) && SIGHASH_NAMES[data[data.length - 1]]) {
        out.push(toHex(data.subarray(0, data.length - 1)) + `[${SIGHASH_NAMES[data[data.length - 1]]}]`);
      } else {
        out.push(toHex(data));
      }
    } else if (op >= OP.OP_1 && op <= OP.OP_16) {
      out.push(String(op - OP.OP_1 + 1));
    } else {
      out.push(OP_NAMES[op] ?? (op === 0 ? "0" : `OP_UNKNOWN`));
    }
  }
  return out.join(" ");
}
function scriptNumValue(d) {
  if (d.length === 0) return 0;
  let v = 0;
  for (let i = 0; i < d.length; i++) v += d[i] * 2 ** (8 * i);
  const last = d[d.length - 1];
  if (last & 128) return -(v - 128 * 2 ** (8 * (d.length - 1)));
  return v;
}
function classifyScript(s) {
  const key = toHex(s);
  let info = infoCache.get(key);
  if (!info) {
    if (infoCache.size >= INFO_CACHE_MAX) infoCache.clear();
    info = classifyUncached(s);
    infoCache.set(key, info);
  }
  return info;
}
function classifyUncached(s) {
  const n = s.length;
  if (n === 25 && s[0] === OP.OP_DUP && s[1] === OP.OP_HASH160 && s[2] === 20 && s[23] === OP.OP_EQUALVERIFY && s[24] === OP.OP_CHECKSIG) {
    const hash2 = s.slice(3, 23);
    return { type: "pubkeyhash", addresses: [encodeAddress(R_ADDRESS_VERSION, hash2)], reqSigs: 1, hash: hash2 };
  }
  if (n === 23 && s[0] === OP.OP_HASH160 && s[1] === 20 && s[22] === OP.OP_EQUAL) {
    const hash2 = s.slice(2, 22);
    return { type: "scripthash", addresses: [encodeAddress(SCRIPT_ADDRESS_VERSION, hash2)], reqSigs: 1, hash: hash2 };
  }
  if (n === 35 && s[0] === 33 && (s[1] === 2 || s[1] === 3) || n === 67 && s[0] === 65 && s[1] === 4) {
    if (s[n - 1] === OP.OP_CHECKSIG) {
      const pubkey = s.slice(1, n - 1);
      return { type: "pubkey", addresses: [addressFromPubkey(pubkey)], reqSigs: 1, pubkey };
    }
  }
  if (n >= 1 && s[0] === OP.OP_RETURN) return { type: "nulldata", addresses: [], reqSigs: 0 };
  const ops = parseScript(s);
  if (ops && ops.length >= 2 && ops[0].data && ops[1].op === OP.OP_CHECKCRYPTOCONDITION) {
    return { type: "cryptocondition", addresses: [encodeAddress(R_ADDRESS_VERSION, hash160(s))], reqSigs: 1, condition: ops[0].data };
  }
  return { type: "nonstandard", addresses: [], reqSigs: 0 };
}
var OP, OP_NAMES, SIGHASH_NAMES, infoCache, INFO_CACHE_MAX;
var init_script = __esm({
  "devchain/tx/script.ts"() {
    "use strict";
    init_hash();
    init_keys();
    OP = {
      OP_0: 0,
      OP_PUSHDATA1: 76,
      OP_PUSHDATA2: 77,
      OP_PUSHDATA4: 78,
      OP_1NEGATE: 79,
      OP_1: 81,
      OP_16: 96,
      OP_RETURN: 106,
      OP_DUP: 118,
      OP_EQUAL: 135,
      OP_EQUALVERIFY: 136,
      OP_HASH160: 169,
      OP_CHECKSIG: 172,
      OP_CHECKMULTISIG: 174,
      OP_CHECKCRYPTOCONDITION: 204
    };
    OP_NAMES = {
      0: "0",
      79: "-1",
      97: "OP_NOP",
      99: "OP_IF",
      100: "OP_NOTIF",
      103: "OP_ELSE",
      104: "OP_ENDIF",
      105: "OP_VERIFY",
      106: "OP_RETURN",
      117: "OP_DROP",
      118: "OP_DUP",
      135: "OP_EQUAL",
      136: "OP_EQUALVERIFY",
      168: "OP_SHA256",
      169: "OP_HASH160",
      170: "OP_HASH256",
      172: "OP_CHECKSIG",
      173: "OP_CHECKSIGVERIFY",
      174: "OP_CHECKMULTISIG",
      175: "OP_CHECKMULTISIGVERIFY",
      177: "OP_CHECKLOCKTIMEVERIFY",
      204: "OP_CHECKCRYPTOCONDITION"
    };
    SIGHASH_NAMES = {
      1: "ALL",
      2: "NONE",
      3: "SINGLE",
      129: "ALL|ANYONECANPAY",
      130: "NONE|ANYONECANPAY",
      131: "SINGLE|ANYONECANPAY"
    };
    infoCache = /* @__PURE__ */ new Map();
    INFO_CACHE_MAX = 2e4;
  }
});

// devchain/tx/sighash.ts
function personal(branchId) {
  const p2 = new Uint8Array(16);
  p2.set(enc.encode("ZcashSigHash"));
  new DataView(p2.buffer).setUint32(12, branchId, true);
  return p2;
}
function signatureHash(tx, inputIndex, scriptCode, amount, hashType) {
  if (!tx.overwintered) return legacySignatureHash(tx, inputIndex, scriptCode, hashType);
  const base = hashType & 31;
  const anyone = (hashType & SIGHASH_ANYONECANPAY) !== 0;
  let hashPrevouts = ZERO32;
  let hashSequence = ZERO32;
  let hashOutputs = ZERO32;
  if (!anyone) {
    const w2 = new Writer();
    for (const i of tx.vin) w2.bytes(i.prevHash).u32(i.prevIndex);
    hashPrevouts = blake2b256(w2.finish(), P_PREVOUT);
  }
  if (!anyone && base !== SIGHASH_SINGLE && base !== SIGHASH_NONE) {
    const w2 = new Writer();
    for (const i of tx.vin) w2.u32(i.sequence);
    hashSequence = blake2b256(w2.finish(), P_SEQUENCE);
  }
  if (base !== SIGHASH_SINGLE && base !== SIGHASH_NONE) {
    const w2 = new Writer();
    for (const o of tx.vout) w2.i64(o.value).varbytes(o.script);
    hashOutputs = blake2b256(w2.finish(), P_OUTPUTS);
  } else if (base === SIGHASH_SINGLE && inputIndex < tx.vout.length) {
    const w2 = new Writer();
    const o = tx.vout[inputIndex];
    w2.i64(o.value).varbytes(o.script);
    hashOutputs = blake2b256(w2.finish(), P_OUTPUTS);
  }
  const w = new Writer();
  w.u32((tx.version | 2147483648) >>> 0).u32(tx.versionGroupId);
  w.bytes(hashPrevouts).bytes(hashSequence).bytes(hashOutputs);
  w.bytes(ZERO32);
  if (tx.version >= 4) w.bytes(ZERO32).bytes(ZERO32);
  w.u32(tx.lockTime).u32(tx.expiryHeight);
  if (tx.version >= 4) w.i64(tx.valueBalance);
  w.u32(hashType);
  if (inputIndex >= 0) {
    const i = tx.vin[inputIndex];
    w.bytes(i.prevHash).u32(i.prevIndex).varbytes(scriptCode).i64(amount).u32(i.sequence);
  }
  const branch = tx.version >= 4 ? SAPLING_BRANCH_ID : OVERWINTER_BRANCH_ID;
  return blake2b256(w.finish(), personal(branch));
}
function legacySignatureHash(tx, inputIndex, scriptCode, hashType) {
  const base = hashType & 31;
  const one = new Uint8Array(32);
  one[0] = 1;
  if (base === SIGHASH_SINGLE && inputIndex >= tx.vout.length) return one;
  const anyone = (hashType & SIGHASH_ANYONECANPAY) !== 0;
  const vin = (anyone ? [tx.vin[inputIndex]] : tx.vin).map((i, k) => ({
    ...i,
    script: (anyone ? true : k === inputIndex) ? scriptCode : new Uint8Array(0),
    sequence: !anyone && k !== inputIndex && (base === SIGHASH_NONE || base === SIGHASH_SINGLE) ? 0 : i.sequence
  }));
  let vout = tx.vout;
  if (base === SIGHASH_NONE) vout = [];
  else if (base === SIGHASH_SINGLE) vout = tx.vout.slice(0, inputIndex + 1).map((o, k) => k === inputIndex ? o : { value: -1, script: new Uint8Array(0) });
  const w = new Writer();
  writeTx(w, { ...tx, vin, vout });
  w.u32(hashType);
  return sha256d(w.finish());
}
var SIGHASH_ALL, SIGHASH_NONE, SIGHASH_SINGLE, SIGHASH_ANYONECANPAY, enc, P_PREVOUT, P_SEQUENCE, P_OUTPUTS, ZERO32;
var init_sighash = __esm({
  "devchain/tx/sighash.ts"() {
    "use strict";
    init_bytes();
    init_hash();
    init_transaction();
    SIGHASH_ALL = 1;
    SIGHASH_NONE = 2;
    SIGHASH_SINGLE = 3;
    SIGHASH_ANYONECANPAY = 128;
    enc = new TextEncoder();
    P_PREVOUT = enc.encode("ZcashPrevoutHash");
    P_SEQUENCE = enc.encode("ZcashSequencHash");
    P_OUTPUTS = enc.encode("ZcashOutputsHash");
    ZERO32 = new Uint8Array(32);
  }
});

// devchain/chain/view.ts
var outpointKey;
var init_view = __esm({
  "devchain/chain/view.ts"() {
    "use strict";
    outpointKey = (txid, vout) => `${txid}:${vout}`;
  }
});

// devchain/chain/errors.ts
function rejected(code, reason) {
  return new RpcError(RpcCode.VERIFY_REJECTED, `${code}: ${reason}`);
}
var REJECT_INVALID, REJECT_NONSTANDARD, REJECT_CONFLICT, missingInputs, alreadyInChain, decodeFailed, SCRIPT_FALSE, SCRIPT_STACK, SCRIPT_EQUALVERIFY;
var init_errors = __esm({
  "devchain/chain/errors.ts"() {
    "use strict";
    init_jsonrpc();
    REJECT_INVALID = 16;
    REJECT_NONSTANDARD = 64;
    REJECT_CONFLICT = 258;
    missingInputs = () => new RpcError(RpcCode.VERIFY_ERROR, "Missing inputs");
    alreadyInChain = () => new RpcError(RpcCode.VERIFY_ALREADY_IN_CHAIN, "transaction already in block chain");
    decodeFailed = () => new RpcError(RpcCode.DESERIALIZATION_ERROR, "TX decode failed");
    SCRIPT_FALSE = "mandatory-script-verify-flag-failed (Script evaluated without error but finished with a false/empty top stack element)";
    SCRIPT_STACK = "mandatory-script-verify-flag-failed (Operation not valid with the current stack size)";
    SCRIPT_EQUALVERIFY = "mandatory-script-verify-flag-failed (Script failed an OP_EQUALVERIFY operation)";
  }
});

// devchain/rpc/amount.ts
function serializeReply(reply2) {
  const text = JSON.stringify(reply2, function(key, value) {
    const orig = this[key];
    if (orig instanceof Amount) return MARK + orig.toFixed8();
    return value;
  });
  return text === void 0 ? "null" : text.replace(MARK_RE, "$1");
}
var COIN3, NONCE, MARK, MARK_RE, Amount;
var init_amount = __esm({
  "devchain/rpc/amount.ts"() {
    "use strict";
    init_node();
    init_hash();
    COIN3 = 1e8;
    NONCE = toHex(platform.randomBytes(8));
    MARK = `${NONCE}`;
    MARK_RE = new RegExp(`"\\\\u0001${NONCE}(-?\\d+\\.\\d{8})"`, "g");
    Amount = class _Amount {
      constructor(sats) {
        this.sats = sats;
      }
      sats;
      static coins(c) {
        return new _Amount(Math.round(c * COIN3));
      }
      /** "10.16429765" */
      toFixed8() {
        const neg = this.sats < 0;
        const abs = Math.abs(this.sats);
        const whole = Math.floor(abs / COIN3);
        const frac = String(abs % COIN3).padStart(8, "0");
        return `${neg ? "-" : ""}${whole}.${frac}`;
      }
      valueOf() {
        return this.sats / COIN3;
      }
      toJSON() {
        return this.sats / COIN3;
      }
    };
  }
});

// devchain/rpc/params.ts
function requireString(p2, i) {
  const v = p2[i];
  if (typeof v !== "string") throw notString();
  return v;
}
function requireInt(p2, i) {
  const v = p2[i];
  if (typeof v !== "number" || !Number.isInteger(v)) throw notInt();
  return v;
}
function requireBool(p2, i) {
  const v = p2[i];
  if (typeof v !== "boolean") throw notBool();
  return v;
}
function checkCount(p2, min, max, usage4) {
  if (p2.length < min || p2.length > max) throw new RpcError(RpcCode.MISC_ERROR, usage4.endsWith("\n") ? usage4 : usage4 + "\n");
}
function typeCheckString(p2, i) {
  const v = p2[i];
  if (typeof v !== "string") throw new RpcError(RpcCode.TYPE_ERROR, `Expected type string, got ${jsonTypeName(v)}`);
  return v;
}
function typeCheck(p2, types) {
  types.forEach((t, i) => {
    if (i >= p2.length || p2[i] === null) return;
    const got = jsonTypeName(p2[i]);
    if (got !== t) throw new RpcError(RpcCode.TYPE_ERROR, `Expected type ${t}, got ${got}`);
  });
}
function jsonTypeName(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "object") return "object";
  return typeof v;
}
function parseFixedPoint8(s) {
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s)) return null;
  const exact = Number(s) * 1e8;
  const sats = Math.round(exact);
  if (!Number.isFinite(exact) || Math.abs(exact - sats) > 1e-6 * Math.max(1, Math.abs(exact) / 1e8)) return null;
  return Math.abs(sats) < 1e18 ? sats : null;
}
function amountFromValue(v) {
  if (typeof v !== "number" && typeof v !== "string") throw new RpcError(RpcCode.TYPE_ERROR, "Amount is not a number or string");
  const sats = parseFixedPoint8(typeof v === "number" ? String(v) : v);
  if (sats === null) throw new RpcError(RpcCode.TYPE_ERROR, "Invalid amount");
  if (sats < 0 || sats > 2e17) throw new RpcError(RpcCode.TYPE_ERROR, "Amount out of range");
  return sats;
}
var notString, notInt, notBool;
var init_params = __esm({
  "devchain/rpc/params.ts"() {
    "use strict";
    init_jsonrpc();
    notString = () => new RpcError(RpcCode.MISC_ERROR, "JSON value is not a string as expected");
    notInt = () => new RpcError(RpcCode.MISC_ERROR, "JSON value is not an integer as expected");
    notBool = () => new RpcError(RpcCode.MISC_ERROR, "JSON value is not a boolean as expected");
  }
});

// protocol/methodSpec.ts
function createCatalog(methods4) {
  const byName = /* @__PURE__ */ new Map();
  for (const m of methods4) {
    if (byName.has(m.name)) throw new Error(`catalog: ${m.name} is listed twice`);
    byName.set(m.name, m);
  }
  return { methods: methods4, categories: [...new Set(methods4.map((m) => m.category))], get: (name) => byName.get(name) };
}
var p;
var init_methodSpec = __esm({
  "protocol/methodSpec.ts"() {
    "use strict";
    p = (name, type, summary, extra = {}) => ({ name, type, summary, ...extra });
  }
});

// protocol/evalCodes.ts
var EVAL;
var init_evalCodes = __esm({
  "protocol/evalCodes.ts"() {
    "use strict";
    EVAL = {
      IMPORTPAYOUT: 225,
      IMPORTCOIN: 226,
      ASSETS: 227,
      FAUCET: 228,
      REWARDS: 229,
      DICE: 230,
      FSM: 231,
      AUCTION: 232,
      LOTTO: 233,
      HEIR: 234,
      CHANNELS: 235,
      ORACLES: 236,
      PRICES: 237,
      PEGS: 238,
      PAYMENTS: 240,
      GATEWAYS: 241,
      TOKENS: 242,
      IMPORTGATEWAY: 243
    };
  }
});

// protocol/module.ts
var defineModule;
var init_module = __esm({
  "protocol/module.ts"() {
    "use strict";
    defineModule = (spec) => spec;
  }
});

// modules/faucet/spec/strings.ts
var FAUCET_STRINGS;
var init_strings = __esm({
  "modules/faucet/spec/strings.ts"() {
    "use strict";
    FAUCET_STRINGS = {
      title: "Faucet",
      amount: "Coins to lock in the faucet",
      fund: "Fund the faucet",
      claim: "Claim 0.1 coin",
      claiming: "Searching for a transaction id that starts and ends with 00\u2026",
      attempts: "{n} attempts",
      attemptsOf: "{n} attempts of about {expected} expected",
      info: "Faucet balance",
      funding: "{amount} coins available",
      reader: "Claims run on the reader node, a fresh identity the faucet accepts.",
      tx: {
        claim: "Faucet claim, proof-of-work nonce {nonce}"
      }
    };
  }
});

// modules/faucet/spec.ts
function encodeFaucetGet(nonce) {
  const n = nonce >>> 0;
  return Uint8Array.of(EVAL.FAUCET, FAUCET_FUNCID_GET, n & 255, n >> 8 & 255, n >> 16 & 255, n >>> 24 & 255);
}
function decodeFaucetGet(payload) {
  if (payload.length !== 6 || payload[0] !== EVAL.FAUCET || payload[1] !== FAUCET_FUNCID_GET) return null;
  return { nonce: (payload[2] | payload[3] << 8 | payload[4] << 16 | payload[5] << 24) >>> 0 };
}
var FAUCET_FUNCID_GET, methods, faucet;
var init_spec = __esm({
  "modules/faucet/spec.ts"() {
    "use strict";
    init_methodSpec();
    init_evalCodes();
    init_module();
    init_strings();
    FAUCET_FUNCID_GET = 71;
    methods = [
      {
        name: "faucetaddress",
        category: "faucet",
        safety: "cc-info",
        softErrors: true,
        summary: "Faucet CC addresses and balances, global and yours.",
        params: [p("pubkey", "string", "Also show the CC address of this pubkey.", { optional: true, format: "pubkey" })],
        result: "object: result, FaucetCCAddress, FaucetCCBalance, FaucetNormalAddress, FaucetNormalBalance, FaucetCCTokensAddress, \u2026"
      },
      {
        name: "faucetinfo",
        category: "faucet",
        safety: "cc-info",
        softErrors: true,
        summary: "Coins available in the faucet.",
        params: [],
        result: "object: result, name, funding (string)"
      },
      {
        name: "faucetfund",
        category: "faucet",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that locks coins in the faucet.",
        params: [p("amount", "string", "Coins to lock, as a string.", { format: "coins", example: "10" })],
        result: "object: result, hex (not broadcast)"
      },
      // komodod's FaucetGet tries up to 1,000,000 nonces before it answers (src/cc/faucet.cpp): a slow
      // machine needs minutes, so every caller waits up to 3 minutes for it.
      {
        name: "faucetget",
        category: "faucet",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a 0.1-coin claim for this node (txid proof-of-work).",
        params: [],
        result: "object: result, hex (not broadcast)",
        timeoutMs: 18e4
      },
      {
        name: "devchain_jobs",
        category: "devchain",
        safety: "devchain",
        devchainOnly: true,
        summary: "Progress of faucetget proof-of-work searches (tries, elapsed) and the reasons of recent CC rejections.",
        params: [],
        result: "object: jobs [{id, kind, node, state, tries, expectedTries, maxTries, startedAt, elapsedMs, txid}], rejects [{txid, module, reason}]"
      },
      {
        name: "devchain_resetidentity",
        category: "devchain",
        safety: "devchain",
        devchainOnly: true,
        summary: "Give a node a fresh key with no history (repeat the faucet journey).",
        params: [p("node", "string", 'Node name; only "reader" by default.', { optional: true, example: "reader" })],
        result: "object: node, address, pubkey"
      }
    ];
    faucet = defineModule({
      id: "faucet",
      name: "Faucet",
      evalCode: EVAL.FAUCET,
      category: "faucet",
      globalPubkey: "03682b255c40d0cde8faee381a1a50bbb89980ff24539cb8518e294d3a63cefe12",
      globalPrivkey: "d44ff231717d28024bc7dd71a039c4be1afeebc246da76f807533d96b4caa0e9",
      globalAddress: "R9zHrofhRbub7ER77B7NrVch3A63R39GuC",
      methods,
      reference: {
        title: "Faucet CC",
        intro: "The Faucet Custom Consensus module (eval code 0xe4): lock coins, claim 0.1 coin per fresh address."
      },
      panels: ["FaucetPanel"],
      strings: { faucet: FAUCET_STRINGS },
      decodeOpReturn(payload) {
        const d = decodeFaucetGet(payload);
        return d && { module: "Faucet", evalCode: EVAL.FAUCET, kind: "claim", nonce: d.nonce };
      },
      viewOpReturn: (d) => d.kind === "claim" ? { summary: { key: "faucet.tx.claim", values: { nonce: Number(d.nonce) } } } : null
    });
  }
});

// protocol/opret.ts
function concatBytes2(...parts) {
  const out = new Uint8Array(parts.reduce((n, p2) => n + p2.length, 0));
  let o = 0;
  for (const p2 of parts) {
    out.set(p2, o);
    o += p2.length;
  }
  return out;
}
function hexToBytes(hex) {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error(`not hex: ${hex.slice(0, 20)}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
function compactSize(n) {
  if (n < 253) return Uint8Array.of(n);
  if (n <= 65535) return Uint8Array.of(253, n & 255, n >> 8);
  return Uint8Array.of(254, n & 255, n >> 8 & 255, n >> 16 & 255, n >>> 24 & 255);
}
function opReturnScript(payload) {
  const n = payload.length;
  const head = n < 76 ? Uint8Array.of(n) : n <= 255 ? Uint8Array.of(76, n) : Uint8Array.of(77, n & 255, n >> 8);
  return concatBytes2(Uint8Array.of(OP_RETURN), head, payload);
}
function opReturnPayload(script2) {
  if (script2.length < 2 || script2[0] !== OP_RETURN) return null;
  const op = script2[1];
  let start;
  let len;
  if (op < 76) [start, len] = [2, op];
  else if (op === 76 && script2.length >= 3) [start, len] = [3, script2[2]];
  else if (op === 77 && script2.length >= 4) [start, len] = [4, script2[2] | script2[3] << 8];
  else return null;
  return start + len === script2.length ? script2.subarray(start) : null;
}
function unmarshalWhole(payload, read) {
  try {
    const r = new PayloadReader(payload);
    const v = read(r);
    return r.rest === 0 ? v : null;
  } catch {
    return null;
  }
}
var OP_RETURN, bytesToHex, sizedBytes, PayloadReader;
var init_opret = __esm({
  "protocol/opret.ts"() {
    "use strict";
    OP_RETURN = 106;
    bytesToHex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    sizedBytes = (b) => concatBytes2(compactSize(b.length), b);
    PayloadReader = class {
      constructor(b) {
        this.b = b;
      }
      b;
      o = 0;
      byte() {
        if (this.o >= this.b.length) throw new Error("opret: truncated");
        return this.b[this.o++];
      }
      bytes(n) {
        if (this.o + n > this.b.length) throw new Error("opret: truncated");
        return this.b.subarray(this.o, this.o += n);
      }
      size() {
        const first = this.byte();
        if (first < 253) return first;
        const raw = this.bytes(first === 253 ? 2 : first === 254 ? 4 : 8);
        let n = 0;
        for (let i = raw.length - 1; i >= 0; i--) n = n * 256 + raw[i];
        return n;
      }
      vec() {
        return this.bytes(this.size());
      }
      get rest() {
        return this.b.length - this.o;
      }
    };
  }
});

// modules/tokens/spec/strings.ts
var TOKEN_STRINGS;
var init_strings2 = __esm({
  "modules/tokens/spec/strings.ts"() {
    "use strict";
    TOKEN_STRINGS = {
      title: "Tokens",
      name: "Token name",
      supply: "Supply (coins; 1 token = 1 satoshi)",
      description: "Description",
      create: "Create token",
      tokenid: "Token id",
      destination: "Recipient pubkey",
      amount: "Units to send",
      transfer: "Transfer",
      balances: "Balances",
      balance: "Balance",
      holder: "Holder",
      owner: "Owner",
      tx: {
        create: "Token creation: name \u201C{name}\u201D",
        description: "Description",
        creator: "Creator pubkey",
        transfer: "Token transfer of {tokenid}",
        to: "To pubkey"
      }
    };
  }
});

// modules/tokens/spec.ts
function encodeTokenCreate(o) {
  const parts = [Uint8Array.of(EVAL.TOKENS, TOKENS_FUNCID_CREATE), sizedBytes(o.creatorPubkey), sizedBytes(utf8.encode(o.name)), sizedBytes(utf8.encode(o.description))];
  if (o.nftData && o.nftData.length > 0) parts.push(Uint8Array.of(OPRETID_NONFUNGIBLEDATA), sizedBytes(o.nftData));
  return concatBytes2(...parts);
}
function decodeTokenCreate(payload) {
  try {
    const r = new PayloadReader(payload);
    if (r.byte() !== EVAL.TOKENS || r.byte() !== TOKENS_FUNCID_CREATE) return null;
    const creatorPubkey = r.vec();
    const name = fromUtf8.decode(r.vec());
    const description = fromUtf8.decode(r.vec());
    let nftData;
    while (r.rest > 0) {
      const id = r.byte();
      const blob = r.vec();
      if (id === OPRETID_NONFUNGIBLEDATA) nftData = blob;
    }
    if (creatorPubkey.length !== 33) return null;
    return nftData ? { creatorPubkey, name, description, nftData } : { creatorPubkey, name, description };
  } catch {
    return null;
  }
}
function encodeTokenTransfer(o) {
  return concatBytes2(Uint8Array.of(EVAL.TOKENS, TOKENS_FUNCID_TRANSFER), hexToBytes(o.tokenid), Uint8Array.of(o.destPubkeys.length), ...o.destPubkeys.map(sizedBytes));
}
function decodeTokenTransfer(payload) {
  try {
    const r = new PayloadReader(payload);
    if (r.byte() !== EVAL.TOKENS || r.byte() !== TOKENS_FUNCID_TRANSFER) return null;
    const tokenid = bytesToHex(r.bytes(32));
    const n = r.byte();
    const destPubkeys = [];
    for (let i = 0; i < n; i++) destPubkeys.push(r.vec());
    const extra = r.rest > 0 ? firstBlob(payload.subarray(payload.length - r.rest)) : null;
    return extra ? { tokenid, destPubkeys, extra } : { tokenid, destPubkeys };
  } catch {
    return null;
  }
}
function firstBlob(rest) {
  for (const skip of [0, 1]) {
    try {
      const r = new PayloadReader(rest.subarray(skip));
      const blob = r.vec();
      if (skip === 1 || r.rest === 0) return blob;
    } catch {
    }
  }
  return null;
}
function tokensFuncId(payload) {
  return payload.length >= 2 && payload[0] === EVAL.TOKENS ? payload[1] : null;
}
var TOKENS_FUNCID_CREATE, TOKENS_FUNCID_TRANSFER, OPRETID_NONFUNGIBLEDATA, utf8, fromUtf8, methods2, tokens;
var init_spec2 = __esm({
  "modules/tokens/spec.ts"() {
    "use strict";
    init_methodSpec();
    init_evalCodes();
    init_module();
    init_opret();
    init_strings2();
    TOKENS_FUNCID_CREATE = 99;
    TOKENS_FUNCID_TRANSFER = 116;
    OPRETID_NONFUNGIBLEDATA = 17;
    utf8 = new TextEncoder();
    fromUtf8 = new TextDecoder();
    methods2 = [
      {
        name: "tokenaddress",
        category: "tokens",
        safety: "cc-info",
        softErrors: true,
        summary: "Tokens CC addresses and balances, global and yours.",
        params: [p("pubkey", "string", "Also show the CC address of this pubkey.", { optional: true, format: "pubkey" })],
        result: "object: result, TokensCCAddress, TokensCCBalance, TokensNormalAddress, TokensNormalBalance, \u2026"
      },
      {
        name: "tokencreate",
        category: "tokens",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that creates a token.",
        params: [
          p("name", "string", "Up to 32 characters.", { example: "DOCS" }),
          p("supply", "string", "Supply in coins; 1 token = 1 satoshi.", { format: "coins", example: "0.001" }),
          p("description", "string", "Up to 4096 characters.", { optional: true, example: "A token made in the docs" }),
          p("data", "string", "Non-fungible data as hex (supply must be 0.00000001).", { optional: true, format: "hex" })
        ],
        result: "object: result, hex (not broadcast; its txid is the tokenid)"
      },
      {
        name: "tokeninfo",
        category: "tokens",
        safety: "cc-info",
        softErrors: true,
        summary: "Owner, name, supply and description of a token.",
        params: [p("tokenid", "string", "Txid of the creation.", { format: "txid" })],
        result: "object: result, tokenid, owner, name, supply (int units), description, [data]"
      },
      {
        name: "tokenlist",
        category: "tokens",
        safety: "cc-info",
        heavy: true,
        summary: "Every tokenid on the chain.",
        params: [],
        result: "array of tokenids"
      },
      {
        name: "tokenbalance",
        category: "tokens",
        safety: "cc-info",
        softErrors: true,
        summary: "Token units held by a pubkey (yours by default).",
        params: [
          p("tokenid", "string", "Txid of the creation.", { format: "txid" }),
          p("pubkey", "string", "Holder pubkey.", { optional: true, format: "pubkey" })
        ],
        result: "object: result, CCaddress, tokenid, balance (int units)"
      },
      {
        name: "tokentransfer",
        category: "tokens",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that sends token units to a pubkey.",
        params: [
          p("tokenid", "string", "Txid of the creation.", { format: "txid" }),
          p("destpubkey", "string", "Recipient pubkey.", { format: "pubkey" }),
          p("amount", "string", "Integer token units, as a string.", { format: "integer", example: "1000" })
        ],
        result: "object: result, hex (not broadcast)"
      }
    ];
    tokens = defineModule({
      id: "tokens",
      name: "Tokens",
      evalCode: EVAL.TOKENS,
      category: "tokens",
      globalPubkey: "03e6191c70c9c9a28f9fd87089b9488d0e6c02fb629df64979c9cdb6b2b4a68d95",
      globalPrivkey: "1d0d0dce2dd2e19df5b626d5ada0f00add7a727d1735b5e32c6ca9a203164bcf",
      globalAddress: "RAMvUfoyURBRxAdVeTMHxn3giJZCFWeha2",
      methods: methods2,
      reference: {
        title: "Tokens CC",
        intro: "The Tokens Custom Consensus module (eval code 0xf2): create, inspect and transfer tokens; 1 token = 1 satoshi."
      },
      panels: ["TokenPanel"],
      strings: { token: TOKEN_STRINGS },
      decodeOpReturn(payload) {
        const f = tokensFuncId(payload);
        if (f === TOKENS_FUNCID_CREATE) {
          const c = decodeTokenCreate(payload);
          return c && {
            module: "Tokens",
            evalCode: EVAL.TOKENS,
            kind: "create",
            creator: bytesToHex(c.creatorPubkey),
            name: c.name,
            description: c.description,
            ...c.nftData ? { data: bytesToHex(c.nftData) } : {}
          };
        }
        if (f === TOKENS_FUNCID_TRANSFER) {
          const t = decodeTokenTransfer(payload);
          return t && { module: "Tokens", evalCode: EVAL.TOKENS, kind: "transfer", tokenid: t.tokenid, destinations: t.destPubkeys.map(bytesToHex) };
        }
        return null;
      },
      viewOpReturn(d) {
        if (d.kind === "create") {
          return {
            summary: { key: "token.tx.create", values: { name: String(d.name) } },
            details: [{ key: "token.tx.description", values: [String(d.description)] }, { key: "token.tx.creator", values: [String(d.creator)], code: true }]
          };
        }
        if (d.kind === "transfer") {
          const id = String(d.tokenid);
          return {
            summary: { key: "token.tx.transfer", values: { tokenid: `${id.slice(0, 10)}\u2026${id.slice(-8)}` } },
            details: [{ key: "token.tx.to", values: d.destinations ?? [], code: true }]
          };
        }
        return null;
      }
    });
  }
});

// modules/assets/spec/strings.ts
var ASSETS_STRINGS;
var init_strings3 = __esm({
  "modules/assets/spec/strings.ts"() {
    "use strict";
    ASSETS_STRINGS = {
      title: "Order book",
      tokenid: "Token id",
      actAs: "Act as",
      nodes: { miner: "miner", reader: "reader" },
      someone: "another pubkey",
      refresh: "Refresh",
      mine: "Mine a block",
      minedOnly: "The book lists mined orders only: mine a block after placing, filling or cancelling.",
      orders: "Open orders",
      side: "Side",
      sides: { ask: "ask (sells units)", bid: "bid (buys units)" },
      units: "Units",
      price: "Price per unit (coins)",
      total: "Total (coins)",
      owner: "Placed by",
      action: "Action",
      empty: "No open orders for this token.",
      fill: "Fill",
      fillUnits: "Units to fill",
      cancel: "Cancel",
      place: "Place order",
      positive: "Must be more than zero.",
      balances: "Balances",
      node: "Node",
      tokens: "Token units",
      coins: "Coins",
      change: "Change since the previous refresh"
    };
  }
});

// modules/assets/spec/funcids.ts
var isBidFuncid, isAskFuncid;
var init_funcids = __esm({
  "modules/assets/spec/funcids.ts"() {
    "use strict";
    isBidFuncid = (f) => f === "b" || f === "B";
    isAskFuncid = (f) => f === "s" || f === "S";
  }
});

// modules/assets/spec.ts
function int64le(n) {
  let v = BigInt.asUintN(64, BigInt(n));
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}
function encodeAssetData(funcid, price, origpubkey) {
  const f = funcid.charCodeAt(0);
  if (funcid === "x" || funcid === "o") return Uint8Array.of(EVAL_ASSETS, f);
  if ("sbSB".includes(funcid)) return concatBytes2(Uint8Array.of(EVAL_ASSETS, f), int64le(price), sizedBytes(origpubkey));
  throw new Error(`EncodeAssetOpRet: illegal funcid ${funcid}`);
}
function decodeAssetData(blob) {
  if (blob.length < 2 || blob[0] !== EVAL_ASSETS) return null;
  const funcid = String.fromCharCode(blob[1]);
  try {
    const r = new PayloadReader(blob);
    r.bytes(2);
    if (funcid === "x" || funcid === "o") return blob.length === 2 ? { funcid, price: 0, origpubkey: new Uint8Array(0) } : null;
    if ("sbSB".includes(funcid)) {
      const out = { funcid, price: readInt64(r), origpubkey: r.vec() };
      return r.rest === 0 ? out : null;
    }
    if (funcid === "e" || funcid === "E") {
      const assetid2 = bytesToHex(r.bytes(32));
      const out = { funcid, assetid2, price: readInt64(r), origpubkey: r.vec() };
      return r.rest === 0 ? out : null;
    }
  } catch {
    return null;
  }
  return null;
}
function encodeAssetsOpret(o) {
  if (o.voutPubkeys.length > 2) throw new Error("EncodeTokenOpRet supports at most 2 vout pubkeys");
  const blob = encodeAssetData(o.funcid, o.price, o.origpubkey);
  return concatBytes2(
    Uint8Array.of(EVAL_TOKENS, 116),
    hexToBytes(o.tokenid),
    Uint8Array.of(o.voutPubkeys.length),
    ...o.voutPubkeys.map(sizedBytes),
    Uint8Array.of(OPRETID_ASSETSDATA),
    sizedBytes(blob)
  );
}
function decodeAssetsOpret(payload) {
  if (payload.length <= 2 || payload[0] !== EVAL_TOKENS || payload[1] !== 116) return null;
  try {
    const r = new PayloadReader(payload);
    r.bytes(2);
    const tokenid = bytesToHex(r.bytes(32));
    const ccType = r.byte();
    if (ccType > 2) return null;
    const voutPubkeys = [];
    for (let i = 0; i < ccType; i++) voutPubkeys.push(r.vec());
    const afterPubkeys = payload.length - r.rest;
    const data = decodeAssetData(oldStyleBlob(payload.subarray(afterPubkeys)) ?? assetsBlob(payload.subarray(afterPubkeys)) ?? new Uint8Array(0));
    return data ? { tokenid, voutPubkeys: voutPubkeys.filter((k) => k.length === 33 || k.length === 65), ...data } : null;
  } catch {
    return null;
  }
}
function oldStyleBlob(rest) {
  try {
    const r = new PayloadReader(rest);
    const old = r.vec();
    return r.rest === 0 && old.length >= 2 && old[0] === EVAL_ASSETS && OLD_STYLE_FUNCIDS.includes(String.fromCharCode(old[1])) ? old : null;
  } catch {
    return null;
  }
}
function assetsBlob(rest) {
  const r = new PayloadReader(rest);
  let found = null;
  while (r.rest > 0) {
    const id = r.byte();
    if (r.rest === 0) break;
    const b = r.vec();
    if (id === OPRETID_ASSETSDATA && !found) found = b;
  }
  return found;
}
function totalSats(price, numtokens) {
  return toInt64(price * numtokens * COIN5 + 49999e-13);
}
function validateBidRemainder(remainingUnits, remainingNValue, origNValue, receivedNValue, paidUnits, totalUnits) {
  if (origNValue === 0 || receivedNValue === 0 || paidUnits === 0 || totalUnits === 0) return false;
  if (totalUnits !== remainingUnits + paidUnits) return false;
  if (origNValue !== remainingNValue + receivedNValue) return false;
  return idiv(receivedNValue, paidUnits) >= idiv(origNValue, totalUnits);
}
function validateAskRemainder(remainingNValue, remainingAssetoshis, origAssetoshis, receivedAssetoshis, paidNValue, totalNValue) {
  if (origAssetoshis === 0 || receivedAssetoshis === 0 || paidNValue === 0 || totalNValue === 0) return false;
  if (totalNValue !== remainingNValue + paidNValue) return false;
  if (origAssetoshis !== remainingAssetoshis + receivedAssetoshis) return false;
  return idiv(paidNValue, receivedAssetoshis) >= idiv(totalNValue, origAssetoshis);
}
function setBidFillamounts(origNValue, paidUnits, totalUnits) {
  if (totalUnits === 0) return { ok: false, receivedNValue: 0, remainingUnits: 0, paidUnits: 0 };
  if (paidUnits >= totalUnits) return { ok: true, receivedNValue: origNValue, remainingUnits: 0, paidUnits: totalUnits };
  const remainingUnits = totalUnits - paidUnits;
  const unitprice = idiv(origNValue, totalUnits);
  const receivedNValue = imul(paidUnits, unitprice);
  const ok = unitprice > 0 && receivedNValue > 0 && receivedNValue <= origNValue && validateBidRemainder(remainingUnits, origNValue - receivedNValue, origNValue, receivedNValue, paidUnits, totalUnits);
  return { ok, receivedNValue, remainingUnits, paidUnits };
}
function setAskFillamounts(origAssetoshis, paidNValue, totalNValue) {
  if (totalNValue === 0) return { ok: false, receivedAssetoshis: 0, remainingNValue: 0, paidNValue: 0 };
  if (paidNValue >= totalNValue) return { ok: true, receivedAssetoshis: origAssetoshis, remainingNValue: 0, paidNValue: totalNValue };
  const remainingNValue = totalNValue - paidNValue;
  const dunitprice = totalNValue / origAssetoshis;
  const receivedAssetoshis = toInt64(paidNValue / dunitprice);
  const ok = Math.abs(dunitprice) > SMALLVAL && receivedAssetoshis > 0 && receivedAssetoshis <= origAssetoshis && validateAskRemainder(remainingNValue, origAssetoshis - receivedAssetoshis, origAssetoshis, receivedAssetoshis, paidNValue, totalNValue);
  return { ok, receivedAssetoshis, remainingNValue, paidNValue };
}
function askFillPayment(origAssetoshis, totalNValue, fillUnits) {
  return toInt64(totalNValue / origAssetoshis * fillUnits);
}
var EVAL_ASSETS, EVAL_TOKENS, ASSETS_NAME, ASSETS_GLOBAL_PUBKEY, ASSETS_GLOBAL_CC_ADDRESS, COIN5, ASSETS_TXFEE, OPRETID_ASSETSDATA, readInt64, OLD_STYLE_FUNCIDS, idiv, imul, toInt64, SMALLVAL, fixed8, tokenidParam, ASSETS_METHODS, assets;
var init_spec3 = __esm({
  "modules/assets/spec.ts"() {
    "use strict";
    init_evalCodes();
    init_module();
    init_opret();
    init_strings3();
    init_funcids();
    init_strings3();
    EVAL_ASSETS = EVAL.ASSETS;
    EVAL_TOKENS = EVAL.TOKENS;
    ASSETS_NAME = "Assets";
    ASSETS_GLOBAL_PUBKEY = "02adf84e0e075cf90868bd4e3d34a03420e034719649c41f371fc70d8e33aa2702";
    ASSETS_GLOBAL_CC_ADDRESS = "RGKRjeTBw4LYFotSDLT6RWzMHbhXri6BG6";
    COIN5 = 1e8;
    ASSETS_TXFEE = 1e4;
    OPRETID_ASSETSDATA = 18;
    readInt64 = (r) => Number(BigInt.asIntN(64, r.bytes(8).reduceRight((n, x) => n << 8n | BigInt(x), 0n)));
    OLD_STYLE_FUNCIDS = "sbSBxo";
    idiv = (a, b) => Number(BigInt(a) / BigInt(b));
    imul = (a, b) => Number(BigInt.asIntN(64, BigInt(a) * BigInt(b)));
    toInt64 = (d) => Math.trunc(d);
    SMALLVAL = 1e-15;
    fixed8 = (d) => d.toFixed(8);
    tokenidParam = { name: "tokenid", type: "string", format: "txid", summary: "Txid of the token creation." };
    ASSETS_METHODS = [
      {
        name: "assetsaddress",
        category: "assets",
        safety: "cc-info",
        softErrors: true,
        summary: "Assets CC addresses and balances: the global order book, a pubkey's and yours.",
        params: [{ name: "pubkey", type: "string", optional: true, format: "pubkey", summary: "Also show the Assets CC address of this pubkey." }],
        result: "object: result, AssetsCCAddress, AssetsCCBalance, AssetsNormalAddress, AssetsNormalBalance, AssetsCCTokensAddress, [PubkeyCCaddress(Assets), PubkeyCCbalance(Assets)], myCCAddress(Assets), myCCbalance(Assets), myaddress, mybalance"
      },
      {
        name: "tokenorders",
        category: "assets",
        safety: "cc-info",
        summary: "Open asks and bids, for one token or for all.",
        params: [{ ...tokenidParam, optional: true, summary: "Only this token's orders." }],
        result: "array of {funcid, txid, vout, amount, bidamount|askamount, origaddress, origtokenaddress, tokenid, totalrequired, price}"
      },
      {
        name: "mytokenorders",
        category: "assets",
        safety: "cc-info",
        summary: "Your open asks (komodod lists asks only).",
        params: [{ name: "evalcode", type: "string", optional: true, summary: 'Also list asks of non-fungible tokens with this eval code (e.g. "0xf7").' }],
        result: "array of orders, as tokenorders"
      },
      {
        name: "tokenask",
        category: "assets",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that offers token units for coins.",
        params: [
          { name: "numtokens", type: "string", format: "integer", summary: "Token units to sell.", example: "500" },
          tokenidParam,
          { name: "price", type: "string", format: "coins", summary: "Coins per token unit.", example: "0.0001" }
        ],
        result: "object: result, hex (not broadcast; its txid is the asktxid)"
      },
      {
        name: "tokenbid",
        category: "assets",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that locks coins to buy token units.",
        params: [
          { name: "numtokens", type: "string", format: "integer", summary: "Token units wanted.", example: "100" },
          tokenidParam,
          { name: "price", type: "string", format: "coins", summary: "Coins per token unit.", example: "0.0001" }
        ],
        result: "object: result, hex (not broadcast; its txid is the bidtxid)"
      },
      {
        name: "tokenfillask",
        category: "assets",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that buys units from an ask.",
        params: [
          tokenidParam,
          { name: "asktxid", type: "string", format: "txid", summary: "The ask, or the last fill of it." },
          { name: "fillunits", type: "string", format: "integer", summary: "Token units to buy.", example: "200" }
        ],
        result: "object: result, hex (not broadcast)"
      },
      {
        name: "tokenfillbid",
        category: "assets",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that sells units into a bid.",
        params: [
          tokenidParam,
          { name: "bidtxid", type: "string", format: "txid", summary: "The bid, or the last fill of it." },
          { name: "fillamount", type: "string", format: "integer", summary: "Token units to sell.", example: "100" }
        ],
        result: "object: result, hex (not broadcast)"
      },
      {
        name: "tokencancelask",
        category: "assets",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that takes the rest of your ask back.",
        params: [tokenidParam, { name: "asktxid", type: "string", format: "txid", summary: "The ask, or the last fill of it." }],
        result: "object: result, hex (not broadcast)"
      },
      {
        name: "tokencancelbid",
        category: "assets",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that unlocks the rest of your bid's coins.",
        params: [tokenidParam, { name: "bidtxid", type: "string", format: "txid", summary: "The bid, or the last fill of it." }],
        result: "object: result, hex (not broadcast)"
      }
    ];
    assets = defineModule({
      id: "assets",
      name: ASSETS_NAME,
      evalCode: EVAL.ASSETS,
      category: "assets",
      globalPubkey: ASSETS_GLOBAL_PUBKEY,
      globalPrivkey: "9b1766e58266acb6ba438374f763113bf0f3506fd96b6785f97af0544db13077",
      globalAddress: ASSETS_GLOBAL_CC_ADDRESS,
      methods: ASSETS_METHODS,
      reference: {
        title: "Assets CC",
        intro: "The Assets Custom Consensus module (eval code 0xe3): an on-chain order book for tokens; asks lock units, bids lock coins, fills and cancels are checked by consensus."
      },
      panels: ["OrderBook"],
      strings: { assets: ASSETS_STRINGS }
    });
  }
});

// modules/oracles/spec/opret.ts
function int64le2(v) {
  let u = BigInt.asUintN(64, v);
  const out = [];
  for (let i = 0; i < 8; i++) {
    out.push(Number(u & 0xffn));
    u >>= 8n;
  }
  return out;
}
function int64(r) {
  const b = r.bytes(8);
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = v << 8n | BigInt(b[i]);
  return BigInt.asIntN(64, v);
}
function encodeOracleCreate(o) {
  return Uint8Array.from([EVAL_ORACLES, FUNCID2.create, ...vec(utf82.encode(o.name)), ...vec(utf82.encode(o.format)), ...vec(utf82.encode(o.description))]);
}
function decodeOracleCreate(payload) {
  if (payload.length <= 2 || payload[0] !== EVAL_ORACLES || payload[1] !== FUNCID2.create) return null;
  return decodeWith(payload, (r) => {
    r.byte();
    r.byte();
    const name = fromUtf82.decode(r.vec());
    const format = fromUtf82.decode(r.vec());
    const description = fromUtf82.decode(r.vec());
    return { name, description, format };
  });
}
function encodeOracleOpret(o) {
  return Uint8Array.from([EVAL_ORACLES, o.funcid, ...uint256Bytes(o.oracletxid), ...vec(hexToBytes(o.pubkey)), ...int64le2(o.num)]);
}
function decodeOracleOpret(payload) {
  if (payload.length <= 2 || payload[0] !== EVAL_ORACLES) return null;
  const f = payload[1];
  if (f !== FUNCID2.fund && f !== FUNCID2.register && f !== FUNCID2.subscribe) return null;
  return decodeWith(payload, (r) => {
    r.byte();
    r.byte();
    const oracletxid2 = uint256Hex(r.bytes(32));
    const pubkey = bytesToHex(r.vec());
    return { funcid: f, oracletxid: oracletxid2, pubkey, num: int64(r) };
  });
}
function oraclesFuncid(payload) {
  return payload.length > 2 && payload[0] === EVAL_ORACLES ? payload[1] : null;
}
function encodeOracleData(o) {
  return Uint8Array.from([
    EVAL_ORACLES,
    FUNCID2.data,
    ...uint256Bytes(o.oracletxid),
    ...uint256Bytes(o.batontxid),
    ...vec(hexToBytes(o.publisher)),
    ...vec(o.data)
  ]);
}
function decodeOracleData(payload) {
  if (payload.length <= 2) return null;
  const d = decodeWith(payload, (r) => {
    const e = r.byte();
    const f = r.byte();
    const oracletxid2 = uint256Hex(r.bytes(32));
    const batontxid = uint256Hex(r.bytes(32));
    const publisher = bytesToHex(r.vec());
    const data = Uint8Array.from(r.vec());
    return e === EVAL_ORACLES && f === FUNCID2.data ? { oracletxid: oracletxid2, batontxid, publisher, data } : null;
  });
  return d ?? null;
}
var EVAL_ORACLES, FUNCID2, utf82, fromUtf82, vec, uint256Bytes, uint256Hex, decodeWith;
var init_opret2 = __esm({
  "modules/oracles/spec/opret.ts"() {
    "use strict";
    init_evalCodes();
    init_opret();
    EVAL_ORACLES = EVAL.ORACLES;
    FUNCID2 = { create: 67, fund: 70, register: 82, subscribe: 83, data: 68 };
    utf82 = new TextEncoder();
    fromUtf82 = new TextDecoder();
    vec = (b) => [...sizedBytes(b)];
    uint256Bytes = (txid) => Array.from(hexToBytes(txid)).reverse();
    uint256Hex = (b) => bytesToHex(Uint8Array.from(b).reverse());
    decodeWith = unmarshalWhole;
  }
});

// modules/oracles/spec/strings.ts
var oracleStrings;
var init_strings4 = __esm({
  "modules/oracles/spec/strings.ts"() {
    "use strict";
    oracleStrings = {
      dataTitle: "Publish a datum",
      samplesTitle: "Samples",
      oracletxid: "Oracle txid",
      format: "Format",
      loadFormat: "Read the format",
      field: "Field {n}",
      types: {
        s: "text, up to 255 characters",
        S: "text, up to 65,535 characters",
        d: "bytes as hex, up to 255",
        D: "bytes as hex, up to 65,535",
        c: "integer, 1 byte, signed",
        C: "integer, 1 byte, unsigned",
        t: "integer, 2 bytes, signed",
        T: "integer, 2 bytes, unsigned",
        i: "integer, 4 bytes, signed",
        I: "integer, 4 bytes, unsigned",
        l: "integer, 8 bytes, signed",
        L: "integer, 8 bytes, unsigned",
        h: "hash, 64 hex characters"
      },
      issues: {
        integer: "Type a whole number.",
        range: "Must be from {min} to {max}.",
        ascii: "Only plain ASCII characters, from space to ~.",
        length: "Too long: at most {max}.",
        hex: "Type bytes as hex, two digits per byte.",
        hash: "Type exactly 64 hex characters.",
        size: "The datum would be {size} bytes; oraclesdata takes at most 8192.",
        noFields: "This oracle's format has no fields."
      },
      encoded: "Datum as oraclesdata receives it (hex)",
      publish: "Publish",
      readSamples: "Read the samples",
      publisher: "Publisher",
      baton: "Baton address",
      datafee: "Data fee",
      funds: "Subscriptions left",
      txid: "Transaction",
      none: "No data published yet.",
      newestFirst: "Newest first, decoded with the oracle's format.",
      tx: {
        create: "Oracle creation: \u201C{name}\u201D, format {format}",
        description: "Description",
        fund: "Publisher marker for oracle {oracletxid}",
        register: "Publisher registration on oracle {oracletxid}, data fee {datafee} sat",
        subscribe: "Subscription to oracle {oracletxid}: {amount} sat",
        data: "Datum for oracle {oracletxid}",
        pubkey: "Pubkey",
        baton: "Previous baton",
        datum: "Datum (hex)"
      }
    };
  }
});

// modules/oracles/spec/format.ts
function formatError(name, description, format) {
  const len = (s) => new TextEncoder().encode(s).length;
  if (len(name) > MAX_NAME) return `name.${len(name)} must be less then 32`;
  if (len(description) > MAX_DESCRIPTION) return `description.${len(description)} must be less then 4096`;
  if (len(format) > MAX_FORMAT) return `format.${len(format)} must be less then 4096`;
  if (len(name) === 0) return "name must not be empty";
  for (const c of format) if (!isFormatType(c)) return "invalid format type";
  return null;
}
function matchesDataFormat(data, format) {
  let offset = 0;
  for (const c of format) {
    if (!isFormatType(c)) return false;
    let len;
    if (c === "s" || c === "d") len = data[offset++] ?? 0;
    else if (c === "S" || c === "D") {
      len = data[offset] ?? 0;
      len |= (data[offset + 1] ?? 0) << 8;
      offset += 2;
    } else len = c === "h" ? 32 : INT_TYPES[c].bytes;
    if (offset > data.length || len > data.length - offset) return false;
    if (c === "s" || c === "S") {
      for (let j = offset; j < offset + len; j++) if (data[j] < 32 || data[j] > 127) return false;
    }
    offset += len;
  }
  return offset === data.length && offset !== 0;
}
function decodeData(data, format) {
  const out = [];
  let j = 0;
  for (let i = 0; i < format.length && j < data.length; i++) {
    const r = readField(format[i], data, j);
    out.push(r ? r.text : "");
    if (!r) break;
    j = r.offset;
    if (j >= data.length) break;
  }
  return out;
}
function readField(fmt, data, start) {
  if (!isFormatType(fmt)) return null;
  let offset = start;
  let slen = 0;
  let dlen = 0;
  if (fmt === "s") slen = data[offset++] ?? 0;
  else if (fmt === "S") {
    slen = (data[offset] ?? 0) | (data[offset + 1] ?? 0) << 8;
    offset += 2;
  } else if (fmt === "d") dlen = data[offset++] ?? 0;
  else if (fmt === "D") {
    dlen = (data[offset] ?? 0) | (data[offset + 1] ?? 0) << 8;
    offset += 2;
  }
  const n = slen || dlen;
  if (n !== 0) {
    if (n >= IGUANA_MAXSCRIPTSIZE2 || offset + n > data.length) return null;
    const bytes2 = data.subarray(offset, offset + n);
    return { text: slen ? String.fromCharCode(...bytes2) : bytesToHex(bytes2), offset: offset + n };
  }
  if (fmt === "s" || fmt === "S" || fmt === "d" || fmt === "D") return null;
  const len = fmt === "h" ? 32 : INT_TYPES[fmt].bytes;
  if (offset + len > data.length) return null;
  const bytes = data.subarray(offset, offset + len);
  if (fmt === "h") return { text: bytesToHex(Uint8Array.from(bytes).reverse()), offset: offset + len };
  let v = 0n;
  for (let k = len - 1; k >= 0; k--) v = v << 8n | BigInt(bytes[k]);
  const t = INT_TYPES[fmt];
  return { text: (t.signed ? BigInt.asIntN(len * 8, v) : v).toString(), offset: offset + len };
}
var FORMAT_TYPES, MAX_DATA_SIZE, MAX_NAME, MAX_DESCRIPTION, MAX_FORMAT, isFormatType, INT_TYPES, IGUANA_MAXSCRIPTSIZE2;
var init_format = __esm({
  "modules/oracles/spec/format.ts"() {
    "use strict";
    init_opret();
    FORMAT_TYPES = ["s", "S", "d", "D", "c", "C", "t", "T", "i", "I", "l", "L", "h"];
    MAX_DATA_SIZE = 8192;
    MAX_NAME = 32;
    MAX_DESCRIPTION = 4096;
    MAX_FORMAT = 4096;
    isFormatType = (c) => FORMAT_TYPES.includes(c);
    INT_TYPES = {
      c: { bytes: 1, signed: true },
      C: { bytes: 1, signed: false },
      t: { bytes: 2, signed: true },
      T: { bytes: 2, signed: false },
      i: { bytes: 4, signed: true },
      I: { bytes: 4, signed: false },
      l: { bytes: 8, signed: true },
      L: { bytes: 8, signed: false }
    };
    IGUANA_MAXSCRIPTSIZE2 = 10001;
  }
});

// modules/oracles/spec.ts
function decodeOraclesPayload(payload) {
  const base = { module: ORACLES_NAME, evalCode: ORACLES_EVAL };
  const c = decodeOracleCreate(payload);
  if (c) return { ...base, kind: "create", ...c };
  const d = decodeOracleData(payload);
  if (d) return { ...base, kind: "data", oracletxid: d.oracletxid, batontxid: d.batontxid, publisher: d.publisher, data: bytesToHex(d.data) };
  const o = decodeOracleOpret(payload);
  if (!o) return null;
  const kind = o.funcid === FUNCID2.fund ? "fund" : o.funcid === FUNCID2.register ? "register" : "subscribe";
  return { ...base, kind, oracletxid: o.oracletxid, pubkey: o.pubkey, num: o.num.toString() };
}
function viewOraclesPayload(d) {
  const id = short(String(d.oracletxid ?? ""));
  const pubkey = { key: "oracle.tx.pubkey", values: [String(d.pubkey ?? d.publisher)], code: true };
  switch (d.kind) {
    case "create":
      return {
        summary: { key: "oracle.tx.create", values: { name: String(d.name), format: String(d.format) } },
        details: [{ key: "oracle.tx.description", values: [String(d.description)] }]
      };
    case "fund":
      return { summary: { key: "oracle.tx.fund", values: { oracletxid: id } }, details: [pubkey] };
    case "register":
      return { summary: { key: "oracle.tx.register", values: { oracletxid: id, datafee: String(d.num) } }, details: [pubkey] };
    case "subscribe":
      return { summary: { key: "oracle.tx.subscribe", values: { oracletxid: id, amount: String(d.num) } }, details: [pubkey] };
    case "data":
      return {
        summary: { key: "oracle.tx.data", values: { oracletxid: id } },
        details: [pubkey, { key: "oracle.tx.baton", values: [String(d.batontxid)], code: true }, { key: "oracle.tx.datum", values: [String(d.data)], code: true }]
      };
    default:
      return null;
  }
}
var ORACLES_EVAL, ORACLES_NAME, ORACLES_GLOBAL_PUBKEY, ORACLES_CC_ADDRESS, ORACLES_MARKER_VALUE, param, oracletxid, ORACLES_METHODS, ORACLES_USAGE, short, oracles;
var init_spec4 = __esm({
  "modules/oracles/spec.ts"() {
    "use strict";
    init_evalCodes();
    init_module();
    init_opret();
    init_opret2();
    init_strings4();
    init_format();
    ORACLES_EVAL = EVAL.ORACLES;
    ORACLES_NAME = "Oracles";
    ORACLES_GLOBAL_PUBKEY = "038c1d42db6a45a57eccb8981b078fb7857b9b496293fe299d2b8d120ac5b5691a";
    ORACLES_CC_ADDRESS = "REt2C4ZMnX8YYX1DRpffNA4hECZTFm39e3";
    ORACLES_MARKER_VALUE = 1e4;
    param = (name, summary, extra = {}) => ({ name, type: "string", summary, ...extra });
    oracletxid = param("oracletxid", "Txid of the oraclescreate transaction.", { format: "txid" });
    ORACLES_METHODS = [
      {
        name: "oraclesaddress",
        category: "oracles",
        safety: "cc-info",
        softErrors: true,
        summary: "Oracles CC addresses and balances, global and yours.",
        params: [param("pubkey", "Also show the Oracles CC address of this pubkey.", { optional: true, format: "pubkey" })],
        result: "object: result, OraclesCCAddress, OraclesCCBalance, OraclesNormalAddress, OraclesNormalBalance, OraclesCCTokensAddress, [PubkeyCCaddress(Oracles), PubkeyCCbalance(Oracles)], myCCAddress(Oracles), myCCbalance(Oracles), myaddress, mybalance"
      },
      {
        name: "oracleslist",
        category: "oracles",
        safety: "cc-info",
        summary: "Txids of every mined oracle.",
        params: [],
        result: "array of oracletxids"
      },
      {
        name: "oraclesinfo",
        category: "oracles",
        safety: "cc-info",
        softErrors: true,
        summary: "Name, format and registered publishers (baton, funds, data fee) of an oracle.",
        params: [oracletxid],
        result: "object: result, txid, name, description, format, marker, registered [{publisher, baton, batontxid, lifetime, funds, datafee}] (amounts as strings)"
      },
      {
        name: "oraclescreate",
        category: "oracles",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that creates an oracle with a data format.",
        params: [
          param("name", "Up to 32 characters.", { example: "DOCSPRICE" }),
          param("description", "Up to 4096 characters.", { example: "A price feed made in the docs" }),
          param("format", 'One letter per field: s S d D c C t T i I l L h (e.g. "Ihh").', { example: "sL" })
        ],
        result: "object: hex (not broadcast; its txid is the oracletxid), result"
      },
      {
        name: "oraclesfund",
        category: "oracles",
        safety: "cc-build",
        softErrors: true,
        summary: "Build the 0.0001 CC marker a publisher pays before it registers.",
        params: [oracletxid],
        result: "object: hex (not broadcast), result"
      },
      {
        name: "oraclesregister",
        category: "oracles",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that registers this node as a publisher with a data fee.",
        params: [oracletxid, param("datafee", "Satoshis paid per datum, at least 10000.", { format: "integer", example: "1000000" })],
        result: "object: hex (not broadcast), result"
      },
      {
        name: "oraclessubscribe",
        category: "oracles",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that funds a publisher: coins its data fees are paid from.",
        params: [
          oracletxid,
          param("publisher", "Pubkey of a registered publisher.", { format: "pubkey" }),
          param("amount", "Coins to lock for the publisher, as a string.", { format: "coins", example: "0.1" })
        ],
        result: "object: hex (not broadcast), result"
      },
      {
        name: "oraclesdata",
        category: "oracles",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that publishes one datum, encoded for the oracle's format.",
        params: [oracletxid, param("hexstr", "The datum as hex, length prefixes included.", { format: "hex", example: "034b4d44a086010000000000" })],
        result: "object: hex (not broadcast), result"
      },
      {
        name: "oraclessample",
        category: "oracles",
        safety: "cc-info",
        softErrors: true,
        summary: "One published datum, decoded with the oracle's format.",
        params: [oracletxid, param("txid", "Txid of an oraclesdata transaction.", { format: "txid" })],
        result: "object: result, txid, data (array of strings)"
      },
      {
        name: "oraclessamples",
        category: "oracles",
        safety: "cc-info",
        softErrors: true,
        summary: "The data a publisher published, newest first, decoded with the oracle's format.",
        params: [
          oracletxid,
          param("batonaddress", "The publisher's baton address (oraclesinfo registered[].baton).", { format: "address" }),
          param("num", 'How many samples; "0" for all.', { format: "integer", example: "0" })
        ],
        result: "object: result, samples [{txid, data (array of strings)}]"
      }
    ];
    ORACLES_USAGE = {
      oraclesaddress: "oraclesaddress [pubkey]",
      oracleslist: "oracleslist",
      oraclesinfo: "oraclesinfo oracletxid",
      oraclescreate: "oraclescreate name description format",
      oraclesfund: "oraclesfund oracletxid",
      oraclesregister: "oraclesregister oracletxid datafee",
      oraclessubscribe: "oraclessubscribe oracletxid publisher amount",
      oraclesdata: "oraclesdata oracletxid hexstr",
      oraclessample: "oraclessample oracletxid txid",
      oraclessamples: "oraclessamples oracletxid batonaddress num"
    };
    short = (id) => `${id.slice(0, 10)}\u2026${id.slice(-8)}`;
    oracles = defineModule({
      id: "oracles",
      name: ORACLES_NAME,
      evalCode: ORACLES_EVAL,
      category: "oracles",
      globalPubkey: ORACLES_GLOBAL_PUBKEY,
      globalAddress: ORACLES_CC_ADDRESS,
      methods: ORACLES_METHODS,
      reference: {
        title: "Oracles CC",
        intro: "The Oracles Custom Consensus module (eval code 0xec): publish off-chain data on-chain in a declared format, paid for by subscribers."
      },
      panels: ["OracleDataPanel", "OracleSamplesPanel"],
      strings: { oracle: oracleStrings },
      decodeOpReturn: decodeOraclesPayload,
      viewOpReturn: viewOraclesPayload
    });
  }
});

// modules/rewards/spec/opret.ts
function planNameBytes(name) {
  const b = utf83.encode(name);
  const nul = b.indexOf(0);
  return nul < 0 ? b : b.subarray(0, nul);
}
function stringbits(name) {
  const b = planNameBytes(name).subarray(0, 8);
  let bits = 0n;
  for (let i = b.length - 1; i >= 0; i--) bits = bits << 8n | BigInt(b[i]);
  return bits;
}
function unstringbits(sbits) {
  const out = [];
  for (let i = 0, v = BigInt.asUintN(64, sbits); i < 8; i++, v >>= 8n) {
    const c = Number(v & 0xffn);
    if (c === 0) break;
    out.push(c);
  }
  return new TextDecoder().decode(Uint8Array.from(out));
}
function u64le(v) {
  let u = BigInt.asUintN(64, v);
  const out = [];
  for (let i = 0; i < 8; i++, u >>= 8n) out.push(Number(u & 0xffn));
  return out;
}
function u64(r) {
  const b = r.bytes(8);
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = v << 8n | BigInt(b[i]);
  return v;
}
function encodeRewardsFunding(t) {
  return Uint8Array.from([
    EVAL.REWARDS,
    FUNCID3.fund,
    ...u64le(t.sbits),
    ...u64le(t.APR),
    ...u64le(t.minseconds),
    ...u64le(t.maxseconds),
    ...u64le(t.mindeposit)
  ]);
}
function encodeRewardsOpret(funcid, sbits, fundingtxid3) {
  return Uint8Array.from([EVAL.REWARDS, funcid, ...u64le(sbits), ...uint256Bytes2(fundingtxid3)]);
}
function decodeRewardsFunding(payload) {
  if (payload.length <= 2) return null;
  const d = unmarshalWhole(payload, readTerms);
  if (!d || d.e !== EVAL.REWARDS || d.f !== FUNCID3.fund) return null;
  const { sbits, APR, minseconds, maxseconds, mindeposit } = d;
  return { sbits, APR, minseconds, maxseconds, mindeposit };
}
function decodeRewardsOpret(txid, payload) {
  if (payload.length <= 2 || payload[0] !== EVAL.REWARDS) return null;
  if (payload[1] === FUNCID3.fund) {
    const t = unmarshalWhole(payload, readTerms);
    return t ? { funcid: FUNCID3.fund, sbits: t.sbits, fundingtxid: txid } : null;
  }
  const d = unmarshalWhole(payload, (r) => ({ e: r.byte(), f: r.byte(), sbits: u64(r), fundingtxid: uint256Hex2(r.bytes(32)) }));
  if (!d || d.e !== EVAL.REWARDS || d.f !== FUNCID3.add && d.f !== FUNCID3.lock && d.f !== FUNCID3.unlock) return null;
  return { funcid: d.f, sbits: d.sbits, fundingtxid: d.fundingtxid };
}
var FUNCID3, PLAN_NAME_MAX, utf83, validPlanName, uint256Bytes2, uint256Hex2, readTerms;
var init_opret3 = __esm({
  "modules/rewards/spec/opret.ts"() {
    "use strict";
    init_evalCodes();
    init_opret();
    FUNCID3 = { fund: 70, add: 65, lock: 76, unlock: 85 };
    PLAN_NAME_MAX = 8;
    utf83 = new TextEncoder();
    validPlanName = (name) => planNameBytes(name).length <= PLAN_NAME_MAX;
    uint256Bytes2 = (txid) => Array.from(hexToBytes(txid)).reverse();
    uint256Hex2 = (b) => bytesToHex(Uint8Array.from(b).reverse());
    readTerms = (r) => {
      const e = r.byte();
      const f = r.byte();
      return { e, f, sbits: u64(r), APR: u64(r), minseconds: u64(r), maxseconds: u64(r), mindeposit: u64(r) };
    };
  }
});

// modules/rewards/spec.ts
function decodeRewardsPayload(payload) {
  const base = { module: REWARDS_NAME, evalCode: REWARDS_EVAL };
  const t = decodeRewardsFunding(payload);
  if (t) {
    return {
      ...base,
      kind: "fund",
      name: unstringbits(t.sbits),
      APR: coins(t.APR),
      mindays: Number(t.minseconds / 86400n),
      maxdays: Number(t.maxseconds / 86400n),
      mindeposit: coins(t.mindeposit)
    };
  }
  const o = decodeRewardsOpret("", payload);
  return o ? { ...base, kind: KIND[o.funcid], name: unstringbits(o.sbits), fundingtxid: o.fundingtxid } : null;
}
function viewRewardsPayload(d) {
  const name = String(d.name);
  if (d.kind === "fund") {
    return {
      summary: { key: "rewards.tx.fund", values: { name } },
      details: [{ key: "rewards.tx.terms", values: [String(d.APR), String(d.mindays), String(d.maxdays), String(d.mindeposit)] }]
    };
  }
  if (!(d.kind === "add" || d.kind === "lock" || d.kind === "unlock")) return null;
  return {
    summary: { key: `rewards.tx.${d.kind}`, values: { name } },
    details: [{ key: "rewards.tx.plan", values: [String(d.fundingtxid)], code: true }]
  };
}
var REWARDS_EVAL, REWARDS_NAME, REWARDS_GLOBAL_PUBKEY, REWARDS_CC_ADDRESS, REWARDS_NORMAL_ADDRESS, param2, planName, fundingtxid, REWARDS_METHODS, REWARDS_USAGE, KIND, coins, rewards;
var init_spec5 = __esm({
  "modules/rewards/spec.ts"() {
    "use strict";
    init_evalCodes();
    init_module();
    init_opret3();
    REWARDS_EVAL = EVAL.REWARDS;
    REWARDS_NAME = "Rewards";
    REWARDS_GLOBAL_PUBKEY = "03da60379d924c2c30ac290d2a86c2ead128cb7bd571f69211cb95356e2dcc5eb9";
    REWARDS_CC_ADDRESS = "RTsRBYL1HSvMoE3qtBJkyiswdVaWkm8YTK";
    REWARDS_NORMAL_ADDRESS = "RMgye9jeczNjQx9Uzq8no8pTLiCSwuHwkz";
    param2 = (name, summary, extra = {}) => ({ name, type: "string", summary, ...extra });
    planName = param2("name", "The plan's name, at most 8 characters.", { example: "DOCS" });
    fundingtxid = param2("fundingtxid", "Txid of the plan's rewardscreatefunding transaction.", { format: "txid" });
    REWARDS_METHODS = [
      {
        name: "rewardsaddress",
        category: "rewards",
        safety: "cc-info",
        softErrors: true,
        summary: "Rewards CC addresses and balances, global and yours.",
        params: [param2("pubkey", "Also show the Rewards CC address of this pubkey.", { optional: true, format: "pubkey" })],
        result: "object: result, RewardsCCAddress, RewardsCCBalance, RewardsNormalAddress, RewardsNormalBalance, RewardsCCTokensAddress, [PubkeyCCaddress(Rewards), PubkeyCCbalance(Rewards)], myCCAddress(Rewards), myCCbalance(Rewards), myaddress, mybalance"
      },
      {
        name: "rewardslist",
        category: "rewards",
        safety: "cc-info",
        summary: "Funding txids of every mined rewards plan.",
        params: [],
        result: "array of fundingtxids"
      },
      {
        name: "rewardsinfo",
        category: "rewards",
        safety: "cc-info",
        softErrors: true,
        summary: "A plan's terms, the coins left to pay rewards and the coins locked in it.",
        params: [fundingtxid],
        result: "object: result, fundingtxid, name, sbits, APR, minseconds, maxseconds, mindeposit, funding, locked (amounts as strings)"
      },
      {
        name: "rewardscreatefunding",
        category: "rewards",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that opens a rewards plan and funds it.",
        params: [
          planName,
          param2("amount", "Coins to fund the plan with, at least 1.", { format: "coins", example: "100" }),
          param2("APR", "Yearly rate in percent, at most 25 (default 5).", { optional: true, example: "25" }),
          param2("mindays", "Days a deposit must stay locked before it earns (default 60).", { optional: true, format: "integer", example: "1" }),
          param2("maxdays", "Days after which a deposit earns no more (default 60).", { optional: true, format: "integer", example: "10" }),
          param2("mindeposit", "Smallest deposit in coins (default 100).", { optional: true, format: "coins", example: "10" })
        ],
        result: "object: result, hex (not broadcast; its txid is the fundingtxid)"
      },
      {
        name: "rewardsaddfunding",
        category: "rewards",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that adds coins to a plan's rewards pool.",
        params: [planName, fundingtxid, param2("amount", "Coins to add, as a string.", { format: "coins", example: "50" })],
        result: "object: result, hex (not broadcast)"
      },
      {
        name: "rewardslock",
        category: "rewards",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that locks a deposit in a plan; it comes back to this node's pubkey.",
        params: [planName, fundingtxid, param2("amount", "Coins to lock, at least the plan's mindeposit.", { format: "coins", example: "10" })],
        result: "object: result, hex (not broadcast; its txid is the locktxid)"
      },
      {
        name: "rewardsunlock",
        category: "rewards",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that pays a deposit and its reward back, once the minimum time has passed.",
        params: [planName, fundingtxid, param2("txid", "The locktxid; without it, a locked deposit of at least 10.73741824 coins is looked for.", { optional: true, format: "txid" })],
        result: "object: result, hex (not broadcast)"
      }
    ];
    REWARDS_USAGE = {
      rewardsaddress: "rewardsaddress [pubkey]",
      rewardslist: "rewardslist",
      rewardsinfo: "rewardsinfo fundingtxid",
      rewardscreatefunding: "rewardscreatefunding name amount APR mindays maxdays mindeposit",
      rewardsaddfunding: "rewardsaddfunding name fundingtxid amount",
      rewardslock: "rewardslock name fundingtxid amount",
      rewardsunlock: "rewardsunlock name fundingtxid [txid]"
    };
    KIND = { [FUNCID3.fund]: "fund", [FUNCID3.add]: "add", [FUNCID3.lock]: "lock", [FUNCID3.unlock]: "unlock" };
    coins = (sats) => `${sats / 100000000n}.${String(sats % 100000000n).padStart(8, "0")}`;
    rewards = defineModule({
      id: "rewards",
      name: REWARDS_NAME,
      evalCode: REWARDS_EVAL,
      category: "rewards",
      globalPubkey: REWARDS_GLOBAL_PUBKEY,
      globalAddress: REWARDS_CC_ADDRESS,
      methods: REWARDS_METHODS,
      reference: {
        title: "Rewards CC",
        intro: "The Rewards Custom Consensus module (eval code 0xe5): lock coins in a funded plan for a minimum time and get them back with a yearly rate."
      },
      panels: [],
      strings: {
        rewards: {
          tx: {
            fund: 'Rewards plan "{name}" opened and funded',
            terms: "APR %, min days, max days, min deposit",
            add: 'Coins added to rewards plan "{name}"',
            lock: 'Deposit locked in rewards plan "{name}"',
            unlock: 'Deposit and reward paid out of rewards plan "{name}"',
            plan: "Plan (fundingtxid)"
          }
        }
      },
      decodeOpReturn: decodeRewardsPayload,
      viewOpReturn: viewRewardsPayload
    });
  }
});

// modules/heir/spec.ts
function int64le3(n) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, n, true);
  return out;
}
function encodeHeirPlan(d) {
  return concatBytes2(
    Uint8Array.of(EVAL.HEIR, HEIR_FUNCID.FUND),
    sizedBytes(d.ownerPubkey),
    sizedBytes(d.heirPubkey),
    int64le3(d.inactivityTime),
    sizedBytes(utf84.encode(d.heirName)),
    sizedBytes(utf84.encode(d.memo))
  );
}
function encodeHeirRef(funcId, d) {
  return concatBytes2(Uint8Array.of(EVAL.HEIR, funcId), hexToBytes(d.fundingtxid), Uint8Array.of(d.heirSpendingBegun));
}
function pubkeyVec(r) {
  const v = r.vec();
  if (v.length > 65) throw new Error("opret: pubkey too long");
  return v;
}
function decodeHeirPayload(payload) {
  try {
    const r = new PayloadReader(payload);
    if (payload.length < 2 || r.byte() !== EVAL.HEIR) return null;
    const funcId = r.byte();
    let out = null;
    if (funcId === HEIR_FUNCID.FUND) {
      const ownerPubkey = pubkeyVec(r);
      const heirPubkey = pubkeyVec(r);
      const inactivityTime = new DataView(r.bytes(8).slice().buffer).getBigInt64(0, true);
      const heirName = fromUtf83.decode(r.vec());
      const memo = fromUtf83.decode(r.vec());
      out = { funcId, ownerPubkey, heirPubkey, inactivityTime, heirName, memo };
    } else {
      const fundingtxid3 = bytesToHex(r.bytes(32));
      const heirSpendingBegun = r.byte();
      if (funcId === HEIR_FUNCID.ADD || funcId === HEIR_FUNCID.CLAIM) out = { funcId, fundingtxid: fundingtxid3, heirSpendingBegun };
    }
    return r.rest === 0 ? out : null;
  } catch {
    return null;
  }
}
var HEIR_FUNCID, OPRETID_HEIRDATA, utf84, fromUtf83, fundingtxid2, methods3, funcName, short2, heir;
var init_spec6 = __esm({
  "modules/heir/spec.ts"() {
    "use strict";
    init_methodSpec();
    init_evalCodes();
    init_module();
    init_opret();
    HEIR_FUNCID = { FUND: 70, ADD: 65, CLAIM: 67 };
    OPRETID_HEIRDATA = 21;
    utf84 = new TextEncoder();
    fromUtf83 = new TextDecoder();
    fundingtxid2 = p("fundingtxid", "string", "Txid of the plan's heirfund transaction.", { format: "txid" });
    methods3 = [
      {
        name: "heiraddress",
        category: "heir",
        safety: "cc-info",
        softErrors: true,
        summary: "Heir CC addresses and balances, global, of a pubkey and yours.",
        params: [p("pubkey", "string", "Show the CC address of this pubkey (komodod requires it).", { format: "pubkey" })],
        result: "object: result, HeirCCAddress, HeirCCBalance, HeirNormalAddress, HeirNormalBalance, HeirCCTokensAddress, PubkeyCCaddress(Heir), \u2026"
      },
      {
        name: "heirfund",
        category: "heir",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that opens an inheritance plan.",
        params: [
          p("funds", "string", "Coins; token units when a tokenid is given.", { format: "coins", example: "1" }),
          p("heirname", "string", "A name for the plan.", { example: "docs-plan" }),
          p("heirpubkey", "string", "The heir's pubkey.", { format: "pubkey" }),
          p("inactivitytime", "string", "Seconds without a spend by the owner before the heir may claim.", { format: "integer", example: "3600" }),
          p("memo", "string", "A note kept in the plan.", { example: "for the reader" }),
          p("tokenid", "string", "Leave tokens instead of coins.", { optional: true, format: "txid" })
        ],
        result: "object: result, hex (not broadcast; its txid is the fundingtxid)"
      },
      {
        name: "heiradd",
        category: "heir",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that adds the owner's funds to a plan.",
        params: [p("funds", "string", "Coins, or token units for a token plan.", { format: "coins", example: "0.5" }), fundingtxid2],
        result: "object: result, hex (not broadcast)"
      },
      {
        name: "heirclaim",
        category: "heir",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that spends from a plan, as its owner or its heir.",
        params: [p("funds", "string", "Coins, or token units for a token plan.", { format: "coins", example: "0.5" }), fundingtxid2],
        result: "object: result, hex (not broadcast)"
      },
      {
        name: "heirinfo",
        category: "heir",
        safety: "cc-info",
        softErrors: true,
        summary: "A plan's owner, heir, funds and whether the heir may spend.",
        params: [fundingtxid2],
        result: "object: fundingtxid, name, [tokenid], owner, heir, type, lifetime, available, [OwnerRemainderTokens], InactivityTimeSetting, IsHeirSpendingAllowed, [InactivityTime], memo, result"
      },
      {
        name: "heirlist",
        category: "heir",
        safety: "cc-info",
        heavy: true,
        summary: "The fundingtxid of every plan on the chain.",
        params: [],
        result: "array of fundingtxids"
      }
    ];
    funcName = { [HEIR_FUNCID.FUND]: "fund", [HEIR_FUNCID.ADD]: "add", [HEIR_FUNCID.CLAIM]: "claim" };
    short2 = (id) => `${id.slice(0, 10)}\u2026${id.slice(-8)}`;
    heir = defineModule({
      id: "heir",
      name: "Heir",
      evalCode: EVAL.HEIR,
      category: "heir",
      globalPubkey: "03c91bef3d7cc59c3a89286833a3446b29e52a5e773f738a1ad2b09785e5f4179e",
      globalPrivkey: "9da1f8f7ba0a9136899a86306320d7dfaa35e399322b63c0669c93c45e9db9ce",
      globalAddress: "RDVHcSekmXgeYBqRupNTmqo3Rn8QRXNduy",
      methods: methods3,
      reference: {
        title: "Heir CC",
        intro: "The Heir Custom Consensus module (eval code 0xea): funds in a 1-of-2 address that the owner may spend at any time and the heir after a period in which the owner spent nothing; coins or tokens."
      },
      panels: [],
      strings: {
        heir: {
          tx: {
            fund: "Heir plan \u201C{name}\u201D opened",
            add: "Funds added to heir plan {fundingtxid}",
            claim: "Spend from heir plan {fundingtxid}",
            owner: "Owner pubkey",
            heir: "Heir pubkey",
            inactivity: "Inactivity time (seconds)",
            memo: "Memo",
            begun: "Heir spending has begun"
          }
        }
      },
      decodeOpReturn(payload) {
        const d = decodeHeirPayload(payload);
        if (!d) return null;
        const base = { module: "Heir", evalCode: EVAL.HEIR, kind: funcName[d.funcId] };
        return d.funcId === HEIR_FUNCID.FUND ? { ...base, owner: bytesToHex(d.ownerPubkey), heir: bytesToHex(d.heirPubkey), inactivityTime: String(d.inactivityTime), name: d.heirName, memo: d.memo } : { ...base, fundingtxid: d.fundingtxid, heirSpendingBegun: d.heirSpendingBegun };
      },
      viewOpReturn(d) {
        if (d.kind === "fund") {
          return {
            summary: { key: "heir.tx.fund", values: { name: String(d.name) } },
            details: [
              { key: "heir.tx.owner", values: [String(d.owner)], code: true },
              { key: "heir.tx.heir", values: [String(d.heir)], code: true },
              { key: "heir.tx.inactivity", values: [String(d.inactivityTime)] },
              { key: "heir.tx.memo", values: [String(d.memo)] }
            ]
          };
        }
        if (d.kind === "add" || d.kind === "claim") {
          return {
            summary: { key: `heir.tx.${d.kind}`, values: { fundingtxid: short2(String(d.fundingtxid)) } },
            details: [{ key: "heir.tx.begun", values: [d.heirSpendingBegun ? "true" : "false"], code: true }]
          };
        }
        return null;
      }
    });
  }
});

// modules/channels/spec/opret.ts
function int32le(n) {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, n, true);
  return b;
}
function int64le4(n) {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, BigInt.asIntN(64, n), true);
  return b;
}
function encodeChannelsPayload(o) {
  return concatBytes2(
    Uint8Array.of(EVAL.CHANNELS, o.funcid),
    uint256Bytes3(o.opentxid),
    sizedBytes(hexToBytes(o.srcpub)),
    sizedBytes(hexToBytes(o.destpub)),
    int32le(o.param1),
    int64le4(o.param2),
    uint256Bytes3(o.param3)
  );
}
function encodeChannelsOpret(o) {
  const inner = encodeChannelsPayload(o);
  if (o.tokenid === ZERO_ID) return inner;
  return concatBytes2(
    Uint8Array.of(EVAL.TOKENS, TOKENS_TRANSFER),
    hexToBytes(o.tokenid),
    Uint8Array.of(2),
    sizedBytes(hexToBytes(o.srcpub)),
    sizedBytes(hexToBytes(o.destpub)),
    Uint8Array.of(OPRETID_CHANNELSDATA),
    sizedBytes(inner)
  );
}
function decodeInner(payload, tokenid) {
  try {
    const r = new PayloadReader(payload);
    if (payload.length <= 2 || r.byte() !== EVAL.CHANNELS) return null;
    const funcid = r.byte();
    const opentxid2 = uint256Hex3(r.bytes(32));
    const srcpub = bytesToHex(r.vec());
    const destpub = bytesToHex(r.vec());
    const n = r.bytes(4);
    const param1 = new DataView(n.buffer, n.byteOffset, 4).getInt32(0, true);
    const v = r.bytes(8);
    const param22 = new DataView(v.buffer, v.byteOffset, 8).getBigInt64(0, true);
    const param3 = uint256Hex3(r.bytes(32));
    if (r.rest !== 0 || funcid === 0) return null;
    return { funcid, opentxid: opentxid2, srcpub, destpub, param1, param2: param22, param3, tokenid };
  } catch {
    return null;
  }
}
function unwrapToken(payload) {
  try {
    const r = new PayloadReader(payload);
    if (r.byte() !== EVAL.TOKENS || r.byte() !== TOKENS_TRANSFER) return null;
    const tokenid = bytesToHex(r.bytes(32));
    const n = r.byte();
    if (n > 2) return null;
    for (let i = 0; i < n; i++) r.vec();
    while (r.rest > 0) {
      const id = r.byte();
      const blob = r.vec();
      if (id === OPRETID_CHANNELSDATA && blob.length > 0) return { tokenid, inner: blob };
    }
    return null;
  } catch {
    return null;
  }
}
function decodeChannelsOpret(payload) {
  const t = unwrapToken(payload);
  return t ? decodeInner(t.inner, t.tokenid) : decodeInner(payload, ZERO_ID);
}
var FUNCID4, FUNCIDS, OPRETID_CHANNELSDATA, TOKENS_TRANSFER, ZERO_ID, uint256Bytes3, uint256Hex3;
var init_opret4 = __esm({
  "modules/channels/spec/opret.ts"() {
    "use strict";
    init_evalCodes();
    init_opret();
    FUNCID4 = { open: 79, payment: 80, close: 67, refund: 82 };
    FUNCIDS = Object.values(FUNCID4);
    OPRETID_CHANNELSDATA = 20;
    TOKENS_TRANSFER = 116;
    ZERO_ID = "0".repeat(64);
    uint256Bytes3 = (display) => hexToBytes(display).reverse();
    uint256Hex3 = (raw) => bytesToHex(Uint8Array.from(raw).reverse());
  }
});

// modules/channels/spec.ts
function decodeChannelsPayload(payload) {
  const o = decodeChannelsOpret(payload);
  const kind = o && KINDS[o.funcid];
  if (!o || !kind) return null;
  return {
    module: CHANNELS_NAME,
    evalCode: CHANNELS_EVAL,
    kind,
    opentxid: o.opentxid,
    srcpub: o.srcpub,
    destpub: o.destpub,
    param1: o.param1,
    param2: o.param2.toString(),
    param3: o.param3
  };
}
function viewChannelsPayload(d) {
  const id = short3(String(d.opentxid));
  const parties = [
    { key: "channel.tx.sender", values: [String(d.srcpub)], code: true },
    { key: "channel.tx.receiver", values: [String(d.destpub)], code: true }
  ];
  switch (d.kind) {
    case "open":
      return {
        summary: { key: "channel.tx.open", values: { numpayments: Number(d.param1), payment: String(d.param2) } },
        details: [...parties, { key: "channel.tx.hashchain", values: [String(d.param3)], code: true }]
      };
    case "payment":
      return {
        summary: { key: "channel.tx.payment", values: { opentxid: id, released: String(d.param2), left: Number(d.param1) } },
        details: [{ key: "channel.tx.secret", values: [String(d.param3)], code: true }, ...parties]
      };
    case "close":
      return { summary: { key: "channel.tx.close", values: { opentxid: id, left: Number(d.param1) } }, details: parties };
    case "refund":
      return {
        summary: { key: "channel.tx.refund", values: { opentxid: id, left: Number(d.param1) } },
        details: [{ key: "channel.tx.closetxid", values: [String(d.param3)], code: true }, ...parties]
      };
    default:
      return null;
  }
}
var CHANNELS_EVAL, CHANNELS_NAME, CHANNELS_GLOBAL_PUBKEY, CHANNELS_CC_ADDRESS, CHANNELS_MAXPAYMENTS, CHANNELS_MARKER_VALUE, CHANNELS_MIN_CONFIRMS, opentxid, CHANNELS_METHODS, CHANNELS_USAGE, short3, KINDS, channels;
var init_spec7 = __esm({
  "modules/channels/spec.ts"() {
    "use strict";
    init_methodSpec();
    init_evalCodes();
    init_module();
    init_opret4();
    CHANNELS_EVAL = EVAL.CHANNELS;
    CHANNELS_NAME = "Channels";
    CHANNELS_GLOBAL_PUBKEY = "035debdb19b1c98c615259339500511d6216a3ffbeb28ff5655a7ef5790a12ab0b";
    CHANNELS_CC_ADDRESS = "RQy3rwX8sP9oDm3c39vGKA6H315cgtPLfr";
    CHANNELS_MAXPAYMENTS = 1e3;
    CHANNELS_MARKER_VALUE = 1e4;
    CHANNELS_MIN_CONFIRMS = 101;
    opentxid = p("opentxid", "string", "Txid of the channelsopen transaction.", { format: "txid" });
    CHANNELS_METHODS = [
      {
        name: "channelsaddress",
        category: "channels",
        safety: "cc-info",
        summary: "Channels CC addresses and balances, and the 1of2 address a channel between this node and a pubkey would use.",
        params: [p("pubkey", "string", "The other side of the channel (required).", { format: "pubkey" })],
        result: "object: result, ChannelsCCAddress, ChannelsCCBalance, ChannelsNormalAddress, ChannelsNormalBalance, ChannelsCC1of2Address, ChannelsCC1of2TokensAddress, PubkeyCCaddress(Channels), PubkeyCCbalance(Channels), myCCAddress(Channels), myCCbalance(Channels), myaddress, mybalance"
      },
      {
        name: "channelslist",
        category: "channels",
        safety: "cc-info",
        summary: "Channels this node opened or receives from, by open txid.",
        params: [],
        result: 'object: result, name ("Channels List"), then one key per opentxid: "<n> payments of <payment> satoshi to <destpubkey>"'
      },
      {
        name: "channelsinfo",
        category: "channels",
        safety: "cc-info",
        softErrors: true,
        summary: "A channel's address, denomination and transactions, with the secret each payment revealed.",
        params: [p("opentxid", "string", "Txid of the channelsopen transaction.", { optional: true, format: "txid" })],
        result: 'object: result, Channel CC address, Destination address, Number of payments, Denomination (satoshi), Amount (satoshi), Transactions [{Open} | {Payment, Number of payments, Amount, Destination, Secret, Payments left} | {Close} | {Refund, Amount, Destination}]; unknown channel: {result: "error", Error: "Channel not found!"}'
      },
      {
        name: "channelsopen",
        category: "channels",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a transaction that opens a payment channel to a pubkey: numpayments payments of a fixed size.",
        params: [
          p("destpubkey", "string", "Pubkey of the receiver.", { format: "pubkey" }),
          p("numpayments", "string", "How many payments, 1 to 1000.", { format: "integer", example: "10" }),
          p("payment", "string", "Size of one payment in satoshis.", { format: "integer", example: "10000000" }),
          p("tokenid", "string", "Lock this token instead of coins. komodod builds such a channel, but its validation refuses every later payment, close and refund of it.", { optional: true, format: "txid" })
        ],
        result: "object: hex (not broadcast; its txid is the opentxid), result"
      },
      {
        name: "channelspayment",
        category: "channels",
        safety: "cc-build",
        softErrors: true,
        summary: "Build a payment through a channel: reveals the next secret and releases whole payments to the receiver.",
        params: [
          opentxid,
          p("amount", "string", "Satoshis to release, a multiple of the payment size.", { format: "integer", example: "10000000" }),
          p("secret", "string", "A secret from the sender (the receiver must give one).", { optional: true, format: "txid" })
        ],
        result: "object: hex (not broadcast), result"
      },
      {
        name: "channelsclose",
        category: "channels",
        safety: "cc-build",
        softErrors: true,
        summary: "Build the sender's close of a channel (the refund needs it, confirmed).",
        params: [opentxid],
        result: 'string: the raw transaction hex (not broadcast); errors are {result: "error", error}'
      },
      {
        name: "channelsrefund",
        category: "channels",
        safety: "cc-build",
        softErrors: true,
        summary: "Build the refund of what is left in a closed channel to the sender.",
        params: [opentxid, p("closetxid", "string", "Txid of the channelsclose transaction.", { format: "txid" })],
        result: 'string: the raw transaction hex (not broadcast); errors are {result: "error", error}'
      }
    ];
    CHANNELS_USAGE = {
      channelsaddress: "channelsaddress pubkey",
      channelslist: "channelslist",
      channelsinfo: "channelsinfo [opentxid]",
      channelsopen: "channelsopen destpubkey numpayments payment [tokenid]",
      channelspayment: "channelspayment opentxid amount [secret]",
      channelsclose: "channelsclose opentxid",
      channelsrefund: "channelsrefund opentxid closetxid"
    };
    short3 = (id) => `${id.slice(0, 10)}\u2026${id.slice(-8)}`;
    KINDS = { [FUNCID4.open]: "open", [FUNCID4.payment]: "payment", [FUNCID4.close]: "close", [FUNCID4.refund]: "refund" };
    channels = defineModule({
      id: "channels",
      name: CHANNELS_NAME,
      evalCode: CHANNELS_EVAL,
      category: "channels",
      globalPubkey: CHANNELS_GLOBAL_PUBKEY,
      globalAddress: CHANNELS_CC_ADDRESS,
      methods: CHANNELS_METHODS,
      reference: {
        title: "Channels CC",
        intro: "The Channels Custom Consensus module (eval code 0xeb): prepaid payment channels whose payments are released by the secrets of a hash chain."
      },
      panels: [],
      strings: {
        channel: {
          tx: {
            open: "Channel open: {numpayments} payments of {payment} satoshis",
            payment: "Payment through channel {opentxid}: releases {released}, {left} left",
            close: "Close of channel {opentxid}: {left} payments left in it",
            refund: "Refund of channel {opentxid}: {left} payments back to the sender",
            sender: "Sender pubkey",
            receiver: "Receiver pubkey",
            hashchain: "Hash chain (the last link; every secret hashes to it)",
            secret: "Secret revealed",
            closetxid: "Close txid"
          }
        }
      },
      decodeOpReturn: decodeChannelsPayload,
      viewOpReturn: viewChannelsPayload
    });
  }
});

// devchain/cc/hashes.ts
import { ripemd160 as ripemd1602 } from "@noble/hashes/legacy.js";
import { createBase58check as createBase58check2 } from "@scure/base";
import { concatBytes as concat2, bytesToHex as bytesToHex2 } from "@noble/hashes/utils.js";
function hash1602(data) {
  return ripemd1602(sha256(data));
}
function bytesEqual(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
function addressOf(version, payload20) {
  return base58check.encode(concat2(Uint8Array.of(version), payload20));
}
function pubkeyAddress(pubkey) {
  return addressOf(R_ADDRESS_VERSION, hash1602(pubkey));
}
var base58check;
var init_hashes = __esm({
  "devchain/cc/hashes.ts"() {
    "use strict";
    init_hash();
    init_addressVersions();
    init_opret();
    base58check = createBase58check2(sha256);
  }
});

// devchain/cc/der.ts
function derLength(n) {
  if (n < 128) return Uint8Array.of(n);
  const bytes = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 255);
  return Uint8Array.of(128 | bytes.length, ...bytes);
}
function tlv(tag, ...content) {
  const body = concat2(...content);
  return concat2(Uint8Array.of(tag), derLength(body.length), body);
}
function derUint(n) {
  const bytes = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 255);
  if (bytes.length === 0) bytes.push(0);
  if (bytes[0] & 128) bytes.unshift(0);
  return Uint8Array.from(bytes);
}
function readUint(content) {
  let n = 0;
  for (const b of content) n = n * 256 + b;
  return n;
}
function derSort(items) {
  return [...items].sort((a, b) => {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  });
}
function readTlv(buf, offset = 0) {
  if (offset + 2 > buf.length) throw new Error("DER: truncated header");
  const tag = buf[offset];
  let len = buf[offset + 1];
  let head = 2;
  if (len & 128) {
    const n = len & 127;
    if (n === 0 || n > 3 || offset + 2 + n > buf.length) throw new Error("DER: bad length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[offset + 2 + i];
    head += n;
  }
  if (offset + head + len > buf.length) throw new Error("DER: truncated content");
  return { tag, content: buf.subarray(offset + head, offset + head + len), size: head + len };
}
function readAll(content) {
  const out = [];
  for (let o = 0; o < content.length; ) {
    const t = readTlv(content, o);
    out.push(t);
    o += t.size;
  }
  return out;
}
var init_der = __esm({
  "devchain/cc/der.ts"() {
    "use strict";
    init_hashes();
  }
});

// devchain/cc/condition.ts
function typeIdOf(c) {
  return c.type === "anon" ? c.typeId : CC_TYPE[c.type];
}
function costOf(c) {
  switch (c.type) {
    case "secp256k1":
      return SECP_COST;
    case "eval":
      return EVAL_COST;
    case "anon":
      return c.cost;
    case "threshold": {
      const costs = c.subs.map(costOf).sort((a, b) => b - a);
      return costs.slice(0, c.threshold).reduce((s, x) => s + x, 0) + PER_CHILD_COST * c.subs.length;
    }
  }
}
function subtypesOf(c) {
  switch (c.type) {
    case "anon":
      return c.subtypes;
    case "threshold": {
      let mask = 0;
      for (const s of c.subs) mask |= subtypesOf(s) | 1 << typeIdOf(s);
      return mask & ~(1 << CC_TYPE.threshold);
    }
    default:
      return 0;
  }
}
function fingerprintOf(c) {
  switch (c.type) {
    case "secp256k1":
      return sha256(tlv(48, tlv(128, c.pubkey)));
    case "eval":
      return sha256(c.code);
    case "anon":
      return c.fingerprint;
    case "threshold":
      return sha256(tlv(48, tlv(128, derUint(c.threshold)), tlv(161, ...derSort(c.subs.map(conditionBinary)))));
  }
}
function subtypesBits(mask) {
  let high = -1;
  for (let i = 0; i < 32; i++) if (mask & 1 << i) high = i;
  if (high < 0) return Uint8Array.of(0);
  const nbytes = (high >> 3) + 1;
  const out = new Uint8Array(1 + nbytes);
  out[0] = nbytes * 8 - (high + 1);
  for (let i = 0; i <= high; i++) if (mask & 1 << i) out[1 + (i >> 3)] |= 128 >> (i & 7);
  return out;
}
function parseSubtypesBits(content) {
  let mask = 0;
  for (let i = 0; i < (content.length - 1) * 8; i++) if (content[1 + (i >> 3)] & 128 >> (i & 7)) mask |= 1 << i;
  return mask;
}
function isCompound(typeId) {
  return typeId === 1 || typeId === CC_TYPE.threshold;
}
function conditionBinary(c) {
  const typeId = typeIdOf(c);
  const parts = [tlv(128, fingerprintOf(c)), tlv(129, derUint(costOf(c)))];
  if (isCompound(typeId)) parts.push(tlv(130, subtypesBits(subtypesOf(c))));
  return tlv(160 | typeId, ...parts);
}
function evalNode(evalCode) {
  return { type: "eval", code: Uint8Array.of(evalCode) };
}
function secpNode(pubkey) {
  return { type: "secp256k1", pubkey };
}
function makeCCcond1(evalCode, pubkey) {
  return { type: "threshold", threshold: 2, subs: [evalNode(evalCode), { type: "threshold", threshold: 1, subs: [secpNode(pubkey)] }] };
}
function makeTokensCCcond1(evalCode, pubkey) {
  return makeTokensCond(evalCode, 0, [pubkey]);
}
function makeCCcond1of2(evalCode, pk1, pk2) {
  return { type: "threshold", threshold: 2, subs: [evalNode(evalCode), { type: "threshold", threshold: 1, subs: [secpNode(pk1), secpNode(pk2)] }] };
}
function makeTokensCCcond1of2(evalCode, pk1, pk2) {
  return makeTokensCond(evalCode, 0, [pk1, pk2]);
}
function makeTokensCond(evalCode, evalCode2, pubkeys) {
  const subs = [evalNode(evalCode)];
  if (evalCode !== EVAL_TOKENS2) subs.push(evalNode(EVAL_TOKENS2));
  if (evalCode2 !== 0) subs.push(evalNode(evalCode2));
  subs.push({ type: "threshold", threshold: 1, subs: pubkeys.map(secpNode) });
  return { type: "threshold", threshold: subs.length, subs };
}
function ccScript(cond) {
  const bin = cond instanceof Uint8Array ? cond : conditionBinary(cond);
  if (bin.length >= 76) throw new Error("condition too long for a direct push");
  return concat2(Uint8Array.of(bin.length), bin, Uint8Array.of(OP_CHECKCRYPTOCONDITION));
}
function conditionOfScript(script2) {
  if (script2.length < 3 || script2[script2.length - 1] !== OP_CHECKCRYPTOCONDITION) return null;
  const n = script2[0];
  if (n < 1 || n >= 76 || n !== script2.length - 2) return null;
  const cond = script2.subarray(1, 1 + n);
  return (cond[0] & 224) === 160 ? cond : null;
}
function isCCScript(script2) {
  return conditionOfScript(script2) !== null;
}
function ccAddressOfScript(script2) {
  return addressOf(R_ADDRESS_VERSION, hash1602(script2));
}
function ccAddress(evalCode, pubkey) {
  return ccAddressOfScript(ccScript(makeCCcond1(evalCode, pubkey)));
}
function ccTokensAddress(evalCode, pubkey) {
  return ccAddressOfScript(ccScript(makeTokensCCcond1(evalCode, pubkey)));
}
var CC_TYPE, OP_CHECKCRYPTOCONDITION, SECP_COST, EVAL_COST, PER_CHILD_COST, EVAL_TOKENS2;
var init_condition = __esm({
  "devchain/cc/condition.ts"() {
    "use strict";
    init_der();
    init_evalCodes();
    init_hashes();
    CC_TYPE = { threshold: 2, secp256k1: 5, eval: 15 };
    OP_CHECKCRYPTOCONDITION = 204;
    SECP_COST = 131072;
    EVAL_COST = 1048576;
    PER_CHILD_COST = 1024;
    EVAL_TOKENS2 = EVAL.TOKENS;
  }
});

// devchain/cc/fulfillment.ts
import { secp256k1 as secp256k13 } from "@noble/curves/secp256k1.js";
function canFulfill(c) {
  switch (c.type) {
    case "secp256k1":
      return c.signature !== void 0;
    case "eval":
      return true;
    case "anon":
      return false;
    case "threshold":
      return c.subs.filter(canFulfill).length >= c.threshold;
  }
}
function fulfillmentBinary(c) {
  switch (c.type) {
    case "secp256k1":
      if (!c.signature) throw new Error("secp256k1 node is not signed");
      return tlv(165, tlv(128, c.pubkey), tlv(129, c.signature));
    case "eval":
      return tlv(175, tlv(128, c.code));
    case "anon":
      throw new Error("an anonymous condition cannot be fulfilled");
    case "threshold": {
      const fulfilled = c.subs.filter(canFulfill).slice(0, c.threshold);
      if (fulfilled.length < c.threshold) throw new Error("threshold not met");
      const rest = c.subs.filter((s) => !fulfilled.includes(s));
      return tlv(
        162,
        tlv(160, ...derSort(fulfilled.map(fulfillmentBinary))),
        tlv(161, ...derSort(rest.map(conditionBinary)))
      );
    }
  }
}
function ccScriptSig(c) {
  const data = concat2(fulfillmentBinary(c), Uint8Array.of(SIGHASH_ALL2));
  return concat2(pushPrefix(data.length), data);
}
function pushPrefix(n) {
  if (n < 76) return Uint8Array.of(n);
  if (n <= 255) return Uint8Array.of(76, n);
  if (n <= 65535) return Uint8Array.of(77, n & 255, n >> 8);
  throw new Error("push too long");
}
function singlePush(script2) {
  if (script2.length === 0) return null;
  const op = script2[0];
  let start;
  let len;
  if (op > 0 && op < 76) {
    start = 1;
    len = op;
  } else if (op === 76 && script2.length >= 2) {
    start = 2;
    len = script2[1];
  } else if (op === 77 && script2.length >= 3) {
    start = 3;
    len = script2[1] | script2[2] << 8;
  } else return null;
  return start + len === script2.length ? script2.subarray(start) : null;
}
function parseCondition(tag, content) {
  const parts = readAll(content);
  const fp = parts.find((p2) => p2.tag === 128);
  const cost = parts.find((p2) => p2.tag === 129);
  const sub = parts.find((p2) => p2.tag === 130);
  if (!fp || fp.content.length !== 32 || !cost) throw new Error("malformed condition");
  return { type: "anon", typeId: tag & 31, fingerprint: fp.content, cost: readUint(cost.content), subtypes: sub ? parseSubtypesBits(sub.content) : 0 };
}
function parseFulfillment(tag, content, depth) {
  if (depth > 8) throw new Error("fulfillment nested too deep");
  const parts = readAll(content);
  switch (tag & 31) {
    case CC_TYPE.secp256k1: {
      const [pk, sig] = parts;
      if (!pk || !sig || pk.tag !== 128 || sig.tag !== 129 || pk.content.length !== 33 || sig.content.length !== 64) {
        throw new Error("malformed secp256k1 fulfillment");
      }
      return { type: "secp256k1", pubkey: pk.content, signature: sig.content };
    }
    case CC_TYPE.eval: {
      const [code] = parts;
      if (!code || code.tag !== 128) throw new Error("malformed eval fulfillment");
      return { type: "eval", code: code.content };
    }
    case CC_TYPE.threshold: {
      const [ffs, conds] = parts;
      if (!ffs || !conds || ffs.tag !== 160 || conds.tag !== 161) throw new Error("malformed threshold fulfillment");
      const fulfilled = readAll(ffs.content).map((t) => parseFulfillment(t.tag, t.content, depth + 1));
      const rest = readAll(conds.content).map((t) => parseCondition(t.tag, t.content));
      return { type: "threshold", threshold: fulfilled.length, subs: [...fulfilled, ...rest] };
    }
    default:
      throw new Error(`unsupported fulfillment type ${tag & 31}`);
  }
}
function decodeFulfillment(bin) {
  const t = readTlv(bin);
  if (t.size !== bin.length) throw new Error("trailing bytes after fulfillment");
  return parseFulfillment(t.tag, t.content, 0);
}
function walk(c, visit) {
  visit(c);
  if (c.type === "threshold") for (const s of c.subs) walk(s, visit);
}
function checkCCInput(scriptSig, spentCondition, sighash) {
  const push = singlePush(scriptSig);
  if (!push || push.length < 2) return { ok: false, reason: "scriptSig is not one push" };
  if (push[push.length - 1] !== SIGHASH_ALL2) return { ok: false, reason: "hash type must be SIGHASH_ALL" };
  let tree;
  try {
    tree = decodeFulfillment(push.subarray(0, push.length - 1));
  } catch (e) {
    return { ok: false, reason: e.message };
  }
  if (!bytesEqual(conditionBinary(tree), spentCondition)) return { ok: false, reason: "fulfillment does not match the condition" };
  const evalCodes = [];
  const signers = [];
  let bad = false;
  walk(tree, (n) => {
    if (n.type === "eval") {
      if (n.code.length === 1) evalCodes.push(n.code[0]);
      else bad = true;
    }
    if (n.type === "secp256k1") {
      if (!n.signature || !secp256k13.verify(n.signature, sighash, n.pubkey, { prehash: false, lowS: true })) bad = true;
      else signers.push(n.pubkey);
    }
  });
  if (bad) return { ok: false, reason: "invalid signature" };
  return { ok: true, evalCodes, signers };
}
function signCondition(c, sighash, privkey) {
  const pub = secp256k13.getPublicKey(privkey, true);
  const sign2 = (n) => {
    if (n.type === "secp256k1" && bytesEqual(n.pubkey, pub)) {
      return { ...n, signature: secp256k13.sign(sighash, privkey, { prehash: false, lowS: true }) };
    }
    if (n.type === "threshold") return { ...n, subs: n.subs.map(sign2) };
    return n;
  };
  return sign2(c);
}
var SIGHASH_ALL2;
var init_fulfillment = __esm({
  "devchain/cc/fulfillment.ts"() {
    "use strict";
    init_der();
    init_condition();
    init_hashes();
    SIGHASH_ALL2 = 1;
  }
});

// devchain/cc/cc-rpc.ts
function ensureCC(ctx, variant = "plain") {
  const key = ctx.wallet.pubkeyKey;
  if (!ctx.chain.params.cc || !ctx.wallet.pubkey || !key) {
    throw new RpcError(RpcCode.MISC_ERROR, variant === "err" ? `${REQUIREMENTS}. ERR=-1
` : `${REQUIREMENTS}
`);
  }
  return { pubkey: key.pub, priv: key.priv };
}
function atof(s) {
  const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(s);
  return m ? Number(m[0]) : 0;
}
function coinsToSats(s) {
  return Math.trunc(atof(s) * COIN6 + 499999e-14);
}
function atoll(s) {
  const m = /^\s*[+-]?\d+/.exec(s);
  return m ? Number.parseInt(m[0], 10) : 0;
}
function parseTxidParam(s) {
  const h = s.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(h) || /^0+$/.test(h)) return null;
  return h;
}
function parsePubkeyParam(s) {
  if (!/^0[23][0-9a-fA-F]{64}$/.test(s)) return null;
  return hexToBytes(s);
}
function ccUnspents(L, address) {
  return [...L.ccUtxos.get(address)?.values() ?? []];
}
function unspentIndexOrder(coins2) {
  const key = (c) => hexToBytes(c.txid).reverse();
  return coins2.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < 32; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return a.vout - b.vout;
  });
}
function ccBalance(L, address) {
  return L.utxoTotals.get(address) ?? 0;
}
function spentInMempool(L, c) {
  return L.mempoolSpends.has(outpointKey(c.txid, c.vout));
}
function ccDuration(L, txid) {
  const rec = L.txs.get(txid);
  if (!rec || rec.height <= 0) return 0;
  const txtime = L.blockTimeAt(rec.height);
  if (txtime === void 0 || L.tip.time < txtime || L.height <= rec.height) return 0;
  return L.tip.time - txtime;
}
function normalInputs(wallet, target) {
  return wallet.selectCoins(target);
}
function isPubkeyCoin(c, pubkey) {
  const hex = bytesToHex2(c.script);
  return hex === bytesToHex2(p2pk(pubkey)) || hex === `76a914${bytesToHex2(hash1602(pubkey))}88ac`;
}
function finalizeCCTx(opts) {
  const fee = opts.fee ?? CC_TXFEE;
  const ccAt = opts.cc.length && opts.normal.length > 1 ? 1 : opts.normal.length;
  const coins2 = [...opts.normal.slice(0, ccAt), ...opts.cc.map((x) => x.coin), ...opts.normal.slice(ccAt)];
  const inSum = coins2.reduce((s, c) => s + c.value, 0);
  const outSum = opts.outputs.reduce((s, o) => s + o.value, 0);
  const change = inSum - outSum - fee;
  if (change < 0 && !opts.allowDeficit) throw new Error("inputs do not cover outputs and fee");
  const vout = [...opts.outputs];
  if (change >= fee) vout.push({ value: change, script: p2pk(opts.mypk) });
  if (opts.opret) vout.push({ value: 0, script: opts.opret });
  const tx = newTx(coins2.map((c) => ({ prevHash: hexToHash(c.txid), prevIndex: c.vout, script: new Uint8Array(0), sequence: SEQUENCE_FINAL })), vout);
  opts.wallet.signInputs(tx, coins2);
  opts.cc.forEach((x, k) => {
    const i = ccAt + k;
    const h = signatureHash(tx, i, x.coin.script, x.coin.value, SIGHASH_ALL);
    tx.vin[i].script = ccScriptSig(signCondition(x.condition, h, x.priv));
  });
  const raw = serializeTx(tx);
  return { tx, raw, hex: bytesToHex2(raw) };
}
var CC_TXFEE, COIN6, REQUIREMENTS, softError, normalBalance;
var init_cc_rpc = __esm({
  "devchain/cc/cc-rpc.ts"() {
    "use strict";
    init_jsonrpc();
    init_params();
    init_view();
    init_hash();
    init_script();
    init_sighash();
    init_transaction();
    init_fulfillment();
    init_hashes();
    CC_TXFEE = 1e4;
    COIN6 = 1e8;
    REQUIREMENTS = "to use CC contracts, you need to launch daemon with valid -pubkey= for an address in your wallet";
    softError = (error) => ({ result: "error", error });
    normalBalance = ccBalance;
  }
});

// devchain/cc/address-reply.ts
function ccAddressReply(ctx, m, params, requirementsVariant) {
  const lower = m.name.toLowerCase();
  checkCount(params, 0, 1, `${lower}address [pubkey]`);
  const { pubkey: mypk } = ensureCC(ctx, requirementsVariant);
  let given = null;
  if (params.length === 1) {
    const hex = requireString(params, 0);
    given = /^[0-9a-fA-F]{66}$/.test(hex) ? hexToBytes(hex) : null;
  }
  const L = ctx.chain.ledger;
  const gpk = hexToBytes(m.globalPubkey);
  const n = m.name;
  const out = { result: "success" };
  const globalCC = ccAddress(m.evalCode, gpk);
  out[`${n}CCAddress`] = globalCC;
  out[`${n}CCBalance`] = new Amount(ccBalance(L, globalCC));
  const normal = pubkeyAddress(gpk);
  out[`${n}NormalAddress`] = normal;
  out[`${n}NormalBalance`] = new Amount(normalBalance(L, normal));
  if ((m.evalCode === EVAL.CHANNELS || m.evalCode === EVAL.HEIR) && given) {
    out[`${n}CC1of2Address`] = ccAddressOfScript(ccScript(makeCCcond1of2(m.evalCode, mypk, given)));
    out[`${n}CC1of2TokensAddress`] = ccAddressOfScript(ccScript(makeTokensCCcond1of2(m.evalCode, mypk, given)));
  } else if (m.evalCode !== EVAL.TOKENS) out[`${n}CCTokensAddress`] = ccTokensAddress(m.evalCode, gpk);
  if (given) {
    const a = ccAddress(m.evalCode, given);
    out[`PubkeyCCaddress(${n})`] = a;
    out[`PubkeyCCbalance(${n})`] = new Amount(ccBalance(L, a));
  }
  const mine = ccAddress(m.evalCode, mypk);
  out[`myCCAddress(${n})`] = mine;
  out[`myCCbalance(${n})`] = new Amount(ccBalance(L, mine));
  const myaddr = pubkeyAddress(mypk);
  out.myaddress = myaddr;
  out.mybalance = new Amount(normalBalance(L, myaddr));
  return out;
}
var init_address_reply = __esm({
  "devchain/cc/address-reply.ts"() {
    "use strict";
    init_amount();
    init_condition();
    init_evalCodes();
    init_hashes();
    init_cc_rpc();
  }
});

// devchain/cc/rejects.ts
function recordReject(r) {
  recent.push(r);
  if (recent.length > KEEP) recent.splice(0, recent.length - KEEP);
}
function recentRejects() {
  return [...recent];
}
var recent, KEEP;
var init_rejects = __esm({
  "devchain/cc/rejects.ts"() {
    "use strict";
    recent = [];
    KEEP = 20;
  }
});

// devchain/cc/spend.ts
function evalCodesOfScriptSig(scriptSig) {
  const push = singlePush(scriptSig);
  if (!push || push.length < 2) return [];
  try {
    const codes = [];
    const walk2 = (c) => {
      if (c.type === "eval" && c.code.length === 1) codes.push(c.code[0]);
      if (c.type === "threshold") c.subs.forEach(walk2);
    };
    walk2(decodeFulfillment(push.subarray(0, push.length - 1)));
    return codes;
  } catch {
    return [];
  }
}
function checkSpend(tx, inputIndex, coin) {
  const cond = conditionOfScript(coin.script);
  if (!cond) return { ok: false, reason: "not a CC output" };
  const h = signatureHash(tx, inputIndex, coin.script, coin.value, SIGHASH_ALL);
  return checkCCInput(tx.vin[inputIndex].script, cond, h);
}
function verifySpendFor(evalCode, tx, inputIndex, coin) {
  if (!coin.cc || !evalCodesOfScriptSig(tx.vin[inputIndex].script).includes(evalCode)) return void 0;
  return checkSpend(tx, inputIndex, coin).ok;
}
function inputsWithEval(tx, spent, evalCode) {
  const out = [];
  tx.vin.forEach((inp, i) => {
    if (spent[i]?.cc && evalCodesOfScriptSig(inp.script).includes(evalCode)) out.push(i);
  });
  return out;
}
function signersOfScriptSig(scriptSig) {
  const push = singlePush(scriptSig);
  if (!push || push.length < 2) return [];
  try {
    const keys = [];
    const walk2 = (c) => {
      if (c.type === "secp256k1") keys.push(c.pubkey);
      if (c.type === "threshold") c.subs.forEach(walk2);
    };
    walk2(decodeFulfillment(push.subarray(0, push.length - 1)));
    return keys;
  } catch {
    return [];
  }
}
function evalValidator(evalCode, module, rejectReason) {
  return (tx, vctx) => {
    if (inputsWithEval(tx, vctx.spent, evalCode).length === 0) return null;
    const reason = rejectReason(tx, vctx);
    if (reason) recordReject({ txid: vctx.txid, module, reason });
    return reason ? SCRIPT_FALSE : null;
  };
}
var init_spend = __esm({
  "devchain/cc/spend.ts"() {
    "use strict";
    init_sighash();
    init_condition();
    init_fulfillment();
    init_errors();
    init_rejects();
  }
});

// modules/tokens/rules.ts
var rules_exports = {};
__export(rules_exports, {
  TOKENS_CC_ADDRESS: () => TOKENS_CC_ADDRESS,
  rules: () => rules,
  tokenCreation: () => tokenCreation,
  tokenOfOutput: () => tokenOfOutput,
  tokenScriptFor: () => tokenScriptFor,
  tokensRejectReason: () => tokensRejectReason
});
function tokenCreation(L, tokenid) {
  const rec = L.txs.get(tokenid);
  if (!rec || rec.tx.vout.length === 0) return null;
  const payload = opReturnPayload(rec.tx.vout[rec.tx.vout.length - 1].script);
  const c = payload && decodeTokenCreate(payload);
  return c ? { ...c, tokenid, rec } : null;
}
function tokenOfOutput(L, txid, n) {
  const rec = L.txs.get(txid);
  const out = rec?.tx.vout[n];
  if (!rec || !out || classifyScript(out.script).type !== "cryptocondition") return null;
  const payload = opReturnPayload(rec.tx.vout[rec.tx.vout.length - 1].script);
  if (!payload) return null;
  const f = tokensFuncId(payload);
  if (f === TOKENS_FUNCID_CREATE) {
    const c = decodeTokenCreate(payload);
    if (!c || !bytesEqual(out.script, tokenScriptFor(c, c.creatorPubkey))) return null;
    return creatorPaid(L, rec.tx, c) ? txid : null;
  }
  if (f === TOKENS_FUNCID_TRANSFER) {
    const t = decodeTokenTransfer(payload);
    if (!t || !rec.tx.vin.some((v) => hasTokensEval(v.script))) return null;
    const token = tokenCreation(L, t.tokenid);
    return token && transferScripts(token, rec.tx, t).has(bytesToHex2(out.script)) ? t.tokenid : null;
  }
  return null;
}
function creatorPaid(L, tx, c) {
  const mine = [bytesToHex2(p2pk(c.creatorPubkey)), bytesToHex2(p2pkh(hash160(c.creatorPubkey)))];
  let paid = 0;
  for (const input of tx.vin) {
    if (evalCodesOfScriptSig(input.script).length > 0) continue;
    const prev = L.txs.get(hashToHex(input.prevHash))?.tx.vout[input.prevIndex];
    if (prev && mine.includes(bytesToHex2(prev.script))) paid += prev.value;
  }
  const script2 = bytesToHex2(tokenScriptFor(c, c.creatorPubkey));
  const minted = tx.vout.reduce((sum, o) => sum + (bytesToHex2(o.script) === script2 ? o.value : 0), 0);
  return paid >= minted;
}
function transferScripts(token, tx, t) {
  const cached = scriptCache.get(tx);
  if (cached) return cached;
  const nft = token.nftData && token.nftData.length > 0 ? token.nftData[0] : 0;
  let e1 = nft || EVAL_TOKENS3;
  let e2 = t.extra && t.extra.length > 0 ? t.extra[0] : 0;
  if (e1 === EVAL_TOKENS3 && e2 !== 0) [e1, e2] = [e2, 0];
  const out = /* @__PURE__ */ new Set();
  const add = (a, b, pks) => out.add(bytesToHex2(ccScript(makeTokensCond(a, b, pks))));
  const shapes = (pks) => {
    add(e1, e2, pks);
    if (e2 !== 0) add(e2, e1, pks);
  };
  const dest = t.destPubkeys.filter((pk) => !bytesEqual(pk, TOKENS_PK));
  if (dest.length === 1 || dest.length === 2) {
    for (const pk of dest) {
      shapes([pk]);
      if (!nft) add(EVAL_TOKENS3, 0, [pk]);
      add(e1, 0, [pk]);
      if (e2 !== 0) add(e2, 0, [pk]);
    }
    if (dest.length === 2) shapes(dest);
  }
  tx.vin.forEach((v) => {
    if (!hasTokensEval(v.script)) return;
    for (const pk of signersOfScriptSig(v.script)) {
      if (bytesEqual(pk, TOKENS_PK)) continue;
      shapes([pk]);
      if (!nft) add(EVAL_TOKENS3, 0, [pk]);
    }
  });
  scriptCache.set(tx, out);
  return out;
}
function holdings(L, token, pubkey) {
  const address = ccAddressOfScript(tokenScriptFor(token, pubkey));
  return ccUnspents(L, address).filter((c) => !spentInMempool(L, c) && tokenOfOutput(L, c.txid, c.vout) === token.tokenid);
}
function parseHexLoose(s) {
  const out = [];
  const t = s.replace(/\s+/g, "");
  for (let i = 0; i + 1 < t.length && /^[0-9a-fA-F]{2}$/.test(t.slice(i, i + 2)); i += 2) out.push(parseInt(t.slice(i, i + 2), 16));
  return Uint8Array.from(out);
}
function tokencreate(ctx, p2) {
  checkCount(p2, 2, 4, "tokencreate name supply [description][data]");
  const { pubkey, priv: _priv } = ensureCC(ctx);
  const name = requireString(p2, 0);
  if (utf8Length(name) === 0 || utf8Length(name) > 32) return softError("Token name must not be empty and up to 32 characters");
  const supply = coinsToSats(requireString(p2, 1));
  if (supply <= 0) return softError("Token supply must be positive");
  let description = "";
  if (p2.length >= 3) {
    description = requireString(p2, 2);
    if (utf8Length(description) > 4096) return softError("Token description must be <= 4096 characters");
  }
  let nftData;
  if (p2.length === 4) {
    nftData = parseHexLoose(requireString(p2, 3));
    if (nftData.length > MAX_NFT_DATA) return softError(`Non-fungible data size must be <= ${MAX_NFT_DATA}`);
    if (nftData.length === 0) return softError("Non-fungible data incorrect");
  }
  if (nftData && supply !== 1) return softError("for non-fungible tokens tokensupply should be equal to 1");
  const normal = normalInputs(ctx.wallet, supply + 2 * CC_TXFEE);
  if (!normal) return softError("cant find normal inputs");
  const mine = normal.filter((c) => isPubkeyCoin(c, pubkey)).reduce((s, c) => s + c.value, 0);
  if (mine < supply) return softError("some inputs signed not with -pubkey=pk");
  const token = nftData ? { creatorPubkey: pubkey, name, description, nftData } : { creatorPubkey: pubkey, name, description };
  const { hex } = finalizeCCTx({
    wallet: ctx.wallet,
    mypk: pubkey,
    normal,
    cc: [],
    outputs: [{ value: CC_TXFEE, script: MARKER_SCRIPT }, { value: supply, script: tokenScriptFor(token, pubkey) }],
    opret: opReturnScript(encodeTokenCreate(token))
  });
  return { result: "success", hex };
}
function tokeninfo(ctx, p2) {
  checkCount(p2, 1, 1, "tokeninfo tokenid");
  ensureCC(ctx);
  const id = parseTxidParam(requireString(p2, 0));
  const L = ctx.chain.ledger;
  const rec = id ? L.txs.get(id) : void 0;
  if (!id || !rec) return softError("cant find tokenid");
  if (rec.height < 0) return softError("the transaction is still in mempool");
  const t = tokenCreation(L, id);
  if (!t) return softError("tokenid isnt token creation txid");
  let supply = 0;
  rec.tx.vout.forEach((o, n) => {
    if (tokenOfOutput(L, id, n) === id) supply += o.value;
  });
  const out = {
    result: "success",
    tokenid: id,
    owner: bytesToHex2(t.creatorPubkey),
    name: t.name,
    supply,
    description: t.description
  };
  if (t.nftData) out.data = bytesToHex2(t.nftData);
  return out;
}
function tokenlist(ctx, p2) {
  checkCount(p2, 0, 0, "tokenlist");
  ensureCC(ctx);
  const L = ctx.chain.ledger;
  const seen = /* @__PURE__ */ new Set();
  const ids = [];
  for (const e of L.ccIndex.get(TOKENS_CC_ADDRESS) ?? []) {
    if (e.spending || seen.has(e.txid)) continue;
    seen.add(e.txid);
    if (tokenCreation(L, e.txid)) ids.push(e.txid);
  }
  return ids;
}
function tokenbalance(ctx, p2) {
  checkCount(p2, 0, 2, "tokenbalance tokenid [pubkey]");
  const { pubkey: mypk } = ensureCC(ctx);
  const idParam = requireString(p2, 0);
  const pubkey = p2.length === 2 ? parseHexLoose(requireString(p2, 1)) : mypk;
  const L = ctx.chain.ledger;
  const id = parseTxidParam(idParam);
  const token = id ? tokenCreation(L, id) : null;
  if (!token) return softError("cant find tokenid");
  const balance = holdings(L, token, pubkey).reduce((s, c) => s + c.value, 0);
  return { result: "success", CCaddress: ccAddress(EVAL_TOKENS3, pubkey), tokenid: idParam, balance };
}
function tokentransfer(ctx, p2) {
  checkCount(p2, 3, 3, "tokentransfer tokenid destpubkey amount");
  const { pubkey: mypk, priv } = ensureCC(ctx);
  const id = parseTxidParam(requireString(p2, 0));
  const destHex = requireString(p2, 1);
  const amount = atoll(requireString(p2, 2));
  if (!id) return softError("invalid tokenid");
  if (amount <= 0) return softError("amount must be positive");
  const L = ctx.chain.ledger;
  const normal = normalInputs(ctx.wallet, CC_TXFEE);
  if (!normal) return softError("insufficient normal inputs for tx fee");
  const token = tokenCreation(L, id);
  const coins2 = token ? holdings(L, token, mypk) : [];
  const picked = [];
  let inputs = 0;
  for (const c of coins2) {
    if (inputs >= amount || picked.length >= MAX_TOKEN_VINS) break;
    picked.push(c);
    inputs += c.value;
  }
  if (!token || inputs === 0) return softError("no token inputs");
  if (inputs < amount) return softError("insufficient token inputs");
  const dest = parsePubkeyParam(destHex);
  if (!dest) return softError("invalid destpubkey");
  const outputs = [{ value: amount, script: tokenScriptFor(token, dest) }];
  if (inputs > amount) outputs.push({ value: inputs - amount, script: tokenScriptFor(token, mypk) });
  const condition = makeTokensCCcond1(destEvalOf(token), mypk);
  const { hex } = finalizeCCTx({
    wallet: ctx.wallet,
    mypk,
    normal,
    cc: picked.map((coin) => ({ coin, condition, priv })),
    outputs,
    opret: opReturnScript(encodeTokenTransfer({ tokenid: id, destPubkeys: [dest] }))
  });
  return { result: "success", hex };
}
function tokensRejectReason(tx, vctx) {
  const L = vctx.chain.ledger;
  const tokenVins = inputsWithEval(tx, vctx.spent, EVAL_TOKENS3);
  const payload = tx.vout.length ? opReturnPayload(tx.vout[tx.vout.length - 1].script) : null;
  const f = payload ? tokensFuncId(payload) : null;
  if (f === TOKENS_FUNCID_CREATE) return "tokenbase tx cannot have cc vins";
  const t = f === TOKENS_FUNCID_TRANSFER && payload ? decodeTokenTransfer(payload) : null;
  if (!t) return "can't decode opreturn data";
  const token = tokenCreation(L, t.tokenid);
  if (!token) return "cant find token create txid";
  for (const pk of t.destPubkeys) if (bytesEqual(pk, TOKENS_PK)) return "cannot send tokens to global pk";
  let inSum = 0;
  for (const i of tokenVins) {
    const c = vctx.spent[i];
    if (tokenOfOutput(L, c.txid, c.vout) !== t.tokenid) return "vin is not a token output of this tokenid";
    inSum += c.value;
  }
  const scripts = transferScripts(token, tx, t);
  let outSum = 0;
  for (const o of tx.vout) if (scripts.has(bytesToHex2(o.script))) outSum += o.value;
  if (inSum !== outSum) return "cc inputs != cc outputs";
  return null;
}
var EVAL_TOKENS3, TOKENS_PK, MARKER_SCRIPT, TOKENS_CC_ADDRESS, MAX_NFT_DATA, MAX_TOKEN_VINS, utf8Length, destEvalOf, tokenScriptFor, hasTokensEval, scriptCache, rules;
var init_rules = __esm({
  "modules/tokens/rules.ts"() {
    "use strict";
    init_script();
    init_hash();
    init_condition();
    init_hashes();
    init_opret();
    init_spec2();
    init_address_reply();
    init_cc_rpc();
    init_spend();
    init_errors();
    init_rejects();
    EVAL_TOKENS3 = tokens.evalCode;
    TOKENS_PK = hexToBytes(tokens.globalPubkey);
    MARKER_SCRIPT = ccScript(makeCCcond1(EVAL_TOKENS3, TOKENS_PK));
    TOKENS_CC_ADDRESS = ccAddress(EVAL_TOKENS3, TOKENS_PK);
    MAX_NFT_DATA = 10001;
    MAX_TOKEN_VINS = 60;
    utf8Length = (s) => new TextEncoder().encode(s).length;
    destEvalOf = (t) => t.nftData && t.nftData.length > 0 ? t.nftData[0] : EVAL_TOKENS3;
    tokenScriptFor = (t, pubkey) => ccScript(makeTokensCCcond1(destEvalOf(t), pubkey));
    hasTokensEval = (scriptSig) => evalCodesOfScriptSig(scriptSig).includes(EVAL_TOKENS3);
    scriptCache = /* @__PURE__ */ new WeakMap();
    rules = {
      evalCode: EVAL_TOKENS3,
      name: "Tokens",
      category: "tokens",
      rpc: {
        tokenaddress: (ctx, p2) => ccAddressReply(ctx, tokens, p2, "plain"),
        tokencreate,
        tokeninfo,
        tokenlist,
        tokenbalance,
        tokentransfer
      },
      usage: {
        tokenaddress: "tokenaddress [pubkey]",
        tokencreate: "tokencreate name supply [description][data]",
        tokeninfo: "tokeninfo tokenid",
        tokenlist: "tokenlist",
        tokenbalance: "tokenbalance tokenid [pubkey]",
        tokentransfer: "tokentransfer tokenid destpubkey amount"
      },
      validate(tx, vctx) {
        if (inputsWithEval(tx, vctx.spent, EVAL_TOKENS3).length === 0) return null;
        const reason = tokensRejectReason(tx, vctx);
        if (reason) recordReject({ txid: vctx.txid, module: "Tokens", reason });
        return reason ? SCRIPT_FALSE : null;
      },
      verifySpend: (tx, i, coin) => verifySpendFor(EVAL_TOKENS3, tx, i, coin)
    };
  }
});

// modules/tokens/inputs.ts
function nftEvalOf(L, tokenid) {
  const t = tokenCreation(L, tokenid);
  return t?.nftData && t.nftData.length > 0 ? t.nftData[0] : 0;
}
function indexOrder(a, b) {
  const ka = a.txid.match(/../g).reverse().join("");
  const kb = b.txid.match(/../g).reverse().join("");
  return ka < kb ? -1 : ka > kb ? 1 : a.vout - b.vout;
}
function addTokenInputs(L, tokenid, pk, total, maxinputs = 60) {
  const nft = nftEvalOf(L, tokenid);
  const address = ccAddressOfScript(ccScript(tokensCond(nft || EVAL_TOKENS2, 0, pk)));
  const threshold = Math.trunc(total / maxinputs);
  const coins2 = [];
  let sum = 0;
  for (const c of ccUnspents(L, address).sort(indexOrder)) {
    if (c.value < threshold || spentInMempool(L, c) || tokenOfOutput(L, c.txid, c.vout) !== tokenid) continue;
    coins2.push(c);
    sum += c.value;
    if (total > 0 && sum >= total || coins2.length >= maxinputs) break;
  }
  return { coins: coins2, sum };
}
var tokensCond;
var init_inputs = __esm({
  "modules/tokens/inputs.ts"() {
    "use strict";
    init_condition();
    init_cc_rpc();
    init_rules();
    tokensCond = (evalCode, evalCode2, pk) => makeTokensCond(evalCode, evalCode2, [pk]);
  }
});

// modules/assets/chain.ts
function assetOpretOf(tx) {
  const last = tx.vout[tx.vout.length - 1];
  const payload = last ? opReturnPayload(last.script) : null;
  return payload ? decodeAssetsOpret(payload) : null;
}
function coinOf(L, txid, n) {
  const rec = L.txs.get(txid);
  const out = rec?.tx.vout[n];
  if (!rec || !out) return null;
  return { txid, vout: n, value: out.value, script: out.script, height: rec.height, coinbase: false, address: ccAddressOfScript(out.script), cc: true };
}
function signerFor(cp, coin, mypk, mypriv, nft) {
  const evalCode = cp === "assets" ? EVAL_ASSETS : EVAL_TOKENS;
  const candidates = [
    { condition: makeCCcond1(evalCode, mypk), priv: mypriv },
    { condition: tokensCond(evalCode, nft, mypk), priv: mypriv },
    { condition: makeCCcond1(EVAL_TOKENS, mypk), priv: mypriv },
    ...cp === "assets" ? [{ condition: makeCCcond1(EVAL_ASSETS, ASSETS_PK), priv: ASSETS_PRIV }, { condition: tokensCond(EVAL_ASSETS, nft, ASSETS_PK), priv: ASSETS_PRIV }] : [{ condition: makeCCcond1(EVAL_ASSETS, ASSETS_PK), priv: ASSETS_PRIV }]
  ];
  const want = addressOf2(coin.script);
  return candidates.find((s) => addressOf2(ccScript(s.condition)) === want) ?? null;
}
var ASSETS_PK, ASSETS_PRIV, script, addressOf2;
var init_chain = __esm({
  "modules/assets/chain.ts"() {
    "use strict";
    init_condition();
    init_hashes();
    init_opret();
    init_inputs();
    init_spec3();
    init_inputs();
    ASSETS_PK = hexToBytes(assets.globalPubkey);
    ASSETS_PRIV = hexToBytes(assets.globalPrivkey);
    script = {
      /** MakeCC1vout(EVAL_ASSETS, …): bid coins at the global key, or a marker at a pubkey. */
      assets: (pk) => ccScript(makeCCcond1(EVAL_ASSETS, pk)),
      /** MakeTokensCC1vout(EVAL_ASSETS, nft, …): tokens locked in an ask. */
      askTokens: (nft, pk) => ccScript(tokensCond(EVAL_ASSETS, nft, pk)),
      /** Tokens held by a pubkey: single-eval Tokens, or Tokens + the NFT eval code. */
      heldTokens: (nft, pk) => ccScript(tokensCond(nft || EVAL_TOKENS, 0, pk))
    };
    addressOf2 = (s) => ccAddressOfScript(s);
  }
});

// modules/assets/builders.ts
function finalize(ctx, cp, nft, normal, cc, outputs, opret) {
  const { pubkey, priv } = ensureCC(ctx);
  const inputs = [];
  for (const coin of cc) {
    const s = signerFor(cp, coin, pubkey, priv, nft);
    if (!s) return null;
    inputs.push({ coin, condition: s.condition, priv: s.priv });
  }
  return finalizeCCTx({ wallet: ctx.wallet, mypk: pubkey, normal, cc: inputs, outputs, opret: opReturnScript(encodeAssetsOpret(opret)) }).hex;
}
function tokenask(ctx, p2) {
  checkCount(p2, 3, 3, "tokenask numtokens tokenid price");
  const { pubkey: mypk } = ensureCC(ctx);
  const numtokens = atoll(requireString(p2, 0));
  const tokenid = parseTxidParam(requireString(p2, 1));
  const price = atof(requireString(p2, 2));
  const askamount = totalSats(price, numtokens);
  if (!tokenid || numtokens <= 0 || price <= 0 || askamount <= 0) return softError("invalid parameter");
  const L = ctx.chain.ledger;
  const normal = normalInputs(ctx.wallet, 2 * ASSETS_TXFEE);
  const { coins: coins2, sum } = normal ? addTokenInputs(L, tokenid, mypk, numtokens) : { coins: [], sum: 0 };
  if (!normal || sum === 0 || sum < numtokens) return softError("couldnt create ask");
  const nft = nftEvalOf(L, tokenid);
  const outputs = [
    { value: numtokens, script: script.askTokens(nft, ASSETS_PK) },
    { value: ASSETS_TXFEE, script: script.assets(mypk) }
    // marker: only the owner can cancel
  ];
  if (sum > numtokens) outputs.push({ value: sum - numtokens, script: script.heldTokens(nft, mypk) });
  const hex = finalize(ctx, "tokens", nft, normal, coins2, outputs, { tokenid, voutPubkeys: [ASSETS_PK], funcid: "s", price: askamount, origpubkey: mypk });
  return hex ? success(hex) : softError("couldnt create ask");
}
function tokenbid(ctx, p2) {
  checkCount(p2, 3, 3, "tokenbid numtokens tokenid price");
  const { pubkey: mypk } = ensureCC(ctx);
  const numtokens = atoll(requireString(p2, 0));
  const tokenid = parseTxidParam(requireString(p2, 1));
  const price = atof(requireString(p2, 2));
  const bidamount = totalSats(price, numtokens);
  if (price <= 0) return softError("price must be positive");
  if (!tokenid) return softError("invalid tokenid");
  if (bidamount <= 0) return softError("bid amount must be positive");
  const L = ctx.chain.ledger;
  let hex = null;
  const known = L.txs.get(tokenid);
  if (numtokens >= 0 && known && tokenCreation(L, tokenid)) {
    const normal = normalInputs(ctx.wallet, bidamount + 2 * ASSETS_TXFEE);
    if (normal) {
      hex = finalize(ctx, "assets", 0, normal, [], [
        { value: bidamount, script: script.assets(ASSETS_PK) },
        { value: ASSETS_TXFEE, script: script.assets(mypk) }
      ], { tokenid, voutPubkeys: [], funcid: "b", price: numtokens, origpubkey: mypk });
    }
  }
  if (numtokens <= 0) return softError("price and numtokens must be positive");
  return hex ? success(hex) : softError("couldnt create bid");
}
function tokenfillask(ctx, p2) {
  checkCount(p2, 3, 3, "tokenfillask tokenid asktxid fillunits");
  const { pubkey: mypk } = ensureCC(ctx);
  const tokenid = parseTxidParam(requireString(p2, 0));
  const asktxid = parseTxidParam(requireString(p2, 1));
  const fillunits = atoll(requireString(p2, 2));
  if (fillunits <= 0) return softError("fillunits must be positive");
  if (!tokenid || !asktxid) return invalidParameter();
  const L = ctx.chain.ledger;
  const nft = nftEvalOf(L, tokenid);
  const ask = coinOf(L, asktxid, 0);
  const order = ask && assetOpretOf(L.txs.get(asktxid).tx);
  if (!ask || !order || order.origpubkey.length !== 33) return softError("couldnt fill ask");
  const origAssetoshis = ask.value;
  const totalNValue = order.price;
  const paying = askFillPayment(origAssetoshis, totalNValue, fillunits);
  const normal = normalInputs(ctx.wallet, 2 * ASSETS_TXFEE + paying);
  if (!normal) return softError("filltx not enough utxos");
  const fill = setAskFillamounts(origAssetoshis, paying, totalNValue);
  const outputs = [
    { value: origAssetoshis - fill.receivedAssetoshis, script: script.askTokens(nft, ASSETS_PK) },
    { value: fill.receivedAssetoshis, script: script.heldTokens(nft, mypk) },
    { value: fill.paidNValue, script: p2pk(order.origpubkey) },
    { value: ASSETS_TXFEE, script: script.assets(order.origpubkey) }
  ];
  const hex = finalize(
    ctx,
    "assets",
    nft,
    normal,
    [ask],
    outputs,
    { tokenid, voutPubkeys: [mypk], funcid: "S", price: fill.remainingNValue, origpubkey: order.origpubkey }
  );
  return hex ? success(hex) : softError("couldnt fill ask");
}
function tokenfillbid(ctx, p2) {
  checkCount(p2, 3, 3, "tokenfillbid tokenid bidtxid fillamount");
  const { pubkey: mypk } = ensureCC(ctx);
  const tokenid = parseTxidParam(requireString(p2, 0));
  const bidtxid = parseTxidParam(requireString(p2, 1));
  const fillamount = atoll(requireString(p2, 2));
  if (fillamount <= 0) return softError("fillamount must be positive");
  if (!tokenid || !bidtxid) return softError("must provide tokenid and bidtxid");
  const L = ctx.chain.ledger;
  const normal = normalInputs(ctx.wallet, 2 * ASSETS_TXFEE);
  const bid = coinOf(L, bidtxid, 0);
  if (!normal || !bid) return success("no normal coins left");
  const order = assetOpretOf(L.txs.get(bidtxid).tx);
  const { coins: coins2, sum } = addTokenInputs(L, tokenid, mypk, fillamount);
  if (sum === 0) return success("dont have any assets to fill bid");
  if (sum < fillamount || !order || order.origpubkey.length !== 33) return softError("couldnt fill bid");
  const nft = nftEvalOf(L, tokenid);
  const fill = setBidFillamounts(bid.value, fillamount, order.price);
  const change = sum - fill.paidUnits;
  const outputs = [
    { value: bid.value - fill.receivedNValue, script: script.assets(ASSETS_PK) },
    { value: fill.receivedNValue, script: p2pk(mypk) },
    { value: fill.paidUnits, script: script.heldTokens(nft, order.origpubkey) },
    { value: ASSETS_TXFEE, script: script.assets(order.origpubkey) }
  ];
  if (change !== 0) outputs.push({ value: change, script: script.heldTokens(0, mypk) });
  const hex = finalize(
    ctx,
    "tokens",
    nft,
    normal,
    [bid, ...coins2],
    outputs,
    { tokenid, voutPubkeys: [order.origpubkey], funcid: "B", price: fill.remainingUnits, origpubkey: order.origpubkey }
  );
  return hex ? success(hex) : softError("couldnt fill bid");
}
function cancelInputs(ctx, txid) {
  const L = ctx.chain.ledger;
  const first = coinOf(L, txid, 0);
  if (!first) return null;
  const f = assetOpretOf(L.txs.get(txid).tx)?.funcid;
  const marker2 = f === "s" ? coinOf(L, txid, 1) : f === "S" ? coinOf(L, txid, 3) : null;
  return marker2 ? [first, marker2] : [first];
}
function tokencancelask(ctx, p2) {
  checkCount(p2, 2, 2, "tokencancelask tokenid asktxid");
  const { pubkey: mypk } = ensureCC(ctx);
  const tokenid = parseTxidParam(requireString(p2, 0));
  const asktxid = parseTxidParam(requireString(p2, 1));
  if (!tokenid || !asktxid) return invalidParameter();
  const normal = cancelFeeInputs(ctx);
  const cc = normal ? cancelInputs(ctx, asktxid) : null;
  if (!normal || !cc) return softError("couldnt cancel ask");
  const nft = nftEvalOf(ctx.chain.ledger, tokenid);
  const hex = finalize(ctx, "assets", nft, normal, cc, [
    { value: cc[0].value, script: script.heldTokens(nft, mypk) },
    { value: ASSETS_TXFEE, script: p2pk(mypk) }
  ], { tokenid, voutPubkeys: [mypk], funcid: "x", price: 0, origpubkey: mypk });
  return hex ? success(hex) : softError("couldnt cancel ask");
}
function tokencancelbid(ctx, p2) {
  checkCount(p2, 2, 2, "tokencancelbid tokenid bidtxid");
  const { pubkey: mypk } = ensureCC(ctx);
  const tokenid = parseTxidParam(requireString(p2, 0));
  const bidtxid = parseTxidParam(requireString(p2, 1));
  if (!tokenid || !bidtxid) return invalidParameter();
  const normal = cancelFeeInputs(ctx);
  const cc = normal ? cancelInputs(ctx, bidtxid) : null;
  if (!normal || !cc) return softError("couldnt cancel bid");
  const hex = finalize(ctx, "assets", 0, normal, cc, [
    { value: cc[0].value, script: p2pk(mypk) },
    { value: ASSETS_TXFEE, script: p2pk(mypk) }
  ], { tokenid, voutPubkeys: [], funcid: "o", price: 0, origpubkey: mypk });
  return hex ? success(hex) : softError("couldnt cancel bid");
}
var success, invalidParameter, cancelFeeInputs;
var init_builders = __esm({
  "modules/assets/builders.ts"() {
    "use strict";
    init_script();
    init_opret();
    init_cc_rpc();
    init_rules();
    init_spec3();
    init_chain();
    success = (hex) => ({ result: "success", hex });
    invalidParameter = () => ({ error: "invalid parameter" });
    cancelFeeInputs = (ctx) => normalInputs(ctx.wallet, 2 * ASSETS_TXFEE);
  }
});

// modules/assets/orders.ts
function orderItem(L, c, filter) {
  const tx = L.txs.get(c.txid)?.tx;
  const o = tx && assetOpretOf(tx);
  if (!tx || !o || !filter(o.tokenid, o.funcid, o.origpubkey) || c.value === 0) return null;
  const vout0 = tx.vout[0].value;
  const bid = isBidFuncid(o.funcid);
  const item = {
    funcid: o.funcid,
    txid: c.txid,
    vout: c.vout,
    amount: bid ? fixed8(c.value / COIN5) : String(c.value)
  };
  if (bid) item.bidamount = fixed8(vout0 / COIN5);
  else item.askamount = String(vout0);
  if (o.origpubkey.length === 33) {
    item.origaddress = ccAddress(EVAL_ASSETS, o.origpubkey);
    item.origtokenaddress = ccAddress(EVAL_TOKENS, o.origpubkey);
  }
  if (!/^0+$/.test(o.tokenid)) item.tokenid = o.tokenid;
  if (o.assetid2 && !/^0+$/.test(o.assetid2)) item.otherid = o.assetid2;
  if (o.price > 0) {
    if (isAskFuncid(o.funcid) || o.funcid === "e") {
      item.totalrequired = fixed8(o.price / COIN5);
      item.price = fixed8(o.price / (COIN5 * vout0));
    } else {
      item.totalrequired = o.price;
      item.price = fixed8(vout0 / (o.price * COIN5));
    }
  }
  return item;
}
function assetOrders(L, refTokenid, mine, additionalEval) {
  const filter = (tokenid, funcid, origpubkey) => mine ? bytesEqual(mine, origpubkey) && (funcid === "S" || funcid === "s") : refTokenid === null || tokenid === refTokenid;
  const nft = refTokenid ? nftEvalOf(L, refTokenid) : 0;
  const addresses = [addressOf2(script.assets(ASSETS_PK)), addressOf2(script.askTokens(nft, ASSETS_PK))];
  if (additionalEval !== 0) addresses.push(addressOf2(script.askTokens(additionalEval, ASSETS_PK)));
  const out = [];
  for (const address of addresses) {
    for (const c of ccUnspents(L, address).sort(indexOrder)) {
      const item = orderItem(L, c, filter);
      if (item) out.push(item);
    }
  }
  return out;
}
function tokenorders(ctx, p2) {
  checkCount(p2, 0, 1, TOKENORDERS_USAGE);
  ensureCC(ctx);
  if (p2.length === 1) {
    const tokenid = parseTxidParam(requireString(p2, 0));
    if (!tokenid) throw new RpcError(RpcCode.MISC_ERROR, "incorrect tokenid\n");
    return assetOrders(ctx.chain.ledger, tokenid, null, 0);
  }
  return assetOrders(ctx.chain.ledger, null, null, 0);
}
function strtol0(s) {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)?/.exec(s);
  const body = m?.[2];
  if (!body) return 0;
  const n = /^0[xX]/.test(body) ? parseInt(body.slice(2), 16) : body.startsWith("0") ? parseInt(body, 8) || 0 : parseInt(body, 10);
  return m[1] === "-" ? -n : n;
}
function mytokenorders(ctx, p2) {
  checkCount(p2, 0, 1, MYTOKENORDERS_USAGE);
  const { pubkey } = ensureCC(ctx);
  const evalCode = p2.length === 1 ? strtol0(requireString(p2, 0)) & 255 : 0;
  return assetOrders(ctx.chain.ledger, null, pubkey, evalCode);
}
var TOKENORDERS_USAGE, MYTOKENORDERS_USAGE;
var init_orders = __esm({
  "modules/assets/orders.ts"() {
    "use strict";
    init_jsonrpc();
    init_condition();
    init_hashes();
    init_cc_rpc();
    init_spec3();
    init_chain();
    TOKENORDERS_USAGE = "tokenorders [tokenid]\nreturns token orders for the tokenid or all available token orders if tokenid is not set\n(this rpc supports only fungible tokens)\n\n";
    MYTOKENORDERS_USAGE = "mytokenorders [evalcode]\nreturns all the token orders for mypubkey\nif evalcode is set then returns mypubkey token orders for non-fungible tokens with this evalcode\n\n";
  }
});

// modules/assets/validate.ts
function constrain(o, cc, address, value) {
  if (!o || isCC(o) !== cc) return false;
  if (address !== null && addressOfOut(o) !== address) return false;
  return value === 0 || value === o.value;
}
function orderVin(L, tx, funcid, nft) {
  if (tx.vin.length < 2) throw new Invalid("not enough for CC vins");
  if (tx.vin[1].prevIndex !== 0) throw new Invalid("vin1 needs to be buyvin.vout[0]");
  const vinTx = L.txs.get(hashToHex(tx.vin[1].prevHash))?.tx;
  if (!vinTx) throw new Invalid("always should find CCvin, but didnt");
  const from = addressOfOut(vinTx.vout[0]);
  if ((funcid === "S" || funcid === "x") && from !== addressOf2(script.askTokens(nft, ASSETS_PK))) throw new Invalid("invalid vin assets CCaddr");
  if ((funcid === "B" || funcid === "o") && from !== addressOf2(script.assets(ASSETS_PK))) throw new Invalid("invalid vin assets CCaddr");
  const order = assetOpretOf(vinTx);
  if (!order || !"sSbB".includes(order.funcid) || order.origpubkey.length !== 33) throw new Invalid("couldnt get origaddr for buyvin");
  if (vinTx.vout[0].value === 0) throw new Invalid("null value CCvin");
  return {
    nValue: vinTx.vout[0].value,
    order,
    origTokensAddress: addressOf2(script.heldTokens(nft, order.origpubkey)),
    origNormalAddress: pubkeyAddress(order.origpubkey)
  };
}
function buyVin(L, tx, funcid, tokenid) {
  const v = orderVin(L, tx, funcid, 0);
  const vinTx = L.txs.get(hashToHex(tx.vin[1].prevHash)).tx;
  if (!isCC(vinTx.vout[0])) throw new Invalid("invalid normal vout0 for buyvin");
  if (v.order.funcid === "b" && !isCC(vinTx.vout[1])) throw new Invalid("invalid normal vout1 for buyvin");
  if (v.order.funcid !== "b" && v.order.funcid !== "B") throw new Invalid("invalid opreturn for buyvin");
  if (v.order.tokenid !== tokenid) throw new Invalid("invalid assetid for buyvin");
  return v;
}
function sellVin(L, tx, funcid, tokenid, nft) {
  const v = orderVin(L, tx, funcid, nft);
  const vinTx = L.txs.get(hashToHex(tx.vin[1].prevHash)).tx;
  const isAssetVout = vinTx.vout.length > 1 && isCC(vinTx.vout[0]) && v.order.funcid !== "E" && v.order.tokenid === tokenid;
  if (!isAssetVout || vinTx.vout[0].value === 0) throw new Invalid("invalid missing CC vout0 for sellvin");
  return v;
}
function preventCC(tx, vctx, vins, vouts) {
  if (vins >= 0) {
    for (let i = vins; i < tx.vin.length; i++) if (vctx.spent[i]?.cc) throw new Invalid("invalid CC vin");
  }
  if (vouts >= 0) {
    for (let i = vouts; i < tx.vout.length; i++) if (isCC(tx.vout[i])) throw new Invalid("invalid CC vout");
  }
}
function check(tx, vctx) {
  const L = vctx.chain.ledger;
  const numvouts = tx.vout.length;
  if (numvouts === 0) throw new Invalid("AssetValidate: no vouts");
  const o = assetOpretOf(tx);
  if (!o) throw new Invalid("AssetValidate: invalid opreturn payload");
  const { funcid, tokenid, price: remaining, origpubkey } = o;
  const nft = nftEvalOf(L, tokenid);
  const cancel = funcid === "o" || funcid === "x";
  if (!cancel && !L.txs.has(tokenid)) throw new Invalid("cant find asset create txid");
  if (!cancel && o.assetid2 && !isZero(o.assetid2) && !L.txs.has(o.assetid2)) throw new Invalid("cant find asset2 create txid");
  if (vctx.spent[0]?.cc) throw new Invalid("illegal asset vin0");
  if (numvouts < 2) throw new Invalid("too few vouts");
  if (isZero(tokenid)) throw new Invalid("illegal assetid");
  let inputs = 0;
  for (const i of inputsWithEval(tx, vctx.spent, EVAL_TOKENS)) {
    const c = vctx.spent[i];
    if (tokenOfOutput(L, c.txid, c.vout) === tokenid) inputs += c.value;
  }
  const origAssetsAddress = origpubkey.length === 33 ? ccAddress(EVAL_ASSETS, origpubkey) : "";
  const v = tx.vout;
  let vins = -1;
  let vouts = -1;
  switch (funcid) {
    case "b":
      throw new Invalid("invalid asset funcid (b)");
    case "s":
      throw new Invalid("invalid asset funcid (s)");
    case "o": {
      const bid = buyVin(L, tx, funcid, tokenid);
      if (!constrain(v[0], false, bid.origNormalAddress, bid.nValue)) throw new Invalid("invalid refund for cancelbuy");
      vins = 3;
      vouts = 0;
      break;
    }
    case "B": {
      vouts = 4;
      const bid = buyVin(L, tx, funcid, tokenid);
      if (numvouts < 4) throw new Invalid("not enough vouts for fillbuy");
      if (!bytesEqual(bid.order.origpubkey, origpubkey)) throw new Invalid("mismatched origpubkeys for fillbuy");
      if (bid.nValue !== v[0].value + v[1].value) throw new Invalid("locked value doesnt match vout0+1 fillbuy");
      if (isCC(v[4])) {
        if (!constrain(v[2], true, bid.origTokensAddress, 0)) throw new Invalid("vout2 doesnt go to origpubkey fillbuy");
        if (inputs !== v[2].value + v[4].value) throw new Invalid("asset inputs doesnt match vout2+3 fillbuy");
        vouts++;
      } else if (!constrain(v[2], true, bid.origTokensAddress, inputs)) throw new Invalid("vout2 doesnt match inputs fillbuy");
      else if (!constrain(v[1], false, null, 0)) throw new Invalid("vout1 is CC for fillbuy");
      else if (!constrain(v[3], true, origAssetsAddress, 1e4)) throw new Invalid("invalid marker for original pubkey");
      else if (!validateBidRemainder(remaining, v[0].value, bid.nValue, v[1].value, v[2].value, bid.order.price)) throw new Invalid("mismatched remainder for fillbuy");
      else if (remaining !== 0 && !constrain(v[0], true, addressOf2(script.assets(ASSETS_PK)), 0)) throw new Invalid("mismatched vout0 AssetsCCaddr for fillbuy");
      break;
    }
    case "x": {
      const ask = sellVin(L, tx, funcid, tokenid, nft);
      if (!constrain(v[0], true, ask.origTokensAddress, ask.nValue)) throw new Invalid("invalid vout for cancel");
      vins = 3;
      vouts = 1;
      break;
    }
    case "S": {
      const ask = sellVin(L, tx, funcid, tokenid, nft);
      if (numvouts < 4) throw new Invalid("not enough vouts for fillask");
      if (!bytesEqual(ask.order.origpubkey, origpubkey)) throw new Invalid("mismatched origpubkeys for fillask");
      if (ask.nValue !== v[0].value + v[1].value) throw new Invalid("locked value doesnt match vout0+1 fillask");
      if (!validateAskRemainder(remaining, v[0].value, ask.nValue, v[1].value, v[2].value, ask.order.price)) throw new Invalid("mismatched remainder for fillask");
      if (!constrain(v[1], true, null, 0)) throw new Invalid("normal vout1 for fillask");
      if (!constrain(v[2], false, ask.origNormalAddress, 0)) throw new Invalid("normal vout1 for fillask");
      if (!constrain(v[3], true, origAssetsAddress, 1e4)) throw new Invalid("invalid marker for original pubkey");
      if (remaining !== 0 && !constrain(v[0], true, addressOf2(script.askTokens(nft, ASSETS_PK)), 0)) throw new Invalid("mismatched vout0 assets dual unspendable CCaddr for fill sell");
      break;
    }
    case "E":
      throw new Invalid("unexpected assets fillexchange funcid");
    default:
      throw new Invalid("unexpected assets funcid");
  }
  preventCC(tx, vctx, vins, vouts);
}
function assetsRejectReason(tx, vctx) {
  try {
    check(tx, vctx);
    return null;
  } catch (e) {
    if (e instanceof Invalid) return e.reason;
    throw e;
  }
}
var isZero, isCC, addressOfOut, Invalid;
var init_validate = __esm({
  "modules/assets/validate.ts"() {
    "use strict";
    init_script();
    init_hash();
    init_condition();
    init_hashes();
    init_spend();
    init_rules();
    init_spec3();
    init_chain();
    isZero = (id) => /^0+$/.test(id);
    isCC = (o) => !!o && classifyScript(o.script).type === "cryptocondition";
    addressOfOut = (o) => classifyScript(o.script).addresses[0];
    Invalid = class {
      constructor(reason) {
        this.reason = reason;
      }
      reason;
    };
  }
});

// modules/assets/rules.ts
var rules_exports2 = {};
__export(rules_exports2, {
  rules: () => rules2
});
var rules2;
var init_rules2 = __esm({
  "modules/assets/rules.ts"() {
    "use strict";
    init_errors();
    init_address_reply();
    init_rejects();
    init_spend();
    init_spec3();
    init_builders();
    init_orders();
    init_validate();
    rules2 = {
      evalCode: EVAL_ASSETS,
      name: "Assets",
      category: "tokens",
      rpc: {
        assetsaddress: (ctx, p2) => ccAddressReply(ctx, assets, p2, "plain"),
        tokenorders,
        mytokenorders,
        tokenask,
        tokenbid,
        tokenfillask,
        tokenfillbid,
        tokencancelask,
        tokencancelbid
      },
      usage: {
        assetsaddress: "assetsaddress [pubkey]",
        tokenorders: "tokenorders [tokenid]",
        mytokenorders: "mytokenorders [evalcode]",
        tokenask: "tokenask numtokens tokenid price",
        tokenbid: "tokenbid numtokens tokenid price",
        tokenfillask: "tokenfillask tokenid asktxid fillunits",
        tokenfillbid: "tokenfillbid tokenid bidtxid fillamount",
        tokencancelask: "tokencancelask tokenid asktxid",
        tokencancelbid: "tokencancelbid tokenid bidtxid"
      },
      validate(tx, vctx) {
        if (inputsWithEval(tx, vctx.spent, EVAL_ASSETS).length === 0) return null;
        const reason = assetsRejectReason(tx, vctx);
        if (reason) recordReject({ txid: vctx.txid, module: "Assets", reason });
        return reason ? SCRIPT_FALSE : null;
      },
      verifySpend: (tx, i, coin) => verifySpendFor(EVAL_ASSETS, tx, i, coin)
    };
  }
});

// modules/channels/chain.ts
function channelsOpretOf(tx) {
  if (tx.vout.length === 0) return null;
  const payload = opReturnPayload(tx.vout[tx.vout.length - 1].script);
  return payload ? decodeChannelsOpret(payload) : null;
}
function openOf(L, opentxid2) {
  const rec = opentxid2 === ZERO_ID ? void 0 : L.txs.get(opentxid2);
  if (!rec) return {};
  const o = channelsOpretOf(rec.tx);
  return { rec, open: o?.funcid === FUNCID4.open ? o : void 0 };
}
function isConfirmed(L, txid, tip = L.height) {
  const rec = L.txs.get(txid);
  if (!rec || rec.height <= 0 || rec.height > tip) return false;
  return 1 + tip - rec.height >= CHANNELS_MIN_CONFIRMS;
}
function constrainVout(out, cc, address, value) {
  if (!out || isCCOutput(out) !== cc) return false;
  if (addressOfOutput(out) !== address) return false;
  return BigInt(value) === 0n || BigInt(value) === BigInt(out.value);
}
function channelsVoutValue(tx, src, dest, v) {
  const out = tx.vout[v];
  if (!isCCOutput(out)) return 0;
  const a = addressOfOutput(out);
  return a === channelAddress(src, dest) || a === tokenChannelAddress(src, dest) ? out.value : 0;
}
function markerVoutValue(tx, pubkey, v) {
  const out = tx.vout[v];
  return isCCOutput(out) && addressOfOutput(out) === markerAddress(pubkey) ? out.value : 0;
}
function mempoolTxsAt(L, address) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const c of L.mempoolByAddress.get(address)?.values() ?? []) {
    const rec = seen.has(c.txid) ? void 0 : L.txs.get(c.txid);
    seen.add(c.txid);
    if (rec && rec.height < 0) out.push(rec);
  }
  return out;
}
function channelInputs(L, opentxid2, open, mypk) {
  const coinaddr = open.tokenid !== ZERO_ID ? tokenChannelAddress(open.srcpub, open.destpub) : channelAddress(open.srcpub, open.destpub);
  const marker2 = open.srcpub === mypk ? 1 : 2;
  let txid = ZERO_ID;
  let funds = 0;
  for (const c of unspentIndexOrder(ccUnspents(L, coinaddr))) {
    const rec = c.vout === 0 ? L.txs.get(c.txid) : void 0;
    const o = rec && channelsOpretOf(rec.tx);
    if (!rec || !o || o.opentxid !== opentxid2 && c.txid !== opentxid2) continue;
    if (markerVoutValue(rec.tx, marker2 === 1 ? o.srcpub : o.destpub, marker2) <= 0) continue;
    funds = channelsVoutValue(rec.tx, o.srcpub, o.destpub, 0);
    if (funds > 0) {
      txid = c.txid;
      break;
    }
  }
  if (txid !== ZERO_ID && L.mempoolSpends.has(`${txid}:0`)) {
    txid = ZERO_ID;
    let mindepth = CHANNELS_MAXPAYMENTS;
    for (const rec of mempoolTxsAt(L, coinaddr)) {
      const o = channelsOpretOf(rec.tx);
      if (o?.funcid === FUNCID4.payment && o.opentxid === opentxid2 && o.param1 < mindepth) {
        txid = rec.txid;
        funds = rec.tx.vout[0]?.value ?? 0;
        mindepth = o.param1;
      }
    }
  }
  if (txid === ZERO_ID) return null;
  const fundsCoin = L.findCoin(txid, 0);
  const markerCoin = L.findCoin(txid, marker2);
  if (!fundsCoin || !markerCoin) return null;
  return { prevtxid: txid, funds, marker: marker2, fundsCoin, markerCoin };
}
var channelAddress, tokenChannelAddress, markerAddress, addressOfOutput, isCCOutput;
var init_chain2 = __esm({
  "modules/channels/chain.ts"() {
    "use strict";
    init_script();
    init_condition();
    init_hashes();
    init_cc_rpc();
    init_opret();
    init_spec7();
    init_opret4();
    channelAddress = (src, dest) => ccAddressOfScript(ccScript(makeCCcond1of2(CHANNELS_EVAL, hexToBytes(src), hexToBytes(dest))));
    tokenChannelAddress = (src, dest) => ccAddressOfScript(ccScript(makeTokensCCcond1of2(CHANNELS_EVAL, hexToBytes(src), hexToBytes(dest))));
    markerAddress = (pubkey) => ccAddress(CHANNELS_EVAL, hexToBytes(pubkey));
    addressOfOutput = (out) => out ? classifyScript(out.script).addresses[0] ?? "" : "";
    isCCOutput = (out) => !!out && classifyScript(out.script).type === "cryptocondition";
  }
});

// modules/channels/hashchain.ts
import { x25519 } from "@noble/curves/ed25519.js";
import { sha256 as sha2562 } from "@noble/hashes/sha2.js";
function channelSeed(privkey, txid, vout) {
  const txidpriv = uint256Bytes3(txid);
  txidpriv[1] ^= vout & 255;
  txidpriv[2] ^= vout >> 8 & 255;
  const txidpub = x25519.getPublicKey(txidpriv);
  const mypriv = sha2562(privkey);
  const shared = x25519.getSharedSecret(mypriv, txidpub);
  return sha2562(sha2562(shared));
}
function hashTimes(bytes, n) {
  let h = bytes;
  for (let i = 0; i < n; i++) h = sha2562(h);
  return h;
}
function reachesHashchain(secret, times, hashchain) {
  if (times <= 0) return false;
  return uint256Hex3(hashTimes(uint256Bytes3(secret), times)) === hashchain;
}
var hashchainOf, secretFor;
var init_hashchain = __esm({
  "modules/channels/hashchain.ts"() {
    "use strict";
    init_opret4();
    hashchainOf = (seed, numpayments) => uint256Hex3(hashTimes(seed, numpayments));
    secretFor = (seed, left) => uint256Hex3(hashTimes(seed, left));
  }
});

// modules/channels/validate.ts
function exactAmounts(tx, vctx) {
  const o = channelsOpretOf(tx);
  if (!o) return false;
  if (o.funcid === FUNCID4.open) return true;
  const outs = o.funcid === FUNCID4.payment ? [0, 3] : o.funcid === FUNCID4.close ? [0] : o.funcid === FUNCID4.refund ? [2] : null;
  if (!outs || tx.vin.length < 2) return false;
  const vin = tx.vin[1];
  const prev = vctx.chain.ledger.txs.get(hashToHex(vin.prevHash));
  const spent = prev?.tx.vout[vin.prevIndex];
  if (!spent || outs.some((n) => !tx.vout[n])) return false;
  return spent.value === outs.reduce((s, n) => s + tx.vout[n].value, 0);
}
function openRejectReason(openTx, numpayments, payment, src, dest) {
  if (openTx.vin.length && evalCodesOfScriptSig(openTx.vin[0].script).length > 0) return "vin.0 is normal for channelopen!";
  if (!constrainVout(openTx.vout[0], true, channelAddress(src, dest), BigInt(numpayments) * payment)) return "vout.0 is CC or invalid amount for channelopen!";
  if (!constrainVout(openTx.vout[1], true, markerAddress(src), CHANNELS_MARKER_VALUE)) return "vout.1 is CC marker to srcpub or invalid amount for channelopen!";
  if (!constrainVout(openTx.vout[2], true, markerAddress(dest), CHANNELS_MARKER_VALUE)) return "vout.2 is CC marker to destpub or invalid amount for channelopen!";
  return null;
}
function channelsRejectReason(tx, vctx) {
  const L = vctx.chain.ledger;
  const tip = vctx.height - 1;
  if (tx.vout.length < 1) return "no vouts";
  if (!exactAmounts(tx, vctx)) return "invalid channel inputs vs. outputs!";
  const o = channelsOpretOf(tx);
  if (!o) return "unexpected channels missing funcid";
  const { rec: openRec, open } = openOf(L, o.opentxid);
  if (!openRec) return "invalid channelopen tx!";
  if (!open) return "invalid channelopen OP_RETURN data!";
  const { srcpub: src, destpub: dest, tokenid, param1: numpayments, param2: payment, param3: hashchain } = open;
  const last = tx.vin.length - 1;
  const prevRec = tx.vin.length > 1 ? L.txs.get(hashToHex(tx.vin[1].prevHash)) : void 0;
  const markerVinOk = () => isChannelsInput(tx, last) && prevRec?.tx.vout[tx.vin[last].prevIndex]?.value === CHANNELS_MARKER_VALUE;
  switch (o.funcid) {
    case FUNCID4.open:
      return "unexpected ChannelsValidate for channelsopen!";
    case FUNCID4.payment: {
      const bad = openRejectReason(openRec.tx, numpayments, payment, src, dest);
      if (bad) return bad;
      if (!isConfirmed(L, o.opentxid, tip)) return "channelopen is not yet confirmed(notarised)!";
      if (isCCInput(tx, 0, vctx)) return "vin.0 is normal for channelpayment!";
      if (!isCCInput(tx, tx.vin.length - 2, vctx)) return `vin.${tx.vin.length - 2} is CC for channelpayment!`;
      if (!constrainVout(tx.vout[1], true, markerAddress(src), CHANNELS_MARKER_VALUE)) return "vout.1 is CC marker to srcpub or invalid amount for channelpayment!";
      if (!constrainVout(tx.vout[2], true, markerAddress(dest), CHANNELS_MARKER_VALUE)) return "vout.2 is CC marker to destpub or invalid amount for channelpayment!";
      const amount = o.param2 * payment;
      if (tokenid !== ZERO_ID && !constrainVout(tx.vout[3], true, ccAddress(EVAL.TOKENS, hexToBytes(dest)), amount)) {
        return "vout.3 is CC or invalid amount or invalid receiver for channelpayment!";
      }
      if (tokenid === ZERO_ID && !constrainVout(tx.vout[3], false, pubkeyAddress(hexToBytes(dest)), amount)) {
        return "vout.3 is normal or invalid amount or invalid receiver for channelpayment!";
      }
      if (o.param1 > CHANNELS_MAXPAYMENTS) return "too many payment increments!";
      if (!reachesHashchain(o.param3, numpayments - o.param1, hashchain)) return "invalid secret for payment, does not reach final hashchain!";
      if (BigInt(tx.vout[3].value) !== amount) return "vout amount does not match number_of_payments*payment!";
      if (prevRec) {
        const prev = channelsOpretOf(prevRec.tx);
        if (!prev) return "invalid previous tx OP_RETURN data!";
        if (!constrainVout(tx.vout[0], true, channelAddress(src, dest), (BigInt(prev.param1) - o.param2) * payment)) {
          return "vout.0 is CC or invalid CC change amount for channelpayment!";
        }
        if (!markerVinOk()) return `vin.${last} is CC marker or invalid marker amount for channelpayment!`;
        if (BigInt(o.param1) + o.param2 !== BigInt(prev.param1)) return "invalid payment depth!";
        if (tx.vout[3].value > (prevRec.tx.vout[0]?.value ?? 0)) return "not enough funds in channel for that amount!";
      }
      return null;
    }
    case FUNCID4.close: {
      const bad = openRejectReason(openRec.tx, numpayments, payment, src, dest);
      if (bad) return bad;
      if (!isConfirmed(L, o.opentxid, tip)) return "channelopen is not yet confirmed(notarised)!";
      if (isCCInput(tx, 0, vctx)) return "vin.0 is normal for channelclose!";
      if (!isCCInput(tx, tx.vin.length - 2, vctx)) return `vin.${tx.vin.length - 2} is CC for channelclose!`;
      if (!constrainVout(tx.vout[0], true, channelAddress(src, dest), 0)) return "vout.0 is CC for channelclose!";
      if (!constrainVout(tx.vout[1], true, markerAddress(src), CHANNELS_MARKER_VALUE)) return "vout.1 is CC marker to srcpub or invalid amount for channelclose!";
      if (!constrainVout(tx.vout[2], true, markerAddress(dest), CHANNELS_MARKER_VALUE)) return "vout.2 is CC marker to destpub or invalid amount for channelclose!";
      if (o.param1 > CHANNELS_MAXPAYMENTS) return "too many payment increments!";
      if (prevRec) {
        if (!channelsOpretOf(prevRec.tx)) return "invalid previous tx OP_RETURN data!";
        if (!markerVinOk()) return `vin.${last} is CC marker or invalid marker amount for channelclose!`;
        if (tx.vout[0].value !== prevRec.tx.vout[0]?.value) return "invalid CC amount, amount must match funds in channel";
      }
      return null;
    }
    case FUNCID4.refund: {
      const bad = openRejectReason(openRec.tx, numpayments, payment, src, dest);
      if (bad) return bad;
      if (!isConfirmed(L, o.opentxid, tip)) return "channelopen is not yet confirmed(notarised)!";
      if (!isConfirmed(L, o.param3, tip)) return "channelClose is not yet confirmed(notarised)!";
      if (isCCInput(tx, 0, vctx)) return "vin.0 is normal for channelrefund!";
      if (!isCCInput(tx, tx.vin.length - 2, vctx)) return `vin.${tx.vin.length - 2} CC for channelrefund!`;
      if (!constrainVout(tx.vout[0], true, markerAddress(src), CHANNELS_MARKER_VALUE)) return "vout.0 is CC marker to srcpub or invalid amount for channelrefund!";
      if (!constrainVout(tx.vout[1], true, markerAddress(dest), CHANNELS_MARKER_VALUE)) return "vout.1 is CC marker to destpub or invalid amount for channelrefund!";
      const amount = BigInt(o.param1) * payment;
      if (tokenid !== ZERO_ID && !constrainVout(tx.vout[2], true, ccAddress(EVAL.TOKENS, hexToBytes(src)), amount)) {
        return "vout.2 is CC or invalid amount or invalid receiver for channelrefund!";
      }
      if (tokenid === ZERO_ID && !constrainVout(tx.vout[2], false, pubkeyAddress(hexToBytes(src)), amount)) {
        return "vout.2 is normal or invalid amount or invalid receiver for channelrefund!";
      }
      if (o.param1 > CHANNELS_MAXPAYMENTS) return "too many payment increments!";
      if (prevRec) {
        if (!channelsOpretOf(prevRec.tx)) return "invalid previous tx OP_RETURN data!";
        if (!markerVinOk()) return `vin.${last} is CC marker or invalid marker amount for channelrefund!`;
        if (tx.vout[2].value !== prevRec.tx.vout[0]?.value) return "invalid amount, refund amount and funds in channel must match!";
      }
      return null;
    }
    default:
      return "unexpected channels funcid";
  }
}
var isCCInput, isChannelsInput;
var init_validate2 = __esm({
  "modules/channels/validate.ts"() {
    "use strict";
    init_hash();
    init_condition();
    init_hashes();
    init_spend();
    init_evalCodes();
    init_spec7();
    init_opret4();
    init_chain2();
    init_hashchain();
    isCCInput = (tx, i, vctx) => i >= 0 && i < tx.vin.length && (vctx.spent[i]?.cc === true || evalCodesOfScriptSig(tx.vin[i].script).length > 0);
    isChannelsInput = (tx, i) => i >= 0 && i < tx.vin.length && evalCodesOfScriptSig(tx.vin[i].script).includes(CHANNELS_EVAL);
  }
});

// modules/channels/rules.ts
var rules_exports3 = {};
__export(rules_exports3, {
  rules: () => rules3
});
function atol(s) {
  const m = /^\s*[+-]?\d+/.exec(s);
  if (!m) return 0n;
  const v = BigInt(m[0].trim());
  const max = (1n << 63n) - 1n;
  return v > max ? max : v < -max - 1n ? -max - 1n : v;
}
function optionalString(p2, i) {
  if (p2.length <= i || p2[i] === null) return null;
  const s = requireString(p2, i);
  return s === "" ? null : s;
}
function normalUpTo(ctx, total, max) {
  const coins2 = normalInputs(ctx.wallet, total);
  return coins2 && coins2.length <= max ? coins2 : null;
}
function finalize2(ctx, mypk, normal, cc, outputs, opret) {
  const script2 = opReturnScript(encodeChannelsOpret(opret));
  return finalizeCCTx({ wallet: ctx.wallet, mypk, normal, cc, outputs, opret: script2, allowDeficit: true }).hex;
}
function channelSpends(inputs, open, mypk, priv) {
  return [
    { coin: inputs.fundsCoin, condition: fundsCondition(open.tokenid, open.srcpub, open.destpub), priv },
    { coin: inputs.markerCoin, condition: makeCCcond1(CHANNELS_EVAL, mypk), priv }
  ];
}
function openInputs(ctx, tokenid, mypk, priv, funds) {
  const fees = CC_TXFEE + 2 * CHANNELS_MARKER_VALUE;
  const need = funds + BigInt(fees);
  if (!isToken(tokenid)) {
    const normal2 = need <= BigInt(Number.MAX_SAFE_INTEGER) ? normalUpTo(ctx, Number(need), 64) ?? [] : [];
    return { normal: normal2, cc: [], sum: BigInt(normal2.reduce((s, c) => s + c.value, 0)), tokens: 0 };
  }
  const normal = normalUpTo(ctx, fees, 5) ?? [];
  const L = ctx.chain.ledger;
  const picked = addTokenInputs(L, tokenid, mypk, funds <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(funds) : Number.MAX_SAFE_INTEGER, 64);
  const condition = tokensCond(nftEvalOf(L, tokenid) || EVAL_TOKENS2, 0, mypk);
  const cc = picked.coins.map((coin) => ({ coin, condition, priv }));
  return { normal, cc, sum: BigInt(normal.reduce((s, c) => s + c.value, 0) + picked.sum), tokens: picked.sum };
}
function channelsaddress(ctx, p2) {
  checkCount(p2, 1, 1, usage("channelsaddress"));
  return ccAddressReply(ctx, channels, p2, "plain");
}
function channelsopen(ctx, p2) {
  checkCount(p2, 3, 4, usage("channelsopen"));
  const { pubkey, priv } = ensureCC(ctx);
  const destHex = requireString(p2, 0);
  const numpayments = atoi(requireString(p2, 1));
  const payment = atol(requireString(p2, 2));
  const tokenid = p2.length === 4 ? uint256Param(requireString(p2, 3)) : ZERO_ID;
  if (numpayments <= 0 || payment <= 0n || numpayments > CHANNELS_MAXPAYMENTS) {
    return softError(`invalid ChannelOpen param numpayments.${numpayments} payment.${payment} - max_numpayments.${CHANNELS_MAXPAYMENTS}`);
  }
  if (!isPubkeyHex(destHex)) return softError("invalid destination pubkey");
  const destpub = destHex.toLowerCase();
  const funds = BigInt(numpayments) * payment;
  const inputs = openInputs(ctx, tokenid, pubkey, priv, funds);
  if (inputs.sum < funds + BigInt(CC_TXFEE + 2 * CHANNELS_MARKER_VALUE)) return softError("error adding funds");
  const nft = isToken(tokenid) ? nftEvalOf(ctx.chain.ledger, tokenid) : 0;
  if (inputs.cc.length > 0 && nft !== 0 && nft !== CHANNELS_EVAL) return null;
  const mine = bytesToHex2(pubkey);
  const first = inputs.normal[0] ?? inputs.cc[0].coin;
  const seed = channelSeed(priv, first.txid, first.vout);
  const outputs = [channelOutput(tokenid, Number(funds), mine, destpub), marker(pubkey), marker(hexToBytes(destpub))];
  if (BigInt(inputs.tokens) > funds) outputs.push(payout(tokenid, inputs.tokens - Number(funds), mine));
  const hex = finalize2(ctx, pubkey, inputs.normal, inputs.cc, outputs, {
    funcid: FUNCID4.open,
    tokenid,
    opentxid: ZERO_ID,
    srcpub: mine,
    destpub,
    param1: numpayments,
    param2: payment,
    param3: hashchainOf(seed, numpayments)
  });
  return { hex, result: "success" };
}
function channelspayment(ctx, p2) {
  checkCount(p2, 2, 3, usage("channelspayment"));
  const { pubkey, priv } = ensureCC(ctx);
  const opentxid2 = uint256Param(requireString(p2, 0));
  const amount = BigInt(atoi(requireString(p2, 1)));
  const given = optionalString(p2, 2);
  let secret = given === null ? ZERO_ID : uint256Param(given);
  const L = ctx.chain.ledger;
  const mine = bytesToHex2(pubkey);
  if (amount < 1n) return softError("invalid payment amount, must be greater than 0");
  const { rec: openRec, open } = openOf(L, opentxid2);
  if (!openRec) return softError("invalid channel open txid");
  if (!open) return softError("invalid channel open tx");
  if (mine !== open.srcpub && mine !== open.destpub) return softError("this is not our channel");
  if (amount % open.param2 !== 0n || amount < open.param2) return softError("invalid amount, not a magnitude of payment size");
  if (mine === open.destpub && secret === ZERO_ID) return softError("invalid secret, secret is necessary when making payment from destination");
  if (!isConfirmed(L, opentxid2)) return softError("channelsopen tx not yet confirmed/notarized");
  const normal = normalUpTo(ctx, CC_TXFEE + CHANNELS_MARKER_VALUE, 3);
  if (!normal) return softError("error adding normal inputs");
  const inputs = channelInputs(L, opentxid2, open, mine);
  const change = inputs ? BigInt(inputs.funds) - amount : -1n;
  if (!inputs || change < 0n) return softError("error adding CC inputs");
  const numpayments = amount / open.param2;
  const prev = channelsOpretOf(L.txs.get(inputs.prevtxid).tx);
  if (!prev || prev.funcid !== FUNCID4.payment && prev.funcid !== FUNCID4.open) return softError("invalid previous tx");
  const prevdepth = BigInt(prev.param1);
  if (numpayments > prevdepth) return softError("not enough funds in channel for that amount");
  if (numpayments === 0n) return softError("invalid amount");
  const left = Number(prevdepth - numpayments);
  if (secret !== ZERO_ID) {
    if (!reachesHashchain(secret, open.param1 - left, open.param3)) return softError("invalid secret supplied");
  } else {
    const vin0 = openRec.tx.vin[0];
    secret = secretFor(channelSeed(priv, hashToHex(vin0.prevHash), vin0.prevIndex), left);
  }
  const { tokenid } = prev;
  const outputs = [
    channelOutput(tokenid, Number(change), open.srcpub, open.destpub),
    marker(hexToBytes(open.srcpub)),
    marker(hexToBytes(open.destpub)),
    payout(tokenid, Number(amount), open.destpub)
  ];
  const hex = finalize2(ctx, pubkey, normal, channelSpends(inputs, open, pubkey, priv), outputs, {
    funcid: FUNCID4.payment,
    tokenid,
    opentxid: opentxid2,
    srcpub: open.srcpub,
    destpub: open.destpub,
    param1: left,
    param2: numpayments,
    param3: secret
  });
  return { hex, result: "success" };
}
function channelsclose(ctx, p2) {
  checkCount(p2, 1, 1, usage("channelsclose"));
  const { pubkey, priv } = ensureCC(ctx);
  const opentxid2 = uint256Param(requireString(p2, 0));
  const L = ctx.chain.ledger;
  const mine = bytesToHex2(pubkey);
  const { rec: openRec, open } = openOf(L, opentxid2);
  if (!openRec) return softError("invalid channel open txid");
  if (!open) return softError("invalid channel open tx");
  if (!isConfirmed(L, opentxid2)) return softError("channelsopen tx not yet confirmed/notarized");
  if (mine !== open.srcpub) return softError("cannot close, you are not channel owner");
  const normal = normalUpTo(ctx, CC_TXFEE + CHANNELS_MARKER_VALUE, 3);
  if (!normal) return softError("error adding normal inputs");
  const inputs = channelInputs(L, opentxid2, open, mine);
  if (!inputs || inputs.funds <= 0) return softError("error adding CC inputs");
  const outputs = [channelOutput(open.tokenid, inputs.funds, mine, open.destpub), marker(pubkey), marker(hexToBytes(open.destpub))];
  return finalize2(ctx, pubkey, normal, channelSpends(inputs, open, pubkey, priv), outputs, {
    funcid: FUNCID4.close,
    tokenid: open.tokenid,
    opentxid: opentxid2,
    srcpub: mine,
    destpub: open.destpub,
    param1: Number(BigInt(inputs.funds) / open.param2),
    param2: open.param2,
    param3: ZERO_ID
  });
}
function channelsrefund(ctx, p2) {
  checkCount(p2, 2, 2, usage("channelsrefund"));
  const { pubkey, priv } = ensureCC(ctx);
  const opentxid2 = uint256Param(requireString(p2, 0));
  const closetxid = uint256Param(requireString(p2, 1));
  const L = ctx.chain.ledger;
  const mine = bytesToHex2(pubkey);
  const closeRec = closetxid === ZERO_ID ? void 0 : L.txs.get(closetxid);
  if (!closeRec) return softError("invalid channel close txid");
  const close = channelsOpretOf(closeRec.tx);
  if (!close || close.funcid !== FUNCID4.close) return softError("invalid channel close tx");
  if (!isConfirmed(L, closetxid)) return softError("channelsclose tx not yet confirmed/notarized");
  if (close.opentxid !== opentxid2) return softError("open and close txid are not from same channel");
  const { rec: openRec, open } = openOf(L, opentxid2);
  if (!openRec) return softError("invalid channel open txid");
  if (!isConfirmed(L, opentxid2)) return softError("channelsopen tx not yet confirmed/notarized");
  if (!open) return softError("invalid channel open tx");
  if (mine !== open.srcpub) return softError("cannot refund, you are not the channel owner");
  const normal = normalUpTo(ctx, CC_TXFEE + CHANNELS_MARKER_VALUE, 3);
  if (!normal) return softError("error adding normal inputs");
  const inputs = channelInputs(L, opentxid2, open, mine);
  if (!inputs || inputs.funds <= 0) return softError("error adding CC inputs");
  const prev = channelsOpretOf(L.txs.get(inputs.prevtxid).tx);
  if (!prev) return softError("previous tx is invalid");
  const { tokenid } = prev;
  const outputs = [marker(pubkey), marker(hexToBytes(open.destpub)), payout(tokenid, inputs.funds, mine)];
  return finalize2(ctx, pubkey, normal, channelSpends(inputs, open, pubkey, priv), outputs, {
    funcid: FUNCID4.refund,
    tokenid,
    opentxid: opentxid2,
    srcpub: mine,
    destpub: open.destpub,
    param1: Number(BigInt(inputs.funds) / open.param2),
    param2: open.param2,
    param3: closetxid
  });
}
function indexTxids(ctx, address) {
  return (ctx.chain.ledger.ccIndex.get(address) ?? []).filter((e) => !e.spending && e.satoshis >= 0).map((e) => e.txid);
}
function channelslist(ctx, p2) {
  checkCount(p2, 0, 0, usage("channelslist"));
  const { pubkey } = ensureCC(ctx);
  const L = ctx.chain.ledger;
  const out = { result: "success", name: "Channels List" };
  for (const txid of indexTxids(ctx, markerAddress(bytesToHex2(pubkey)))) {
    const rec = L.txs.get(txid);
    const o = rec && channelsOpretOf(rec.tx);
    if (o?.funcid === FUNCID4.open) out[txid] = `${o.param1} payments of ${o.param2} satoshi to ${o.destpub}`;
  }
  return out;
}
function channelsinfo(ctx, p2) {
  checkCount(p2, 0, 1, usage("channelsinfo"));
  const { pubkey } = ensureCC(ctx);
  const given = optionalString(p2, 0);
  const channeltxid = given === null ? ZERO_ID : uint256Param(given);
  const L = ctx.chain.ledger;
  const { rec: openRec, open } = openOf(L, channeltxid);
  if (!openRec || !open) return { result: "error", Error: "Channel not found!" };
  const out = {
    result: "success",
    "Channel CC address": channelAddress(open.srcpub, open.destpub),
    "Destination address": pubkeyAddress(hexToBytes(open.destpub)),
    "Number of payments": open.param1
  };
  const total = (BigInt(open.param1) * open.param2).toString();
  if (open.tokenid !== ZERO_ID) {
    Object.assign(out, { "Token id": open.tokenid, "Denomination (token satoshi)": open.param2.toString(), "Amount (token satoshi)": total });
  } else {
    Object.assign(out, { "Denomination (satoshi)": open.param2.toString(), "Amount (satoshi)": total });
  }
  const recs = indexTxids(ctx, markerAddress(bytesToHex2(pubkey))).flatMap((txid) => {
    const rec = L.txs.get(txid);
    const o = rec && channelsOpretOf(rec.tx);
    return rec && o && (o.opentxid === channeltxid || txid === channeltxid) ? [rec] : [];
  });
  for (const address of /* @__PURE__ */ new Set([channelAddress(open.srcpub, open.destpub), tokenChannelAddress(open.srcpub, open.destpub)])) {
    for (const rec of mempoolTxsAt(L, address)) {
      const o = channelsOpretOf(rec.tx);
      if (o?.funcid === FUNCID4.payment && o.opentxid === channeltxid) recs.push(rec);
    }
  }
  const transactions = recs.map((rec) => {
    const o = channelsOpretOf(rec.tx);
    if (o.funcid === FUNCID4.open && rec.txid === channeltxid) return { Open: rec.txid };
    if (o.funcid === FUNCID4.payment && o.opentxid === channeltxid) {
      return {
        Payment: rec.txid,
        "Number of payments": Number(o.param2),
        Amount: Number(o.param2 * open.param2),
        Destination: addressOfOutput(rec.tx.vout[3]),
        Secret: o.param3,
        "Payments left": o.param1
      };
    }
    if (o.funcid === FUNCID4.close && o.opentxid === channeltxid) return { Close: rec.txid };
    if (o.funcid === FUNCID4.refund && o.opentxid === channeltxid) {
      return { Refund: rec.txid, Amount: Number(BigInt(o.param1) * o.param2), Destination: addressOfOutput(rec.tx.vout[2]) };
    }
    return {};
  });
  out.Transactions = transactions;
  return out;
}
var usage, marker, isToken, fundsCondition, channelOutput, payout, atoi, uint256Param, rules3;
var init_rules3 = __esm({
  "modules/channels/rules.ts"() {
    "use strict";
    init_script();
    init_keys();
    init_hash();
    init_condition();
    init_address_reply();
    init_hashes();
    init_cc_rpc();
    init_spend();
    init_opret();
    init_spec7();
    init_opret4();
    init_chain2();
    init_hashchain();
    init_inputs();
    init_validate2();
    usage = (m) => CHANNELS_USAGE[m];
    marker = (pubkey) => ({ value: CHANNELS_MARKER_VALUE, script: ccScript(makeCCcond1(CHANNELS_EVAL, pubkey)) });
    isToken = (tokenid) => tokenid !== ZERO_ID;
    fundsCondition = (tokenid, src, dest) => (isToken(tokenid) ? makeTokensCCcond1of2 : makeCCcond1of2)(CHANNELS_EVAL, hexToBytes(src), hexToBytes(dest));
    channelOutput = (tokenid, value, src, dest) => ({ value, script: ccScript(fundsCondition(tokenid, src, dest)) });
    payout = (tokenid, value, pubkey) => ({ value, script: isToken(tokenid) ? ccScript(makeCCcond1(EVAL_TOKENS2, hexToBytes(pubkey))) : p2pk(hexToBytes(pubkey)) });
    atoi = (s) => Number(BigInt.asIntN(32, atol(s)));
    uint256Param = (s) => /^[0-9a-fA-F]{64}$/.test(s) ? s.toLowerCase() : ZERO_ID;
    rules3 = {
      evalCode: CHANNELS_EVAL,
      name: CHANNELS_NAME,
      category: "channels",
      rpc: { channelsaddress, channelslist, channelsinfo, channelsopen, channelspayment, channelsclose, channelsrefund },
      usage: CHANNELS_USAGE,
      validate: evalValidator(CHANNELS_EVAL, CHANNELS_NAME, channelsRejectReason),
      verifySpend: (tx, i, coin) => verifySpendFor(CHANNELS_EVAL, tx, i, coin)
    };
  }
});

// modules/faucet/pow.ts
import { blake2b as blake2b2 } from "@noble/hashes/blake2.js";
import { secp256k1 as secp256k14 } from "@noble/curves/secp256k1.js";
import { invert, mod } from "@noble/curves/abstract/modular.js";
function listPowJobs() {
  const now = Date.now();
  return [...jobs.values()].reverse().map((j) => ({ ...j, elapsedMs: j.state === "running" ? now - j.startedAt : j.elapsedMs }));
}
function preimage(tx, i, scriptCode, amount, hashOutputs) {
  const enc3 = new TextEncoder();
  const prev = new Writer();
  for (const x of tx.vin) prev.bytes(x.prevHash).u32(x.prevIndex);
  const seq = new Writer();
  for (const x of tx.vin) seq.u32(x.sequence);
  const w = new Writer();
  w.u32((tx.version | 2147483648) >>> 0).u32(tx.versionGroupId);
  w.bytes(blake2b2(prev.finish(), { dkLen: 32, personalization: enc3.encode("ZcashPrevoutHash") }));
  w.bytes(blake2b2(seq.finish(), { dkLen: 32, personalization: enc3.encode("ZcashSequencHash") }));
  w.bytes(hashOutputs);
  w.bytes(new Uint8Array(96));
  w.u32(tx.lockTime).u32(tx.expiryHeight).i64(tx.valueBalance).u32(SIGHASH_ALL);
  const inp = tx.vin[i];
  w.bytes(inp.prevHash).u32(inp.prevIndex).varbytes(scriptCode).i64(amount).u32(inp.sequence);
  return w.finish();
}
function outputsBlob(tx) {
  const w = new Writer();
  for (const o of tx.vout) w.i64(o.value).varbytes(o.script);
  return w.finish();
}
function diffOffset(a, b, len) {
  let first = -1;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) {
    first = k;
    break;
  }
  if (first < 0 || a.length !== b.length) throw new Error("pow layout: no difference");
  for (let k = first + len; k < a.length; k++) if (a[k] !== b[k]) throw new Error("pow layout: scattered difference");
  return first;
}
function withNonce(tx, nonce) {
  const last = tx.vout[tx.vout.length - 1];
  const script2 = Uint8Array.from(last.script);
  new DataView(script2.buffer).setUint32(script2.length - 4, nonce >>> 0, true);
  return { ...tx, vout: [...tx.vout.slice(0, -1), { value: last.value, script: script2 }] };
}
function withSigs(tx, inputs, fill) {
  return {
    ...tx,
    vin: tx.vin.map((x, m) => ({ ...x, script: ccScriptSig(sign(inputs[m].condition, new Uint8Array(64).fill(fill(m)))) }))
  };
}
function sign(c, sig) {
  if (c.type === "secp256k1") return { ...c, signature: sig };
  if (c.type === "threshold") return { ...c, subs: c.subs.map((s) => sign(s, sig)) };
  return c;
}
async function minePowTx(req) {
  const { inputs } = req;
  const base = withSigs(req.tx, inputs, () => 0);
  const raw0 = serializeTx(withNonce(base, 0));
  const txNonceOffset = diffOffset(raw0, serializeTx(withNonce(base, 4294967295)), 4);
  const sigOffsets = inputs.map((_, m) => diffOffset(raw0, serializeTx(withNonce(withSigs(req.tx, inputs, (k) => k === m ? 255 : 0), 0)), 64));
  const outs0 = outputsBlob(withNonce(req.tx, 0));
  const outputsNonceOffset = diffOffset(outs0, outputsBlob(withNonce(req.tx, 4294967295)), 4);
  const hashOutputs0 = blake2b2(outs0, { dkLen: 32, personalization: new TextEncoder().encode("ZcashOutputsHash") });
  const preimages = inputs.map((inp, m) => preimage(req.tx, m, inp.scriptCode, inp.amount, hashOutputs0));
  preimages.forEach((pre, m) => {
    const mine = blake2b2(pre, { dkLen: 32, personalization: P_SIGHASH });
    const core = signatureHash(withNonce(req.tx, 0), m, inputs[m].scriptCode, inputs[m].amount, SIGHASH_ALL);
    if (!bytesEqual(mine, core)) throw new Error("pow: sighash preimage disagrees with tx/sighash.ts");
  });
  const template = sha256(concat2(raw0, req.privkey));
  const startNonce = (template[0] | template[1] << 8 | template[2] << 16 | template[3] << 24) & 268435455;
  const best = boundBuffer();
  new Int32Array(best)[0] = 2147483647;
  const workers = Math.max(1, req.workers);
  const job = { id: nextJobId++, kind: "faucetget", node: req.node, state: "queued", tries: 0, expectedTries: 65536, maxTries: req.maxTries, startedAt: Date.now(), elapsedMs: 0 };
  jobs.set(job.id, job);
  for (const id of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEEP_FINISHED))) if (jobs.get(id)?.state !== "running" && jobs.get(id)?.state !== "queued") jobs.delete(id);
  const spec = {
    tx: raw0,
    txNonceOffset,
    outputs: outs0,
    outputsNonceOffset,
    hashOutputsOffset: HASH_OUTPUTS_OFFSET,
    sighashPersonal: P_SIGHASH,
    best,
    startNonce,
    stride: workers,
    inputs: preimages.map((p3, m) => ({ preimage: p3, sigOffset: sigOffsets[m], ...signingParts(req.privkey, template, m) }))
  };
  const p2 = searchQueue.then(() => runJob(job, spec, workers, req.maxTries));
  searchQueue = p2.catch(() => void 0);
  return p2;
}
function boundBuffer() {
  const isolated = globalThis.crossOriginIsolated !== false;
  return typeof SharedArrayBuffer === "function" && isolated ? new SharedArrayBuffer(4) : new ArrayBuffer(4);
}
function poolWorkers(n) {
  while (pool2.length < n) {
    const w = platform.startPowWorker();
    if (!w) throw new Error("faucetget: this platform has no proof-of-work workers");
    w.unref();
    w.on("exit", () => {
      const i = pool2.indexOf(w);
      if (i >= 0) pool2.splice(i, 1);
    });
    pool2.push(w);
  }
  return pool2.slice(0, n);
}
function warmUpJob() {
  const best = new ArrayBuffer(4);
  new Int32Array(best)[0] = 2147483647;
  return {
    jobId: 0,
    tx: new Uint8Array(300),
    txNonceOffset: 290,
    outputs: new Uint8Array(120),
    outputsNonceOffset: 114,
    hashOutputsOffset: HASH_OUTPUTS_OFFSET,
    sighashPersonal: P_SIGHASH,
    best,
    startNonce: 0,
    stride: 1,
    worker: 0,
    count: WARM_UP_TRIES,
    inputs: [{ preimage: new Uint8Array(320), sigOffset: 120, r: CURVE_N - 3n, kinv: CURVE_N - 5n, krd: CURVE_N - 7n }]
  };
}
function warmPowPool(workers) {
  if (pool2.length >= workers) return;
  let ws;
  try {
    ws = poolWorkers(workers);
  } catch {
    return;
  }
  for (const w of ws) w.postMessage(warmUpJob());
}
async function closePowPool() {
  await Promise.all(pool2.splice(0).map((w) => w.terminate()));
}
function runJob(job, spec, workers, maxTries) {
  job.state = "running";
  job.startedAt = Date.now();
  const ws = poolWorkers(workers);
  const shared = typeof SharedArrayBuffer === "function" && spec.best instanceof SharedArrayBuffer;
  const perWorker = new Array(ws.length).fill(0);
  const found = [];
  const detach = [];
  return new Promise((resolve2, reject) => {
    let pending = ws.length;
    let settled = false;
    const finish = (err) => {
      if (settled) return;
      settled = true;
      for (const d of detach) d();
      job.elapsedMs = Date.now() - job.startedAt;
      if (err) {
        job.state = "failed";
        void closePowPool();
        reject(err);
        return;
      }
      const winner = found.sort((a, b) => a.rel - b.rel)[0];
      if (!winner) {
        job.state = "exhausted";
        resolve2(null);
        return;
      }
      const raw = Uint8Array.from(winner.tx);
      job.state = "found";
      job.txid = bytesToHex2(sha256(sha256(raw)).reverse());
      resolve2({ raw, nonce: winner.nonce, tries: job.tries, ms: job.elapsedMs });
    };
    ws.forEach((w, idx) => {
      const onMessage = (msg) => {
        if (msg.jobId !== job.id) return;
        perWorker[idx] = msg.tries;
        job.tries = perWorker.reduce((a, b) => a + b, 0);
        if (msg.type !== "done") return;
        if (msg.found) {
          found.push(msg.found);
          if (!shared) ws.forEach((other, k) => k !== idx && other.postMessage({ type: "bound", jobId: job.id, rel: msg.found.rel }));
        }
        if (--pending === 0) finish(null);
      };
      const onError = (e) => finish(e);
      const onExit = (code) => finish(new Error(`pow worker exited with ${code}`));
      w.on("message", onMessage);
      w.on("error", onError);
      w.on("exit", onExit);
      w.ref();
      detach.push(() => {
        w.off("message", onMessage);
        w.off("error", onError);
        w.off("exit", onExit);
        w.unref();
      });
      w.postMessage({ ...spec, jobId: job.id, worker: idx, count: Math.ceil((maxTries - idx) / ws.length) });
    });
  });
}
function signingParts(privkey, seed, m) {
  const k = mod(BigInt("0x" + bytesToHex2(sha256(concat2(seed, Uint8Array.of(m))))), CURVE_N) || 1n;
  const r = mod(secp256k14.Point.BASE.multiply(k).toAffine().x, CURVE_N);
  const kinv = invert(k, CURVE_N);
  const d = BigInt("0x" + bytesToHex2(privkey));
  return { r, kinv, krd: mod(kinv * r * d, CURVE_N) };
}
function assertPublicModuleKey(privkey, publicKeys) {
  const pub = bytesToHex2(secp256k14.getPublicKey(privkey, true));
  if (!publicKeys.includes(pub)) throw new Error("pow: refusing to sign with a non-module key");
}
var jobs, nextJobId, KEEP_FINISHED, P_SIGHASH, HASH_OUTPUTS_OFFSET, searchQueue, pool2, WARM_UP_TRIES, CURVE_N;
var init_pow = __esm({
  "modules/faucet/pow.ts"() {
    "use strict";
    init_node();
    init_bytes();
    init_transaction();
    init_sighash();
    init_hashes();
    init_fulfillment();
    jobs = /* @__PURE__ */ new Map();
    nextJobId = 1;
    KEEP_FINISHED = 20;
    P_SIGHASH = (() => {
      const p2 = new Uint8Array(16);
      p2.set(new TextEncoder().encode("ZcashSigHash"));
      new DataView(p2.buffer).setUint32(12, SAPLING_BRANCH_ID, true);
      return p2;
    })();
    HASH_OUTPUTS_OFFSET = 4 + 4 + 32 + 32;
    searchQueue = Promise.resolve();
    pool2 = [];
    WARM_UP_TRIES = 6e3;
    CURVE_N = secp256k14.Point.CURVE().n;
  }
});

// modules/faucet/devchainMethods.ts
function devchainJobs(_ctx, p2) {
  checkCount(p2, 0, 0, "devchain_jobs");
  return { jobs: listPowJobs(), rejects: recentRejects() };
}
function devchainResetIdentity(ctx, p2) {
  checkCount(p2, 0, 1, 'devchain_resetidentity ( "node" )');
  const node = p2.length ? requireString(p2, 0) : "reader";
  const dc = ctx.devchain;
  if (!dc) throw new RpcError(RpcCode.METHOD_NOT_FOUND, "Method not found");
  if (!dc.nodes.includes(node)) throw new RpcError(RpcCode.INVALID_PARAMETER, `Unknown node: ${node}`);
  if (node === "miner") throw new RpcError(RpcCode.INVALID_PARAMETER, "only the reader node can be given a fresh identity");
  const k = dc.newKey(node, false);
  dc.setPubkey(node, k.pubHex);
  return { node, address: k.address, pubkey: k.pubHex };
}
var ccDevchainRpc, ccDevchainUsage;
var init_devchainMethods = __esm({
  "modules/faucet/devchainMethods.ts"() {
    "use strict";
    init_jsonrpc();
    init_cc_rpc();
    init_pow();
    init_rejects();
    ccDevchainRpc = {
      devchain_jobs: devchainJobs,
      devchain_resetidentity: devchainResetIdentity
    };
    ccDevchainUsage = {
      devchain_jobs: "devchain_jobs",
      devchain_resetidentity: 'devchain_resetidentity ( "node" )'
    };
  }
});

// modules/faucet/rules.ts
var rules_exports4 = {};
__export(rules_exports4, {
  FAUCETSIZE: () => FAUCETSIZE,
  FAUCET_CC_ADDRESS: () => FAUCET_CC_ADDRESS,
  FAUCET_COND: () => FAUCET_COND,
  FAUCET_SCRIPT: () => FAUCET_SCRIPT,
  faucetRejectReason: () => faucetRejectReason,
  isFaucetVout: () => isFaucetVout,
  rules: () => rules4
});
function faucetInputs(ctx, total, maxinputs) {
  const L = ctx.chain.ledger;
  const threshold = maxinputs > 0 ? Math.floor(total / Math.min(maxinputs, CC_MAXVINS)) : total;
  const coins2 = [];
  let sum = 0;
  for (const c of ccUnspents(L, FAUCET_CC_ADDRESS)) {
    if (c.value < threshold || !isFaucetVout(c.script) || c.value <= 1e6 || spentInMempool(L, c)) continue;
    coins2.push(c);
    sum += c.value;
    if (total > 0 && sum >= total || maxinputs > 0 && coins2.length >= maxinputs) break;
  }
  return { coins: coins2, sum };
}
function faucetfund(ctx, p2) {
  checkCount(p2, 1, 1, "faucetfund amount");
  warmPowPool(POW_WORKERS);
  const funds = coinsToSats(requireString(p2, 0));
  const { pubkey } = ensureCC(ctx);
  if (funds <= 0) return softError("funding amount must be positive");
  const normal = normalInputs(ctx.wallet, funds + CC_TXFEE);
  if (!normal) return softError("couldnt create faucet funding transaction");
  const { hex } = finalizeCCTx({ wallet: ctx.wallet, mypk: pubkey, normal, cc: [], outputs: [{ value: funds, script: FAUCET_SCRIPT }] });
  return { hex, result: "success" };
}
async function faucetget(ctx, p2) {
  checkCount(p2, 0, 0, "faucetget");
  const { pubkey } = ensureCC(ctx);
  const fail = softError("couldnt create faucet get transaction");
  const need = FAUCETSIZE + CC_TXFEE;
  const { coins: coins2, sum } = faucetInputs(ctx, need, CC_MAXVINS);
  if (coins2.length === 0 || sum < need) return fail;
  const vout = [];
  const change = sum - FAUCETSIZE - CC_TXFEE;
  if (change !== 0) vout.push({ value: change, script: FAUCET_SCRIPT });
  vout.push({ value: FAUCETSIZE, script: p2pk(pubkey) });
  vout.push({ value: 0, script: opReturnScript(encodeFaucetGet(0)) });
  const tx = newTx(coins2.map((c) => ({ prevHash: hexToHash(c.txid), prevIndex: c.vout, script: new Uint8Array(0), sequence: SEQUENCE_FINAL })), vout);
  assertPublicModuleKey(FAUCET_PRIV, [faucet.globalPubkey]);
  const found = await minePowTx({
    tx,
    inputs: coins2.map((c) => ({ condition: FAUCET_COND, scriptCode: c.script, amount: c.value })),
    privkey: FAUCET_PRIV,
    maxTries: POW_TRIES,
    workers: POW_WORKERS,
    node: ctx.node
  });
  if (!found) return fail;
  return { hex: bytesToHex2(found.raw), result: "success" };
}
function faucetinfo(ctx, p2) {
  checkCount(p2, 0, 0, "faucetinfo");
  warmPowPool(POW_WORKERS);
  ensureCC(ctx);
  const { sum } = faucetInputs(ctx, 0, 0);
  return { result: "success", name: "Faucet", funding: new Amount(sum).toFixed8() };
}
function faucetRejectReason(tx, vctx) {
  const L = vctx.chain.ledger;
  if (tx.vout.length < 1) return "no vouts";
  for (let i = 0; i < tx.vin.length; i++) if (!vctx.spent[i]?.cc) return "illegal normal vini";
  let inputs = 0;
  for (let i = 0; i < tx.vin.length; i++) {
    const c = vctx.spent[i];
    if (c.height < 0) return "cant faucet from mempool";
    if (isFaucetVout(c.script)) inputs += c.value;
  }
  let outputs = 0;
  for (const o of tx.vout) if (isFaucetVout(o.script)) outputs += o.value;
  if (inputs !== outputs + FAUCETSIZE + CC_TXFEE) return "mismatched inputs != outputs + FAUCETSIZE + txfee";
  const payout2 = isFaucetVout(tx.vout[0].script) ? 1 : 0;
  const out = tx.vout[payout2];
  if (!out || out.value !== FAUCETSIZE) return "invalid faucet output";
  const hash2 = sha256d(serializeTx(tx));
  if (hash2[0] !== 0 || hash2[31] !== 0) return "invalid faucetget txid";
  const info = classifyScript(out.script);
  const dest = info.addresses[0];
  if (dest) {
    const idx = info.type === "cryptocondition" ? L.ccIndex : L.addrIndex;
    for (const e of idx.get(dest) ?? []) {
      if (e.height > 0 && L.height - e.height > 3) return "faucet is only for brand new addresses";
    }
  }
  for (let i = payout2 + 1; i < tx.vout.length; i++) if (classifyScript(tx.vout[i].script).type === "cryptocondition") return "invalid CC vout";
  return null;
}
var EVAL_FAUCET, FAUCETSIZE, FAUCET_PK, FAUCET_PRIV, FAUCET_COND, FAUCET_SCRIPT, FAUCET_CC_ADDRESS, CC_MAXVINS, POW_TRIES, POW_WORKERS, isFaucetVout, rules4;
var init_rules4 = __esm({
  "modules/faucet/rules.ts"() {
    "use strict";
    init_node();
    init_amount();
    init_script();
    init_hash();
    init_transaction();
    init_condition();
    init_hashes();
    init_opret();
    init_address_reply();
    init_spec();
    init_devchainMethods();
    init_cc_rpc();
    init_spend();
    init_pow();
    init_errors();
    init_rejects();
    EVAL_FAUCET = faucet.evalCode;
    FAUCETSIZE = COIN6 / 10;
    FAUCET_PK = hexToBytes(faucet.globalPubkey);
    FAUCET_PRIV = hexToBytes(faucet.globalPrivkey);
    FAUCET_COND = makeCCcond1(EVAL_FAUCET, FAUCET_PK);
    FAUCET_SCRIPT = ccScript(FAUCET_COND);
    FAUCET_CC_ADDRESS = ccAddress(EVAL_FAUCET, FAUCET_PK);
    CC_MAXVINS = 60;
    POW_TRIES = 1e6;
    POW_WORKERS = Math.max(1, platform.parallelism());
    isFaucetVout = (script2) => bytesEqual(script2, FAUCET_SCRIPT);
    rules4 = {
      evalCode: EVAL_FAUCET,
      name: "Faucet",
      category: "faucet",
      rpc: {
        faucetaddress: (ctx, p2) => {
          warmPowPool(POW_WORKERS);
          return ccAddressReply(ctx, faucet, p2, "err");
        },
        faucetfund,
        faucetget,
        faucetinfo,
        ...ccDevchainRpc
      },
      usage: { faucetaddress: "faucetaddress [pubkey]", faucetfund: "faucetfund amount", faucetget: "faucetget", faucetinfo: "faucetinfo", ...ccDevchainUsage },
      validate(tx, vctx) {
        if (inputsWithEval(tx, vctx.spent, EVAL_FAUCET).length === 0) return null;
        const reason = faucetRejectReason(tx, vctx);
        if (reason) recordReject({ txid: vctx.txid, module: "Faucet", reason });
        return reason ? SCRIPT_FALSE : null;
      },
      verifySpend: (tx, i, coin) => verifySpendFor(EVAL_FAUCET, tx, i, coin)
    };
  }
});

// modules/heir/rules.ts
var rules_exports5 = {};
__export(rules_exports5, {
  addMarkerAddress: () => addMarkerAddress,
  decodeHeirEither: () => decodeHeirEither,
  encodeTokenPlanPayload: () => encodeTokenPlanPayload,
  findPlan: () => findPlan,
  fundAddress: () => fundAddress,
  heirRejectReason: () => heirRejectReason,
  rules: () => rules5
});
function encodeTokenPlanPayload(tokenid, owner, heir2, heirPayload) {
  return concatBytes2(encodeTokenTransfer({ tokenid, destPubkeys: [owner, heir2] }), Uint8Array.of(OPRETID_HEIRDATA), sizedBytes(heirPayload));
}
function decodeHeirEither(payload) {
  const wrapped = decodeTokenTransfer(payload);
  if (wrapped?.extra) {
    const idAt = payload.length - wrapped.extra.length - compactSize(wrapped.extra.length).length - 1;
    const heir3 = payload[idAt] === OPRETID_HEIRDATA ? decodeHeirPayload(wrapped.extra) : null;
    return heir3 && { tokenid: wrapped.tokenid, heir: heir3 };
  }
  const heir2 = decodeHeirPayload(payload);
  return heir2 && { tokenid: null, heir: heir2 };
}
function lastPayload(tx) {
  return tx.vout.length ? opReturnPayload(tx.vout[tx.vout.length - 1].script) : null;
}
function heirOpretOf(tx) {
  const payload = lastPayload(tx);
  return payload && decodeHeirEither(payload);
}
function checkVinPubkey(tx, pk) {
  let has = false;
  let hasOther = false;
  for (const vin of tx.vin) {
    const signer = signingPubkey(vin.script);
    if (!signer) continue;
    if (bytesEqual(signer, pk)) has = true;
    else hasOther = true;
  }
  return { has, hasOther };
}
function findPlan(L, fundingtxid3) {
  const rec = L.txs.get(fundingtxid3);
  if (!rec || rec.tx.vout.length === 0) return null;
  const first = heirOpretOf(rec.tx);
  if (!first || first.heir.funcId !== HEIR_FUNCID.FUND) return null;
  const plan = {
    ...first.heir,
    fundingtxid: fundingtxid3,
    tokenid: first.tokenid,
    latesttxid: fundingtxid3,
    heirSpendingBegun: 0
  };
  let maxHeight = 0;
  for (const c of ccUnspents(L, fundAddress("coins", plan.ownerPubkey, plan.heirPubkey)).sort(indexOrder)) {
    const tx = L.txs.get(c.txid)?.tx;
    const d = tx && heirOpretOf(tx);
    if (!tx || !d || fundingRefOf(d.heir) !== fundingtxid3 || plan.tokenid !== null && plan.tokenid !== d.tokenid) continue;
    if (c.height <= maxHeight) continue;
    const v = checkVinPubkey(tx, plan.ownerPubkey);
    if (v.has && !v.hasOther) {
      plan.heirSpendingBegun = d.heir.funcId === HEIR_FUNCID.FUND ? 0 : d.heir.heirSpendingBegun;
      maxHeight = c.height;
      plan.latesttxid = c.txid;
    }
  }
  return plan;
}
function heirTurn(L, plan) {
  const duration = plan.heirSpendingBegun ? 0 : ccDuration(L, plan.latesttxid);
  return { duration, allowed: plan.heirSpendingBegun !== 0 || duration > Number(plan.inactivityTime) };
}
function isPlanOutput(L, plan, c) {
  const tx = L.txs.get(c.txid)?.tx;
  const d = tx && heirOpretOf(tx);
  if (!d || c.txid !== plan.fundingtxid && fundingRefOf(d.heir) !== plan.fundingtxid) return false;
  if (plan.tokenid && tokenOfOutput(L, c.txid, c.vout) !== d.tokenid) return false;
  return !spentInMempool(L, c);
}
function planInputs(L, plan, total, maxinputs = 60) {
  const h = helperOf(plan.tokenid);
  const coins2 = [];
  let sum = 0;
  for (const c of ccUnspents(L, ccAddressOfScript(fundScript(h, plan.ownerPubkey, plan.heirPubkey))).sort(indexOrder)) {
    if (!isPlanOutput(L, plan, c)) continue;
    coins2.push(c);
    sum += c.value;
    if (total > 0 && sum >= total || coins2.length >= maxinputs) break;
  }
  return { coins: coins2, sum };
}
function lifetimeFunds(L, plan) {
  const h = helperOf(plan.tokenid);
  let total = 0;
  for (const e of L.ccIndex.get(ccAddressOfScript(fundScript(h, plan.ownerPubkey, plan.heirPubkey))) ?? []) {
    const tx = L.txs.get(e.txid)?.tx;
    const d = tx && heirOpretOf(tx);
    if (!d || d.heir.funcId === HEIR_FUNCID.CLAIM) continue;
    if (e.txid !== plan.fundingtxid && fundingRefOf(d.heir) !== plan.fundingtxid) continue;
    if (plan.tokenid && tokenOfOutput(L, e.txid, 0) !== d.tokenid) continue;
    if (L.mempoolSpends.has(outpointKey(e.txid, 0))) continue;
    total += e.satoshis;
  }
  return total;
}
function planOpret(plan, heirPayload) {
  if (!plan.tokenid) return opReturnScript(heirPayload);
  return opReturnScript(encodeTokenPlanPayload(plan.tokenid, plan.ownerPubkey, plan.heirPubkey, heirPayload));
}
function ownerTokenInputs(L, tokenid, pk, priv, total) {
  const picked = addTokenInputs(L, tokenid, pk, total, 64);
  const condition = tokensCond(nftEvalOf(L, tokenid) || EVAL_TOKENS2, 0, pk);
  return { sum: picked.sum, cc: picked.coins.map((coin) => ({ coin, condition, priv })) };
}
function heiraddress(ctx, p2) {
  checkCount(p2, 0, 1, "heiraddress pubkey");
  ensureCC(ctx);
  if (p2.length === 0) throw notString();
  return ccAddressReply(ctx, heir, p2, "plain");
}
function heirfund(ctx, p2) {
  checkCount(p2, 5, 6, FUND_USAGE);
  const { pubkey: mypk, priv } = ensureCC(ctx);
  const withToken = p2.length === 6;
  const amount = withToken ? atoll(requireString(p2, 0)) : parseFixedPoint8(requireString(p2, 0)) ?? -1;
  if (amount <= 0) return softError("incorrect amount");
  const heirName = requireString(p2, 1);
  const heirHex = requireString(p2, 2);
  const heirPubkey = /^0[23][0-9a-fA-F]{64}$/.test(heirHex) ? hexToBytes(heirHex) : null;
  if (!heirPubkey) return softError("incorrect pubkey");
  const inactivityTime = atoll(requireString(p2, 3));
  if (inactivityTime <= 0) return softError("incorrect inactivity time");
  const memo = requireString(p2, 4);
  let tokenid = null;
  if (withToken) {
    tokenid = parseTxidParam(requireString(p2, 5));
    if (!tokenid) return softError("incorrect tokenid");
  }
  const L = ctx.chain.ledger;
  const h = helperOf(tokenid);
  const plan = { tokenid, ownerPubkey: mypk, heirPubkey };
  const payload = encodeHeirPlan({ ownerPubkey: mypk, heirPubkey, inactivityTime: BigInt(inactivityTime), heirName, memo });
  if (!tokenid) {
    const normal2 = normalInputs(ctx.wallet, amount + CC_TXFEE + MARKER_FEE);
    if (!normal2) return softError("could not find owner inputs");
    const { hex: hex2 } = finalizeCCTx({
      wallet: ctx.wallet,
      mypk,
      normal: normal2,
      cc: [],
      outputs: [{ value: amount, script: fundScript(h, mypk, heirPubkey) }, { value: MARKER_FEE, script: MARKER_SCRIPT2 }],
      opret: planOpret(plan, payload)
    });
    return { result: "success", hex: hex2 };
  }
  const normal = normalInputs(ctx.wallet, CC_TXFEE + MARKER_FEE);
  if (!normal) return softError("could not find normal inputs for txfee");
  const picked = ownerTokenInputs(L, tokenid, mypk, priv, amount);
  if (picked.sum < amount) return softError("could not find owner inputs");
  const outputs = [{ value: amount, script: fundScript(h, mypk, heirPubkey) }, { value: MARKER_FEE, script: MARKER_SCRIPT2 }];
  if (picked.sum > amount) outputs.push({ value: picked.sum - amount, script: h.userScript(mypk) });
  const { hex } = finalizeCCTx({ wallet: ctx.wallet, mypk, normal, cc: picked.cc, outputs, opret: planOpret(plan, payload) });
  return { result: "success", hex };
}
function planParam(ctx, p2) {
  const strAmount = requireString(p2, 0);
  const id = parseTxidParam(requireString(p2, 1));
  const plan = id ? findPlan(ctx.chain.ledger, id) : null;
  if (!plan) return { error: softError("can't find any heir CC funding transactions") };
  const amount = plan.tokenid ? atoll(strAmount) : parseFixedPoint8(strAmount) ?? 0;
  if (amount <= 0) return { error: softError("invalid amount") };
  return { plan, amount };
}
function heiradd(ctx, p2) {
  checkCount(p2, 2, 2, "heiradd funds fundingtxid");
  const { pubkey: mypk, priv } = ensureCC(ctx);
  const got = planParam(ctx, p2);
  if ("error" in got) return got.error;
  const { plan, amount } = got;
  if (!bytesEqual(mypk, plan.ownerPubkey)) return softError("adding funds is only allowed for the owner of this contract");
  const h = helperOf(plan.tokenid);
  const outputs = [
    { value: amount, script: fundScript(h, plan.ownerPubkey, plan.heirPubkey) },
    { value: MARKER_FEE, script: p2pk(txidPubkey(plan.fundingtxid)) }
  ];
  const opret = planOpret(plan, encodeHeirRef(HEIR_FUNCID.ADD, { fundingtxid: plan.fundingtxid, heirSpendingBegun: plan.heirSpendingBegun }));
  if (!plan.tokenid) {
    const normal2 = normalInputs(ctx.wallet, amount + CC_TXFEE + MARKER_FEE);
    if (!normal2) return softError("can't find owner inputs");
    return { result: "success", hex: finalizeCCTx({ wallet: ctx.wallet, mypk, normal: normal2, cc: [], outputs, opret }).hex };
  }
  const normal = normalInputs(ctx.wallet, CC_TXFEE + MARKER_FEE);
  if (!normal) return softError("could not find normal inputs for txfee");
  const picked = ownerTokenInputs(ctx.chain.ledger, plan.tokenid, mypk, priv, amount);
  if (picked.sum < amount) return softError("can't find owner inputs");
  if (picked.sum > amount) outputs.push({ value: picked.sum - amount, script: h.userScript(mypk) });
  return { result: "success", hex: finalizeCCTx({ wallet: ctx.wallet, mypk, normal, cc: picked.cc, outputs, opret }).hex };
}
function heirclaim(ctx, p2) {
  checkCount(p2, 2, 2, "heirclaim funds fundingtxid");
  const { pubkey: mypk, priv } = ensureCC(ctx);
  const got = planParam(ctx, p2);
  if ("error" in got) return got.error;
  const { plan, amount } = got;
  const L = ctx.chain.ledger;
  if (bytesEqual(mypk, plan.heirPubkey) && !heirTurn(L, plan).allowed) return softError("spending is not allowed yet for the heir");
  const normal = normalInputs(ctx.wallet, CC_TXFEE);
  if (!normal) return softError("can't find sufficient user inputs to pay transaction fee");
  const funds = planInputs(L, plan, amount, 60);
  if (funds.sum < amount || funds.coins.length === 0) return softError("can't find heir CC funding");
  if (!bytesEqual(mypk, plan.ownerPubkey) && !bytesEqual(mypk, plan.heirPubkey)) return softError("sign error");
  const h = helperOf(plan.tokenid);
  const outputs = [{ value: amount, script: h.userScript(mypk) }];
  if (funds.sum > amount) outputs.push({ value: funds.sum - amount, script: fundScript(h, plan.ownerPubkey, plan.heirPubkey) });
  const begun = bytesEqual(mypk, plan.heirPubkey) ? 1 : plan.heirSpendingBegun;
  const condition = h.fundCondition(plan.ownerPubkey, plan.heirPubkey);
  const { hex } = finalizeCCTx({
    wallet: ctx.wallet,
    mypk,
    normal,
    cc: funds.coins.map((coin) => ({ coin, condition, priv })),
    outputs,
    opret: planOpret(plan, encodeHeirRef(HEIR_FUNCID.CLAIM, { fundingtxid: plan.fundingtxid, heirSpendingBegun: begun }))
  });
  return { result: "success", hex };
}
function heirinfo(ctx, p2) {
  checkCount(p2, 1, 1, "heirinfo fundingtxid");
  ensureCC(ctx);
  const L = ctx.chain.ledger;
  const id = parseTxidParam(requireString(p2, 0)) ?? ZERO_TXID;
  const rec = L.txs.get(id);
  if (!rec || rec.tx.vout.length === 0) return softError("could not find heir cc plan for this txid (no initial tx)");
  const plan = findPlan(L, id);
  if (!plan) return softError("could not find heir cc plan for this txid");
  const coins2 = (sats) => (sats / 1e8).toFixed(8);
  const units = (n) => plan.tokenid ? String(n) : coins2(n);
  const out = { fundingtxid: id, name: plan.heirName };
  if (plan.tokenid) out.tokenid = plan.tokenid;
  out.owner = bytesToHex2(plan.ownerPubkey);
  out.heir = bytesToHex2(plan.heirPubkey);
  out.type = plan.tokenid ? "tokens" : "coins";
  out.lifetime = units(lifetimeFunds(L, plan));
  out.available = units(planInputs(L, plan, 0, 60).sum);
  if (plan.tokenid) out.OwnerRemainderTokens = String(addTokenInputs(L, plan.tokenid, plan.ownerPubkey, 0, 64).sum);
  out.InactivityTimeSetting = String(plan.inactivityTime);
  const { duration, allowed } = heirTurn(L, plan);
  out.IsHeirSpendingAllowed = String(allowed);
  if (!allowed) out.InactivityTime = String(duration);
  out.memo = plan.memo;
  out.result = "success";
  return out;
}
function heirlist(ctx, p2) {
  checkCount(p2, 0, 0, "heirlist");
  ensureCC(ctx);
  const L = ctx.chain.ledger;
  return ccUnspents(L, heir.globalAddress).sort(indexOrder).flatMap((c) => {
    const tx = L.txs.get(c.txid)?.tx;
    const d = tx && heirOpretOf(tx);
    return d && d.heir.funcId === HEIR_FUNCID.FUND ? [c.txid] : [];
  });
}
function fundAddressIssue(h, plan, script2) {
  const prefix = "checking this tx opreturn:";
  if (!isCCScript(script2)) return `${prefix} incorrect heir funding address: not a 1of2addr`;
  if (ccAddressOfScript(script2) !== ccAddressOfScript(fundScript(h, plan.ownerPubkey, plan.heirPubkey))) {
    return `${prefix} incorrect heir funding address: incorrect pubkey(s)`;
  }
  return null;
}
function planIssue(L, tx, funcId, h, plan, spent) {
  const isCC2 = (i2) => evalCodesOfScriptSig(tx.vin[i2].script).length > 0;
  const rows = [{ name: "normal input", cc: false }, { name: "CC input", cc: true }];
  let i = 0;
  for (const row of rows) {
    if (i >= tx.vin.length) return "incorrect tx structure: not all required vins are present.";
    const start = i;
    for (; i < tx.vin.length && isCC2(i) === row.cc; i++) {
      const prevTx = L.txs.get(hashToHex(tx.vin[i].prevHash))?.tx;
      if (!prevTx) return `can't find vinTx for vin=${i}.`;
      if (!row.cc) continue;
      if (heirOpretOf(prevTx)?.heir.funcId === HEIR_FUNCID.FUND && tx.vin[i].prevIndex === 1) return `invalid tx vin[${i}]:spending marker not allowed`;
      const prev = spent[i].script;
      const issue = funcId === HEIR_FUNCID.CLAIM ? fundAddressIssue(h, plan, prev) : bytesEqual(prev, TOKENS.userScript(plan.ownerPubkey)) || bytesEqual(prev, TOKENS.userScript(plan.heirPubkey)) ? null : "invalid pubkey";
      if (issue) return `invalid tx vin[${i}]:${issue}`;
    }
    if (i === start) return `can't find required vins for ${row.name}.`;
  }
  const vout0 = tx.vout[0].script;
  if (funcId === HEIR_FUNCID.ADD) {
    const issue = fundAddressIssue(h, plan, vout0);
    if (issue) return `invalid tx vout[0]:${issue}`;
  } else if (bytesEqual(vout0, h.userScript(plan.heirPubkey)) && !heirTurn(L, plan).allowed) {
    return "invalid tx vout[0]:heir is not allowed yet to spend funds";
  }
  const last = tx.vout.length - 1;
  const mine = heirOpretOf(tx);
  if (!mine) return `invalid tx vout[${last}]:invalid opreturn format`;
  if (h.tokens && mine.tokenid !== plan.tokenid) return `invalid tx vout[${last}]:invalid tokenid in opret`;
  return null;
}
function heirRejectReason(tx, vctx) {
  const L = vctx.chain.ledger;
  if (tx.vout.length < 1) return "no vouts";
  const mine = heirOpretOf(tx);
  if (!mine) return "invalid opreturn format";
  if (mine.heir.funcId === HEIR_FUNCID.FUND) return "unexpected HeirValidate for heirfund";
  const fundingtxid3 = fundingRefOf(mine.heir);
  if (fundingtxid3 === ZERO_TXID) return "incorrect tx opreturn: no fundingtxid present";
  const plan = findPlan(L, fundingtxid3);
  if (plan?.tokenid && plan.tokenid !== mine.tokenid) return "incorrect tx tokenid";
  if (!plan) return "no fundingtx found";
  if (mine.heir.funcId === HEIR_FUNCID.ADD && !plan.tokenid) return "unexpected HeirValidate for heiradd";
  return planIssue(L, tx, mine.heir.funcId, helperOf(plan.tokenid), plan, vctx.spent);
}
var EVAL_HEIR, HEIR_PK, MARKER_SCRIPT2, MARKER_FEE, ZERO_TXID, COINS, TOKENS, helperOf, fundScript, fundAddress, fundingRefOf, signingPubkey, txidPubkey, FUND_USAGE, rules5, addMarkerAddress;
var init_rules5 = __esm({
  "modules/heir/rules.ts"() {
    "use strict";
    init_view();
    init_hash();
    init_script();
    init_condition();
    init_hashes();
    init_address_reply();
    init_cc_rpc();
    init_params();
    init_spend();
    init_errors();
    init_rejects();
    init_opret();
    init_spec2();
    init_rules();
    init_inputs();
    init_spec6();
    EVAL_HEIR = heir.evalCode;
    HEIR_PK = hexToBytes(heir.globalPubkey);
    MARKER_SCRIPT2 = ccScript(makeCCcond1(EVAL_HEIR, HEIR_PK));
    MARKER_FEE = 1e4;
    ZERO_TXID = "0".repeat(64);
    COINS = {
      tokens: false,
      fundCondition: (o, h) => makeCCcond1of2(EVAL_HEIR, o, h),
      userScript: p2pk
    };
    TOKENS = {
      tokens: true,
      fundCondition: (o, h) => makeTokensCCcond1of2(EVAL_HEIR, o, h),
      userScript: (pk) => ccScript(makeCCcond1(EVAL_TOKENS2, pk))
    };
    helperOf = (tokenid) => tokenid ? TOKENS : COINS;
    fundScript = (h, owner, heir2) => ccScript(h.fundCondition(owner, heir2));
    fundAddress = (h, owner, heir2) => ccAddressOfScript(fundScript(h === "tokens" ? TOKENS : COINS, owner, heir2));
    fundingRefOf = (d) => d.funcId === HEIR_FUNCID.FUND ? ZERO_TXID : d.fundingtxid;
    signingPubkey = (scriptSig) => signersOfScriptSig(scriptSig)[0];
    txidPubkey = (txid) => Uint8Array.from([2, ...hexToBytes(txid).reverse()]);
    FUND_USAGE = "heirfund funds heirname heirpubkey inactivitytime memo [tokenid]";
    rules5 = {
      evalCode: EVAL_HEIR,
      name: "Heir",
      category: "heir",
      rpc: { heiraddress, heirfund, heiradd, heirclaim, heirinfo, heirlist },
      usage: {
        heiraddress: "heiraddress pubkey",
        heirfund: FUND_USAGE,
        heiradd: "heiradd funds fundingtxid",
        heirclaim: "heirclaim funds fundingtxid",
        heirinfo: "heirinfo fundingtxid",
        heirlist: "heirlist"
      },
      validate(tx, vctx) {
        if (!tx.vin.some((vin, i) => vctx.spent[i]?.cc && evalCodesOfScriptSig(vin.script).includes(EVAL_HEIR))) return null;
        const reason = heirRejectReason(tx, vctx);
        if (reason) recordReject({ txid: vctx.txid, module: "Heir", reason });
        return reason ? SCRIPT_FALSE : null;
      },
      verifySpend: (tx, i, coin) => verifySpendFor(EVAL_HEIR, tx, i, coin)
    };
    addMarkerAddress = (fundingtxid3) => pubkeyAddress(txidPubkey(fundingtxid3));
  }
});

// modules/oracles/rules.ts
var rules_exports6 = {};
__export(rules_exports6, {
  batonKey: () => batonKey,
  markerAddress: () => markerAddress2,
  markerPubkey: () => markerPubkey,
  oraclesCCAddress: () => oraclesCCAddress,
  oraclesRejectReason: () => oraclesRejectReason,
  rules: () => rules6
});
function markerPubkey(oracletxid2) {
  return Uint8Array.from([2, ...hexToBytes(oracletxid2).reverse()]);
}
function batonKey(priv) {
  const priv2 = priv.map((b, i) => b ^ ORACLES_PRIV[i]);
  const kp = keyFromPrivate(priv2);
  return { priv: priv2, pub: kp.pub, address: oraclesCCAddress(kp.pub) };
}
function lastPayload2(tx) {
  return tx.vout.length ? opReturnPayload(tx.vout[tx.vout.length - 1].script) : null;
}
function oracleOf(L, txid) {
  const rec = L.txs.get(txid);
  if (!rec || rec.tx.vout.length === 0) return { found: false };
  const payload = lastPayload2(rec.tx);
  const c = payload && decodeOracleCreate(payload);
  return c ? { ...c, found: true } : { found: true };
}
function txidParam(s) {
  return /^[0-9a-fA-F]{64}$/.test(s) ? s.toLowerCase() : ZERO_TXID2;
}
function indexTxids2(index, address) {
  return (index.get(address) ?? []).filter((e) => !e.spending && e.satoshis >= 0).map((e) => e.txid);
}
function currentDatafee(L, oracletxid2, publisher) {
  let dheight = 0;
  let datafee = 0n;
  for (const c of normalUnspentsSorted(L, markerAddress2(oracletxid2))) {
    const { payload } = opretOf(L, c.txid);
    const r = payload && decodeOracleOpret(payload);
    if (!r || r.funcid !== FUNCID2.register || r.oracletxid !== oracletxid2 || r.pubkey !== publisher) continue;
    if (c.height > dheight || c.height === dheight && r.num < datafee) {
      dheight = c.height;
      datafee = r.num;
    }
  }
  return datafee;
}
function oracleDatafee(L, oracletxid2, publisher) {
  return isOracle(oracleOf(L, oracletxid2)) ? currentDatafee(L, oracletxid2, publisher) : 0n;
}
function batonUtxo(L, oracletxid2, batonaddr, publisher) {
  let dheight = 0;
  let batontxid = ZERO_TXID2;
  for (const c of ccUnspentsSorted(L, batonaddr)) {
    if (c.value !== CC_TXFEE) continue;
    const { payload } = opretOf(L, c.txid);
    if (!payload || payload.length <= 2) continue;
    let match = false;
    if (payload[1] === FUNCID2.data) {
      const d = decodeOracleData(payload);
      match = !!d && d.oracletxid === oracletxid2 && d.publisher === publisher;
    } else if (payload[1] === FUNCID2.register) {
      const r = decodeOracleOpret(payload);
      match = !!r && r.funcid === FUNCID2.register && r.oracletxid === oracletxid2 && r.pubkey === publisher;
    }
    if (match && c.height > dheight) {
      dheight = c.height;
      batontxid = c.txid;
    }
  }
  for (let guard = 0; batontxid !== ZERO_TXID2 && guard < 1e4; guard++) {
    const spender = L.mempoolSpends.get(`${batontxid}:1`);
    const next = spender ? L.txs.get(spender) : void 0;
    if (!spender || !next || next.tx.vin.length < 2 || hashToHex(next.tx.vin[1].prevHash) !== batontxid || next.tx.vin[1].prevIndex !== 1) break;
    batontxid = spender;
  }
  return batontxid;
}
function oracleInputs(L, oracletxid2, publisher, total, maxinputs) {
  const coins2 = [];
  let sum = 0n;
  for (const c of ccUnspentsSorted(L, oraclesCCAddress(publisher))) {
    const { rec, payload } = opretOf(L, c.txid);
    if (!rec || rec.tx.vout.length < 2 || !payload) continue;
    const f = oraclesFuncid(payload);
    let id = null;
    if (f === FUNCID2.subscribe) id = decodeOracleOpret(payload)?.oracletxid ?? null;
    else if (f === FUNCID2.data) id = decodeOracleData(payload)?.oracletxid ?? null;
    if (id !== oracletxid2 || !c.cc || c.value < 1e4 || spentInMempool(L, c)) continue;
    coins2.push(c);
    sum += BigInt(c.value);
    if (total > 0n && sum >= total || maxinputs > 0 && coins2.length >= maxinputs) break;
  }
  return { coins: coins2, sum };
}
function lifetimeFunds2(L, oracletxid2, publisher) {
  let total = 0n;
  for (const txid of indexTxids2(L.ccIndex, oraclesCCAddress(hexToBytes(publisher)))) {
    const { rec, payload } = opretOf(L, txid);
    const s = payload && decodeOracleOpret(payload);
    if (rec && s && s.funcid === FUNCID2.subscribe && s.oracletxid === oracletxid2 && s.pubkey === publisher) total += BigInt(rec.tx.vout[0].value);
  }
  return total;
}
function myFundMarker(L, mypk, oracletxid2) {
  const mine = bytesToHex2(mypk);
  const isFund = (payload, value) => {
    const f = payload && decodeOracleOpret(payload);
    return !!f && f.funcid === FUNCID2.fund && f.pubkey === mine && f.oracletxid === oracletxid2 && f.num === BigInt(value);
  };
  for (const c of ccUnspentsSorted(L, oraclesCCAddress(mypk))) {
    if (isFund(opretOf(L, c.txid).payload, c.value) && !spentInMempool(L, c)) return c;
  }
  for (const c of L.mempoolByAddress.get(oraclesCCAddress(mypk))?.values() ?? []) {
    const rec = c.vout === 0 ? L.txs.get(c.txid) : void 0;
    if (rec && isFund(lastPayload2(rec.tx), c.value) && !spentInMempool(L, c)) return c;
  }
  return null;
}
function cppDouble(x) {
  if (x === 0) return "0";
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -5 || exp >= 6) {
    const [m, e] = x.toExponential(5).split("e");
    const mant = m.replace(/\.?0+$/, "");
    const n = Number(e);
    return `${mant}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  }
  return String(Number(x.toPrecision(6)));
}
function parseHexLoose2(s) {
  const out = [];
  const t = s.replace(/\s+/g, "");
  for (let i = 0; i + 1 < t.length && /^[0-9a-fA-F]{2}$/.test(t.slice(i, i + 2)); i += 2) out.push(parseInt(t.slice(i, i + 2), 16));
  return Uint8Array.from(out);
}
function normalUpTo2(ctx, total, maxinputs) {
  const coins2 = normalInputs(ctx.wallet, total);
  return coins2 && coins2.length <= maxinputs ? coins2 : null;
}
function finalize3(ctx, mypk, normal, cc, outputs, opret) {
  return built(finalizeCCTx({ wallet: ctx.wallet, mypk, normal, cc, outputs, opret: opReturnScript(opret), allowDeficit: true }).hex);
}
function oraclescreate(ctx, p2) {
  checkCount(p2, 3, 3, usage2("oraclescreate"));
  const { pubkey } = ensureCC(ctx);
  const name = requireString(p2, 0);
  const description = requireString(p2, 1);
  const format = requireString(p2, 2);
  const bad = formatError(name, description, format);
  if (bad) return softError(bad);
  const normal = normalUpTo2(ctx, 2 * CC_TXFEE, 3);
  if (!normal) return softError("error adding normal inputs");
  return finalize3(ctx, pubkey, normal, [], [{ value: CC_TXFEE, script: p2pk(GLOBAL_PK) }], encodeOracleCreate({ name, description, format }));
}
function requireOracle(ctx, oracletxid2) {
  const o = oracleOf(ctx.chain.ledger, oracletxid2);
  if (!o.found) return softError(`cant find oracletxid ${oracletxid2}`);
  if (!isOracle(o)) return softError(`invalid oracletxid ${oracletxid2}`);
  return o;
}
function oraclesfund(ctx, p2) {
  checkCount(p2, 1, 1, usage2("oraclesfund"));
  const { pubkey } = ensureCC(ctx);
  const oracletxid2 = txidParam(requireString(p2, 0));
  const o = requireOracle(ctx, oracletxid2);
  if (isError(o)) return o;
  const normal = normalUpTo2(ctx, CC_TXFEE + ORACLES_MARKER_VALUE, 2);
  if (!normal) return softError("error adding normal inputs");
  const opret = encodeOracleOpret({ funcid: FUNCID2.fund, oracletxid: oracletxid2, pubkey: bytesToHex2(pubkey), num: BigInt(ORACLES_MARKER_VALUE) });
  return finalize3(ctx, pubkey, normal, [], [{ value: ORACLES_MARKER_VALUE, script: ccScriptOf(pubkey) }], opret);
}
function oraclesregister(ctx, p2) {
  checkCount(p2, 2, 2, usage2("oraclesregister"));
  const { pubkey, priv } = ensureCC(ctx);
  const oracletxid2 = txidParam(requireString(p2, 0));
  const feeText = requireString(p2, 1);
  let datafee = BigInt(atoll(feeText));
  if (datafee === 0n) datafee = BigInt(coinsToSats(feeText));
  const o = requireOracle(ctx, oracletxid2);
  if (isError(o)) return o;
  if (datafee < BigInt(CC_TXFEE)) return softError("datafee must be txfee or more");
  const normal = normalUpTo2(ctx, 3 * CC_TXFEE, 4);
  if (!normal) return softError("error adding normal inputs");
  const fund = myFundMarker(ctx.chain.ledger, pubkey, oracletxid2);
  if (!fund) return softError("error adding inputs from your Oracles CC address, please fund it first with oraclesfund rpc!");
  const baton = batonKey(priv);
  const outputs = [
    { value: CC_TXFEE, script: p2pk(markerPubkey(oracletxid2)) },
    { value: CC_TXFEE, script: ccScriptOf(baton.pub) },
    { value: CC_TXFEE, script: p2pk(pubkey) }
  ];
  const opret = encodeOracleOpret({ funcid: FUNCID2.register, oracletxid: oracletxid2, pubkey: bytesToHex2(pubkey), num: datafee });
  return finalize3(ctx, pubkey, normal, [{ coin: fund, condition: makeCCcond1(ORACLES_EVAL, pubkey), priv }], outputs, opret);
}
function oraclessubscribe(ctx, p2) {
  checkCount(p2, 3, 3, usage2("oraclessubscribe"));
  const { pubkey } = ensureCC(ctx);
  const oracletxid2 = txidParam(requireString(p2, 0));
  const publisherHex = requireString(p2, 1);
  const amount = coinsToSats(requireString(p2, 2));
  const o = requireOracle(ctx, oracletxid2);
  if (isError(o)) return o;
  if (!/^0[23][0-9a-fA-F]{64}$/.test(publisherHex)) return softError("invalid publisher pubkey");
  const publisher = hexToBytes(publisherHex);
  const normal = amount >= 0 ? normalUpTo2(ctx, amount + 2 * CC_TXFEE, 64) : null;
  if (!normal) return softError("error adding normal inputs");
  const outputs = [
    { value: amount, script: ccScriptOf(publisher) },
    { value: CC_TXFEE, script: p2pk(markerPubkey(oracletxid2)) }
  ];
  const opret = encodeOracleOpret({ funcid: FUNCID2.subscribe, oracletxid: oracletxid2, pubkey: bytesToHex2(pubkey), num: BigInt(amount) });
  return finalize3(ctx, pubkey, normal, [], outputs, opret);
}
function oraclesdata(ctx, p2) {
  checkCount(p2, 2, 2, usage2("oraclesdata"));
  const { pubkey, priv } = ensureCC(ctx);
  const oracletxid2 = txidParam(requireString(p2, 0));
  const data = parseHexLoose2(requireString(p2, 1));
  const L = ctx.chain.ledger;
  const mine = bytesToHex2(pubkey);
  if (data.length > MAX_DATA_SIZE) return softError(`datasize ${data.length} is too big`);
  const datafee = oracleDatafee(L, oracletxid2, mine);
  if (datafee <= 0n) return softError(`datafee ${cppDouble(Number(datafee) / COIN6)}is illegal`);
  const o = oracleOf(L, oracletxid2);
  if (!o.found) return softError("invalid oracle txid");
  if (!isOracle(o)) return softError("invalid oracle txid opret data");
  if (!matchesDataFormat(data, o.format)) return softError("data does not match length or content format specification");
  const myaddr = oraclesCCAddress(pubkey);
  const normal = normalUpTo2(ctx, 2 * CC_TXFEE, 3);
  if (!normal) return softError("couldnt add normal inputs");
  const baton = batonKey(priv);
  const batontxid = batonUtxo(L, oracletxid2, baton.address, mine);
  const cc = [];
  if (batontxid !== ZERO_TXID2) {
    const coin = L.findCoin(batontxid, 1);
    if (coin) cc.push({ coin, condition: makeCCcond1(ORACLES_EVAL, baton.pub), priv: baton.priv });
  }
  const { coins: coins2, sum } = oracleInputs(L, oracletxid2, pubkey, datafee, MAX_ORACLE_INPUTS);
  if (sum <= 0n) return softError(`couldnt find enough oracle inputs ${myaddr}, limit 1 per utxo`);
  for (const coin of coins2) cc.push({ coin, condition: makeCCcond1(ORACLES_EVAL, pubkey), priv });
  const change = sum > datafee ? sum - datafee : 0n;
  const outputs = [
    { value: Number(change), script: ccScriptOf(pubkey) },
    { value: ORACLES_MARKER_VALUE, script: ccScriptOf(baton.pub) },
    { value: Number(datafee), script: p2pk(pubkey) }
  ];
  return finalize3(ctx, pubkey, normal, cc, outputs, encodeOracleData({ oracletxid: oracletxid2, batontxid, publisher: mine, data }));
}
function oraclesinfo(ctx, p2) {
  checkCount(p2, 1, 1, usage2("oraclesinfo"));
  ensureCC(ctx);
  const origtxid = txidParam(requireString(p2, 0));
  const L = ctx.chain.ledger;
  const o = oracleOf(L, origtxid);
  if (!o.found) return softError("cant find oracleid");
  if (!isOracle(o)) return softError(`invalid oracletxid ${ZERO_TXID2}`);
  const marker2 = markerAddress2(origtxid);
  const latest = /* @__PURE__ */ new Map();
  for (const c of normalUnspentsSorted(L, marker2)) {
    const { payload } = opretOf(L, c.txid);
    const r = payload && decodeOracleOpret(payload);
    if (!r || r.funcid !== FUNCID2.register || r.oracletxid !== origtxid) continue;
    const seen = latest.get(r.pubkey);
    if (!seen || c.height > seen.height) latest.set(r.pubkey, { txid: c.txid, height: c.height });
  }
  const registered = [...latest.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([pk, { txid }]) => {
    const rec = L.txs.get(txid);
    const r = decodeOracleOpret(lastPayload2(rec.tx));
    const baton = classifyScript(rec.tx.vout[1]?.script ?? new Uint8Array()).addresses[0] ?? "";
    return {
      publisher: pk,
      baton,
      batontxid: batonUtxo(L, origtxid, baton, pk),
      lifetime: coins8(lifetimeFunds2(L, origtxid, pk)),
      funds: coins8(oracleInputs(L, origtxid, hexToBytes(pk), 0n, 0).sum),
      datafee: coins8(r.num)
    };
  });
  return { result: "success", txid: origtxid, name: o.name, description: o.description, format: o.format, marker: marker2, registered };
}
function oracleslist(ctx, p2) {
  checkCount(p2, 0, 0, usage2("oracleslist"));
  ensureCC(ctx);
  const L = ctx.chain.ledger;
  return indexTxids2(L.addrIndex, GLOBAL_NORMAL_ADDRESS).filter((txid) => isOracle(oracleOf(L, txid)));
}
function oraclessample(ctx, p2) {
  checkCount(p2, 2, 2, usage2("oraclessample"));
  ensureCC(ctx);
  const oracletxid2 = txidParam(requireString(p2, 0));
  const txid = txidParam(requireString(p2, 1));
  const L = ctx.chain.ledger;
  const o = oracleOf(L, oracletxid2);
  if (!o.found) return softError("cannot find oracles txid");
  if (!isOracle(o)) return softError("invalid oracles txid");
  const { rec, payload } = opretOf(L, txid);
  if (!rec || rec.tx.vout.length === 0) return softError("cannot find data txid");
  const d = payload && decodeOracleData(payload);
  if (!d || d.oracletxid !== oracletxid2) return softError("invalid data tx");
  return { result: "success", ...sampleOf(txid, d.data, o.format) };
}
function oraclessamples(ctx, p2) {
  checkCount(p2, 3, 3, usage2("oraclessamples"));
  ensureCC(ctx);
  const oracletxid2 = txidParam(requireString(p2, 0));
  const batonaddr = requireString(p2, 1);
  const num = atoll(requireString(p2, 2));
  const L = ctx.chain.ledger;
  const o = oracleOf(L, oracletxid2);
  if (!o.found) return softError(`cant find oracletxid ${ZERO_TXID2}`);
  if (!isOracle(o)) return softError(`invalid oracletxid ${ZERO_TXID2}`);
  const samples = [];
  const full = () => num !== 0 && samples.length >= num;
  const take = (txid, tx) => {
    if (tx.vout.length < 2 || tx.vout[1].value !== ORACLES_MARKER_VALUE) return;
    const d = decodeOracleData(lastPayload2(tx) ?? new Uint8Array());
    if (d && d.oracletxid === oracletxid2) samples.push(sampleOf(txid, d.data, o.format));
  };
  for (const c of L.mempoolByAddress.get(batonaddr)?.values() ?? []) {
    const rec = c.vout === 1 ? L.txs.get(c.txid) : void 0;
    if (!rec) continue;
    take(rec.txid, rec.tx);
    if (full()) return { result: "success", samples };
  }
  const txids = indexTxids2(L.ccIndex, batonaddr);
  for (let i = txids.length - 1; i > 0; i--) {
    const rec = L.txs.get(txids[i]);
    if (!rec) continue;
    take(txids[i], rec.tx);
    if (full()) break;
  }
  return { result: "success", samples };
}
function constrainVout2(out, cc, address, value) {
  if (!out) return false;
  const info = classifyScript(out.script);
  if (info.type === "cryptocondition" !== cc) return false;
  if (info.addresses[0] !== address) return false;
  return value === 0 || value === out.value;
}
function fundVinOk(L, tx, vin, oracletxid2) {
  const prevTxid = hashToHex(tx.vin[vin].prevHash);
  const n = tx.vin[vin].prevIndex;
  const { rec, payload } = opretOf(L, prevTxid);
  const f = payload && decodeOracleOpret(payload);
  if (!rec || !f || f.funcid !== FUNCID2.fund) return { ok: false };
  const out = rec.tx.vout[n];
  const ok = !!out && out.value === ORACLES_MARKER_VALUE && classifyScript(out.script).type === "cryptocondition" && f.pubkey.length === 66 && ccAddressOfScript(out.script) === oraclesCCAddress(hexToBytes(f.pubkey)) && f.oracletxid === oracletxid2;
  return { ok, pk: f.pubkey };
}
function registerRejectReason(tx, vctx) {
  const L = vctx.chain.ledger;
  const r = decodeOracleOpret(lastPayload2(tx));
  if (!r || r.funcid !== FUNCID2.register) return "invalid oraclesregister OP_RETURN data!";
  const oracle = L.txs.get(r.oracletxid);
  if (!oracle) return "invalid oraclescreate txid!";
  const c = oracle.tx.vout.length ? decodeOracleCreate(lastPayload2(oracle.tx) ?? new Uint8Array()) : null;
  if (!c) return "invalid oraclescreate OP_RETURN data!";
  if (oracle.tx.vin.length && evalCodesOfScriptSig(oracle.tx.vin[0].script).length > 0) return "vin.0 is normal for oraclescreate!";
  if (!constrainVout2(oracle.tx.vout[0], false, GLOBAL_NORMAL_ADDRESS, CC_TXFEE)) return "invalid marker for oraclescreate!";
  if (isCCInput2(tx, 0, vctx)) return "vin.0 is normal for oraclesregister!";
  const last = tx.vin.length - 1;
  if (!isOraclesInput(tx, 1) && !isOraclesInput(tx, last)) return "there is no CC vin from oraclesfund tx";
  let pk;
  const first = isOraclesInput(tx, 1) ? fundVinOk(L, tx, 1, r.oracletxid) : { ok: false };
  if (!first.ok) {
    return "invalid vin.1 for oraclesregister, it must be CC vin or pubkey not same as vin pubkey, register and fund tx must be done from owner of pubkey that registers to oracle!!";
  }
  pk = first.pk;
  if (isOraclesInput(tx, last)) {
    const lastOk = fundVinOk(L, tx, last, r.oracletxid);
    if (!lastOk.ok) {
      return `invalid vin.${last} for oraclesregister, it must be CC vin or pubkey not same as vin pubkey, register and fund tx must be done from owner of pubkey that registers to oracle!!`;
    }
    pk = lastOk.pk;
  }
  if (!constrainVout2(tx.vout[0], false, markerAddress2(r.oracletxid), CC_TXFEE)) return "invalid marker for oraclesregister!";
  if (!pk || !constrainVout2(tx.vout[2], false, pubkeyAddress(hexToBytes(pk)), ORACLES_MARKER_VALUE)) {
    return "pubkey in OP_RETURN and in vout.2 not matching, register must be done from owner of pubkey that registers to oracle!";
  }
  return null;
}
function dataRejectReason(tx, vctx) {
  const L = vctx.chain.ledger;
  const d = tx.vin.length >= 2 && tx.vout.length >= 3 ? decodeOracleData(lastPayload2(tx) ?? new Uint8Array()) : null;
  if (!d) return "unexpected OraclesValidate 'D' tx invalid";
  const datafee = BigInt(tx.vout[2].value);
  if (oracleDatafee(L, d.oracletxid, d.publisher) !== datafee) return "mismatched datafee";
  if (d.publisher.length !== 66) return "mismatched datafee";
  const publisherScript = ccScriptOf(hexToBytes(d.publisher));
  let inputs = 0n;
  for (let i = 0; i < tx.vin.length; i++) {
    if (!isOraclesInput(tx, i)) continue;
    if (i === 0) return "unexpected vin.0 is CC";
    const prev = L.txs.get(hashToHex(tx.vin[i].prevHash));
    if (!prev) return "cant find vinTx";
    const n = tx.vin[i].prevIndex;
    const out = prev.tx.vout[n];
    if (!out || classifyScript(out.script).type !== "cryptocondition" || out.value === 0) continue;
    if (i === 1) {
      if (!prev.tx.vout[1] || !bytesEqual(prev.tx.vout[1].script, tx.vout[1].script)) return "baton violation";
    } else if (bytesEqual(publisherScript, out.script)) inputs += BigInt(out.value);
  }
  let outputs = 0n;
  const v0 = tx.vout[0];
  if (classifyScript(v0.script).type === "cryptocondition" && v0.value !== 0) {
    if (!bytesEqual(v0.script, publisherScript)) return "invalid CC vout CC destination";
    outputs += BigInt(v0.value);
  }
  if (inputs !== outputs + datafee) return "mismatched inputs != outputs + datafee";
  return null;
}
function oraclesRejectReason(tx, vctx) {
  if (tx.vout.length < 1) return "no vouts";
  const payload = lastPayload2(tx);
  if (!payload || payload.length <= 2) return "unexpected oracles missing funcid";
  switch (payload[1]) {
    case FUNCID2.create:
      return "unexpected OraclesValidate for create";
    // komodod's text for a spent fund marker outside a registration is the create one, too.
    case FUNCID2.fund:
      return "unexpected OraclesValidate for create";
    case FUNCID2.register:
      return registerRejectReason(tx, vctx);
    case FUNCID2.subscribe:
      return "unexpected OraclesValidate for subscribe";
    case FUNCID2.data:
      return dataRejectReason(tx, vctx);
    default:
      return "unexpected OraclesValidate funcid";
  }
}
var GLOBAL_PK, ORACLES_PRIV, GLOBAL_NORMAL_ADDRESS, ZERO_TXID2, MAX_ORACLE_INPUTS, ccScriptOf, oraclesCCAddress, markerAddress2, isOracle, opretOf, indexOrder2, ccUnspentsSorted, normalUnspentsSorted, coins8, built, usage2, isError, sampleOf, isCCInput2, isOraclesInput, rules6;
var init_rules6 = __esm({
  "modules/oracles/rules.ts"() {
    "use strict";
    init_script();
    init_hash();
    init_keys();
    init_condition();
    init_opret();
    init_address_reply();
    init_hashes();
    init_cc_rpc();
    init_spend();
    init_amount();
    init_spec4();
    init_opret2();
    GLOBAL_PK = hexToBytes(ORACLES_GLOBAL_PUBKEY);
    ORACLES_PRIV = hexToBytes("f74b5ba27a5e9cda89b1cbb9e69c2c708537dd007a67ff7c621be2fb048f85bf");
    GLOBAL_NORMAL_ADDRESS = pubkeyAddress(GLOBAL_PK);
    ZERO_TXID2 = "0".repeat(64);
    MAX_ORACLE_INPUTS = 60;
    ccScriptOf = (pubkey) => ccScript(makeCCcond1(ORACLES_EVAL, pubkey));
    oraclesCCAddress = (pubkey) => ccAddress(ORACLES_EVAL, pubkey);
    markerAddress2 = (oracletxid2) => pubkeyAddress(markerPubkey(oracletxid2));
    isOracle = (o) => "format" in o;
    opretOf = (L, txid) => {
      const rec = L.txs.get(txid);
      const payload = rec && lastPayload2(rec.tx);
      return { rec, payload };
    };
    indexOrder2 = unspentIndexOrder;
    ccUnspentsSorted = (L, address) => indexOrder2(ccUnspents(L, address));
    normalUnspentsSorted = (L, address) => indexOrder2([...L.addrUtxos.get(address)?.values() ?? []]);
    coins8 = (sats) => new Amount(Number(sats)).toFixed8();
    built = (hex) => ({ hex, result: "success" });
    usage2 = (m) => ORACLES_USAGE[m];
    isError = (x) => typeof x === "object" && x !== null && "error" in x;
    sampleOf = (txid, data, format) => ({ txid, data: decodeData(data, format) });
    isCCInput2 = (tx, i, vctx) => i < tx.vin.length && (vctx.spent[i]?.cc === true || evalCodesOfScriptSig(tx.vin[i].script).length > 0);
    isOraclesInput = (tx, i) => i >= 0 && i < tx.vin.length && evalCodesOfScriptSig(tx.vin[i].script).includes(ORACLES_EVAL);
    rules6 = {
      evalCode: ORACLES_EVAL,
      name: ORACLES_NAME,
      category: "oracles",
      rpc: {
        oraclesaddress: (ctx, p2) => ccAddressReply(ctx, oracles, p2, "plain"),
        oracleslist,
        oraclesinfo,
        oraclescreate,
        oraclesfund,
        oraclesregister,
        oraclessubscribe,
        oraclesdata,
        oraclessample,
        oraclessamples
      },
      usage: ORACLES_USAGE,
      validate: evalValidator(ORACLES_EVAL, ORACLES_NAME, oraclesRejectReason),
      verifySpend: (tx, i, coin) => verifySpendFor(ORACLES_EVAL, tx, i, coin)
    };
  }
});

// modules/rewards/rules.ts
var rules_exports7 = {};
__export(rules_exports7, {
  REWARDSCC_MAXAPR: () => REWARDSCC_MAXAPR,
  rewardsCalc: () => rewardsCalc,
  rewardsRejectReason: () => rewardsRejectReason,
  rules: () => rules7
});
function opretOf2(txid, tx) {
  const payload = tx && lastPayload3(tx);
  return payload ? decodeRewardsOpret(txid, payload) : null;
}
function termsOf(tx) {
  const payload = tx && lastPayload3(tx);
  return payload ? decodeRewardsFunding(payload) : null;
}
function rewardsCalc(amount, duration, terms, timestamp) {
  let d = BigInt(duration);
  if (d < BigInt.asIntN(64, terms.minseconds)) return 0n;
  if (d > BigInt.asIntN(64, terms.maxseconds)) d = BigInt.asIntN(64, terms.maxseconds);
  const APR = BigInt.asIntN(64, terms.APR);
  let reward;
  if (timestamp <= DECEMBER_2019_HARDFORK) {
    const perYear = BigInt.asIntN(64, BigInt.asIntN(64, amount * d) / YEAR);
    reward = BigInt.asUintN(64, BigInt.asIntN(64, perYear * (APR / 1000000n)) / 10000n);
  } else {
    const num = BigInt.asUintN(256, BigInt.asUintN(256, amount) * BigInt.asUintN(256, APR) * BigInt.asUintN(256, d));
    reward = BigInt.asUintN(64, num / (BigInt(COIN6) * 100n * YEAR));
  }
  return reward > BigInt.asUintN(64, amount) ? BigInt.asUintN(64, amount) : reward;
}
function planTerms(L, sbits) {
  for (const e of L.ccIndex.get(REWARDS_CC_ADDRESS) ?? []) {
    if (e.spending || e.satoshis < 0) continue;
    const tx = L.txs.get(e.txid)?.tx;
    if (!tx || tx.vout.length === 0 || !isCCScript(tx.vout[0].script) || ccAddressOfScript(tx.vout[0].script) !== REWARDS_CC_ADDRESS) continue;
    const t = termsOf(tx);
    if (t && t.sbits === sbits) return t;
  }
  return null;
}
function rewardsVoutValue(txid, tx, v, refsbits, ref) {
  const out = tx.vout[v];
  if (!out || !isCCScript(out.script)) return 0;
  const o = opretOf2(txid, tx);
  if (!o || o.sbits !== refsbits || o.fundingtxid !== ref && txid !== ref) return 0;
  return ccAddressOfScript(out.script) === REWARDS_CC_ADDRESS ? out.value : 0;
}
function planFunds(L, refsbits, ref) {
  let funding = 0;
  let locked = 0;
  for (const c of poolUnspents(L)) {
    const tx = L.txs.get(c.txid)?.tx;
    const o = opretOf2(c.txid, tx);
    if (!tx || !o) continue;
    if (!(refsbits === o.sbits && o.funcid === FUNCID3.fund && ref === c.txid || ref === o.fundingtxid)) continue;
    const value = rewardsVoutValue(c.txid, tx, c.vout, o.sbits, o.fundingtxid);
    if (value <= 0) continue;
    if (o.funcid === FUNCID3.lock) locked += value;
    else funding += value;
  }
  return { funding, locked };
}
function rewardsInputs(L, maxseconds, total, maxinputs, refsbits, ref, taken) {
  const coins2 = [];
  let sum = 0;
  let unlockScript = null;
  const max = Math.min(maxinputs, CC_MAXVINS2);
  const threshold = max > 0 ? Math.trunc(total / max) : total;
  for (const c of poolUnspents(L)) {
    if (c.value < threshold) continue;
    if (taken.some((t) => t.txid === c.txid && t.vout === c.vout)) continue;
    const tx = L.txs.get(c.txid)?.tx;
    if (!tx || spentInMempool(L, c)) continue;
    const o = opretOf2(c.txid, tx);
    if (!o || o.sbits !== refsbits || o.fundingtxid !== ref) continue;
    if (maxseconds === 0n && o.funcid === FUNCID3.lock) continue;
    if (maxseconds !== 0n && o.funcid !== FUNCID3.lock && BigInt(ccDuration(L, c.txid)) < maxseconds) continue;
    if (total !== 0 && max !== 0) {
      if (maxseconds !== 0n) unlockScript = tx.vout[1]?.script ?? null;
      coins2.push(c);
    }
    sum += c.value;
    if (total > 0 && sum >= total || max > 0 && coins2.length >= max) break;
  }
  if (maxseconds === 0n && sum < total && (max === 0 || coins2.length < max - 1)) {
    for (const c of L.mempoolByAddress.get(REWARDS_CC_ADDRESS)?.values() ?? []) {
      const tx = c.vout === 0 ? L.txs.get(c.txid)?.tx : void 0;
      const o = opretOf2(c.txid, tx);
      if (!tx || c.value < total - sum || spentInMempool(L, c) || !o || o.funcid !== FUNCID3.unlock || o.sbits !== refsbits || o.fundingtxid !== ref) continue;
      coins2.push(c);
      sum += c.value;
      break;
    }
  }
  return { coins: coins2, sum, unlockScript };
}
function normalUpTo3(ctx, total, maxinputs) {
  const coins2 = total > 0 ? normalInputs(ctx.wallet, total) : [];
  return coins2 && coins2.length <= maxinputs ? coins2 : null;
}
function finalize4(ctx, mypk, normal, cc, outputs, opret) {
  return finalizeCCTx({ wallet: ctx.wallet, mypk, normal, cc, outputs, opret: opReturnScript(opret) }).hex;
}
function buildCreateFunding(ctx, mypk, name, funds, terms) {
  const { APR, minseconds, maxseconds, mindeposit } = terms;
  if (funds < COIN6 || mindeposit < 0n || minseconds < 0n || maxseconds < 0n) return "";
  if (APR > REWARDSCC_MAXAPR) return "";
  const sbits = stringbits(name);
  if (planTerms(ctx.chain.ledger, sbits)) return "";
  const normal = normalUpTo3(ctx, funds + 2 * CC_TXFEE, 64);
  if (!normal) return "";
  const outputs = [{ value: funds, script: GLOBAL_SCRIPT }, { value: CC_TXFEE, script: p2pk(GLOBAL_PK2) }];
  return finalize4(ctx, mypk, normal, [], outputs, encodeRewardsFunding({ sbits, ...terms }));
}
function rewardscreatefunding(ctx, p2) {
  checkCount(p2, 2, 6, usage3("rewardscreatefunding"));
  const { pubkey } = ensureCC(ctx);
  let APR = 5n * BigInt(COIN6);
  let minseconds = 60n * BigInt(DAY);
  let maxseconds = minseconds;
  let mindeposit = 100n * BigInt(COIN6);
  const name = requireString(p2, 0);
  const funds = coinsToSats(requireString(p2, 1));
  if (!validPlanName(name)) return softError(NAME_ERROR);
  if (funds <= 0) return softError("funds must be positive");
  if (p2.length > 2) {
    APR = BigInt(Math.trunc(atof(requireString(p2, 2)) * COIN6));
    if (APR > REWARDSCC_MAXAPR) return softError("25% APR is maximum");
    if (p2.length > 3) {
      minseconds = BigInt(atoll(requireString(p2, 3))) * BigInt(DAY);
      if (minseconds < 0n) return softError("mindays must be non-negative");
      if (p2.length > 4) {
        maxseconds = BigInt(atoll(requireString(p2, 4))) * BigInt(DAY);
        if (maxseconds <= 0n) return softError("maxdays must be positive");
        if (maxseconds < minseconds) return softError("maxdays must be greater than mindays");
        if (p2.length > 5) mindeposit = BigInt(coinsToSats(requireString(p2, 5)));
        if (mindeposit <= 0n) return softError("mindeposit must be positive");
      }
    }
  }
  const hex = buildCreateFunding(ctx, pubkey, name, funds, { APR, minseconds, maxseconds, mindeposit });
  return hex ? success2(hex) : softError("couldnt create rewards funding transaction");
}
function answer(name, built2, amount, failed, notPositive) {
  if (!validPlanName(name)) return softError(NAME_ERROR);
  if (built2.error) return softError(built2.error);
  if (amount <= 0) return softError(notPositive);
  return built2.hex ? success2(built2.hex) : softError(failed);
}
function planAmountArgs(ctx, p2, method) {
  checkCount(p2, 3, 3, usage3(method));
  const { pubkey } = ensureCC(ctx);
  return { pubkey, name: requireString(p2, 0), fundingtxid: txidParam2(requireString(p2, 1)), amount: coinsToSats(requireString(p2, 2)) };
}
function rewardsaddfunding(ctx, p2) {
  const { pubkey, name, fundingtxid: fundingtxid3, amount } = planAmountArgs(ctx, p2, "rewardsaddfunding");
  const build = () => {
    if (amount < 0) return { hex: "" };
    const sbits = stringbits(name);
    if (!planTerms(ctx.chain.ledger, sbits)) return { hex: "", error: `Rewards plan ${name} doesnt exist
` };
    const normal = normalUpTo3(ctx, amount + CC_TXFEE, 64);
    if (!normal) return { hex: "", error: "cant find fundingtxid" };
    return { hex: finalize4(ctx, pubkey, normal, [], [{ value: amount, script: GLOBAL_SCRIPT }], encodeRewardsOpret(FUNCID3.add, sbits, fundingtxid3)) };
  };
  return answer(name, build(), amount, "couldnt create rewards addfunding transaction", "funding amount must be positive");
}
function rewardslock(ctx, p2) {
  const { pubkey, name, fundingtxid: fundingtxid3, amount: deposit } = planAmountArgs(ctx, p2, "rewardslock");
  const L = ctx.chain.ledger;
  const build = () => {
    if (deposit < 0) return { hex: "", error: "deposit amount less than txfee" };
    const sbits = stringbits(name);
    const terms = planTerms(L, sbits);
    if (!terms) return { hex: "", error: `Rewards plan ${name} doesnt exist
` };
    if (BigInt(deposit) < BigInt.asIntN(64, terms.mindeposit)) {
      return { hex: "", error: `Rewards plan ${name} deposit ${coins82(deposit)} < mindeposit ${coins82(terms.mindeposit)}
` };
    }
    const { funding } = planFunds(L, sbits, fundingtxid3);
    if (funding < deposit) return { hex: "" };
    const normal = normalUpTo3(ctx, deposit + 2 * CC_TXFEE, 64);
    if (!normal) {
      return { hex: "", error: `cant find enough inputs ${coins82(funding)} not enough for ${coins82(deposit)}, make sure you imported privkey for the -pubkey address
` };
    }
    const outputs = [{ value: deposit, script: GLOBAL_SCRIPT }, { value: CC_TXFEE, script: p2pk(pubkey) }];
    return { hex: finalize4(ctx, pubkey, normal, [], outputs, encodeRewardsOpret(FUNCID3.lock, sbits, fundingtxid3)) };
  };
  return answer(name, build(), deposit, "couldnt create rewards lock transaction", "amount must be positive");
}
function buildUnlock(ctx, mypk, name, fundingtxid3, locktxid) {
  const L = ctx.chain.ledger;
  const sbits = stringbits(name);
  if (locktxid === fundingtxid3) return { hex: "", error: "Rewards plan cant unlock fundingtxid" };
  const terms = planTerms(L, sbits);
  if (!terms) return { hex: "", error: "Rewards plan does not exist" };
  let lock;
  let unlockScript = null;
  let amount = 0;
  if (locktxid === ZERO_TXID3) {
    const found = rewardsInputs(L, terms.maxseconds, 2 ** 30, 1, sbits, fundingtxid3, []);
    lock = found.coins[0];
    unlockScript = found.unlockScript;
    amount = found.sum;
  } else {
    lock = L.ccUtxos.get(REWARDS_CC_ADDRESS)?.get(outpointKey(locktxid, 0));
    if (!lock) return { hex: "", error: "locktxid/v0 is spent" };
    amount = lock.value;
    const vout1 = L.txs.get(locktxid)?.tx.vout[1];
    if (!vout1 || isCCScript(vout1.script)) return { hex: "", error: "no normal vout.1 in locktxid" };
    unlockScript = vout1.script;
  }
  if (amount <= CC_TXFEE) return { hex: "", error: "amount must be more than txfee" };
  const reward = Number(rewardsCalc(BigInt(amount), ccDuration(L, lock.txid), terms, L.tip.time));
  if (!unlockScript || unlockScript.length === 0) return { hex: "", error: "invalid scriptPubKey" };
  if (reward <= CC_TXFEE) return { hex: "", error: `reward ${reward} is <= the transaction fee` };
  const pool3 = rewardsInputs(L, 0n, reward + CC_TXFEE, 30, sbits, fundingtxid3, [lock]);
  const opret = encodeRewardsOpret(FUNCID3.unlock, sbits, fundingtxid3);
  if (pool3.sum >= reward + CC_TXFEE) {
    const change = pool3.sum >= reward + 2 * CC_TXFEE ? pool3.sum - (reward + CC_TXFEE) : 0;
    const outputs = [{ value: change, script: GLOBAL_SCRIPT }, { value: amount + reward, script: unlockScript }];
    return { hex: finalize4(ctx, mypk, [], [lock, ...pool3.coins].map(poolInput), outputs, opret) };
  }
  return { hex: finalize4(ctx, mypk, [], [poolInput(lock)], [{ value: amount - 2 * CC_TXFEE, script: unlockScript }], opret) };
}
function rewardsunlock(ctx, p2) {
  checkCount(p2, 2, 3, usage3("rewardsunlock"));
  const { pubkey } = ensureCC(ctx);
  const name = requireString(p2, 0);
  const fundingtxid3 = txidParam2(requireString(p2, 1));
  if (!validPlanName(name)) return softError(NAME_ERROR);
  const locktxid = p2.length > 2 ? txidParam2(requireString(p2, 2)) : ZERO_TXID3;
  const built2 = buildUnlock(ctx, pubkey, name, fundingtxid3, locktxid);
  if (built2.error) return softError(built2.error);
  return built2.hex ? success2(built2.hex) : softError("couldnt create rewards unlock transaction");
}
function rewardsinfo(ctx, p2) {
  checkCount(p2, 1, 1, usage3("rewardsinfo"));
  ensureCC(ctx);
  const fundingtxid3 = txidParam2(requireString(p2, 0));
  const L = ctx.chain.ledger;
  const tx = L.txs.get(fundingtxid3)?.tx;
  if (!tx) return softError("cant find fundingtxid");
  const t = termsOf(tx);
  if (!t) return softError("fundingtxid isnt rewards creation txid");
  const { funding, locked } = planFunds(L, t.sbits, fundingtxid3);
  return {
    result: "success",
    fundingtxid: fundingtxid3,
    name: unstringbits(t.sbits),
    // A uint64 komodod prints as a JSON integer; above 2^53 the devchain's number rounds (protocol/differences.ts).
    sbits: Number(t.sbits),
    APR: coins82(t.APR),
    minseconds: Number(t.minseconds),
    maxseconds: Number(t.maxseconds),
    mindeposit: coins82(t.mindeposit),
    funding: coins82(funding),
    locked: coins82(locked)
  };
}
function rewardslist(ctx, p2) {
  checkCount(p2, 0, 0, usage3("rewardslist"));
  ensureCC(ctx);
  const L = ctx.chain.ledger;
  return (L.addrIndex.get(REWARDS_NORMAL_ADDRESS) ?? []).filter((e) => !e.spending && e.satoshis >= 0 && termsOf(L.txs.get(e.txid)?.tx)).map((e) => e.txid);
}
function exactAmountsReason(tx, vctx, txfee, refsbits, ref) {
  const L = vctx.chain.ledger;
  let inputs = 0;
  for (let i = 0; i < tx.vin.length; i++) {
    if (!isRewardsInput(tx, i)) continue;
    const prevTxid = hashToHex(tx.vin[i].prevHash);
    const prev = L.txs.get(prevTxid);
    if (!prev) return "always should find vin, but didnt";
    if (prev.height < 0) return "cant rewards from mempool";
    inputs += rewardsVoutValue(prevTxid, prev.tx, tx.vin[i].prevIndex, refsbits, ref);
  }
  let outputs = 0;
  for (let i = 0; i < tx.vout.length; i++) outputs += rewardsVoutValue(vctx.txid, tx, i, refsbits, ref);
  return inputs !== outputs + txfee ? "mismatched inputs != outputs + txfee" : null;
}
function unlockRejectReason(tx, vctx, terms, fundingtxid3) {
  const L = vctx.chain.ledger;
  const lockTxid = hashToHex(tx.vin[0].prevHash);
  if (fundingtxid3 === lockTxid) return "cant unlock fundingtxid";
  const vinTx = L.txs.get(lockTxid)?.tx;
  if (!vinTx) return "always should find vin.0, but didnt";
  const l = opretOf2(lockTxid, vinTx);
  if (!l || l.funcid !== FUNCID3.lock) return "can only unlock locktxid";
  if (fundingtxid3 !== l.fundingtxid) return "mismatched vinfundingtxid";
  for (let i = 0; i < tx.vin.length; i++) if (!isRewardsInput(tx, i)) return "unexpected normal vin for unlock";
  const valueIn = vctx.spent.reduce((s, c) => s + (c?.value ?? 0), 0);
  if (valueIn - tx.vout.reduce((s, o) => s + o.value, 0) > CC_TXFEE) return "txfee is too high";
  const amount = vinTx.vout[0].value;
  const reward = Number(rewardsCalc(BigInt(amount), ccDuration(L, lockTxid), terms, L.tip.time));
  if (reward === 0) return "no eligible rewards";
  const [v0, v1, v2] = tx.vout;
  const same = (a, b) => !!a && !!b && bytesEqual(a.script, b.script);
  if (tx.vin.length === 1 && !isCCScript(v0.script)) {
    if (v1?.value !== 1e4) return "wrong marker vout value";
    if (!same(v1, v0)) return "unlock recover tx vout.1 mismatched scriptPubKey";
    if (!same(v0, vinTx.vout[1])) return "unlock recover tx vout.0 mismatched scriptPubKey";
    if (v0.value > vinTx.vout[0].value) return "unlock recover tx vout.0 mismatched amounts";
    if ((v2?.value ?? 0) > 0) return "unlock recover tx vout.1 nonz amount";
    return null;
  }
  if (!isCCScript(vinTx.vout[0].script)) return "unlock tx vout.0 is normal output";
  if (tx.vout.length !== 3) return "unlock tx wrong number of vouts";
  if (!isCCScript(v0.script)) return "unlock tx vout.0 is normal output";
  if (isCCScript(v1.script)) return "unlock tx vout.1 is CC output";
  if (!same(v1, vinTx.vout[1])) return "unlock tx vout.1 mismatched scriptPubKey";
  const exact = exactAmountsReason(tx, vctx, CC_TXFEE + v1.value, terms.sbits, fundingtxid3);
  if (exact) return exact;
  if (v1.value > amount + reward) return "unlock tx vout.1 isnt amount+reward";
  if (v2.value > 0) return "unlock tx vout.2 isnt 0";
  for (let i = 1; i < tx.vout.length; i++) if (isCCScript(tx.vout[i].script)) return "invalid CC vout";
  return null;
}
function rewardsRejectReason(tx, vctx) {
  if (tx.vout.length < 1) return "no vouts";
  const o = opretOf2(vctx.txid, tx);
  if (!o) return "unexpected rewards missing funcid";
  const fundingTx = vctx.chain.ledger.txs.get(o.fundingtxid)?.tx;
  if (!fundingTx) return "cant find fundingtxid";
  const terms = fundingTx.vout.length > 0 ? termsOf(fundingTx) : null;
  if (!terms) return "fundingTx not valid";
  if (terms.APR > REWARDSCC_MAXAPR) return "excessive APR";
  switch (o.funcid) {
    case FUNCID3.fund:
      return "unexpected RewardsValidate for createfunding";
    case FUNCID3.add:
      return "unexpected RewardsValidate for addfunding";
    case FUNCID3.lock:
      return "unexpected RewardsValidate for lock";
    default:
      return unlockRejectReason(tx, vctx, terms, o.fundingtxid);
  }
}
var GLOBAL_PK2, REWARDS_PRIV, GLOBAL_COND, GLOBAL_SCRIPT, ZERO_TXID3, REWARDSCC_MAXAPR, DAY, YEAR, DECEMBER_2019_HARDFORK, CC_MAXVINS2, lastPayload3, txidParam2, indexKey, poolUnspents, coins82, poolInput, usage3, success2, NAME_ERROR, isRewardsInput, rules7;
var init_rules7 = __esm({
  "modules/rewards/rules.ts"() {
    "use strict";
    init_view();
    init_hash();
    init_script();
    init_errors();
    init_condition();
    init_opret();
    init_address_reply();
    init_hashes();
    init_cc_rpc();
    init_spend();
    init_rejects();
    init_amount();
    init_spec5();
    init_opret3();
    GLOBAL_PK2 = hexToBytes(REWARDS_GLOBAL_PUBKEY);
    REWARDS_PRIV = hexToBytes("82f5d2e7d6993377fb800097233d1e6f61a9b52e5eb4966fbced6be2bb7b4bb3");
    GLOBAL_COND = makeCCcond1(REWARDS_EVAL, GLOBAL_PK2);
    GLOBAL_SCRIPT = ccScript(GLOBAL_COND);
    ZERO_TXID3 = "0".repeat(64);
    REWARDSCC_MAXAPR = 25n * BigInt(COIN6);
    DAY = 3600 * 24;
    YEAR = 365n * 24n * 3600n;
    DECEMBER_2019_HARDFORK = 157684e4;
    CC_MAXVINS2 = 60;
    lastPayload3 = (tx) => tx.vout.length ? opReturnPayload(tx.vout[tx.vout.length - 1].script) : null;
    txidParam2 = (s) => /^[0-9a-fA-F]{64}$/.test(s) ? s.toLowerCase() : ZERO_TXID3;
    indexKey = (txid) => txid.replace(/../g, (b) => `${b},`).split(",").reverse().join("");
    poolUnspents = (L) => ccUnspents(L, REWARDS_CC_ADDRESS).sort((a, b) => {
      const [ka, kb] = [indexKey(a.txid), indexKey(b.txid)];
      return ka < kb ? -1 : ka > kb ? 1 : a.vout - b.vout;
    });
    coins82 = (sats) => new Amount(Number(sats)).toFixed8();
    poolInput = (coin) => ({ coin, condition: GLOBAL_COND, priv: REWARDS_PRIV });
    usage3 = (m) => REWARDS_USAGE[m];
    success2 = (hex) => ({ result: "success", hex });
    NAME_ERROR = `Plan name can be at most ${PLAN_NAME_MAX} ASCII characters`;
    isRewardsInput = (tx, i) => evalCodesOfScriptSig(tx.vin[i].script).includes(REWARDS_EVAL);
    rules7 = {
      evalCode: REWARDS_EVAL,
      name: REWARDS_NAME,
      category: "rewards",
      rpc: {
        rewardsaddress: (ctx, p2) => ccAddressReply(ctx, rewards, p2, "plain"),
        rewardslist,
        rewardsinfo,
        rewardscreatefunding,
        rewardsaddfunding,
        rewardslock,
        rewardsunlock
      },
      usage: REWARDS_USAGE,
      validate(tx, vctx) {
        if (inputsWithEval(tx, vctx.spent, REWARDS_EVAL).length === 0) return null;
        const reason = rewardsRejectReason(tx, vctx);
        if (reason) recordReject({ txid: vctx.txid, module: REWARDS_NAME, reason });
        return reason ? SCRIPT_FALSE : null;
      },
      verifySpend: (tx, i, coin) => verifySpendFor(REWARDS_EVAL, tx, i, coin)
    };
  }
});

// server/start.ts
import http from "node:http";
import path2 from "node:path";
import fs2 from "node:fs";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import sirv from "sirv";

// devchain/core.ts
init_jsonrpc();

// devchain/crypto/crc32.ts
init_node();
init_jsCrc32();
var NATIVE_FROM = 1 << 16;
function crc322(data, crc = 0) {
  return data.length >= NATIVE_FROM && platform.crc32 ? platform.crc32(data, crc) : jsCrc32(data, crc);
}

// devchain/chain/params.ts
init_hash();
import { concatBytes } from "@noble/hashes/utils.js";
var DEFAULT_ARGS = ["-ac_name=DOCS", "-ac_supply=1000000", "-ac_cc=2"];
var DEFAULT_REWARD_SAT = 1e4;
var GENESIS_TIME = 17e8;
var COIN = 1e8;
var MAX_ERAS = 7;
var TIMELOCK_OFF = 0xffffffffffffffffn;
function splitList(v, n = MAX_ERAS) {
  const vals = (v ?? "").split(",").map((x) => x.trim()).filter((x) => /^\d+$/.test(x)).map((x) => BigInt(x));
  const last = vals.length ? vals[vals.length - 1] : 0n;
  return Array.from({ length: n }, (_, i) => vals[i] ?? last);
}
function leN(n, bytes) {
  const b = new Uint8Array(bytes);
  let v = BigInt.asUintN(bytes * 8, n);
  for (let i = 0; i < bytes; i++, v >>= 8n) b[i] = Number(v & 0xffn);
  return b;
}
var le64 = (n) => leN(BigInt(n), 8);
var le32 = (n) => leN(BigInt(n), 4);
function acInt(m, key, dflt = 0n) {
  const v = m.get(key);
  if (v === void 0 || !/^-?\d+$/.test(v.trim())) return v === void 0 ? dflt : 0n;
  return BigInt(v.trim());
}
function extraBytes(m, flags) {
  const cc = acInt(m, "ac_cc");
  const pubkeyHex = m.get("ac_pubkey") ?? "";
  const pubkey = /^[0-9a-fA-F]{66}$/.test(pubkeyHex) ? fromHex(pubkeyHex) : new Uint8Array(33);
  const script2 = m.get("ac_script") ?? "";
  const hasOverride = pubkey[0] !== 0 || script2.length > 1;
  const commission = hasOverride ? acInt(m, "ac_perc") : 0n;
  const founders = hasOverride ? acInt(m, "ac_founders") : 0n;
  const foundersReward = acInt(m, "ac_founders_reward");
  const commissionOrFounders = founders !== 0n && commission === 0n && foundersReward === 0n ? 53846154n : commission;
  const pub = acInt(m, "ac_public");
  const priv = acInt(m, "ac_private");
  const txpow = acInt(m, "ac_txpow") & 3n;
  let staked = acInt(m, "ac_staked");
  if (staked > 100n) staked = 100n;
  const unlockFrom = acInt(m, "ac_timeunlockfrom");
  const unlockTo = acInt(m, "ac_timeunlockto");
  const timelock = m.has("ac_timelockgte") && unlockFrom <= unlockTo ? BigInt.asUintN(64, acInt(m, "ac_timelockgte")) : TIMELOCK_OFF;
  const selfimport = m.get("ac_import") ?? "";
  const ccenable = cc !== 0n ? splitList(m.get("ac_ccenable"), 256) : [];
  const enabled = [];
  let prev = 0n;
  for (const e of ccenable) if (e !== prev && e !== 0n) {
    enabled.push(Number(e & 0xffn));
    prev = e;
  }
  const cclib = cc !== 0n ? m.get("ac_cclib") ?? "" : "";
  const blocktime = acInt(m, "ac_blocktime", 60n);
  const mineropret = m.get("ac_mineropret") ?? "";
  const nk = splitList(m.get("ac_nk"), 2);
  const snapshot2 = acInt(m, "ac_snapshot");
  const earlytxid = acInt(m, "ac_earlytxidcontract");
  const cbmaturity = acInt(m, "ac_cbmaturity");
  const adaptivepow = acInt(m, "ac_adaptivepow");
  const lastEra = flags.eras - 1;
  const anySet = flags.end[0] !== 0n || flags.reward[0] !== 0n || flags.halving[0] !== 0n || flags.decay[0] !== 0n || commissionOrFounders !== 0n || pub !== 0n || priv !== 0n || txpow !== 0n || founders !== 0n || script2.length > 1 || selfimport.length > 0 || pubkey[0] !== 0 || timelock !== TIMELOCK_OFF || lastEra > 0 || m.has("ac_beam") || m.has("ac_coda") || enabled.length > 0 || cclib.length > 0 || foundersReward !== 0n || flags.notarypay[0] !== 0n || blocktime !== 60n || mineropret.length !== 0 || nk[0] !== 0n && nk[1] !== 0n || snapshot2 !== 0n || earlytxid !== 0n || cbmaturity !== 0n || adaptivepow !== 0n;
  if (!anySet) return null;
  const parts = [pubkey];
  for (let i = 0; i <= lastEra; i++) {
    parts.push(le64(flags.end[i]), le64(flags.reward[i]), le64(flags.halving[i]), le64(flags.decay[i]));
    if (flags.notarypay[0] !== 0n) parts.push(le64(flags.notarypay[i]));
  }
  if (lastEra > 0) parts.push(le64(lastEra));
  if (timelock !== TIMELOCK_OFF) parts.push(le64(timelock), le64(unlockFrom), le64(unlockTo));
  const val = commissionOrFounders | (staked & 0xffn) << 32n | (cc & 0xffffn) << 40n | BigInt(pub !== 0n) << 7n | BigInt(priv !== 0n) << 6n | txpow;
  parts.push(le64(val));
  if (founders !== 0n) {
    parts.push(Uint8Array.of(1));
    if (founders > 1n) parts.push(le32(founders));
    if (foundersReward !== 0n) parts.push(le64(foundersReward));
  }
  if (script2.length > 1) parts.push(fromHex(script2.slice(0, script2.length & ~1)));
  if (selfimport.length) parts.push(new TextEncoder().encode(selfimport));
  if (m.has("ac_beam")) parts.push(Uint8Array.of(98));
  if (m.has("ac_coda")) parts.push(Uint8Array.of(99));
  if (enabled.length) {
    const bits = new Uint8Array(32).fill(255);
    for (const e of [...enabled, 0]) bits[e >> 3] &= ~(1 << (e & 7));
    parts.push(bits);
  }
  if (cclib.length > 1) parts.push(new TextEncoder().encode(cclib));
  if (blocktime !== 60n) parts.push(le32(blocktime));
  if (mineropret.length) parts.push(fromHex(mineropret.slice(0, mineropret.length & ~1)));
  if (nk[0] !== 0n && nk[1] !== 0n) parts.push(le64(nk[0]), le64(nk[1]));
  if (snapshot2 !== 0n) parts.push(le32(snapshot2));
  if (earlytxid !== 0n) parts.push(le32(earlytxid));
  if (cbmaturity !== 0n) parts.push(le32(cbmaturity));
  if (adaptivepow !== 0n) parts.push(Uint8Array.of(Number(adaptivepow & 0xffn)));
  return concatBytes(...parts);
}
function magicAndPort(name, supply, extra) {
  const data = new Uint8Array(8 + name.length);
  data.set(le64(supply));
  data.set(new TextEncoder().encode(name), 8);
  let crc0 = 0;
  if (extra && extra.length) crc0 = new DataView(sha256(extra).buffer.slice(0)).getUint32(0, true);
  const magicU = crc322(data, crc0) >>> 0;
  const p2pport = extra && extra.length ? 16e3 + magicU % 49500 : 8e3 + magicU % 7777;
  return { magic: magicU | 0, p2pport };
}
var ArgError = class extends Error {
};
function parseArgs(argv) {
  const m = /* @__PURE__ */ new Map();
  for (const a of argv) {
    if (!a.startsWith("-")) continue;
    const s = a.replace(/^--?/, "");
    const eq = s.indexOf("=");
    if (eq < 0) m.set(s, "1");
    else m.set(s.slice(0, eq), s.slice(eq + 1));
  }
  return m;
}
function acFlags(m) {
  let eras = Number(acInt(m, "ac_eras", 1n));
  if (eras < 1 || eras > MAX_ERAS) eras = 1;
  const end = splitList(m.get("ac_end"));
  const decay = splitList(m.get("ac_decay")).map((d, i) => d === 100000000n && end[i] === 0n || d > 100000000n ? 0n : d);
  return { eras, end, reward: splitList(m.get("ac_reward")), halving: splitList(m.get("ac_halving")), decay, notarypay: splitList(m.get("ac_notarypay")) };
}
function intArg(m, key, dflt) {
  const v = m.get(key);
  if (v === void 0) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new ArgError(`invalid -${key}=${v}`);
  return Math.floor(n);
}
function chainParamsFrom(argv = DEFAULT_ARGS, env = {}) {
  const m = parseArgs(argv.length ? argv : DEFAULT_ARGS);
  if (!m.has("ac_name")) {
    for (const [k, v] of parseArgs(DEFAULT_ARGS)) if (!m.has(k)) m.set(k, v);
  }
  const name = m.get("ac_name");
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name)) throw new ArgError(`invalid -ac_name=${name}`);
  const supply = intArg(m, "ac_supply", 10);
  const flags = acFlags(m);
  const rewardSet = flags.reward[0] !== 0n || flags.eras > 1;
  const reward = flags.reward[0] !== 0n ? Number(flags.reward[0]) : DEFAULT_REWARD_SAT;
  const cc = intArg(m, "ac_cc", 0);
  const blocktime = intArg(m, "ac_blocktime", 60) || 60;
  const staked = Math.min(100, intArg(m, "ac_staked", 0));
  const { magic, p2pport } = magicAndPort(name, supply, extraBytes(m, flags));
  const magicExtra = staked ? magic >>> 0 : magic >>> 0 & 16777215;
  const premineSats = supply * COIN + magicExtra;
  if (!Number.isSafeInteger(premineSats)) throw new ArgError(`-ac_supply=${supply} is beyond what the devchain can count exactly`);
  const cbm = intArg(m, "ac_cbmaturity", 0);
  const coinbaseMaturity = cbm !== 0 ? cbm : flags.eras === 1 || staked ? 1 : 100;
  const datadir = m.get("datadir") ?? env.DEVCHAIN_DATA ?? ".devchain";
  return {
    name,
    supply,
    premineSats,
    reward,
    rewardSet,
    flags,
    cc,
    blocktime,
    staked,
    regtest: m.has("regtest") && m.get("regtest") !== "0",
    magic,
    p2pport,
    rpcport: intArg(m, "rpcport", p2pport + 1),
    rpcuser: m.get("rpcuser") ?? "user",
    rpcpassword: m.get("rpcpassword") ?? "pass",
    datadir,
    coinbaseMaturity,
    dataCarrierBytes: intArg(m, "datacarriersize", 208),
    // MAX_OP_RETURN_RELAY_AC, src/script/standard.h
    genesisTime: GENESIS_TIME
  };
}

// devchain/chain/ledger.ts
init_hash();
init_keys();
init_bytes();
init_transaction();
init_script();
init_sighash();

// devchain/tx/block.ts
init_bytes();
init_hash();
init_transaction();
function writeHeader(w, h) {
  w.i32(h.version).bytes(h.prevHash).bytes(h.merkleRoot).bytes(h.finalSaplingRoot);
  w.u32(h.time).u32(h.bits).bytes(h.nonce).varbytes(h.solution);
}
function readHeader(r) {
  return {
    version: r.i32(),
    prevHash: r.bytes(32),
    merkleRoot: r.bytes(32),
    finalSaplingRoot: r.bytes(32),
    time: r.u32(),
    bits: r.u32(),
    nonce: r.bytes(32),
    solution: r.varbytes()
  };
}
var NONCE_OFFSET = 4 + 32 + 32 + 32 + 4 + 4;
function targetFromBits(bits) {
  const exponent = bits >>> 24;
  const mantissa = BigInt(bits & 8388607);
  return exponent <= 3 ? mantissa >> BigInt(8 * (3 - exponent)) : mantissa << BigInt(8 * (exponent - 3));
}
function targetBytes(bits) {
  const out = new Uint8Array(32);
  let t = targetFromBits(bits);
  for (let i = 0; i < 32 && t > 0n; i++, t >>= 8n) out[i] = Number(t & 0xffn);
  return out;
}
function atMost(hash2, target) {
  for (let i = 31; i >= 0; i--) if (hash2[i] !== target[i]) return hash2[i] < target[i];
  return true;
}
function mineHeader(h) {
  const w = new Writer();
  writeHeader(w, h);
  const bytes = w.finish();
  const target = targetBytes(h.bits);
  const view = new DataView(bytes.buffer, bytes.byteOffset + NONCE_OFFSET, 8);
  while (!atMost(sha256d(bytes), target)) view.setBigUint64(0, view.getBigUint64(0, true) + 1n, true);
  return { ...h, nonce: bytes.slice(NONCE_OFFSET, NONCE_OFFSET + 32) };
}
function serializeBlock(h, rawTxs) {
  const w = new Writer();
  writeHeader(w, h);
  w.varint(rawTxs.length);
  for (const t of rawTxs) w.bytes(t);
  return w.finish();
}
function parseBlock(raw) {
  const r = new Reader(raw);
  const header = readHeader(r);
  const headerLen = r.pos;
  const n = r.varint();
  const txs = [];
  for (let k = 0; k < n; k++) {
    const start = r.pos;
    const tx = readTx(r);
    txs.push({ tx, raw: raw.subarray(start, r.pos) });
  }
  return { header, headerLen, txs };
}
function merkleRoot(hashes) {
  if (hashes.length === 0) return new Uint8Array(32);
  let level = hashes;
  while (level.length > 1) {
    const next = [];
    for (let i = 0; i < level.length; i += 2) {
      const a = level[i];
      const b = level[i + 1] ?? a;
      const buf = new Uint8Array(64);
      buf.set(a);
      buf.set(b, 32);
      next.push(sha256d(buf));
    }
    level = next;
  }
  return level[0];
}

// devchain/chain/byteArena.ts
var CHUNK = 1 << 20;
var ByteArena = class {
  chunk = new Uint8Array(CHUNK);
  used = 0;
  /** Copies `bytes` in and says where they are; a block bigger than a quarter chunk gets a buffer of its own. */
  put(bytes) {
    if (bytes.length > CHUNK / 4) return { bytes: bytes.slice(), start: 0 };
    if (this.used + bytes.length > CHUNK) {
      this.chunk = new Uint8Array(CHUNK);
      this.used = 0;
    }
    const start = this.used;
    this.chunk.set(bytes, start);
    this.used += bytes.length;
    return { bytes: this.chunk, start };
  }
};

// devchain/chain/hashRows.ts
init_hash();
function grownLength(have, need) {
  let n = Math.max(have, 1024);
  while (n < need) n *= 2;
  return n;
}
var HEX_ASCII = Uint8Array.from("0123456789abcdef", (c) => c.charCodeAt(0));
function nibble(c) {
  return c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
}
var HashRows = class {
  /** Scratch for a hash decoded from hex (lookups allocate nothing). */
  key = new Uint8Array(32);
  bytes = new Uint8Array(32 * 1024);
  view = new DataView(this.bytes.buffer);
  /** Row + 1 per slot (0: empty); its length is a power of two, at least twice the row count. */
  slots = new Int32Array(2048);
  rows = 0;
  get count() {
    return this.rows;
  }
  /** Appends a hash (internal order) and returns its row. A hash already present is added again: the earlier row keeps answering `find`. */
  push(hash2) {
    const row = this.rows;
    if (32 * (row + 1) > this.bytes.length) {
      const next = new Uint8Array(grownLength(this.bytes.length, 32 * (row + 1)));
      next.set(this.bytes);
      this.bytes = next;
      this.view = new DataView(next.buffer);
    }
    this.bytes.set(hash2.subarray(0, 32), 32 * row);
    this.rows++;
    if (2 * this.rows > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(row);
    return row;
  }
  /** Keeps only the first `rows` rows (a block that failed half-way through connecting). */
  truncate(rows) {
    if (rows >= this.rows) return;
    this.rows = rows;
    this.rehash(this.slots.length);
  }
  /** Row of a hash (internal order), or -1. */
  find(hash2) {
    const mask = this.slots.length - 1;
    const b = this.bytes;
    for (let i = (hash2[0] | hash2[1] << 8 | hash2[2] << 16 | hash2[3] << 24) >>> 0 & mask; ; i = i + 1 & mask) {
      const s = this.slots[i];
      if (s === 0) return -1;
      const at = 32 * (s - 1);
      let k = 0;
      while (k < 32 && b[at + k] === hash2[k]) k++;
      if (k === 32) return s - 1;
    }
  }
  /**
   * Row of a hash as komodod displays it (byte-reversed, lowercase hex), or -1, also for a string
   * that is not 64 lowercase hex digits (like a Map keyed by komodod's own strings).
   */
  findHex(hex) {
    return this.decodeHex(hex) ? this.find(this.key) : -1;
  }
  /** `push` of a hash as komodod displays it; throws on a string that is not one. */
  pushHex(hex) {
    if (!this.decodeHex(hex)) throw new Error(`not a hash: ${hex}`);
    return this.push(this.key);
  }
  /** Writes the hash at `row` as komodod displays it (64 lowercase hex digits, ASCII) into `out` at `at`. */
  hexInto(row, out, at) {
    const b = this.bytes;
    for (let i = 32 * row + 31; i >= 32 * row; i--) {
      out[at++] = HEX_ASCII[b[i] >> 4];
      out[at++] = HEX_ASCII[b[i] & 15];
    }
  }
  /** The hash at `row` as komodod displays it. */
  hex(row) {
    return hashToHex(this.bytes.subarray(32 * row, 32 * row + 32));
  }
  /** The hash at `row`, internal order (a view: copy it to keep it). */
  at(row) {
    return this.bytes.subarray(32 * row, 32 * row + 32);
  }
  /** Decodes a displayed hash into `key` (internal order); false when it is not 64 lowercase hex digits. */
  decodeHex(hex) {
    if (hex.length !== 64) return false;
    for (let i = 0; i < 32; i++) {
      const hi = nibble(hex.charCodeAt(62 - 2 * i));
      const lo = nibble(hex.charCodeAt(63 - 2 * i));
      if (hi < 0 || lo < 0) return false;
      this.key[i] = hi << 4 | lo;
    }
    return true;
  }
  place(row) {
    const mask = this.slots.length - 1;
    let i = this.view.getUint32(32 * row, true) & mask;
    while (this.slots[i] !== 0) i = i + 1 & mask;
    this.slots[i] = row + 1;
  }
  rehash(size) {
    this.slots = new Int32Array(size);
    for (let row = 0; row < this.rows; row++) this.place(row);
  }
};

// devchain/chain/blockTable.ts
function grown(a, need) {
  if (need <= a.length) return a;
  const next = new a.constructor(grownLength(a.length, need));
  next.set(a);
  return next;
}
var BlockTable = class {
  blockHashes = new HashRows();
  txids = new HashRows();
  /** The byte chunks blocks sit in (a block never spans two). */
  chunks = [];
  time = new Uint32Array(1024);
  chunk = new Int32Array(1024);
  start = new Int32Array(1024);
  size = new Int32Array(1024);
  /** Row of each block's first transaction. */
  firstTx = new Int32Array(1024);
  txHeight = new Int32Array(1024);
  /** Offsets of a transaction's bytes in its block's bytes. */
  txStart = new Int32Array(1024);
  txEnd = new Int32Array(1024);
  txTime = new Uint32Array(1024);
  txFee = new Float64Array(1024);
  get blockCount() {
    return this.blockHashes.count;
  }
  get txCount() {
    return this.txids.count;
  }
  /** Appends a confirmed transaction of the block about to be added (`addBlock` comes after its transactions). */
  addTx(txid, height, start, end, time, fee) {
    this.setTx(this.txids.push(txid), height, start, end, time, fee);
  }
  /** `addTx` with the txid as komodod displays it (a snapshot's). */
  addTxHex(txid, height, start, end, time, fee) {
    this.setTx(this.txids.pushHex(txid), height, start, end, time, fee);
  }
  setTx(row, height, start, end, time, fee) {
    this.txHeight = grown(this.txHeight, row + 1);
    this.txStart = grown(this.txStart, row + 1);
    this.txEnd = grown(this.txEnd, row + 1);
    this.txTime = grown(this.txTime, row + 1);
    this.txFee = grown(this.txFee, row + 1);
    this.txHeight[row] = height;
    this.txStart[row] = start;
    this.txEnd[row] = end;
    this.txTime[row] = time;
    this.txFee[row] = fee;
  }
  /** Forgets the transactions after the first `rows` (a block that could not be connected). */
  truncateTxs(rows) {
    this.txids.truncate(rows);
  }
  /** Appends a block whose transactions are the rows from `firstTx` on; its bytes are `size` at `start` in `bytes`. */
  addBlock(hash2, time, bytes, start, size, firstTx) {
    return this.setBlock(this.blockHashes.push(hash2), time, bytes, start, size, firstTx);
  }
  /** `addBlock` with the hash as komodod displays it (a snapshot's). */
  addBlockHex(hash2, time, bytes, start, size, firstTx) {
    return this.setBlock(this.blockHashes.pushHex(hash2), time, bytes, start, size, firstTx);
  }
  setBlock(h, time, bytes, start, size, firstTx) {
    if (this.chunks[this.chunks.length - 1] !== bytes) this.chunks.push(bytes);
    this.time = grown(this.time, h + 1);
    this.chunk = grown(this.chunk, h + 1);
    this.start = grown(this.start, h + 1);
    this.size = grown(this.size, h + 1);
    this.firstTx = grown(this.firstTx, h + 1);
    this.time[h] = time;
    this.chunk[h] = this.chunks.length - 1;
    this.start[h] = start;
    this.size[h] = size;
    this.firstTx[h] = firstTx;
    return h;
  }
  blockTime(h) {
    return this.time[h];
  }
  blockSize(h) {
    return this.size[h];
  }
  /** The block's bytes (a view into its chunk). */
  blockRaw(h) {
    return this.chunks[this.chunk[h]].subarray(this.start[h], this.start[h] + this.size[h]);
  }
  /** Rows of the block's transactions: [first, end). */
  txRows(h) {
    const end = h + 1 < this.blockCount ? this.firstTx[h + 1] : this.txCount;
    return [this.firstTx[h], end];
  }
  txHeightOf(row) {
    return this.txHeight[row];
  }
  /** Position of the transaction in its block. */
  txIndexOf(row) {
    return row - this.firstTx[this.txHeight[row]];
  }
  txTimeOf(row) {
    return this.txTime[row];
  }
  txFeeOf(row) {
    return this.txFee[row];
  }
  /** The transaction's offsets in its block's bytes. */
  txSpan(row) {
    return [this.txStart[row], this.txEnd[row]];
  }
  /** The transaction's bytes (a view into its block's chunk). */
  txRaw(row) {
    const h = this.txHeight[row];
    const base = this.start[h];
    return this.chunks[this.chunk[h]].subarray(base + this.txStart[row], base + this.txEnd[row]);
  }
};

// devchain/chain/ledger.ts
init_view();
init_errors();
init_node();
import { equalBytes } from "@noble/curves/utils.js";

// devchain/chain/policy.ts
init_script();
var MAX_OP_RETURN_RELAY_AC = 208;
var IGUANA_MAXSCRIPTSIZE = 10001;
var MAX_SCRIPTSIG_SIZE = 1650;
var LOCKTIME_THRESHOLD = 5e8;
var MIN_RELAY_FEE_PER_KB = 100;
var SEQUENCE_FINAL2 = 4294967295;
function varintLen(n) {
  return n < 253 ? 1 : n <= 65535 ? 3 : 5;
}
function dustThreshold(script2) {
  if (script2[0] === 106) return 0;
  const size = 8 + varintLen(script2.length) + script2.length + 148;
  const fee = Math.floor(MIN_RELAY_FEE_PER_KB * size / 1e3) || MIN_RELAY_FEE_PER_KB;
  return 3 * fee;
}
function nonStandardReason(tx, dataCarrierBytes = MAX_OP_RETURN_RELAY_AC) {
  if (tx.version !== 4) return "sapling-version";
  for (const input of tx.vin) {
    if (input.script.length > MAX_SCRIPTSIG_SIZE) return "scriptsig-size";
    const ops = parseScript(input.script);
    if (!ops || ops.some((o) => o.data === void 0 && o.op > 96)) return "scriptsig-not-pushonly";
  }
  let dataOuts = 0;
  for (const out of tx.vout) {
    const info = classifyScript(out.script);
    if (info.type === "nulldata") {
      const pushes = parseScript(out.script.subarray(1));
      if (!pushes || pushes.some((o) => o.data === void 0 && o.op > 96) || out.script.length > dataCarrierBytes) return "scriptpubkey";
      if (out.script.length > IGUANA_MAXSCRIPTSIZE) return "opreturn too big";
      dataOuts++;
    } else if (info.type === "nonstandard") return "scriptpubkey";
    else if (info.type !== "cryptocondition" && out.value < dustThreshold(out.script)) return "dust";
  }
  if (dataOuts > 1) return "multi-op-return";
  return null;
}
function isFinalTx(tx, height, time) {
  if (tx.lockTime === 0) return true;
  const limit = tx.lockTime < LOCKTIME_THRESHOLD ? height : time;
  if (tx.lockTime < limit) return true;
  return tx.vin.every((i) => i.sequence === SEQUENCE_FINAL2 || i.sequence === 4294967294 && tx.lockTime <= limit);
}

// devchain/chain/ledger.ts
init_hash();
var COIN2 = 1e8;
var MAX_MONEY = 2e8 * COIN2 * 10;
var EMPTY_SAPLING_ROOT = "3e49b5f954aa9d3545bc6c37744661eea48d7c34e3000d82b7f0010c30f4c2fb";
var EMPTY_SPROUT_ROOT = "59d2cde5e65c1414c32ba54f0fe4bdb3d67618125286e6a191317917c812c6d7";
var REGTEST_BITS = 537857807;
var BLOCK_WORK = 17;
var VERIFY_CHUNK = 16;
var MempoolTx = class {
  constructor(txid, raw, tx, time, fee) {
    this.txid = txid;
    this.raw = raw;
    this.tx = tx;
    this.time = time;
    this.fee = fee;
  }
  txid;
  raw;
  tx;
  time;
  fee;
  height = -1;
  index = -1;
};
var ConfirmedTx = class {
  constructor(table, row, txid) {
    this.table = table;
    this.row = row;
    this.txid = txid;
    this.height = table.txHeightOf(row);
    this.index = table.txIndexOf(row);
    this.time = table.txTimeOf(row);
    this.fee = table.txFeeOf(row);
  }
  table;
  row;
  txid;
  height;
  index;
  time;
  fee;
  get raw() {
    return this.table.txRaw(this.row);
  }
  get tx() {
    return parseTx(this.raw);
  }
};
var BlockView = class {
  constructor(table, height) {
    this.table = table;
    this.height = height;
    this.hash = table.blockHashes.hex(height);
    this.time = table.blockTime(height);
    this.size = table.blockSize(height);
  }
  table;
  height;
  hash;
  time;
  size;
  get raw() {
    return this.table.blockRaw(this.height);
  }
  get header() {
    return readHeader(new Reader(this.raw));
  }
  get txids() {
    const [first, end] = this.table.txRows(this.height);
    const out = new Array(end - first);
    for (let r = first; r < end; r++) out[r - first] = this.table.txids.hex(r);
    return out;
  }
};
var TxLookup = class {
  constructor(mempool, table) {
    this.mempool = mempool;
    this.table = table;
  }
  mempool;
  table;
  get(txid) {
    const pending = this.mempool.get(txid);
    if (pending) return pending;
    const row = this.table.txids.findHex(txid);
    return row < 0 ? void 0 : new ConfirmedTx(this.table, row, txid);
  }
  has(txid) {
    return this.get(txid) !== void 0;
  }
  get size() {
    return this.table.txCount + this.mempool.size;
  }
  /** Every transaction, confirmed (in chain order) then in the mempool: made one by one, for tests and tools. */
  *values() {
    for (let r = 0; r < this.table.txCount; r++) yield new ConfirmedTx(this.table, r, this.table.txids.hex(r));
    yield* this.mempool.values();
  }
};
var BlockHashLookup = class {
  constructor(table) {
    this.table = table;
  }
  table;
  get(hash2) {
    const h = this.table.blockHashes.findHex(hash2);
    return h < 0 ? void 0 : h;
  }
  has(hash2) {
    return this.get(hash2) !== void 0;
  }
  get size() {
    return this.table.blockCount;
  }
  /** [hash, height] of every block, by height. */
  *[Symbol.iterator]() {
    for (let h = 0; h < this.table.blockCount; h++) yield [this.table.blockHashes.hex(h), h];
  }
};
var Ledger = class {
  constructor(params, modules = []) {
    this.params = params;
    this.modules = modules;
    this.connect(this.genesis(), null);
  }
  params;
  modules;
  /** Blocks and confirmed transactions as columns (blockTable.ts); records are made when asked for. */
  table = new BlockTable();
  blockByHash = new BlockHashLookup(this.table);
  utxos = /* @__PURE__ */ new Map();
  mempool = /* @__PURE__ */ new Map();
  txs = new TxLookup(this.mempool, this.table);
  /** Outpoint → txid of the mempool tx spending it. */
  mempoolSpends = /* @__PURE__ */ new Map();
  /** Outputs created by mempool txs, and the same keyed by address (wallets look them up per key). */
  mempoolCoins = /* @__PURE__ */ new Map();
  mempoolByAddress = /* @__PURE__ */ new Map();
  addrIndex = /* @__PURE__ */ new Map();
  ccIndex = /* @__PURE__ */ new Map();
  addrUtxos = /* @__PURE__ */ new Map();
  ccUtxos = /* @__PURE__ */ new Map();
  spentIndex = /* @__PURE__ */ new Map();
  /** Sum of each address's confirmed unspent outputs (the sums of addrUtxos and ccUtxos, kept as they change). */
  utxoTotals = /* @__PURE__ */ new Map();
  watchers = /* @__PURE__ */ new Map();
  arena = new ByteArena();
  /** One copy of each address's script, shared by all its coins (coin scripts are never mutated). */
  scriptByAddress = /* @__PURE__ */ new Map();
  /** The tip's record, made once per block. */
  tipView;
  blockListeners = [];
  txListeners = [];
  /** Wallets keep their coin indexes through this; coins paying `address` already are not replayed. */
  watch(address, w) {
    const list = this.watchers.get(address);
    if (list) list.push(w);
    else this.watchers.set(address, [w]);
  }
  onBlock(fn) {
    this.blockListeners.push(fn);
  }
  /** Called for every transaction accepted into the mempool (not for replays of blocks). */
  onTx(fn) {
    this.txListeners.push(fn);
  }
  get height() {
    return this.table.blockCount - 1;
  }
  get tip() {
    return this.tipView ??= new BlockView(this.table, this.height);
  }
  /** The block at `height`, or undefined outside the chain. */
  block(height) {
    if (!Number.isInteger(height) || height < 0 || height > this.height) return void 0;
    return height === this.height ? this.tip : new BlockView(this.table, height);
  }
  /**
   * Every block as a record, by height: O(height) objects, for tests and tools (the engine reads
   * `block(h)` and the table).
   */
  get blocks() {
    return Array.from({ length: this.table.blockCount }, (_, h) => new BlockView(this.table, h));
  }
  /** `setmocktime`'s clock for the next block (0: the chain's own clock). Not persisted: the block it stamps is. */
  mockTime = 0;
  setMockTime(time) {
    this.mockTime = time;
  }
  /**
   * The next block's time. The chain's own clock ticks one blocktime per block from the tip, so a
   * chain is deterministic; a mock time set since the last block replaces it once, and the clock goes
   * on from the block that took it (komodod's UpdateTime also keeps a block above the median time past).
   */
  nextBlockTime() {
    if (this.table.blockCount === 0) return this.params.genesisTime;
    const own = this.tip.time + this.params.blocktime;
    return Math.max(this.mockTime || own, this.medianTimePast() + 1);
  }
  blockTimeAt(height) {
    return Number.isInteger(height) && height >= 0 && height <= this.height ? this.table.blockTime(height) : void 0;
  }
  /** An unspent coin as the chain-plus-mempool view sees it (CCoinsViewMemPool: mempool spends do not hide it). */
  viewCoin(txid, vout) {
    const k = outpointKey(txid, vout);
    return this.utxos.get(k) ?? this.mempoolCoins.get(k);
  }
  /** A coin spendable by a new mempool tx: confirmed or in the mempool, and not spent by the mempool. */
  findCoin(txid, vout) {
    const k = outpointKey(txid, vout);
    if (this.mempoolSpends.has(k)) return void 0;
    return this.utxos.get(k) ?? this.mempoolCoins.get(k);
  }
  /** Median time of the last 11 blocks: the clock time-based lock times are compared with (LOCKTIME_MEDIAN_TIME_PAST). */
  medianTimePast() {
    const times = [];
    for (let h = Math.max(0, this.height - 10); h <= this.height; h++) times.push(this.table.blockTime(h));
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  }
  confirmations(height) {
    return height < 0 ? 0 : this.height - height + 1;
  }
  // ── blocks ─────────────────────────────────────────────────────────────────────────────────
  genesis() {
    const msg = new TextEncoder().encode(`devchain genesis ${this.params.name}`);
    const cb = newTx([coinbaseInput(concat(scriptNum(0), Uint8Array.of(msg.length), msg))], [{ value: 0, script: opReturn(msg) }], this.params.genesisTime);
    return this.assemble(cb, [], new Uint8Array(32), 0, this.params.genesisTime).raw;
  }
  assemble(coinbase, rawTxs, prevHash, height, time) {
    const cbRaw = serializeTx(coinbase);
    const all = [cbRaw, ...rawTxs];
    const root = merkleRoot(all.map((r) => sha256d(r)));
    const seedBytes = new Writer().bytes(prevHash).u32(height).finish();
    const nonce = sha256(seedBytes);
    const header = mineHeader({
      version: 4,
      prevHash,
      merkleRoot: root,
      finalSaplingRoot: hexToHash(EMPTY_SAPLING_ROOT),
      time,
      bits: REGTEST_BITS,
      nonce,
      solution: concat(sha256(nonce), nonce.subarray(0, 4))
    });
    return { raw: serializeBlock(header, all), header, cbRaw };
  }
  /**
   * Mines one block from the whole mempool; coinbase pays reward (the premine at height 1)
   * plus fees to `payTo`.
   */
  mine(payTo) {
    const height = this.height + 1;
    const entries2 = this.assemblable(height);
    let fees = 0;
    for (const e of entries2) fees += e.fee;
    const subsidy = height === 1 ? this.params.premineSats : this.params.reward;
    const time = this.nextBlockTime();
    this.mockTime = 0;
    const cb = newTx([coinbaseInput(concat(scriptNum(height), Uint8Array.of(1, 1)))], [{ value: subsidy + fees, script: payTo }], time);
    const { raw, header, cbRaw } = this.assemble(cb, entries2.map((e) => e.raw), this.table.blockHashes.at(height - 1).slice(), height, time);
    const headerLen = raw.length - entries2.reduce((a, e) => a + e.raw.length, 0) - cbRaw.length - varintSize(entries2.length + 1);
    const parsed = { header, headerLen, txs: [{ tx: cb, raw: cbRaw }, ...entries2.map((e) => ({ tx: e.tx, raw: e.raw }))] };
    return this.connect(raw, entries2, parsed);
  }
  /** Connects a serialized block on top of the tip (own mining and log replay). */
  connectRaw(raw) {
    return this.connect(raw, null);
  }
  connect(raw, fromMempool, parsed = parseBlock(raw)) {
    const T = this.table;
    const height = T.blockCount;
    const hash2 = sha256d(raw.subarray(0, parsed.headerLen));
    if (height > 0 && !equalBytes(parsed.header.prevHash, T.blockHashes.at(height - 1))) throw new Error(`block ${hashToHex(hash2)} does not extend the tip`);
    const span = this.arena.put(raw);
    const firstTx = T.txCount;
    let at = parsed.headerLen + varintSize(parsed.txs.length);
    try {
      parsed.txs.forEach(({ tx, raw: txRaw }, index) => {
        const own = fromMempool && index > 0 ? fromMempool[index - 1] : void 0;
        const idBytes = own ? hexToHash(own.txid) : sha256d(txRaw);
        const txid = own?.txid ?? hashToHex(idBytes);
        const pending = this.mempool.get(txid);
        if (pending) this.removeFromMempool(pending);
        const fee = height > 0 ? this.applyTx(txid, height, index === 0, tx) : 0;
        T.addTx(idBytes, height, at, at + txRaw.length, pending ? pending.time : parsed.header.time, fee);
        at += txRaw.length;
      });
    } catch (e) {
      T.truncateTxs(firstTx);
      throw e;
    }
    T.addBlock(hash2, parsed.header.time, span.bytes, span.start, raw.length, firstTx);
    this.tipView = void 0;
    this.removeExpired(height);
    const rec = this.tip;
    for (const fn of this.blockListeners) fn(rec);
    return rec;
  }
  /** Spends the tx's inputs and adds its outputs to the UTXO set and indexes; returns its fee (0 for a coinbase). */
  applyTx(txid, height, coinbase, tx) {
    let inSum = 0;
    if (!coinbase) {
      tx.vin.forEach((input, i) => {
        const prev = hashToHex(input.prevHash);
        const k = outpointKey(prev, input.prevIndex);
        const coin = this.utxos.get(k);
        if (!coin) throw new Error(`block spends missing coin ${k}`);
        inSum += coin.value;
        this.utxos.delete(k);
        this.spentIndex.set(k, { txid, index: i, height });
        if (coin.address) {
          const idx = coin.cc ? this.ccIndex : this.addrIndex;
          pushEntry(idx, coin.address, { txid, index: i, satoshis: -coin.value, height, spending: true });
          (coin.cc ? this.ccUtxos : this.addrUtxos).get(coin.address)?.delete(k);
          this.utxoTotals.set(coin.address, (this.utxoTotals.get(coin.address) ?? 0) - coin.value);
          if (!coin.cc) for (const w of this.watchers.get(coin.address) ?? NO_WATCHERS) w.remove(coin);
        }
      });
    }
    let outSum = 0;
    tx.vout.forEach((out, n) => {
      outSum += out.value;
      const info = classifyScript(out.script);
      if (info.type === "nulldata") return;
      const address = info.addresses[0] ?? null;
      const cc = info.type === "cryptocondition";
      const coin = { txid, vout: n, value: out.value, script: this.sharedScript(address, out.script), height, coinbase, address, cc };
      const k = outpointKey(txid, n);
      this.utxos.set(k, coin);
      if (address) {
        pushEntry(cc ? this.ccIndex : this.addrIndex, address, { txid, index: n, satoshis: out.value, height, spending: false });
        const m = cc ? this.ccUtxos : this.addrUtxos;
        let u = m.get(address);
        if (!u) m.set(address, u = /* @__PURE__ */ new Map());
        u.set(k, coin);
        this.utxoTotals.set(address, (this.utxoTotals.get(address) ?? 0) + out.value);
        if (!cc) for (const w of this.watchers.get(address) ?? NO_WATCHERS) w.add(coin);
      }
    });
    return coinbase ? 0 : inSum - outSum;
  }
  /**
   * A shared copy of the script with these bytes paying this address (P2PK and P2PKH scripts of one
   * key share an address, hence a short list). Most coins pay a few addresses: one buffer each, not
   * one per coin.
   */
  sharedScript(address, script2) {
    if (!address) return script2;
    let list = this.scriptByAddress.get(address);
    if (!list) this.scriptByAddress.set(address, list = []);
    for (const known of list) if (known === script2 || equalBytes(known, script2)) return known;
    if (list.length >= 4) return script2;
    const own = script2.slice();
    list.push(own);
    return own;
  }
  // ── snapshot seam (chain/snapshot.ts): state back in without re-parsing, re-hashing or re-validating ──
  /**
   * Appends the next block with its confirmed transactions, as a snapshot recorded them. The block is
   * `size` bytes at `start` in `bytes` (a snapshot's run of blocks serves as their arena); tx offsets
   * are relative to the block.
   */
  restoreBlock(hash2, time, bytes, start, size, txs) {
    const height = this.table.blockCount;
    const firstTx = this.table.txCount;
    for (const t of txs) this.table.addTxHex(t.txid, height, t.start, t.end, t.time, t.fee);
    this.table.addBlockHex(hash2, time, bytes, start, size, firstTx);
    this.tipView = void 0;
  }
  /** Adds an unspent confirmed coin (its script is shared per address, as applyTx does). */
  restoreCoin(coin) {
    coin.script = this.sharedScript(coin.address, coin.script);
    const k = outpointKey(coin.txid, coin.vout);
    this.utxos.set(k, coin);
    if (coin.address) {
      const m = coin.cc ? this.ccUtxos : this.addrUtxos;
      let u = m.get(coin.address);
      if (!u) m.set(coin.address, u = /* @__PURE__ */ new Map());
      u.set(k, coin);
      this.utxoTotals.set(coin.address, (this.utxoTotals.get(coin.address) ?? 0) + coin.value);
    }
  }
  // ── mempool ────────────────────────────────────────────────────────────────────────────────
  /** CTxMemPool::removeExpired after a block at `height`: txs with an expiry below it, and what spends them. */
  removeExpired(height) {
    for (const rec of [...this.mempool.values()]) {
      const exp = rec.tx.expiryHeight;
      if (exp !== 0 && height > exp) this.dropFromMempool(rec.txid);
    }
  }
  /** Removes a mempool tx and, recursively, the mempool txs spending its outputs (CTxMemPool::remove). */
  dropFromMempool(txid) {
    const rec = this.mempool.get(txid);
    if (!rec) return;
    this.removeFromMempool(rec);
    rec.tx.vout.forEach((_, n) => {
      const spender = this.mempoolSpends.get(outpointKey(txid, n));
      if (spender) this.dropFromMempool(spender);
    });
  }
  /**
   * Mempool txs that still pass the modules' rules against the block being assembled, in order;
   * the others leave the mempool (komodod's miner re-runs the CC eval of every tx it includes).
   */
  assemblable(height) {
    const out = [];
    for (const e of [...this.mempool.values()]) {
      if (!this.mempool.has(e.txid)) continue;
      const spent = e.tx.vin.map((i) => {
        const k = outpointKey(hashToHex(i.prevHash), i.prevIndex);
        return this.utxos.get(k) ?? this.mempoolCoins.get(k);
      });
      const touchesCC = spent.some((c) => c?.cc) || e.tx.vout.some((o) => classifyScript(o.script).type === "cryptocondition");
      let reason = spent.every(Boolean) ? null : "bad-txns-inputs-missingorspent";
      if (!reason && touchesCC) {
        const vctx = { chain: { params: this.params, ledger: this }, height, spent, txid: e.txid };
        for (const m of this.modules) if (reason = m.validate?.(e.tx, vctx)) break;
      }
      if (reason) this.dropFromMempool(e.txid);
      else out.push(e);
    }
    return out;
  }
  removeFromMempool(rec) {
    this.mempool.delete(rec.txid);
    for (const input of rec.tx.vin) this.mempoolSpends.delete(outpointKey(hashToHex(input.prevHash), input.prevIndex));
    rec.tx.vout.forEach((_, n) => {
      const k = outpointKey(rec.txid, n);
      const c = this.mempoolCoins.get(k);
      if (c?.address) this.mempoolByAddress.get(c.address)?.delete(k);
      this.mempoolCoins.delete(k);
    });
  }
  /** Decodes a hex transaction or throws -22 `TX decode failed`. */
  static decodeHex(hex) {
    if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw decodeFailed();
    const raw = fromHex(hex);
    try {
      return { tx: parseTx(raw), raw };
    } catch (e) {
      if (e instanceof DecodeError) throw decodeFailed();
      throw e;
    }
  }
  /**
   * komodod's AcceptToMemoryPool, with its reject codes and messages. Returns the txid; a tx
   * already in the mempool is accepted again silently (sendrawtransaction returns its txid).
   */
  accept(raw, tx, opts = {}) {
    const txid = txidOf(raw);
    if (this.mempool.has(txid)) return txid;
    if (this.txs.has(txid)) throw alreadyInChain();
    if (isCoinbase(tx)) throw rejected(REJECT_INVALID, "coinbase");
    if (!tx.overwintered) throw rejected(REJECT_INVALID, "tx-overwinter-active");
    if (tx.version < 4) throw rejected(REJECT_INVALID, "bad-sapling-tx-version-group-id");
    if (tx.vin.length === 0) throw rejected(REJECT_INVALID, "bad-txns-vin-empty");
    if (tx.vout.length === 0) throw rejected(REJECT_INVALID, "bad-txns-vout-empty");
    let outSum = 0;
    for (const o of tx.vout) {
      if (o.value < 0) throw rejected(REJECT_INVALID, "bad-txns-vout-negative");
      if (o.value > MAX_MONEY) throw rejected(REJECT_INVALID, "bad-txns-vout-toolarge");
      outSum += o.value;
    }
    if (tx.valueBalance !== 0) throw rejected(REJECT_INVALID, "bad-txns-valuebalance-nonzero");
    const height = this.height + 1;
    if (tx.expiryHeight !== 0 && height > tx.expiryHeight) throw rejected(REJECT_INVALID, "tx-overwinter-expired");
    if (!opts.trusted) {
      const reason = this.params.regtest ? null : nonStandardReason(tx, this.params.dataCarrierBytes);
      if (reason) throw rejected(REJECT_NONSTANDARD, reason);
      if (!isFinalTx(tx, height, this.medianTimePast())) throw rejected(REJECT_NONSTANDARD, "non-final");
    }
    const seen = /* @__PURE__ */ new Set();
    for (const input of tx.vin) {
      const k = outpointKey(hashToHex(input.prevHash), input.prevIndex);
      if (seen.has(k)) throw rejected(REJECT_INVALID, "bad-txns-inputs-duplicate");
      seen.add(k);
    }
    for (const k of seen) if (this.mempoolSpends.has(k)) throw rejected(REJECT_CONFLICT, "txn-mempool-conflict");
    const spent = [];
    for (const input of tx.vin) {
      const coin = this.findCoin(hashToHex(input.prevHash), input.prevIndex);
      if (!coin) throw missingInputs();
      spent.push(coin);
    }
    let inSum = 0;
    for (const c of spent) {
      if (c.coinbase && height - c.height < this.params.coinbaseMaturity) throw rejected(REJECT_INVALID, "bad-txns-premature-spend-of-coinbase");
      inSum += c.value;
    }
    if (inSum < outSum) throw rejected(REJECT_INVALID, "bad-txns-in-belowout");
    const vctx = { chain: { params: this.params, ledger: this }, height, spent, txid };
    if (!opts.trusted && !opts.scriptsChecked) {
      for (let i = 0; i < tx.vin.length; i++) {
        const reason = this.verifyInput(tx, i, spent[i], vctx);
        if (reason) throw rejected(REJECT_INVALID, reason);
      }
    }
    const touchesCC = spent.some((c) => c.cc) || tx.vout.some((o) => classifyScript(o.script).type === "cryptocondition");
    if (touchesCC && !opts.trusted) {
      if (!this.params.cc) throw rejected(REJECT_INVALID, SCRIPT_FALSE);
      for (const m of this.modules) {
        const reason = m.validate?.(tx, vctx);
        if (reason) throw rejected(REJECT_INVALID, reason);
      }
    }
    const rec = new MempoolTx(txid, raw, tx, this.nextBlockTime(), inSum - outSum);
    this.mempool.set(txid, rec);
    for (const k of seen) this.mempoolSpends.set(k, txid);
    tx.vout.forEach((out, n) => {
      const info = classifyScript(out.script);
      if (info.type === "nulldata") return;
      const cc = info.type === "cryptocondition";
      const address = info.addresses[0] ?? null;
      const coin = { txid, vout: n, value: out.value, script: this.sharedScript(address, out.script), height: -1, coinbase: false, address, cc };
      const k = outpointKey(txid, n);
      this.mempoolCoins.set(k, coin);
      if (coin.address) {
        let m = this.mempoolByAddress.get(coin.address);
        if (!m) this.mempoolByAddress.set(coin.address, m = /* @__PURE__ */ new Map());
        m.set(k, coin);
      }
    });
    for (const fn of this.txListeners) fn(rec);
    return txid;
  }
  /**
   * accept() for transactions from outside: the signature checks of a many-input transaction run
   * in chunks so other calls keep being answered, then accept() re-checks everything else against
   * the state at that moment (a conflicting spend may have arrived meanwhile).
   */
  async acceptAsync(raw, tx) {
    const txid = txidOf(raw);
    if (tx.vin.length <= VERIFY_CHUNK || this.mempool.has(txid) || this.txs.has(txid)) return this.accept(raw, tx);
    const spent = [];
    for (const input of tx.vin) {
      const coin = this.findCoin(hashToHex(input.prevHash), input.prevIndex);
      if (!coin) return this.accept(raw, tx);
      spent.push(coin);
    }
    const vctx = { chain: { params: this.params, ledger: this }, height: this.height + 1, spent, txid };
    for (let i = 0; i < tx.vin.length; i++) {
      if (i > 0 && i % VERIFY_CHUNK === 0) await platform.yieldToEventLoop();
      const reason = this.verifyInput(tx, i, spent[i], vctx);
      if (reason) {
        this.accept(raw, tx, { scriptsChecked: true });
        throw rejected(REJECT_INVALID, reason);
      }
    }
    return this.accept(raw, tx, { scriptsChecked: true });
  }
  /** Script check of one input; null when it passes, else komodod's reject reason. */
  verifyInput(tx, i, coin, vctx) {
    const info = classifyScript(coin.script);
    if (info.type === "cryptocondition") {
      for (const m of this.modules) {
        const r = m.verifySpend?.(tx, i, coin, vctx);
        if (r === true) return null;
        if (r === false) return SCRIPT_FALSE;
      }
      return SCRIPT_FALSE;
    }
    const ops = parseScript(tx.vin[i].script);
    if (!ops || ops.some((o) => o.data === void 0 && o.op !== 0)) return "mandatory-script-verify-flag-failed (Only non-push operators allowed in signatures)";
    const sigOp = ops[0]?.data;
    if (ops.length === 0) return SCRIPT_STACK;
    if (info.type === "pubkey" && info.pubkey) {
      if (ops.length !== 1 || !sigOp) return SCRIPT_FALSE;
      return this.checkSig(tx, i, coin, sigOp, info.pubkey) ? null : SCRIPT_FALSE;
    }
    if (info.type === "pubkeyhash" && info.hash) {
      const pub = ops[1]?.data;
      if (ops.length !== 2 || !sigOp || !pub) return SCRIPT_STACK;
      const h = toHex(hash160(pub));
      if (h !== toHex(info.hash)) return SCRIPT_EQUALVERIFY;
      return this.checkSig(tx, i, coin, sigOp, pub) ? null : SCRIPT_FALSE;
    }
    return SCRIPT_FALSE;
  }
  checkSig(tx, i, coin, sig, pub) {
    if (sig.length < 9) return false;
    const hashType = sig[sig.length - 1];
    const h = signatureHash(tx, i, coin.script, coin.value, hashType);
    return verifyDer(sig.subarray(0, sig.length - 1), h, pub);
  }
};
var NO_WATCHERS = [];
function varintSize(n) {
  return n < 253 ? 1 : n <= 65535 ? 3 : n <= 4294967295 ? 5 : 9;
}
function pushEntry(idx, address, e) {
  let list = idx.get(address);
  if (!list) idx.set(address, list = []);
  list.push(e);
}

// devchain/chain/wallet.ts
init_keys();
init_hash();
init_node();
init_script();
init_sighash();
init_transaction();
init_view();

// devchain/chain/coinIndex.ts
var HeightSums = class {
  tree = new Float64Array(1024);
  add(height, value) {
    const i0 = height + 1;
    while (i0 >= this.tree.length) this.grow();
    for (let i = i0; i < this.tree.length; i += i & -i) this.tree[i] += value;
  }
  /** Sum of the values at heights ≤ `height`. */
  upTo(height) {
    let s = 0;
    for (let i = Math.min(height + 1, this.tree.length - 1); i > 0; i -= i & -i) s += this.tree[i];
    return s;
  }
  /** Doubles the tree. Nodes past the old size cover old heights too: they start at those sums. */
  grow() {
    const old = this.tree;
    const n = old.length - 1;
    const all = this.upTo(n);
    this.tree = new Float64Array(old.length * 2);
    this.tree.set(old);
    for (let i = n + 1; i < this.tree.length; i++) {
      const from = i - (i & -i);
      if (from < n) this.tree[i] = all - this.upToIn(old, from);
    }
  }
  upToIn(tree, i) {
    let s = 0;
    for (; i > 0; i -= i & -i) s += tree[i];
    return s;
  }
};
var CoinIndex = class {
  constructor(rank, maturity) {
    this.rank = rank;
    this.maturity = maturity;
  }
  rank;
  maturity;
  /** Distinct values held, ascending. */
  values = [];
  /** value → key rank → coins in the order the ledger connected them. */
  buckets = /* @__PURE__ */ new Map();
  sums = new HeightSums();
  /** Coinbase value by height for heights whose coinbase may still be immature (pruned as the chain grows). */
  recentCoinbase = /* @__PURE__ */ new Map();
  total = 0;
  count = 0;
  get size() {
    return this.count;
  }
  add(c) {
    let bucket = this.buckets.get(c.value);
    if (!bucket) {
      this.buckets.set(c.value, bucket = /* @__PURE__ */ new Map());
      this.values.splice(lowerBound(this.values, c.value), 0, c.value);
    }
    const r = this.rank(c);
    let set = bucket.get(r);
    if (!set) bucket.set(r, set = /* @__PURE__ */ new Set());
    set.add(c);
    this.sums.add(c.height, c.value);
    this.total += c.value;
    this.count++;
    if (c.coinbase && this.maturity > 1) {
      this.recentCoinbase.set(c.height, (this.recentCoinbase.get(c.height) ?? 0) + c.value);
      if (this.recentCoinbase.size > 2 * this.maturity) this.prune(c.height);
    }
  }
  remove(c) {
    const bucket = this.buckets.get(c.value);
    const r = this.rank(c);
    const set = bucket?.get(r);
    if (!bucket || !set?.delete(c)) return;
    if (set.size === 0) bucket.delete(r);
    if (bucket.size === 0) {
      this.buckets.delete(c.value);
      this.values.splice(lowerBound(this.values, c.value), 1);
    }
    this.sums.add(c.height, -c.value);
    this.total -= c.value;
    this.count--;
    const cb = c.coinbase ? this.recentCoinbase.get(c.height) : void 0;
    if (cb !== void 0) this.recentCoinbase.set(c.height, cb - c.value);
  }
  /** True when a coin is spendable by a transaction mined on top of `tip`. */
  mature(c, tip) {
    return !c.coinbase || tip + 1 - c.height >= this.maturity;
  }
  /** Total of the mature coins with at least `minconf` confirmations at `tip`. */
  matureTotal(tip, minconf) {
    const top = tip - Math.max(minconf, 1) + 1;
    let s = top >= tip ? this.total : this.sums.upTo(top);
    if (this.maturity > 1) {
      this.prune(tip);
      for (const [h, v] of this.recentCoinbase) if (h <= top) s -= v;
    }
    return s;
  }
  /** Forgets the coinbases that are mature at `tip`. */
  prune(tip) {
    const ripe = tip + 1 - this.maturity;
    for (const h of this.recentCoinbase.keys()) if (h <= ripe) this.recentCoinbase.delete(h);
  }
  /** Coins with value ≥ `min`, smallest value first, ties in scan order. */
  ascendingFrom(min, visit) {
    for (let i = lowerBound(this.values, min); i < this.values.length; i++) if (this.visitBucket(this.values[i], visit)) return;
  }
  /** Every coin, largest value first, ties in scan order. */
  descending(visit) {
    for (let i = this.values.length - 1; i >= 0; i--) if (this.visitBucket(this.values[i], visit)) return;
  }
  visitBucket(value, visit) {
    const bucket = this.buckets.get(value);
    const ranks = bucket.size === 1 ? bucket.keys() : [...bucket.keys()].sort((a, b) => a - b);
    for (const r of ranks) for (const c of bucket.get(r)) if (visit(c)) return true;
    return false;
  }
};
function lowerBound(xs, v) {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// devchain/chain/wallet.ts
init_addressVersions();
var DEFAULT_FEE = 1e4;
var MAX_INPUTS = 650;
var SIGN_CHUNK = 16;
var MAX_CONF = 9999999;
var Wallet = class {
  constructor(node, ledger, seed) {
    this.node = node;
    this.ledger = ledger;
    this.seed = seed;
    this.index = new CoinIndex((c) => this.rankOf.get(c.address) ?? 0, ledger.params.coinbaseMaturity);
  }
  node;
  ledger;
  seed;
  keys = [];
  byAddress = /* @__PURE__ */ new Map();
  byPubHex = /* @__PURE__ */ new Map();
  pubkey = null;
  counter = 0;
  /** Key order: the scan visits keys in it, so the index breaks ties between equal coins by it. */
  rankOf = /* @__PURE__ */ new Map();
  index;
  /** Next deterministic key (seed, node, counter). */
  deriveKey(labeled) {
    const kp = keyFromSeed(this.seed, `${this.node}/${this.counter++}`);
    return this.addKey(kp.priv, labeled);
  }
  addKey(priv, labeled) {
    const kp = keyFromPrivate(priv);
    const existing = this.byAddress.get(kp.address);
    if (existing) return existing;
    const k = { ...kp, labeled, created: this.ledger.tip.time };
    this.keys.push(k);
    this.byAddress.set(k.address, k);
    this.byPubHex.set(k.pubHex, k);
    this.rankOf.set(k.address, this.keys.length - 1);
    for (const c of this.ledger.addrUtxos.get(k.address)?.values() ?? []) this.index.add(c);
    this.ledger.watch(k.address, this.index);
    this.counter = Math.max(this.counter, this.keys.length);
    return k;
  }
  wifOf(k) {
    return encodeWif(k.priv);
  }
  keyForAddress(address) {
    return this.byAddress.get(address);
  }
  keyForPubkey(pubHex) {
    return this.byPubHex.get(pubHex.toLowerCase());
  }
  /** The key a P2PK/P2PKH script pays, if this wallet holds it. */
  keyForScript(script2) {
    const info = classifyScript(script2);
    if (info.type === "pubkey" || info.type === "pubkeyhash") return this.byAddress.get(info.addresses[0]);
    return void 0;
  }
  isMineAddress(address) {
    return this.byAddress.has(address);
  }
  /** The key behind the node pubkey (mining and CC change go to it). */
  get pubkeyKey() {
    return this.pubkey ? this.byPubHex.get(this.pubkey) : void 0;
  }
  /** Where this node's mined coins go: P2PK to its pubkey, else to its first key. */
  miningScript() {
    const k = this.pubkeyKey ?? this.keys[0] ?? this.deriveKey(false);
    return p2pk(k.pub);
  }
  /**
   * Spendable wallet coins: confirmed, mature and unspent in the mempool, plus outputs of the mempool
   * txs this wallet created (komodod trusts its own unconfirmed change). A full scan: listunspent
   * prints them all; selection and balances use the coin index instead.
   */
  coins(opts = {}) {
    const out = [];
    this.forEachCoin(opts, (c) => void out.push(c));
    return out;
  }
  /** coins(), one at a time and in the same order, without building the list. */
  forEachCoin(opts, fn) {
    const minconf = opts.minconf ?? 1;
    const maxconf = opts.maxconf ?? MAX_CONF;
    const L = this.ledger;
    for (const k of this.keys) {
      if (opts.addresses && !opts.addresses.has(k.address)) continue;
      const m = L.addrUtxos.get(k.address);
      if (!m) continue;
      for (const [key, c] of m) {
        if (L.mempoolSpends.has(key) || !this.index.mature(c, L.height)) continue;
        const conf = L.confirmations(c.height);
        if (conf >= minconf && conf <= maxconf) fn(c);
      }
    }
    if (minconf === 0 || opts.trustedMempool) for (const c of this.pendingCoins(opts)) fn(c);
  }
  /** The unconfirmed coins coins() lists, in its order: outputs of mempool txs to this wallet's keys. */
  pendingCoins(opts) {
    const L = this.ledger;
    const out = [];
    const onlyMine = opts.trustedMempool && (opts.minconf ?? 1) > 0;
    for (const k of this.keys) {
      if (opts.addresses && !opts.addresses.has(k.address)) continue;
      for (const [key, c] of L.mempoolByAddress.get(k.address) ?? []) {
        if (L.mempoolSpends.has(key) || c.cc) continue;
        if (onlyMine && !this.isFromMe(c.txid)) continue;
        out.push(c);
      }
    }
    return out;
  }
  /**
   * The sum of coins(opts) without visiting the confirmed coins: running totals of the index, less
   * what the mempool spends, plus what it pays. Costs the mempool's size, not the chain's.
   */
  balance(opts = {}) {
    const minconf = opts.minconf ?? 1;
    const L = this.ledger;
    const tip = L.height;
    if ((opts.maxconf ?? MAX_CONF) < tip || opts.addresses) {
      let s2 = 0;
      this.forEachCoin(opts, (c) => void (s2 += c.value));
      return s2;
    }
    let s = this.index.matureTotal(tip, minconf);
    for (const k of L.mempoolSpends.keys()) {
      const c = L.utxos.get(k);
      if (c && !c.cc && c.address && this.byAddress.has(c.address) && L.confirmations(c.height) >= minconf) s -= c.value;
    }
    if (minconf === 0 || opts.trustedMempool) for (const c of this.pendingCoins(opts)) s += c.value;
    return s;
  }
  /**
   * A coinbase coin still maturing: CMerkleTx::GetBlocksToMaturity (src/wallet/wallet.cpp) is
   * maturity − depth, and AvailableCoins skips the coin while that is above 0.
   */
  isImmature(c) {
    return !this.index.mature(c, this.ledger.height);
  }
  /**
   * Satoshis of this wallet's maturing coinbase outputs (getwalletinfo's immature_balance,
   * GetImmatureCredit): only the last maturity − 1 blocks can hold any, so only their coinbases are read.
   */
  immatureBalance() {
    const L = this.ledger;
    let sum = 0;
    for (let h = Math.max(1, L.height - L.params.coinbaseMaturity + 2); h <= L.height; h++) {
      const cb = L.block(h).txids[0];
      L.txs.get(cb)?.tx.vout.forEach((_, n) => {
        const c = L.utxos.get(`${cb}:${n}`);
        if (c?.address && this.byAddress.has(c.address) && this.isImmature(c)) sum += c.value;
      });
    }
    return sum;
  }
  // Transactions never change once accepted, so "is it from me" is memoised (per wallet: keys only grow).
  fromMe = /* @__PURE__ */ new Map();
  /** True if every input of the tx spent a coin of this wallet. */
  isFromMe(txid) {
    const known = this.fromMe.get(txid);
    if (known) return true;
    const rec = this.ledger.txs.get(txid);
    if (!rec || rec.tx.vin.length === 0) return false;
    const mine = rec.tx.vin.every((i) => {
      const prev = this.ledger.txs.get(hashToHex(i.prevHash));
      const o = prev?.tx.vout[i.prevIndex];
      return !!o && !!this.keyForScript(o.script);
    });
    if (mine) {
      if (this.fromMe.size > 1e5) this.fromMe.clear();
      this.fromMe.set(txid, true);
    }
    return mine;
  }
  /** Signs every input spending a P2PK/P2PKH coin of this wallet (ZIP-243, SIGHASH_ALL). */
  signInputs(tx, spent, hashType = SIGHASH_ALL) {
    for (let i = 0; i < tx.vin.length; i++) this.signInput(tx, i, spent[i], hashType);
  }
  /** signInputs in chunks, yielding to the event loop so a many-input spend blocks nobody. */
  async signInputsAsync(tx, spent, hashType = SIGHASH_ALL) {
    for (let i = 0; i < tx.vin.length; i++) {
      if (i > 0 && i % SIGN_CHUNK === 0) await platform.yieldToEventLoop();
      this.signInput(tx, i, spent[i], hashType);
    }
  }
  /** Signs input i if this wallet holds the key its coin pays; false when it does not. */
  signInput(tx, i, coin, hashType) {
    const k = coin && this.keyForScript(coin.script);
    if (!coin || !k) return false;
    signWithKey(tx, i, coin, k, hashType);
    return true;
  }
  /**
   * Picks coins for `target` sats: the smallest single coin that covers it, else largest first
   * (komodod's SelectCoinsMinConf keeps the smallest covering coin as coinLowestLarger; it shuffles
   * the candidates first, the devchain stays deterministic). Returns null when the wallet cannot
   * cover it. Without `coins`, the wallet's own coins come from the index, in the order a scan of
   * coins({ trustedMempool: true }) would give; `limit` stops a largest-first pick past that many coins.
   */
  selectCoins(target, coins2, limit = Infinity) {
    if (coins2) return pickCoins(target, coins2, limit);
    const L = this.ledger;
    const tip = L.height;
    const usable = (c) => !L.mempoolSpends.has(outpointKey(c.txid, c.vout)) && this.index.mature(c, tip);
    const pending = this.pendingCoins({ trustedMempool: true });
    let best;
    this.index.ascendingFrom(target, (c) => usable(c) && (best = c, true));
    for (const c of pending) if (c.value >= target && (!best || c.value < best.value)) best = c;
    if (best) return [best];
    if (this.balance({ trustedMempool: true }) < target) return null;
    const later = [...pending].sort((a, b) => b.value - a.value);
    const picked = [];
    let sum = 0;
    let j = 0;
    const take = (c) => {
      picked.push(c);
      sum += c.value;
      return sum >= target || picked.length > limit;
    };
    let done = false;
    this.index.descending((c) => {
      if (!usable(c)) return false;
      while (j < later.length && later[j].value > c.value) if (take(later[j++])) return done = true;
      return done = take(c);
    });
    while (!done && j < later.length) done = take(later[j++]);
    return done ? picked : null;
  }
  /**
   * Builds and signs a payment (sendtoaddress). Change goes back P2PK to the node pubkey, or
   * P2PKH to the first key. Returns null on insufficient funds, 'too-large' past komodod's
   * 100,000-byte standard size (MAX_INPUTS inputs).
   */
  async buildPayment(outputs, fee = DEFAULT_FEE, subtractFee = false) {
    const total = outputs.reduce((a, o) => a + o.value, 0);
    const payers = subtractFee === true ? [0] : subtractFee === false ? [] : subtractFee;
    const picked = this.selectCoins(payers.length ? total : total + fee, void 0, MAX_INPUTS);
    if (!picked) return null;
    if (picked.length > MAX_INPUTS) return "too-large";
    if (payers.length) {
      const share = Math.floor(fee / payers.length);
      outputs = outputs.map((o, i) => payers.includes(i) ? { ...o, value: o.value - share - (i === payers[0] ? fee - share * payers.length : 0) } : o);
    }
    const inSum = picked.reduce((a, c) => a + c.value, 0);
    const change = inSum - outputs.reduce((a, o) => a + o.value, 0) - fee;
    const vout = [...outputs];
    if (change > 0) vout.push({ value: change, script: this.changeScript() });
    const tx = newTx(picked.map((c) => ({ prevHash: hexToHash(c.txid), prevIndex: c.vout, script: new Uint8Array(0), sequence: SEQUENCE_FINAL })), vout);
    await this.signInputsAsync(tx, picked);
    return { tx, raw: serializeTx(tx) };
  }
  changeScript() {
    const k = this.pubkeyKey;
    if (k) return p2pk(k.pub);
    const first = this.keys[0] ?? this.deriveKey(false);
    return p2pkh(hash160(first.pub));
  }
};
function pickCoins(target, coins2, limit) {
  let best;
  let total = 0;
  for (const c of coins2) {
    total += c.value;
    if (c.value >= target && (!best || c.value < best.value)) best = c;
  }
  if (best) return [best];
  if (total < target) return null;
  const sorted = [...coins2].sort((a, b) => b.value - a.value);
  const picked = [];
  let sum = 0;
  for (const c of sorted) {
    picked.push(c);
    sum += c.value;
    if (sum >= target || picked.length > limit) return picked;
  }
  return null;
}
function signWithKey(tx, i, coin, key, hashType) {
  const h = signatureHash(tx, i, coin.script, coin.value, hashType);
  const sig = concat(signDer(h, key.priv), Uint8Array.of(hashType));
  const info = classifyScript(coin.script);
  tx.vin[i].script = info.type === "pubkey" ? pushData(sig) : concat(pushData(sig), pushData(key.pub));
}
function scriptForAddress(address) {
  const d = decodeAddress(address);
  if (!d) return null;
  if (d.version === R_ADDRESS_VERSION) return p2pkh(d.hash);
  return concat(Uint8Array.of(169, 20), d.hash, Uint8Array.of(135));
}

// devchain/chain/snapshot.ts
init_bytes();
var MAGIC = 1314081355;
var VERSION = 3;
var READABLE = [1, 3];
var HEAD = 16;
var SNAPSHOT_HEAD_READ = 1 << 16;
var CRC_STEP = 1 << 22;
var SnapshotError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "SnapshotError";
  }
};
var TWO32 = 2 ** 32;
function u53(w, v) {
  w.u32(v % TWO32).u32(Math.floor(v / TWO32));
}
function readU53(r) {
  return r.u32() + r.u32() * TWO32;
}
var StringIds = class {
  constructor(table) {
    this.table = table;
    this.blocks = table.blockCount;
    this.txRows = table.txCount;
    this.otherBase = this.blocks - 1 + this.txRows - 1;
  }
  table;
  others = /* @__PURE__ */ new Map();
  otherList = [];
  blocks;
  txRows;
  otherBase;
  get count() {
    return this.otherBase + this.otherList.length;
  }
  hash(height) {
    return height - 1;
  }
  /** Id of the confirmed transaction at a table row (from 1). */
  txRow(row) {
    return this.blocks - 2 + row;
  }
  txid(txid) {
    const row = this.table.txids.findHex(txid);
    if (row > 0 && row < this.txRows) return this.txRow(row);
    return this.id(txid);
  }
  /** Ids below this are the hashes and txids, each 64 hex digits (`hexRuns`), the others are `otherList`'s. */
  get hexCount() {
    return this.otherBase;
  }
  /** The hashes then txids, as ASCII hex straight from the table's rows, a run of up to `max` bytes at a time (a reused buffer). */
  *hexRuns(max) {
    const run = new Uint8Array(max - max % 64);
    let n = 0;
    const rows = [[this.table.blockHashes, this.blocks], [this.table.txids, this.txRows]];
    for (const [hashes, end] of rows) {
      for (let r = 1; r < end; r++) {
        hashes.hexInto(r, run, n);
        n += 64;
        if (n === run.length) {
          yield run;
          n = 0;
        }
      }
    }
    if (n > 0) yield run.subarray(0, n);
  }
  id(s) {
    let i = this.others.get(s);
    if (i === void 0) {
      i = this.otherBase + this.otherList.length;
      this.others.set(s, i);
      this.otherList.push(s);
    }
    return i;
  }
};
function writeIndex(w, strings, idx) {
  w.varint(idx.size);
  for (const [address, list] of idx) {
    w.varint(strings.id(address)).varint(list.length);
    for (const e of list) {
      w.varint(strings.txid(e.txid)).varint(e.index);
      u53(w, Math.abs(e.satoshis));
      w.varint(e.height).u8(e.spending ? 1 : 0);
    }
  }
}
var PART = 1 << 20;
var PartWriter = class extends Writer {
  constructor(out) {
    super(PART);
    this.out = out;
  }
  out;
  /** Bytes handed on so far. */
  sent = 0;
  crc = 0;
  grow(n) {
    if (this.len + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) super.grow(n);
  }
  bytes(b) {
    if (b.length <= PART >> 2) return super.bytes(b);
    this.flush();
    this.emit(b);
    return this;
  }
  /** Hands on what the buffer holds. */
  flush() {
    if (this.len === 0) return;
    this.emit(this.buf.subarray(0, this.len));
    this.len = 0;
  }
  emit(part) {
    const skip = Math.max(0, Math.min(part.length, HEAD - this.sent));
    if (skip < part.length) this.crc = crc322(part.subarray(skip), this.crc);
    this.out(part);
    this.sent += part.length;
  }
};
function writeSnapshotTo(ledger, core, cover, out) {
  const T = ledger.table;
  const strings = new StringIds(T);
  const scripts = [];
  const scriptIds = /* @__PURE__ */ new Map();
  const w = new PartWriter(out);
  const header = { ...cover, height: ledger.height, tip: ledger.tip.hash, core };
  const frame = new Uint8Array(HEAD);
  const frameView = new DataView(frame.buffer);
  frameView.setUint32(0, MAGIC, true);
  frameView.setUint32(4, VERSION, true);
  const head = new Writer(HEAD + 1024).bytes(frame).varbytes(new TextEncoder().encode(JSON.stringify(header))).written();
  w.bytes(head).u32(headCrc(head, head.length));
  const nBlocks = T.blockCount;
  let rawLen = 0;
  for (let h = 1; h < nBlocks; h++) rawLen += T.blockSize(h);
  w.varint(nBlocks - 1).varint(rawLen);
  for (let h = 1; h < nBlocks; h++) w.bytes(T.blockRaw(h));
  for (let h = 1; h < nBlocks; h++) {
    const [first, end] = T.txRows(h);
    w.varint(T.blockSize(h)).varint(strings.hash(h)).u32(T.blockTime(h)).varint(end - first);
    for (let row = first; row < end; row++) {
      const [start, stop] = T.txSpan(row);
      w.varint(strings.txRow(row)).varint(start).varint(stop - start).u32(T.txTimeOf(row));
      u53(w, T.txFeeOf(row));
    }
  }
  w.varint(ledger.utxos.size);
  for (const c of ledger.utxos.values()) {
    let sid = scriptIds.get(c.script);
    if (sid === void 0) {
      sid = scripts.length;
      scripts.push(c.script);
      scriptIds.set(c.script, sid);
    }
    w.varint(strings.txid(c.txid)).varint(c.vout);
    u53(w, c.value);
    w.varint(sid).varint(c.height).u8((c.coinbase ? 1 : 0) | (c.cc ? 2 : 0) | (c.address ? 4 : 0));
    if (c.address) w.varint(strings.id(c.address));
  }
  writeIndex(w, strings, ledger.addrIndex);
  writeIndex(w, strings, ledger.ccIndex);
  w.varint(ledger.spentIndex.size);
  for (const [key, s] of ledger.spentIndex) {
    const colon = key.lastIndexOf(":");
    w.varint(strings.txid(key.slice(0, colon))).varint(Number(key.slice(colon + 1)));
    w.varint(strings.txid(s.txid)).varint(s.index).varint(s.height);
  }
  w.varint(ledger.mempool.size);
  for (const t of ledger.mempool.values()) w.varbytes(t.raw);
  const tablesAt = w.sent + w.len;
  const count = strings.count;
  let chars = 64 * strings.hexCount;
  for (const str of strings.otherList) chars += str.length;
  w.varint(count).varint(chars);
  for (const run2 of strings.hexRuns(4 * STEP * 64)) w.bytes(run2);
  const enc3 = new TextEncoder();
  const run = [];
  const flushRun = () => {
    const bytes = enc3.encode(run.join(""));
    for (let i = 0; i < bytes.length; i++) if (bytes[i] > 127) throw new Error("a snapshot string is not ASCII");
    w.bytes(bytes);
    run.length = 0;
  };
  for (const str of strings.otherList) if (run.push(str) === 4 * STEP) flushRun();
  flushRun();
  for (let i = 0; i < strings.hexCount; i++) w.varint(64);
  for (const str of strings.otherList) w.varint(str.length);
  w.varint(scripts.length);
  for (const sc of scripts) w.varbytes(sc);
  u53(w, tablesAt);
  w.flush();
  frameView.setUint32(8, w.sent - HEAD, true);
  frameView.setUint32(12, w.crc, true);
  return frame;
}
function joinParts(parts, frame) {
  let n = 0;
  for (const p2 of parts) n += p2.length;
  const out = new Uint8Array(n);
  n = 0;
  for (const p2 of parts) {
    out.set(p2, n);
    n += p2.length;
  }
  out.set(frame);
  return out;
}
var STEP = 4e3;
function drain(steps) {
  for (; ; ) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
function headCrc(bytes, headEnd) {
  return crc322(bytes.subarray(HEAD, headEnd), crc322(bytes.subarray(0, 8)));
}
function readFrame(bytes) {
  if (bytes.length < HEAD) throw new SnapshotError(`it is ${bytes.length} bytes, shorter than its header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new SnapshotError("it does not start with the snapshot magic");
  const version = view.getUint32(4, true);
  if (!READABLE.includes(version)) throw new SnapshotError(`it has format version ${version}; this devchain reads version ${READABLE.join(" or ")}`);
  return { version, length: view.getUint32(8, true), crc: view.getUint32(12, true) };
}
function parseHeader(r) {
  try {
    return JSON.parse(new TextDecoder().decode(r.varbytes()));
  } catch {
    throw new SnapshotError("its header is not readable");
  }
}
function loaded(bytes, version) {
  const head = new Reader(bytes.subarray(HEAD));
  const header = parseHeader(head);
  let body = head;
  let tables2 = head;
  if (version >= 3) {
    head.u32();
    const bodyStart = HEAD + head.pos;
    const at = bytes.length >= bodyStart + 8 ? readU53(new Reader(bytes.subarray(bytes.length - 8))) : -1;
    if (at < bodyStart || at > bytes.length - 8) throw new SnapshotError("its tables are not where it says");
    body = new Reader(bytes.subarray(0, at));
    body.pos = bodyStart;
    tables2 = new Reader(bytes.subarray(at, bytes.length - 8));
  }
  const steps = (ledger) => restoreSteps(ledger, body, tables2, header);
  return { header, restore: (ledger) => drain(steps(ledger)), restoreSteps: steps };
}
function openSnapshot(bytes) {
  const frame = readFrame(bytes);
  checkLength(bytes, frame.length);
  drain(checkSteps(bytes, frame.crc));
  return loaded(bytes, frame.version);
}
function checkLength(bytes, length) {
  if (length !== bytes.length - HEAD) throw new SnapshotError(`it holds ${bytes.length - HEAD} bytes where its header says ${length}`);
}
function* checkSteps(bytes, expected) {
  let crc = 0;
  for (let at = HEAD; at < bytes.length; at += CRC_STEP) {
    crc = crc322(bytes.subarray(at, Math.min(bytes.length, at + CRC_STEP)), crc);
    if (at + CRC_STEP < bytes.length) yield;
  }
  if (crc !== expected) throw new SnapshotError("its checksum does not match");
}
function openSnapshotWith(head, bytes) {
  return drain(head.checkSteps(bytes));
}
function openSnapshotHead(first) {
  const frame = readFrame(first);
  if (frame.version < 3) return null;
  const r = new Reader(first.subarray(HEAD));
  let headEnd;
  try {
    const len = r.varint();
    headEnd = HEAD + r.pos + len;
  } catch {
    return HEAD + 9;
  }
  if (headEnd + 4 > HEAD + frame.length) throw new SnapshotError(`it holds ${frame.length} bytes after its frame, too few for the header it starts`);
  if (first.length < headEnd + 4) return headEnd + 4;
  const view = new DataView(first.buffer, first.byteOffset, first.byteLength);
  if (headCrc(first, headEnd) !== view.getUint32(headEnd, true)) throw new SnapshotError("its header's checksum does not match");
  const header = parseHeader(new Reader(first.subarray(HEAD, headEnd)));
  return {
    header,
    *checkSteps(bytes) {
      const whole = readFrame(bytes);
      checkLength(bytes, frame.length);
      if (whole.crc !== frame.crc) throw new SnapshotError("it changed since its header was read");
      yield* checkSteps(bytes, frame.crc);
      return loaded(bytes, whole.version);
    }
  };
}
function* readIndex(r, str, idx) {
  let done = 0;
  for (let n = r.varint(); n > 0; n--) {
    const address = str[r.varint()];
    const count = r.varint();
    const list = new Array(count);
    for (let i = 0; i < count; i++) {
      const txid = str[r.varint()];
      const index = r.varint();
      const sats = readU53(r);
      const height = r.varint();
      const spending = r.u8() === 1;
      list[i] = { txid, index, satoshis: spending ? -sats : sats, height, spending };
    }
    idx.set(address, list);
    if ((done += count) >= STEP) {
      done = 0;
      yield;
    }
  }
}
function* restoreSteps(ledger, r, t, header) {
  if (ledger.height !== 0) throw new SnapshotError("a snapshot restores into a fresh ledger only");
  const count = t.varint();
  const blobBytes = t.varbytes();
  const decoder = new TextDecoder();
  const str = new Array(count);
  const lengths = new Array(count);
  for (let i = 0; i < count; i++) lengths[i] = t.varint();
  for (let first = 0, at2 = 0; first < count; first += 4 * STEP) {
    const last = Math.min(count, first + 4 * STEP);
    let end = at2;
    for (let i = first; i < last; i++) end += lengths[i];
    const run = decoder.decode(blobBytes.subarray(at2, end));
    for (let i = first, o = 0; i < last; i++) {
      str[i] = run.slice(o, o + lengths[i]);
      o += lengths[i];
    }
    at2 = end;
    yield;
  }
  const scripts = new Array(t.varint());
  for (let i = 0; i < scripts.length; i++) scripts[i] = t.varbytes().slice();
  const nBlocks = r.varint();
  const raws = r.bytes(r.varint()).slice();
  let at = 0;
  for (let h = 0; h < nBlocks; h++) {
    const len = r.varint();
    const start = at;
    at += len;
    const hash2 = str[r.varint()];
    const time = r.u32();
    const txs = new Array(r.varint());
    for (let i = 0; i < txs.length; i++) {
      const txid = str[r.varint()];
      const txStart = r.varint();
      const end = txStart + r.varint();
      const txTime = r.u32();
      txs[i] = { txid, start: txStart, end, time: txTime, fee: readU53(r) };
    }
    ledger.restoreBlock(hash2, time, raws, start, len, txs);
    if (h % STEP === STEP - 1) yield;
  }
  for (let n = r.varint(); n > 0; n--) {
    const txid = str[r.varint()];
    const vout = r.varint();
    const value = readU53(r);
    const sid = r.varint();
    const script2 = scripts[sid];
    const height = r.varint();
    const flags = r.u8();
    const address = flags & 4 ? str[r.varint()] : null;
    const coin = { txid, vout, value, script: script2, height, coinbase: (flags & 1) !== 0, address, cc: (flags & 2) !== 0 };
    ledger.restoreCoin(coin);
    scripts[sid] = coin.script;
    if (n % STEP === 0) yield;
  }
  yield* readIndex(r, str, ledger.addrIndex);
  yield* readIndex(r, str, ledger.ccIndex);
  for (let n = r.varint(); n > 0; n--) {
    const key = outpointKey(str[r.varint()], r.varint());
    const s = { txid: str[r.varint()], index: r.varint(), height: r.varint() };
    ledger.spentIndex.set(key, s);
    if (n % STEP === 0) yield;
  }
  if (ledger.height !== header.height || ledger.tip.hash !== header.tip) throw new SnapshotError("its blocks do not end at the tip its header names");
  const mempool = new Array(r.varint());
  for (let i = 0; i < mempool.length; i++) mempool[i] = r.varbytes().slice();
  if (r !== t && (r.remaining !== 0 || t.remaining !== 0)) throw new SnapshotError("its body and tables do not end where it says");
  return mempool;
}

// devchain/chain/recordLog.ts
var MAX_TYPE = 6 /* Mining */;
function encodeRecord(type, body) {
  const rec = new Uint8Array(9 + body.length);
  const view = new DataView(rec.buffer);
  view.setUint32(0, body.length + 1, true);
  rec[8] = type;
  rec.set(body, 9);
  view.setUint32(4, crc322(rec.subarray(8)), true);
  return rec;
}
function recordAt(buf, view, pos) {
  if (pos + 9 > buf.length) return 0;
  const len = view.getUint32(pos, true);
  if (len < 1 || pos + 8 + len > buf.length) return 0;
  const type = buf[pos + 8];
  if (type < 1 || type > MAX_TYPE) return 0;
  if (crc322(buf.subarray(pos + 8, pos + 8 + len)) !== view.getUint32(pos + 4, true)) return 0;
  return 8 + len;
}
function scanRecords(bytes, base = 0) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records = [];
  let pos = 0;
  for (; ; ) {
    const n = recordAt(bytes, view, pos);
    if (!n) break;
    records.push({ type: bytes[pos + 8], body: bytes.subarray(pos + 9, pos + n), end: base + pos + n, crc: view.getUint32(pos + 4, true) });
    pos += n;
  }
  return { records, good: pos };
}
var RecordLog = class {
  constructor(store, size, last = null) {
    this.store = store;
    this.stored = size;
    this.last = last && last.end === size ? last : null;
  }
  store;
  pending = [];
  pendingLen = 0;
  /** Bytes the store holds (or is being given) — the offset the first pending record will start at. */
  stored;
  /** Writes run one after another; each flush waits for all earlier ones. */
  writing = Promise.resolve();
  failure = null;
  /** The last record appended or read (null after a truncation, until the next append). */
  last;
  /** Log offset the stored snapshot covers (0: none). */
  snapshotOffset = 0;
  get dirty() {
    return this.pending.length > 0;
  }
  /** The offset the next record will start at (pending records included). */
  get size() {
    return this.stored + this.pendingLen;
  }
  append(type, body) {
    const rec = encodeRecord(type, body);
    const start = this.size;
    this.last = { start, end: start + rec.length, crc: new DataView(rec.buffer).getUint32(4, true) };
    this.pending.push(rec);
    this.pendingLen += rec.length;
  }
  /** Hands the pending records to the store; resolves once they (and every earlier flush) are durable. */
  flush() {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending.length) {
      const all = new Uint8Array(this.pendingLen);
      let o = 0;
      for (const r of this.pending) {
        all.set(r, o);
        o += r.length;
      }
      this.pending = [];
      this.stored += this.pendingLen;
      this.pendingLen = 0;
      this.writing = this.writing.then(() => this.store.appendLog(all));
      this.writing.catch((e) => {
        this.failure ??= new Error(`could not write the chain log at ${this.store.location}: ${e instanceof Error ? e.message : String(e)}`);
      });
    }
    return this.writing;
  }
  /**
   * Cuts the log back to `offset` (a record boundary); pending records are dropped. A snapshot
   * covering more than the cut log is deleted first: it would hold state the log no longer has.
   */
  async truncate(offset) {
    await this.writing;
    this.pending = [];
    this.pendingLen = 0;
    if (this.snapshotOffset > offset) {
      await this.store.deleteSnapshot();
      this.snapshotOffset = 0;
    }
    await this.store.truncateLog(offset);
    this.stored = offset;
    this.last = null;
  }
  /**
   * Flushes, then (when nothing was appended meanwhile and the log grew since the last snapshot)
   * calls `write` with what the state covers and stores the snapshot it makes. `write` runs
   * synchronously right after the flush, so the state it reads is the log's state at that offset;
   * it hands the snapshot on in parts (straight to the store when it takes them: `beginSnapshot`)
   * and returns its first bytes, known last. Returns false when it wrote nothing.
   */
  async saveSnapshot(write2) {
    await this.flush();
    const last = this.last;
    if (this.dirty || !last || last.end !== this.size || this.size === this.snapshotOffset) return false;
    const cover = { offset: last.end, lastStart: last.start, lastCrc: last.crc };
    let done;
    const writer = this.store.beginSnapshot?.();
    if (writer) {
      try {
        const first = write2(cover, (part) => writer.write(part));
        done = () => writer.finish(first);
      } catch (e) {
        writer.abort();
        throw e;
      }
    } else {
      const parts = [];
      const bytes = joinParts(parts, write2(cover, (part) => parts.push(part.slice())));
      done = () => this.store.writeSnapshot(bytes);
    }
    const stored = this.writing.then(done);
    this.writing = stored.catch(() => void 0);
    await stored;
    this.snapshotOffset = last.end;
    return true;
  }
  async close() {
    try {
      await this.flush();
    } finally {
      await this.store.close();
    }
  }
};

// devchain/chain/logIntegrity.ts
var LogDamagedError = class extends Error {
  constructor(message, at) {
    super(message);
    this.at = at;
    this.name = "LogDamagedError";
  }
  at;
};
var TYPE_NAMES = {
  [1 /* Meta */]: "meta",
  [2 /* Block */]: "block",
  [3 /* Tx */]: "tx",
  [4 /* Key */]: "key",
  [5 /* Pubkey */]: "pubkey",
  [6 /* Mining */]: "mining"
};
var recordTypeName = (t) => TYPE_NAMES[t] ?? `unknown (type ${t})`;
function describe(bytes, view, pos) {
  const left = bytes.length - pos;
  if (left < 9) return `a record header cut short (${left} of at least 9 bytes)`;
  const len = view.getUint32(pos, true);
  if (len < 1) return "a record of length 0";
  const kind = `a ${recordTypeName(bytes[pos + 8])} record of ${8 + len} bytes`;
  return pos + 8 + len > bytes.length ? `${kind} with only ${left} present` : `${kind} whose checksum does not match`;
}
function findDamage(bytes, good, base) {
  if (good >= bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let intactAfter = 0;
  for (let q = good + 1; q + 9 <= bytes.length; q++) {
    if (recordAt(bytes, view, q)) {
      intactAfter = scanRecords(bytes.subarray(q)).records.length;
      break;
    }
  }
  return { at: base + good, bytes: bytes.length - good, detail: describe(bytes, view, good), intactAfter };
}
function lastOf(records, before) {
  const r = records[records.length - 1];
  return r ? { start: r.end - 9 - r.body.length, end: r.end, crc: r.crc } : before ?? null;
}
var blocksIn = (records) => records.reduce((n, r) => n + (r.type === 2 /* Block */ ? 1 : 0), 0);
async function cutLog(store, at, why, height, warn) {
  const total = await store.logSize();
  const copy = await store.backupLog();
  await store.deleteSnapshot();
  await store.truncateLog(at);
  warn(`devchain: recovering ${store.location}: ${why}. Kept a copy of the whole log (${total} bytes) at ${copy}, cut the log at byte ${at} (${total - at} bytes dropped); the chain starts at height ${height}, its last good record.`);
}
function damageMessage(location, at, what, height) {
  return `devchain: the chain log in ${location} is damaged at byte ${at}: ${what}. The chain was not started, and nothing was changed. To start from the last good record (height ${height}), run again with --recover: it keeps a copy of the whole log beside it, then cuts the log at byte ${at}. Or restore the data directory from a backup, or start over with --reset.`;
}
async function openRecordLog(store, opts, read) {
  const bytes = read ?? await store.readLog(opts.from);
  const { records, good } = scanRecords(bytes, opts.from);
  const damage = findDamage(bytes, good, opts.from);
  if (!damage) return { log: new RecordLog(store, opts.from + bytes.length, lastOf(records, opts.before)), records };
  const height = opts.baseHeight + blocksIn(records);
  const firstBad = opts.from === 0 && records.length === 0;
  if (!damage.intactAfter && !firstBad) {
    await store.truncateLog(damage.at);
    opts.warn(`devchain: dropped a torn tail of ${damage.bytes} bytes at the end of ${store.location}'s log (byte ${damage.at}: ${damage.detail}); a crash cut that write short before any answer relied on it. The chain is at height ${height}.`);
    return { log: new RecordLog(store, damage.at, lastOf(records, opts.before)), records };
  }
  const what = firstBad ? `its first record is not intact (${damage.detail}), so the chain's identity cannot be read` : `${damage.detail}, and ${damage.intactAfter} intact records follow it (${damage.bytes} bytes from there to the end)`;
  if (!opts.recover) throw new LogDamagedError(damageMessage(store.location, damage.at, what, height), damage.at);
  await cutLog(store, damage.at, what, height, opts.warn);
  return { log: new RecordLog(store, damage.at, lastOf(records, opts.before)), records };
}

// devchain/chain/mining.ts
function parseMiningMode(v) {
  if (!v) return null;
  const m = /^(manual|automine|interval)(?::(\d+))?$/.exec(v);
  if (!m) return null;
  const mode = m[1];
  const seconds = mode === "interval" ? Number(m[2] ?? 5) || 5 : 0;
  return { mode, seconds, generate: mode === "interval", genproclimit: mode === "interval" ? 1 : -1 };
}

// devchain/rpc/dispatch.ts
init_jsonrpc();

// devchain/rpc/methods/blockchain.ts
init_jsonrpc();
init_hash();

// devchain/rpc/txjson.ts
init_hash();
init_script();
init_transaction();
init_amount();
function scriptPubKeyJSON(script2, modules = []) {
  const info = classifyScript(script2);
  const out = { asm: scriptToAsm(script2), hex: toHex(script2) };
  if (info.type === "cryptocondition") {
    for (const m of modules) {
      const d = m.describeScript?.(script2);
      if (d) {
        return { asm: d.asm ?? out.asm, hex: out.hex, reqSigs: d.reqSigs ?? 1, type: d.type ?? "cryptocondition", addresses: d.addresses ?? info.addresses };
      }
    }
  }
  if (info.type === "nulldata" || info.type === "nonstandard") {
    out.type = info.type;
    return out;
  }
  out.reqSigs = info.reqSigs;
  out.type = info.type;
  out.addresses = info.addresses;
  return out;
}
function vinJSON(tx, ledger) {
  if (isCoinbase(tx)) return [{ coinbase: toHex(tx.vin[0].script), sequence: tx.vin[0].sequence }];
  return tx.vin.map((i) => {
    const prev = hashToHex(i.prevHash);
    const e = { txid: prev, vout: i.prevIndex, scriptSig: { asm: scriptToAsm(i.script, true), hex: toHex(i.script) } };
    if (ledger) {
      const o = ledger.txs.get(prev)?.tx.vout[i.prevIndex];
      if (o) {
        const a = classifyScript(o.script).addresses[0];
        if (a) e.address = a;
        e.value = new Amount(o.value);
        e.valueSat = o.value;
      }
    }
    e.sequence = i.sequence;
    return e;
  });
}
function txJSON(tx, txid, opts = {}) {
  const expanded = !!opts.expanded && !!opts.ledger;
  const L = opts.ledger ?? null;
  const e = {};
  if (opts.hex !== void 0) e.hex = opts.hex;
  e.txid = txid;
  e.overwintered = tx.overwintered;
  e.version = tx.version;
  if (expanded) e.last_notarized_height = 0;
  if (tx.overwintered) e.versiongroupid = tx.versionGroupId.toString(16).padStart(8, "0");
  e.locktime = tx.lockTime;
  if (tx.overwintered) e.expiryheight = tx.expiryHeight;
  e.vin = vinJSON(tx, expanded ? L : null);
  e.vout = tx.vout.map((o, n) => {
    const v = { value: new Amount(o.value) };
    v[expanded ? "valueSat" : "valueZat"] = o.value;
    v.n = n;
    v.scriptPubKey = scriptPubKeyJSON(o.script, opts.modules);
    if (expanded && L) {
      const s = L.spentIndex.get(outpointKey(txid, n));
      if (s) {
        v.spentTxId = s.txid;
        v.spentIndex = s.index;
        v.spentHeight = s.height;
      }
    }
    return v;
  });
  e.vjoinsplit = [];
  if (tx.overwintered && tx.version >= 4) {
    e.valueBalance = new Amount(tx.valueBalance);
    e.vShieldedSpend = [];
    e.vShieldedOutput = [];
  }
  if (expanded && L) {
    const rec = L.txs.get(txid);
    if (rec && rec.height >= 0) {
      const b = L.block(rec.height);
      e.blockhash = b.hash;
      e.height = rec.height;
      e.confirmations = L.confirmations(rec.height);
      e.rawconfirmations = L.confirmations(rec.height);
      e.time = b.time;
      e.blocktime = b.time;
    }
  }
  return e;
}
function pool(id, chainValue, delta) {
  const p2 = {};
  if (id) p2.id = id;
  p2.monitored = true;
  p2.chainValue = new Amount(chainValue);
  p2.chainValueZat = chainValue;
  if (delta !== null) {
    p2.valueDelta = new Amount(delta);
    p2.valueDeltaZat = delta;
  }
  return p2;
}
function chainValueAt(ledger, height) {
  if (height < 1) return 0;
  return ledger.params.premineSats + (height - 1) * ledger.params.reward;
}
function subsidyAt(ledger, height) {
  return height < 1 ? 0 : height === 1 ? ledger.params.premineSats : ledger.params.reward;
}
function chainworkHex(height) {
  return ((height + 1) * BLOCK_WORK).toString(16).padStart(64, "0");
}
function blockJSON(ledger, b, verbosity, modules = []) {
  const h = b.header;
  const conf = ledger.confirmations(b.height);
  const value = chainValueAt(ledger, b.height);
  const delta = subsidyAt(ledger, b.height);
  const e = {
    last_notarized_height: 0,
    hash: b.hash,
    confirmations: conf,
    rawconfirmations: conf,
    size: b.size,
    height: b.height,
    version: h.version,
    merkleroot: hashToHex(h.merkleRoot),
    segid: -1,
    finalsaplingroot: EMPTY_SAPLING_ROOT,
    tx: verbosity >= 2 ? b.txids.map((id) => {
      const r = ledger.txs.get(id);
      return txJSON(r.tx, id, { modules });
    }) : [...b.txids],
    time: h.time,
    nonce: hashToHex(h.nonce),
    solution: toHex(h.solution),
    bits: h.bits.toString(16).padStart(8, "0"),
    difficulty: 1,
    chainwork: chainworkHex(b.height),
    anchor: EMPTY_SPROUT_ROOT,
    chainSupply: pool(null, value, delta),
    valuePools: [pool("transparent", value, delta), pool("sprout", 0, 0), pool("sapling", 0, 0), pool("burned", 0, 0)]
  };
  if (b.height > 0) e.previousblockhash = ledger.block(b.height - 1).hash;
  if (b.height < ledger.height) e.nextblockhash = ledger.block(b.height + 1).hash;
  return e;
}

// devchain/rpc/methods/blockchain.ts
init_params();
init_amount();
init_transaction();
var blockNotFound = () => new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, "Block not found");
function def(usage4, handler) {
  return { usage: usage4, handler, category: "blockchain" };
}
function resolveBlock(ctx, ref) {
  const L = ctx.dc.ledger;
  if (ref.length < 64 && /^-?\d+$/.test(ref)) {
    const h = Number(ref);
    if (h < 0 || h > L.height) throw new RpcError(RpcCode.INVALID_PARAMETER, "Block height out of range");
    return L.block(h);
  }
  const idx = L.blockByHash.get(ref.toLowerCase());
  if (idx === void 0) throw blockNotFound();
  return L.block(idx);
}
var blockchainMethods = {
  getblockcount: def("getblockcount", (ctx, p2) => {
    checkCount(p2, 0, 0, "getblockcount");
    return ctx.dc.ledger.height;
  }),
  getbestblockhash: def("getbestblockhash", (ctx, p2) => {
    checkCount(p2, 0, 0, "getbestblockhash");
    return ctx.dc.ledger.tip.hash;
  }),
  getblockhash: def("getblockhash index", (ctx, p2) => {
    checkCount(p2, 1, 1, "getblockhash index");
    const h = requireInt(p2, 0);
    if (h < 0 || h > ctx.dc.ledger.height) throw new RpcError(RpcCode.INVALID_PARAMETER, "Block height out of range");
    return ctx.dc.ledger.block(h).hash;
  }),
  getblock: def('getblock "hash|height" ( verbosity )', (ctx, p2) => {
    checkCount(p2, 1, 2, 'getblock "hash|height" ( verbosity )');
    const ref = requireString(p2, 0);
    let verbosity = 1;
    if (p2.length > 1) {
      const v = p2[1];
      if (typeof v === "number") {
        if (!Number.isInteger(v)) throw new RpcError(RpcCode.MISC_ERROR, "JSON value is not an integer as expected");
        verbosity = v;
      } else if (typeof v === "boolean") verbosity = v ? 1 : 0;
      else throw notBool();
    }
    if (verbosity < 0 || verbosity > 2) throw new RpcError(RpcCode.INVALID_PARAMETER, "Verbosity must be in range from 0 to 2");
    const b = resolveBlock(ctx, ref);
    if (verbosity === 0) return toHex(b.raw);
    return blockJSON(ctx.dc.ledger, b, verbosity, ctx.dc.modules);
  }),
  getblockchaininfo: def("getblockchaininfo", (ctx, p2) => {
    checkCount(p2, 0, 0, "getblockchaininfo");
    const L = ctx.dc.ledger;
    const value = chainValueAt(L, L.height);
    const pool3 = (id, v) => ({ id, monitored: true, chainValue: new Amount(v), chainValueZat: v });
    return {
      chain: ctx.dc.params.regtest ? "regtest" : "main",
      blocks: L.height,
      synced: true,
      headers: L.height,
      bestblockhash: L.tip.hash,
      difficulty: 1,
      verificationprogress: 1,
      chainwork: chainworkHex(L.height),
      pruned: false,
      commitments: 0,
      chainSupply: { monitored: true, chainValue: new Amount(value), chainValueZat: value },
      valuePools: [pool3("transparent", value), pool3("sprout", 0), pool3("sapling", 0), pool3("burned", 0)],
      softforks: [
        { id: "bip34", version: 2, enforce: { status: true, found: 4, required: 4, window: 4 }, reject: { status: true, found: 4, required: 4, window: 4 } },
        { id: "bip66", version: 3, enforce: { status: true, found: 4, required: 4, window: 4 }, reject: { status: true, found: 4, required: 4, window: 4 } },
        { id: "bip65", version: 4, enforce: { status: true, found: 4, required: 4, window: 4 }, reject: { status: true, found: 4, required: 4, window: 4 } }
      ],
      upgrades: {
        "5ba81b19": { name: "Overwinter", activationheight: 1, status: "active", info: "See https://z.cash/upgrade/overwinter.html for details." },
        "76b809bb": { name: "Sapling", activationheight: 1, status: "active", info: "See https://z.cash/upgrade/sapling.html for details." }
      },
      consensus: { chaintip: "76b809bb", nextblock: "76b809bb" }
    };
  }),
  getrawmempool: def("getrawmempool ( verbose )", (ctx, p2) => {
    checkCount(p2, 0, 1, "getrawmempool ( verbose )");
    if (p2.length && typeof p2[0] !== "boolean") throw notBool();
    const L = ctx.dc.ledger;
    if (!p2[0]) return [...L.mempool.keys()];
    const out = {};
    for (const r of L.mempool.values()) {
      out[r.txid] = {
        size: r.raw.length,
        fee: new Amount(r.fee),
        time: r.time,
        height: L.height,
        startingpriority: 0,
        currentpriority: 0,
        depends: [...new Set(r.tx.vin.map((i) => hashToHex(i.prevHash)).filter((id) => L.mempool.has(id)))]
      };
    }
    return out;
  })
};
var rawtxMethods = {
  getrawtransaction: { category: "rawtransactions", usage: 'getrawtransaction "txid" ( verbose )', handler: (ctx, p2) => {
    checkCount(p2, 1, 2, 'getrawtransaction "txid" ( verbose )');
    const txid = requireString(p2, 0);
    let verbose = 0;
    if (p2.length > 1) verbose = requireInt(p2, 1);
    if (!/^[0-9a-fA-F]{64}$/.test(txid)) throw new RpcError(RpcCode.INVALID_PARAMETER, `parameter 1 must be hexadecimal string (not '${txid}')`);
    const L = ctx.dc.ledger;
    const rec = L.txs.get(txid.toLowerCase());
    if (!rec || rec.height === 0) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, "No information available about transaction");
    const hex = toHex(rec.raw);
    if (!verbose) return hex;
    return txJSON(rec.tx, rec.txid, { ledger: L, modules: ctx.dc.modules, expanded: true, hex });
  } },
  decoderawtransaction: { category: "rawtransactions", usage: 'decoderawtransaction "hexstring"', handler: (ctx, p2) => {
    checkCount(p2, 1, 1, 'decoderawtransaction "hexstring"');
    const hex = typeCheckString(p2, 0);
    const { tx, raw } = Ledger.decodeHex(hex);
    return txJSON(tx, txidFromRaw(raw), { modules: ctx.dc.modules });
  } },
  sendrawtransaction: { category: "rawtransactions", usage: 'sendrawtransaction "hexstring" ( allowhighfees )', handler: (ctx, p2) => {
    checkCount(p2, 1, 2, 'sendrawtransaction "hexstring" ( allowhighfees )');
    const hex = typeCheckString(p2, 0);
    if (p2.length > 1 && typeof p2[1] !== "boolean") throw new RpcError(RpcCode.TYPE_ERROR, `Expected type bool, got ${typeof p2[1] === "number" ? "number" : typeof p2[1]}`);
    const { tx, raw } = Ledger.decodeHex(hex);
    return ctx.dc.submit(raw, tx);
  } }
};
var txidFromRaw = txidOf;

// devchain/rpc/methods/control.ts
init_keys();
init_hash();
init_params();
init_amount();

// devchain/rpc/methods/network.ts
init_params();
init_amount();
var CLIENT_VERSION = 3000300;
var PROTOCOL_VERSION = 170010;
var SERVICES = "0000000000000001";
function subversion() {
  const v = CLIENT_VERSION;
  return `/MagicBean:${Math.floor(v / 1e6)}.${Math.floor(v / 1e4) % 100}.${Math.floor(v / 100) % 100}/`;
}
function peersOf(ctx) {
  return ctx.dc.nodes.filter((n) => n !== ctx.node);
}
var networkMethods = {
  getnetworkinfo: { category: "network", usage: "getnetworkinfo", handler: (ctx, p2) => {
    checkCount(p2, 0, 0, "getnetworkinfo");
    const net = (name) => ({ name, limited: false, reachable: name === "ipv4" || name === "ipv6", proxy: "", proxy_randomize_credentials: false });
    return {
      version: CLIENT_VERSION,
      subversion: subversion(),
      protocolversion: PROTOCOL_VERSION,
      localservices: SERVICES,
      timeoffset: 0,
      connections: peersOf(ctx).length,
      networks: ["ipv4", "ipv6", "onion", ""].map(net),
      relayfee: new Amount(100),
      localaddresses: [],
      warnings: ""
    };
  } },
  getpeerinfo: { category: "network", usage: "getpeerinfo", handler: (ctx, p2) => {
    checkCount(p2, 0, 0, "getpeerinfo");
    const { dc } = ctx;
    const L = dc.ledger;
    const me = dc.nodes.indexOf(ctx.node);
    return peersOf(ctx).map((peer) => {
      const them = dc.nodes.indexOf(peer);
      const inbound = them < me;
      const addr = inbound ? `127.0.0.1:${49152 + them}` : `127.0.0.1:${dc.params.p2pport}`;
      return {
        id: them,
        addr,
        addrlocal: inbound ? `127.0.0.1:${dc.params.p2pport}` : `127.0.0.1:${49152 + me}`,
        services: SERVICES,
        lastsend: L.tip.time,
        lastrecv: L.tip.time,
        bytessent: 0,
        bytesrecv: 0,
        conntime: dc.params.genesisTime,
        timeoffset: 0,
        pingtime: 0,
        version: PROTOCOL_VERSION,
        subver: subversion(),
        inbound,
        startingheight: 0,
        banscore: 0,
        synced_headers: L.height,
        synced_blocks: L.height,
        inflight: [],
        addr_processed: 0,
        addr_rate_limited: 0,
        whitelisted: false
      };
    });
  } }
};

// devchain/rpc/methods/control.ts
var ZERO_HASH = "0".repeat(64);
function walletBalance(ctx) {
  return ctx.wallet.balance({ trustedMempool: true });
}
var controlMethods = {
  getinfo: { category: "control", usage: "getinfo", handler: (ctx, p2) => {
    checkCount(p2, 0, 0, "getinfo");
    const { dc, wallet } = ctx;
    const P = dc.params;
    const L = dc.ledger;
    const keytime = P.genesisTime;
    const info = {
      version: CLIENT_VERSION,
      protocolversion: PROTOCOL_VERSION,
      KMDversion: "0.8.1",
      synced: true,
      notarized: 0,
      prevMoMheight: 0,
      notarizedhash: ZERO_HASH,
      notarizedtxid: ZERO_HASH,
      notarizedtxid_height: "mempool",
      KMDnotarized_height: 0,
      notarized_confirms: 0,
      walletversion: 6e4,
      balance: new Amount(walletBalance(ctx)),
      blocks: L.height,
      longestchain: L.height,
      tiptime: L.tip.time,
      difficulty: 1,
      keypoololdest: keytime,
      keypoolsize: 101,
      paytxfee: new Amount(0),
      sapling: 1,
      timeoffset: 0,
      connections: peersOf(ctx).length,
      proxy: "",
      testnet: false,
      relayfee: new Amount(100),
      errors: ""
    };
    if (wallet.pubkey) info.pubkey = wallet.pubkey;
    if (P.cc) info.CCid = P.cc;
    info.name = P.name;
    info.p2pport = P.p2pport;
    info.rpcport = P.rpcport;
    info.magic = P.magic;
    info.premine = P.supply;
    if (P.rewardSet) {
      const eras = (v) => v.slice(0, P.flags.eras).join(",");
      if (P.flags.eras > 1) info.eras = P.flags.eras;
      info.reward = eras(P.flags.reward);
      info.halving = eras(P.flags.halving);
      info.decay = eras(P.flags.decay);
      info.endsubsidy = eras(P.flags.end);
      info.notarypay = eras(P.flags.notarypay);
    }
    if (P.staked) info.staked = P.staked;
    return info;
  } },
  stop: { category: "control", usage: "stop", handler: (ctx, p2) => {
    checkCount(p2, 0, 0, "stop");
    ctx.dc.requestStop();
    return `${ctx.dc.params.name} server stopping`;
  } },
  validateaddress: { category: "util", usage: 'validateaddress "komodoaddress"', handler: (ctx, p2) => {
    checkCount(p2, 1, 1, 'validateaddress "komodoaddress"');
    const address = requireString(p2, 0);
    const d = decodeAddress(address);
    const script2 = d && scriptForAddress(address);
    if (!d || !script2) return { isvalid: false };
    const key = ctx.wallet.keyForAddress(address);
    const r = {
      isvalid: true,
      address,
      scriptPubKey: toHex(script2),
      segid: segidOf(address),
      ismine: !!key,
      iswatchonly: false,
      isscript: d.version === 85
    };
    if (key) {
      r.pubkey = key.pubHex;
      r.iscompressed = true;
      r.account = "";
    }
    return r;
  } }
};

// devchain/rpc/methods/wallet.ts
init_jsonrpc();
init_hash();
init_keys();
init_script();
init_transaction();
init_params();
init_amount();
function def2(usage4, handler) {
  return { usage: usage4, handler, category: "wallet" };
}
function unspentJSON(ctx, c) {
  const L = ctx.dc.ledger;
  const rec = L.txs.get(c.txid);
  const key = c.address ? ctx.wallet.keyForAddress(c.address) : void 0;
  const e = { txid: c.txid, vout: c.vout, generated: c.coinbase, address: c.address, segid: segidOf(c.address ?? "") };
  if (key?.labeled) e.account = "";
  e.amount = new Amount(c.value);
  if (rec && rec.tx.lockTime !== 0) e.interest = new Amount(0);
  e.scriptPubKey = toHex(c.script);
  const conf = L.confirmations(c.height);
  e.rawconfirmations = conf;
  e.confirmations = conf;
  e.spendable = true;
  return e;
}
function coinbaseCategory(ctx, conf) {
  if (conf < 1) return "orphan";
  return conf < ctx.dc.params.coinbaseMaturity ? "immature" : "generate";
}
function walletTxJSON(ctx, txid) {
  const L = ctx.dc.ledger;
  const W = ctx.wallet;
  const rec = L.txs.get(txid);
  if (!rec || rec.height === 0) return null;
  const tx = rec.tx;
  const coinbase = isCoinbase(tx);
  let debit = 0;
  let inputsAllMine = !coinbase;
  if (!coinbase) {
    for (const i of tx.vin) {
      const prev = L.txs.get(hashToHex(i.prevHash));
      const o = prev?.tx.vout[i.prevIndex];
      if (o && W.keyForScript(o.script)) debit += o.value;
      else inputsAllMine = false;
    }
  }
  let credit = 0;
  const outMine = tx.vout.map((o) => !!W.keyForScript(o.script));
  tx.vout.forEach((o, n) => {
    if (outMine[n]) credit += o.value;
  });
  if (debit === 0 && credit === 0) return null;
  const fromMe = debit > 0;
  const valueOut = tx.vout.reduce((a, o) => a + o.value, 0);
  const fee = fromMe && inputsAllMine ? valueOut - debit : 0;
  const conf = L.confirmations(rec.height);
  const size = rec.raw.length;
  const details = [];
  tx.vout.forEach((o, n) => {
    const info = classifyScript(o.script);
    const address = info.addresses[0];
    const key = outMine[n] ? W.keyForScript(o.script) : void 0;
    const isChange = fromMe && !!key && !key.labeled;
    if (fromMe && !isChange) {
      const d = { account: "" };
      if (address) d.address = address;
      d.category = "send";
      d.amount = new Amount(-o.value);
      d.vout = n;
      d.fee = new Amount(fee);
      d.size = size;
      details.push(d);
    }
    if (key && !isChange) {
      const d = { account: "", address, category: coinbase ? coinbaseCategory(ctx, conf) : "receive" };
      if (d.category === "immature") d.blockstomaturity = ctx.dc.params.coinbaseMaturity - conf;
      Object.assign(d, { amount: new Amount(o.value), vout: n, size });
      details.push(d);
    }
  });
  const e = { amount: new Amount(credit - debit - fee) };
  if (fromMe) e.fee = new Amount(fee);
  e.rawconfirmations = conf;
  if (coinbase) e.generated = true;
  e.confirmations = conf;
  if (rec.height >= 0) {
    const b = L.block(rec.height);
    e.blockhash = b.hash;
    e.blockindex = rec.index;
    e.blocktime = b.time;
    e.expiryheight = tx.expiryHeight;
  }
  e.txid = txid;
  e.walletconflicts = [];
  e.time = rec.time;
  e.timereceived = rec.time;
  e.vjoinsplit = [];
  e.details = details;
  e.hex = toHex(rec.raw);
  return e;
}
function walletTxids(ctx) {
  const L = ctx.dc.ledger;
  const ids = /* @__PURE__ */ new Set();
  for (const k of ctx.wallet.keys) for (const e of L.addrIndex.get(k.address) ?? []) ids.add(e.txid);
  for (const r of L.mempool.values()) {
    if (r.tx.vout.some((o) => ctx.wallet.keyForScript(o.script))) ids.add(r.txid);
    else if (ctx.wallet.isFromMe(r.txid)) ids.add(r.txid);
  }
  return ids;
}
var walletTxCount = (ctx) => walletTxids(ctx).size;
var walletMethods = {
  getnewaddress: def2('getnewaddress ( "account" )', (ctx, p2) => {
    checkCount(p2, 0, 1, 'getnewaddress ( "account" )');
    if (p2.length) {
      const acct = requireString(p2, 0);
      if (acct !== "") throw new RpcError(RpcCode.WALLET_ERROR, "Accounts are unsupported");
    }
    return ctx.dc.newKey(ctx.node, true).address;
  }),
  getbalance: def2('getbalance ( "account" minconf includeWatchonly )', (ctx, p2) => {
    checkCount(p2, 0, 3, 'getbalance ( "account" minconf includeWatchonly )');
    if (p2.length === 0) return new Amount(walletBalance(ctx));
    const acct = requireString(p2, 0);
    const minconf = p2.length > 1 ? requireInt(p2, 1) : 1;
    if (p2.length > 2) requireBool(p2, 2);
    if (acct !== "*" && acct !== "") throw new RpcError(RpcCode.WALLET_ERROR, "Accounts are unsupported");
    return new Amount(ctx.wallet.balance({ minconf }));
  }),
  listunspent: def2('listunspent ( minconf maxconf  ["address",...] )', (ctx, p2) => {
    checkCount(p2, 0, 3, 'listunspent ( minconf maxconf  ["address",...] )');
    const minconf = p2.length > 0 ? requireInt(p2, 0) : 1;
    const maxconf = p2.length > 1 ? requireInt(p2, 1) : 9999999;
    let filter = null;
    if (p2.length > 2) {
      if (!Array.isArray(p2[2])) throw new RpcError(RpcCode.MISC_ERROR, "JSON value is not an array as expected");
      filter = /* @__PURE__ */ new Set();
      for (const a of p2[2]) {
        if (typeof a !== "string" || !decodeAddress(a)) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, `Invalid Komodo address: ${String(a)}`);
        if (filter.has(a)) throw new RpcError(RpcCode.INVALID_PARAMETER, `Invalid parameter, duplicated address: ${a}`);
        filter.add(a);
      }
    }
    const coins2 = ctx.wallet.coins({ minconf, maxconf, addresses: filter ?? void 0 });
    coins2.sort((a, b) => (b.height < 0 ? 1e12 : b.height) - (a.height < 0 ? 1e12 : a.height) || (a.txid < b.txid ? -1 : 1) || a.vout - b.vout);
    return coins2.map((c) => unspentJSON(ctx, c));
  }),
  sendtoaddress: def2('sendtoaddress "komodoaddress" amount ( "comment" "comment-to" subtractfeefromamount )', async (ctx, p2) => {
    checkCount(p2, 2, 5, 'sendtoaddress "komodoaddress" amount ( "comment" "comment-to" subtractfeefromamount )');
    const address = requireString(p2, 0);
    const script2 = decodeAddress(address) ? scriptForAddress(address) : null;
    if (!script2) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, "Invalid Komodo address");
    const sats = amountFromValue(p2[1]);
    if (sats <= 0) throw new RpcError(RpcCode.TYPE_ERROR, "Invalid amount for send");
    if (p2.length > 2 && p2[2] !== null) requireString(p2, 2);
    if (p2.length > 3 && p2[3] !== null) requireString(p2, 3);
    const subtract = p2.length > 4 ? requireBool(p2, 4) : false;
    const balance = walletBalance(ctx);
    if (sats > balance) throw new RpcError(RpcCode.WALLET_INSUFFICIENT_FUNDS, "Insufficient funds");
    const built2 = await ctx.wallet.buildPayment([{ value: sats, script: script2 }], DEFAULT_FEE, subtract);
    if (built2 === "too-large") throw new RpcError(RpcCode.WALLET_ERROR, "Transaction too large");
    if (!built2) {
      throw new RpcError(RpcCode.WALLET_ERROR, "Error: This transaction requires a transaction fee of at least 0.0001 because of its amount, complexity, or use of recently received funds!");
    }
    return ctx.dc.submit(built2.raw, built2.tx, "own");
  }),
  gettransaction: def2('gettransaction "txid" ( includeWatchonly )', (ctx, p2) => {
    checkCount(p2, 1, 2, 'gettransaction "txid" ( includeWatchonly )');
    const txid = requireString(p2, 0).toLowerCase();
    if (p2.length > 1) requireBool(p2, 1);
    const r = /^[0-9a-f]{64}$/.test(txid) ? walletTxJSON(ctx, txid) : null;
    if (!r) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, "Invalid or non-wallet transaction id");
    return r;
  }),
  getwalletinfo: def2("getwalletinfo", (ctx, p2) => {
    checkCount(p2, 0, 0, "getwalletinfo");
    const confirmed = ctx.wallet.balance({ minconf: 1 });
    const all = walletBalance(ctx);
    return {
      walletversion: 6e4,
      balance: new Amount(all),
      unconfirmed_balance: new Amount(Math.max(0, ctx.wallet.balance({ minconf: 0 }) - Math.max(all, confirmed))),
      immature_balance: new Amount(ctx.wallet.immatureBalance()),
      txcount: walletTxCount(ctx),
      keypoololdest: ctx.dc.params.genesisTime,
      keypoolsize: 101,
      paytxfee: new Amount(0)
    };
  }),
  // src/wallet/rpcwallet.cpp setpubkey; where the devchain answers otherwise, protocol/differences.ts
  // (setpubkey-reply, setpubkey-keys) says so.
  setpubkey: def2("setpubkey pubkey", (ctx, p2) => {
    checkCount(p2, 0, 1, "setpubkey pubkey");
    if (p2.length === 0) {
      const current = ctx.wallet.pubkey;
      if (!current) throw notString();
      return { error: "Can only set pubkey once, to change it you need to restart your daemon.", address: addressFromPubkey(fromHex(current)), pubkey: current };
    }
    const pub = requireString(p2, 0);
    if (pub.length !== 66 || !/^[0-9a-fA-F]{66}$/.test(pub)) return { error: "pubkey is wrong length, must be 66 char hex string." };
    const address = addressFromPubkey(fromHex(pub));
    if (!isPubkeyHex(pub) || !ctx.wallet.keyForPubkey(pub)) return { WARNING: "privkey for this pubkey is not imported to wallet!", address, pubkey: pub };
    ctx.dc.setPubkey(ctx.node, pub.toLowerCase());
    return { address, ismine: true, pubkey: pub };
  })
};

// devchain/rpc/methods/mining.ts
init_jsonrpc();
init_params();
var MAX_GENERATE = 1e6;
var SETMOCKTIME_USAGE = "setmocktime timestamp\n\nSet the local time to given timestamp (-regtest only)\n\nArguments:\n1. timestamp  (integer, required) Unix seconds-since-epoch timestamp\n   Pass 0 to go back to using the system time.";
var miningMethods = {
  getmininginfo: { category: "mining", usage: "getmininginfo", handler: (ctx, p2) => {
    checkCount(p2, 0, 0, "getmininginfo");
    const L = ctx.dc.ledger;
    const m = ctx.dc.mining;
    return {
      blocks: L.height,
      currentblocksize: 0,
      currentblocktx: 0,
      difficulty: 1,
      errors: "",
      genproclimit: m.genproclimit,
      localsolps: 0,
      networksolps: 0,
      networkhashps: 0,
      pooledtx: L.mempool.size,
      testnet: false,
      chain: ctx.dc.params.regtest ? "regtest" : "main",
      staking: false,
      generate: m.generate,
      numthreads: m.genproclimit
    };
  } },
  generate: { category: "generating", usage: "generate numblocks", handler: async (ctx, p2) => {
    checkCount(p2, 1, 1, "generate numblocks");
    const n = requireInt(p2, 0);
    if (n < 0 || n > MAX_GENERATE) throw new RpcError(RpcCode.INVALID_PARAMETER, `Invalid number of blocks (0 to ${MAX_GENERATE})`);
    return ctx.dc.generate(ctx.node, n, ctx.signal);
  } },
  // src/rpc/misc.cpp. Deviation: komodod keeps the mock time until told otherwise and refuses off
  // -regtest; the devchain takes it on every chain, for the next block only (protocol/differences.ts).
  setmocktime: { category: "hidden", usage: SETMOCKTIME_USAGE, handler: (ctx, p2) => {
    checkCount(p2, 1, 1, SETMOCKTIME_USAGE);
    typeCheck(p2, ["number"]);
    const time = requireInt(p2, 0);
    if (time < 0 || time > 4294967295) throw new RpcError(RpcCode.INVALID_PARAMETER, "Timestamp out of range");
    ctx.dc.ledger.setMockTime(time);
    return null;
  } },
  getgenerate: { category: "generating", usage: "getgenerate", handler: (ctx, p2) => {
    checkCount(p2, 0, 0, "getgenerate");
    return ctx.dc.mining.generate;
  } },
  setgenerate: { category: "generating", usage: "setgenerate generate ( genproclimit )", handler: (ctx, p2) => {
    checkCount(p2, 1, 2, "setgenerate generate ( genproclimit )");
    const on = requireBool(p2, 0);
    const limit = p2.length > 1 ? requireInt(p2, 1) : -1;
    if (ctx.dc.params.regtest) throw new RpcError(RpcCode.METHOD_NOT_FOUND, "Use the generate method instead of setgenerate on this network");
    const gen = on && limit !== 0;
    ctx.dc.setMining(gen ? { mode: "interval", seconds: ctx.dc.params.blocktime, generate: true, genproclimit: limit } : { mode: "manual", seconds: 0, generate: false, genproclimit: limit });
    return null;
  } }
};
var devchainMethods = {
  devchain_info: { category: "devchain", usage: "devchain_info", handler: (ctx, p2) => {
    checkCount(p2, 0, 0, "devchain_info");
    const { dc } = ctx;
    const P = dc.params;
    return {
      kind: "devchain",
      chain: {
        name: P.name,
        supply: P.supply,
        reward: P.reward,
        cc: P.cc,
        blocktime: P.blocktime,
        regtest: P.regtest,
        magic: P.magic,
        p2pport: P.p2pport,
        rpcport: P.rpcport,
        height: dc.ledger.height,
        deterministic: true,
        persistent: P.datadir !== null
      },
      nodes: dc.nodes.map((n) => {
        const w = dc.wallet(n);
        return { name: n, pubkey: w.pubkey, address: w.pubkeyKey?.address ?? w.keys[0]?.address ?? null };
      }),
      mining: { mode: dc.mining.mode, seconds: dc.mining.seconds },
      capabilities: ["generate", "automine", "interval", "persistence", "deterministic", "addressindex", "spentindex", ...dc.modules.map((m) => m.name.toLowerCase())]
    };
  } },
  devchain_setmining: { category: "devchain", usage: 'devchain_setmining "manual|automine|interval" ( seconds )', handler: (ctx, p2) => {
    checkCount(p2, 1, 2, 'devchain_setmining "manual|automine|interval" ( seconds )');
    const mode = requireString(p2, 0);
    if (mode !== "manual" && mode !== "automine" && mode !== "interval") throw new RpcError(RpcCode.INVALID_PARAMETER, 'mode must be "manual", "automine" or "interval"');
    let seconds = 0;
    if (mode === "interval") {
      seconds = p2.length > 1 ? requireInt(p2, 1) : 5;
      if (seconds < 1 || seconds > 86400) throw new RpcError(RpcCode.INVALID_PARAMETER, "seconds must be between 1 and 86400");
    }
    const state = { mode, seconds, generate: mode === "interval", genproclimit: mode === "interval" ? 1 : -1 };
    ctx.dc.setMining(state);
    return { mode, seconds };
  } }
};

// devchain/rpc/methods/address.ts
init_jsonrpc();
init_keys();
init_hash();

// devchain/rpc/methods/rawtransactions.ts
init_jsonrpc();
init_hash();
init_keys();
init_script();
init_transaction();
init_bytes();
init_sighash();
init_params();
var TX_EXPIRY_DELTA = 200;
var TX_EXPIRY_HEIGHT_THRESHOLD = 5e8;
var UINT32_MAX = 4294967295;
var invalidParam = (m) => new RpcError(RpcCode.INVALID_PARAMETER, m);
function parseHash(v, name) {
  const s = typeof v === "string" ? v : "";
  if (!/^([0-9a-fA-F]{2})+$/.test(s)) throw invalidParam(`${name} must be hexadecimal string (not '${s}')`);
  return s.toLowerCase().slice(-64).padStart(64, "0");
}
function parseHexV(v, name) {
  const s = typeof v === "string" ? v : "";
  if (!/^([0-9a-fA-F]{2})+$/.test(s)) throw invalidParam(`${name} must be hexadecimal string (not '${s}')`);
  return fromHex(s);
}
function int(v) {
  if (typeof v !== "number" || !Number.isInteger(v)) throw new RpcError(RpcCode.MISC_ERROR, "JSON value is not an integer as expected");
  return v;
}
var USAGE_CREATE = 'createrawtransaction [{"txid":"id","vout":n},...] {"address":amount,"data":"hex",...} ( locktime ) ( expiryheight )';
var USAGE_SIGN = 'signrawtransaction "hexstring" ( [{"txid":"id","vout":n,"scriptPubKey":"hex","redeemScript":"hex"},...] ["privatekey1",...] sighashtype )';
var SIGHASH_TYPES = {
  ALL: SIGHASH_ALL,
  "ALL|ANYONECANPAY": SIGHASH_ALL | SIGHASH_ANYONECANPAY,
  NONE: SIGHASH_NONE,
  "NONE|ANYONECANPAY": SIGHASH_NONE | SIGHASH_ANYONECANPAY,
  SINGLE: SIGHASH_SINGLE,
  "SINGLE|ANYONECANPAY": SIGHASH_SINGLE | SIGHASH_ANYONECANPAY
};
var BRANCH_IDS = /* @__PURE__ */ new Set([0, 1537743641, 1991772603]);
function scriptFromHexKey(name) {
  if (!/^([0-9a-fA-F]{2})+$/.test(name)) return null;
  const s = fromHex(name);
  const t = classifyScript(s).type;
  return t === "pubkeyhash" || t === "pubkey" || t === "scripthash" ? s : null;
}
function createRaw(height, p2) {
  checkCount(p2, 2, 4, USAGE_CREATE);
  typeCheck(p2, ["array", "object", "number", "number"]);
  if (p2[0] === null || p2[1] === null) throw invalidParam("Invalid parameter, arguments 1 and 2 must be non-null");
  const inputs = p2[0];
  const sendTo = p2[1];
  let lockTime = 0;
  if (p2.length > 2 && p2[2] !== null) {
    lockTime = int(p2[2]);
    if (lockTime < 0 || lockTime > UINT32_MAX) throw invalidParam("Invalid parameter, locktime out of range");
  }
  let expiry = height + TX_EXPIRY_DELTA;
  if (p2.length > 3 && p2[3] !== null) {
    expiry = int(p2[3]);
    if (expiry < 0 || expiry >= TX_EXPIRY_HEIGHT_THRESHOLD) {
      throw invalidParam(`Invalid parameter, expiryheight must be nonnegative and less than ${TX_EXPIRY_HEIGHT_THRESHOLD}.`);
    }
  }
  const vin = inputs.map((input) => {
    if (!input || typeof input !== "object" || Array.isArray(input)) throw new RpcError(RpcCode.MISC_ERROR, "JSON value is not an object as expected");
    const o = input;
    const txid = parseHash(o.txid, "txid");
    if (typeof o.vout !== "number") throw invalidParam("Invalid parameter, missing vout key");
    const vout2 = int(o.vout);
    if (vout2 < 0) throw invalidParam("Invalid parameter, vout must be positive");
    let sequence = lockTime ? UINT32_MAX - 1 : SEQUENCE_FINAL;
    if (typeof o.sequence === "number") sequence = int(o.sequence) >>> 0;
    return { prevHash: hexToHash(txid), prevIndex: vout2, script: new Uint8Array(0), sequence };
  });
  const vout = [];
  const seen = /* @__PURE__ */ new Set();
  for (const [name, value] of Object.entries(sendTo)) {
    if (name === "data") {
      const data = parseHexV(typeof value === "string" ? value : String(value), "Data");
      vout.push({ value: 0, script: opReturn(data) });
      continue;
    }
    let script2 = decodeAddress(name) ? scriptForAddress(name) : null;
    if (!script2) {
      if (/^[0-9a-fA-F]+$/.test(name)) {
        script2 = scriptFromHexKey(name);
        if (!script2) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, `Invalid script: ${name} (only P2PKH, P2PK and P2SH scripts are allowed)`);
      } else throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, `Invalid Komodo address or script: ${name}`);
    }
    const dest = classifyScript(script2).addresses[0] ?? toHex(script2);
    if (seen.has(dest)) throw invalidParam(`Invalid parameter, duplicated destination: ${name}`);
    seen.add(dest);
    vout.push({ value: amountFromValue(value), script: script2 });
  }
  return toHex(serializeTx(newTx(vin, vout, lockTime, expiry)));
}
function decodeVariants(hex) {
  const raw = parseHexV(hex, "argument 1");
  const out = [];
  const r = new Reader(raw);
  try {
    while (r.remaining > 0) out.push(readTx(r));
  } catch (e) {
    if (e instanceof DecodeError || e instanceof RangeError) throw new RpcError(RpcCode.DESERIALIZATION_ERROR, "TX decode failed");
    throw e;
  }
  if (!out.length) throw new RpcError(RpcCode.DESERIALIZATION_ERROR, "Missing transaction");
  return out;
}
function scriptError(reason) {
  const m = /^mandatory-script-verify-flag-failed \((.*)\)$/.exec(reason);
  return m ? m[1] : reason;
}
var rawtransactionMethods = {
  createrawtransaction: { category: "rawtransactions", usage: USAGE_CREATE, handler: (ctx, p2) => createRaw(ctx.dc.ledger.height + 1, p2) },
  signrawtransaction: { category: "rawtransactions", usage: USAGE_SIGN, handler: (ctx, p2) => {
    checkCount(p2, 1, 5, USAGE_SIGN);
    typeCheck(p2, ["string", "array", "array", "string", "string"]);
    const variants = decodeVariants(p2[0]);
    const tx = variants[0];
    const L = ctx.dc.ledger;
    const view = /* @__PURE__ */ new Map();
    for (const i of tx.vin) {
      const c = L.viewCoin(hashToHex(i.prevHash), i.prevIndex);
      if (c) view.set(`${hashToHex(i.prevHash)}:${i.prevIndex}`, c);
    }
    let keys = null;
    if (p2.length > 2 && p2[2] !== null) {
      keys = p2[2].map((k) => {
        if (typeof k !== "string") throw new RpcError(RpcCode.MISC_ERROR, "JSON value is not a string as expected");
        const priv = decodeWif(k);
        if (!priv) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, "Invalid private key");
        return keyFromPrivate(priv);
      });
    }
    if (p2.length > 1 && p2[1] !== null) {
      for (const prev of p2[1]) {
        if (!prev || typeof prev !== "object" || Array.isArray(prev)) {
          throw new RpcError(RpcCode.DESERIALIZATION_ERROR, `expected object with {"txid'","vout","scriptPubKey"}`);
        }
        const o = prev;
        for (const [k, t] of [["txid", "string"], ["vout", "number"], ["scriptPubKey", "string"]]) {
          if (typeof o[k] !== t) throw new RpcError(RpcCode.TYPE_ERROR, `Expected type ${t === "number" ? "number" : "string"} for ${k}, got ${o[k] === void 0 ? "null" : typeof o[k] === "number" ? "number" : typeof o[k]}`);
        }
        const txid = parseHash(o.txid, "txid");
        const n = int(o.vout);
        if (n < 0) throw new RpcError(RpcCode.DESERIALIZATION_ERROR, "vout must be positive");
        const script2 = parseHexV(o.scriptPubKey, "scriptPubKey");
        const key = `${txid}:${n}`;
        const known = view.get(key);
        if (known && toHex(known.script) !== toHex(script2)) {
          throw new RpcError(RpcCode.DESERIALIZATION_ERROR, `Previous output scriptPubKey mismatch:
${scriptToAsm(known.script)}
vs:
${scriptToAsm(script2)}`);
        }
        view.set(key, { script: script2, value: "amount" in o ? amountFromValue(o.amount) : 0 });
      }
    }
    let hashType = SIGHASH_ALL;
    if (p2.length > 3 && p2[3] !== null) {
      const t = SIGHASH_TYPES[p2[3]];
      if (t === void 0) throw invalidParam("Invalid sighash param");
      hashType = t;
    }
    if (p2.length > 4 && p2[4] !== null) {
      const s = p2[4];
      const id = /^[0-9a-fA-F]{1,8}$/.test(s) ? parseInt(s, 16) : NaN;
      if (!BRANCH_IDS.has(id)) throw new RpcError(RpcCode.MISC_ERROR, `${s} is not a valid consensus branch id`);
    }
    const single = (hashType & ~SIGHASH_ANYONECANPAY) === SIGHASH_SINGLE;
    const errors = [];
    const errorOf = (i, error) => {
      const input = tx.vin[i];
      errors.push({ txid: hashToHex(input.prevHash), vout: input.prevIndex, scriptSig: toHex(input.script), sequence: input.sequence, error });
    };
    for (let i = 0; i < tx.vin.length; i++) {
      const input = tx.vin[i];
      const coin = view.get(`${hashToHex(input.prevHash)}:${input.prevIndex}`);
      if (!coin) {
        errorOf(i, "Input not found or already spent");
        continue;
      }
      if (!single || i < tx.vout.length) {
        const key = keys ? keys.find((k) => classifyScript(coin.script).addresses[0] === k.address) : ctx.wallet.keyForScript(coin.script);
        if (key && (classifyScript(coin.script).type === "pubkey" || classifyScript(coin.script).type === "pubkeyhash")) signWithKey(tx, i, coin, key, hashType);
      }
      if (input.script.length === 0) {
        const other = variants.slice(1).find((v) => v.vin[i]?.script.length);
        if (other) input.script = other.vin[i].script;
      }
      const full = { txid: hashToHex(input.prevHash), vout: input.prevIndex, value: coin.value, script: coin.script, height: -1, coinbase: false, address: null, cc: classifyScript(coin.script).type === "cryptocondition" };
      const reason = L.verifyInput(tx, i, full, { chain: { params: ctx.dc.params, ledger: L }, height: L.height + 1, spent: [], txid: "" });
      if (reason) errorOf(i, scriptError(reason));
    }
    const r = { hex: toHex(serializeTx(tx)), complete: errors.length === 0 };
    if (errors.length) r.errors = errors;
    return r;
  } }
};

// devchain/rpc/methods/address.ts
init_node();
var invalid = (m) => new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, m);
function addressesFrom(p0) {
  let list;
  if (typeof p0 === "string") list = [p0];
  else if (p0 && typeof p0 === "object" && !Array.isArray(p0)) {
    const a = p0.addresses;
    if (!Array.isArray(a)) throw invalid("Addresses is expected to be an array");
    list = a;
  } else throw invalid("Invalid address");
  return list.map((a) => {
    if (typeof a !== "string" || !decodeAddress(a)) throw invalid("Invalid address");
    return a;
  });
}
function usageCheck(p2, usage4) {
  if (p2.length < 1 || p2.length > 2) throw new RpcError(RpcCode.MISC_ERROR, usage4 + "\n");
}
var snapshot = (list) => list ? list.slice() : [];
function indexes(ctx, p2) {
  const cc = p2.length > 1;
  const L = ctx.dc.ledger;
  return { entries: cc ? L.ccIndex : L.addrIndex, utxos: cc ? L.ccUtxos : L.addrUtxos };
}
var INDEX_SLICE_MS = 2;
var CLOCK_EVERY = 256;
function pacer() {
  let start = performance.now();
  let n = 0;
  return {
    due: () => ++n % CLOCK_EVERY === 0 && performance.now() - start >= INDEX_SLICE_MS,
    rest: async () => {
      await platform.yieldToEventLoop();
      start = performance.now();
    }
  };
}
function byHeight(list) {
  for (let i = 1; i < list.length; i++) {
    if (list[i].height < list[i - 1].height) return list.sort((x, y) => x.height - y.height);
  }
  return list;
}
var addressMethods = {
  getaddressbalance: { category: "addressindex", usage: "getaddressbalance", handler: async (ctx, p2) => {
    usageCheck(p2, "getaddressbalance");
    const addrs = addressesFrom(p2[0]);
    const { entries: entries2 } = indexes(ctx, p2);
    const lists = addrs.map((a) => snapshot(entries2.get(a)));
    const pace = pacer();
    let balance = 0;
    let received = 0;
    for (const list of lists) {
      for (const e of list) {
        if (pace.due()) await pace.rest();
        balance += e.satoshis;
        if (e.satoshis > 0) received += e.satoshis;
      }
    }
    return { balance, received };
  } },
  getaddressutxos: { category: "addressindex", usage: "getaddressutxos", handler: async (ctx, p2) => {
    usageCheck(p2, "getaddressutxos");
    const addrs = addressesFrom(p2[0]);
    const chainInfo = !!(p2[0] && typeof p2[0] === "object" && p2[0].chainInfo === true);
    const { utxos } = indexes(ctx, p2);
    const L = ctx.dc.ledger;
    const tip = { hash: L.tip.hash, height: L.height };
    const coins2 = addrs.map((a) => Array.from(utxos.get(a)?.values() ?? []));
    const list = [];
    const pace = pacer();
    let script2 = null;
    let hex = "";
    for (let k = 0; k < addrs.length; k++) {
      const address = addrs[k];
      for (const c of coins2[k]) {
        if (pace.due()) await pace.rest();
        if (c.script !== script2) {
          script2 = c.script;
          hex = toHex(c.script);
        }
        list.push({ address, txid: c.txid, outputIndex: c.vout, script: hex, satoshis: c.value, height: c.height });
      }
    }
    byHeight(list);
    if (!chainInfo) return list;
    return { utxos: list, hash: tip.hash, height: tip.height };
  } },
  getaddresstxids: { category: "addressindex", usage: "getaddresstxids", handler: async (ctx, p2) => {
    usageCheck(p2, "getaddresstxids");
    const addrs = addressesFrom(p2[0]);
    let start = 0;
    let end = 0;
    if (p2[0] && typeof p2[0] === "object") {
      const o = p2[0];
      if (typeof o.start === "number" && typeof o.end === "number") {
        start = o.start;
        end = o.end;
        if (end < start) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, "End value is expected to be greater than start");
      }
    }
    const { entries: entries2 } = indexes(ctx, p2);
    const lists = addrs.map((a) => snapshot(entries2.get(a)));
    const pace = pacer();
    const found = [];
    for (const list of lists) {
      for (const e of list) {
        if (pace.due()) await pace.rest();
        if (start && end && (e.height < start || e.height > end)) continue;
        found.push(e);
      }
    }
    byHeight(found);
    const seen = /* @__PURE__ */ new Set();
    const out = [];
    for (const f of found) {
      if (pace.due()) await pace.rest();
      if (!seen.has(f.txid)) {
        seen.add(f.txid);
        out.push(f.txid);
      }
    }
    return out;
  } },
  getaddressdeltas: { category: "addressindex", usage: "getaddressdeltas", handler: async (ctx, p2) => {
    if (p2.length < 1 || p2.length > 2 || !p2[0] || typeof p2[0] !== "object" || Array.isArray(p2[0])) throw new RpcError(RpcCode.MISC_ERROR, "getaddressdeltas\n");
    const o = p2[0];
    const chainInfo = o.chainInfo === true;
    let start = 0;
    let end = 0;
    if (typeof o.start === "number" && typeof o.end === "number") {
      start = o.start;
      end = o.end;
      if (start <= 0 || end <= 0) throw invalid("Start and end is expected to be greater than zero");
      if (end < start) throw invalid("End value is expected to be greater than start");
    }
    const addrs = addressesFrom(o);
    const L = ctx.dc.ledger;
    const { entries: entries2 } = indexes(ctx, p2);
    const lists = addrs.map((a) => snapshot(entries2.get(a)));
    const pace = pacer();
    const deltas = [];
    for (let k = 0; k < addrs.length; k++) {
      const a = addrs[k];
      for (const e of lists[k]) {
        if (pace.due()) await pace.rest();
        if (start > 0 && (e.height < start || e.height > end)) continue;
        deltas.push({ satoshis: e.satoshis, txid: e.txid, index: e.index, blockindex: L.txs.get(e.txid)?.index ?? 0, height: e.height, address: a });
      }
    }
    if (!(chainInfo && start > 0)) return deltas;
    if (start > L.height || end > L.height) throw invalid("Start or end is outside chain range");
    return { deltas, start: { hash: L.block(start).hash, height: start }, end: { hash: L.block(end).hash, height: end } };
  } },
  getaddressmempool: { category: "addressindex", usage: "getaddressmempool", handler: (ctx, p2) => {
    usageCheck(p2, "getaddressmempool");
    const want = new Set(addressesFrom(p2[0]));
    const cc = p2.length > 1;
    const L = ctx.dc.ledger;
    const out = [];
    for (const r of L.mempool.values()) {
      r.tx.vin.forEach((input, i) => {
        const prevtxid = hashToHex(input.prevHash);
        const coin = L.viewCoin(prevtxid, input.prevIndex);
        if (coin && coin.address && coin.cc === cc && want.has(coin.address)) {
          out.push({ address: coin.address, txid: r.txid, index: i, satoshis: -coin.value, timestamp: r.time, prevtxid, prevout: input.prevIndex });
        }
      });
      r.tx.vout.forEach((_, n) => {
        const coin = L.mempoolCoins.get(outpointKey(r.txid, n));
        if (coin && coin.address && coin.cc === cc && want.has(coin.address)) {
          out.push({ address: coin.address, txid: r.txid, index: n, satoshis: coin.value, timestamp: r.time });
        }
      });
    }
    return out.sort((a, b) => a.timestamp - b.timestamp);
  } },
  getspentinfo: { category: "addressindex", usage: 'getspentinfo {"txid": "txid", "index": n}', handler: (ctx, p2) => {
    if (p2.length !== 1 || !p2[0] || typeof p2[0] !== "object" || Array.isArray(p2[0])) throw new RpcError(RpcCode.MISC_ERROR, 'getspentinfo {"txid": "txid", "index": n}\n');
    const o = p2[0];
    if (typeof o.txid !== "string" || typeof o.index !== "number") throw invalid("Invalid txid or index");
    const txid = parseHash(o.txid, "txid");
    if (!Number.isInteger(o.index)) throw new RpcError(RpcCode.MISC_ERROR, "JSON value is not an integer as expected");
    const L = ctx.dc.ledger;
    const key = outpointKey(txid, o.index);
    const spender = L.mempoolSpends.get(key);
    if (spender) {
      const index = L.mempool.get(spender).tx.vin.findIndex((i) => outpointKey(hashToHex(i.prevHash), i.prevIndex) === key);
      return { txid: spender, index, height: -1 };
    }
    const info = L.spentIndex.get(key);
    if (!info) throw invalid("Unable to get spent info");
    return { txid: info.txid, index: info.index, height: info.height };
  } }
};

// devchain/rpc/methods/chainReads.ts
init_jsonrpc();
init_hash();
init_bytes();
init_params();
init_amount();
function uint256S(s) {
  const hex = /^(?:0x)?([0-9a-fA-F]*)/.exec(s.trim())[1].toLowerCase();
  return hex.slice(-64).padStart(64, "0");
}
var USAGE_TXOUT = 'gettxout "txid" n ( includemempool )';
var USAGE_HEADER = 'getblockheader "hash" ( verbose )';
var chainReadMethods = {
  gettxout: { category: "blockchain", usage: USAGE_TXOUT, handler: (ctx, p2) => {
    checkCount(p2, 2, 3, USAGE_TXOUT);
    const txid = uint256S(requireString(p2, 0));
    const n = requireInt(p2, 1);
    const mempool = p2.length > 2 ? requireBool(p2, 2) : true;
    const L = ctx.dc.ledger;
    if (n < 0) return null;
    const coin = mempool ? L.findCoin(txid, n) : L.utxos.get(`${txid}:${n}`);
    if (!coin) return null;
    const conf = L.confirmations(coin.height);
    const rec = L.txs.get(txid);
    return {
      bestblock: L.tip.hash,
      confirmations: conf,
      rawconfirmations: conf,
      value: new Amount(coin.value),
      scriptPubKey: scriptPubKeyJSON(coin.script, ctx.dc.modules),
      version: rec?.tx.version ?? 4,
      coinbase: coin.coinbase
    };
  } },
  getblockheader: { category: "blockchain", usage: USAGE_HEADER, handler: (ctx, p2) => {
    checkCount(p2, 1, 2, USAGE_HEADER);
    const hash2 = uint256S(requireString(p2, 0));
    const verbose = p2.length > 1 ? requireBool(p2, 1) : true;
    const L = ctx.dc.ledger;
    const height = L.blockByHash.get(hash2);
    if (height === void 0) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, "Block not found");
    const b = L.block(height);
    const h = b.header;
    if (!verbose) {
      const w = new Writer();
      writeHeader(w, h);
      return toHex(w.finish());
    }
    const conf = L.confirmations(height);
    const e = {
      last_notarized_height: 0,
      hash: b.hash,
      confirmations: conf,
      rawconfirmations: conf,
      height,
      version: h.version,
      merkleroot: hashToHex(h.merkleRoot),
      finalsaplingroot: EMPTY_SAPLING_ROOT,
      time: h.time,
      nonce: hashToHex(h.nonce),
      solution: toHex(h.solution),
      bits: h.bits.toString(16).padStart(8, "0"),
      difficulty: 1,
      chainwork: chainworkHex(height),
      segid: -1
    };
    if (height > 0) e.previousblockhash = L.block(height - 1).hash;
    if (height < L.height) e.nextblockhash = L.block(height + 1).hash;
    return e;
  } },
  getmempoolinfo: { category: "blockchain", usage: "getmempoolinfo", handler: (ctx, p2) => {
    checkCount(p2, 0, 0, "getmempoolinfo");
    const L = ctx.dc.ledger;
    let bytes = 0;
    for (const r of L.mempool.values()) bytes += r.raw.length;
    const info = { size: L.mempool.size, bytes, usage: bytes + 512 * L.mempool.size };
    if (ctx.dc.params.regtest) info.fullyNotified = true;
    return info;
  } },
  coinsupply: { category: "blockchain", usage: "coinsupply <height>", handler: (ctx, p2) => {
    checkCount(p2, 0, 1, "coinsupply <height>");
    const L = ctx.dc.ledger;
    const height = p2.length ? parseInt(requireString(p2, 0), 10) || 0 : L.height;
    if (height < 0 || height > L.height) return { error: "invalid height" };
    const supply = chainValueAt(L, height);
    if (supply <= 0) return { error: "couldnt calculate supply" };
    const r = {
      result: "success",
      coin: ctx.dc.params.name,
      height,
      supply: new Amount(supply),
      zfunds: new Amount(0),
      sprout: new Amount(0),
      total: new Amount(supply)
    };
    const perYear = Math.floor(24 * 3600 * 365 / ctx.dc.params.blocktime);
    if (height > perYear) {
      const [month, quarter, year] = [Math.floor(perYear / 12), Math.floor(perYear / 4), perYear].map((d) => chainValueAt(L, height - d));
      Object.assign(r, {
        lastmonth: new Amount(month),
        monthcoins: new Amount(supply - month),
        lastquarter: new Amount(quarter),
        quartercoins: new Amount(supply - quarter),
        lastyear: new Amount(year),
        yearcoins: new Amount(supply - year),
        inflation: 100 * (supply / year - 1),
        blocksperyear: perYear
      });
    }
    return r;
  } }
};

// devchain/rpc/methods/walletHistory.ts
init_jsonrpc();
init_keys();
init_script();
init_hash();
init_params();
var USAGE_LIST = 'listtransactions ( "account" count from includeWatchonly)';
var USAGE_SENDMANY = 'sendmany "fromaccount" {"address":amount,...} ( minconf "comment" ["address",...] )';
var WTX_KEYS = ["rawconfirmations", "generated", "confirmations", "blockhash", "blockindex", "blocktime", "expiryheight", "txid", "walletconflicts", "time", "timereceived", "vjoinsplit"];
function ordered(ctx) {
  const L = ctx.dc.ledger;
  const pos = (id) => {
    const r = L.txs.get(id);
    return r.height < 0 ? [Number.MAX_SAFE_INTEGER, r.time] : [r.height, r.index === 0 ? Number.MAX_SAFE_INTEGER : r.index];
  };
  return [...walletTxids(ctx)].filter((id) => L.txs.get(id)).sort((a, b) => {
    const [ha, ia] = pos(a);
    const [hb, ib] = pos(b);
    return ha - hb || ia - ib;
  });
}
function entries(ctx, txid, account) {
  const wtx = walletTxJSON(ctx, txid);
  if (!wtx) return [];
  const out = [];
  for (const d of wtx.details) {
    if (account !== "*" && account !== d.account) continue;
    const { size, ...own } = d;
    const e = { ...own };
    for (const k of WTX_KEYS) if (k in wtx) e[k] = wtx[k];
    e.size = size;
    out.push(e);
  }
  return out;
}
var walletHistoryMethods = {
  listtransactions: { category: "wallet", usage: USAGE_LIST, handler: (ctx, p2) => {
    checkCount(p2, 0, 4, USAGE_LIST);
    const account = p2.length > 0 ? requireString(p2, 0) : "*";
    const count = p2.length > 1 ? requireInt(p2, 1) : 10;
    const from = p2.length > 2 ? requireInt(p2, 2) : 0;
    if (p2.length > 3) requireBool(p2, 3);
    if (count < 0) throw new RpcError(RpcCode.INVALID_PARAMETER, "Negative count");
    if (from < 0) throw new RpcError(RpcCode.INVALID_PARAMETER, "Negative from");
    const ret = [];
    const txids = ordered(ctx);
    for (let i = txids.length - 1; i >= 0 && ret.length < count + from; i--) ret.push(...entries(ctx, txids[i], account).reverse());
    const start = Math.min(from, ret.length);
    return ret.slice(start, start + Math.min(count, ret.length - start)).reverse();
  } },
  sendmany: { category: "wallet", usage: USAGE_SENDMANY, handler: async (ctx, p2) => {
    checkCount(p2, 2, 5, USAGE_SENDMANY);
    const account = requireString(p2, 0);
    if (account === "*") throw new RpcError(RpcCode.WALLET_INVALID_ACCOUNT_NAME, "Invalid account name");
    if (!p2[1] || typeof p2[1] !== "object" || Array.isArray(p2[1])) throw new RpcError(RpcCode.MISC_ERROR, "JSON value is not an object as expected");
    const minconf = p2.length > 2 && p2[2] !== null ? requireInt(p2, 2) : 1;
    if (p2.length > 3 && p2[3] !== null) requireString(p2, 3);
    let subtract = [];
    if (p2.length > 4 && p2[4] !== null) {
      if (!Array.isArray(p2[4])) throw new RpcError(RpcCode.MISC_ERROR, "JSON value is not an array as expected");
      subtract = p2[4].map((a) => {
        if (typeof a !== "string") throw new RpcError(RpcCode.MISC_ERROR, "JSON value is not a string as expected");
        return a;
      });
    }
    const outputs = [];
    const subtractFrom = [];
    let total = 0;
    for (const [name, value] of Object.entries(p2[1])) {
      const script2 = decodeAddress(name) ? scriptForAddress(name) : isPubkeyHex(name) ? p2pk(fromHex(name)) : null;
      if (!script2) throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, `Invalid Komodo address or pubkey: ${name}`);
      const sats = amountFromValue(value);
      if (sats <= 0) throw new RpcError(RpcCode.TYPE_ERROR, "Invalid amount for send");
      total += sats;
      if (subtract.includes(name)) subtractFrom.push(outputs.length);
      outputs.push({ value: sats, script: script2 });
    }
    const balance = ctx.wallet.balance({ minconf, trustedMempool: minconf > 0 });
    if (total > balance) throw new RpcError(RpcCode.WALLET_INSUFFICIENT_FUNDS, "Account has insufficient funds");
    const built2 = await ctx.wallet.buildPayment(outputs, DEFAULT_FEE, subtractFrom);
    if (built2 === "too-large") throw new RpcError(RpcCode.WALLET_INSUFFICIENT_FUNDS, "Transaction too large");
    if (!built2) throw new RpcError(RpcCode.WALLET_INSUFFICIENT_FUNDS, "Insufficient funds");
    return ctx.dc.submit(built2.raw, built2.tx, "own");
  } }
};

// devchain/rpc/methods/message.ts
init_jsonrpc();
init_hash();
init_keys();
init_bytes();
init_params();
import { secp256k1 as secp256k12 } from "@noble/curves/secp256k1.js";
import { base64 } from "@scure/base";
var MESSAGE_MAGIC = "Komodo Signed Message:\n";
function messageHash(message) {
  const enc3 = new TextEncoder();
  return sha256d(new Writer().varbytes(enc3.encode(MESSAGE_MAGIC)).varbytes(enc3.encode(message)).finish());
}
function keyAddress(address) {
  const d = decodeAddress(address);
  if (!d) throw new RpcError(RpcCode.TYPE_ERROR, "Invalid address");
  if (d.version !== 60) throw new RpcError(RpcCode.TYPE_ERROR, "Address does not refer to key");
  return address;
}
var USAGE_SIGN2 = 'signmessage "address" "message"';
var USAGE_VERIFY = 'verifymessage "address" "signature" "message"';
var messageMethods = {
  signmessage: { category: "wallet", usage: USAGE_SIGN2, handler: (ctx, p2) => {
    checkCount(p2, 2, 2, USAGE_SIGN2);
    const address = keyAddress(requireString(p2, 0));
    const message = requireString(p2, 1);
    const key = ctx.wallet.keyForAddress(address);
    if (!key) throw new RpcError(RpcCode.WALLET_ERROR, "Private key not available");
    const rec = secp256k12.sign(messageHash(message), key.priv, { prehash: false, format: "recovered" });
    const compact = new Uint8Array(65);
    compact[0] = 27 + rec[0] + 4;
    compact.set(rec.subarray(1), 1);
    return base64.encode(compact);
  } },
  verifymessage: { category: "util", usage: USAGE_VERIFY, handler: (_ctx, p2) => {
    checkCount(p2, 3, 3, USAGE_VERIFY);
    const address = keyAddress(requireString(p2, 0));
    const signature = requireString(p2, 1);
    const message = requireString(p2, 2);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(signature) || signature.length % 4 === 1) {
      throw new RpcError(RpcCode.INVALID_ADDRESS_OR_KEY, "Malformed base64 encoding");
    }
    const sig = base64.decode(signature.padEnd(Math.ceil(signature.length / 4) * 4, "="));
    if (sig.length !== 65 || sig[0] < 27 || sig[0] > 34) return false;
    const recovered = Uint8Array.of(sig[0] - 27 & 3, ...sig.subarray(1));
    try {
      const pub = secp256k12.recoverPublicKey(recovered, messageHash(message), { prehash: false });
      const key = sig[0] >= 31 ? pub : secp256k12.Point.fromBytes(pub).toBytes(false);
      return addressFromPubkey(key) === address;
    } catch {
      return false;
    }
  } }
};

// devchain/rpc/methods/checkpoints.ts
init_jsonrpc();
init_params();
var reply = (c) => ({ checkpoint: String(c.offset), height: c.height, bestblockhash: c.hash });
var checkpointMethods = {
  devchain_checkpoint: { category: "devchain", usage: "devchain_checkpoint", handler: (ctx, p2) => {
    checkCount(p2, 0, 0, "devchain_checkpoint");
    return reply(ctx.dc.checkpoint());
  } },
  devchain_rewind: { category: "devchain", usage: 'devchain_rewind "checkpoint"', handler: async (ctx, p2) => {
    checkCount(p2, 1, 1, 'devchain_rewind "checkpoint"');
    const text = requireString(p2, 0);
    if (!/^\d{1,15}$/.test(text)) throw new RpcError(RpcCode.INVALID_PARAMETER, "checkpoint must be what devchain_checkpoint returned");
    return reply(await ctx.dc.rewind(Number(text)));
  } }
};

// devchain/rpc/dispatch.ts
var CORE = {
  ...controlMethods,
  ...blockchainMethods,
  ...rawtxMethods,
  ...walletMethods,
  ...miningMethods,
  ...addressMethods,
  ...devchainMethods,
  ...rawtransactionMethods,
  ...chainReadMethods,
  ...walletHistoryMethods,
  ...messageMethods,
  ...networkMethods,
  ...checkpointMethods
};
var tables = /* @__PURE__ */ new WeakMap();
function methodTable(dc) {
  let t = tables.get(dc);
  if (t) return t;
  t = new Map(Object.entries(CORE));
  for (const m of dc.modules) {
    for (const [name, fn] of Object.entries(m.rpc)) {
      t.set(name, {
        category: m.category,
        usage: m.usage?.[name] ?? name,
        handler: (ctx, p2) => fn({ node: ctx.node, wallet: ctx.wallet, chain: { params: dc.params, ledger: dc.ledger }, devchain: dc }, p2)
      });
    }
  }
  t.set("help", { category: "control", usage: 'help ( "command" )', handler: (ctx, p2) => help(methodTable(ctx.dc), p2) });
  tables.set(dc, t);
  return t;
}
function help(t, p2) {
  if (p2.length > 1) throw new RpcError(RpcCode.MISC_ERROR, 'help ( "command" )\n');
  if (p2.length === 1) {
    if (typeof p2[0] !== "string") throw new RpcError(RpcCode.MISC_ERROR, "JSON value is not a string as expected");
    const d = t.get(p2[0]);
    return d ? d.usage + "\n" : `help: unknown command: ${p2[0]}`;
  }
  const byCat = /* @__PURE__ */ new Map();
  for (const [name, d] of t) {
    if (name.startsWith("devchain_")) continue;
    if (d.category === "hidden") continue;
    const cat = d.category;
    if (!byCat.has(cat)) byCat.set(cat, []);
    byCat.get(cat).push(d.usage);
  }
  const cats = [...byCat.keys()].sort();
  return cats.map((c) => `== ${c[0].toUpperCase()}${c.slice(1)} ==
` + byCat.get(c).sort().join("\n")).join("\n\n");
}
async function dispatch(dc, node, method, params, signal) {
  const d = methodTable(dc).get(method);
  if (!d) throw new RpcError(RpcCode.METHOD_NOT_FOUND, "Method not found");
  const ctx = { dc, node, wallet: dc.wallet(node), signal };
  return d.handler(ctx, Array.isArray(params) ? params : []);
}

// devchain/core.ts
init_transaction();
init_node();
var NODE_NAMES = ["miner", "reader"];
var GENERATE_CHUNK = 250;
var GENERATE_SLICE_MS = 16;
var RESTORE_SLICE_MS = 16;
var SNAPSHOT_EVERY = 5e3;
var enc2 = new TextEncoder();
var dec = new TextDecoder();
function packStrings(...parts) {
  const bufs = parts.map((p2) => typeof p2 === "string" ? enc2.encode(p2) : p2);
  const out = new Uint8Array(bufs.reduce((a, b) => a + 2 + b.length, 0));
  let o = 0;
  for (const b of bufs) {
    out[o] = b.length & 255;
    out[o + 1] = b.length >> 8;
    out.set(b, o + 2);
    o += 2 + b.length;
  }
  return out;
}
function unpack(body) {
  const out = [];
  let o = 0;
  while (o + 2 <= body.length) {
    const n = body[o] | body[o + 1] << 8;
    out.push(body.subarray(o + 2, o + 2 + n));
    o += 2 + n;
  }
  return out;
}
var SnapshotRestoreFailure = class extends Error {
};
var ReplayFailure = class extends Error {
  constructor(at, what, height) {
    super(what);
    this.at = at;
    this.what = what;
    this.height = height;
  }
  at;
  what;
  height;
};
function randomSeed() {
  return Array.from(platform.randomBytes(32), (b) => b.toString(16).padStart(2, "0")).join("");
}
function storedSeed(metaText) {
  try {
    const meta = JSON.parse(metaText);
    return typeof meta.seed === "string" ? { seed: meta.seed, fixed: meta.seedSource !== "random" } : null;
  } catch {
    return null;
  }
}
var DevchainCore = class _DevchainCore {
  params;
  current;
  walletMap = /* @__PURE__ */ new Map();
  pending = null;
  /** Why the background restore failed: every later use of the state says so. */
  restoreError = null;
  modules;
  seed;
  /**
   * True when the seed was chosen by someone (DEVCHAIN_SEED, an option, or a data directory made
   * before seeds were random): anyone who knows it derives every wallet key, so such a chain must
   * never face the public (server/gateway refuses it).
   */
  seedFixed;
  startedAt = Date.now();
  mining = { mode: "manual", seconds: 0, generate: false, genproclimit: -1 };
  /** The mining mode a chain starts in, before its log says otherwise (a rewind replays from it). */
  startMining;
  /** The record log; null for a memory-only chain. */
  log = null;
  warn;
  snapshotEvery;
  restoreSliceMs;
  /** Height of the last snapshot read or written. */
  snapshotHeight = 0;
  snapshotting = Promise.resolve();
  /** The mining mode the log set (a Mining record), which a snapshot keeps; the env default is not logged. */
  loggedMining = null;
  replaying = false;
  timer = null;
  blockFns = [];
  stopFns = [];
  closed = false;
  /** Serialises state-changing work that yields (generate) so blocks never interleave oddly. */
  queue = Promise.resolve();
  constructor(opts = {}) {
    const env = opts.env ?? platform.env();
    this.params = chainParamsFrom(opts.args ?? [], env);
    if (opts.dataDir !== void 0) this.params.datadir = opts.dataDir;
    const asked = opts.seed ?? env.DEVCHAIN_SEED;
    this.seed = asked ?? randomSeed();
    this.seedFixed = asked !== void 0;
    this.warn = opts.log ?? ((line) => console.warn(line));
    this.snapshotEvery = opts.snapshotEvery ?? SNAPSHOT_EVERY;
    this.restoreSliceMs = opts.restoreSliceMs ?? RESTORE_SLICE_MS;
    this.modules = opts.modules ?? [];
    this.current = new Ledger(this.params, this.modules);
    for (const n of NODE_NAMES) this.walletMap.set(n, new Wallet(n, this.current, this.seed));
    const mode = parseMiningMode(env.DEVCHAIN_MINING);
    if (mode) this.mining = mode;
    this.startMining = this.mining;
    if (this.params.datadir !== null && !opts.storage) {
      throw new Error(`data directory ${this.params.datadir} given without a storage backend: pass \`storage\` (fileStorage from devchain/platform/node/fileStore.ts in Node), or dataDir: null`);
    }
  }
  /** The ledger; replaced whole when the chain is rewound to a checkpoint. Finishes a background restore first. */
  get ledger() {
    if (this.pending || this.restoreError) this.settle();
    return this.current;
  }
  set ledger(ledger) {
    this.current = ledger;
  }
  /** The nodes' wallets. Finishes a background restore first. */
  get wallets() {
    if (this.pending || this.restoreError) this.settle();
    return this.walletMap;
  }
  /** The chain's height, known before a background restore is done. */
  get height() {
    return this.pending ? this.pending.height : this.ledger.height;
  }
  /**
   * Opens the chain's storage (when it has a data directory) and rebuilds the chain from it. A
   * damaged log stops the start (`LogDamagedError`) unless `recover` is set (logIntegrity.ts).
   */
  static async open(opts = {}, ignoreSnapshot = false) {
    const core = new _DevchainCore(opts);
    const store = opts.storage && core.params.datadir !== null ? opts.storage(core.params.datadir) : null;
    try {
      await core.load(store, opts, ignoreSnapshot);
      return core;
    } catch (e) {
      if (e instanceof SnapshotRestoreFailure && store) {
        core.warn(`devchain: ignored the snapshot in ${store.location}: ${e.message}; replaying the whole log`);
        return _DevchainCore.open(opts, true);
      }
      if (!(e instanceof ReplayFailure) || !store) throw e;
      if (!opts.recover) throw new LogDamagedError(damageMessage(store.location, e.at, e.what, e.height), e.at);
      await store.open();
      try {
        await cutLog(store, e.at, e.what, e.height, core.warn);
      } finally {
        await store.close();
      }
      return _DevchainCore.open(opts);
    }
  }
  async load(store, opts, ignoreSnapshot) {
    if (store) await store.open();
    try {
      let records = [];
      let restored = false;
      if (store) {
        if (opts.reset) await store.clear();
        if (ignoreSnapshot) await store.deleteSnapshot();
        const snap = ignoreSnapshot || this.snapshotEvery === false ? null : await this.usableSnapshot(store, !!opts.restoreInBackground);
        const base = { recover: !!opts.recover, warn: this.warn };
        const opened = snap ? await openRecordLog(store, { ...base, from: snap.header.offset, baseHeight: snap.header.height, before: { start: snap.header.lastStart, end: snap.header.offset, crc: snap.header.lastCrc } }, snap.tail) : await openRecordLog(store, { ...base, from: 0, baseHeight: 0 });
        this.log = opened.log;
        records = opened.records;
        const first = records[0];
        const metaText = snap ? snap.header.core.meta : first?.type === 1 /* Meta */ ? dec.decode(first.body) : null;
        const stored = metaText === null ? null : storedSeed(metaText);
        if (stored) this.adoptSeed(stored.seed, stored.fixed);
        if (snap) {
          this.log.snapshotOffset = snap.header.offset;
          if (opts.restoreInBackground && records.length === 0) this.deferRestore(snap, store);
          else this.restore(snap.whole ?? await this.readWhole(snap.head, store));
          restored = true;
        }
      }
      if (restored) this.replay(records, 0);
      else if (records.length) this.replay(records, 1);
      else await this.bootstrap();
    } catch (e) {
      this.log = null;
      await store?.close();
      throw e;
    }
    this.listen();
    this.applyMining();
  }
  listen() {
    this.current.onBlock((b) => this.onBlock(b));
    this.current.onTx((t) => {
      if (!this.replaying) this.log?.append(3 /* Tx */, t.raw);
    });
  }
  meta() {
    const p2 = this.params;
    return JSON.stringify({ name: p2.name, supply: p2.supply, reward: p2.reward, cc: p2.cc, blocktime: p2.blocktime, seed: this.seed, seedSource: this.seedFixed ? "fixed" : "random" });
  }
  /** A fresh chain: node keys, pubkeys set, premine mined to the miner in block 1. */
  async bootstrap() {
    this.log?.append(1 /* Meta */, enc2.encode(this.meta()));
    for (const w of this.wallets.values()) {
      const k = this.newKey(w.node, false);
      this.setPubkey(w.node, k.pubHex);
    }
    const b = this.ledger.mine(this.wallet("miner").miningScript());
    this.log?.append(2 /* Block */, b.raw);
    await this.log?.flush();
  }
  /** The log's meta record (or a snapshot's copy of it) must name this chain. */
  checkMeta(json) {
    const meta = JSON.parse(json);
    const mine = JSON.parse(this.meta());
    if (meta.name !== mine.name || meta.supply !== mine.supply) {
      throw new Error(`${this.params.datadir} holds chain ${meta.name} (supply ${meta.supply}); start with --reset or another -datadir`);
    }
  }
  /** Applies log records from `start`; a whole log (start 1) begins with its meta record. */
  replay(records, start) {
    this.replaying = true;
    try {
      if (start === 1) {
        const [first] = records;
        if (first.type !== 1 /* Meta */) throw this.replayFailure(first, "the log does not start with a meta record");
        this.checkMeta(dec.decode(first.body));
      }
      for (let i = start; i < records.length; i++) {
        try {
          this.apply(records[i]);
        } catch (e) {
          throw this.replayFailure(records[i], `it cannot be replayed (${e instanceof Error ? e.message : String(e)})`);
        }
      }
    } finally {
      this.replaying = false;
    }
  }
  replayFailure(r, why) {
    const at = r.end - 9 - r.body.length;
    return new ReplayFailure(at, `the ${recordTypeName(r.type)} record there is intact but ${why}`, this.ledger.height);
  }
  /** Applies one log record (replay). */
  apply(r) {
    if (r.type === 2 /* Block */) this.ledger.connectRaw(r.body);
    else if (r.type === 3 /* Tx */) {
      try {
        this.ledger.accept(r.body, parseTx(r.body), { trusted: true });
      } catch {
      }
    } else if (r.type === 4 /* Key */) {
      const [node, priv, flag] = unpack(r.body);
      this.walletOrCreate(dec.decode(node)).addKey(new Uint8Array(priv), flag?.[0] === 1);
    } else if (r.type === 5 /* Pubkey */) {
      const [node, pub] = unpack(r.body);
      this.walletOrCreate(dec.decode(node)).pubkey = dec.decode(pub) || null;
    } else if (r.type === 6 /* Mining */) {
      this.applyLoggedMining(dec.decode(r.body));
    }
  }
  /** The seed of a chain read from disk; its wallets are still empty, so they are made anew with it. */
  adoptSeed(seed, fixed) {
    this.seed = seed;
    this.seedFixed = fixed;
    for (const n of NODE_NAMES) this.walletMap.set(n, new Wallet(n, this.current, seed));
  }
  applyLoggedMining(text) {
    const m = parseMiningMode(text);
    if (!m) return;
    this.mining = m;
    this.loggedMining = text;
  }
  // ── snapshots (chain/snapshot.ts) ──────────────────────────────────────────────────────────
  /**
   * The stored snapshot when it is intact and the log still holds the record it ends at; else null
   * (the reason is logged, the snapshot deleted, and the whole log is replayed). With `headOnly` and
   * a store that reads ranges, only the snapshot's header is read and checked (by its own CRC): the
   * rest is read and checked by `readWhole` or a background restore.
   */
  async usableSnapshot(store, headOnly) {
    let why;
    try {
      let whole = null;
      let head = null;
      if (headOnly && store.readSnapshotRange) {
        let first = await store.readSnapshotRange(0, SNAPSHOT_HEAD_READ);
        if (!first) return null;
        let opened = openSnapshotHead(first);
        if (typeof opened === "number") {
          first = await store.readSnapshotRange(0, opened) ?? new Uint8Array(0);
          opened = openSnapshotHead(first);
          if (typeof opened === "number") throw new SnapshotError(`it holds ${first.length} bytes, too few for its header`);
        }
        head = opened;
      }
      if (!head) {
        const bytes = await store.readSnapshot();
        if (!bytes) return null;
        whole = openSnapshot(bytes);
      }
      const header = (head ?? whole).header;
      const { offset, lastStart, lastCrc } = header;
      const log = await store.readLog(lastStart);
      const view = new DataView(log.buffer, log.byteOffset, log.byteLength);
      if (recordAt(log, view, 0) === offset - lastStart && view.getUint32(4, true) === lastCrc) {
        this.checkMeta(header.core.meta);
        return { header, whole, head, tail: log.subarray(offset - lastStart) };
      }
      why = `the log no longer holds the record it ends at (byte ${offset})`;
    } catch (e) {
      if (!(e instanceof SnapshotError)) throw e;
      why = e.message;
    }
    this.warn(`devchain: ignored the snapshot in ${store.location}: ${why}; replaying the whole log`);
    await store.deleteSnapshot();
    return null;
  }
  /** A snapshot whose header alone was checked, read and checked whole; a damaged one makes the start replay the whole log. */
  async readWhole(head, store) {
    try {
      return openSnapshotWith(head, await this.readSnapshotBytes(store));
    } catch (e) {
      throw new SnapshotRestoreFailure(e instanceof Error ? e.message : String(e));
    }
  }
  /** The whole snapshot, as its header said how long it is; a store without it gives none. */
  async readSnapshotBytes(store) {
    const bytes = await store.readSnapshot();
    if (!bytes) throw new SnapshotError("it was deleted while the chain started");
    return bytes;
  }
  restore(snap) {
    let mempool;
    try {
      mempool = snap.restore(this.current);
    } catch (e) {
      throw new SnapshotRestoreFailure(e instanceof Error ? e.message : String(e));
    }
    this.restoreRest(snap.header, mempool);
  }
  /** After the ledger: the wallets, the mining mode and the mempool, as the snapshot kept them. */
  restoreRest(header, mempool) {
    for (const w of header.core.wallets) {
      const wallet = this.walletOrCreate(w.node);
      for (const k of w.keys) wallet.addKey(platform.fromHex(k.priv), k.labeled).created = k.created;
      wallet.pubkey = w.pubkey;
    }
    if (header.core.mining) this.applyLoggedMining(header.core.mining);
    this.replaying = true;
    try {
      for (const raw of mempool) this.current.accept(raw, parseTx(raw), { trusted: true });
    } finally {
      this.replaying = false;
    }
    this.snapshotHeight = header.height;
  }
  /**
   * Restores the snapshot in the background (open returns first): the rest of a snapshot whose
   * header alone was read is read without blocking, checked a few MB per turn of the event loop,
   * then restored in slices. A snapshot that fails its checksum is deleted and the whole log is
   * replayed instead, as a start does with one; one that passed its checksum but cannot be restored
   * is deleted, and from then on every use of the state fails with a message asking for a restart
   * (which replays the whole log).
   */
  deferRestore(snap, store) {
    const { header } = snap;
    if (header.core.mining) this.applyLoggedMining(header.core.mining);
    const self = this;
    function* steps(restore) {
      try {
        const mempool = yield* restore;
        self.restoreRest(header, mempool);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        self.warn(`devchain: the snapshot in ${store.location} passed its checksum but could not be restored: ${why}; it is deleted, and a restart replays the whole log`);
        void store.deleteSnapshot().catch(() => void 0);
        self.restoreError = new RpcError(RpcCode.MISC_ERROR, `devchain: the snapshot could not be restored (${why}); restart the chain: it will replay the whole log`);
      }
    }
    const pending = { height: header.height, tip: header.tip, nodes: header.core.wallets.map((w) => w.node), loaded: Promise.resolve(), steps: null };
    const load = async () => {
      if (snap.whole) {
        pending.steps = steps(snap.whole.restoreSteps(this.current));
        return;
      }
      let checked;
      try {
        checked = snap.head.checkSteps(await this.readSnapshotBytes(store));
        for (let r = checked.next(); ; r = checked.next()) {
          if (r.done) {
            pending.steps = steps(r.value.restoreSteps(this.current));
            return;
          }
          await platform.yieldToEventLoop();
        }
      } catch (e) {
        if (!(e instanceof SnapshotError)) throw e;
        await this.replayWholeLog(store, e.message);
      }
    };
    pending.loaded = load().catch((e) => {
      this.pending = null;
      this.restoreError = new RpcError(RpcCode.MISC_ERROR, `devchain: the chain could not be loaded (${e instanceof Error ? e.message : String(e)}); restart it`);
    });
    this.pending = pending;
    void this.restoreInSlices();
  }
  /**
   * A snapshot found damaged after a start answered from its header: the whole log is replayed into
   * the still-empty state (the log after the snapshot's offset is empty, or the restore would not
   * have been deferred), as a start does when its snapshot is damaged.
   */
  async replayWholeLog(store, why) {
    this.warn(`devchain: ignored the snapshot in ${store.location}: ${why}; replaying the whole log`);
    await store.deleteSnapshot();
    if (this.log) this.log.snapshotOffset = 0;
    const bytes = await store.readLog(0);
    const { records, good } = scanRecords(bytes);
    this.pending = null;
    if (good !== bytes.length || records.length === 0) {
      this.restoreError = new RpcError(RpcCode.MISC_ERROR, `devchain: the log in ${store.location} is damaged before the snapshot's offset (byte ${good}); restart the chain (see --recover)`);
      return;
    }
    this.replay(records, 1);
  }
  /** Runs the pending restore a slice at a time, yielding to the event loop (and its callers) between slices. */
  async restoreInSlices() {
    await this.pending?.loaded;
    while (this.pending?.steps && !this.closed) {
      await platform.yieldToEventLoop();
      const started = performance.now();
      while (this.pending?.steps && !this.closed && performance.now() - started < this.restoreSliceMs) {
        if (this.pending.steps.next().done) this.pending = null;
      }
    }
  }
  /** Finishes a background restore now; throws when it failed, or while its snapshot is still being read. */
  settle() {
    const p2 = this.pending;
    if (p2?.steps) {
      this.pending = null;
      drain(p2.steps);
    } else if (p2) {
      throw new RpcError(RpcCode.IN_WARMUP, "Loading block index...");
    }
    if (this.restoreError) throw this.restoreError;
  }
  coreState() {
    return {
      meta: this.meta(),
      mining: this.loggedMining ?? "",
      wallets: [...this.wallets.values()].map((w) => ({
        node: w.node,
        pubkey: w.pubkey,
        keys: w.keys.map((k) => ({ priv: platform.toHex(k.priv), labeled: k.labeled, created: k.created }))
      }))
    };
  }
  /** Writes a snapshot of the state as the log stands now (after a flush), one at a time; false when nothing was new. */
  writeSnapshot() {
    const log = this.log;
    if (!log || this.snapshotEvery === false) return Promise.resolve(false);
    const run = async () => {
      const written = await log.saveSnapshot((cover, out) => writeSnapshotTo(this.ledger, this.coreState(), cover, out));
      if (written) this.snapshotHeight = this.ledger.height;
      return written;
    };
    const p2 = this.snapshotting.then(run);
    this.snapshotting = p2.catch((e) => this.warn(`devchain: could not write a snapshot: ${e instanceof Error ? e.message : String(e)}`));
    return p2;
  }
  /** After a state change: a snapshot once `snapshotEvery` blocks were added since the last one. */
  maybeSnapshot() {
    if (this.snapshotEvery && this.ledger.height - this.snapshotHeight >= this.snapshotEvery) void this.writeSnapshot().catch(() => void 0);
  }
  walletOrCreate(node) {
    let w = this.walletMap.get(node);
    if (!w) this.walletMap.set(node, w = new Wallet(node, this.current, this.seed));
    return w;
  }
  onBlock(b) {
    if (this.replaying) return;
    this.log?.append(2 /* Block */, b.raw);
    const ev = { height: b.height, hash: b.hash };
    for (const fn of this.blockFns) fn(ev);
  }
  /** The nodes' names, known before a background restore is done. */
  get nodes() {
    const names = [...this.walletMap.keys()];
    if (this.pending) {
      for (const n of this.pending.nodes) if (!names.includes(n)) names.push(n);
    }
    return names;
  }
  wallet(node) {
    const w = this.wallets.get(node);
    if (!w) throw new RpcError(RpcCode.INVALID_PARAMETER, `Unknown node: ${node}`);
    return w;
  }
  newKey(node, labeled) {
    const w = this.wallet(node);
    const k = w.deriveKey(labeled);
    this.log?.append(4 /* Key */, packStrings(node, k.priv, Uint8Array.of(labeled ? 1 : 0)));
    return k;
  }
  /** Adds a fresh key to a node (devchain_resetidentity uses it with setPubkey). */
  setPubkey(node, pubHex) {
    this.wallet(node).pubkey = pubHex;
    this.log?.append(5 /* Pubkey */, packStrings(node, pubHex));
  }
  // ── transactions and blocks ────────────────────────────────────────────────────────────────
  /**
   * Accepts a tx into the mempool (mining a block right away in automine mode). `own` = built and
   * signed by a node wallet just now: the signature checks are skipped, CC rules still apply.
   */
  async submit(raw, tx, origin = "external") {
    const txid = origin === "own" ? this.ledger.accept(raw, tx, { scriptsChecked: true }) : await this.ledger.acceptAsync(raw, tx);
    if (this.mining.mode === "automine" && this.ledger.mempool.has(txid)) this.ledger.mine(this.wallet("miner").miningScript());
    return txid;
  }
  /**
   * Mines n blocks paying `node`, yielding to the event loop every few milliseconds (other calls
   * are answered meanwhile) and stopping there once `signal` aborts (its caller left).
   */
  generate(node, n, signal) {
    const run = async () => {
      await this.pending?.loaded;
      const script2 = this.wallet(node).miningScript();
      const hashes = [];
      let sliceStart = performance.now();
      for (let i = 0; i < n; i++) {
        if (i > 0 && i % GENERATE_CHUNK === 0) await this.log?.flush();
        if (i > 0 && performance.now() - sliceStart > GENERATE_SLICE_MS) {
          await platform.yieldToEventLoop();
          sliceStart = performance.now();
        }
        if (signal?.aborted) {
          await this.log?.flush();
          throw new RpcError(RpcCode.MISC_ERROR, `generate cancelled after ${i} blocks`);
        }
        hashes.push(this.ledger.mine(script2).hash);
      }
      await this.log?.flush();
      this.maybeSnapshot();
      return hashes;
    };
    const p2 = this.queue.then(run);
    this.queue = p2.catch(() => void 0);
    return p2;
  }
  setMining(state) {
    this.mining = state;
    this.loggedMining = state.mode === "interval" ? `interval:${state.seconds}` : state.mode;
    this.log?.append(6 /* Mining */, enc2.encode(this.loggedMining));
    this.applyMining();
  }
  applyMining() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.mining.mode === "interval" && !this.closed) {
      this.timer = setInterval(() => {
        void this.generate("miner", 1).catch(() => void 0);
      }, this.mining.seconds * 1e3);
      this.timer.unref?.();
    }
  }
  // ── calls ──────────────────────────────────────────────────────────────────────────────────
  async call(node, method, params, opts) {
    if (this.closed) throw new RpcError(RpcCode.MISC_ERROR, "devchain is closed");
    if (this.pending && params.length === 0 && this.walletMap.has(node)) {
      if (method === "getblockcount") return this.pending.height;
      if (method === "getbestblockhash") return this.pending.tip;
    }
    if (this.pending) await this.pending.loaded;
    try {
      return await dispatch(this, node, method, params, opts?.signal);
    } finally {
      if (this.log?.dirty) {
        await this.log.flush();
        this.maybeSnapshot();
      }
    }
  }
  on(event, fn) {
    if (event === "block") this.blockFns.push(fn);
  }
  onStop(fn) {
    this.stopFns.push(fn);
  }
  requestStop() {
    void platform.yieldToEventLoop().then(() => {
      for (const fn of this.stopFns) fn();
    });
  }
  // ── checkpoints ────────────────────────────────────────────────────────────────────────────
  checkpointLog() {
    if (!this.log) throw new RpcError(RpcCode.MISC_ERROR, "checkpoints need a chain kept in a data directory; this one is memory-only");
    return this.log;
  }
  /**
   * Where the chain stands now, as a log offset (records not yet flushed included): everything a later
   * call changes is appended after it, so cutting the log there and replaying gives this state back.
   */
  checkpoint() {
    return { offset: this.checkpointLog().size, height: this.ledger.height, hash: this.ledger.tip.hash };
  }
  /** Puts the chain back where it stood at `offset` (a checkpoint): the log is cut there and replayed. */
  rewind(offset) {
    const run = async () => {
      const log = this.checkpointLog();
      await log.flush();
      const { records } = scanRecords(await log.store.readLog(0));
      const firstBlock = records.findIndex((r) => r.type === 2 /* Block */);
      const at = records.findIndex((r) => r.end === offset);
      if (firstBlock < 0 || at < firstBlock) throw new RpcError(RpcCode.INVALID_PARAMETER, "not a checkpoint of this chain");
      await log.truncate(offset);
      await log.store.deleteSnapshot();
      log.snapshotOffset = 0;
      this.snapshotHeight = 0;
      this.loggedMining = null;
      this.ledger = new Ledger(this.params, this.modules);
      this.wallets.clear();
      for (const n of NODE_NAMES) this.wallets.set(n, new Wallet(n, this.ledger, this.seed));
      this.mining = this.startMining;
      this.replay(records.slice(0, at + 1), 1);
      this.listen();
      this.applyMining();
      return this.checkpoint();
    };
    const p2 = this.queue.then(run);
    this.queue = p2.catch(() => void 0);
    return p2;
  }
  async close() {
    if (this.closed) return;
    await this.pending?.loaded;
    await this.queue;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.snapshotEvery !== false) await this.writeSnapshot().catch(() => void 0);
    await this.snapshotting;
    await this.log?.close();
  }
};

// devchain/chain/store.ts
var StoreLockedError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "StoreLockedError";
  }
};

// devchain/index.ts
init_amount();
async function createDevchain(opts = {}) {
  const core = await DevchainCore.open(opts);
  return {
    params: core.params,
    seedFixed: core.seedFixed,
    get nodes() {
      return core.nodes;
    },
    call: (node, method, params, opts2) => core.call(node, method, params, opts2),
    on: (event, fn) => core.on(event, fn),
    close: () => core.close()
  };
}

// server/chainEnv.ts
import fs from "node:fs";
import path from "node:path";
var CHAIN_ENV_FILE = path.resolve(import.meta.dirname, "../deploy/chain.env");
var FLAGS = [["AC_NAME", "ac_name"], ["AC_SUPPLY", "ac_supply"], ["AC_REWARD", "ac_reward"], ["AC_CC", "ac_cc"]];
function parseEnvFile(text) {
  const out = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m && !line.trimStart().startsWith("#")) out[m[1]] = m[2].trim();
  }
  return out;
}
function chainArgs(env = process.env, file = CHAIN_ENV_FILE) {
  const values = { ...parseEnvFile(fs.readFileSync(file, "utf8")) };
  for (const [key] of FLAGS) if (env[key] !== void 0) values[key] = env[key];
  return FLAGS.filter(([key]) => values[key] && !(key === "AC_REWARD" && values[key] === "0")).map(([key, flag]) => `-${flag}=${values[key]}`);
}

// devchain/platform/node/fileStore.ts
import { closeSync as closeSync2, copyFileSync, existsSync as existsSync2, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync as openSync2, readSync, renameSync as renameSync2, rmSync as rmSync2, writeSync as writeSync2 } from "node:fs";
import { join as join2 } from "node:path";
import { createRequire as createRequire2 } from "node:module";

// devchain/platform/node/dirLock.ts
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
var LOCK_FILE = "LOCK";
function readHolder(path3) {
  try {
    const h = JSON.parse(readFileSync(path3, "utf8"));
    return typeof h.pid === "number" && typeof h.host === "string" ? { pid: h.pid, host: h.host, started: String(h.started ?? "?"), command: String(h.command ?? "?") } : null;
  } catch {
    return null;
  }
}
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
function isStale(h) {
  return h.host === hostname() && (h.pid === process.pid || !isRunning(h.pid));
}
var sameHolder = (a, b) => !a || !b ? a === b : a.pid === b.pid && a.host === b.host && a.started === b.started;
function isEmpty(path3) {
  try {
    return statSync(path3).size === 0;
  } catch {
    return false;
  }
}
function takeOverStale(path3, stale) {
  const aside = `${path3}.stale.${process.pid}`;
  try {
    renameSync(path3, aside);
  } catch (e) {
    if (e.code === "ENOENT") return;
    throw e;
  }
  if (!sameHolder(readHolder(aside), stale)) {
    try {
      linkSync(aside, path3);
    } catch {
    }
  }
  rmSync(aside, { force: true });
}
function acquireDirLock(dir) {
  const path3 = join(dir, LOCK_FILE);
  const me = { pid: process.pid, host: hostname(), started: (/* @__PURE__ */ new Date()).toISOString(), command: process.argv.slice(1).join(" ") };
  const tmp = join(dir, `${LOCK_FILE}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, JSON.stringify(me) + "\n");
  } finally {
    closeSync(fd);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(tmp, path3);
        break;
      } catch (e) {
        if (e.code !== "EEXIST" || attempt >= 3) throw e;
      }
      if (isEmpty(path3)) {
        takeOverStale(path3, null);
        continue;
      }
      const holder = readHolder(path3);
      if (holder && !isStale(holder)) {
        throw new StoreLockedError(
          `devchain: ${dir} is in use by another devchain: pid ${holder.pid} on ${holder.host}, started ${holder.started} (${holder.command}). Stop that process, or give this one another -datadir. If that process is gone for sure, delete ${path3}.`
        );
      }
      if (!holder) {
        throw new StoreLockedError(`devchain: ${dir} is locked by ${path3}, which does not say who holds it. If no other devchain uses ${dir}, delete that file.`);
      }
      takeOverStale(path3, holder);
    }
  } finally {
    rmSync(tmp, { force: true });
  }
  return {
    path: path3,
    release() {
      if (sameHolder(readHolder(path3), me)) rmSync(path3, { force: true });
    }
  };
}

// devchain/platform/node/fileStore.ts
var LOG = "chain.log";
var SNAPSHOT = "snapshot.bin";
function writeAll(fd, bytes) {
  let written = 0;
  while (written < bytes.length) written += writeSync2(fd, bytes, written);
}
function syncDir(dir) {
  let fd = -1;
  try {
    fd = openSync2(dir, "r");
    fsyncSync(fd);
  } catch {
  } finally {
    if (fd >= 0) closeSync2(fd);
  }
}
var FileStore = class {
  constructor(dir) {
    this.dir = dir;
    this.location = dir;
    this.logPath = join2(dir, LOG);
    this.snapshotPath = join2(dir, SNAPSHOT);
  }
  dir;
  location;
  logPath;
  snapshotPath;
  fd = -1;
  lock = null;
  async open() {
    mkdirSync(this.dir, { recursive: true });
    this.lock = acquireDirLock(this.dir);
    try {
      this.openLog();
    } catch (e) {
      this.lock.release();
      this.lock = null;
      throw e;
    }
  }
  openLog() {
    const created = !existsSync2(this.logPath);
    this.fd = openSync2(this.logPath, "a+");
    if (created) syncDir(this.dir);
  }
  async logSize() {
    return fstatSync(this.fd).size;
  }
  async readLog(offset) {
    const size = fstatSync(this.fd).size;
    const out = new Uint8Array(Math.max(0, size - offset));
    let got = 0;
    while (got < out.length) {
      const n = readSync(this.fd, out, got, out.length - got, offset + got);
      if (n === 0) break;
      got += n;
    }
    return got === out.length ? out : out.subarray(0, got);
  }
  async appendLog(bytes) {
    writeAll(this.fd, bytes);
    fsyncSync(this.fd);
  }
  async truncateLog(size) {
    ftruncateSync(this.fd, size);
    fsyncSync(this.fd);
  }
  async backupLog() {
    const stamp = (/* @__PURE__ */ new Date()).toISOString().replace(/[:.]/g, "-");
    const path3 = join2(this.dir, `${LOG}.${stamp}.bak`);
    copyFileSync(this.logPath, path3);
    const fd = openSync2(path3, "r+");
    try {
      fsyncSync(fd);
    } finally {
      closeSync2(fd);
    }
    syncDir(this.dir);
    return path3;
  }
  /**
   * Read off the event loop (the thread pool): a long chain's snapshot is tens of MB, read while a
   * start that answered from its header serves calls.
   */
  async readSnapshot() {
    let file;
    try {
      const { open } = createRequire2(import.meta.url)("node:fs/promises");
      file = await open(this.snapshotPath, "r");
    } catch (e) {
      if (e.code === "ENOENT") return null;
      throw e;
    }
    try {
      const out = Buffer.allocUnsafe((await file.stat()).size);
      let got = 0;
      while (got < out.length) {
        const { bytesRead } = await file.read(out, got, out.length - got, got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return new Uint8Array(out.buffer, out.byteOffset, got);
    } finally {
      await file.close();
    }
  }
  /** The snapshot's first bytes, read at once (a start's first answer waits on them). */
  async readSnapshotRange(start, end) {
    let fd;
    try {
      fd = openSync2(this.snapshotPath, "r");
    } catch (e) {
      if (e.code === "ENOENT") return null;
      throw e;
    }
    try {
      const out = new Uint8Array(Math.max(0, Math.min(end, fstatSync(fd).size) - start));
      let got = 0;
      while (got < out.length) {
        const n = readSync(fd, out, got, out.length - got, start + got);
        if (n === 0) break;
        got += n;
      }
      return out.subarray(0, got);
    } finally {
      closeSync2(fd);
    }
  }
  async writeSnapshot(bytes) {
    const tmp = `${this.snapshotPath}.tmp`;
    const fd = openSync2(tmp, "w");
    try {
      writeAll(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync2(fd);
    }
    renameSync2(tmp, this.snapshotPath);
    syncDir(this.dir);
  }
  /** Writes to the temporary file as the parts come, then fsync and rename, as `writeSnapshot`. */
  beginSnapshot() {
    const tmp = `${this.snapshotPath}.tmp`;
    let fd = openSync2(tmp, "w");
    const close = () => {
      if (fd >= 0) closeSync2(fd);
      fd = -1;
    };
    return {
      write: (part) => writeAll(fd, part),
      finish: async (first) => {
        try {
          let done = 0;
          while (done < first.length) done += writeSync2(fd, first, done, first.length - done, done);
          fsyncSync(fd);
        } catch (e) {
          close();
          rmSync2(tmp, { force: true });
          throw e;
        }
        close();
        renameSync2(tmp, this.snapshotPath);
        syncDir(this.dir);
      },
      abort: () => {
        close();
        rmSync2(tmp, { force: true });
      }
    };
  }
  async deleteSnapshot() {
    if (!existsSync2(this.snapshotPath)) return;
    rmSync2(this.snapshotPath, { force: true });
    syncDir(this.dir);
  }
  async clear() {
    await this.deleteSnapshot();
    if (this.fd >= 0) closeSync2(this.fd);
    rmSync2(this.logPath, { force: true });
    this.openLog();
  }
  async close() {
    if (this.fd >= 0) closeSync2(this.fd);
    this.fd = -1;
    this.lock?.release();
    this.lock = null;
  }
};
var fileStorage = (dataDir) => new FileStore(dataDir);

// modules/index.ts
var modules_exports = {};
__export(modules_exports, {
  assets: () => assets,
  channels: () => channels,
  faucet: () => faucet,
  heir: () => heir,
  oracles: () => oracles,
  rewards: () => rewards,
  tokens: () => tokens
});
init_spec();
init_spec2();
init_spec3();
init_spec4();
init_spec5();
init_spec6();
init_spec7();

// modules/registry.ts
var MODULES = Object.values(modules_exports).sort((a, b) => a.id.localeCompare(b.id));
var MODULE_STRINGS = Object.assign({}, ...MODULES.map((m) => m.strings));

// import("./**/*/rules.ts") in modules/loadRules.ts
var globImport_rules_ts = __glob({
  "./assets/rules.ts": () => Promise.resolve().then(() => (init_rules2(), rules_exports2)),
  "./channels/rules.ts": () => Promise.resolve().then(() => (init_rules3(), rules_exports3)),
  "./faucet/rules.ts": () => Promise.resolve().then(() => (init_rules4(), rules_exports4)),
  "./heir/rules.ts": () => Promise.resolve().then(() => (init_rules5(), rules_exports5)),
  "./oracles/rules.ts": () => Promise.resolve().then(() => (init_rules6(), rules_exports6)),
  "./rewards/rules.ts": () => Promise.resolve().then(() => (init_rules7(), rules_exports7)),
  "./tokens/rules.ts": () => Promise.resolve().then(() => (init_rules(), rules_exports))
});

// modules/loadRules.ts
async function loadModuleRules() {
  return Promise.all(MODULES.map(async (m) => (await globImport_rules_ts(`./${m.id}/rules.ts`)).rules));
}

// protocol/catalog.ts
init_methodSpec();
init_methodSpec();
var CORE_METHODS = [
  // ── control / util ─────────────────────────────────────────────────────────────────────────
  {
    name: "help",
    category: "control",
    safety: "read",
    summary: "List every command, or show the usage of one.",
    params: [p("command", "string", "The command to explain.", { optional: true, example: "getinfo" })],
    result: "string"
  },
  {
    name: "getinfo",
    category: "control",
    safety: "read",
    summary: "Node, wallet and chain parameters in one object.",
    params: [],
    result: "object: version, blocks, name, p2pport, rpcport, magic, premine, pubkey, \u2026"
  },
  {
    name: "stop",
    category: "control",
    safety: "never",
    summary: "Stop the node.",
    params: [],
    result: 'string "<NAME> server stopping"'
  },
  {
    name: "validateaddress",
    category: "util",
    safety: "read",
    summary: "Check an address and tell whether this node owns it.",
    params: [p("address", "string", "The address to check.", { format: "address" })],
    result: "object: isvalid, address, scriptPubKey, segid, ismine, iswatchonly, isscript, pubkey, iscompressed, account"
  },
  // ── blockchain ─────────────────────────────────────────────────────────────────────────────
  {
    name: "getblockchaininfo",
    category: "blockchain",
    safety: "read",
    summary: "State of the chain: height, best block, value pools, upgrades.",
    params: [],
    result: "object: chain, blocks, synced, headers, bestblockhash, difficulty, \u2026"
  },
  {
    name: "getblockcount",
    category: "blockchain",
    safety: "read",
    summary: "Height of the best chain.",
    params: [],
    result: "int"
  },
  {
    name: "getbestblockhash",
    category: "blockchain",
    safety: "read",
    summary: "Hash of the tip block.",
    params: [],
    result: "hex string"
  },
  {
    name: "getblockhash",
    category: "blockchain",
    safety: "read",
    summary: "Hash of the block at a height.",
    params: [p("height", "int", "Block height.", { example: 1 })],
    result: "hex string"
  },
  {
    name: "getblock",
    category: "blockchain",
    safety: "read",
    heavy: true,
    summary: "A block by hash or by height (the height is a string).",
    params: [
      p("hash|height", "string", "Block hash, or height as a string.", { format: "height-or-hash", example: "1" }),
      p("verbosity", "int", "0 = hex, 1 = object with txids, 2 = object with decoded transactions.", { optional: true, example: 1 })
    ],
    result: "object (verbosity 1/2) or hex string (0)"
  },
  {
    name: "getblockheader",
    category: "blockchain",
    safety: "read",
    summary: "A block header by hash, decoded or as hex.",
    params: [
      p("hash", "string", "Block hash.", { format: "txid" }),
      p("verbose", "bool", "false = hex of the serialized header.", { optional: true, example: true })
    ],
    result: "object: hash, confirmations, height, version, merkleroot, time, nonce, solution, bits, difficulty, chainwork, \u2026"
  },
  {
    name: "gettxout",
    category: "blockchain",
    safety: "read",
    summary: "An unspent output, or null once it is spent.",
    params: [
      p("txid", "string", "Transaction id.", { format: "txid" }),
      p("n", "int", "Output index.", { example: 0 }),
      p("includemempool", "bool", "Count the mempool (default true).", { optional: true })
    ],
    result: "object: bestblock, confirmations, rawconfirmations, value, scriptPubKey, version, coinbase; or null"
  },
  {
    name: "getmempoolinfo",
    category: "blockchain",
    safety: "read",
    summary: "Size of the mempool in transactions and bytes.",
    params: [],
    result: "object: size, bytes, usage"
  },
  {
    name: "coinsupply",
    category: "blockchain",
    safety: "read",
    summary: "Coins in existence at a height (the height is a string).",
    params: [p("height", "string", "Height, as a string; the tip when omitted.", { optional: true, format: "integer", example: "1" })],
    result: "object: result, coin, height, supply, zfunds, sprout, total"
  },
  {
    name: "getrawmempool",
    category: "blockchain",
    safety: "read",
    heavy: true,
    summary: "Txids waiting in the mempool.",
    params: [p("verbose", "bool", "Objects instead of txids.", { optional: true })],
    result: "array of txids"
  },
  // ── raw transactions ───────────────────────────────────────────────────────────────────────
  {
    name: "getrawtransaction",
    category: "rawtransactions",
    safety: "read",
    summary: "A transaction by txid, as hex or decoded.",
    params: [
      p("txid", "string", "Transaction id.", { format: "txid" }),
      p("verbose", "int", "0 = hex, 1 = decoded object.", { optional: true, example: 1 })
    ],
    result: "hex string, or object with hex, txid, vin, vout, blockhash, confirmations, \u2026"
  },
  {
    name: "decoderawtransaction",
    category: "rawtransactions",
    safety: "read",
    summary: "Decode a raw transaction without broadcasting it.",
    params: [p("hexstring", "string", "Serialized transaction.", { format: "hex" })],
    result: "object: txid, overwintered, version, versiongroupid, locktime, expiryheight, vin, vout, \u2026"
  },
  {
    name: "sendrawtransaction",
    category: "rawtransactions",
    safety: "broadcast",
    summary: "Validate and relay a signed transaction.",
    params: [
      p("hexstring", "string", "Signed transaction.", { format: "hex" }),
      p("allowhighfees", "bool", "Allow a fee above the high-fee limit.", { optional: true })
    ],
    result: "txid string"
  },
  {
    name: "createrawtransaction",
    category: "rawtransactions",
    safety: "read",
    summary: "Build an unsigned transaction from inputs and outputs (nothing is signed or sent).",
    params: [
      p("inputs", "array", '[{"txid":"\u2026","vout":n,"sequence":n}]: the outputs to spend.', { example: [] }),
      p("outputs", "object", '{"R-address": amount, "data": "hex"}: payments, and one OP_RETURN.', { example: {} }),
      p("locktime", "int", "Lock time: a height below 500,000,000, else a Unix time.", { optional: true }),
      p("expiryheight", "int", "Last height it may be mined at (default: next height + 200).", { optional: true })
    ],
    result: "hex string (unsigned)"
  },
  {
    name: "signrawtransaction",
    category: "rawtransactions",
    safety: "wallet",
    summary: "Sign the inputs this wallet can sign; list the others in errors.",
    params: [
      p("hexstring", "string", "Transaction to sign.", { format: "hex" }),
      p("prevtxs", "array", '[{"txid","vout","scriptPubKey","amount"}]: outputs the node does not know.', { optional: true }),
      p("privkeys", "array", "WIF keys to sign with instead of the wallet (never through the gateway).", { optional: true, secret: true }),
      p("sighashtype", "string", "ALL, NONE or SINGLE, optionally |ANYONECANPAY.", { optional: true, example: "ALL" }),
      p("branchid", "string", "Consensus branch id in hex.", { optional: true })
    ],
    result: "object: hex, complete, errors [{txid, vout, scriptSig, sequence, error}]"
  },
  // ── address index ──────────────────────────────────────────────────────────────────────────
  {
    name: "getaddressbalance",
    category: "addressindex",
    safety: "read",
    summary: "Balance and total received of addresses, in satoshis.",
    params: [
      p("addresses", "object", '{"addresses":["R\u2026"]} or one address string.'),
      p("ccvout", "any", "Any value: read the CC (cryptocondition) index instead.", { optional: true })
    ],
    result: "object: balance (sat), received (sat)"
  },
  {
    name: "getaddressutxos",
    category: "addressindex",
    safety: "read",
    summary: "Unspent outputs of addresses.",
    params: [
      p("addresses", "object", '{"addresses":["R\u2026"], "chainInfo": false}'),
      p("ccvout", "any", "Any value: read the CC index instead.", { optional: true })
    ],
    result: "array of {address, txid, outputIndex, script, satoshis, height}; with chainInfo {utxos, hash, height}"
  },
  {
    name: "getaddresstxids",
    category: "addressindex",
    safety: "read",
    summary: "Txids that touched addresses.",
    params: [
      p("addresses", "object", '{"addresses":["R\u2026"]}'),
      p("ccvout", "any", "Any value: read the CC index instead.", { optional: true })
    ],
    result: "array of txids"
  },
  {
    name: "getaddressdeltas",
    category: "addressindex",
    safety: "read",
    summary: "Every credit and debit of addresses, in satoshis.",
    params: [
      p("addresses", "object", '{"addresses":["R\u2026"], "start": h, "end": h, "chainInfo": bool}'),
      p("ccvout", "any", "Any value: read the CC index instead.", { optional: true })
    ],
    result: "array of {satoshis, txid, index, blockindex, height, address}; with chainInfo and a range {deltas, start, end}"
  },
  {
    name: "getaddressmempool",
    category: "addressindex",
    safety: "read",
    summary: "Unconfirmed credits and debits of addresses.",
    params: [
      p("addresses", "object", '{"addresses":["R\u2026"]}'),
      p("ccvout", "any", "Any value: read the CC index instead.", { optional: true })
    ],
    result: "array of {address, txid, index, satoshis, timestamp, [prevtxid, prevout]}"
  },
  {
    name: "getspentinfo",
    category: "addressindex",
    safety: "read",
    summary: "Which transaction input spent an output.",
    params: [p("outpoint", "object", '{"txid": "\u2026", "index": n}')],
    result: "object: txid, index, height (-1 in the mempool)"
  },
  // ── mining ─────────────────────────────────────────────────────────────────────────────────
  {
    name: "getmininginfo",
    category: "mining",
    safety: "read",
    summary: "Mining state: blocks, difficulty, generate, pooled transactions.",
    params: [],
    result: "object: blocks, currentblocksize, currentblocktx, difficulty, errors, genproclimit, \u2026"
  },
  {
    name: "getgenerate",
    category: "mining",
    safety: "read",
    summary: "Whether the node is mining.",
    params: [],
    result: "bool"
  },
  {
    name: "generate",
    category: "mining",
    safety: "mining",
    summary: "Mine blocks now (regtest and the devchain).",
    params: [p("numblocks", "int", "How many blocks.", { example: 1 })],
    result: "array of block hashes"
  },
  {
    name: "setgenerate",
    category: "mining",
    safety: "mining",
    summary: "Start or stop continuous mining.",
    params: [p("generate", "bool", "On or off."), p("genproclimit", "int", "Threads (-1 = all).", { optional: true })],
    result: "null"
  },
  {
    name: "setmocktime",
    category: "mining",
    safety: "mining",
    summary: "Set the clock the next block is stamped with (regtest and the devchain).",
    params: [p("timestamp", "int", "Unix seconds; 0 goes back to the chain's own clock.", { example: 1700086400 })],
    result: "null"
  },
  // ── wallet ─────────────────────────────────────────────────────────────────────────────────
  {
    name: "getnewaddress",
    category: "wallet",
    safety: "wallet",
    summary: "A new R-address from the node wallet.",
    params: [p("account", "string", 'Legacy account name (must be "").', { optional: true })],
    result: "R-address string"
  },
  {
    name: "getbalance",
    category: "wallet",
    safety: "wallet",
    summary: "Spendable balance of the node wallet.",
    params: [
      p("account", "string", '"*" for all.', { optional: true, example: "*" }),
      p("minconf", "int", "Minimum confirmations.", { optional: true, example: 1 }),
      p("includeWatchonly", "bool", "Count watch-only addresses.", { optional: true })
    ],
    result: "amount"
  },
  {
    name: "listunspent",
    category: "wallet",
    safety: "wallet",
    heavy: true,
    summary: "Unspent outputs the wallet can spend.",
    params: [
      p("minconf", "int", "Minimum confirmations.", { optional: true, example: 1 }),
      p("maxconf", "int", "Maximum confirmations.", { optional: true, example: 9999999 }),
      p("addresses", "array", "Only these addresses.", { optional: true })
    ],
    result: "array of {txid, vout, generated, address, segid, amount, scriptPubKey, rawconfirmations, confirmations, spendable}"
  },
  {
    name: "sendtoaddress",
    category: "wallet",
    safety: "spend",
    summary: "Send coins from the node wallet to an address.",
    params: [
      p("address", "string", "Destination R-address.", { format: "address" }),
      p("amount", "number-or-string", "Coins to send.", { format: "coins", example: 1 }),
      p("comment", "string", "Wallet comment.", { optional: true }),
      p("comment_to", "string", "Wallet comment about the recipient.", { optional: true }),
      p("subtractfeefromamount", "bool", "Take the fee out of the amount.", { optional: true })
    ],
    result: "txid string"
  },
  {
    name: "gettransaction",
    category: "wallet",
    safety: "wallet",
    summary: "A wallet transaction with its details.",
    params: [
      p("txid", "string", "Transaction id.", { format: "txid" }),
      p("includeWatchonly", "bool", "Include watch-only addresses.", { optional: true })
    ],
    result: "object: amount, confirmations, blockhash, txid, time, details, hex, \u2026"
  },
  {
    name: "sendmany",
    category: "wallet",
    safety: "spend",
    summary: "Pay several addresses or pubkeys in one transaction.",
    params: [
      p("fromaccount", "string", 'Legacy account: "".', { example: "" }),
      p("amounts", "object", '{"R-address or pubkey": amount, \u2026}'),
      p("minconf", "int", "Spend only coins with this many confirmations.", { optional: true, example: 1 }),
      p("comment", "string", "Wallet comment.", { optional: true }),
      p("subtractfeefrom", "array", "Addresses whose amounts pay the fee.", { optional: true })
    ],
    result: "txid string"
  },
  {
    name: "listtransactions",
    category: "wallet",
    safety: "wallet",
    summary: "The wallet's latest transactions, oldest first.",
    params: [
      p("account", "string", '"*" for all.', { optional: true, example: "*" }),
      p("count", "int", "How many entries.", { optional: true, example: 10 }),
      p("from", "int", "Skip this many of the newest.", { optional: true, example: 0 }),
      p("includeWatchonly", "bool", "Include watch-only addresses.", { optional: true })
    ],
    result: "array of {account, address, category, amount, vout, fee, confirmations, txid, time, size, \u2026}"
  },
  {
    name: "signmessage",
    category: "wallet",
    safety: "wallet",
    summary: "Sign a message with the key of a wallet address.",
    params: [
      p("address", "string", "R-address of a wallet key.", { format: "address" }),
      p("message", "string", "Text to sign.", { example: "hello" })
    ],
    result: "base64 signature string"
  },
  {
    name: "verifymessage",
    category: "util",
    safety: "read",
    summary: "Check a signed message against an address.",
    params: [
      p("address", "string", "R-address that signed.", { format: "address" }),
      p("signature", "string", "Base64 signature from signmessage."),
      p("message", "string", "The signed text.", { example: "hello" })
    ],
    result: "bool"
  },
  {
    name: "getnetworkinfo",
    category: "network",
    safety: "read",
    summary: "Version, services, connections and relay fee of the node.",
    params: [],
    result: "object: version, subversion, protocolversion, localservices, timeoffset, connections, networks, relayfee, localaddresses, warnings"
  },
  {
    name: "getpeerinfo",
    category: "network",
    safety: "node",
    summary: "The nodes this node is connected to.",
    params: [],
    result: "array of {id, addr, addrlocal, services, \u2026, version, subver, inbound, synced_headers, synced_blocks, \u2026}"
  },
  {
    name: "getwalletinfo",
    category: "wallet",
    safety: "wallet",
    summary: "Wallet balances and key pool.",
    params: [],
    result: "object: walletversion, balance, unconfirmed_balance, immature_balance, txcount, \u2026"
  },
  {
    name: "setpubkey",
    category: "wallet",
    safety: "admin",
    summary: "Set the node pubkey used for CC and mining (once).",
    params: [p("pubkey", "string", "Compressed pubkey of a wallet key.", { format: "pubkey" })],
    result: "object: address, ismine, pubkey"
  },
  // ── never: keys, wallet files and node control ─────────────────────────────────────────────
  ...[
    "dumpprivkey",
    "dumpwallet",
    "importprivkey",
    "importwallet",
    "importaddress",
    "backupwallet",
    "encryptwallet",
    "walletpassphrase",
    "walletpassphrasechange",
    "walletlock",
    "z_exportkey",
    "z_exportwallet",
    "z_exportviewingkey",
    "gatewaysdumpprivkey"
  ].map((name) => ({
    name,
    category: "wallet",
    safety: "never",
    params: [],
    result: "\u2014",
    summary: "Reads or replaces wallet keys; never exposed."
  })),
  ...["setban", "addnode", "disconnectnode", "clearbanned"].map((name) => ({
    name,
    category: "network",
    safety: "never",
    params: [],
    result: "\u2014",
    summary: "Changes peer connections; never exposed."
  })),
  ...["invalidateblock", "reconsiderblock", "submitblock"].map((name) => ({
    name,
    category: "blockchain",
    safety: "never",
    params: [],
    result: "\u2014",
    summary: "Rewrites the chain; never exposed."
  })),
  // ── devchain control (not in komodod) ──────────────────────────────────────────────────────
  {
    name: "devchain_info",
    category: "devchain",
    safety: "devchain",
    devchainOnly: true,
    summary: "Backend kind, chain parameters, nodes, mining mode and capabilities.",
    params: [],
    result: "object: kind, chain, nodes, mining, capabilities"
  },
  {
    name: "devchain_setmining",
    category: "devchain",
    safety: "devchain",
    devchainOnly: true,
    summary: "Switch mining: manual, automine, or a block every N seconds.",
    params: [
      p("mode", "string", '"manual", "automine" or "interval".', { example: "automine" }),
      p("seconds", "int", "Interval in seconds (interval mode).", { optional: true })
    ],
    result: "object: mode, seconds"
  },
  {
    name: "devchain_checkpoint",
    category: "devchain",
    safety: "devchain",
    devchainOnly: true,
    summary: "Name where the chain stands now, to come back to it with devchain_rewind.",
    params: [],
    result: "object: checkpoint, height, bestblockhash"
  },
  {
    name: "devchain_rewind",
    category: "devchain",
    safety: "devchain",
    devchainOnly: true,
    summary: "Put the chain back where it stood at a checkpoint; everything after it is forgotten.",
    params: [p("checkpoint", "string", "What devchain_checkpoint returned.", { example: "1234" })],
    result: "object: checkpoint, height, bestblockhash"
  }
];
var CORE_CATALOG = createCatalog(CORE_METHODS);

// modules/catalog.ts
var CATALOG = createCatalog([...CORE_METHODS, ...MODULES.flatMap((m) => m.methods)]);
var METHODS = CATALOG.methods;
var CATEGORIES = CATALOG.categories;
var getMethod = (name) => CATALOG.get(name);

// protocol/profiles.ts
var PROFILE_NAMES = ["local", "public"];
var PROFILE_CLASSES = {
  // Your own machine: you own the wallet, so wallet, spends, mining and CC builds are fine.
  local: ["read", "node", "wallet", "spend", "mining", "cc-info", "cc-build", "broadcast", "devchain"],
  // Anyone on the internet: no wallet, no CPU burners, no node-funded builds.
  public: ["read", "cc-info", "broadcast"]
};
var NEVER_PREFIXES = ["z_export", "z_import", "walletpassphrase", "dump", "import"];
function isNeverName(name, spec) {
  if (spec?.safety === "never") return true;
  return NEVER_PREFIXES.some((prefix) => name.startsWith(prefix));
}
function isProfileName(name) {
  return PROFILE_NAMES.includes(name);
}
function profilePermits(profile, spec, devchain) {
  const classes = PROFILE_CLASSES[profile].filter((c) => (devchain || c !== "devchain") && c !== "never");
  return classes.includes(spec.safety) && !isNeverName(spec.name, spec) && (devchain || !spec.devchainOnly);
}
var methodsAllowed = (profile, methods4, devchain) => methods4.filter((m) => profilePermits(profile, m, devchain)).map((m) => m.name);

// server/gateway/errors.ts
init_jsonrpc();
var GatewayCode = {
  /** Per-client token bucket empty (HTTP 429). */
  RATE_LIMITED: -32e3,
  /** Upstream node unreachable or answered something that is not JSON-RPC (HTTP 503 / 502). */
  UPSTREAM_UNAVAILABLE: -32001,
  /** Upstream did not answer in time (HTTP 504). */
  UPSTREAM_TIMEOUT: -32002,
  /** Too many calls already waiting for this upstream (HTTP 503). */
  UPSTREAM_BUSY: -32003,
  /** Cross-origin request from an origin not on the allowlist (HTTP 403). */
  ORIGIN_NOT_ALLOWED: -32004,
  /** Host header not allowed: DNS-rebinding guard of the local profile (HTTP 403). */
  HOST_NOT_ALLOWED: -32005,
  /** The local profile answers loopback peers and GATEWAY_ALLOWED_PEERS only (HTTP 403). */
  PEER_NOT_ALLOWED: -32006,
  /** A reply grew past the per-call or per-batch cap and was cut (HTTP 500, as komodod's other errors). */
  REPLY_TOO_LARGE: -32007,
  /** The gateway's budget of reply bytes in flight is spent (HTTP 503). */
  GATEWAY_BUSY: -32008
};
function gatewayError(code, message, status) {
  return { code, message, status };
}
var parseError = (message = "Parse error") => gatewayError(RpcCode.PARSE_ERROR, message, 500);
var invalidRequest = (message, status = 400) => gatewayError(RpcCode.INVALID_REQUEST, message, status);
var methodNotFound = () => gatewayError(RpcCode.METHOD_NOT_FOUND, "Method not found", 404);
var methodRefused = (profile) => gatewayError(RpcCode.METHOD_NOT_FOUND, `Method not allowed by gateway profile "${profile}"`, 403);
var methodNeverAllowed = () => gatewayError(RpcCode.METHOD_NOT_FOUND, "Method never allowed by the gateway (keys, wallet files or node control)", 403);
var paramNeverAllowed = (param3) => gatewayError(RpcCode.METHOD_NOT_FOUND, `Parameter "${param3}" is never allowed by the gateway (private keys)`, 403);
var rateLimited = (retryAfterS) => gatewayError(GatewayCode.RATE_LIMITED, `Rate limit exceeded; retry in ${retryAfterS} s`, 429);
var upstreamUnavailable = (node, status = 503) => gatewayError(GatewayCode.UPSTREAM_UNAVAILABLE, `Node "${node}" is unavailable`, status);
var upstreamTimeout = (node, ms) => gatewayError(GatewayCode.UPSTREAM_TIMEOUT, `Node "${node}" did not answer within ${ms} ms`, 504);
var upstreamBusy = (node) => gatewayError(GatewayCode.UPSTREAM_BUSY, `Node "${node}" is busy; retry shortly`, 503);
var originNotAllowed = () => gatewayError(GatewayCode.ORIGIN_NOT_ALLOWED, "Cross-origin requests from this origin are not allowed", 403);
var hostNotAllowed = () => gatewayError(GatewayCode.HOST_NOT_ALLOWED, "Host not allowed; set GATEWAY_ALLOWED_HOSTS", 403);
var peerNotAllowed = () => gatewayError(GatewayCode.PEER_NOT_ALLOWED, 'This gateway (profile "local") answers this machine only; set GATEWAY_ALLOWED_PEERS to admit other addresses', 403);
var replyTooLarge = (cap, what, variable) => gatewayError(GatewayCode.REPLY_TOO_LARGE, `Reply too large: over the gateway's cap of ${cap} bytes per ${what} (${variable})`, 500);
var gatewayBusy = () => gatewayError(GatewayCode.GATEWAY_BUSY, "Gateway busy: too many reply bytes in flight; retry shortly", 503);
var generateTooMany = (max) => gatewayError(RpcCode.INVALID_PARAMETER, `generate: at most ${max} blocks per call through this gateway (GATEWAY_MAX_GENERATE)`, 500);
var addressRepeated = (method) => gatewayError(RpcCode.INVALID_PARAMETER, `${method}: an address is listed more than once; this gateway answers each address once per call`, 500);
function errorBody(error, id = null) {
  return JSON.stringify({ result: null, error: { code: error.code, message: error.message }, id });
}

// server/gateway/policy.ts
function isNeverMethod(name) {
  return isNeverName(name, getMethod(name));
}
function createPolicy({ profile, devchain }) {
  const allowed = new Set(methodsAllowed(profile, METHODS, devchain));
  return {
    profile,
    allowed: [...allowed],
    check(method, params) {
      if (allowed.has(method)) {
        const secret = getMethod(method)?.params.findIndex((s, i) => s.secret && params && i < params.length && params[i] !== null);
        return secret !== void 0 && secret >= 0 ? paramNeverAllowed(getMethod(method).params[secret].name) : void 0;
      }
      if (isNeverMethod(method)) return methodNeverAllowed();
      const spec = getMethod(method);
      return spec && (devchain || !spec.devchainOnly) ? methodRefused(profile) : methodNotFound();
    }
  };
}

// server/gateway/clientIp.ts
import { BlockList, isIP } from "node:net";
var normalize = (ip) => ip.startsWith("::ffff:") && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
function parseAddressList(spec, name) {
  const list = new BlockList();
  let any = false;
  for (const raw of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [addr, bits] = raw.split("/");
    const family = isIP(addr);
    if (!family) throw new Error(`${name}: not an IP address: ${raw}`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === void 0) list.addAddress(addr, type);
    else {
      const prefix = Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
        throw new Error(`${name}: bad prefix length: ${raw}`);
      }
      list.addSubnet(addr, prefix, type);
    }
    any = true;
  }
  return {
    has(ip) {
      if (!any) return false;
      const n = normalize(ip);
      const family = isIP(n);
      return family !== 0 && list.check(n, family === 4 ? "ipv4" : "ipv6");
    }
  };
}
var parseTrustedProxies = (spec) => parseAddressList(spec, "GATEWAY_TRUSTED_PROXIES");
function isLoopback(ip) {
  const n = normalize(ip);
  return n === "::1" || isIP(n) === 4 && n.startsWith("127.");
}
function clientKey(ip) {
  const n = normalize(ip);
  if (isIP(n) !== 6) return n;
  const [head, tail = ""] = n.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = n.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16)).join(":")}::/64`;
}
function clientIp(req, trusted) {
  let ip = normalize(req.socket.remoteAddress ?? "unknown");
  if (!trusted.has(ip)) return ip;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : header ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalize(hops[i]);
    if (!isIP(hop)) return ip;
    ip = hop;
    if (!trusted.has(hop)) return hop;
  }
  return ip;
}

// server/gateway/config.ts
var DEFAULT_LIMITS = {
  maxBody: 64 * 1024,
  maxBatch: 20,
  maxDepth: 32,
  ratePerSec: 10,
  rateBurst: 40,
  upstreamTimeoutMs: 3e4,
  concurrency: 8,
  queue: 64,
  heavyConcurrency: 2,
  queuePerClient: 16,
  maxReply: 4 * 1024 * 1024,
  maxBatchReply: 8 * 1024 * 1024,
  maxInflightBytes: 64 * 1024 * 1024,
  maxGenerate: 1e3,
  maxConnections: 512,
  connectionsPerClient: 16
};
var IN_PROCESS_HEAVY_CONCURRENCY = 1;
var NODE_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
function intVar(env, name, fallback, min) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer \u2265 ${min}`);
  return n;
}
var envKey = (node) => node.toUpperCase().replace(/-/g, "_");
function parseNodes(env) {
  const spec = env.KOMODO_NODES?.trim();
  if (!spec) return [];
  const nodes = [];
  for (const entry of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const eq = entry.indexOf("=");
    const name = eq > 0 ? entry.slice(0, eq).trim() : "";
    if (!NODE_NAME.test(name)) throw new Error("KOMODO_NODES: each entry must be name=http://host:port with a lower-case name");
    if (nodes.some((n) => n.name === name)) throw new Error(`KOMODO_NODES: node "${name}" listed twice`);
    let url;
    try {
      url = new URL(entry.slice(eq + 1).trim());
    } catch {
      throw new Error(`KOMODO_NODES: node "${name}" has an invalid URL`);
    }
    if (url.protocol !== "http:") throw new Error(`KOMODO_NODES: node "${name}" must use http:// (komodod speaks plain HTTP)`);
    if (!url.port) throw new Error(`KOMODO_NODES: node "${name}" needs an explicit port`);
    const user = decodeURIComponent(url.username) || env[`KOMODO_${envKey(name)}_RPC_USER`] || env.KOMODO_RPC_USER || "";
    const pass = decodeURIComponent(url.password) || env[`KOMODO_${envKey(name)}_RPC_PASSWORD`] || env.KOMODO_RPC_PASSWORD || "";
    nodes.push({
      name,
      host: url.hostname.replace(/^\[|\]$/g, ""),
      port: Number(url.port),
      path: url.pathname || "/",
      auth: user || pass ? `${user}:${pass}` : ""
    });
  }
  return nodes;
}
function configFromEnv(env = process.env) {
  const profile = env.GATEWAY_PROFILE?.trim() || "local";
  if (!isProfileName(profile)) throw new Error('GATEWAY_PROFILE must be "local" or "public"');
  const nodes = parseNodes(env);
  const limits = {
    maxBody: intVar(env, "GATEWAY_MAX_BODY", DEFAULT_LIMITS.maxBody, 256),
    maxBatch: intVar(env, "GATEWAY_MAX_BATCH", DEFAULT_LIMITS.maxBatch, 1),
    maxDepth: intVar(env, "GATEWAY_MAX_DEPTH", DEFAULT_LIMITS.maxDepth, 4),
    ratePerSec: intVar(env, "GATEWAY_RATE_PER_SEC", DEFAULT_LIMITS.ratePerSec, 0),
    rateBurst: intVar(env, "GATEWAY_RATE_BURST", DEFAULT_LIMITS.rateBurst, 1),
    upstreamTimeoutMs: intVar(env, "GATEWAY_UPSTREAM_TIMEOUT_MS", DEFAULT_LIMITS.upstreamTimeoutMs, 100),
    concurrency: intVar(env, "GATEWAY_CONCURRENCY", DEFAULT_LIMITS.concurrency, 1),
    queue: intVar(env, "GATEWAY_QUEUE", DEFAULT_LIMITS.queue, 0),
    heavyConcurrency: intVar(env, "GATEWAY_HEAVY_CONCURRENCY", nodes.length ? DEFAULT_LIMITS.heavyConcurrency : IN_PROCESS_HEAVY_CONCURRENCY, 1),
    queuePerClient: intVar(env, "GATEWAY_QUEUE_PER_CLIENT", DEFAULT_LIMITS.queuePerClient, 0),
    maxReply: intVar(env, "GATEWAY_MAX_REPLY", DEFAULT_LIMITS.maxReply, 1024),
    maxBatchReply: intVar(env, "GATEWAY_MAX_BATCH_REPLY", DEFAULT_LIMITS.maxBatchReply, 1024),
    maxInflightBytes: intVar(env, "GATEWAY_MAX_INFLIGHT_BYTES", DEFAULT_LIMITS.maxInflightBytes, 65536),
    maxGenerate: intVar(env, "GATEWAY_MAX_GENERATE", DEFAULT_LIMITS.maxGenerate, 1),
    maxConnections: intVar(env, "GATEWAY_MAX_CONNECTIONS", DEFAULT_LIMITS.maxConnections, 1),
    connectionsPerClient: intVar(env, "GATEWAY_CONNECTIONS_PER_CLIENT", DEFAULT_LIMITS.connectionsPerClient, 1)
  };
  if (limits.maxReply > limits.maxInflightBytes) throw new Error("GATEWAY_MAX_REPLY must not exceed GATEWAY_MAX_INFLIGHT_BYTES");
  const corsOrigins = (env.GATEWAY_CORS_ORIGINS ?? "").split(",").map((s) => s.trim().replace(/\/$/, "")).filter(Boolean);
  const hosts = (env.GATEWAY_ALLOWED_HOSTS ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  return {
    profile,
    allowedHosts: hosts.length ? hosts : null,
    allowedPeers: parseAddressList(env.GATEWAY_ALLOWED_PEERS ?? "", "GATEWAY_ALLOWED_PEERS"),
    nodes,
    limits,
    trustedProxies: parseTrustedProxies(env.GATEWAY_TRUSTED_PROXIES ?? ""),
    corsOrigins,
    logLevel: env.GATEWAY_LOG_LEVEL?.trim() || "info"
  };
}

// devchain/chain/publicParams.ts
var PUBLIC_PARAMS = ["name", "supply", "reward", "cc", "blocktime", "regtest", "magic", "p2pport", "rpcport", "coinbaseMaturity"];
function publicChainParams(params) {
  const p2 = params;
  return Object.fromEntries(PUBLIC_PARAMS.filter((k) => k in p2).map((k) => [k, p2[k]]));
}

// server/gateway/devchainUpstream.ts
init_jsonrpc();

// server/gateway/budget.ts
function createByteBudget(limit) {
  let used = 0;
  return {
    get used() {
      return used;
    },
    limit,
    take(n) {
      if (used + n > limit) return false;
      used += n;
      return true;
    },
    give(n) {
      used = Math.max(0, used - n);
    }
  };
}
var ReplyCut = class extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
    this.name = "ReplyCut";
  }
  reason;
};

// server/gateway/cappedJson.ts
var SPLIT_DEPTH = 3;
var SLICE_MS = 2;
var BUDGET_STEP = 64 * 1024;
var isPlain = (v) => v !== null && typeof v === "object" && !(v instanceof Amount) && typeof v.toJSON !== "function";
var isFlat = (v) => {
  for (const k in v) {
    const x = v[k];
    if (x !== null && typeof x === "object") return false;
  }
  return true;
};
function printLeaf(v) {
  if (v === null || typeof v === "string" || typeof v === "boolean" || typeof v === "number") return JSON.stringify(v);
  if (isPlain(v) && !Array.isArray(v) && isFlat(v)) return JSON.stringify(v);
  return serializeReply(v);
}
var splits = (v, depth) => depth < SPLIT_DEPTH && isPlain(v) && (Array.isArray(v) || !isFlat(v));
var skipped = (v) => v === void 0 || typeof v === "function" || typeof v === "symbol";
async function printCapped(value, cap, budget) {
  const parts = [];
  let size = 0;
  let taken = 0;
  let sliceStart = performance.now();
  const add = (s) => {
    size += s.length < 64 ? s.length : Buffer.byteLength(s);
    if (size > cap) return false;
    if (size > taken) {
      const step = Math.min(Math.max(size - taken, BUDGET_STEP), cap - taken);
      if (budget.take(step)) taken += step;
      else if (budget.take(size - taken)) taken = size;
      else throw new ReplyCut("budget");
    }
    parts.push(s);
    return true;
  };
  const breathe = async () => {
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((r) => setImmediate(r));
      sliceStart = performance.now();
    }
  };
  const piece = (v, depth) => splits(v, depth) ? print(v, depth) : add(printLeaf(v));
  const print = async (v, depth) => {
    if (Array.isArray(v)) {
      if (!add("[")) return false;
      for (let i = 0; i < v.length; i++) {
        if (i > 0 && !add(",")) return false;
        if (!await piece(skipped(v[i]) ? null : v[i], depth + 1)) return false;
        await breathe();
      }
      return add("]");
    }
    const o = v;
    if (!add("{")) return false;
    let first = true;
    for (const k in o) {
      if (!Object.prototype.hasOwnProperty.call(o, k) || skipped(o[k])) continue;
      if (!add(`${first ? "" : ","}${JSON.stringify(k)}:`)) return false;
      first = false;
      if (!await piece(o[k], depth + 1)) return false;
      await breathe();
    }
    return add("}");
  };
  let whole;
  try {
    whole = await piece(value, 0);
  } catch (e) {
    budget.give(taken);
    throw e;
  }
  if (!whole) {
    budget.give(taken);
    return null;
  }
  const text = parts.join("");
  const exact = Buffer.byteLength(text);
  if (exact > taken && !budget.take(exact - taken)) {
    budget.give(taken);
    throw new ReplyCut("budget");
  }
  if (exact < taken) budget.give(taken - exact);
  return { text, reserved: exact };
}

// server/gateway/upstream.ts
var UpstreamFailure = class extends Error {
  constructor(error) {
    super(error.message);
    this.error = error;
    this.name = "UpstreamFailure";
  }
  error;
};
var SECRET_KEY = /user|pass|secret|auth|cookie|priv|wif|seed|mnemonic|credential/i;
function withoutSecrets(value, depth = 0) {
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => withoutSecrets(v, depth + 1));
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    if (!SECRET_KEY.test(k) || k === "pubkey") out[k] = withoutSecrets(v, depth + 1);
  }
  return out;
}

// server/gateway/devchainUpstream.ts
function createDevchainUpstream(chain, opts = {}) {
  const publicParams = publicChainParams(chain.params);
  const callWithin = async (node, call, timeoutMs, signal) => {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new UpstreamFailure(upstreamTimeout(node, timeoutMs))), timeoutMs);
    });
    try {
      return await Promise.race([chain.call(node, call.method, call.params, { signal }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  const reply2 = async (status, envelope, opts2) => {
    const printed = await printCapped(envelope, opts2.maxBytes, opts2.budget);
    if (printed === null) throw new ReplyCut("too-large");
    return { status, body: printed.text, error: envelope.error, reserved: printed.reserved };
  };
  return {
    kind: "devchain",
    nodes: chain.nodes,
    async call(node, call, opts2) {
      let result;
      try {
        result = await callWithin(node, call, opts2.timeoutMs, opts2.signal);
      } catch (e) {
        if (e instanceof RpcError) {
          const error = { code: e.code, message: e.message };
          return reply2(httpStatusFor(error), { result: null, error, id: call.id }, opts2);
        }
        if (e instanceof UpstreamFailure) throw e;
        throw new UpstreamFailure(gatewayError(-32603, "Internal error in the devchain", 500));
      }
      return reply2(200, { result, error: null, id: call.id }, opts2);
    },
    async health(timeoutMs) {
      try {
        const height = await callWithin(chain.nodes[0] ?? "miner", { method: "getblockcount", params: [], id: null }, timeoutMs);
        return { ok: true, detail: "devchain loaded", height: Number(height) };
      } catch (e) {
        return { ok: false, detail: e instanceof RpcError || e instanceof UpstreamFailure ? e.message : "devchain not answering" };
      }
    },
    async chainParams() {
      return publicParams;
    },
    async close() {
      if (opts.ownsChain !== false) await chain.close();
    }
  };
}

// server/gateway/connections.ts
function guardConnections(server, limits, trusted) {
  server.maxConnections = limits.maxConnections;
  const open = /* @__PURE__ */ new Map();
  const guard = { open, refused: 0 };
  server.on("connection", (socket) => {
    const peer = socket.remoteAddress ?? "";
    if (trusted.has(peer)) return;
    const key = clientKey(peer);
    const n = open.get(key) ?? 0;
    if (n >= limits.connectionsPerClient) {
      guard.refused++;
      socket.destroy();
      return;
    }
    open.set(key, n + 1);
    socket.once("close", () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
  });
  return guard;
}

// server/gateway/cost.ts
var HEAVY_SAFETY = ["mining", "cc-build", "spend"];
function isHeavySpec(spec) {
  return spec.category === "addressindex" || HEAVY_SAFETY.includes(spec.safety) || spec.heavy === true;
}
function isHeavyMethod(method) {
  const spec = getMethod(method);
  return spec !== void 0 && isHeavySpec(spec);
}
function isRepeatableMethod(method) {
  const spec = getMethod(method);
  return spec !== void 0 && (spec.safety === "read" || spec.safety === "cc-info") && !isHeavySpec(spec);
}
function repeatsAnAddress(method, params) {
  if (getMethod(method)?.category !== "addressindex") return false;
  const p0 = params[0];
  const list = p0 && typeof p0 === "object" && !Array.isArray(p0) ? p0.addresses : void 0;
  if (!Array.isArray(list) || list.length < 2) return false;
  return new Set(list.map((a) => typeof a === "string" ? a : JSON.stringify(a))).size < list.length;
}
function upstreamTimeoutFor(method, configuredMs) {
  return Math.max(configuredMs, getMethod(method)?.timeoutMs ?? 0);
}

// server/gateway/cors.ts
function checkOrigin(req, allowlist, forwardedHost) {
  const origin = req.headers.origin;
  if (origin === void 0) return { allowed: true };
  if (allowlist.includes(origin)) return { allowed: true, cors: origin };
  const host = forwardedHost ?? req.headers.host;
  if (!host || origin === "null") return { allowed: false };
  try {
    return { allowed: new URL(origin).host === host };
  } catch {
    return { allowed: false };
  }
}
function setCorsHeaders(res, origin) {
  res.setHeader("access-control-allow-origin", origin);
  res.setHeader("vary", "Origin");
}
function answerPreflight(req, res, origin) {
  setCorsHeaders(res, origin);
  res.setHeader("vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Private-Network");
  res.setHeader("access-control-allow-methods", "POST, GET, OPTIONS");
  res.setHeader("access-control-allow-headers", "content-type");
  if (req.headers["access-control-request-private-network"] === "true") res.setHeader("access-control-allow-private-network", "true");
  res.setHeader("access-control-max-age", "600");
  res.statusCode = 204;
  res.end();
}
function hostAllowed(hostHeader, allowed) {
  if (!hostHeader) return false;
  let hostname2;
  try {
    hostname2 = new URL(`http://${hostHeader}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (allowed) return allowed.includes("*") || allowed.includes(hostname2);
  if (hostname2 === "localhost" || hostname2.endsWith(".localhost")) return true;
  return hostname2 === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname2);
}

// server/gateway/body.ts
function readBody(req, limit) {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    drain2(req, limit);
    return Promise.resolve({ ok: false, reason: "too-large" });
  }
  return new Promise((resolve2) => {
    const chunks = [];
    let size = 0;
    let done = false;
    const finish = (r) => {
      if (done) return;
      done = true;
      req.off("data", onData);
      resolve2(r);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        drain2(req, limit);
        finish({ ok: false, reason: "too-large" });
      } else chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => finish({ ok: true, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) }));
    req.on("error", () => finish({ ok: false, reason: "aborted" }));
    req.on("close", () => finish({ ok: false, reason: "aborted" }));
  });
}
function drain2(req, limit) {
  let extra = 0;
  req.on("data", (chunk) => {
    extra += chunk.length;
    if (extra > 16 * limit) req.destroy();
  });
  req.on("error", () => {
  });
  req.resume();
}

// server/gateway/concurrency.ts
function createGate(opts) {
  const { maxActive, maxWaiting } = opts;
  const perClient = opts.maxWaitingPerClient ?? maxWaiting;
  let active = 0;
  let waiting = 0;
  const queues = /* @__PURE__ */ new Map();
  const turn = [];
  const next = () => {
    const client = turn.shift();
    if (client === void 0) return void 0;
    const q = queues.get(client);
    const w = q.shift();
    waiting--;
    if (q.length) turn.push(client);
    else queues.delete(client);
    return w;
  };
  const handOn = () => {
    const w = next();
    if (w) w(once());
    else active--;
  };
  const release = () => {
    if (opts.yieldBetween) setImmediate(handOn);
    else handOn();
  };
  const once = () => {
    let done = false;
    return () => {
      if (!done) {
        done = true;
        release();
      }
    };
  };
  const remove = (client, w) => {
    const q = queues.get(client);
    const i = q ? q.indexOf(w) : -1;
    if (!q || i < 0) return;
    q.splice(i, 1);
    waiting--;
    if (!q.length) {
      queues.delete(client);
      turn.splice(turn.indexOf(client), 1);
    }
  };
  return {
    get active() {
      return active;
    },
    get waiting() {
      return waiting;
    },
    enter(client, timeoutMs) {
      if (active < maxActive && waiting === 0) {
        active++;
        return Promise.resolve(once());
      }
      const q = queues.get(client);
      if (waiting >= maxWaiting || (q?.length ?? 0) >= perClient) return Promise.resolve(null);
      return new Promise((resolve2) => {
        const waiter = (r) => {
          clearTimeout(timer);
          resolve2(r);
        };
        const timer = setTimeout(() => {
          remove(client, waiter);
          resolve2(null);
        }, timeoutMs);
        if (q) q.push(waiter);
        else {
          queues.set(client, [waiter]);
          turn.push(client);
        }
        waiting++;
      });
    }
  };
}

// server/gateway/clientExit.ts
var ClientExit = class {
  #gone = false;
  #controller = null;
  get gone() {
    return this.#gone;
  }
  /** Aborted once the client has left (made on first use, aborted at once if it already has). */
  get signal() {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#gone) this.#controller.abort();
    }
    return this.#controller.signal;
  }
  leave() {
    if (this.#gone) return;
    this.#gone = true;
    this.#controller?.abort();
  }
};

// server/gateway/log.ts
import pino from "pino";
var WIF = /^[5KLU][1-9A-HJ-NP-Za-km-z]{50,51}$/;
var MAX_STRING = 96;
var MAX_ITEMS = 16;
function redactValue(value, depth = 0) {
  if (typeof value === "string") {
    if (WIF.test(value)) return "[redacted]";
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}\u2026(${value.length} chars)` : value;
  }
  if (value === null || typeof value !== "object") return value;
  if (depth >= 3) return "[nested]";
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => redactValue(v, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`\u2026(${value.length} items)`);
    return items;
  }
  const out = {};
  for (const [k, v] of Object.entries(value).slice(0, MAX_ITEMS)) out[k.slice(0, 32)] = redactValue(v, depth + 1);
  return out;
}
function logMethod(method) {
  if (typeof method !== "string") return void 0;
  return method.slice(0, 64).replace(/[^\x20-\x7e]/g, "?");
}
var LOG_BATCH_BYTES = 4096;
var LOG_FLUSH_MS = 250;
function createLogger(level, destination) {
  const opts = { level, base: void 0, timestamp: pino.stdTimeFunctions.isoTime };
  if (destination) return pino(opts, destination);
  const stdout = pino.destination({ dest: 1, sync: false, minLength: LOG_BATCH_BYTES });
  setInterval(() => {
    try {
      stdout.flush();
    } catch {
    }
  }, LOG_FLUSH_MS).unref();
  return pino(opts, stdout);
}

// server/gateway/parse.ts
var utf85 = new TextDecoder("utf-8", { fatal: true });
var hasOwn = Object.prototype.hasOwnProperty;
function jsonDepthExceeds(text, limit) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}
function parseItem(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { error: invalidRequest("Invalid Request object"), id: null };
  }
  const obj = value;
  const id = hasOwn.call(obj, "id") ? obj.id : null;
  const method = hasOwn.call(obj, "method") ? obj.method : void 0;
  if (method === void 0 || method === null) return { error: invalidRequest("Missing method"), id };
  if (typeof method !== "string") return { error: invalidRequest("Method must be a string"), id };
  const params = hasOwn.call(obj, "params") ? obj.params : null;
  if (params !== null && !Array.isArray(params)) return { error: invalidRequest("Params must be an array"), id };
  return { call: { method, params: params ?? [], id }, id };
}
function parseBody(body, limits) {
  let text;
  try {
    text = utf85.decode(body);
  } catch {
    return { kind: "error", error: parseError() };
  }
  if (jsonDepthExceeds(text, limits.maxDepth)) return { kind: "error", error: parseError() };
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: "error", error: parseError() };
  }
  if (Array.isArray(value)) {
    if (value.length > limits.maxBatch) {
      return { kind: "error", error: invalidRequest(`Batch too long: ${value.length} calls (limit ${limits.maxBatch})`) };
    }
    return { kind: "batch", items: value.map(parseItem) };
  }
  if (value !== null && typeof value === "object") return { kind: "single", item: parseItem(value) };
  return { kind: "error", error: parseError("Top-level object parse error") };
}
function serializeCall(call) {
  return JSON.stringify({ jsonrpc: "1.0", id: call.id, method: call.method, params: call.params });
}

// server/gateway/rateLimit.ts
function createRateLimiter(opts) {
  const { ratePerSec, burst } = opts;
  const maxClients = opts.maxClients ?? 1e5;
  const now = opts.now ?? (() => performance.now());
  const buckets = /* @__PURE__ */ new Map();
  let lastSweep = now();
  const sweep = (t) => {
    for (const [key, b] of buckets) {
      if (b.tokens + (t - b.at) / 1e3 * ratePerSec >= burst) buckets.delete(key);
    }
    lastSweep = t;
  };
  return {
    get size() {
      return buckets.size;
    },
    take(client, cost = 1) {
      if (ratePerSec <= 0) return 0;
      const t = now();
      if (t - lastSweep > 1e4 || buckets.size >= maxClients) sweep(t);
      if (buckets.size >= maxClients) {
        const oldest = buckets.keys().next().value;
        if (oldest !== void 0) buckets.delete(oldest);
      }
      let b = buckets.get(client);
      if (!b) {
        b = { tokens: burst, at: t };
        buckets.set(client, b);
      } else {
        b.tokens = Math.min(burst, b.tokens + (t - b.at) / 1e3 * ratePerSec);
        b.at = t;
      }
      if (b.tokens >= cost) {
        b.tokens -= cost;
        return 0;
      }
      const missing = Math.min(cost, burst) - b.tokens;
      return Math.max(1, Math.ceil(missing / ratePerSec));
    }
  };
}

// server/gateway/gateway.ts
var JSON_HEADERS = {
  "content-type": "application/json",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff"
};
function send(res, status, body, extra, done) {
  if (res.headersSent || res.destroyed) {
    done?.();
    return;
  }
  const text = body + "\n";
  res.writeHead(status, { ...JSON_HEADERS, "content-length": Buffer.byteLength(text), ...extra });
  res.end(text, done);
}
function write(res, text) {
  return new Promise((resolve2) => {
    if (res.destroyed) return resolve2();
    const ok = res.write(text, () => resolve2());
    if (!ok) res.once("close", resolve2);
  });
}
var gateRefusal = (node, waitedMs, timeoutMs) => waitedMs >= timeoutMs ? upstreamTimeout(node, timeoutMs) : upstreamBusy(node);
function createGateway(opts) {
  const { upstream } = opts;
  const inProcess = upstream.kind === "devchain";
  const limits = { ...DEFAULT_LIMITS, ...inProcess ? { heavyConcurrency: IN_PROCESS_HEAVY_CONCURRENCY } : {}, ...opts.limits };
  const trusted = opts.trustedProxies ?? parseTrustedProxies("");
  const corsOrigins = opts.corsOrigins ?? [];
  const log = opts.logger ?? createLogger("info");
  const allowedPeers = opts.allowedPeers ?? parseAddressList("", "GATEWAY_ALLOWED_PEERS");
  const policy = createPolicy({ profile: opts.profile ?? "local", devchain: upstream.kind === "devchain" });
  const limiter = createRateLimiter({ ratePerSec: limits.ratePerSec, burst: limits.rateBurst });
  const budget = createByteBudget(limits.maxInflightBytes);
  const lane = (maxActive) => createGate({ maxActive, maxWaiting: limits.queue, maxWaitingPerClient: limits.queuePerClient, yieldBetween: inProcess });
  const gates = new Map(
    upstream.nodes.map((n) => [n, { cheap: lane(limits.concurrency), heavy: lane(limits.heavyConcurrency) }])
  );
  const defaultNode = upstream.nodes.includes("miner") ? "miner" : upstream.nodes[0];
  const counters = { requests: 0, calls: 0, refusals: 0, errors: 0, upstreamFailures: 0, cutReplies: 0, cancelled: 0 };
  const hostVerdicts = /* @__PURE__ */ new Map();
  const hostIsAllowed = (host) => {
    if (host === void 0) return hostAllowed(host, opts.allowedHosts ?? null);
    let ok = hostVerdicts.get(host);
    if (ok === void 0) {
      ok = hostAllowed(host, opts.allowedHosts ?? null);
      if (hostVerdicts.size >= 256) hostVerdicts.clear();
      hostVerdicts.set(host, ok);
    }
    return ok;
  };
  const forward = async (node, call, client, cap, exit) => {
    const nodeGates = gates.get(node);
    const heavy = isHeavyMethod(call.method);
    const gate = heavy ? nodeGates.heavy : nodeGates.cheap;
    const limitMs = upstreamTimeoutFor(call.method, limits.upstreamTimeoutMs);
    const started = performance.now();
    const release = await gate.enter(client, limitMs);
    const waited = performance.now() - started;
    if (!release) return gateRefusal(node, waited, limitMs);
    if (exit.gone) {
      release();
      return upstreamUnavailable(node);
    }
    try {
      counters.calls++;
      const signal = heavy ? exit.signal : void 0;
      const repeatable = !heavy && isRepeatableMethod(call.method);
      return await upstream.call(node, call, { timeoutMs: Math.max(1, Math.round(limitMs - waited)), maxBytes: cap, budget, signal, heavy, repeatable });
    } catch (e) {
      if (e instanceof ReplyCut) {
        counters.cutReplies++;
        if (e.reason === "budget") return gatewayBusy();
        return cap < limits.maxReply ? replyTooLarge(limits.maxBatchReply, "batch", "GATEWAY_MAX_BATCH_REPLY") : replyTooLarge(limits.maxReply, "call", "GATEWAY_MAX_REPLY");
      }
      if (e instanceof UpstreamFailure) return e.error.code === GatewayCode.UPSTREAM_TIMEOUT ? upstreamTimeout(node, limitMs) : e.error;
      log.error({ node, err: e instanceof Error ? e.name : typeof e }, "upstream threw");
      return upstreamUnavailable(node);
    } finally {
      release();
    }
  };
  const overGenerate = (call) => call.method === "generate" && typeof call.params[0] === "number" && call.params[0] > limits.maxGenerate;
  const runItem = async (node, item, client, cap, exit) => {
    const started = performance.now();
    let outcome;
    let code;
    let refused = false;
    if (item.error) {
      code = item.error.code;
      counters.errors++;
      outcome = { status: item.error.status, body: errorBody(item.error, item.id), reserved: 0 };
    } else {
      const refusal = policy.check(item.call.method, item.call.params) ?? (overGenerate(item.call) ? generateTooMany(limits.maxGenerate) : void 0) ?? (repeatsAnAddress(item.call.method, item.call.params) ? addressRepeated(item.call.method) : void 0);
      if (refusal) {
        refused = true;
        code = refusal.code;
        counters.refusals++;
        outcome = { status: refusal.status, body: errorBody(refusal, item.id), reserved: 0 };
      } else {
        const r = await forward(node, item.call, client, cap, exit);
        if ("body" in r) {
          if (r.error) {
            counters.errors++;
            code = r.error.code;
          }
          outcome = { status: r.status, body: r.body, reserved: r.reserved };
        } else {
          counters.errors++;
          if (r.code !== GatewayCode.REPLY_TOO_LARGE && r.code !== GatewayCode.GATEWAY_BUSY) counters.upstreamFailures++;
          code = r.code;
          outcome = { status: r.status, body: errorBody(r, item.id), reserved: 0 };
        }
      }
    }
    log.info({
      method: logMethod(item.call?.method),
      node,
      ms: Math.round((performance.now() - started) * 100) / 100,
      status: outcome.status,
      code,
      client,
      // Refused calls may carry keys (importprivkey): their params are never logged.
      params: item.call && !refused ? redactValue(item.call.params) : void 0
    }, "rpc");
    return { ...outcome, code };
  };
  const refuse = (res, node, client, error, headers) => {
    counters.refusals++;
    log.info({ node, status: error.status, code: error.code, client }, "rpc refused");
    send(res, error.status, errorBody(error), headers);
  };
  const handleRpc = async (req, res, nodePath, client) => {
    counters.requests++;
    const node = nodePath === void 0 ? defaultNode : nodePath;
    if (!node || !gates.has(node)) {
      return refuse(res, void 0, client, invalidRequest(`Unknown node; this gateway serves: ${upstream.nodes.join(", ")}`, 404));
    }
    if (req.method !== "POST") {
      return refuse(res, node, client, invalidRequest("JSONRPC server handles only POST requests", 405), { allow: "POST" });
    }
    const wait = limiter.take(client);
    if (wait) return refuse(res, node, client, rateLimited(wait), { "retry-after": String(wait) });
    const read = await readBody(req, limits.maxBody);
    if (!read.ok) {
      if (read.reason === "aborted") return;
      return refuse(res, node, client, invalidRequest(`Request body too large (limit ${limits.maxBody} bytes)`, 413), { connection: "close" });
    }
    const parsed = parseBody(read.body, limits);
    if (parsed.kind === "error") {
      counters.errors++;
      log.info({ node, status: parsed.error.status, code: parsed.error.code, client }, "rpc");
      return send(res, parsed.error.status, errorBody(parsed.error));
    }
    const exit = new ClientExit();
    res.once("close", () => {
      if (!res.writableFinished) {
        counters.cancelled++;
        exit.leave();
      }
    });
    if (parsed.kind === "single") {
      const out = await runItem(node, parsed.item, client, limits.maxReply, exit);
      return send(res, out.status, out.body, void 0, () => budget.give(out.reserved));
    }
    const more = parsed.items.length > 1 ? limiter.take(client, parsed.items.length - 1) : 0;
    if (more) return refuse(res, node, client, rateLimited(more), { "retry-after": String(more) });
    return runBatch(res, node, parsed.items, client, exit);
  };
  const runBatch = async (res, node, items, client, exit) => {
    res.writeHead(200, { ...JSON_HEADERS });
    let left = limits.maxBatchReply;
    let spent = false;
    for (let i = 0; i < items.length && !res.destroyed; i++) {
      const item = items[i];
      let out;
      if (spent) out = { status: 500, body: errorBody(replyTooLarge(limits.maxBatchReply, "batch", "GATEWAY_MAX_BATCH_REPLY"), item.id), reserved: 0 };
      else {
        const cap = Math.min(limits.maxReply, left);
        out = await runItem(node, item, client, cap, exit);
        const size = out.code === GatewayCode.REPLY_TOO_LARGE ? cap : Buffer.byteLength(out.body);
        if (out.code === GatewayCode.REPLY_TOO_LARGE && cap < limits.maxReply) spent = true;
        if (size > left) {
          budget.give(out.reserved);
          spent = true;
          out = { status: 500, body: errorBody(replyTooLarge(limits.maxBatchReply, "batch", "GATEWAY_MAX_BATCH_REPLY"), item.id), reserved: 0 };
        } else {
          left -= size;
          if (left < 64) spent = true;
        }
      }
      await write(res, (i === 0 ? "[" : ",") + out.body);
      budget.give(out.reserved);
    }
    if (!res.destroyed) res.end(items.length ? "]\n" : "[]\n");
  };
  const meta = async () => ({
    kind: upstream.kind,
    chain: await upstream.chainParams(),
    nodes: upstream.nodes,
    defaultNode,
    profile: policy.profile,
    methods: policy.allowed,
    limits: { ...limits },
    counters: { ...counters }
  });
  const health = async (res) => {
    try {
      const h = await upstream.health(Math.min(5e3, limits.upstreamTimeoutMs));
      send(res, h.ok ? 200 : 503, JSON.stringify({ status: h.ok ? "ok" : "unavailable", backend: upstream.kind, detail: h.detail, height: h.height }));
    } catch {
      send(res, 503, JSON.stringify({ status: "unavailable", backend: upstream.kind, detail: "health check failed" }));
    }
  };
  const route = async (req, res, next) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path3 = q < 0 ? url : url.slice(0, q);
    if (path3 === "/healthz") {
      if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, JSON.stringify({ status: "method not allowed" }), { allow: "GET" });
      return health(res);
    }
    if (path3 !== "/rpc" && !path3.startsWith("/rpc/")) {
      if (next) return next();
      return send(res, 404, errorBody(gatewayError(-32600, "Not found", 404)));
    }
    const peer = req.socket.remoteAddress ?? "";
    const client = clientIp(req, trusted);
    if (policy.profile === "local" && !isLoopback(client) && !allowedPeers.has(client)) {
      return refuse(res, void 0, client, peerNotAllowed());
    }
    const fwdHost = trusted.has(peer) ? req.headers["x-forwarded-host"]?.split(",")[0].trim() : void 0;
    if (policy.profile === "local" && !hostIsAllowed(fwdHost ?? req.headers.host)) {
      return refuse(res, void 0, client, hostNotAllowed());
    }
    const origin = checkOrigin(req, corsOrigins, fwdHost);
    if (!origin.allowed) return refuse(res, void 0, client, originNotAllowed());
    if (origin.cors) {
      if (req.method === "OPTIONS") return answerPreflight(req, res, origin.cors);
      setCorsHeaders(res, origin.cors);
    }
    if (path3 === "/rpc/meta") {
      if (req.method !== "GET") return send(res, 405, errorBody(invalidRequest("Use GET for /rpc/meta", 405)), { allow: "GET" });
      return send(res, 200, JSON.stringify(await meta()));
    }
    const nodePath = path3 === "/rpc" ? void 0 : decodeSafe(path3.slice(5));
    return handleRpc(req, res, nodePath, clientKey(client));
  };
  return {
    policy,
    upstream,
    counters,
    meta,
    get bytesInFlight() {
      return budget.used;
    },
    attach(server) {
      return guardConnections(server, limits, trusted);
    },
    handle(req, res, next) {
      route(req, res, next).catch((e) => {
        log.error({ err: e instanceof Error ? e.name : typeof e }, "gateway failure");
        send(res, 500, errorBody(gatewayError(-32603, "Internal error", 500)));
      });
    },
    async close() {
      await upstream.close();
      await new Promise((resolve2) => log.flush(() => resolve2()));
    }
  };
}
function decodeSafe(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// server/gateway/httpUpstream.ts
import { Pool } from "undici";

// server/gateway/coalesce.ts
init_jsonrpc();

// server/gateway/jsonArrayItems.ts
var QUOTE = 34;
var BACKSLASH = 92;
var COMMA = 44;
var OPEN = /* @__PURE__ */ new Set([91, 123]);
var CLOSE = /* @__PURE__ */ new Set([93, 125]);
var SPACE = /* @__PURE__ */ new Set([32, 9, 10, 13]);
function jsonArrayItems(text) {
  let start = 0;
  let end = text.length;
  while (start < end && SPACE.has(text.charCodeAt(start))) start++;
  while (end > start && SPACE.has(text.charCodeAt(end - 1))) end--;
  if (text.charCodeAt(start) !== 91 || text.charCodeAt(end - 1) !== 93) return null;
  const items = [];
  let depth = 0;
  let inString = false;
  let itemStart = start + 1;
  const push = (to) => {
    const item = text.slice(itemStart, to).trim();
    if (!item) return false;
    items.push(item);
    return true;
  };
  for (let i = start + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) {
      if (--depth < 0) return null;
    } else if (c === COMMA && depth === 0) {
      if (!push(i)) return null;
      itemStart = i + 1;
    }
  }
  if (inString || depth !== 0) return null;
  if (!push(end - 1)) return items.length === 0 && text.slice(start + 1, end - 1).trim() === "" ? items : null;
  return items;
}

// server/gateway/coalesce.ts
function createCoalescer(deps) {
  let pending = [];
  let scheduled = false;
  let batches = true;
  const alone = (p2) => {
    deps.post(p2.body, p2.opts).then((raw) => deps.reply(raw, p2.opts.budget)).then(p2.resolve, p2.reject);
  };
  const unusable = () => new UpstreamFailure(upstreamUnavailable(deps.node, 502));
  const itemReply = (item, p2) => {
    const bytes = Buffer.byteLength(item);
    if (bytes > p2.opts.maxBytes) return new ReplyCut("too-large");
    if (item.charCodeAt(0) !== 123) return unusable();
    let error;
    try {
      error = JSON.parse(item).error ?? null;
    } catch {
      return unusable();
    }
    if (error !== null && typeof error.code !== "number") return unusable();
    return { status: httpStatusFor(error), body: item, error, reserved: bytes };
  };
  const batch = async (group) => {
    const budget = group[0].opts.budget;
    const opts = {
      timeoutMs: Math.min(...group.map((p2) => p2.opts.timeoutMs)),
      // Room for every call's own cap, the brackets and commas; each item is checked against its own.
      maxBytes: group.reduce((n, p2) => n + p2.opts.maxBytes, 0) + group.length + 2,
      budget
    };
    let raw;
    try {
      raw = await deps.post(`[${group.map((p2) => p2.body).join(",")}]`, opts);
    } catch (e) {
      if (e instanceof ReplyCut) return group.forEach(alone);
      return group.forEach((p2) => p2.reject(e));
    }
    const items = raw.status === 200 ? jsonArrayItems(raw.text) : null;
    if (!items || items.length !== group.length) {
      let failure = null;
      try {
        budget.give(deps.reply(raw, budget).reserved);
      } catch (e) {
        failure = e;
      }
      if (failure) return group.forEach((p2) => p2.reject(failure));
      batches = false;
      return group.forEach(alone);
    }
    let handedOut = 0;
    group.forEach((p2, i) => {
      const r = itemReply(items[i], p2);
      if (r instanceof Error) return p2.reject(r);
      handedOut += r.reserved;
      p2.resolve(r);
    });
    budget.give(raw.reserved - handedOut);
  };
  const flush = () => {
    scheduled = false;
    const all = pending;
    pending = [];
    const byBudget = /* @__PURE__ */ new Map();
    for (const p2 of all) {
      const list = byBudget.get(p2.opts.budget);
      if (list) list.push(p2);
      else byBudget.set(p2.opts.budget, [p2]);
    }
    for (const list of byBudget.values()) {
      for (let i = 0; i < list.length; i += deps.maxBatch) {
        const group = list.slice(i, i + deps.maxBatch);
        if (group.length === 1 || !batches) group.forEach(alone);
        else batch(group).catch((e) => group.forEach((p2) => p2.reject(e)));
      }
    }
  };
  return {
    call(body, opts) {
      return new Promise((resolve2, reject) => {
        pending.push({ body, opts, resolve: resolve2, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    }
  };
}

// server/gateway/httpUpstream.ts
function dispatchPost(pool3, options, call) {
  return new Promise((resolve2, reject) => {
    const chunks = [];
    let size = 0;
    let status = 0;
    let settled = false;
    let controller = null;
    const { signal } = call;
    const onAbort = () => fail(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
    const settle = () => {
      if (settled) return false;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      return true;
    };
    const fail = (e) => {
      if (!settle()) return;
      call.budget.give(size);
      reject(e);
      controller?.abort(e);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    pool3.dispatch(options, {
      onRequestStart(c) {
        controller = c;
        if (settled) c.abort(new Error("aborted"));
      },
      onResponseStart(_c, statusCode) {
        status = statusCode;
      },
      onResponseData(_c, chunk) {
        if (settled) return;
        if (size + chunk.length > call.maxBytes) return fail(new ReplyCut("too-large"));
        if (!call.budget.take(chunk.length)) return fail(new ReplyCut("budget"));
        size += chunk.length;
        chunks.push(chunk);
      },
      onResponseEnd() {
        if (!settle()) return;
        const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
        resolve2({ status, text: bytes.toString("utf8"), reserved: size });
      },
      onResponseError(_c, e) {
        fail(e);
      }
    });
  });
}
function createHttpUpstream(endpoints, opts) {
  const byName = new Map(endpoints.map((e) => [e.name, e]));
  const origin = (e) => `http://${e.host.includes(":") ? `[${e.host}]` : e.host}:${e.port}`;
  const pool3 = (e, connections) => new Pool(origin(e), { connections, pipelining: 1, keepAliveTimeout: 3e4 });
  const pools = new Map(endpoints.map((e) => [e.name, { cheap: pool3(e, opts.maxSockets), heavy: pool3(e, opts.heavySockets ?? 2) }]));
  const headers = new Map(
    endpoints.map((e) => [
      e.name,
      { "content-type": "application/json", ...e.auth ? { authorization: `Basic ${Buffer.from(e.auth, "utf8").toString("base64")}` } : {} }
    ])
  );
  const post = async (node, body, call) => {
    const ep = byName.get(node);
    const lanes = pools.get(node);
    if (!ep || !lanes) throw new UpstreamFailure(upstreamUnavailable(node));
    try {
      return await dispatchPost(call.heavy ? lanes.heavy : lanes.cheap, {
        path: ep.path || "/",
        method: "POST",
        headers: headers.get(node),
        body,
        headersTimeout: call.timeoutMs,
        bodyTimeout: call.timeoutMs
      }, call);
    } catch (e) {
      if (e instanceof ReplyCut) throw e;
      const code = e?.code;
      if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") throw new UpstreamFailure(upstreamTimeout(node, call.timeoutMs));
      throw new UpstreamFailure(upstreamUnavailable(node, code === "UND_ERR_SOCKET" || code === "ECONNREFUSED" ? 503 : 502));
    }
  };
  const toReply = (node, raw, budget) => {
    try {
      return checkReply(node, raw);
    } catch (e) {
      budget.give(raw.reserved);
      throw e;
    }
  };
  const checkReply = (node, raw) => {
    if (raw.status === 401 || raw.status === 403) throw new UpstreamFailure(upstreamUnavailable(node, 502));
    if (raw.status === 500 && raw.text.startsWith("Work queue depth exceeded")) throw new UpstreamFailure(upstreamBusy(node));
    const body = raw.text.trimEnd();
    let error = null;
    if (raw.status !== 200) {
      try {
        const parsed = JSON.parse(body);
        error = parsed?.error ?? null;
      } catch {
        error = null;
      }
      if (!error || typeof error.code !== "number") throw new UpstreamFailure(upstreamUnavailable(node, 502));
    } else if (!body.startsWith("{")) throw new UpstreamFailure(upstreamUnavailable(node, 502));
    return { status: raw.status, body, error, reserved: raw.reserved };
  };
  const coalescers = new Map(
    endpoints.map((e) => [e.name, createCoalescer({
      node: e.name,
      post: (body, call) => post(e.name, body, call),
      reply: (raw, budget) => toReply(e.name, raw, budget),
      maxBatch: opts.maxBatch ?? 32
    })])
  );
  let cachedParams = null;
  const firstNode = endpoints[0]?.name ?? "miner";
  const ownBudget = createByteBudget(1024 * 1024);
  const rpc = async (node, method, timeoutMs) => {
    const opts2 = { timeoutMs, maxBytes: ownBudget.limit, budget: ownBudget };
    const reply2 = toReply(node, await post(node, serializeCall({ method, params: [], id: "gateway" }), opts2), ownBudget);
    ownBudget.give(reply2.reserved);
    return JSON.parse(reply2.body);
  };
  return {
    kind: "komodod",
    nodes: endpoints.map((e) => e.name),
    async call(node, call, opts2) {
      const coalescer = coalescers.get(node);
      if (coalescer && opts2.repeatable && !opts2.heavy && !opts2.signal) return coalescer.call(serializeCall(call), opts2);
      return toReply(node, await post(node, serializeCall(call), opts2), opts2.budget);
    },
    async health(timeoutMs) {
      let height;
      for (const node of endpoints.map((e) => e.name)) {
        try {
          const r = await rpc(node, "getblockcount", timeoutMs);
          if (r.error) return { ok: false, detail: `${node}: ${r.error.message}` };
          if (node === firstNode) height = Number(r.result);
        } catch (e) {
          return { ok: false, detail: e instanceof UpstreamFailure ? e.message : `${node}: unavailable` };
        }
      }
      return { ok: true, detail: "komodod nodes answering", height };
    },
    async chainParams() {
      if (cachedParams && performance.now() - cachedParams.at < 1e4) return cachedParams.value;
      try {
        const r = await rpc(firstNode, "getinfo", 5e3);
        if (r.error || !r.result || typeof r.result !== "object") return cachedParams?.value ?? null;
        const info = r.result;
        const keep = ["name", "version", "KMDversion", "p2pport", "rpcport", "magic", "premine", "CCid", "reward", "halving", "decay", "endsubsidy", "testnet"];
        const value = withoutSecrets(Object.fromEntries(keep.filter((k) => k in info).map((k) => [k, info[k]])));
        cachedParams = { at: performance.now(), value };
        return value;
      } catch {
        return cachedParams?.value ?? null;
      }
    },
    async close() {
      await Promise.all([...pools.values()].flatMap((lanes) => [lanes.cheap.destroy(), lanes.heavy.destroy()]));
    }
  };
}

// server/gateway/index.ts
var FIXED_SEED_REFUSAL = "GATEWAY_PROFILE=public refused: this devchain's wallet seed is fixed (DEVCHAIN_SEED, or a data directory created with a known seed), so anyone who knows it can derive the miner's keys, sign its coins away offline and broadcast them through sendrawtransaction. Unset DEVCHAIN_SEED and start on a new data directory (another DEVCHAIN_DATA, or --reset): its seed is then random and kept in that directory.";
function upstreamFromConfig(config) {
  if (config.nodes.length === 0) return null;
  return createHttpUpstream(config.nodes, { maxSockets: config.limits.concurrency, heavySockets: config.limits.heavyConcurrency });
}
async function createGatewayFromEnv(opts = {}) {
  const env = opts.env ?? process.env;
  const config = configFromEnv(env);
  const logger = opts.logger ?? createLogger(config.logLevel);
  let upstream = upstreamFromConfig(config);
  if (!upstream) {
    const seed = env.DEVCHAIN_SEED?.trim() || void 0;
    const chain = opts.devchain ?? await createDevchain({
      storage: fileStorage,
      args: chainArgs(env),
      modules: await loadModuleRules(),
      recover: opts.devchainRecover ?? env.DEVCHAIN_RECOVER === "1",
      log: (line) => logger.warn(line),
      seed,
      ...opts.devchainDataDir === void 0 ? {} : { dataDir: opts.devchainDataDir }
    });
    if (config.profile === "public" && chain.seedFixed) {
      if (!opts.devchain) await chain.close();
      throw new Error(FIXED_SEED_REFUSAL);
    }
    upstream = createDevchainUpstream(chain, { ownsChain: !opts.devchain });
  }
  return createGateway({
    upstream,
    profile: config.profile,
    limits: config.limits,
    trustedProxies: config.trustedProxies,
    corsOrigins: config.corsOrigins,
    allowedHosts: config.allowedHosts,
    allowedPeers: config.allowedPeers,
    logger
  });
}

// protocol/rpcMark.ts
var RPC_SERVER_TIMING = "kj-rpc";
var RPC_MARK_HEADER = ["Server-Timing", RPC_SERVER_TIMING];

// server/start.ts
var ROOT = path2.resolve(path2.dirname(fileURLToPath2(import.meta.url)), "..");
var HASHED_ASSET = /^\/assets\/.+[.-][\w-]{8,}\.\w+$/;
var CLOSE_GRACE_MS = 2e3;
async function startServer(options = {}) {
  const dist = path2.resolve(ROOT, options.dist ?? process.env.KJ_DIST ?? ".vuepress/dist");
  if (!fs2.existsSync(path2.join(dist, "index.html"))) {
    throw new Error(`No built site in ${dist}: run \`npm run build\` first.`);
  }
  const notFound = fs2.readFileSync(path2.join(dist, "404.html"));
  const statics = sirv(dist, {
    etag: true,
    // `npm run build` writes .br/.gz beside each asset; sirv picks one by Accept-Encoding.
    brotli: true,
    gzip: true,
    // Hashed assets are cached for a year; everything else (HTML above all) is revalidated on each
    // visit so a deploy shows at once.
    setHeaders: (res, pathname) => {
      res.setHeader("Cache-Control", HASHED_ASSET.test(pathname) ? "public, max-age=31536000, immutable" : "no-cache");
    }
  });
  const gateway = options.gateway === false ? null : options.gateway ?? await createGatewayFromEnv(options.recover ? { devchainRecover: true } : {});
  const serveStatic = (req, res) => {
    statics(req, res, () => {
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" });
      res.end(req.method === "HEAD" ? void 0 : notFound);
    });
  };
  const server = http.createServer((req, res) => {
    if (gateway) {
      gateway.handle(req, res, () => {
        res.setHeader(...RPC_MARK_HEADER);
        serveStatic(req, res);
      });
    } else serveStatic(req, res);
  });
  gateway?.attach(server);
  server.headersTimeout = 2e4;
  server.requestTimeout = 6e4;
  const envPort = process.env.PORT?.trim();
  const port = options.port ?? (envPort ? Number(envPort) : 8080);
  const host = options.host ?? process.env.HOST ?? "127.0.0.1";
  try {
    await new Promise((resolve2, reject) => {
      server.once("error", reject);
      server.listen(port, host, resolve2);
    });
  } catch (e) {
    await gateway?.close();
    throw e;
  }
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}`,
    gateway,
    close: async () => {
      const closed = new Promise((resolve2) => server.close(() => resolve2()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cut);
      await gateway?.close();
    }
  };
}
if (process.argv[1] && path2.resolve(process.argv[1]) === fileURLToPath2(import.meta.url)) {
  startServer({ recover: process.argv.includes("--recover") }).then((s) => {
    console.log(JSON.stringify({ msg: `Komodo Journeys on ${s.url}`, backend: s.gateway?.upstream.kind, profile: s.gateway?.policy.profile }));
    const stop = () => {
      s.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  }).catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
export {
  startServer
};
