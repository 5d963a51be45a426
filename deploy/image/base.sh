#!/usr/bin/env bash
# Makes the base image of the service without a container engine or a registry: a minimal Debian 12
# root file system with Java 17's headless runtime and the user the service runs as (uid 10001),
# built with debootstrap from Debian's packages and packed as a one-layer `docker save` tar, which
# Jib takes as `tar://` (ledger-service's pom, profile "image"). Prints the tar's path.
#
# The tar is cached outside the repository, under ~/.cache/collections-ledger/ (XDG_CACHE_HOME),
# keyed by this script's text and the Java runtime's version Debian offers: the same recipe and the
# same runtime reuse it (seconds), a change to either builds anew (about a minute). Delete the
# folder to rebuild by hand. Needs root (debootstrap and chroot); idempotent.
set -euo pipefail
SUITE=bookworm
RUNTIME=openjdk-17-jre-headless
say() { echo "base image: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The runtime's version as apt on this machine sees it (empty on a machine without apt): a new
# release of it, a security fix included, makes a new key.
runtime_version=$(apt-cache policy "$RUNTIME" 2>/dev/null | sed -n 's/^ *Candidate: //p')
key=$( { cat "$0"; echo "$runtime_version"; } | sha256sum | cut -c1-16)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/collections-ledger/base-$key
if [ -f "$cache/base.tar" ]; then
  echo "$cache/base.tar"; exit 0
fi

command -v debootstrap >/dev/null || { say "installing debootstrap"; as_root apt-get install -y -qq debootstrap >/dev/null; }
work=$(mktemp -d)
cleanup() { as_root rm -rf "$work"; }
trap cleanup EXIT
root=$work/rootfs
# A command in the new root with /proc mounted, as Java's launcher and the packages' scripts need;
# the mount lives in a namespace of its own and goes with the command.
in_root() { as_root unshare --mount --propagation private sh -c 'mount -t proc proc "$0/proc" && exec chroot "$0" "$@"' "$root" "$@"; }
say "debootstrap $SUITE with $RUNTIME ${runtime_version:+($runtime_version) }into $root"
as_root debootstrap --variant=minbase --include="$RUNTIME" "$SUITE" "$root" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
# Security and point-release updates from the sources this machine's apt uses, when it runs the same
# suite (debootstrap itself reads only the release).
if grep -qs "VERSION_CODENAME=$SUITE" /etc/os-release && [ -f /etc/apt/sources.list.d/debian.sources ]; then
  as_root cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/"
  as_root rm -f "$root/etc/apt/sources.list"
  in_root sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get upgrade -y -qq' >>"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
fi
in_root sh -c 'groupadd --gid 10001 ledger &&
  useradd --uid 10001 --gid ledger --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin ledger'
java_home=$(dirname "$(dirname "$(in_root readlink -f /usr/bin/java)")")
in_root dpkg-query -W -f '${Package} ${Version}\n' >"$work/packages.txt"
jre=$(in_root dpkg-query -W -f '${Version}' "$RUNTIME")
# What a running container never reads: package caches and lists, documentation, translations, logs;
# and what the container runtime provides itself (devices, name resolution, host name).
in_root apt-get clean
as_root sh -c "cd '$root' && rm -rf var/lib/apt/lists/* var/cache/apt/*.bin var/cache/debconf/*-old var/lib/dpkg/*-old \
  usr/share/doc/* usr/share/man/* usr/share/info/* usr/share/locale/* var/log/* dev/* proc/* sys/* \
  etc/resolv.conf etc/hostname etc/machine-id"

# One layer, as `docker save` writes it: entries without a leading ./, numeric owners kept, sorted.
image=$work/image
mkdir -p "$image"
as_root tar --numeric-owner --sort=name -C "$root" -cf "$image/layer.tar" $(ls -A "$root")
diff_id=$(sha256sum "$image/layer.tar" | cut -d' ' -f1)
gzip -n "$image/layer.tar"
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
cat >"$image/config.json" <<JSON
{"architecture": "$arch", "os": "linux", "created": "$created",
 "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "JAVA_HOME=$java_home", "LANG=C.UTF-8"],
            "User": "10001:10001"},
 "rootfs": {"type": "layers", "diff_ids": ["sha256:$diff_id"]},
 "history": [{"created": "$created", "created_by": "deploy/image/base.sh $key: debootstrap --variant=minbase $SUITE, $RUNTIME $jre, user ledger (10001)"}]}
JSON
cat >"$image/manifest.json" <<JSON
[{"Config": "config.json", "RepoTags": ["collections-ledger/base:$key"], "Layers": ["layer.tar.gz"]}]
JSON
mkdir -p "$cache"
tar -C "$image" -cf "$cache/base.tar.part" manifest.json config.json layer.tar.gz
cp "$work/packages.txt" "$cache/packages.txt"
mv "$cache/base.tar.part" "$cache/base.tar"
say "$cache/base.tar: $SUITE, $RUNTIME $jre, $(wc -l <"$work/packages.txt") packages, $(du -m "$cache/base.tar" | cut -f1) MiB"
echo "$cache/base.tar"
