-- 1 GiB written to system.out (run.sh points stdout at /dev/null) in
-- 64 KiB stream.write_all() calls, as the dd floor does.
local stream = require 'stream'
local system = require 'system'
local CHUNK, COUNT = 65536, 16384
local buf = byte_span.with_zeros(CHUNK)
local out = system.out
local write_all = stream.write_all
for _ = 1, COUNT do write_all(out, buf) end
