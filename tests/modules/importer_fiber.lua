-- A module's top level runs as the importing fiber: same id, is_main and
-- fiber-local storage.
this_fiber.local_.from_importer = 'importer value'
local m = require('./imp/fiber_probe')
print(m.same_id == this_fiber.id, m.is_main, m.seen_local)
print(this_fiber.local_.from_module)
