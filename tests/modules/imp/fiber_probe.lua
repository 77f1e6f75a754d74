same_id = this_fiber.id
is_main = this_fiber.is_main
seen_local = this_fiber.local_.from_importer
this_fiber.local_.from_module = 'module value'
