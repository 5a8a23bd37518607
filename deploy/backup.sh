#!/bin/sh
# Nightly PostgreSQL dump (custom format: `pg_restore` restores it, one table at a time if need
# be) into /backups, keeping BACKUP_KEEP_DAYS days. Runs in the compose file's `backup` service;
# copy /backups off the machine (docs/operations.md, "Backups").
set -eu
keep_days="${BACKUP_KEEP_DAYS:-14}"
while true; do
    stamp="$(date -u +%Y%m%dT%H%M%SZ)"
    target="/backups/academy-${stamp}.dump"
    if pg_dump --format=custom --no-owner --file="${target}.partial"; then
        mv "${target}.partial" "${target}"
        echo "backup written: ${target}"
    else
        rm -f "${target}.partial"
        echo "backup FAILED at ${stamp}" >&2
    fi
    find /backups -name 'academy-*.dump' -mtime "+${keep_days}" -delete
    sleep 86400
done
