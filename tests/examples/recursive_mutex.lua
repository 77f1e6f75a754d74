-- The recursive_mutex module: a fiber that holds the lock may take it
-- again, so functions that lock can call each other.
local recursive_mutex = require 'recursive_mutex'

local account = {balance = 100}
local m = recursive_mutex.new()

local function locked(fn)
    return function(...)
        m:lock()
        -- unlock however fn ends (error included)
        return (function(ok, ...)
            m:unlock()
            if not ok then error((...), 0) end
            return ...
        end)(pcall(fn, ...))
    end
end

local withdraw = locked(function(amount)
    if amount > account.balance then error('insufficient funds', 0) end
    this_fiber.yield()                 -- e.g. an audit write that suspends
    account.balance = account.balance - amount
end)

-- transfer() holds the lock and calls withdraw(), which locks again.
local transfer = locked(function(amounts)
    for _, amount in ipairs(amounts) do withdraw(amount) end
    return account.balance
end)

local a = spawn(function() print('a: balance', transfer({10, 20})) end)
local b = spawn(function() print('b: balance', transfer({30})) end)
a:join()
b:join()
print(pcall(transfer, {1000}))
print('lock free again:', m:try_lock())
m:unlock()
