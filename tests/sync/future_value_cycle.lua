-- A result may refer back to its own future and promise: the pair is still
-- collected once unreachable (the weak table empties).
local future = require('future')
local weak = setmetatable({}, {__mode = 'k'})
do
    local promise, fut = future.new()
    promise:set_value({fut = fut, promise = promise})
    weak[fut] = true
    print(fut:get().fut == fut)
end
collectgarbage()
collectgarbage()
print(next(weak) == nil)
