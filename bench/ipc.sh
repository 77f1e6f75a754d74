# Sourced by bench/run.sh: the local IPC figures (issue 9).  Bulk transfer
# of 64 KiB writes through a unix stream socket pair and through a pipe
# (MB/s), and 64-byte round trips over a seqpacket pair (trips/s), each
# beside the same loop in plain C on libuv (bench/ipc_uv.c, the floor).

IPC_CHUNKS=8192         # x 64 KiB = 512 MiB
IPC_TRIPS=100000

if available ipc && "$CC" -O2 -o "$TMP/ipc_uv" "$BENCH/ipc_uv.c" \
        $(pkg-config --cflags --libs libuv) 2>"$TMP/ipc_uv.cc.err"; then
    ipc_bytes=$((IPC_CHUNKS * 65536))
    for kind in stream pipe; do
        label="unix stream pair, 64 KiB writes"
        [ "$kind" = pipe ] && label="pipe, 64 KiB writes"
        timed "e_ipc_$kind" "$REPS" "$TMP/e_ipc_$kind.out" "$EMILUA" \
            "$BENCH/emilua/ipc_bulk.lua" "$kind" "$IPC_CHUNKS"
        if check "e_ipc_$kind" "$ipc_bytes"; then
            e_bps=$(rate "$ipc_bytes" "$T_MIN" "$E_START")
            timed "f_ipc_$kind" "$REPS" "$TMP/f_ipc_$kind.out" \
                "$TMP/ipc_uv" "$kind" "$IPC_CHUNKS"
            check "f_ipc_$kind" "$ipc_bytes" || true
            f_bps=$(rate "$ipc_bytes" "$T_MIN" 0)
            r=$(calc "printf \"%.2f\", $e_bps / $f_bps")
            row "$label" "$(calc "printf \"%.0f MB/s\", $e_bps / 1e6")" \
                "$(calc "printf \"%.0f MB/s (C)\", $f_bps / 1e6")" "${r}x" \
                ">= 0.9x" "$(verdict "$r >= 0.9")"
        else
            row "$label" "$FAIL" - - ">= 0.9x" MISS
        fi
    done
    label="seqpacket 64 B round trips"
    timed e_ipc_seq "$REPS" "$TMP/e_ipc_seq.out" "$EMILUA" \
        "$BENCH/emilua/ipc_seqpacket.lua" "$IPC_TRIPS"
    if check e_ipc_seq "$IPC_TRIPS"; then
        e_tps=$(rate "$IPC_TRIPS" "$T_MIN" "$E_START")
        timed f_ipc_seq "$REPS" "$TMP/f_ipc_seq.out" "$TMP/ipc_uv" \
            seqpacket "$IPC_TRIPS"
        check f_ipc_seq "$IPC_TRIPS" || true
        f_tps=$(rate "$IPC_TRIPS" "$T_MIN" 0)
        r=$(calc "printf \"%.2f\", $e_tps / $f_tps")
        row "$label" "$(human "$e_tps") trip/s" \
            "$(human "$f_tps") trip/s (C)" "${r}x" ">= 0.8x" \
            "$(verdict "$r >= 0.8")"
    else
        row "$label" "$FAIL" - - ">= 0.8x" MISS
    fi
else
    for label in "unix stream pair, 64 KiB writes" "pipe, 64 KiB writes"; do
        missing_row "$label" ">= 0.9x"
    done
    missing_row "seqpacket 64 B round trips" ">= 0.8x"
fi
