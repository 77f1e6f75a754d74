-- Floor for emilua/scanner.lua: io.lines() over the same pipe.
local n = 0
for _ in io.lines() do n = n + 1 end
print(n)
