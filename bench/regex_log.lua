-- Writes a 100 MB web-service log to stdout (about 1.4M lines, one in
-- about thirty an ERROR ... timeout), the same bytes on every run.
local levels = {'INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'}
local what = {'request done', 'cache miss', 'upstream timeout',
              'connection reset', 'slow query'}
local seed = 12345
local function rnd(m)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return math.floor(seed / 65536) % m
end
local out, n, size = {}, 0, 0
local format = string.format
while size < 100000000 do
    local line = format('2026-12-07T%02d:%02d:%02d.%03d %-5s worker-%02d ' ..
                        'id=%07d %s in %dms\n', rnd(24), rnd(60), rnd(60),
                        rnd(1000), levels[rnd(6) + 1], rnd(32), rnd(10000000),
                        what[rnd(5) + 1], rnd(5000))
    n = n + 1
    out[n] = line
    size = size + #line
    if n == 10000 then
        io.write(table.concat(out))
        out, n = {}, 0
    end
end
io.write(table.concat(out, '', 1, n))
