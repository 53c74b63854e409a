# `npm run chain -- <komodod flags>`: the devchain on plain Node (launch.mjs), started from Node's
# startup snapshot of it when there is a current one (snapshotEntry.cjs), which spares a start most of
# its cost before the first answer. A start without one builds it in the background, for the next.
#
# A shell script because Node reads --snapshot-blob only from its own command line, and a blob loads
# only into the Node binary it was built by, with the same V8 flags (else Node exits at once with
# status 14). So the blob's key file names the binary (path, inode, size, mtime) and the flags, and this
# script compares them before it passes the blob. DEVCHAIN_SNAPSHOT=0 starts without it.
#
# The V8 flags, for every start: --max-semi-space-size=2, because V8 otherwise lets the young
# generation grow to 3×16 MB, which at 10,000 blocks and txs was a fifth of the chain's RSS, for no
# measurable throughput gain here; --heap-growing-percent=20, so the old generation grows by 1.2×
# between full collections instead of V8's up to 4× (at 100,000 blocks and 500 payments, 200 MB of RSS
# against 221 MB, generate and sendtoaddress costing the same CPU within the noise; --optimize-for-size
# gave 194 MB but ~15% more CPU per payment in an earlier run).
#
# NODE_EXTRA_CA_CERTS is dropped: Node reads and parses that bundle at every start, before any code of
# ours runs (about 40 ms of a 67 ms `node -e 0` on a machine that sets it to the system's 144 certificates),
# and the chain never opens a TLS connection.
unset NODE_EXTRA_CA_CERTS
case $0 in */*) here=${0%/*} ;; *) here=. ;; esac
flags='--max-semi-space-size=2 --heap-growing-percent=20'
node=$(command -v node) || { echo 'devchain: node is not on the PATH' >&2; exit 127; }
DEVCHAIN_NODE_FLAGS=$flags
DEVCHAIN_SNAPSHOT_KEY="$(ls -lLi "$node") $flags"
export DEVCHAIN_NODE_FLAGS DEVCHAIN_SNAPSHOT_KEY
blob=${DEVCHAIN_BUNDLE_DIR:-$here/../../node_modules/.cache/devchain}/cli.blob
if [ "${DEVCHAIN_SNAPSHOT:-1}" != 0 ] && [ -f "$blob" ] && { read -r key < "$blob.key"; } 2>/dev/null && [ "$key" = "$DEVCHAIN_SNAPSHOT_KEY" ]; then
  # A damaged blob makes Node abort before any code of ours runs, and it would at every start. So a start
  # from the blob leaves a mark that its first line of code removes: a mark still there means the last
  # start from this blob never got that far. Then it is dropped, and this start runs without it (and
  # builds it again). At worst, as when two chains start at once, a good blob is built again.
  mark=$blob.started
  if [ -e "$mark" ]; then
    echo "devchain: the last start from Node's startup snapshot ($blob) did not get as far as the chain: starting without it, and building it again" >&2
    rm -f "$blob.key" "$mark"
  elif : > "$mark" 2>/dev/null; then
    DEVCHAIN_SNAPSHOT_MARK=$mark
    export DEVCHAIN_SNAPSHOT_MARK
    exec "$node" --snapshot-blob "$blob" $flags "$here/launch.mjs" "$@"
  fi
fi
exec "$node" $flags "$here/launch.mjs" "$@"
