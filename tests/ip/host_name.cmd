"$EMILUA" host_name.lua "$(cat /proc/sys/kernel/hostname)"
