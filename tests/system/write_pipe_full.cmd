# 1 MiB through a pipe far smaller than that: write_some has to wait for
# the reader, and every byte arrives once.
"$EMILUA" write_pipe_full.lua | wc -c | tr -d ' '
